//! News segmentation: paragraphs, sentences and tokens as byte spans, and the marking of
//! sentences that repeat an earlier one.
//!
//! Tokens follow Universal Dependencies English conventions because dyad's parser is trained
//! on UD treebanks: `don't` → `do n't`, `Trump's` → `Trump 's`, punctuation split off, but
//! `U.S.`, `p.m.` and `Mr.` kept whole.
//!
//! ```
//! use dyad_core::Analysis;
//! use dyad_segment::Segmenter;
//!
//! let text = "Mr. Smith met U.S. officials at 1 p.m. Thursday. They didn't agree.";
//! let mut a = Analysis::default();
//! Segmenter::new().segment(text, &mut a);
//! assert_eq!(a.sentences.len(), 2);
//! let words: Vec<&str> = a.tokens.iter().map(|t| &text[t.span.range()]).collect();
//! assert_eq!(&words[..4], ["Mr.", "Smith", "met", "U.S."]);
//! assert!(words.contains(&"n't"));
//! ```
#![deny(missing_docs)]

mod dedup;
mod lexicon;
mod sentences;
mod tokens;

use dyad_core::{Analysis, Paragraph, Span};

pub use dedup::{DEFAULT_THRESHOLD, mark_duplicates};

/// The segmenter: stateless configuration, cheap to share across threads.
#[derive(Clone, Debug)]
pub struct Segmenter {
    dup_threshold: f32,
}

impl Default for Segmenter {
    fn default() -> Self {
        Segmenter::new()
    }
}

impl Segmenter {
    /// A segmenter with the default repeated-sentence threshold.
    pub fn new() -> Segmenter {
        Segmenter {
            dup_threshold: DEFAULT_THRESHOLD,
        }
    }

    /// Sets the similarity (Dice over word bigrams) at or above which a sentence counts as a
    /// repeat of an earlier one. Values above 1 turn marking off.
    pub fn with_duplicate_threshold(mut self, threshold: f32) -> Segmenter {
        self.dup_threshold = threshold;
        self
    }

    /// Segments `text` into `out`, replacing what it held (its allocations are reused).
    pub fn segment(&self, text: &str, out: &mut Analysis) {
        out.clear();
        for (pi, para) in paragraphs(text).into_iter().enumerate() {
            out.paragraphs.push(Paragraph { span: para.span });
            for block in para.blocks {
                let first = out.tokens.len();
                tokens::tokenize(text, block, &mut out.tokens);
                sentences::split(text, first, pi as u32, &out.tokens, &mut out.sentences);
            }
        }
        if self.dup_threshold <= 1.0 {
            mark_duplicates(text, out, self.dup_threshold);
        }
    }
}

struct Para {
    span: Span,
    /// Stretches inside which line breaks are ordinary spaces; each ends a sentence.
    blocks: Vec<Span>,
}

/// Paragraphs are runs of non-blank lines. Inside one, a line break ends a sentence (scraped
/// news puts headlines, datelines and bylines on lines of their own) unless the text looks
/// hard-wrapped or the next line plainly continues the sentence (starts in lower case).
fn paragraphs(text: &str) -> Vec<Para> {
    let mut lines: Vec<Span> = Vec::new();
    let mut start = 0;
    for nl in memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len())) {
        lines.push(Span::new(start, nl));
        start = nl + 1;
        if start > text.len() {
            break;
        }
    }
    let mut out = Vec::new();
    let mut run: Vec<Span> = Vec::new();
    for line in lines {
        match trim(text, line) {
            Some(t) => run.push(t),
            None if !run.is_empty() => out.push(make_para(text, std::mem::take(&mut run))),
            None => {}
        }
    }
    if !run.is_empty() {
        out.push(make_para(text, run));
    }
    out
}

fn make_para(text: &str, lines: Vec<Span>) -> Para {
    let span = lines[0].cover(*lines.last().expect("non-empty run"));
    if is_hard_wrapped(text, &lines) {
        return Para {
            span,
            blocks: vec![span],
        };
    }
    let mut blocks: Vec<Span> = Vec::with_capacity(lines.len());
    for line in lines {
        match blocks.last_mut() {
            Some(prev) if continues(text, *prev, line) => *prev = prev.cover(line),
            _ => blocks.push(line),
        }
    }
    Para { span, blocks }
}

/// Three or more lines of similar, prose-like length: a hard-wrapped paragraph.
fn is_hard_wrapped(text: &str, lines: &[Span]) -> bool {
    if lines.len() < 3 {
        return false;
    }
    let body = &lines[..lines.len() - 1];
    let lens = body.iter().map(|l| text[l.range()].chars().count());
    let (min, max) = lens.fold((usize::MAX, 0), |(lo, hi), n| (lo.min(n), hi.max(n)));
    min >= 40 && max <= 120 && max - min <= max / 4
}

/// A line that does not end a sentence, followed by one that starts in lower case.
fn continues(text: &str, prev: Span, next: Span) -> bool {
    let last = text[prev.range()].chars().next_back();
    let first = text[next.range()].chars().next();
    let ends = matches!(
        last,
        Some('.' | '!' | '?' | '…' | ':' | '"' | '”' | '’' | '\'')
    );
    !ends && first.is_some_and(char::is_lowercase)
}

/// The span without surrounding whitespace, or None when it is all whitespace.
fn trim(text: &str, span: Span) -> Option<Span> {
    let s = &text[span.range()];
    let t = s.trim_start();
    let lead = s.len() - t.len();
    let t = t.trim_end();
    (!t.is_empty()).then(|| {
        Span::new(
            span.start as usize + lead,
            span.start as usize + lead + t.len(),
        )
    })
}
