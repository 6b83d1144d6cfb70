//! Throughput on EWT train with gold tokenisation (single thread):
//! `cargo test --release -p dyad-syntax --test bench -- --ignored --nocapture`

use std::time::Instant;

use dyad_syntax::{Model, conllu::read_conllu};

const EWT: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/ud-english/en_ewt-ud-train.conllu"
);

fn vm_hwm() -> String {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM"))
                .map(str::to_string)
        })
        .unwrap_or_else(|| "VmHWM unavailable".into())
}

/// CPU time of this thread in seconds (so a loaded machine does not skew per-core figures).
fn thread_cpu() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    Some(s.split_whitespace().next()?.parse::<f64>().ok()? / 1e9)
}

#[test]
#[ignore]
fn tokens_per_second() {
    let Ok(text) = std::fs::read_to_string(EWT) else {
        eprintln!("skipped: {EWT} not found");
        return;
    };
    let t = Instant::now();
    let Ok(model) = Model::load_default() else {
        eprintln!("skipped: no model");
        return;
    };
    let load = t.elapsed().as_secs_f64();
    let sents = read_conllu(&text).expect("EWT parses");
    let words: Vec<Vec<&str>> = sents.iter().map(|s| s.forms()).collect();
    let ntok: usize = words.iter().map(Vec::len).sum();
    assert_eq!(sents.len(), 12_544);
    assert_eq!(ntok, 204_577);
    let mut p = model.parser();
    let mut out = Vec::new();
    let t = Instant::now();
    let cpu0 = thread_cpu();
    let mut roots = 0;
    for w in &words {
        p.parse_sentence(w, &mut out);
        roots += out.iter().filter(|t| t.head == 0).count();
    }
    let secs = t.elapsed().as_secs_f64();
    let cpu = thread_cpu().zip(cpu0).map_or(secs, |(b, a)| b - a);
    assert_eq!(roots, sents.len());
    println!(
        "model load {load:.3}s; {ntok} tokens in {secs:.2}s wall = {:.0} tokens/s; {cpu:.2}s CPU = {:.0} tokens/s per core; {}",
        ntok as f64 / secs,
        ntok as f64 / cpu,
        vm_hwm()
    );
}
