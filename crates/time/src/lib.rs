//! Temporal expressions for dyad: TIMEX3 recognition and normalisation against the report date.
//!
//! [`TimeTagger`] finds dates, times, durations and sets in raw news text and gives each a
//! TimeML TIMEX3 `type`, `value` and `mod`, anchored to the document creation time (DCT).
//! Names without a year or week ("Thursday", "in November") are placed by the tense of
//! their clause: past → the most recent, future or planned → the next, otherwise the nearest.
//!
//! ```
//! use dyad_core::{TimexType, Timex};
//! let tagger = dyad_time::TimeTagger::new();
//! let text = "Trump plans to meet Mamdani Thursday at 1 p.m., after their first meeting in November.";
//! let mut out: Vec<Timex> = Vec::new();
//! tagger.tag(text, jiff::civil::date(2026, 2, 26), &[], &mut out);
//! let got: Vec<(&str, &str)> = out.iter().map(|t| (&text[t.span.range()], t.value.as_str())).collect();
//! assert_eq!(got, [("Thursday", "2026-02-26"), ("1 p.m.", "2026-02-26T13:00"), ("November", "2025-11")]);
//! assert_eq!(out[0].kind, TimexType::Date);
//! ```
//!
//! The [`timeml`] module reads and writes TempEval-3 TimeML, [`eval`] scores a system
//! directory against gold with the TempEval-3 timex metrics, and [`meantime`] turns the
//! MEANTIME corpus into TempEval-3 files so it can be scored the same way.
#![deny(missing_docs)]

mod anchor;
pub mod eval;
mod grammar;
pub mod jsonl;
mod lex;
pub mod meantime;
pub mod timeml;

pub use anchor::Tense;
pub use eval::{TimexScores, score_dirs};
pub use jsonl::write_jsonl;
pub use meantime::run_meantime_eval;

use dyad_core::{Span, Timex};
use grammar::{Cand, DateSpec, Grammar, Sem, YearSpec};
use jiff::civil::Date;
use lex::{Cue, Kind, Lex, Lexicon, Tok, W};

/// Errors of the TimeML, evaluation and corpus functions. Tagging itself never fails.
#[derive(Debug, thiserror::Error)]
pub enum TimeError {
    /// Reading or writing a file failed.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: std::path::PathBuf,
        /// The cause.
        source: std::io::Error,
    },
    /// A TimeML or CAT XML document lacks a required part or is malformed.
    #[error("{what}: {detail}")]
    Format {
        /// The document (a path or "input").
        what: String,
        /// What is wrong.
        detail: String,
    },
    /// The DCT value is not a calendar date.
    #[error("bad DCT value {0:?}")]
    Dct(String),
}

/// The temporal tagger: build once, share across threads (it is `Sync` and holds no
/// per-document state).
pub struct TimeTagger {
    lex: Lexicon,
}

impl Default for TimeTagger {
    fn default() -> Self {
        Self::new()
    }
}

/// How far (in tokens) the tense window reaches on each side of an expression.
const TENSE_WINDOW: usize = 12;

impl TimeTagger {
    /// Builds the lexicon.
    pub fn new() -> TimeTagger {
        TimeTagger {
            lex: Lexicon::new(),
        }
    }

    /// Tags a segmented document: replaces `analysis.timexes`, using its sentences as
    /// tense windows (sentences marked as duplicates are tagged too; later stages skip them).
    pub fn tag_document(&self, doc: &dyad_core::Document, analysis: &mut dyad_core::Analysis) {
        let sentences: Vec<Span> = analysis.sentences.iter().map(|s| s.span).collect();
        analysis.timexes.clear();
        self.tag(&doc.text, doc.date, &sentences, &mut analysis.timexes);
    }

    /// Tags `text`, written on `dct`, appending TIMEX3s in text order to `out`.
    ///
    /// `sentences` bounds the window in which tense cues are looked for; when empty, the
    /// tagger splits sentences itself at end punctuation and blank lines.
    pub fn tag(&self, text: &str, dct: Date, sentences: &[Span], out: &mut Vec<Timex>) {
        self.tag_with(text, dct, sentences, &NoOracle, out);
    }

    /// Like [`tag`](Self::tag), but asks `oracle` first for the tense governing each
    /// expression (a parser knows which verb a time attaches to); the word-cue heuristic
    /// answers where the oracle has no opinion.
    pub fn tag_with(
        &self,
        text: &str,
        dct: Date,
        sentences: &[Span],
        oracle: &dyn TenseOracle,
        out: &mut Vec<Timex>,
    ) {
        let mut toks = Vec::with_capacity(text.len() / 5 + 1);
        self.lex.tokenize(text, &mut toks);
        let sent_of = sentence_ids(text, &toks, sentences);
        let g = Grammar { text, t: &toks };
        let cands = find(&g);
        // The last day named, and the sentence it was named in.
        let mut anaphor: Option<(Date, u32)> = None;
        let mut resolved: Vec<(usize, Option<Date>, Timex)> = Vec::with_capacity(cands.len());
        let mut pending_times = Vec::new();
        for c in &cands {
            let span = Span::new(toks[c.start].start as usize, toks[c.end - 1].end as usize);
            let tense = c
                .tense_hint
                .or_else(|| oracle.tense(span))
                .unwrap_or_else(|| tense_at(&g, &sent_of, c.start, c.end));
            let sid = sent_of[c.start];
            let near_day = anaphor.filter(|&(_, s)| s + 1 >= sid).map(|(d, _)| d);
            let Some(r) = anchor::resolve(&c.sem, dct, tense, near_day, None) else {
                continue;
            };
            if matches!(c.sem, Sem::Time { day: None, .. }) {
                pending_times.push(resolved.len());
            }
            if let (Sem::Date(_), Some(d)) = (&c.sem, r.day) {
                anaphor = Some((d, sid));
            }
            let precision = match c.kind() {
                dyad_core::TimexType::Date | dyad_core::TimexType::Time => Some(r.precision),
                _ => None,
            };
            resolved.push((
                sent_of[c.start] as usize,
                r.day
                    .filter(|_| matches!(c.sem, Sem::Date(_) | Sem::Time { day: Some(_), .. })),
                Timex {
                    span,
                    kind: c.kind(),
                    value: r.value,
                    modifier: c.modifier,
                    precision,
                },
            ));
        }
        // A clock time without a day takes the nearest day named in its sentence, else the DCT.
        for &k in &pending_times {
            let Some(&(s, _, _)) = resolved.get(k) else {
                continue;
            };
            let near = resolved
                .iter()
                .enumerate()
                .filter(|(j, (s2, d, _))| *j != k && *s2 == s && d.is_some())
                .min_by_key(|(j, _)| j.abs_diff(k))
                .and_then(|(_, (_, d, _))| *d);
            if let (Some(day), Some(c)) = (
                near,
                cands
                    .iter()
                    .find(|c| toks[c.start].start == resolved[k].2.span.start),
            ) && let Some(r) = anchor::resolve(&c.sem, dct, Tense::Unknown, None, Some(day))
            {
                resolved[k].2.value = r.value;
            }
        }
        out.extend(resolved.into_iter().map(|(_, _, t)| t));
    }
}

/// A source of tense for a temporal expression, such as a dependency parser: the tense
/// and aspect of the verb the expression attaches to.
pub trait TenseOracle {
    /// The tense governing the expression at `span`, or `None` to fall back to word cues.
    fn tense(&self, span: Span) -> Option<Tense>;
}

/// The oracle that never knows.
struct NoOracle;

impl TenseOracle for NoOracle {
    fn tense(&self, _: Span) -> Option<Tense> {
        None
    }
}

/// Non-overlapping candidates, left to right, longest at each start.
fn find(g: &Grammar) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::new();
    let n = g.t.len();
    let mut i = 0;
    while i < n {
        if let Some(c) = g.during_period(i) {
            i = c.end;
            out.push(c);
            continue;
        }
        let Some(c) = g.at(i) else {
            i += 1;
            continue;
        };
        let end = c.end.max(i + 1);
        // "2009-2010", "2009–10": the second year of a range is its own DATE.
        let second = range_second_year(g, &c);
        out.push(c);
        i = end;
        if let Some(s) = second {
            i = s.end;
            out.push(s);
        }
    }
    out
}

fn range_second_year(g: &Grammar, c: &Cand) -> Option<Cand> {
    let Sem::Date(DateSpec::Year(YearSpec::Abs(y))) = c.sem else {
        return None;
    };
    let e = c.end;
    let t = g.t;
    let dash = t
        .get(e)
        .is_some_and(|x| matches!(x.kind, Kind::Punct(b'-' | b'/')) && !x.space_before);
    let n = t.get(e + 1)?;
    if !dash || n.space_before || n.kind != Kind::Num || n.ordinal {
        return None;
    }
    let y2 = match n.digits {
        4 => n.num as i32,
        2 => y - y % 100 + n.num as i32,
        _ => return None,
    };
    if y2 <= y || y2 > y + 100 {
        return None;
    }
    Some(Cand {
        start: e + 1,
        end: e + 2,
        sem: Sem::Date(DateSpec::Year(YearSpec::Abs(y2))),
        modifier: None,
        tense_hint: None,
    })
}

/// Words whose following dot does not end a sentence.
fn is_abbrev(w: &str) -> bool {
    w.len() <= 2 && w.bytes().all(|b| b.is_ascii_lowercase())
        || w.len() == 1
        || matches!(
            w,
            "Mr" | "Mrs"
                | "Ms"
                | "Dr"
                | "St"
                | "Gen"
                | "Sen"
                | "Rep"
                | "Gov"
                | "Lt"
                | "Col"
                | "Sgt"
                | "Capt"
                | "Prof"
                | "Jr"
                | "Sr"
                | "Inc"
                | "Corp"
                | "Co"
                | "Ltd"
                | "No"
                | "Jan"
                | "Feb"
                | "Mar"
                | "Apr"
                | "Jun"
                | "Jul"
                | "Aug"
                | "Sep"
                | "Sept"
                | "Oct"
                | "Nov"
                | "Dec"
                | "Mon"
                | "Tue"
                | "Tues"
                | "Wed"
                | "Thu"
                | "Thurs"
                | "Fri"
        )
}

/// Sentence index of each token.
fn sentence_ids(text: &str, toks: &[Tok], sentences: &[Span]) -> Vec<u32> {
    let mut ids = Vec::with_capacity(toks.len());
    if !sentences.is_empty() {
        let mut s = 0usize;
        for t in toks {
            while s + 1 < sentences.len() && sentences[s].end <= t.start {
                s += 1;
            }
            ids.push(s as u32);
        }
        return ids;
    }
    let b = text.as_bytes();
    let mut s = 0u32;
    for (k, t) in toks.iter().enumerate() {
        if k > 0 {
            let prev = &toks[k - 1];
            let gap = &b[prev.end as usize..t.start as usize];
            let blank = memchr::memchr_iter(b'\n', gap).count() >= 2;
            let end_punct = matches!(prev.kind, Kind::Punct(b'.' | b'!' | b'?'))
                && t.space_before
                && (t.cap || t.kind == Kind::Num || !matches!(t.kind, Kind::Word));
            // "p.m. Thursday", "U.S. officials", "Mr. Smith": an abbreviation's dot is no end.
            let abbrev = k >= 2
                && prev.kind == Kind::Punct(b'.')
                && toks[k - 2].kind == Kind::Word
                && is_abbrev(&text[toks[k - 2].start as usize..toks[k - 2].end as usize]);
            if blank
                || (end_punct && !abbrev)
                || memchr::memchr(b'\n', gap).is_some() && matches!(prev.kind, Kind::Punct(_))
            {
                s += 1;
            }
        }
        ids.push(s);
    }
    ids
}

/// Auxiliaries whose tense is decided by the verb they lead to.
fn is_aux(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "has" | "have" | "had" | "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am"
    )
}

fn is_modal(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "will" | "would" | "could" | "may" | "might" | "should" | "must" | "can" | "shall" | "ll"
    )
}

fn word<'a>(g: &Grammar<'a>, k: usize) -> &'a str {
    g.t.get(k)
        .map_or("", |t| &g.text[t.start as usize..t.end as usize])
}

/// The tense cue carried by token `k`, looking at its neighbours for verb groups:
/// "to be held" and "will be finalized" are future, "has been scheduled" is planned.
fn cue_at(g: &Grammar, k: usize) -> Option<Tense> {
    let toks = g.t;
    let t = &toks[k];
    if t.kind != Kind::Word {
        return None;
    }
    let w = word(g, k);
    if matches!(t.lex, Lex::Month(..)) && t.cap {
        return None;
    }
    if is_modal(w) {
        // "won't" is tokenised won ' t; "can" and "may" are modals here.
        return Some(Tense::Future);
    }
    // The previous word, skipping -ly adverbs ("is officially reported").
    let mut p = k;
    let prev = loop {
        if p == 0 {
            break "";
        }
        p -= 1;
        let pw = word(g, p);
        if !(pw.len() > 3 && pw.ends_with("ly")) {
            break pw;
        }
    };
    if w.eq_ignore_ascii_case("be") {
        return if prev.eq_ignore_ascii_case("to") || is_modal(prev) {
            Some(Tense::Future)
        } else {
            None
        };
    }
    // "has a June 1 deadline" is possession, "has fallen" a perfect.
    if matches!(w.to_ascii_lowercase().as_str(), "has" | "have") {
        let mut j = k + 1;
        while j < toks.len() && word(g, j).len() > 3 && word(g, j).ends_with("ly") {
            j += 1;
        }
        let participle = toks.get(j).is_some_and(|n| {
            n.kind == Kind::Word && (n.cue == Cue::Past || word(g, j).ends_with("en"))
        });
        if !participle {
            return Some(Tense::Present);
        }
    }
    if is_aux(w) {
        // Follow the verb group to its participle: "has been scheduled" → planned.
        for (j, n) in toks.iter().enumerate().take(k + 4).skip(k + 1) {
            if n.cue == Cue::Future && n.kind == Kind::Word && !is_modal(word(g, j)) {
                return Some(Tense::Future);
            }
            if !(is_aux(word(g, j)) || word(g, j).ends_with("ly")) {
                break;
            }
        }
    }
    match t.cue {
        Cue::Past => {
            if w.eq_ignore_ascii_case("won")
                && toks
                    .get(k + 1)
                    .is_some_and(|n| n.kind == Kind::Punct(b'\''))
            {
                return Some(Tense::Future);
            }
            // A participle after a form of "be" is passive: the auxiliary carries the tense.
            let participle =
                !is_aux(w) && (w.ends_with("ed") || w.ends_with("en") || t.cue == Cue::Past);
            if participle
                && is_aux(prev)
                && !prev.eq_ignore_ascii_case("has")
                && !prev.eq_ignore_ascii_case("have")
                && !prev.eq_ignore_ascii_case("had")
            {
                return None;
            }
            Some(Tense::Past)
        }
        Cue::Future => Some(Tense::Future),
        Cue::Be => {
            // is/are + -ing (a planned event) or + to: future; else present.
            let next = toks.get(k + 1).filter(|n| n.kind == Kind::Word);
            let ing =
                next.is_some_and(|n| g.text[n.start as usize..n.end as usize].ends_with("ing"));
            let to = next.is_some_and(|n| matches!(n.lex, Lex::W(W::To)));
            Some(if ing || to {
                Tense::Future
            } else {
                Tense::Present
            })
        }
        Cue::Stop | Cue::None => None,
    }
}

/// The tense governing the expression at tokens `[s, e)`: the nearest cue in its sentence,
/// left side preferred.
fn tense_at(g: &Grammar, sent: &[u32], s: usize, e: usize) -> Tense {
    let toks = g.t;
    let sid = sent[s];
    let is_stop =
        |k: usize| toks[k].cue == Cue::Stop || matches!(toks[k].kind, Kind::Punct(b';' | b'('));
    let mut left: Option<(usize, Tense)> = None;
    let mut k = s;
    while k > 0 && s - k < TENSE_WINDOW {
        k -= 1;
        if sent[k] != sid || is_stop(k) {
            break;
        }
        if let Some(t) = cue_at(g, k) {
            left = Some((s - k, t));
            break;
        }
    }
    let mut right: Option<(usize, Tense)> = None;
    let mut k = e;
    while k < toks.len() && k - e < TENSE_WINDOW {
        if sent[k] != sid || is_stop(k) {
            break;
        }
        if let Some(t) = cue_at(g, k) {
            right = Some((k - e + 1 + 2, t));
            break;
        }
        k += 1;
    }
    match (left, right) {
        (Some((dl, tl)), Some((dr, tr))) => {
            if dl <= dr {
                tl
            } else {
                tr
            }
        }
        (Some((_, t)), None) | (None, Some((_, t))) => t,
        (None, None) => Tense::Unknown,
    }
}
