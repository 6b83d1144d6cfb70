//! `dyad demo`: the bundled corpus through the whole pipeline, and a summary.

use crate::cli::DemoArgs;
use crate::input::Documents;
use crate::pipeline::Pipeline;
use dyad_core::Document;
use std::process::ExitCode;

/// The demo corpus, embedded so `dyad demo` works from any directory.
const CORPUS: &str = include_str!("../../examples/corpus/corpus.jsonl");

/// The bundled demo documents.
pub fn corpus() -> Vec<Document> {
    let opts = dyad_read::ReadOptions::default();
    CORPUS
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            dyad_read::parse_jsonl_line(l.as_bytes(), || format!("demo:{}", i + 1), &opts)
                .unwrap_or_else(|e| panic!("bundled corpus line {} is invalid: {e}", i + 1))
        })
        .collect()
}

pub fn run(args: DemoArgs) -> anyhow::Result<ExitCode> {
    let mut extra = Documents::new(args.paths.clone(), None, dyad_read::DEFAULT_MAX_BYTES);
    let docs = corpus().into_iter().chain(&mut extra);
    let (mut n, mut sentences, mut tokens, mut dups, mut bytes) = (0, 0, 0, 0, 0);
    let start = std::time::Instant::now();
    Pipeline::new().run(docs, None, |doc, p| {
        n += 1;
        bytes += doc.text.len();
        sentences += p.analysis.sentences.len();
        tokens += p.analysis.tokens.len();
        dups += p
            .analysis
            .sentences
            .iter()
            .filter(|s| s.duplicate.is_some())
            .count();
        Ok(())
    })?;
    println!(
        "dyad demo: {n} documents, {bytes} bytes, {sentences} sentences ({dups} repeated), {tokens} tokens in {:.2?}",
        start.elapsed()
    );
    println!(
        "events: the event coder, store and dashboard are not built yet; this demo stops at segmentation"
    );
    if !args.no_serve {
        eprintln!(
            "dyad: nothing to serve yet (the dashboard is not built); stopping after the summary"
        );
    }
    Ok(extra.exit_code())
}
