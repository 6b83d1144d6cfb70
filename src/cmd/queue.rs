//! `dyad publish` and `dyad worker`: the same pipeline fed from a NATS JetStream stream by
//! many processes, writing into PostgreSQL, SQLite or a Parquet lake.

use crate::cli::{DeadLettersArgs, PublishArgs, WorkerArgs};
use crate::input::Documents;
use crate::pipeline::{Pipeline, Stage, coder_version, pool};
use dyad_core::{Document, EventRecord};
use dyad_queue::{Coder, Sink, SinkReport, WorkerConfig};
use dyad_store::{Store, Target};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

fn runtime() -> anyhow::Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?)
}

/// Per-batch logs of the worker on standard error (`RUST_LOG`-style levels are not needed:
/// one line a batch at info).
fn init_logs() {
    let _ = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::INFO)
        .with_writer(std::io::stderr)
        .with_target(false)
        .try_init();
}

pub fn publish(args: PublishArgs) -> anyhow::Result<ExitCode> {
    init_logs();
    let mut docs = Documents::from_args(&args.input);
    let cfg = args.stream.config();
    let stats = runtime()?.block_on(dyad_queue::publish(&cfg, &mut docs, args.batch))?;
    eprintln!(
        "dyad: published {} documents to stream {} ({} already there)",
        stats.published, cfg.stream, stats.duplicates
    );
    Ok(docs.exit_code())
}

/// The whole pipeline as the queue's coder.
struct PipelineCoder {
    pipeline: Pipeline,
    pool: rayon::ThreadPool,
}

impl Coder for PipelineCoder {
    fn code(&self, docs: Vec<Document>) -> Vec<Result<(Document, Vec<EventRecord>), String>> {
        let results = self.pipeline.process_all(&self.pool, &docs);
        docs.into_iter()
            .zip(results)
            .map(|(d, p)| Ok((d, p.events)))
            .collect()
    }
}

/// A store (PostgreSQL or SQLite) as the queue's sink: idempotent by content hash.
struct StoreSink {
    // An `Option` only so that `drop` can move it off the async runtime.
    store: Option<Store>,
    version: String,
}

impl Drop for StoreSink {
    fn drop(&mut self) {
        // A PostgreSQL client closes its connection by blocking on its own runtime, which
        // panics on a thread that drives async tasks, as the worker's may be: close it on
        // a plain thread.
        if let Some(store) = self.store.take() {
            let _ = std::thread::spawn(move || drop(store)).join();
        }
    }
}

impl Sink for StoreSink {
    fn write(
        &mut self,
        _batch_id: &str,
        docs: &[(Document, Vec<EventRecord>)],
    ) -> Result<SinkReport, String> {
        let store = self.store.as_mut().ok_or("the store is closed")?;
        let stats = store
            .writer(&self.version)
            .and_then(|mut w| w.write_batch(docs))
            .map_err(|e| e.to_string())?;
        Ok(SinkReport {
            failures: stats
                .errors
                .into_iter()
                .map(|e| (e.id, e.message))
                .collect(),
            events: stats.events_written,
        })
    }
}

/// The Parquet lake as the queue's sink: files named by batch id, so a redelivered batch
/// overwrites its own files.
struct LakeSink {
    dir: PathBuf,
}

impl Sink for LakeSink {
    fn write(
        &mut self,
        batch_id: &str,
        docs: &[(Document, Vec<EventRecord>)],
    ) -> Result<SinkReport, String> {
        let stats =
            dyad_store::lake::write_batch(&self.dir, batch_id, docs).map_err(|e| e.to_string())?;
        Ok(SinkReport {
            failures: Vec::new(),
            events: stats.rows as usize,
        })
    }
}

fn sink(spec: &str) -> anyhow::Result<Box<dyn Sink>> {
    if let Some(dir) = spec.strip_prefix("parquet:") {
        anyhow::ensure!(!dir.is_empty(), "--sink parquet:DIR needs a folder");
        std::fs::create_dir_all(dir)
            .map_err(|e| anyhow::anyhow!("--sink {spec}: cannot create {dir}: {e}"))?;
        return Ok(Box::new(LakeSink { dir: dir.into() }));
    }
    let target = match Target::parse(spec) {
        t @ Target::Postgres(_) => t,
        t @ Target::Sqlite(_) if spec.starts_with("sqlite:") => t,
        _ => anyhow::bail!("--sink {spec:?}: expected postgres://…, sqlite:FILE or parquet:DIR"),
    };
    Ok(Box::new(StoreSink {
        store: Some(Store::open_target(&target, false)?),
        version: coder_version(),
    }))
}

pub fn worker(args: WorkerArgs) -> anyhow::Result<ExitCode> {
    init_logs();
    // The sink opens first: a wrong database URL fails before any message is taken.
    let sink = sink(&args.sink)?;
    let coder = PipelineCoder {
        pipeline: Pipeline::new(Stage::Events)?,
        pool: pool(args.jobs)?,
    };
    let mut cfg = WorkerConfig::new(args.stream.config());
    cfg.consumer = args.consumer.clone();
    cfg.batch = args.batch.max(1);
    cfg.max_deliver = args.max_deliver.max(1);
    cfg.ack_wait = Duration::from_secs(args.ack_wait.max(1));
    cfg.idle_exit = args.idle_exit.map(Duration::from_secs_f64);
    cfg.metrics_addr = args.metrics;
    let stats = runtime()?.block_on(dyad_queue::run_worker(
        cfg,
        Arc::new(coder),
        sink,
        dyad_queue::sigterm(),
    ))?;
    eprintln!(
        "dyad: worker done: {} documents, {} events in {} batches; {} failures, {} dead-lettered, {} redeliveries",
        stats.documents,
        stats.events,
        stats.batches,
        stats.failures,
        stats.dead_lettered,
        stats.redeliveries
    );
    Ok(ExitCode::SUCCESS)
}

pub fn dead_letters(args: DeadLettersArgs) -> anyhow::Result<ExitCode> {
    let cfg = args.stream.config();
    let dead = runtime()?.block_on(dyad_queue::read_dead_letters(&cfg))?;
    for d in &dead {
        let body = match d.document() {
            Ok(doc) => serde_json::json!({ "document": doc }),
            Err(_) => serde_json::json!({
                "payload": String::from_utf8_lossy(&d.payload),
            }),
        };
        let mut v = serde_json::json!({
            "sequence": d.sequence,
            "stream_sequence": d.stream_sequence,
            "deliveries": d.deliveries,
            "error": d.error,
        });
        if let (Some(v), serde_json::Value::Object(b)) = (v.as_object_mut(), body) {
            v.extend(b);
        }
        crate::outln!("{v}");
    }
    eprintln!(
        "dyad: {} dead letters in stream {}",
        dead.len(),
        cfg.dead_letter_stream()
    );
    Ok(ExitCode::SUCCESS)
}
