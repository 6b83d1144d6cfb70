//! `dyad demo`: the bundled corpus through the whole pipeline, and a summary.

use crate::cli::DemoArgs;
use crate::input::Documents;
use crate::pipeline::{Pipeline, Stage};
use dyad_core::Document;
use std::collections::BTreeMap;
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
    let (mut n, mut sentences, mut dups, mut timexes) = (0, 0, 0, 0);
    let mut by_event: BTreeMap<String, usize> = BTreeMap::new();
    let mut dyads: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut events = 0;
    let start = std::time::Instant::now();
    Pipeline::new(Stage::Events)?.run(docs, None, |_doc, p| {
        n += 1;
        sentences += p.analysis.sentences.len();
        dups += p
            .analysis
            .sentences
            .iter()
            .filter(|s| s.duplicate.is_some())
            .count();
        timexes += p.analysis.timexes.len();
        for r in &p.events {
            events += 1;
            *by_event.entry(r.event.clone()).or_default() += 1;
            let side = |ps: &[dyad_core::Participant]| {
                ps.first()
                    .and_then(|p| p.code.clone())
                    .unwrap_or_else(|| "?".into())
            };
            if !r.actor.is_empty() && !r.recipient.is_empty() {
                *dyads
                    .entry((side(&r.actor), side(&r.recipient)))
                    .or_default() += 1;
            }
        }
        Ok(())
    })?;
    println!(
        "dyad demo: {n} documents, {sentences} sentences ({dups} repeats skipped), {timexes} time expressions, {events} events in {:.2?}",
        start.elapsed()
    );
    println!("\nevents by PLOVER category:");
    let mut cats: Vec<_> = by_event.into_iter().collect();
    cats.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (cat, k) in cats {
        println!("  {cat:<10} {k:>4}");
    }
    println!("\ntop dyads (actor → recipient):");
    let mut top: Vec<_> = dyads.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((a, b), k) in top.into_iter().take(10) {
        println!("  {a:<10} → {b:<10} {k:>4}");
    }
    if !args.no_serve {
        eprintln!("dyad: the dashboard is not built yet; stopping after the summary");
    }
    Ok(extra.exit_code())
}
