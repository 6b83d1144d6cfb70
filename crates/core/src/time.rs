use crate::Span;
use serde::{Deserialize, Serialize};

/// A TimeML TIMEX3 temporal expression, normalised against the report date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Timex {
    /// The expression's extent in the document text.
    pub span: Span,
    /// TIMEX3 `type`.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 `value`: ISO 8601 (`2026-02-26`, `2025-11`, `2026-W09`, `P3D`), or an
    /// underspecified value (`PAST_REF`, `PRESENT_REF`, `FUTURE_REF`, `XXXX-11`).
    pub value: String,
    /// TIMEX3 `mod`, when the expression qualifies its value ("earlier this month" → START).
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TimexMod>,
    /// Granularity of `value` for DATE and TIME expressions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub precision: Option<Precision>,
}

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date or period ("Thursday", "in November", "2009").
    Date,
    /// A time of day ("1 p.m.").
    Time,
    /// A length of time ("two days", "a decade").
    Duration,
    /// A recurrence ("each season", "every week").
    Set,
}

/// TIMEX3 `mod` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
#[allow(missing_docs)] // names are the TimeML specification's
pub enum TimexMod {
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
    Start,
    Mid,
    End,
    Approx,
}

/// How precise a date value is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[allow(missing_docs)]
pub enum Precision {
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Season,
    Quarter,
    Year,
    Decade,
    Century,
    /// Not anchorable to the calendar (`PAST_REF`, `XXXX`).
    Unknown,
}

/// Month names, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Weekday names, lower case, Monday first.
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Whether a lower-case word is the full name of a weekday or a month, except "may" (a modal
/// far more often than the month).
pub fn calendar_word(lower: &str) -> bool {
    WEEKDAYS.contains(&lower) || (lower != "may" && MONTHS.contains(&lower))
}
