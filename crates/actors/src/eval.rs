//! Exact-span precision, recall and F1, per type and overall, as conlleval computes them.
use std::collections::BTreeMap;

/// A typed span over word indices, `[start, end)`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Chunk {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Entity type (`PER`).
    pub ty: String,
}

fn split_tag(tag: &str) -> (&str, &str) {
    match tag.split_once('-') {
        Some((p, t)) => (p, t),
        None => (tag, ""),
    }
}

/// Chunks of an IOB1, IOB2 or IOE tag sequence, with conlleval's start/end rules (an `I-X`
/// after `O` or after another type starts a chunk; `B-X` always does).
pub fn chunks(tags: &[impl AsRef<str>]) -> Vec<Chunk> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    let mut prev = ("O".to_string(), String::new());
    for (i, t) in tags.iter().enumerate() {
        let (p, ty) = split_tag(t.as_ref());
        let (p, ty) = if p == "O" || ty.is_empty() {
            ("O", "")
        } else {
            (p, ty)
        };
        let (pp, pt) = (prev.0.as_str(), prev.1.as_str());
        let end =
            pp != "O" && (p == "O" || p == "B" || p == "S" || pp == "E" || pp == "S" || ty != pt);
        let start =
            p != "O" && (p == "B" || p == "S" || pp == "O" || pp == "E" || pp == "S" || ty != pt);
        if end && let Some((s, t)) = open.take() {
            out.push(Chunk {
                start: s,
                end: i,
                ty: t,
            });
        }
        if start {
            open = Some((i, ty.to_string()));
        }
        prev = (p.to_string(), ty.to_string());
    }
    if let Some((s, t)) = open {
        out.push(Chunk {
            start: s,
            end: tags.len(),
            ty: t,
        });
    }
    out
}

/// Counts for one type.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Counts {
    /// Predicted and gold.
    pub tp: u64,
    /// Predicted, not gold.
    pub fp: u64,
    /// Gold, not predicted.
    pub fn_: u64,
}

impl Counts {
    /// Precision in percent.
    pub fn precision(&self) -> f64 {
        pct(self.tp, self.tp + self.fp)
    }
    /// Recall in percent.
    pub fn recall(&self) -> f64 {
        pct(self.tp, self.tp + self.fn_)
    }
    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn pct(a: u64, b: u64) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Scores accumulated over sentences.
#[derive(Debug, Clone, Default)]
pub struct Scores {
    /// Per type.
    pub by_type: BTreeMap<String, Counts>,
}

impl Scores {
    /// Adds one sentence's gold and predicted chunks.
    pub fn add(&mut self, gold: &[Chunk], pred: &[Chunk]) {
        for p in pred {
            let c = self.by_type.entry(p.ty.clone()).or_default();
            if gold.contains(p) {
                c.tp += 1;
            } else {
                c.fp += 1;
            }
        }
        for g in gold {
            if !pred.contains(g) {
                self.by_type.entry(g.ty.clone()).or_default().fn_ += 1;
            }
        }
    }

    /// Totals over the given types (all types when `types` is empty).
    pub fn total(&self, types: &[&str]) -> Counts {
        let mut t = Counts::default();
        for (ty, c) in &self.by_type {
            if types.is_empty() || types.contains(&ty.as_str()) {
                t.add(*c);
            }
        }
        t
    }

    /// A conlleval-like report: one line per type, then PER/ORG/LOC and overall.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let line = |name: &str, c: Counts| {
            format!(
                "{name:<12} precision {:6.2}  recall {:6.2}  F1 {:6.2}  (tp {} fp {} fn {})\n",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )
        };
        for (ty, c) in &self.by_type {
            s.push_str(&line(ty, *c));
        }
        s.push_str(&line("PER/ORG/LOC", self.total(&["PER", "ORG", "LOC"])));
        s.push_str(&line("overall", self.total(&[])));
        s
    }
}

/// The kind of an exact-span error, for error analysis.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ErrorKind {
    /// Same span, other type.
    Type,
    /// Same type, overlapping span.
    Boundary,
    /// Overlapping span of another type.
    BoundaryType,
    /// A gold chunk no prediction overlaps.
    Missed,
    /// A prediction no gold chunk overlaps.
    Spurious,
}

/// Pairs the errors of one sentence: each gold chunk not predicted exactly with the best
/// overlapping prediction (same span, else same type, else any), then each prediction that
/// overlaps no gold chunk. A prediction overlapping two gold chunks is listed with both.
pub fn error_kinds(
    gold: &[Chunk],
    pred: &[Chunk],
) -> Vec<(ErrorKind, Option<Chunk>, Option<Chunk>)> {
    let overlaps = |a: &Chunk, b: &Chunk| a.start < b.end && b.start < a.end;
    let mut out = Vec::new();
    for g in gold.iter().filter(|g| !pred.contains(g)) {
        let o: Vec<&Chunk> = pred.iter().filter(|p| overlaps(g, p)).collect();
        let e = if let Some(p) = o.iter().find(|p| (p.start, p.end) == (g.start, g.end)) {
            (ErrorKind::Type, Some((*p).clone()))
        } else if let Some(p) = o.iter().find(|p| p.ty == g.ty) {
            (ErrorKind::Boundary, Some((*p).clone()))
        } else if let Some(p) = o.first() {
            (ErrorKind::BoundaryType, Some((*p).clone()))
        } else {
            (ErrorKind::Missed, None)
        };
        out.push((e.0, Some(g.clone()), e.1));
    }
    for p in pred {
        if !gold.iter().any(|g| overlaps(g, p)) {
            out.push((ErrorKind::Spurious, None, Some(p.clone())));
        }
    }
    out
}

/// Error analysis over many sentences: counts by kind and gold>predicted type, and (unless
/// quiet) one line per error with its sentence as it is added.
#[derive(Debug, Default)]
pub struct ErrorReport {
    quiet: bool,
    counts: std::collections::BTreeMap<(ErrorKind, String), usize>,
}

impl ErrorReport {
    /// An empty report; `quiet`: counts only, no line per error.
    pub fn new(quiet: bool) -> ErrorReport {
        ErrorReport {
            quiet,
            ..ErrorReport::default()
        }
    }

    /// Counts (and prints) one sentence's errors (from [`error_kinds`]) over its `words`.
    pub fn add(&mut self, words: &[&str], errors: &[(ErrorKind, Option<Chunk>, Option<Chunk>)]) {
        let ty = |c: &Option<Chunk>| c.as_ref().map_or("-".to_string(), |c| c.ty.clone());
        let span = |c: &Option<Chunk>| match c {
            Some(c) => format!("{} [{}]", c.ty, words[c.start..c.end].join(" ")),
            None => "-".into(),
        };
        for (k, gc, pc) in errors {
            *self
                .counts
                .entry((*k, format!("{}>{}", ty(gc), ty(pc))))
                .or_default() += 1;
            if !self.quiet {
                println!(
                    "{k:?}\tgold {}\tpred {}\t| {}",
                    span(gc),
                    span(pc),
                    words.join(" ")
                );
            }
        }
    }

    /// The counts, one line each.
    pub fn summary(&self) -> String {
        self.counts
            .iter()
            .map(|((k, t), n)| format!("{n:5} {k:?} {t}\n"))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob1_and_iob2() {
        let iob1 = ["I-PER", "I-PER", "B-PER", "O", "I-LOC", "I-ORG"];
        let c = chunks(&iob1);
        assert_eq!(c.len(), 4);
        assert_eq!((c[0].start, c[0].end), (0, 2));
        assert_eq!((c[1].start, c[1].end), (2, 3));
        let iob2 = ["B-PER", "I-PER", "O", "B-LOC", "I-LOC"];
        let c = chunks(&iob2);
        assert_eq!(
            c,
            vec![
                Chunk {
                    start: 0,
                    end: 2,
                    ty: "PER".into()
                },
                Chunk {
                    start: 3,
                    end: 5,
                    ty: "LOC".into()
                }
            ]
        );
    }

    #[test]
    fn scoring() {
        let mut s = Scores::default();
        let g = chunks(&["B-PER", "I-PER", "O", "B-LOC"]);
        let p = chunks(&["B-PER", "I-PER", "O", "B-ORG"]);
        s.add(&g, &p);
        let t = s.total(&[]);
        assert_eq!((t.tp, t.fp, t.fn_), (1, 1, 1));
        assert!((t.f1() - 50.0).abs() < 1e-9);
        assert!(s.report().contains("PER/ORG/LOC"));
    }

    #[test]
    fn error_kinds_pair_gold_and_predictions() {
        let c = |start, end, ty: &str| Chunk {
            start,
            end,
            ty: ty.into(),
        };
        let gold = [
            c(0, 2, "PER"),
            c(3, 4, "LOC"),
            c(5, 7, "ORG"),
            c(8, 9, "ORG"),
        ];
        let pred = [
            c(0, 2, "ORG"),
            c(3, 5, "LOC"),
            c(6, 7, "PER"),
            c(10, 11, "PER"),
        ];
        let kinds: Vec<ErrorKind> = error_kinds(&gold, &pred).iter().map(|e| e.0).collect();
        assert_eq!(
            kinds,
            [
                ErrorKind::Type,
                ErrorKind::Boundary,
                ErrorKind::BoundaryType,
                ErrorKind::Missed,
                ErrorKind::Spurious
            ]
        );
    }
}
