//! PLOVER gold-standard records (`PLOVER_GSR_CAMEO.txt`) and their scorer.
//!
//! The file is a JSON array: one `DOCUMENT` record, then one record per coded sentence with
//! `event` (PLOVER 0.5b1 labels), `source`/`target` lists of `{actorText, code, sector}` (a
//! `target` may be an empty string), optional `mode`, `context`, `eventLoc {name, country
//! code}`, and `text`. Labels that PLOVER later renamed are mapped to the current ones:
//! DEMAND → REQUEST, DISAPPROVE → ACCUSE, INVESTIGATE → ACCUSE, FIGHT → ASSAULT.
use crate::Coding;
use crate::report::{Table, frac, ratio};
use crate::tables::{code_info, with_status};
use jiff::civil::Date;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Errors from reading the GSR file.
#[derive(Debug, thiserror::Error)]
pub enum GsrError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// Not a JSON array of records.
    #[error("GSR is not valid JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A record without a needed field.
    #[error("GSR record {index}: {what}")]
    Record {
        /// Position in the array.
        index: usize,
        /// What is missing.
        what: String,
    },
}

/// An actor of a gold record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GsrActor {
    /// The words.
    pub text: String,
    /// ISO 3166 alpha-3 country or PLOVER code.
    pub code: Option<String>,
    /// Sector.
    pub sector: Option<String>,
}

/// One gold record.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GsrRecord {
    /// Record id.
    pub id: String,
    /// The 0.5b1 label as written.
    pub label: String,
    /// The current PLOVER category.
    pub event: String,
    /// The sentence.
    pub text: String,
    /// Record date (a placeholder, 2000-01-01, in this file).
    pub date: Date,
    /// Sources.
    pub source: Vec<GsrActor>,
    /// Targets.
    pub target: Vec<GsrActor>,
    /// Mode, when coded.
    pub mode: Option<String>,
    /// Context, as written.
    pub context: Option<String>,
    /// Location name, when coded.
    pub location: Option<String>,
    /// The `textInfo.markup` string.
    pub markup: Option<String>,
}

/// Maps a 0.5b1 label to the current PLOVER category.
pub fn current_label(label: &str) -> &str {
    match label {
        "DEMAND" => "REQUEST",
        "DISAPPROVE" | "INVESTIGATE" => "ACCUSE",
        "FIGHT" => "ASSAULT",
        other => other,
    }
}

/// Reads the GSR file.
pub fn read(path: impl AsRef<std::path::Path>) -> Result<Vec<GsrRecord>, GsrError> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|source| GsrError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse(&String::from_utf8_lossy(&bytes))
}

/// Parses GSR JSON text, skipping `DOCUMENT` records.
pub fn parse(text: &str) -> Result<Vec<GsrRecord>, GsrError> {
    let all: Vec<Value> = serde_json::from_str(text)?;
    let mut out = Vec::new();
    for (index, v) in all.iter().enumerate() {
        let s = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_string);
        let bad = |what: &str| GsrError::Record {
            index,
            what: what.into(),
        };
        let label = s("event").ok_or_else(|| bad("no event"))?;
        if label == "DOCUMENT" {
            continue;
        }
        let date = s("date")
            .and_then(|d| d.parse::<Date>().ok())
            .ok_or_else(|| bad("no valid date"))?;
        out.push(GsrRecord {
            id: s("id").ok_or_else(|| bad("no id"))?,
            event: current_label(&label).to_string(),
            label,
            text: s("text").ok_or_else(|| bad("no text"))?,
            date,
            source: actors(v.get("source")),
            target: actors(v.get("target")),
            mode: s("mode").filter(|m| !m.is_empty()),
            context: s("context").filter(|m| !m.is_empty()),
            location: v
                .get("eventLoc")
                .and_then(|l| l.get("name"))
                .and_then(Value::as_str)
                .map(str::to_string),
            markup: v
                .get("textInfo")
                .and_then(|t| t.get("markup"))
                .and_then(Value::as_str)
                .map(str::to_string),
        });
    }
    Ok(out)
}

fn actors(v: Option<&Value>) -> Vec<GsrActor> {
    let Some(list) = v.and_then(Value::as_array) else {
        return Vec::new();
    };
    list.iter()
        .map(|a| {
            let s = |k: &str| {
                a.get(k)
                    .and_then(Value::as_str)
                    .filter(|x| !x.is_empty())
                    .map(str::to_string)
            };
            GsrActor {
                text: s("actorText").unwrap_or_default(),
                code: s("code"),
                sector: s("sector"),
            }
        })
        .collect()
}

/// Precision/recall counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// Predicted.
    pub predicted: usize,
    /// Gold.
    pub gold: usize,
}

impl Prf {
    fn add(&mut self, gold: &BTreeSet<String>, pred: &BTreeSet<String>) {
        self.tp += gold.intersection(pred).count();
        self.predicted += pred.len();
        self.gold += gold.len();
    }

    /// Precision.
    pub fn precision(&self) -> f64 {
        frac(self.tp, self.predicted)
    }

    /// Recall.
    pub fn recall(&self) -> f64 {
        frac(self.tp, self.gold)
    }

    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Scores over the gold records.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GsrReport {
    /// Records.
    pub records: usize,
    /// Records where the coder produced an event with a PLOVER category.
    pub coded: usize,
    /// Records whose first event's category equals the gold category.
    pub category_right: usize,
    /// Per gold category: (records, right).
    pub by_category: BTreeMap<String, (usize, usize)>,
    /// Actor (source) countries.
    pub actor_country: Prf,
    /// Recipient (target) countries.
    pub recipient_country: Prf,
    /// Gold records with a mode, and how many the coder matched.
    pub mode: (usize, usize),
    /// Gold records with a location, and how many got any location from the coder (0: the
    /// closure interface carries no place yet).
    pub location: (usize, usize),
}

impl GsrReport {
    /// Category accuracy over all records.
    pub fn category_accuracy(&self) -> f64 {
        frac(self.category_right, self.records)
    }
}

fn countries<'a>(it: impl Iterator<Item = &'a str>) -> BTreeSet<String> {
    it.filter_map(|c| c.get(..3)).map(str::to_string).collect()
}

/// Runs `coder` on every record and scores it.
///
/// The coder's first event that maps to a PLOVER category (after [`with_status`]: planned
/// cooperation is AGREE) is the answer for the sentence;
/// its actors, and those of other events with the same code, are the predicted actor and
/// recipient. Countries are the first three letters of the actor codes.
pub fn score(records: &[GsrRecord], coder: impl Fn(&str, Date) -> Coding) -> GsrReport {
    let mut rep = GsrReport::default();
    for r in records {
        let out = coder(&r.text, r.date);
        rep.records += 1;
        let first = out.events.iter().find_map(|e| {
            let info = with_status(&code_info(&e.code)?, e.status);
            Some((e, info.plover_event?, info.mode))
        });
        let row = rep.by_category.entry(r.event.clone()).or_default();
        row.0 += 1;
        let gold_src = countries(r.source.iter().filter_map(|a| a.code.as_deref()));
        let gold_tgt = countries(r.target.iter().filter_map(|a| a.code.as_deref()));
        let (mut src, mut tgt) = (BTreeSet::new(), BTreeSet::new());
        if let Some((e, cat, mode)) = &first {
            rep.coded += 1;
            if *cat == r.event {
                rep.category_right += 1;
                row.1 += 1;
            }
            for o in out.events.iter().filter(|o| o.code == e.code) {
                src.extend(
                    o.source
                        .as_ref()
                        .and_then(|a| a.country())
                        .map(str::to_string),
                );
                tgt.extend(
                    o.target
                        .as_ref()
                        .and_then(|a| a.country())
                        .map(str::to_string),
                );
            }
            if let Some(m) = &r.mode {
                rep.mode.1 += mode.as_deref().is_some_and(|pm| pm.eq_ignore_ascii_case(m)) as usize;
            }
        }
        if r.mode.is_some() {
            rep.mode.0 += 1;
        }
        if r.location.is_some() {
            rep.location.0 += 1;
        }
        rep.actor_country.add(&gold_src, &src);
        rep.recipient_country.add(&gold_tgt, &tgt);
    }
    rep
}

impl fmt::Display for GsrReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut t = Table::new(&["gold category", "records", "category right"]);
        for (c, (n, k)) in &self.by_category {
            t.row(vec![c.clone(), n.to_string(), ratio(*k, *n)]);
        }
        t.row(vec![
            "ALL".into(),
            self.records.to_string(),
            ratio(self.category_right, self.records),
        ]);
        write!(f, "{t}")?;
        writeln!(f)?;
        let mut s = Table::new(&["measure", "precision", "recall", "F1"]);
        for (name, p) in [
            ("actor country", &self.actor_country),
            ("recipient country", &self.recipient_country),
        ] {
            s.row(vec![
                name.into(),
                format!("{:.3}", p.precision()),
                format!("{:.3}", p.recall()),
                format!("{:.3}", p.f1()),
            ]);
        }
        write!(f, "{s}")?;
        writeln!(f)?;
        writeln!(
            f,
            "records coded with a PLOVER event: {}",
            ratio(self.coded, self.records)
        )?;
        writeln!(
            f,
            "mode right (gold records with a mode): {}",
            ratio(self.mode.1, self.mode.0)
        )?;
        writeln!(
            f,
            "location (gold records with a place): {} coded",
            ratio(self.location.1, self.location.0)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{CodedActor, CodedEvent};

    const JSON: &str = r#"[
 {"id": "D", "event": "DOCUMENT", "eventText": "x"},
 {"id": "A1", "date": "2000-01-01", "event": "DEMAND", "text": "Arnor demanded Gondor release prisoners.",
  "source": [{"actorText": "Arnor", "code": "ARN"}], "target": [{"actorText": "Gondor", "code": "GON", "sector": "GOV"}],
  "mode": "yield", "eventLoc": {"name": "Minas Tirith"}, "textInfo": {"markup": "(SRC: Arnor) (EVT: demanded)"}},
 {"id": "A2", "date": "2000-01-01", "event": "FIGHT", "text": "Gondor and Arnor clashed.",
  "source": [{"actorText": "Gondor", "code": "GON"}, {"actorText": "Arnor", "code": "ARN"}], "target": ""}
]"#;

    #[test]
    fn reads_and_maps_labels() {
        let r = parse(JSON).unwrap();
        assert_eq!(r.len(), 2);
        assert_eq!(r[0].event, "REQUEST");
        assert_eq!(r[0].target[0].sector.as_deref(), Some("GOV"));
        assert_eq!(r[0].location.as_deref(), Some("Minas Tirith"));
        assert_eq!(r[1].event, "ASSAULT");
        assert!(r[1].target.is_empty());
    }

    #[test]
    fn scores_category_and_countries() {
        let r = parse(JSON).unwrap();
        let rep = score(&r, |text, _| {
            if !text.contains("demanded") {
                return Coding::default();
            }
            let a = |c: &str| Some(CodedActor::new(c.into(), 0..1));
            vec![CodedEvent {
                code: "1053".into(),
                source: a("ARNGOV"),
                target: a("GON"),
                trigger: 6..14,
                status: dyad_core::Status::Asserted,
                rule_line: 1,
            }]
            .into()
        });
        assert_eq!(rep.category_right, 1);
        assert_eq!(
            rep.actor_country,
            Prf {
                tp: 1,
                predicted: 1,
                gold: 3
            }
        );
        assert_eq!(rep.recipient_country.f1(), 1.0);
        assert_eq!(rep.mode, (1, 1));
        assert!(rep.to_string().contains("actor country"));
    }

    #[test]
    fn reads_the_gsr_file() {
        let p = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/plover/PLOVER_GSR_CAMEO.txt"
        );
        let Ok(r) = read(p) else {
            eprintln!("skipping: {p} not found");
            return;
        };
        assert_eq!(r.len(), 322);
        assert!(
            r.iter()
                .all(|x| crate::tables::plover_category(&x.event).is_some())
        );
    }
}
