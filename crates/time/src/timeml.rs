//! TempEval-3 TimeML: reading the DCT and the TIMEX3 tags of a document, and inserting the
//! tagger's TIMEX3s into a `.TE3input` file.
//!
//! Offsets are taken in the *plain* text of `<TEXT>`: tags removed and the five predefined
//! XML entities decoded. Gold and system files that differ only in their tags therefore
//! have the same plain text, which is what scoring compares.

use crate::{TimeError, TimeTagger};
use dyad_core::{Timex, TimexMod};
use jiff::civil::Date;
use std::collections::HashSet;
use std::fmt::Write;
use std::sync::OnceLock;

/// One TIMEX3 element of a TimeML `<TEXT>`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimexAnnotation {
    /// Byte offsets into the plain text.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
    /// The `type` attribute.
    pub kind: String,
    /// The `value` attribute.
    pub value: String,
}

/// A parsed TimeML document: DCT value, plain `<TEXT>` and its TIMEX3s.
#[derive(Clone, Debug)]
pub struct TimemlDoc {
    /// The DCT's `value` attribute, if the document has a `<DCT>`.
    pub dct: Option<String>,
    /// `<TEXT>` with tags removed and entities decoded.
    pub text: String,
    /// The TIMEX3 elements inside `<TEXT>`.
    pub timexes: Vec<TimexAnnotation>,
}

/// The plain view of raw `<TEXT>` content.
struct Plain {
    text: String,
    /// For each plain byte, its raw offset (relative to the content start).
    raw_start: Vec<usize>,
    /// For each plain byte, the raw offset just after the character/entity it came from.
    raw_end: Vec<usize>,
    /// For each plain byte, the index of the text run (between two tags) it lies in.
    run: Vec<u32>,
    /// Runs that lie inside an existing TIMEX3.
    in_timex: HashSet<u32>,
    /// Existing TIMEX3s: plain start, end, attributes.
    timexes: Vec<TimexAnnotation>,
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let mut from = 0;
    while let Some(p) = tag[from..].find(name) {
        let at = from + p;
        let before_ok = at == 0 || tag.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = &tag[at + name.len()..];
        let rest_trim = rest.trim_start();
        if before_ok && rest_trim.starts_with('=') {
            let v = rest_trim[1..].trim_start();
            let q = v.chars().next()?;
            if q == '"' || q == '\'' {
                let body = &v[1..];
                let close = body.find(q)?;
                return Some(&body[..close]);
            }
        }
        from = at + name.len();
    }
    None
}

/// Attribute value of `name` in a start tag, for the MEANTIME reader too.
pub(crate) fn tag_attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    attr(tag, name)
}

fn decode_entity(s: &str) -> Option<(char, usize)> {
    for (e, c) in [
        ("&amp;", '&'),
        ("&lt;", '<'),
        ("&gt;", '>'),
        ("&quot;", '"'),
        ("&apos;", '\''),
    ] {
        if s.starts_with(e) {
            return Some((c, e.len()));
        }
    }
    None
}

/// Escapes text for XML content or attribute values.
pub(crate) fn escape(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
}

fn plain(raw: &str, what: &str) -> Result<Plain, TimeError> {
    let mut p = Plain {
        text: String::with_capacity(raw.len()),
        raw_start: Vec::with_capacity(raw.len()),
        raw_end: Vec::with_capacity(raw.len()),
        run: Vec::with_capacity(raw.len()),
        in_timex: HashSet::new(),
        timexes: Vec::new(),
    };
    let mut run = 0u32;
    let mut open: Vec<(usize, String, String)> = Vec::new();
    let mut timex_depth = 0usize;
    let mut i = 0;
    while i < raw.len() {
        let rest = &raw[i..];
        if rest.starts_with('<') {
            let close = rest.find('>').ok_or_else(|| TimeError::Format {
                what: what.to_string(),
                detail: format!("unclosed tag at byte {i}"),
            })?;
            let tag = &rest[1..close];
            if let Some(name) = tag.strip_prefix('/') {
                if name.trim() == "TIMEX3" {
                    if let Some((start, kind, value)) = open.pop() {
                        p.timexes.push(TimexAnnotation {
                            start,
                            end: p.text.len(),
                            kind,
                            value,
                        });
                    }
                    timex_depth = timex_depth.saturating_sub(1);
                }
            } else if tag.starts_with("TIMEX3") && !tag.ends_with('/') {
                let kind = attr(tag, "type").unwrap_or("").to_string();
                let value = attr(tag, "value").unwrap_or("").to_string();
                open.push((p.text.len(), kind, value));
                timex_depth += 1;
            }
            run += 1;
            if timex_depth > 0 {
                p.in_timex.insert(run);
            }
            i += close + 1;
            continue;
        }
        let (c, len) = if rest.starts_with('&') {
            decode_entity(rest).unwrap_or(('&', 1))
        } else {
            let c = rest.chars().next().unwrap_or('\u{fffd}');
            (c, c.len_utf8())
        };
        let before = p.text.len();
        p.text.push(c);
        for _ in before..p.text.len() {
            p.raw_start.push(i);
            p.raw_end.push(i + len);
            p.run.push(run);
        }
        i += len;
    }
    Ok(p)
}

/// Finds `<NAME ...>` … `</NAME>`; returns (content start, content end).
fn element(doc: &str, name: &str) -> Option<(usize, usize)> {
    let open = format!("<{name}");
    let mut from = 0;
    loop {
        let p = from + doc[from..].find(&open)?;
        let after = doc.as_bytes().get(p + open.len()).copied()?;
        if after == b'>' || after.is_ascii_whitespace() {
            let gt = p + doc[p..].find('>')?;
            let close = format!("</{name}>");
            let end = gt + 1 + doc[gt + 1..].find(&close)?;
            return Some((gt + 1, end));
        }
        from = p + open.len();
    }
}

/// Reads the DCT value of a TimeML document.
pub fn dct_value(doc: &str) -> Option<String> {
    let (s, e) = element(doc, "DCT")?;
    let inner = &doc[s..e];
    let t = inner.find("<TIMEX3")?;
    let gt = inner[t..].find('>')? + t;
    attr(&inner[t + 1..gt], "value").map(str::to_string)
}

/// Parses a TIMEX3 DCT value ("2026-02-26", "20260226", "2026-02-26T10:00") as a date.
pub fn parse_dct(v: &str) -> Result<Date, TimeError> {
    let digits: String = v
        .chars()
        .take_while(|c| *c != 'T')
        .filter(|c| c.is_ascii_digit())
        .collect();
    if digits.len() < 8 {
        return Err(TimeError::Dct(v.to_string()));
    }
    let y: i16 = digits[0..4]
        .parse()
        .map_err(|_| TimeError::Dct(v.to_string()))?;
    let m: i8 = digits[4..6]
        .parse()
        .map_err(|_| TimeError::Dct(v.to_string()))?;
    let d: i8 = digits[6..8]
        .parse()
        .map_err(|_| TimeError::Dct(v.to_string()))?;
    Date::new(y, m, d).map_err(|_| TimeError::Dct(v.to_string()))
}

/// Parses a TimeML document's DCT, plain text and TIMEX3s.
pub fn parse(doc: &str, what: &str) -> Result<TimemlDoc, TimeError> {
    let (s, e) = element(doc, "TEXT").ok_or_else(|| TimeError::Format {
        what: what.to_string(),
        detail: "no <TEXT> element".to_string(),
    })?;
    let p = plain(&doc[s..e], what)?;
    Ok(TimemlDoc {
        dct: dct_value(doc),
        text: p.text,
        timexes: p.timexes,
    })
}

fn mod_name(m: TimexMod) -> &'static str {
    match m {
        TimexMod::Before => "BEFORE",
        TimexMod::After => "AFTER",
        TimexMod::OnOrBefore => "ON_OR_BEFORE",
        TimexMod::OnOrAfter => "ON_OR_AFTER",
        TimexMod::LessThan => "LESS_THAN",
        TimexMod::MoreThan => "MORE_THAN",
        TimexMod::EqualOrLess => "EQUAL_OR_LESS",
        TimexMod::EqualOrMore => "EQUAL_OR_MORE",
        TimexMod::Start => "START",
        TimexMod::Mid => "MID",
        TimexMod::End => "END",
        TimexMod::Approx => "APPROX",
    }
}

/// The TIMEX3 `type` attribute name.
pub fn type_name(t: dyad_core::TimexType) -> &'static str {
    match t {
        dyad_core::TimexType::Date => "DATE",
        dyad_core::TimexType::Time => "TIME",
        dyad_core::TimexType::Duration => "DURATION",
        dyad_core::TimexType::Set => "SET",
    }
}

fn shared() -> &'static TimeTagger {
    static T: OnceLock<TimeTagger> = OnceLock::new();
    T.get_or_init(TimeTagger::new)
}

/// Tags a TempEval-3 `.TE3input` document with a shared tagger; see [`annotate_te3_with`].
pub fn annotate_te3(input: &str) -> Result<String, TimeError> {
    annotate_te3_with(shared(), input)
}

/// Tags a TempEval-3 `.TE3input` document: reads the DCT, tags `<TEXT>` and returns the
/// document with `<TIMEX3 tid type value [mod]>` elements inserted. Everything else stays
/// byte-identical; new tids (`t1`, `t2`, …) skip every tid already present (the DCT's `t0`).
/// Expressions that would overlap an existing TIMEX3 or cross another tag are left out.
pub fn annotate_te3_with(tagger: &TimeTagger, input: &str) -> Result<String, TimeError> {
    let dct_v = dct_value(input).ok_or_else(|| TimeError::Format {
        what: "input".to_string(),
        detail: "no <DCT><TIMEX3 value=…/></DCT>".to_string(),
    })?;
    let dct = parse_dct(&dct_v)?;
    let (s, e) = element(input, "TEXT").ok_or_else(|| TimeError::Format {
        what: "input".to_string(),
        detail: "no <TEXT> element".to_string(),
    })?;
    let p = plain(&input[s..e], "input")?;
    let mut found = Vec::new();
    tagger.tag(&p.text, dct, &[], &mut found);
    let used = existing_tids(input);
    let mut next = 1u32;
    let mut out = String::with_capacity(input.len() + found.len() * 64);
    out.push_str(&input[..s]);
    let mut raw_pos = 0usize;
    let content = &input[s..e];
    for t in found.iter().filter(|t| insertable(&p, t)) {
        let (ps, pe) = (t.span.start as usize, t.span.end as usize);
        let (rs, re) = (p.raw_start[ps], p.raw_end[pe - 1]);
        if rs < raw_pos {
            continue;
        }
        while used.contains(&next) {
            next += 1;
        }
        out.push_str(&content[raw_pos..rs]);
        let _ = write!(
            out,
            "<TIMEX3 tid=\"t{next}\" type=\"{}\" value=\"",
            type_name(t.kind)
        );
        escape(&t.value, &mut out);
        out.push('"');
        if let Some(m) = t.modifier {
            let _ = write!(out, " mod=\"{}\"", mod_name(m));
        }
        out.push('>');
        out.push_str(&content[rs..re]);
        out.push_str("</TIMEX3>");
        raw_pos = re;
        next += 1;
    }
    out.push_str(&content[raw_pos..]);
    out.push_str(&input[e..]);
    Ok(out)
}

fn insertable(p: &Plain, t: &Timex) -> bool {
    let (s, e) = (t.span.start as usize, t.span.end as usize);
    if e == 0 || e > p.run.len() || s >= e {
        return false;
    }
    let run = p.run[s];
    p.run[e - 1] == run && !p.in_timex.contains(&run)
}

fn existing_tids(doc: &str) -> HashSet<u32> {
    let mut set = HashSet::new();
    let mut from = 0;
    while let Some(k) = doc[from..].find("tid=\"t") {
        let at = from + k + 6;
        let n: String = doc[at..].chars().take_while(char::is_ascii_digit).collect();
        if let Ok(v) = n.parse() {
            set.insert(v);
        }
        from = at;
    }
    set
}

/// Writes a minimal TempEval-3 document around `text` (already plain): DCT as `t0`,
/// the given TIMEX3s (byte offsets into `text`, non-overlapping) inside `<TEXT>`.
pub fn write_te3(docid: &str, dct: &str, text: &str, timexes: &[TimexAnnotation]) -> String {
    let mut out = String::with_capacity(text.len() * 2 + 512);
    out.push_str("<?xml version=\"1.0\" ?>\n<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n\n<DOCID>");
    escape(docid, &mut out);
    out.push_str("</DOCID>\n\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"");
    escape(dct, &mut out);
    out.push_str("\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">");
    escape(dct, &mut out);
    out.push_str("</TIMEX3></DCT>\n\n<TEXT>\n");
    let mut pos = 0;
    let mut sorted: Vec<&TimexAnnotation> = timexes.iter().collect();
    sorted.sort_by_key(|t| (t.start, t.end));
    for (k, t) in sorted.iter().enumerate() {
        if t.start < pos {
            continue;
        }
        escape(&text[pos..t.start], &mut out);
        let _ = write!(out, "<TIMEX3 tid=\"t{}\" type=\"", k + 1);
        escape(&t.kind, &mut out);
        out.push_str("\" value=\"");
        escape(&t.value, &mut out);
        out.push_str("\">");
        escape(&text[t.start..t.end], &mut out);
        out.push_str("</TIMEX3>");
        pos = t.end;
    }
    escape(&text[pos..], &mut out);
    out.push_str("\n</TEXT>\n\n</TimeML>\n");
    out
}
