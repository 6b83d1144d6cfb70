//! Named entities, actors and places: dyad's actor stage.
//!
//! - [`ner`]: a greedy averaged-perceptron IOB2 tagger (PER, ORG, LOC, MISC) trained by
//!   `examples/train_ner.rs` on GUM's CC-BY entity layer; only words are needed.
//! - [`coder`]: [`ActorCoder`] chains mentions into actors (canonical name, every mention,
//!   titles, "the mayor", pronoun subjects), resolves places in the [`gazetteer`] and codes each
//!   actor at the document date: office holders, then dictionaries, then role + place, then the
//!   entity with its organisation's or the document's country.
//! - [`dict`]: tolerant readers for PETRARCH/Phoenix actor, agent and discard dictionaries.
//! - [`evaluate`], [`eval`], [`corpus`]: GUM, MEANTIME, CoNLL-2003 and PLOVER evaluations.
//!
//! ```
//! use dyad_actors::{ActorAnalysis, ActorCoder};
//! use dyad_core::{Analysis, Document};
//!
//! let coder = ActorCoder::new().unwrap(); // build once, share across threads
//! let doc = Document::new(
//!     "d1",
//!     jiff::civil::date(2026, 2, 26),
//!     "President Donald Trump criticised Hungarian officials. The president spoke at the White House.",
//! );
//! let mut analysis = Analysis::default();
//! dyad_actors::tokenize::segment(&doc.text, &mut analysis); // or dyad_segment
//! let mut out = ActorAnalysis::default();
//! coder.analyze(&doc, &analysis, &mut out);
//! let trump = out.actors.iter().find(|a| a.name == "Donald Trump").unwrap();
//! assert_eq!(trump.code.as_deref(), Some("USAGOV"));
//! assert_eq!(trump.mentions.len(), 2); // "Donald Trump", "The president"
//! let hu = out.actors.iter().find(|a| a.name == "Hungarian officials").unwrap();
//! assert_eq!(hu.code.as_deref(), Some("HUNGOV"));
//! ```
#![deny(missing_docs)]

pub mod augment;
pub mod coder;
pub mod corpus;
pub mod dict;
pub mod eval;
pub mod evaluate;
pub mod gazetteer;
pub mod ner;
pub mod roles;
pub mod tokenize;
pub mod typer;

pub use coder::{
    Actor, ActorAnalysis, ActorCoder, ActorCoderBuilder, CodeSource, CoderError, EntityMention,
    PlaceMention,
};
