//! Segmentation throughput on the demo corpus. The counts are asserted so a faster but wrong
//! change fails instead of looking good.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dyad_core::Analysis;
use dyad_segment::Segmenter;

/// Sentences and tokens the demo corpus segments into; update deliberately, with the golden
/// tests, when segmentation changes.
const EXPECTED: (usize, usize) = (243, 4802);

fn corpus() -> Vec<String> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../examples/corpus/corpus.jsonl"
    );
    let raw = std::fs::read_to_string(path).expect("demo corpus");
    raw.lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("corpus line is JSON");
            v["text"].as_str().expect("text").to_string()
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let texts = corpus();
    let seg = Segmenter::new();
    let mut a = Analysis::default();
    let count = |a: &mut Analysis| {
        texts.iter().fold((0, 0), |(s, t), text| {
            seg.segment(text, a);
            (s + a.sentences.len(), t + a.tokens.len())
        })
    };
    assert_eq!(
        count(&mut a),
        EXPECTED,
        "segmentation of the demo corpus changed"
    );
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut g = c.benchmark_group("segment");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.bench_function("demo corpus", |b| b.iter(|| count(&mut a)));
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
