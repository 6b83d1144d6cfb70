//! `dyad bench`: per-stage throughput over a corpus held in memory.

use crate::cli::BenchArgs;
use crate::input::Documents;
use dyad_core::{Analysis, Document};
use dyad_segment::Segmenter;
use rayon::prelude::*;
use std::process::ExitCode;
use std::time::Instant;

pub fn run(args: BenchArgs) -> anyhow::Result<ExitCode> {
    let mut reader = Documents::new(args.paths.clone(), args.date, usize::MAX);
    let base: Vec<Document> = if args.paths.is_empty() {
        super::demo::corpus()
    } else {
        (&mut reader).collect()
    };
    anyhow::ensure!(!base.is_empty(), "no documents to benchmark");
    let docs = repeat_to(&base, args.min_mb * 1_000_000);
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let cores = rayon::current_num_threads();
    crate::outln!(
        "corpus: {} documents ({} distinct), {:.1} MB; {} cores",
        docs.len(),
        base.len(),
        bytes as f64 / 1e6,
        cores
    );

    // Reading: JSON Lines parsing of the same documents.
    let jsonl: Vec<String> = docs
        .iter()
        .map(|d| serde_json::to_string(d).expect("serialisable"))
        .collect();
    let opts = dyad_read::ReadOptions {
        date: None,
        max_bytes: usize::MAX,
    };
    let t = Clock::start();
    let n_read = jsonl
        .iter()
        .filter(|l| dyad_read::parse_jsonl_line(l.as_bytes(), String::new, &opts).is_ok())
        .count();
    report("read (jsonl)", t, docs.len(), None, bytes, 1);
    anyhow::ensure!(
        n_read == docs.len(),
        "read {n_read} of {} documents",
        docs.len()
    );

    let plain = Segmenter::new().with_duplicate_threshold(f32::INFINITY);
    let t = Clock::start();
    let mut a = Analysis::default();
    for d in &docs {
        plain.segment(&d.text, &mut a);
    }
    report("tokens+sentences", t, docs.len(), None, bytes, 1);

    let seg = Segmenter::new();
    let t = Clock::start();
    let mut a = Analysis::default();
    let (mut sentences, mut tokens) = (0, 0);
    for d in &docs {
        seg.segment(&d.text, &mut a);
        sentences += a.sentences.len();
        tokens += a.tokens.len();
    }
    report(
        "segment, 1 thread",
        t,
        docs.len(),
        Some((sentences, tokens)),
        bytes,
        1,
    );

    let t = Clock::start();
    let counts: (usize, usize) = docs
        .par_iter()
        .map_init(Analysis::default, |a, d| {
            seg.segment(&d.text, a);
            (a.sentences.len(), a.tokens.len())
        })
        .reduce(|| (0, 0), |x, y| (x.0 + y.0, x.1 + y.1));
    report(
        &format!("segment, {cores} threads"),
        t,
        docs.len(),
        Some(counts),
        bytes,
        cores,
    );
    anyhow::ensure!(
        counts == (sentences, tokens),
        "parallel counts {counts:?} differ from serial ({sentences}, {tokens})"
    );
    // Times: TIMEX3 recognition and normalisation over the segmented documents.
    let times = dyad_time::TimeTagger::new();
    let segmented: Vec<Analysis> = docs
        .iter()
        .map(|d| {
            let mut a = Analysis::default();
            seg.segment(&d.text, &mut a);
            a
        })
        .collect();
    let t = Clock::start();
    let mut timexes = 0;
    for (d, a) in docs.iter().zip(&segmented) {
        let mut a = a.clone();
        times.tag_document(d, &mut a);
        timexes += a.timexes.len();
    }
    report(
        "times, 1 thread",
        t,
        docs.len(),
        Some((sentences, tokens)),
        bytes,
        1,
    );
    // Tagging, lemmatising and parsing every sentence as segmented (issue 3's figure; the
    // coder itself skips sentences with no possible verb).
    let model = dyad_syntax::Model::load_default()?;
    let mut worker = model.parser();
    let mut syn = Vec::new();
    let t = Clock::start();
    for (d, a) in docs.iter().zip(&segmented) {
        for s in &a.sentences {
            let words: Vec<&str> = a.tokens[s.tokens()]
                .iter()
                .map(|t| &d.text[t.span.range()])
                .collect();
            worker.parse_sentence(&words, &mut syn);
        }
    }
    report(
        "tag + parse, 1 thread",
        t,
        docs.len(),
        Some((sentences, tokens)),
        bytes,
        1,
    );
    // Freed before the pipeline builds its own model, which then gets the same memory
    // (and page mapping) a `dyad code` run would.
    drop(worker);
    drop(model);
    drop(segmented);

    // The whole pipeline as `dyad code` runs it: serial, then on every core; same records.
    let pipeline = crate::pipeline::Pipeline::new(crate::pipeline::Stage::Events)?;
    let t = Clock::start();
    let serial: Vec<Vec<dyad_core::EventRecord>> =
        docs.iter().map(|d| pipeline.process(d).events).collect();
    report(
        "code (all stages), 1 thread",
        t,
        docs.len(),
        Some((sentences, tokens)),
        bytes,
        1,
    );
    let pool = crate::pipeline::pool(None)?;
    let t = Clock::start();
    let parallel: Vec<Vec<dyad_core::EventRecord>> = pipeline
        .process_all(&pool, &docs)
        .into_iter()
        .map(|p| p.events)
        .collect();
    report(
        &format!("code (all stages), {cores} threads"),
        t,
        docs.len(),
        Some((sentences, tokens)),
        bytes,
        cores,
    );
    anyhow::ensure!(serial == parallel, "parallel coding gave different records");
    let events: usize = serial.iter().map(Vec::len).sum();
    crate::outln!(
        "counts: {sentences} sentences, {tokens} tokens, {timexes} timexes, {events} events"
    );
    crate::outln!(
        "peak memory: {}",
        peak_memory().unwrap_or_else(|| "unknown".into())
    );
    Ok(reader.exit_code())
}

/// The corpus repeated (ids suffixed) until it holds `min_bytes` of text.
fn repeat_to(base: &[Document], min_bytes: usize) -> Vec<Document> {
    let mut out = Vec::new();
    let mut bytes = 0;
    let mut round = 0;
    while bytes < min_bytes.max(1) {
        for d in base {
            let mut d = d.clone();
            if round > 0 {
                d.id = format!("{}#{round}", d.id);
            }
            bytes += d.text.len();
            out.push(d);
        }
        round += 1;
    }
    out
}

/// Wall time and, on Linux, this thread's CPU time: on a shared machine the CPU figure is
/// what the code costs, the wall figure what a user waited.
struct Clock {
    wall: Instant,
    cpu_ns: Option<u64>,
}

impl Clock {
    fn start() -> Clock {
        Clock {
            wall: Instant::now(),
            cpu_ns: thread_cpu_ns(),
        }
    }
}

/// CPU time of the calling thread (first field of /proc/thread-self/schedstat).
fn thread_cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

fn report(
    stage: &str,
    t: Clock,
    docs: usize,
    counts: Option<(usize, usize)>,
    bytes: usize,
    cores: usize,
) {
    let s = t.wall.elapsed().as_secs_f64();
    let per_core = |n: usize| n as f64 / s / cores as f64;
    let (sents, toks) = match counts {
        Some((a, b)) => (
            format!("{:>10.0}", per_core(a)),
            format!("{:>11.0}", per_core(b)),
        ),
        None => (format!("{:>10}", "-"), format!("{:>11}", "-")),
    };
    // CPU time only means something for the stages run on this one thread.
    let cpu = match (cores, t.cpu_ns, thread_cpu_ns()) {
        (1, Some(a), Some(b)) if b > a => {
            let cpu_s = (b - a) as f64 / 1e9;
            match counts {
                Some((n, _)) => format!(
                    "  | CPU {cpu_s:.3} s: {:.1} MB/s, {:.0} sentences/s",
                    bytes as f64 / cpu_s / 1e6,
                    n as f64 / cpu_s
                ),
                None => format!(
                    "  | CPU {cpu_s:.3} s: {:.1} MB/s",
                    bytes as f64 / cpu_s / 1e6
                ),
            }
        }
        _ => String::new(),
    };
    println!(
        "{stage:<30} {s:>7.3} s  docs/s/core {:>9.0}  sentences/s/core {sents}  tokens/s/core {toks}  MB/s/core {:>7.1}{cpu}",
        per_core(docs),
        per_core(bytes) / 1e6
    );
}

/// Peak resident memory (VmHWM) on Linux.
fn peak_memory() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))
        .map(|l| l["VmHWM:".len()..].trim().to_string())
}
