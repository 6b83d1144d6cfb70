//! `dyad demo`: the bundled corpus (and any extra paths) into a store, a summary, and the
//! dashboard.

use crate::cli::DemoArgs;
use crate::input::Documents;
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
    let start = std::time::Instant::now();
    let target = dyad_store::Target::Sqlite(args.db.clone());
    super::store::ingest_into(&target, docs, None, 500, 0)?;
    let elapsed = start.elapsed();
    summary(&target, elapsed)?;
    let code = extra.exit_code();
    if args.no_serve {
        return Ok(code);
    }
    crate::outln!(
        "\nserving the dashboard at http://{}/ (Ctrl-C stops)",
        args.addr
    );
    super::serve(&target, args.addr)
}

/// Documents, events by category and the busiest dyads, read back from the store.
fn summary(db: &dyad_store::Target, elapsed: std::time::Duration) -> anyhow::Result<()> {
    let store = super::store::open_read_store(db)?;
    let counts = store.counts()?;
    let mut by_event: BTreeMap<String, usize> = BTreeMap::new();
    let mut dyads: BTreeMap<(String, String), usize> = BTreeMap::new();
    let q = dyad_store::Query {
        limit: None,
        ..dyad_store::Query::default()
    };
    store.query_each(&q, |r| {
        *by_event.entry(r.event.clone()).or_default() += 1;
        let name = |n: &Option<String>, c: &Option<String>| n.clone().or_else(|| c.clone());
        if let (Some(a), Some(b)) = (
            name(&r.actor, &r.actor_code),
            name(&r.recipient, &r.recipient_code),
        ) {
            *dyads.entry((a, b)).or_default() += 1;
        }
        Ok(())
    })?;
    crate::outln!(
        "dyad demo: {} documents, {} events ({} clusters) in {} ({elapsed:.2?})",
        counts.documents,
        counts.events,
        counts.clusters,
        db
    );
    crate::outln!("\nevents by PLOVER category:");
    let mut cats: Vec<_> = by_event.into_iter().collect();
    cats.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for (cat, k) in cats {
        crate::outln!("  {cat:<10} {k:>4}");
    }
    crate::outln!("\ntop dyads (actor → recipient):");
    let mut top: Vec<_> = dyads.into_iter().collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    for ((a, b), k) in top.into_iter().take(10) {
        crate::outln!("  {a:<28} → {b:<28} {k:>4}");
    }
    Ok(())
}
