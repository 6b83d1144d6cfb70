//! PETRARCH unit-test records (`PETR.UnitTest.records.xml`) and their scorer.
//!
//! The file is a `<Validation>` document: an `<Environment>` naming the dictionaries the
//! records are coded against, then `<Sentence date id category>` records, each with expected
//! `<EventCoding sourcecode targetcode eventcode>` triples, or `noevents="True"`, or
//! `error="storydiscard|sentencediscard|dateline|bad_input_parse"`, the `<Text>`, and a
//! Treebank `<Parse>`. `<Config option value>` elements between records change coder options
//! from there on (`require_dyad`, `new_actor_length`, comma limits); each record carries the
//! options in force. The reader is a small purpose-built one: XML comments are removed, and
//! attribute values may be quoted either way and spaced around `=` as this file does.
use crate::Coding;
use crate::discards::DiscardScope;
use crate::report::{Table, frac, ratio};
use jiff::civil::Date;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Errors from reading a records file.
#[derive(Debug, thiserror::Error)]
pub enum PetrError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A malformed element.
    #[error("records line {line}: {what}")]
    Syntax {
        /// 1-based line.
        line: usize,
        /// What is wrong.
        what: String,
    },
}

/// The `<Environment>` block.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Environment {
    /// `<Verbfile>`.
    pub verbfile: Option<String>,
    /// `<Actorfile>` (one or more).
    pub actorfiles: Vec<String>,
    /// `<Agentfile>`.
    pub agentfile: Option<String>,
    /// `<Discardfile>`.
    pub discardfile: Option<String>,
    /// `<Include>` categories.
    pub include: Vec<String>,
}

/// One expectation of a record.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Expected {
    /// A coded triple.
    Coding {
        /// Source actor code (or quoted new-actor text).
        source: String,
        /// Target actor code.
        target: String,
        /// CAMEO (or test) event code.
        event: String,
    },
    /// `noevents="True"`.
    NoEvents,
    /// `error="…"`.
    Error(String),
}

/// One `<Sentence>` record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PetrRecord {
    /// `id`.
    pub id: String,
    /// `category` (DEMO, SYNSET, …).
    pub category: String,
    /// `date`.
    pub date: Date,
    /// The text, white space collapsed.
    pub text: String,
    /// The Treebank parse as written.
    pub parse: String,
    /// What the coder should produce.
    pub expected: Vec<Expected>,
    /// `<Config>` options in force for this record.
    pub config: BTreeMap<String, String>,
    /// Line of the `<Sentence>` tag.
    pub line: usize,
}

impl PetrRecord {
    /// The (tag, word) leaves of the Treebank parse, in order.
    pub fn parse_leaves(&self) -> Vec<(String, String)> {
        treebank_leaves(&self.parse)
    }
}

/// A records file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PetrSuite {
    /// The dictionaries.
    pub environment: Environment,
    /// The records in file order.
    pub records: Vec<PetrRecord>,
}

impl PetrSuite {
    /// Reads a records file.
    pub fn read(path: impl AsRef<std::path::Path>) -> Result<Self, PetrError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| PetrError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Self::parse(&String::from_utf8_lossy(&bytes))
    }

    /// Parses records text.
    pub fn parse(text: &str) -> Result<Self, PetrError> {
        let text = strip_comments(text);
        let line_of = |pos: usize| text[..pos].bytes().filter(|&b| b == b'\n').count() + 1;
        let mut suite = PetrSuite::default();
        let mut config = BTreeMap::new();
        let mut pos = 0;
        while let Some(off) = text[pos..].find('<') {
            let start = pos + off;
            let Some(close) = text[start..].find('>') else {
                return Err(PetrError::Syntax {
                    line: line_of(start),
                    what: "unclosed tag".into(),
                });
            };
            let tag = &text[start + 1..start + close];
            pos = start + close + 1;
            let name = tag.split_whitespace().next().unwrap_or("");
            match name {
                "Environment" => {
                    let end = find_close(&text, pos, "Environment", line_of(start))?;
                    suite.environment = environment(&text[pos..end]);
                    pos = end;
                }
                "Config" => {
                    let a = attributes(tag);
                    if let (Some(o), Some(v)) = (a.get("option"), a.get("value")) {
                        config.insert(o.clone(), v.clone());
                    }
                }
                "Sentence" => {
                    let end = find_close(&text, pos, "Sentence", line_of(start))?;
                    let line = line_of(start);
                    let mut r = sentence(tag, &text[pos..end], line)?;
                    r.config = config.clone();
                    suite.records.push(r);
                    pos = end;
                }
                _ => {}
            }
        }
        Ok(suite)
    }
}

fn strip_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(s) = rest.find("<!--") {
        out.push_str(&rest[..s]);
        match rest[s..].find("-->") {
            Some(e) => {
                // Keep the line count so error lines stay right.
                let gone = &rest[s..s + e + 3];
                out.extend(gone.chars().filter(|&c| c == '\n'));
                rest = &rest[s + e + 3..];
            }
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn find_close(text: &str, from: usize, name: &str, line: usize) -> Result<usize, PetrError> {
    text[from..]
        .find(&format!("</{name}>"))
        .map(|e| from + e)
        .ok_or(PetrError::Syntax {
            line,
            what: format!("<{name}> is never closed"),
        })
}

/// `name = "v"` / `name='v'` pairs of a start tag.
fn attributes(tag: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut rest = tag
        .split_once(char::is_whitespace)
        .map(|x| x.1)
        .unwrap_or("");
    while let Some(eq) = rest.find('=') {
        let key = rest[..eq].trim().to_string();
        let after = rest[eq + 1..].trim_start();
        let Some(q) = after.chars().next().filter(|c| *c == '"' || *c == '\'') else {
            break;
        };
        let Some(end) = after[1..].find(q) else { break };
        out.insert(key, unescape(&after[1..1 + end]));
        rest = &after[end + 2..];
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

fn element<'a>(body: &'a str, name: &str) -> Option<&'a str> {
    let s = body.find(&format!("<{name}>"))? + name.len() + 2;
    let e = body[s..].find(&format!("</{name}>"))? + s;
    Some(&body[s..e])
}

fn environment(body: &str) -> Environment {
    let one = |n: &str| element(body, n).map(|s| s.trim().to_string());
    let mut actorfiles = Vec::new();
    let mut rest = body;
    while let Some(s) = rest.find("<Actorfile>") {
        let r = &rest[s + 11..];
        let Some(e) = r.find("</Actorfile>") else {
            break;
        };
        actorfiles.extend(
            r[..e]
                .split(',')
                .map(|f| f.trim().to_string())
                .filter(|f| !f.is_empty()),
        );
        rest = &r[e..];
    }
    Environment {
        verbfile: one("Verbfile"),
        actorfiles,
        agentfile: one("Agentfile"),
        discardfile: one("Discardfile"),
        include: one("Include")
            .map(|s| s.split_whitespace().map(String::from).collect())
            .unwrap_or_default(),
    }
}

fn sentence(tag: &str, body: &str, line: usize) -> Result<PetrRecord, PetrError> {
    let a = attributes(tag);
    let syntax = |what: String| PetrError::Syntax { line, what };
    let id = a
        .get("id")
        .cloned()
        .ok_or_else(|| syntax("<Sentence> without id".into()))?;
    let raw_date = a.get("date").map(String::as_str).unwrap_or("");
    let date =
        parse_date(raw_date).ok_or_else(|| syntax(format!("{id}: bad date {raw_date:?}")))?;
    let mut expected = Vec::new();
    let mut rest = body;
    while let Some(s) = rest.find("<EventCoding") {
        let r = &rest[s..];
        let Some(e) = r.find('>') else { break };
        let at = attributes(&r[1..e]);
        if at
            .get("noevents")
            .is_some_and(|v| v.eq_ignore_ascii_case("true"))
        {
            expected.push(Expected::NoEvents);
        } else if let Some(err) = at.get("error") {
            expected.push(Expected::Error(err.clone()));
        } else {
            let get = |k: &str| {
                at.get(k)
                    .cloned()
                    .ok_or_else(|| syntax(format!("{id}: EventCoding without {k}")))
            };
            expected.push(Expected::Coding {
                source: get("sourcecode")?,
                target: get("targetcode")?,
                event: get("eventcode")?,
            });
        }
        rest = &r[e..];
    }
    let text = element(body, "Text")
        .map(|t| unescape(&t.split_whitespace().collect::<Vec<_>>().join(" ")))
        .unwrap_or_default();
    Ok(PetrRecord {
        id,
        category: a.get("category").cloned().unwrap_or_default(),
        date,
        text,
        parse: element(body, "Parse").unwrap_or("").trim().to_string(),
        expected,
        config: BTreeMap::new(),
        line,
    })
}

fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Date::new(
        s[..4].parse().ok()?,
        s[4..6].parse().ok()?,
        s[6..].parse().ok()?,
    )
    .ok()
}

/// `(TAG word)` leaves of a Treebank parse.
pub fn treebank_leaves(parse: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = parse;
    while let Some(o) = rest.find('(') {
        let r = &rest[o + 1..];
        let end = r.find(['(', ')']).unwrap_or(r.len());
        let inner = r[..end].trim();
        if r[end..].starts_with(')')
            && let Some((tag, word)) = inner.split_once(char::is_whitespace)
        {
            out.push((tag.to_string(), word.trim().to_string()));
        }
        rest = &r[end..];
    }
    out
}

/// One row of the per-category table.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CategoryRow {
    /// Records.
    pub records: usize,
    /// Records coded exactly right.
    pub passed: usize,
    /// Expectations (triples, no-events, errors).
    pub expected: usize,
    /// Expectations met.
    pub met: usize,
}

/// A record that did not pass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Failure {
    /// Record id.
    pub id: String,
    /// Expected, as `SRC TGT CODE` / `noevents` / `error:…`.
    pub expected: Vec<String>,
    /// Produced, the same way.
    pub got: Vec<String>,
}

/// Scores of a run over a records file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PetrReport {
    /// Records.
    pub records: usize,
    /// Records whose output equals the expectation exactly (no missing, no extra).
    pub passed: usize,
    /// All `<EventCoding>` expectations (the 385).
    pub expectations: usize,
    /// Expectations met.
    pub expectations_met: usize,
    /// Expected triples.
    pub triples: usize,
    /// Expected triples produced exactly (source, target, code).
    pub triples_found: usize,
    /// Produced triples no record expected.
    pub extra_triples: usize,
    /// No-event records.
    pub noevent: usize,
    /// No-event records with no output.
    pub noevent_right: usize,
    /// Discard records (story and sentence).
    pub discard: usize,
    /// Discard records discarded at the right scope.
    pub discard_right: usize,
    /// Other error records (dateline, bad parse): right when nothing is produced.
    pub other_error: usize,
    /// Of those, right.
    pub other_error_right: usize,
    /// Per category.
    pub by_category: BTreeMap<String, CategoryRow>,
    /// Records that did not pass.
    pub failures: Vec<Failure>,
}

impl PetrReport {
    /// Share of expectations met.
    pub fn expectation_rate(&self) -> f64 {
        frac(self.expectations_met, self.expectations)
    }

    /// Share of no-event and discard records right.
    pub fn noevent_discard_rate(&self) -> f64 {
        frac(
            self.noevent_right + self.discard_right,
            self.noevent + self.discard,
        )
    }
}

fn show(e: &Expected) -> String {
    match e {
        Expected::Coding {
            source,
            target,
            event,
        } => format!("{source} {target} {event}"),
        Expected::NoEvents => "noevents".into(),
        Expected::Error(s) => format!("error:{s}"),
    }
}

/// Runs `coder` on every record and scores it.
pub fn score(suite: &PetrSuite, coder: impl Fn(&str, Date) -> Coding) -> PetrReport {
    let mut rep = PetrReport::default();
    for r in &suite.records {
        let out = coder(&r.text, r.date);
        let got: BTreeSet<Expected> = out
            .events
            .iter()
            .map(|e| Expected::Coding {
                source: e.source.as_ref().map_or("---".into(), |a| a.code.clone()),
                target: e.target.as_ref().map_or("---".into(), |a| a.code.clone()),
                event: e.code.clone(),
            })
            .collect();
        let mut met = 0;
        let mut want_triples = BTreeSet::new();
        for e in &r.expected {
            let ok = match e {
                Expected::Coding { .. } => {
                    rep.triples += 1;
                    want_triples.insert(e.clone());
                    let ok = out.discard.is_none() && got.contains(e);
                    rep.triples_found += ok as usize;
                    ok
                }
                Expected::NoEvents => {
                    rep.noevent += 1;
                    let ok = got.is_empty();
                    rep.noevent_right += ok as usize;
                    ok
                }
                Expected::Error(kind) => {
                    let scope = match kind.as_str() {
                        "storydiscard" => Some(DiscardScope::Story),
                        "sentencediscard" => Some(DiscardScope::Sentence),
                        _ => None,
                    };
                    match scope {
                        Some(s) => {
                            rep.discard += 1;
                            let ok = out.discard == Some(s);
                            rep.discard_right += ok as usize;
                            ok
                        }
                        None => {
                            rep.other_error += 1;
                            let ok = got.is_empty() || out.discard.is_some();
                            rep.other_error_right += ok as usize;
                            ok
                        }
                    }
                }
            };
            met += ok as usize;
        }
        let extra = if out.discard.is_some() {
            0
        } else {
            got.difference(&want_triples).count()
        };
        rep.extra_triples += extra;
        let passed = met == r.expected.len() && extra == 0;
        rep.records += 1;
        rep.passed += passed as usize;
        rep.expectations += r.expected.len();
        rep.expectations_met += met;
        let row = rep.by_category.entry(r.category.clone()).or_default();
        row.records += 1;
        row.passed += passed as usize;
        row.expected += r.expected.len();
        row.met += met;
        if !passed {
            let mut g: Vec<String> = got.iter().map(show).collect();
            if let Some(d) = out.discard {
                g.push(format!("discard:{d:?}"));
            }
            rep.failures.push(Failure {
                id: r.id.clone(),
                expected: r.expected.iter().map(show).collect(),
                got: g,
            });
        }
    }
    rep
}

impl fmt::Display for PetrReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut t = Table::new(&["category", "records", "passed", "expectations met"]);
        for (c, r) in &self.by_category {
            t.row(vec![
                c.clone(),
                r.records.to_string(),
                ratio(r.passed, r.records),
                ratio(r.met, r.expected),
            ]);
        }
        t.row(vec![
            "ALL".into(),
            self.records.to_string(),
            ratio(self.passed, self.records),
            ratio(self.expectations_met, self.expectations),
        ]);
        write!(f, "{t}")?;
        writeln!(f)?;
        let mut s = Table::new(&["measure", "value"]);
        s.row(vec![
            "expected codings met (all <EventCoding>)".into(),
            ratio(self.expectations_met, self.expectations),
        ]);
        s.row(vec![
            "triples exact (source, target, code)".into(),
            ratio(self.triples_found, self.triples),
        ]);
        s.row(vec![
            "extra triples produced".into(),
            self.extra_triples.to_string(),
        ]);
        s.row(vec![
            "no-event records right".into(),
            ratio(self.noevent_right, self.noevent),
        ]);
        s.row(vec![
            "discard records right".into(),
            ratio(self.discard_right, self.discard),
        ]);
        s.row(vec![
            "no-event + discard right".into(),
            ratio(
                self.noevent_right + self.discard_right,
                self.noevent + self.discard,
            ),
        ]);
        s.row(vec![
            "other error records right".into(),
            ratio(self.other_error_right, self.other_error),
        ]);
        write!(f, "{s}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CodedActor, CodedEvent};

    const XML: &str = r#"<Validation>
<!-- comment with <EventCoding sourcecode="X" targetcode="Y" eventcode="1"></EventCoding> -->
<Environment>
    <Verbfile>PETR.Validate.verbs.txt</Verbfile>
    <Actorfile>PETR.Validate.actors.txt</Actorfile>
    <Discardfile>PETR.Validate.discards.txt</Discardfile>
    <Include>valid DEMO</Include>
</Environment>
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<Text>
Arnor is about to restore ties
with Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor)) (VP (VBZ is)) (. .)))</Parse>
</Sentence>
<Config option="require_dyad" value="false"></Config>
<Sentence date = "20080801" id ="ERROR-01"  category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>A typhoon hit.</Text>
</Sentence>
<Sentence date="19950101" id="DEMO-01" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<Text>Nothing.</Text>
</Sentence>
</Sentences>
</Validation>"#;

    #[test]
    fn reads_records() {
        let s = PetrSuite::parse(XML).unwrap();
        assert_eq!(
            s.environment.verbfile.as_deref(),
            Some("PETR.Validate.verbs.txt")
        );
        assert_eq!(s.environment.actorfiles, ["PETR.Validate.actors.txt"]);
        assert_eq!(s.records.len(), 3);
        let r = &s.records[0];
        assert_eq!(r.text, "Arnor is about to restore ties with Gondor.");
        assert_eq!(
            r.expected,
            [Expected::Coding {
                source: "ARN".into(),
                target: "GON".into(),
                event: "064".into()
            }]
        );
        assert_eq!(
            r.parse_leaves()[0],
            ("NNP".to_string(), "Arnor".to_string())
        );
        assert!(r.config.is_empty());
        assert_eq!(s.records[1].date, jiff::civil::date(2008, 8, 1));
        assert_eq!(
            s.records[1].config.get("require_dyad").map(String::as_str),
            Some("false")
        );
        assert_eq!(
            s.records[2].expected[1],
            Expected::Coding {
                source: "\"INJURY TOLL\"".into(),
                target: "OSG".into(),
                event: "223".into()
            }
        );
    }

    #[test]
    fn scores_triples_noevents_and_discards() {
        let s = PetrSuite::parse(XML).unwrap();
        let rep = score(&s, |text, _| {
            if text.contains("typhoon") {
                return Coding {
                    events: vec![],
                    discard: Some(DiscardScope::Story),
                };
            }
            if text.starts_with("Arnor") {
                let a = |c: &str| Some(CodedActor::new(c.into(), 0..1));
                return vec![CodedEvent {
                    code: "064".into(),
                    source: a("ARN"),
                    target: a("GON"),
                    trigger: 0..1,
                    status: dyad_core::Status::Asserted,
                    rule_line: 1,
                }]
                .into();
            }
            Coding::default()
        });
        assert_eq!(rep.records, 3);
        assert_eq!(rep.passed, 2);
        assert_eq!((rep.triples_found, rep.triples), (1, 2));
        assert_eq!((rep.noevent_right, rep.noevent), (1, 1));
        assert_eq!((rep.discard_right, rep.discard), (1, 1));
        assert_eq!(rep.expectations_met, 3);
        assert!(rep.to_string().contains("ALL"));
    }

    #[test]
    fn reads_the_unit_test_file() {
        let p = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/petrarch2-validation/PETR.UnitTest.records.xml"
        );
        let Ok(s) = PetrSuite::read(p) else {
            eprintln!("skipping: {p} not found");
            return;
        };
        assert_eq!(s.records.len(), 284);
        let all: usize = s.records.iter().map(|r| r.expected.len()).sum();
        assert_eq!(all, 385);
        let noev = s
            .records
            .iter()
            .flat_map(|r| &r.expected)
            .filter(|e| **e == Expected::NoEvents)
            .count();
        assert_eq!(noev, 19);
    }
}
