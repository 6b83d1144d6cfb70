//! Scale-out end to end, against real servers: documents published to NATS JetStream, coded
//! by several `dyad worker` processes into PostgreSQL, must give exactly the store a single
//! `dyad ingest` gives — through a `kill -9` of a worker, a poison message and a restart of
//! the NATS server. Each test runs its own NATS server and its own scratch database.

mod common;

use common::{big_corpus, dyad};
use dyad_queue::testing::NatsServer as Nats;
use dyad_store::testing::pg_scratch;
use dyad_store::{Store, Target};
use std::io::Write;
use std::path::Path;
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

fn checksum(target: &str) -> String {
    Store::open_target(&Target::parse(target), true)
        .unwrap()
        .checksum()
        .unwrap()
}

fn documents(target: &str) -> u64 {
    Store::open_target(&Target::parse(target), true)
        .map(|s| s.counts().unwrap().documents)
        .unwrap_or(0)
}

/// The reference: one `dyad ingest` process into a fresh SQLite file.
fn reference(input: &Path, dir: &Path) -> String {
    let db = dir.join("reference.db");
    let out = dyad()
        .arg("ingest")
        .arg(input)
        .arg("--db")
        .arg(&db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    checksum(db.to_str().unwrap())
}

fn stream_args(nats: &Nats, stream: &str) -> Vec<String> {
    vec![
        "--nats".into(),
        nats.url(),
        "--stream".into(),
        stream.into(),
        "--subject".into(),
        format!("{stream}.docs"),
        "--dead-letter".into(),
        format!("{stream}.dead"),
    ]
}

fn publish(nats: &Nats, stream: &str, input: &Path) {
    let out = dyad()
        .arg("publish")
        .arg(input)
        .args(stream_args(nats, stream))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn worker(nats: &Nats, stream: &str, sink: &str, extra: &[&str]) -> Child {
    let idle = if extra.contains(&"--idle-exit") {
        &[][..]
    } else {
        &["--idle-exit", "3"][..]
    };
    dyad()
        .arg("worker")
        .args(stream_args(nats, stream))
        .args(["--sink", sink, "--jobs", "1", "--ack-wait", "4"])
        .args(idle)
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

/// Waits for workers to exit by themselves (they stop when the queue stays empty).
fn finish(children: Vec<Child>) -> Vec<String> {
    children
        .into_iter()
        .map(|c| {
            let out = c.wait_with_output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr).into_owned();
            assert!(out.status.success(), "worker failed: {err}");
            err
        })
        .collect()
}

fn wait_for(mut cond: impl FnMut() -> bool, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(120);
    while !cond() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// What every test starts from: its own NATS server, a scratch PostgreSQL database, the demo
/// corpus repeated `copies` times, the checksum one `dyad ingest` of it gives, and the
/// corpus published on stream `stream`.
struct Setup {
    nats: Nats,
    db: dyad_store::testing::PgScratch,
    input: std::path::PathBuf,
    want: String,
    _dir: tempfile::TempDir,
}

fn setup(stream: &str, copies: usize) -> Option<Setup> {
    let nats = Nats::start()?;
    let db = pg_scratch(stream)?;
    let dir = tempfile::tempdir().unwrap();
    let input = big_corpus(dir.path(), copies);
    let want = reference(&input, dir.path());
    publish(&nats, stream, &input);
    Some(Setup {
        nats,
        db,
        input,
        want,
        _dir: dir,
    })
}

#[test]
fn three_workers_code_the_demo_corpus_x20_exactly_once() {
    let Some(run) = setup("three", 20) else {
        return;
    }; // 920 documents
    // Publishing again is absorbed by the stream's duplicate window.
    publish(&run.nats, "three", &run.input);
    let workers = (0..3)
        .map(|_| worker(&run.nats, "three", &run.db.url, &["--batch", "40"]))
        .collect();
    let logs = finish(workers);
    let coded: Vec<u64> = logs
        .iter()
        .map(|l| {
            l.lines()
                .find_map(|x| x.strip_prefix("dyad: worker done: "))
                .and_then(|x| x.split(' ').next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("no summary in {l}"))
        })
        .collect();
    assert_eq!(coded.iter().sum::<u64>(), 920, "{coded:?}");
    assert!(
        coded.iter().filter(|&&n| n > 0).count() >= 2,
        "the work was not shared: {coded:?}"
    );
    assert_eq!(documents(&run.db.url), 920);
    assert_eq!(checksum(&run.db.url), run.want);
}

#[test]
fn a_worker_killed_mid_batch_loses_and_doubles_nothing() {
    let Some(run) = setup("kill", 6) else {
        return;
    }; // 276 documents
    let mut victim = worker(&run.nats, "kill", &run.db.url, &["--batch", "20"]);
    // Kill it (SIGKILL: no handler runs) once it has stored some batches and holds another.
    wait_for(|| documents(&run.db.url) >= 20, "the first batch");
    let first = Instant::now();
    wait_for(|| documents(&run.db.url) >= 40, "the second batch");
    // Right after a store the worker may not have fetched its next batch yet, and a kill
    // then leaves nothing to redeliver (seen once in CI). A third of a batch's time later it
    // is coding a batch it has not acknowledged.
    std::thread::sleep(first.elapsed() / 3);
    victim.kill().unwrap();
    victim.wait().unwrap();
    let stored = documents(&run.db.url);
    assert!(
        stored < 276,
        "the worker finished before it could be killed"
    );
    // The unacknowledged messages come back after the ack wait, to the survivors.
    let rest = (0..2)
        .map(|_| worker(&run.nats, "kill", &run.db.url, &["--batch", "20"]))
        .collect();
    let logs = finish(rest);
    assert!(
        logs.iter().any(|l| !l.contains(" 0 redeliveries")),
        "no message was redelivered: {logs:?}"
    );
    assert_eq!(documents(&run.db.url), 276);
    assert_eq!(checksum(&run.db.url), run.want);
}

/// Publishes raw bytes on a subject with the NATS text protocol, as a misbehaving producer
/// would; JetStream stores it like any message on the stream's subject.
fn publish_raw(nats: &Nats, subject: &str, payload: &[u8]) {
    let mut s = std::net::TcpStream::connect(("127.0.0.1", nats.port)).unwrap();
    write!(
        s,
        "CONNECT {{\"verbose\":false}}\r\nPUB {subject} {}\r\n",
        payload.len()
    )
    .unwrap();
    s.write_all(payload).unwrap();
    s.write_all(b"\r\nPING\r\n").unwrap();
    // Wait for PONG so the message is processed before the connection closes.
    let mut buf = [0u8; 512];
    let mut got = Vec::new();
    while !String::from_utf8_lossy(&got).contains("PONG") {
        let n = std::io::Read::read(&mut s, &mut buf).unwrap();
        assert!(n > 0, "server closed the connection");
        got.extend_from_slice(&buf[..n]);
    }
}

#[test]
fn a_poison_message_is_dead_lettered_and_the_rest_coded() {
    let Some(run) = setup("poison", 2) else {
        return;
    }; // 92 documents
    publish_raw(&run.nats, "poison.docs", b"{\"id\": \"broken\", \"text\": ");
    let logs = finish(vec![worker(
        &run.nats,
        "poison",
        &run.db.url,
        &["--batch", "30", "--max-deliver", "2"],
    )]);
    assert!(logs[0].contains("1 dead-lettered"), "{}", logs[0]);
    assert_eq!(checksum(&run.db.url), run.want);
    // `dyad dead-letters` shows it, with its error and the payload it could not decode.
    let out = dyad()
        .arg("dead-letters")
        .args(stream_args(&run.nats, "poison"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "{lines:?}");
    assert!(
        !lines[0]["error"].as_str().unwrap_or("").is_empty(),
        "{lines:?}"
    );
    assert_eq!(lines[0]["deliveries"], 2, "{lines:?}");
    assert!(
        lines[0]["payload"]
            .as_str()
            .unwrap_or("")
            .contains("broken")
    );
}

#[test]
fn workers_ride_out_a_nats_restart() {
    let Some(mut run) = setup("restart", 8) else {
        return;
    }; // 368 documents
    let start = |nats: &Nats| {
        worker(
            nats,
            "restart",
            &run.db.url,
            &["--batch", "20", "--idle-exit", "8"],
        )
    };
    // The server goes down under a worker known to be connected (it has stored documents); a
    // second worker started beside it could still be loading its models and find no server
    // at all, which is a failed start, not a restart. The second joins after the restart.
    let first = start(&run.nats);
    wait_for(|| documents(&run.db.url) >= 20, "the first batches");
    run.nats.kill();
    std::thread::sleep(Duration::from_secs(1));
    run.nats.restart();
    let second = start(&run.nats);
    finish(vec![first, second]);
    assert_eq!(documents(&run.db.url), 368);
    assert_eq!(checksum(&run.db.url), run.want);
}

#[test]
fn sigterm_finishes_the_batch_in_hand_and_exits() {
    let Some(run) = setup("term", 6) else {
        return;
    }; // 276 documents
    let first = worker(
        &run.nats,
        "term",
        &run.db.url,
        &["--batch", "20", "--idle-exit", "60"],
    );
    wait_for(|| documents(&run.db.url) >= 20, "the first batches");
    // SIGTERM, as a process supervisor sends it: the worker stops taking messages, settles
    // the batch it holds, and exits by itself, successfully.
    let pid = first.id().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let start = Instant::now();
    let logs = finish(vec![first]);
    assert!(start.elapsed() < Duration::from_secs(30), "slow shutdown");
    assert!(logs[0].contains("dyad: worker done:"), "{}", logs[0]);
    finish(vec![worker(
        &run.nats,
        "term",
        &run.db.url,
        &["--batch", "20"],
    )]);
    assert_eq!(documents(&run.db.url), 276);
    assert_eq!(checksum(&run.db.url), run.want);
}
