//! Reading documents for a command, reporting each rejected one on standard error.

use crate::cli::InputArgs;
use dyad_core::Document;
use dyad_read::{ReadOptions, Sources};
use std::path::PathBuf;

/// Documents from the command's paths; rejected ones are reported and counted, never fatal.
pub struct Documents {
    sources: Sources,
    /// How many documents were rejected so far.
    pub rejected: usize,
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
        }
    }

    pub fn from_args(args: &InputArgs) -> Documents {
        Documents::new(args.paths.clone(), args.date, args.max_bytes)
    }

    /// Exit status for a run over these documents: 1 when any was rejected.
    pub fn exit_code(&self) -> std::process::ExitCode {
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
                Ok(doc) => return Some(doc),
                Err(e) => {
                    self.rejected += 1;
                    eprintln!("dyad: {e}");
                }
            }
        }
    }
}
