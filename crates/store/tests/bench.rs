//! Benchmarks, run on purpose (release build recommended):
//! `cargo test --release -p dyad-store --test bench -- --ignored --nocapture`
//! Ingest rate on synthetic documents, then `--dyad` query latency on ≥ 1,000,000 events.
use dyad_store::{Query, Store, synth};
use std::time::Instant;

fn percentile(v: &mut [f64], p: f64) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    v[((v.len() - 1) as f64 * p).round() as usize]
}

#[test]
#[ignore]
fn ingest_and_dyad_query_1m() {
    let docs: u64 = std::env::var("DYAD_BENCH_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(100_000);
    let per_doc = 10;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.db");
    let mut s = Store::open(&path).unwrap();
    let t = Instant::now();
    let mut written = 0;
    {
        let mut w = s.writer("bench").unwrap();
        let mut start = 0;
        while start < docs {
            let n = 1000.min(docs - start) as usize;
            written += w
                .write_batch(&synth::batch(start, n, per_doc))
                .unwrap()
                .events_written;
            start += n as u64;
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let c = s.counts().unwrap();
    assert_eq!(c.events, docs * per_doc as u64);
    assert_eq!(written as u64, c.events);
    eprintln!(
        "ingest: {docs} documents, {} events, {} clusters in {secs:.1} s = {:.0} documents/s, {:.0} events/s",
        c.events,
        c.clusters,
        docs as f64 / secs,
        c.events as f64 / secs
    );
    // Dyads drawn from stored events, so busy pairs come up as often as they occur.
    let sample = s
        .query(&Query {
            limit: Some(200),
            ..Query::default()
        })
        .unwrap();
    let pairs: Vec<(String, String)> = sample
        .iter()
        .filter_map(|r| Some((r.actor_country.clone()?, r.recipient_country.clone()?)))
        .collect();
    let reader = Store::open_read_only(&path).unwrap();
    for limit in [Some(100), None] {
        let mut times = Vec::new();
        let mut rows = 0;
        for (a, b) in &pairs {
            let q = Query {
                dyad: Some((a.clone(), b.clone())),
                limit,
                ..Query::default()
            };
            let t = Instant::now();
            rows += reader.query(&q).unwrap().len();
            times.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        assert!(rows > 0);
        let (p50, p95) = (percentile(&mut times, 0.5), percentile(&mut times, 0.95));
        eprintln!(
            "dyad query (limit {limit:?}) over {} events: {} queries, {} rows, p50 {p50:.2} ms, p95 {p95:.2} ms",
            c.events,
            pairs.len(),
            rows
        );
        if limit.is_some() {
            assert!(p50 < 50.0, "p50 {p50} ms");
        }
    }
}
