//! Reading documents for a command, reporting each rejected one on standard error.

use crate::cli::InputArgs;
use dyad_core::Document;
use dyad_read::{ReadOptions, Sources};
use std::collections::HashSet;
use std::path::PathBuf;

/// Documents from the command's paths; rejected ones are reported and counted, never fatal.
pub struct Documents {
    sources: Sources,
    /// How many documents were rejected so far.
    pub rejected: usize,
    /// Hashes of the ids read so far, when a repeated id is skipped ([`Documents::once`]):
    /// 8 bytes a document, so a run over millions of documents stays small.
    seen: Option<HashSet<u64>>,
    /// How many documents were skipped as repeats.
    repeated: usize,
}

impl Documents {
    pub fn new(
        paths: Vec<PathBuf>,
        date: Option<jiff::civil::Date>,
        max_bytes: usize,
    ) -> Documents {
        Documents {
            sources: Sources::new(paths, ReadOptions { date, max_bytes }),
            rejected: 0,
            seen: None,
            repeated: 0,
        }
    }

    /// Reads each document id once: a later document with an id already read (the same story
    /// given as a text file and as a line of a JSONL file in the same folder) is reported and
    /// skipped, so that no output holds it twice. Not for the benchmark, which may read a
    /// corpus several times on purpose.
    pub fn once(mut self) -> Documents {
        self.seen = Some(HashSet::new());
        self
    }

    pub fn from_args(args: &InputArgs) -> Documents {
        Documents::new(args.paths.clone(), args.date, args.max_bytes)
    }

    /// Exit status for a run over these documents: 1 when any was rejected.
    pub fn exit_code(&self) -> std::process::ExitCode {
        if self.repeated > 0 {
            eprintln!(
                "dyad: {} document(s) skipped: their ids had been read already",
                self.repeated
            );
        }
        if self.rejected > 0 {
            eprintln!("dyad: {} document(s) rejected", self.rejected);
            std::process::ExitCode::from(1)
        } else {
            std::process::ExitCode::SUCCESS
        }
    }
}

impl Iterator for Documents {
    type Item = Document;

    fn next(&mut self) -> Option<Document> {
        loop {
            match self.sources.next()? {
                Ok(doc) => {
                    if let Some(seen) = &mut self.seen
                        && !seen.insert(id_hash(&doc.id))
                    {
                        self.repeated += 1;
                        eprintln!(
                            "dyad: document {}: id already read from an earlier input; skipped",
                            doc.id
                        );
                        continue;
                    }
                    return Some(doc);
                }
                Err(e) => {
                    self.rejected += 1;
                    eprintln!("dyad: {e}");
                }
            }
        }
    }
}

/// A 64-bit hash of a document id. Among ten million ids a collision has a chance under one
/// in 300,000, and it would not pass silently: the skipped document is reported by id.
fn id_hash(id: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    id.hash(&mut h);
    h.finish()
}
