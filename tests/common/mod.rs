//! Shared by the end-to-end tests: the binary and the demo corpus, repeated.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus/corpus.jsonl")
}

/// The demo corpus repeated with distinct ids (`<id>-<k>`), as one JSONL file.
pub fn big_corpus(dir: &Path, copies: usize) -> PathBuf {
    let base = std::fs::read_to_string(corpus()).unwrap();
    let mut out = String::new();
    for k in 0..copies {
        for line in base.lines().filter(|l| !l.trim().is_empty()) {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = format!("{}-{k}", v["id"].as_str().unwrap());
            v["id"] = id.into();
            out.push_str(&v.to_string());
            out.push('\n');
        }
    }
    let p = dir.join(format!("corpus-x{copies}.jsonl"));
    std::fs::write(&p, out).unwrap();
    p
}
