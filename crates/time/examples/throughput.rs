//! Single-core tagging throughput over news text (MEANTIME bodies, repeated to ~10 MB):
//! `cargo run --release -p dyad-time --example throughput [MEANTIME_ROOT]`.
use std::path::PathBuf;
use std::time::Instant;

/// This thread's CPU time in seconds (Linux `/proc/thread-self/schedstat`), so the figure
/// is per core even on a loaded machine; `None` elsewhere.
fn cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}

fn main() {
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/meantime-en"
            ))
        });
    let docs = dyad_time::meantime::full_texts(&root).expect("MEANTIME texts");
    let bytes: usize = docs.iter().map(|d| d.1.len()).sum();
    let reps = (10_000_000 / bytes.max(1)).max(1);
    let tagger = dyad_time::TimeTagger::new();
    let mut out = Vec::new();
    let (mut n, mut total) = (0usize, 0usize);
    // One warm-up pass, then the timed passes.
    for (dct, text) in &docs {
        tagger.tag(text, *dct, &[], &mut out);
    }
    out.clear();
    let t0 = Instant::now();
    let c0 = cpu_seconds();
    for _ in 0..reps {
        for (dct, text) in &docs {
            out.clear();
            tagger.tag(text, *dct, &[], &mut out);
            n += out.len();
            total += text.len();
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    let cpu = c0.zip(cpu_seconds()).map(|(a, b)| b - a);
    println!(
        "{} docs x {reps}: {:.1} MB in {secs:.2} s wall = {:.1} MB/s; {} timexes ({} per pass)",
        docs.len(),
        total as f64 / 1e6,
        total as f64 / 1e6 / secs,
        n,
        n / reps
    );
    if let Some(cpu) = cpu {
        println!(
            "CPU time {cpu:.2} s = {:.1} MB/s per core",
            total as f64 / 1e6 / cpu
        );
    }
}
