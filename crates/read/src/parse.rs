//! Turning the bytes of one file or one JSON line into a [`Document`].

use crate::{ReadErrorKind, ReadOptions};
use dyad_core::{DocMeta, Document};
use jiff::civil::Date;

/// Parses a seed-format or plain text file. `stem` becomes the id; `file_name` may carry the
/// date of a plain text file.
pub fn parse_text_file(
    bytes: &[u8],
    stem: &str,
    file_name: &str,
    opts: &ReadOptions,
) -> Result<Document, ReadErrorKind> {
    if bytes.len() > opts.max_bytes {
        return Err(ReadErrorKind::TooLarge {
            size: bytes.len() as u64,
            limit: opts.max_bytes,
        });
    }
    let text = decode(bytes)?;
    if text.trim().is_empty() {
        return Err(ReadErrorKind::EmptyText);
    }
    let body = text.trim_start();
    let (date, text) = match body.strip_prefix("date") {
        Some(rest) if rest.starts_with(char::is_whitespace) => {
            let rest = rest.trim_start();
            let token_end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (parse_date(&rest[..token_end])?, &rest[token_end..])
        }
        _ => match opts.date.or_else(|| date_in_name(file_name)) {
            Some(d) => (d, text),
            None => return Err(ReadErrorKind::NoDate),
        },
    };
    let text = text.trim_start();
    if text.trim_end().is_empty() {
        return Err(ReadErrorKind::EmptyText);
    }
    Ok(Document::new(stem, date, text))
}

#[derive(serde::Deserialize)]
struct JsonDoc {
    id: Option<serde_json::Value>,
    date: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    #[serde(flatten)]
    meta: JsonMeta,
}

#[derive(serde::Deserialize)]
struct JsonMeta {
    title: Option<String>,
    source: Option<String>,
    url: Option<String>,
    language: Option<String>,
}

/// Parses one JSON Lines line; `default_id` names a document that has no `id`.
pub fn parse_jsonl_line(
    line: &[u8],
    default_id: impl FnOnce() -> String,
    opts: &ReadOptions,
) -> Result<Document, ReadErrorKind> {
    if line.len() > opts.max_bytes {
        return Err(ReadErrorKind::TooLarge {
            size: line.len() as u64,
            limit: opts.max_bytes,
        });
    }
    let line = decode(line)?;
    let doc: JsonDoc =
        serde_json::from_str(line).map_err(|e| ReadErrorKind::NotJson(e.to_string()))?;
    let id = match doc.id {
        None | Some(serde_json::Value::Null) => default_id(),
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(_) => {
            return Err(ReadErrorKind::Field {
                field: "id",
                problem: "must be a non-empty string or a number",
            });
        }
    };
    let date = match doc.date {
        Some(serde_json::Value::String(s)) => parse_date(date_part(&s))?,
        Some(_) => {
            return Err(ReadErrorKind::Field {
                field: "date",
                problem: "must be a string YYYY-MM-DD",
            });
        }
        None => {
            return Err(ReadErrorKind::Field {
                field: "date",
                problem: "is missing",
            });
        }
    };
    let text = match doc.text {
        Some(serde_json::Value::String(s)) => s,
        Some(_) => {
            return Err(ReadErrorKind::Field {
                field: "text",
                problem: "must be a string",
            });
        }
        None => {
            return Err(ReadErrorKind::Field {
                field: "text",
                problem: "is missing",
            });
        }
    };
    if text.trim().is_empty() {
        return Err(ReadErrorKind::EmptyText);
    }
    if let Some(offset) = memchr::memchr(0, text.as_bytes()) {
        return Err(ReadErrorKind::Binary { offset });
    }
    let m = doc.meta;
    let mut d = Document::new(id, date, text);
    d.meta = DocMeta {
        title: m.title,
        source: m.source,
        url: m.url,
        language: m.language,
    };
    Ok(d)
}

/// A timestamp's date ("2026-02-26T10:00:00Z" → "2026-02-26"); feeds use both.
fn date_part(s: &str) -> &str {
    let s = s.trim();
    match s.char_indices().nth(10) {
        Some((i, 'T' | 't' | ' ')) => &s[..i],
        _ => s,
    }
}

fn decode(bytes: &[u8]) -> Result<&str, ReadErrorKind> {
    if let Some(offset) = memchr::memchr(0, bytes) {
        return Err(ReadErrorKind::Binary { offset });
    }
    let text = std::str::from_utf8(bytes).map_err(|e| ReadErrorKind::InvalidUtf8 {
        offset: e.valid_up_to(),
    })?;
    // Editors on Windows prepend a byte-order mark; it is not part of the article.
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text))
}

/// Strict `YYYY-MM-DD` that must exist on the calendar.
pub(crate) fn parse_date(s: &str) -> Result<Date, ReadErrorKind> {
    let bad = |reason: &str| ReadErrorKind::BadDate {
        value: s.chars().take(40).collect(),
        reason: reason.to_string(),
    };
    let b = s.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 10
        || b[4] != b'-'
        || b[7] != b'-'
        || !digits(0..4)
        || !digits(5..7)
        || !digits(8..10)
    {
        return Err(bad("expected YYYY-MM-DD"));
    }
    let num = |r: std::ops::Range<usize>| s[r].parse::<i16>().expect("ASCII digits");
    Date::new(num(0..4), num(5..7) as i8, num(8..10) as i8).map_err(|e| bad(&e.to_string()))
}

/// The first valid `YYYY-MM-DD` in a file name, not glued to other digits.
fn date_in_name(name: &str) -> Option<Date> {
    let b = name.as_bytes();
    (0..b.len().saturating_sub(9)).find_map(|i| {
        let before_ok = i == 0 || !b[i - 1].is_ascii_digit();
        let after_ok = b.get(i + 10).is_none_or(|c| !c.is_ascii_digit());
        if !(before_ok && after_ok) {
            return None;
        }
        name.get(i..i + 10).and_then(|s| parse_date(s).ok())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2024-02-29").unwrap(),
            jiff::civil::date(2024, 2, 29)
        );
        assert!(matches!(
            parse_date("2026-02-30"),
            Err(ReadErrorKind::BadDate { .. })
        ));
        assert!(matches!(
            parse_date("2026-2-3"),
            Err(ReadErrorKind::BadDate { .. })
        ));
        assert_eq!(
            date_in_name("report_2026-01-05_x.txt"),
            Some(jiff::civil::date(2026, 1, 5))
        );
        assert_eq!(date_in_name("12026-01-05.txt"), None);
        assert_eq!(date_part("2026-02-26T10:00:00Z"), "2026-02-26");
    }
}
