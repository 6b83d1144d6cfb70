use std::fmt;

/// A document that could not be read: where, and why.
#[derive(Debug, thiserror::Error)]
#[error("{location}: {kind}")]
pub struct ReadError {
    /// The file path (or `-`), with `:LINE` for JSON Lines input.
    pub location: String,
    /// What is wrong.
    pub kind: ReadErrorKind,
}

/// The problems a reader reports.
#[derive(Debug, thiserror::Error)]
pub enum ReadErrorKind {
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// The path is neither a file nor a directory, or has an extension dyad does not read.
    #[error("not a .txt or .jsonl file")]
    UnsupportedFile,
    /// NUL bytes: a binary file, not text.
    #[error("binary data (NUL byte at offset {offset}), not text")]
    Binary {
        /// Byte offset of the first NUL.
        offset: usize,
    },
    /// The bytes are not UTF-8.
    #[error("invalid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// No report date anywhere.
    #[error(
        "no report date: start the file with `date YYYY-MM-DD`, put YYYY-MM-DD in its name, or pass --date"
    )]
    NoDate,
    /// A date that is malformed or does not exist.
    #[error("impossible date {value:?}: {reason}")]
    BadDate {
        /// The date as written.
        value: String,
        /// Why it was rejected.
        reason: String,
    },
    /// Nothing but whitespace to code.
    #[error("empty text")]
    EmptyText,
    /// A JSON Lines line that is not a JSON object.
    #[error("not a JSON object: {0}")]
    NotJson(String),
    /// A required JSON field is absent or of the wrong type.
    #[error("field `{field}` {problem}")]
    Field {
        /// Field name.
        field: &'static str,
        /// "is missing", "must be a string", …
        problem: &'static str,
    },
    /// Over the size limit.
    #[error("document is {size} bytes, over the limit of {limit} (raise --max-bytes)")]
    TooLarge {
        /// Size in bytes (a lower bound when reading stopped early).
        size: u64,
        /// The limit in force.
        limit: usize,
    },
}

impl ReadError {
    pub(crate) fn new(location: impl fmt::Display, kind: impl Into<ReadErrorKind>) -> ReadError {
        ReadError {
            location: location.to_string(),
            kind: kind.into(),
        }
    }
}
