//! The event record: the contract every coding stage fills and every sink stores.
//! `docs/record.md` documents each field; change both together.
use crate::{Precision, Span};
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One coded event, PLOVER-shaped, with CAMEO alongside and a span for every extracted field.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// Stable identifier: a hash of document id, sentence index, trigger span and code, so a
    /// re-run over the same text yields the same id.
    pub id: String,
    /// The report the event was coded from.
    pub document: DocRef,
    /// Index of the (first) sentence the event was coded from.
    pub sentence: u32,
    /// Bytes of that sentence.
    pub sentence_span: Span,
    /// PLOVER event category (`CONSULT`, `ACCUSE`, …).
    pub event: String,
    /// PLOVER mode, when the category has one that applies (`visit`, `phone`, …).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mode: Option<String>,
    /// PLOVER contexts (`diplomatic`, `economic`, …); may be empty.
    #[serde(default)]
    pub context: Vec<String>,
    /// Whether the text asserts, plans, negates or supposes the event.
    pub status: Status,
    /// CAMEO code produced by the matching pattern (never a fallback).
    pub cameo: String,
    /// Goldstein score of the CAMEO code (GDELT table), −10 (conflict) to +10 (cooperation).
    pub goldstein: f32,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    pub quad_class: u8,
    /// PLOVER event scale score for the category.
    pub plover_score: f32,
    /// The words that evoked the event.
    pub trigger: TextSpan,
    /// Who acted; several for coordinated actors.
    pub actor: Vec<Participant>,
    /// Who was acted upon; empty when the event has no recipient.
    #[serde(default)]
    pub recipient: Vec<Participant>,
    /// When the event happened (not when it was reported).
    pub date: EventDate,
    /// Where it happened, when a place is attached to the event's own clause.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<EventLocation>,
    /// Who the text attributes the report of the event to ("X said that …").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attribution: Option<TextSpan>,
    /// Every place in the document that reports this same event (the first is the trigger's).
    #[serde(default)]
    pub mentions: Vec<Mention>,
}

/// A reference from a record to its document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocRef {
    /// Document id.
    pub id: String,
    /// Report date.
    pub date: Date,
    /// Outlet, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Address, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Headline, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
}

/// A piece of the document text with its span.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// The surface text, copied at the output edge for readers of the record.
    pub text: String,
    /// Its bytes in the document text.
    pub span: Span,
}

/// Another mention of the same event in the same document.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Sentence index.
    pub sentence: u32,
    /// Trigger span in that sentence.
    pub span: Span,
}

/// Actor or recipient of an event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    /// The mention as written ("the mayor").
    pub text: String,
    /// Its bytes.
    pub span: Span,
    /// Canonical name of the entity it refers to ("Zohran Mamdani"), when known.
    #[serde(default)]
    pub name: Option<String>,
    /// ISO 3166 alpha-3 or PLOVER's IGO/UNO/EUR/NGO/ISM/IMG/MNC; null when unknown.
    #[serde(default)]
    pub country: Option<String>,
    /// PLOVER sector (GOV, MIL, COP, …); null rather than a guess.
    #[serde(default)]
    pub sector: Option<String>,
    /// CAMEO-style actor code (`USAGOV`); null when neither country nor sector is known.
    #[serde(default)]
    pub code: Option<String>,
    /// Whether the event stage lent the country from the event's setting (the agent's
    /// place, the event's place, the recipient) instead of reading it from these words. A
    /// hint between the stages, never written: the actor stage's own code for the words
    /// replaces a lent one, and the hint is then cleared.
    #[serde(skip)]
    pub borrowed: bool,
}

/// Whether the text asserts the event.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// Reported as having happened or happening.
    Asserted,
    /// Announced, intended or expected ("plans to", "will").
    Planned,
    /// Reported as not having happened ("did not", "refused to", "denied").
    Negated,
    /// Conditional or possible ("if", "could", "would").
    Hypothetical,
}

/// Where an event date came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateFrom {
    /// A temporal expression attached to the event's clause.
    Text,
    /// No attached expression: the report date stands in.
    Report,
}

/// The event's own date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDate {
    /// ISO 8601 value at its precision (`2026-02-26`, `2025-11`), or a TIMEX3
    /// underspecified value (`PAST_REF`).
    pub value: String,
    /// Granularity of `value`.
    pub precision: Precision,
    /// The temporal expression, when `from` is `text`.
    #[serde(default)]
    pub text: Option<String>,
    /// Its bytes, when `from` is `text`.
    #[serde(default)]
    pub span: Option<Span>,
    /// `text` or `report`.
    pub from: DateFrom,
}

/// The event's place.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventLocation {
    /// The place as written.
    pub text: String,
    /// Its bytes.
    pub span: Span,
    /// Gazetteer name.
    #[serde(default)]
    pub name: Option<String>,
    /// ISO 3166 alpha-3 country.
    #[serde(default)]
    pub country: Option<String>,
    /// First-level division (state, province) name.
    #[serde(default)]
    pub admin1: Option<String>,
    /// Latitude, WGS84.
    #[serde(default)]
    pub lat: Option<f64>,
    /// Longitude, WGS84.
    #[serde(default)]
    pub lon: Option<f64>,
    /// GeoNames identifier.
    #[serde(default)]
    pub geonames_id: Option<u64>,
}
