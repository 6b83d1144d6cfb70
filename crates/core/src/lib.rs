//! Shared types for every dyad stage.
//!
//! Every annotation is a [`Span`]: a byte range into [`Document::text`]. Stages never copy
//! surface text; `&doc.text[span.range()]` (or [`Document::slice`]) recovers it. Offsets
//! become character or UTF-16 offsets only at an API edge that asks for them.
//!
//! ```
//! use dyad_core::{Document, Span};
//! let doc = Document::new("d1", jiff::civil::date(2026, 2, 26), "Trump met Mamdani.");
//! assert_eq!(doc.slice(Span::new(0, 5)), "Trump");
//! ```
#![deny(missing_docs)]

mod codes;
mod document;
mod record;
mod span;
mod text;
mod time;

pub use codes::{plover_country_sector, plover_sector};
pub use document::{DocMeta, Document, Origin};
pub use record::{
    DateFrom, DocRef, EventDate, EventLocation, EventRecord, Mention, Participant, Status, TextSpan,
};
pub use span::Span;
pub use text::{Analysis, Duplicate, Paragraph, Sentence, Token};
pub use time::{MONTHS, Precision, Timex, TimexMod, TimexType, WEEKDAYS, calendar_word};
