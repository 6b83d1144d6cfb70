use crate::Span;
use serde::{Deserialize, Serialize};

/// A token: a byte span, UD English conventions (`do|n't`, `Trump|'s`, `U.S.` whole).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    /// Bytes of the token in the document text.
    pub span: Span,
    /// True when the token is directly followed by the next one, with no whitespace
    /// between (CoNLL-U `SpaceAfter=No`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub no_space_after: bool,
}

/// A paragraph: a run of text between blank lines (or the whole text of a one-line article).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// Bytes of the paragraph, trimmed of surrounding whitespace.
    pub span: Span,
}

/// The mark on a sentence that repeats an earlier one of the same document.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Duplicate {
    /// Index of the first occurrence in [`Analysis::sentences`].
    pub of: u32,
    /// Similarity in `[0, 1]`; 1 for a verbatim repeat.
    pub similarity: f64,
}

/// A sentence with its tokens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    /// Bytes of the sentence, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index of the paragraph it belongs to.
    pub paragraph: u32,
    /// First token index (into [`Analysis::tokens`]).
    pub token_start: u32,
    /// One past the last token index.
    pub token_end: u32,
    /// Set when this sentence repeats an earlier one; later stages skip it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate: Option<Duplicate>,
}

impl Sentence {
    /// The token index range of this sentence.
    pub fn tokens(&self) -> std::ops::Range<usize> {
        self.token_start as usize..self.token_end as usize
    }
}

/// Everything the stages know about one document, as parallel arrays of spans.
///
/// Segmentation fills `paragraphs`, `sentences` and `tokens`; later stages fill the rest.
/// Arrays are cleared and refilled per document so a worker can reuse their allocations.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// Paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order; they tile the non-whitespace text.
    pub sentences: Vec<Sentence>,
    /// All tokens of the document in text order.
    pub tokens: Vec<Token>,
    /// Temporal expressions, filled by the time stage.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub timexes: Vec<crate::Timex>,
}

impl Analysis {
    /// Empties every array, keeping allocations.
    pub fn clear(&mut self) {
        self.paragraphs.clear();
        self.sentences.clear();
        self.tokens.clear();
        self.timexes.clear();
    }
}
