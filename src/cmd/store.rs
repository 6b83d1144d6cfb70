//! `dyad ingest`, `dyad query`, `dyad timeline` and `dyad export`: the store.

use crate::cli::{By, ExportArgs, FilterArgs, IngestArgs, QueryArgs, TableFormat, TimelineArgs};
use crate::input::Documents;
use crate::pipeline::{Pipeline, Stage, coder_version, pool};
use dyad_core::Document;
use dyad_store::{Query, Store, Target, format::Format};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

pub fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let total_bytes: u64 = args.input.paths.iter().map(|p| input_bytes(p)).sum();
    let mut docs = Documents::from_args(&args.input);
    let stats = ingest_into(
        &args.db.target(),
        &mut docs,
        args.jobs,
        args.batch,
        total_bytes,
    )?;
    let code = docs.exit_code();
    Ok(if stats.failed > 0 {
        ExitCode::from(1)
    } else {
        code
    })
}

/// What one ingest run did.
pub struct IngestStats {
    pub coded: usize,
    pub unchanged: usize,
    pub failed: usize,
    pub events: usize,
}

/// Codes `docs` into the store at `db`: parallel coding, one writer, a transaction per batch.
pub fn ingest_into(
    db: &Target,
    docs: impl Iterator<Item = Document>,
    jobs: Option<usize>,
    batch_size: usize,
    total_bytes: u64,
) -> anyhow::Result<IngestStats> {
    let mut store = Store::open_target(db, false)?;
    let pipeline = Pipeline::new(Stage::Events)?;
    let pool = pool(jobs)?;
    let version = coder_version();
    let progress = IngestProgress::new(total_bytes);
    let mut writer = store.writer(&version)?;
    let mut s = IngestStats {
        coded: 0,
        unchanged: 0,
        failed: 0,
        events: 0,
    };
    let mut docs = docs.peekable();
    while docs.peek().is_some() {
        let batch: Vec<Document> = docs.by_ref().take(batch_size.max(1)).collect();
        let bytes: u64 = batch.iter().map(|d| d.text.len() as u64).sum();
        let mut todo = Vec::with_capacity(batch.len());
        for d in batch {
            if writer.needs_coding(&d)? {
                todo.push(d);
            } else {
                s.unchanged += 1;
            }
        }
        let results = pipeline.process_all(&pool, &todo);
        let pairs: Vec<(Document, Vec<dyad_core::EventRecord>)> = todo
            .into_iter()
            .zip(results)
            .map(|(d, p)| (d, p.events))
            .collect();
        let stats = writer.write_batch(&pairs)?;
        for e in &stats.errors {
            eprintln!("dyad: document {}: not stored: {}", e.id, e.message);
        }
        s.failed += stats.errors.len();
        s.coded += pairs.len() - stats.errors.len() - stats.unchanged;
        s.unchanged += stats.unchanged;
        s.events += stats.events_written;
        progress.update(bytes, s.coded + s.unchanged, s.events);
    }
    progress.finish();
    drop(writer);
    let c = store.counts()?;
    eprintln!(
        "dyad: {} coded, {} unchanged, {} failed; {} events written; store {} holds {} documents, {} events",
        s.coded, s.unchanged, s.failed, s.events, db, c.documents, c.events
    );
    Ok(s)
}

/// Bytes under a path, for the progress bar's ETA (0 for standard input).
fn input_bytes(p: &std::path::Path) -> u64 {
    match std::fs::metadata(p) {
        Ok(m) if m.is_file() => m.len(),
        Ok(m) if m.is_dir() => std::fs::read_dir(p)
            .map(|rd| rd.flatten().map(|e| input_bytes(&e.path())).sum())
            .unwrap_or(0),
        _ => 0,
    }
}

/// Documents/s, events/s and an ETA from bytes read; shown after a second, on a terminal.
struct IngestProgress {
    bar: ProgressBar,
    start: Instant,
}

impl IngestProgress {
    fn new(total: u64) -> IngestProgress {
        let bar = ProgressBar::with_draw_target(Some(total.max(1)), ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {percent:>3}% {msg} ETA {eta}")
                .expect("static template"),
        );
        IngestProgress {
            bar,
            start: Instant::now(),
        }
    }

    fn update(&self, bytes: u64, docs: usize, events: usize) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-3);
        if self.start.elapsed() > Duration::from_secs(1) && self.bar.is_hidden() {
            self.bar.set_draw_target(ProgressDrawTarget::stderr());
        }
        self.bar.inc(bytes);
        self.bar.set_message(format!(
            "{docs} docs ({:.0}/s), {events} events ({:.0}/s)",
            docs as f64 / secs,
            events as f64 / secs
        ));
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

fn query_of(f: &FilterArgs) -> Query {
    Query {
        actor: f.actor.clone(),
        recipient: f.recipient.clone(),
        event: f.event.clone(),
        cameo: f.cameo.clone(),
        country: f.country.clone(),
        from: f.from,
        to: f.to,
        text: f.text.clone(),
        min_sources: f.min_sources,
        dedup: f.dedup,
        ..Query::default()
    }
}

fn table_format(f: Option<TableFormat>) -> Format {
    match f {
        Some(TableFormat::Table) => Format::Table,
        Some(TableFormat::Jsonl) => Format::Jsonl,
        Some(TableFormat::Csv) => Format::Csv,
        None => Format::default_for(std::io::stdout().is_terminal()),
    }
}

fn open_read(db: &Target) -> anyhow::Result<Store> {
    if let Target::Sqlite(path) = db {
        anyhow::ensure!(
            path.exists(),
            "{}: no such store (create one with `dyad ingest PATH --db {}`)",
            path.display(),
            path.display()
        );
    }
    match Store::open_target(db, true) {
        Err(dyad_store::StoreError::NotFound { .. }) => anyhow::bail!(
            "{db}: no dyad store in this database (create one with `dyad ingest PATH --db URL`)"
        ),
        r => Ok(r?),
    }
}

pub(crate) fn open_read_store(db: &Target) -> anyhow::Result<Store> {
    open_read(db)
}

pub fn query(args: QueryArgs) -> anyhow::Result<ExitCode> {
    let store = open_read(&args.db.target())?;
    let mut q = query_of(&args.filters);
    q.dyad = args.dyad.map(|v| (v[0].clone(), v[1].clone()));
    q.limit = Some(args.limit);
    let rows = store.query(&q)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    dyad_store::format::rows(&mut out, table_format(args.format), &rows)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn timeline(args: TimelineArgs) -> anyhow::Result<ExitCode> {
    let store = open_read(&args.db.target())?;
    let q = Query {
        dyad: Some((args.a, args.b)),
        from: args.from,
        to: args.to,
        ..Query::default()
    };
    let by = match args.by {
        By::Week => dyad_store::Period::Week,
        By::Month => dyad_store::Period::Month,
    };
    let rows = store.timeline(&q, by)?;
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    dyad_store::format::timeline(&mut out, table_format(args.format), &rows)?;
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

pub fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let store = open_read(&args.db.target())?;
    let q = query_of(&args.filters);
    let format: dyad_store::export::ExportFormat = args.format.parse()?;
    let n = if args.output.as_os_str() == "-" {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let n = dyad_store::export::write_text(&store, &q, format, &mut out)?;
        out.flush()?;
        n
    } else {
        dyad_store::export::export(&store, &q, format, &args.output, args.partition)?
    };
    eprintln!("dyad: exported {n} rows");
    Ok(ExitCode::SUCCESS)
}
