//! Event coding for dyad: dictionaries, tables, scorers, and the parse-based coder.
//!
//! * [`verbs`]: reader for PETRARCH-2 verb pattern dictionaries (`CAMEO.2.0.txt`).
//! * [`tables`]: CAMEO descriptions, Goldstein scores, CAMEO → PLOVER category, mode and
//!   context, PLOVER quad class and score, compiled in.
//! * [`status`]: asserted / planned / negated / hypothetical, and no-event formulas.
//! * [`discards`]: story and sentence discard lists.
//! * [`petr`], [`plover_gsr`], [`cameo_examples`]: readers for the three evaluation sets and
//!   their scorers, which take any coder as a closure.
//! * [`baseline`]: a word-window pattern coder over the verb and actor dictionaries, so the
//!   scorers run end to end before the parse-based coder exists.
//! * [`parsed`]: the parse-based matcher: verb patterns over dependency clauses, with
//!   status, attribution, location and clause-bound dates; the document coder uses it.
//! * [`record`]: a coded event → [`dyad_core::EventRecord`] (the only path to a record).
//! * [`eval`]: the `dyad eval petr | plover | cameo-examples` runs in one call each.
//!
//! ```
//! use dyad_events::tables::code_info;
//! let info = code_info("042").unwrap();
//! assert_eq!(info.plover_event.as_deref(), Some("CONSULT"));
//! assert_eq!(info.mode.as_deref(), Some("visit"));
//! assert_eq!(info.quad_class, Some(1));
//! assert!(code_info("999").is_none()); // unknown codes are never guessed
//! ```
#![deny(missing_docs)]

pub mod assemble;
pub mod baseline;
pub mod cameo_examples;
pub mod discards;
pub mod eval;
pub mod parsed;
pub mod petr;
pub mod plover_gsr;
pub mod record;
mod report;
pub mod status;
pub mod tables;
pub mod verbs;

use dyad_core::Status;
use std::ops::Range;

/// One actor slot of a coded event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodedActor {
    /// CAMEO-style actor code (`GONGOV`, `USA`).
    pub code: String,
    /// Byte range of the mention in the sentence.
    pub span: Range<usize>,
    /// Whether the country was lent by the event's setting (the agent's place, the event's
    /// place or the recipient's country) rather than read from the mention's own words.
    pub borrowed: bool,
}

impl CodedActor {
    /// An actor coded from its own words.
    pub fn new(code: String, span: Range<usize>) -> CodedActor {
        CodedActor {
            code,
            span,
            borrowed: false,
        }
    }

    /// The country part of the code (its first three letters), when it has one.
    pub fn country(&self) -> Option<&str> {
        self.code
            .get(..3)
            .filter(|c| c.bytes().all(|b| b.is_ascii_uppercase()))
    }
}

/// One event a coder found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodedEvent {
    /// CAMEO code, exactly as the matching pattern or verb entry gave it.
    pub code: String,
    /// Source actor, when found.
    pub source: Option<CodedActor>,
    /// Target actor, when found.
    pub target: Option<CodedActor>,
    /// Byte range of the trigger (the verb) in the sentence.
    pub trigger: Range<usize>,
    /// Asserted, planned, negated or hypothetical.
    pub status: Status,
    /// Dictionary line of the pattern or verb entry that produced the code.
    pub rule_line: usize,
}

/// A coder's answer for one sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Coding {
    /// The events.
    pub events: Vec<CodedEvent>,
    /// Set when a discard phrase stopped coding.
    pub discard: Option<discards::DiscardScope>,
}

impl From<Vec<CodedEvent>> for Coding {
    fn from(events: Vec<CodedEvent>) -> Self {
        Coding {
            events,
            discard: None,
        }
    }
}
