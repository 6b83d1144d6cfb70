//! Readers for dyad's inputs.
//!
//! - **Seed format**: a `.txt` file whose text starts (after optional whitespace) with
//!   `date YYYY-MM-DD`, then the article. The id is the file stem; the text starts at the
//!   first non-whitespace character after the date, and every offset is into that text.
//! - **Plain text**: a `.txt` file without the date line; the date comes from
//!   [`ReadOptions::date`] or from a `YYYY-MM-DD` in the file name.
//! - **JSON Lines**: one document per line with `date` and `text` (required) and `id`,
//!   `title`, `source`, `url`, `language` (optional; a missing id becomes `STEM:LINE`).
//! - **Directories** (recursive, sorted, `.txt` and `.jsonl` files) and `-` for standard input
//!   (JSON Lines when it starts with `{`, else seed or plain text).
//!
//! Each problem is a [`ReadError`] that names the file (and line) and what is wrong; the
//! iterator carries on with the next document, so one bad document never stops a batch.
//!
//! ```
//! use dyad_read::{ReadOptions, Sources};
//! let dir = std::env::temp_dir().join("dyad-read-doc-example");
//! std::fs::create_dir_all(&dir).unwrap();
//! std::fs::write(dir.join("a.txt"), "date 2026-02-26 Trump met Mamdani.").unwrap();
//! let docs: Vec<_> = Sources::new(vec![dir.join("a.txt")], ReadOptions::default()).collect();
//! let doc = docs[0].as_ref().unwrap();
//! assert_eq!((doc.id.as_str(), doc.text.as_str()), ("a", "Trump met Mamdani."));
//! ```
#![deny(missing_docs)]

mod error;
mod parse;
mod sources;

pub use error::{ReadError, ReadErrorKind};
pub use parse::{parse_jsonl_line, parse_text_file};
pub use sources::Sources;

use jiff::civil::Date;

/// Default per-document size limit: 5 MB.
pub const DEFAULT_MAX_BYTES: usize = 5_000_000;

/// How to read.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Report date for plain text files that carry none (`--date`).
    pub date: Option<Date>,
    /// Largest document accepted, in bytes (`--max-bytes`).
    pub max_bytes: usize,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            date: None,
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}
