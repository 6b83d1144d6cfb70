//! JSONL output for `dyad timex`: one object per TIMEX3.

use dyad_core::{Span, Timex, TimexMod, TimexType};
use serde::Serialize;
use std::io::{self, Write};

/// One TIMEX3 as printed by `dyad timex`: the surface text with its byte span.
#[derive(Clone, Debug, Serialize)]
pub struct TimexRecord<'a> {
    /// The document id, when the input named one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc: Option<&'a str>,
    /// The expression as written.
    pub text: &'a str,
    /// Its byte span in the document text.
    pub span: Span,
    /// TIMEX3 `type`.
    #[serde(rename = "type")]
    pub kind: TimexType,
    /// TIMEX3 `value`.
    pub value: &'a str,
    /// TIMEX3 `mod`.
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TimexMod>,
}

/// Writes one JSON line per timex of `text`.
pub fn write_jsonl<W: Write>(
    out: &mut W,
    doc: Option<&str>,
    text: &str,
    timexes: &[Timex],
) -> io::Result<()> {
    for t in timexes {
        let rec = TimexRecord {
            doc,
            text: text.get(t.span.range()).unwrap_or(""),
            span: t.span,
            kind: t.kind,
            value: &t.value,
            modifier: t.modifier,
        };
        serde_json::to_writer(&mut *out, &rec)?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
