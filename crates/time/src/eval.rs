//! TempEval-3 timex scoring (UzZaman et al. 2013), reimplemented.
//!
//! Per document, gold and system TIMEX3s inside `<TEXT>` are compared by their offsets in
//! the plain text (tags removed), so the two files must carry the same text.
//!
//! - **Strict extent**: a system timex matches a gold one with exactly the same extent.
//! - **Relaxed extent**: they overlap by at least one character. Each gold timex is paired
//!   with at most one system timex (the first unpaired overlapping one, in text order).
//! - P = matches / system timexes, R = matches / gold timexes, F1 their harmonic mean.
//! - **Value** and **type** F1: P = relaxed pairs whose attribute is equal / system
//!   timexes, R = the same count / gold timexes, F1 their harmonic mean. (TempEval-3's
//!   "attribute F1": the extent must be found *and* the attribute right.)
//!
//! The DCT (`t0`, outside `<TEXT>`) is not scored.

use crate::TimeError;
use crate::timeml::{TimexAnnotation, parse};
use std::fmt;
use std::path::{Path, PathBuf};

/// Precision, recall and F1 from raw counts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Prf {
    /// Items counted as correct.
    pub correct: usize,
    /// Precision in percent.
    pub p: f64,
    /// Recall in percent.
    pub r: f64,
    /// F1 in percent.
    pub f1: f64,
}

impl Prf {
    fn new(correct: usize, system: usize, gold: usize) -> Prf {
        let p = if system == 0 {
            0.0
        } else {
            100.0 * correct as f64 / system as f64
        };
        let r = if gold == 0 {
            0.0
        } else {
            100.0 * correct as f64 / gold as f64
        };
        let f1 = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        Prf { correct, p, r, f1 }
    }
}

/// TempEval-3 timex scores over a directory pair.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimexScores {
    /// Documents scored.
    pub docs: usize,
    /// Gold timexes.
    pub gold: usize,
    /// System timexes.
    pub system: usize,
    /// Exact extent match.
    pub strict: Prf,
    /// Overlapping extent.
    pub relaxed: Prf,
    /// Relaxed match with equal `value`.
    pub value: Prf,
    /// Relaxed match with equal `type`.
    pub kind: Prf,
    /// Gold documents with no system file (scored as all missed).
    pub missing: Vec<PathBuf>,
}

impl fmt::Display for TimexScores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "docs {}  gold {}  system {}",
            self.docs, self.gold, self.system
        )?;
        writeln!(
            f,
            "{:<8} {:>6} {:>6} {:>6} {:>7}",
            "", "P", "R", "F1", "correct"
        )?;
        for (name, s) in [
            ("strict", self.strict),
            ("relaxed", self.relaxed),
            ("value", self.value),
            ("type", self.kind),
        ] {
            writeln!(
                f,
                "{:<8} {:>6.2} {:>6.2} {:>6.2} {:>7}",
                name, s.p, s.r, s.f1, s.correct
            )?;
        }
        if !self.missing.is_empty() {
            writeln!(f, "missing system files: {}", self.missing.len())?;
        }
        Ok(())
    }
}

/// Raw counts, summed over documents.
#[derive(Clone, Copy, Debug, Default)]
pub struct Counts {
    /// Gold timexes.
    pub gold: usize,
    /// System timexes.
    pub system: usize,
    /// Exact extent matches.
    pub strict: usize,
    /// Relaxed pairs.
    pub relaxed: usize,
    /// Relaxed pairs with equal value.
    pub value: usize,
    /// Relaxed pairs with equal type.
    pub kind: usize,
}

/// Compares one document's gold and system timexes.
pub fn compare(gold: &[TimexAnnotation], system: &[TimexAnnotation]) -> Counts {
    let mut c = Counts {
        gold: gold.len(),
        system: system.len(),
        ..Counts::default()
    };
    c.strict = gold
        .iter()
        .filter(|g| system.iter().any(|s| s.start == g.start && s.end == g.end))
        .count();
    let mut used = vec![false; system.len()];
    for g in gold {
        // Prefer the exact extent, then the first overlapping one.
        let pick = system
            .iter()
            .enumerate()
            .find(|(k, s)| !used[*k] && s.start == g.start && s.end == g.end)
            .or_else(|| {
                system
                    .iter()
                    .enumerate()
                    .find(|(k, s)| !used[*k] && s.start < g.end && g.start < s.end)
            });
        if let Some((k, s)) = pick {
            used[k] = true;
            c.relaxed += 1;
            c.value += usize::from(s.value == g.value);
            c.kind += usize::from(s.kind == g.kind);
        }
    }
    c
}

fn add(a: &mut Counts, b: Counts) {
    a.gold += b.gold;
    a.system += b.system;
    a.strict += b.strict;
    a.relaxed += b.relaxed;
    a.value += b.value;
    a.kind += b.kind;
}

/// Scores from summed counts.
pub fn scores(c: Counts, docs: usize) -> TimexScores {
    TimexScores {
        docs,
        gold: c.gold,
        system: c.system,
        strict: Prf::new(c.strict, c.system, c.gold),
        relaxed: Prf::new(c.relaxed, c.system, c.gold),
        value: Prf::new(c.value, c.system, c.gold),
        kind: Prf::new(c.kind, c.system, c.gold),
        missing: Vec::new(),
    }
}

fn read(path: &Path) -> Result<String, TimeError> {
    std::fs::read_to_string(path).map_err(|source| TimeError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The document name a TimeML file stands for: its file name without `.tml`/`.TE3input`.
fn stem(name: &str) -> &str {
    let n = name.strip_suffix(".tml").unwrap_or(name);
    n.strip_suffix(".TE3input").unwrap_or(n)
}

/// Scores every `*.tml` in `gold` against the file of the same document in `system`.
pub fn score_dirs(gold: &Path, system: &Path) -> Result<TimexScores, TimeError> {
    let mut gold_files: Vec<PathBuf> = std::fs::read_dir(gold)
        .map_err(|source| TimeError::Io {
            path: gold.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tml"))
        .collect();
    gold_files.sort();
    let sys_files: Vec<PathBuf> = std::fs::read_dir(system)
        .map_err(|source| TimeError::Io {
            path: system.to_path_buf(),
            source,
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    let mut total = Counts::default();
    let mut missing = Vec::new();
    for g in &gold_files {
        let name = g.file_name().and_then(|n| n.to_str()).unwrap_or("");
        let gdoc = parse(&read(g)?, &g.display().to_string())?;
        let s = sys_files.iter().find(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| stem(n) == stem(name))
        });
        let Some(s) = s else {
            missing.push(g.clone());
            add(&mut total, compare(&gdoc.timexes, &[]));
            continue;
        };
        let sdoc = parse(&read(s)?, &s.display().to_string())?;
        if sdoc.text != gdoc.text {
            return Err(TimeError::Format {
                what: s.display().to_string(),
                detail: format!("<TEXT> differs from the gold file {}", g.display()),
            });
        }
        add(&mut total, compare(&gdoc.timexes, &sdoc.timexes));
    }
    let mut sc = scores(total, gold_files.len());
    sc.missing = missing;
    Ok(sc)
}
