//! `dyad code`: events as JSONL.

use crate::cli::{CodeArgs, Format};
use crate::input::Documents;
use crate::pipeline::Pipeline;
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

/// Until the event coder lands, a summary record per document.
#[derive(Serialize)]
struct DocRecord<'a> {
    id: &'a str,
    date: jiff::civil::Date,
    #[serde(flatten)]
    meta: &'a dyad_core::DocMeta,
    sentences: usize,
    tokens: usize,
    duplicate_sentences: usize,
}

pub fn run(args: CodeArgs) -> anyhow::Result<ExitCode> {
    eprintln!("dyad: the event coder is not built yet; emitting one document record per document");
    let mut docs = Documents::from_args(&args.input);
    let mut out = crate::output::open(args.output.output.as_deref())?;
    Pipeline::new().run(&mut docs, args.jobs, |doc, p| {
        let a = &p.analysis;
        let rec = DocRecord {
            id: &doc.id,
            date: doc.date,
            meta: &doc.meta,
            sentences: a.sentences.len(),
            tokens: a.tokens.len(),
            duplicate_sentences: a.sentences.iter().filter(|s| s.duplicate.is_some()).count(),
        };
        match args.output.format {
            Format::Jsonl => serde_json::to_writer(&mut out, &rec)?,
            Format::Pretty => serde_json::to_writer_pretty(&mut out, &rec)?,
        }
        writeln!(out)?;
        Ok(())
    })?;
    out.flush()?;
    Ok(docs.exit_code())
}
