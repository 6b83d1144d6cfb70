use crate::Span;
use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// One news report: its text, the date it was reported and what we know of its source.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Identifier, unique within a corpus (the file stem, or the JSONL `id`).
    pub id: String,
    /// The report date (document creation time), against which relative times resolve.
    pub date: Date,
    /// The article text; every [`Span`] indexes into it.
    pub text: String,
    /// Optional descriptive fields.
    #[serde(flatten)]
    pub meta: DocMeta,
    /// Where the document was read from; not part of its identity.
    #[serde(skip)]
    pub origin: Origin,
}

/// Optional descriptive fields of a document.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocMeta {
    /// Headline, when the source gives one separately from the text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Outlet or feed name ("Reuters", "bbc.co.uk").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Address of the article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Language tag as given (dyad codes English).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
}

/// Where a document came from, for error messages and provenance.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Origin {
    /// File path, or `-` for standard input.
    pub path: String,
    /// 1-based line number for JSON Lines input.
    pub line: Option<usize>,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}", self.path, line),
            None => f.write_str(&self.path),
        }
    }
}

impl Document {
    /// A document with no metadata and no origin.
    pub fn new(id: impl Into<String>, date: Date, text: impl Into<String>) -> Document {
        Document {
            id: id.into(),
            date,
            text: text.into(),
            meta: DocMeta::default(),
            origin: Origin::default(),
        }
    }

    /// The surface text of a span.
    pub fn slice(&self, span: Span) -> &str {
        &self.text[span.range()]
    }
}
