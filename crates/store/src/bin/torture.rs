//! Test helper for dyad-store: ingests synthetic documents in batches, printing a line after
//! each committed batch, so the crash test can SIGKILL it mid-run; also prints checksums.
//!
//! `dyad-store-torture ingest DB DOCS BATCH EVENTS` · `dyad-store-torture checksum DB`
use dyad_store::{Store, synth};
use std::io::Write;
use std::process::ExitCode;
use std::time::Instant;

fn run(args: &[String]) -> Result<(), String> {
    let num = |i: usize| -> Result<u64, String> {
        args.get(i)
            .ok_or("missing argument")?
            .parse::<u64>()
            .map_err(|e| e.to_string())
    };
    match args.first().map(String::as_str) {
        Some("ingest") => {
            let db = args.get(1).ok_or("missing DB")?;
            let (docs, batch, events) = (num(2)?, num(3)?.max(1), num(4)? as usize);
            let mut store = Store::open(db).map_err(|e| e.to_string())?;
            let mut w = store.writer("torture-1").map_err(|e| e.to_string())?;
            let t = Instant::now();
            let (mut written, mut start) = (0usize, 0u64);
            let mut out = std::io::stdout();
            while start < docs {
                let n = batch.min(docs - start) as usize;
                let b = synth::batch(start, n, events);
                let s = w.write_batch(&b).map_err(|e| e.to_string())?;
                written += s.events_written;
                start += n as u64;
                let _ = writeln!(out, "committed {start}");
                let _ = out.flush();
            }
            let secs = t.elapsed().as_secs_f64();
            let _ = writeln!(
                out,
                "done {docs} documents, {written} events written in {secs:.2} s: {:.0} documents/s, {:.0} events/s",
                docs as f64 / secs,
                written as f64 / secs
            );
            Ok(())
        }
        Some("checksum") => {
            let store = Store::open_read_only(args.get(1).ok_or("missing DB")?)
                .map_err(|e| e.to_string())?;
            println!("{}", store.checksum().map_err(|e| e.to_string())?);
            Ok(())
        }
        _ => Err("usage: dyad-store-torture ingest DB DOCS BATCH EVENTS | checksum DB".into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("dyad-store-torture: {e}");
            ExitCode::FAILURE
        }
    }
}
