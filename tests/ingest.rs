//! `dyad ingest` end to end: idempotent re-runs and a real `kill -9` mid-ingest.

mod common;

use common::{big_corpus, corpus, dyad};
use std::path::Path;
use std::process::Stdio;
use std::time::{Duration, Instant};

fn checksum(db: &Path) -> String {
    dyad_store::Store::open_read_only(db)
        .unwrap()
        .checksum()
        .unwrap()
}

fn ingest(input: &Path, db: &Path, extra: &[&str]) -> String {
    let out = dyad()
        .arg("ingest")
        .arg(input)
        .arg("--db")
        .arg(db)
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stderr).unwrap()
}

#[test]
fn ingesting_twice_gives_the_same_store_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let first = ingest(&corpus(), &db, &[]);
    assert!(first.contains("46 coded"), "{first}");
    let sum = checksum(&db);
    let modified = std::fs::metadata(&db).unwrap().modified().unwrap();
    let second = ingest(&corpus(), &db, &[]);
    assert!(
        second.contains("0 coded, 46 unchanged") && second.contains("0 events written"),
        "{second}"
    );
    assert_eq!(checksum(&db), sum);
    assert_eq!(
        std::fs::metadata(&db).unwrap().modified().unwrap(),
        modified,
        "the second run wrote to the store"
    );
    // Readers see the events.
    let q = dyad()
        .args(["query", "--format", "jsonl", "--limit", "1000", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(q.status.success());
    assert!(String::from_utf8_lossy(&q.stdout).lines().count() > 50);
}

#[test]
fn parallel_and_serial_ingest_give_the_same_store() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a.db"), dir.path().join("b.db"));
    ingest(&corpus(), &a, &["--jobs", "1", "--batch", "7"]);
    ingest(&corpus(), &b, &["--jobs", "2", "--batch", "500"]);
    assert_eq!(checksum(&a), checksum(&b));
}

#[test]
fn kill_9_mid_ingest_then_rerun_equals_an_uninterrupted_run() {
    let dir = tempfile::tempdir().unwrap();
    let input = big_corpus(dir.path(), 25); // 1,150 documents
    let reference = dir.path().join("reference.db");
    ingest(&input, &reference, &["--batch", "20"]);
    let want = checksum(&reference);
    for (round, delay_ms) in [(0, 120u64), (1, 450)] {
        let db = dir.path().join(format!("killed-{round}.db"));
        let mut child = dyad()
            .arg("ingest")
            .arg(&input)
            .arg("--db")
            .arg(&db)
            .args(["--batch", "20"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let start = Instant::now();
        while start.elapsed() < Duration::from_millis(delay_ms) {
            if child.try_wait().unwrap().is_some() {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        let killed = child.try_wait().unwrap().is_none();
        // SIGKILL: no destructor, no rollback handler, no flush runs.
        child.kill().ok();
        child.wait().unwrap();
        eprintln!("round {round}: killed mid-run: {killed}");
        ingest(&input, &db, &["--batch", "20"]);
        assert_eq!(
            checksum(&db),
            want,
            "round {round}: the store after kill and re-run differs"
        );
    }
}
