//! The CAMEO codebook's example sentences (`icews-cameo-codes.csv`) and their scorer.
//!
//! The CSV has one row per CAMEO code; 277 rows carry an example sentence from the CAMEO
//! manual (others have `NA`). Some examples end in a coder's note ("Note: Two reciprocal
//! events are coded …"), which is cut off. The file's punctuation is mis-encoded (UTF-8 read
//! as Mac Roman, then written as Windows-1252: `‚Äô` for `’`); [`decode`] undoes that.
use crate::Coding;
use crate::report::{Table, frac, ratio};
use jiff::civil::Date;
use std::collections::BTreeMap;
use std::fmt;

/// Errors from reading the CSV.
#[derive(Debug, thiserror::Error)]
pub enum CsvError {
    /// The file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// Missing column or bad quoting.
    #[error("cameo codes CSV: {0}")]
    Format(String),
}

/// One example sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CameoExample {
    /// CAMEO code.
    pub code: String,
    /// Short name of the code.
    pub name: String,
    /// The sentence (note removed).
    pub sentence: String,
}

/// Reads the CSV and returns the rows that have an example.
pub fn read(path: impl AsRef<std::path::Path>) -> Result<Vec<CameoExample>, CsvError> {
    let path = path.as_ref();
    let bytes = std::fs::read(path).map_err(|source| CsvError::Io {
        path: path.display().to_string(),
        source,
    })?;
    parse(&decode(&bytes))
}

/// Repairs the file's double mis-encoding: each byte is read as Windows-1252, mapped back to
/// the Mac Roman byte that shows the same character, and the bytes are read as UTF-8.
/// Unrepairable sequences become U+FFFD.
pub fn decode(bytes: &[u8]) -> String {
    // Windows-1252 byte → Mac Roman byte with the same glyph, for the bytes this file uses.
    fn mac(b: u8) -> Option<u8> {
        Some(match b {
            0x82 => 0xE2, // ‚
            0xC4 => 0x80, // Ä
            0xEE => 0x94, // î
            0xF2 => 0x98, // ò
            0xF4 => 0x99, // ô
            0xFA => 0x9C, // ú
            0xF9 => 0x9D, // ù
            0xEC => 0x93, // ì
            0xAC => 0xC2, // ¬
            0xA3 => 0xA3, // £
            _ => return None,
        })
    }
    let fixed: Vec<u8> = bytes
        .iter()
        .map(|&b| if b < 0x80 { b } else { mac(b).unwrap_or(b) })
        .collect();
    String::from_utf8_lossy(&fixed).into_owned()
}

/// Parses CSV text (RFC 4180 quoting) into examples.
pub fn parse(text: &str) -> Result<Vec<CameoExample>, CsvError> {
    let rows = csv_rows(text)?;
    let mut it = rows.into_iter();
    let header = it
        .next()
        .ok_or_else(|| CsvError::Format("empty file".into()))?;
    let col = |n: &str| {
        header
            .iter()
            .position(|h| h == n)
            .ok_or_else(|| CsvError::Format(format!("no column {n}")))
    };
    let (c_code, c_name, c_ex) = (col("code")?, col("name")?, col("example")?);
    let mut out = Vec::new();
    for r in it {
        let get = |i: usize| r.get(i).map(|s| s.trim()).unwrap_or("");
        let ex = get(c_ex);
        if ex.is_empty() || ex == "NA" {
            continue;
        }
        let sentence = match ex.find("Note:") {
            Some(i) if i > 0 => ex[..i].trim(),
            _ => ex,
        };
        out.push(CameoExample {
            code: get(c_code).into(),
            name: get(c_name).into(),
            sentence: sentence.into(),
        });
    }
    Ok(out)
}

fn csv_rows(text: &str) -> Result<Vec<Vec<String>>, CsvError> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    let mut any = false;
    while let Some(c) = chars.next() {
        any = true;
        if quoted {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                '"' => quoted = false,
                c => field.push(c),
            }
            continue;
        }
        match c {
            '"' => quoted = true,
            ',' => row.push(std::mem::take(&mut field)),
            '\r' => {}
            '\n' => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
                any = false;
            }
            c => field.push(c),
        }
    }
    if quoted {
        return Err(CsvError::Format("unclosed quote".into()));
    }
    if any {
        row.push(field);
        rows.push(row);
    }
    Ok(rows)
}

/// Accuracy at the three code levels.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CameoReport {
    /// Example sentences.
    pub sentences: usize,
    /// Sentences with at least one event.
    pub coded: usize,
    /// First event's root (2 digits) equals the gold root.
    pub root: usize,
    /// First event's base code (3 digits) equals the gold code's first 3 digits.
    pub base: usize,
    /// First event's code equals the gold code.
    pub full: usize,
    /// Any event's root equals the gold root (an upper bound; rewards over-coding).
    pub root_any: usize,
    /// Per gold root: (sentences, root right).
    pub by_root: BTreeMap<String, (usize, usize)>,
}

impl CameoReport {
    /// Root-code accuracy.
    pub fn root_accuracy(&self) -> f64 {
        frac(self.root, self.sentences)
    }
}

/// Runs `coder` on every example and scores the first event it returns.
pub fn score(
    examples: &[CameoExample],
    date: Date,
    coder: impl Fn(&str, Date) -> Coding,
) -> CameoReport {
    let mut rep = CameoReport::default();
    for ex in examples {
        let out = coder(&ex.sentence, date);
        rep.sentences += 1;
        let root = ex.code.get(..2).unwrap_or(&ex.code).to_string();
        let row = rep.by_root.entry(root.clone()).or_default();
        row.0 += 1;
        let Some(first) = out.events.first() else {
            continue;
        };
        rep.coded += 1;
        let same = |n: usize| {
            first
                .code
                .get(..n)
                .is_some_and(|c| Some(c) == ex.code.get(..n))
        };
        if same(2) {
            rep.root += 1;
            row.1 += 1;
        }
        rep.base += same(3) as usize;
        rep.full += (first.code == ex.code) as usize;
        rep.root_any += out
            .events
            .iter()
            .any(|e| e.code.get(..2) == Some(root.as_str())) as usize;
    }
    rep
}

impl fmt::Display for CameoReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut t = Table::new(&["root", "sentences", "root right"]);
        for (r, (n, k)) in &self.by_root {
            t.row(vec![r.clone(), n.to_string(), ratio(*k, *n)]);
        }
        write!(f, "{t}")?;
        writeln!(f)?;
        let mut s = Table::new(&["measure", "value"]);
        s.row(vec![
            "sentences coded".into(),
            ratio(self.coded, self.sentences),
        ]);
        s.row(vec![
            "root code (2 digits)".into(),
            ratio(self.root, self.sentences),
        ]);
        s.row(vec![
            "base code (3 digits)".into(),
            ratio(self.base, self.sentences),
        ]);
        s.row(vec!["full code".into(), ratio(self.full, self.sentences)]);
        s.row(vec![
            "root, any event".into(),
            ratio(self.root_any, self.sentences),
        ]);
        write!(f, "{s}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::CodedEvent;

    #[test]
    fn repairs_mojibake() {
        assert_eq!(
            decode(b"Moscow\x82\xc4\xf4s will \x82\xc4\xfaok\x82\xc4\xf9 \xac\xa312m"),
            "Moscow’s will “ok” £12m"
        );
    }

    #[test]
    fn parses_quoted_csv() {
        let csv = "\"\",\"name\",\"code\",\"example\"\n\"1\",\"Make statement\",\"010\",\"He said, \"\"no\"\". Note: x\"\n\"2\",\"B\",\"011\",NA\n";
        let ex = parse(csv).unwrap();
        assert_eq!(
            ex,
            [CameoExample {
                code: "010".into(),
                name: "Make statement".into(),
                sentence: "He said, \"no\".".into()
            }]
        );
    }

    #[test]
    fn scores_levels() {
        let ex = vec![
            CameoExample {
                code: "0231".into(),
                name: String::new(),
                sentence: "a".into(),
            },
            CameoExample {
                code: "190".into(),
                name: String::new(),
                sentence: "b".into(),
            },
        ];
        let ev = |c: &str| CodedEvent {
            code: c.into(),
            source: None,
            target: None,
            trigger: 0..1,
            status: dyad_core::Status::Asserted,
            rule_line: 0,
        };
        let rep = score(&ex, jiff::civil::date(2000, 1, 1), |s, _| {
            if s == "a" {
                vec![ev("0234")].into()
            } else {
                Coding::default()
            }
        });
        assert_eq!((rep.root, rep.base, rep.full, rep.coded), (1, 1, 0, 1));
    }

    #[test]
    fn reads_the_icews_file() {
        let p = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../../shared/data/cameo-codebook/icews-cameo-codes.csv"
        );
        let Ok(ex) = read(p) else {
            eprintln!("skipping: {p} not found");
            return;
        };
        assert_eq!(ex.len(), 277);
        assert!(ex.iter().all(|e| !e.sentence.contains("Note:")));
        assert!(
            ex.iter()
                .all(|e| !e.sentence.contains('\u{FFFD}') || e.sentence.contains("ankaya"))
        );
    }
}
