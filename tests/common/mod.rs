//! Shared by the end-to-end tests: the demo corpus, repeated, and a private NATS server.
#![allow(dead_code)]

use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

pub fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus/corpus.jsonl")
}

/// The demo corpus repeated with distinct ids (`<id>-<k>`), as one JSONL file.
pub fn big_corpus(dir: &Path, copies: usize) -> PathBuf {
    let base = std::fs::read_to_string(corpus()).unwrap();
    let mut out = String::new();
    for k in 0..copies {
        for line in base.lines().filter(|l| !l.trim().is_empty()) {
            let mut v: serde_json::Value = serde_json::from_str(line).unwrap();
            let id = format!("{}-{k}", v["id"].as_str().unwrap());
            v["id"] = id.into();
            out.push_str(&v.to_string());
            out.push('\n');
        }
    }
    let p = dir.join(format!("corpus-x{copies}.jsonl"));
    std::fs::write(&p, out).unwrap();
    p
}

const NATS_SERVER: &str = "/usr/sbin/nats-server";

/// A NATS server with JetStream on a free loopback port and its own store folder, so a test
/// can stop and restart it without disturbing anything else; killed when dropped.
pub struct Nats {
    pub port: u16,
    store: tempfile::TempDir,
    child: Option<Child>,
}

impl Nats {
    /// Starts one, or returns `None` (with the reason printed) when `nats-server` is not
    /// installed. Under CI a missing server fails the test instead.
    pub fn start() -> Option<Nats> {
        if !Path::new(NATS_SERVER).exists() {
            let msg = format!(
                "{NATS_SERVER} not found: install the Debian package nats-server to run the scale-out tests"
            );
            if std::env::var_os("CI").is_some() {
                panic!("{msg}");
            }
            eprintln!("skipping: {msg}");
            return None;
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let mut n = Nats {
            port,
            store: tempfile::tempdir().unwrap(),
            child: None,
        };
        n.restart();
        Some(n)
    }

    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }

    /// Kills the server (SIGKILL: no clean shutdown), keeping its store folder.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            c.kill().ok();
            c.wait().ok();
        }
    }

    /// (Re)starts the server on the same port and store, and waits until it answers.
    pub fn restart(&mut self) {
        self.kill();
        let child = Command::new(NATS_SERVER)
            .args([
                "-a",
                "127.0.0.1",
                "-p",
                &self.port.to_string(),
                "-js",
                "-sd",
            ])
            .arg(self.store.path())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start nats-server");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(Instant::now() < deadline, "nats-server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Nats {
    fn drop(&mut self) {
        self.kill();
    }
}
