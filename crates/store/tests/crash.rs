//! Kill -9 during an ingest, run it again, and the store equals an uninterrupted run's.
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Duration;

const BIN: &str = env!("CARGO_BIN_EXE_dyad-store-torture");
const DOCS: &str = "600";
const BATCH: &str = "40";
const EVENTS: &str = "3";

fn ingest(db: &std::path::Path) {
    let st = Command::new(BIN)
        .args(["ingest", db.to_str().unwrap(), DOCS, BATCH, EVENTS])
        .output()
        .unwrap();
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
}

fn checksum(db: &std::path::Path) -> String {
    let out = Command::new(BIN)
        .args(["checksum", db.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn kill_9_then_rerun_equals_uninterrupted() {
    let dir = tempfile::tempdir().unwrap();
    let clean = dir.path().join("clean.db");
    ingest(&clean);
    let want = checksum(&clean);

    let crashed = dir.path().join("crashed.db");
    // Kill at several points: after the 1st, 4th and 9th committed batch, and once more
    // after a short delay into the next batch (mid-transaction).
    for (after, extra_ms) in [(1usize, 0u64), (4, 3), (9, 1), (12, 7)] {
        let mut child = Command::new(BIN)
            .args(["ingest", crashed.to_str().unwrap(), DOCS, BATCH, EVENTS])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let mut seen = 0;
        for line in BufReader::new(stdout).lines() {
            let line = line.unwrap();
            if line.starts_with("committed") {
                seen += 1;
                if seen >= after {
                    break;
                }
            }
        }
        std::thread::sleep(Duration::from_millis(extra_ms));
        child.kill().unwrap(); // SIGKILL on Unix
        let _ = child.wait();
    }
    ingest(&crashed);
    assert_eq!(checksum(&crashed), want);
}
