//! Test support shared by dyad's crates: a private `nats-server`. Not part of the queue's
//! interface.
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const NATS_SERVER: &str = "/usr/sbin/nats-server";

/// A `nats-server` child process with JetStream on a free loopback port and its own store
/// folder, so a test can kill and restart it without disturbing anything else; killed when
/// dropped.
#[derive(Debug)]
pub struct NatsServer {
    child: Option<Child>,
    /// The port it listens on (kept across restarts).
    pub port: u16,
    dir: tempfile::TempDir,
}

impl NatsServer {
    /// Starts a server, or returns `None` (the test skips, with the reason printed) when the
    /// binary is missing; under CI (`CI` set) a missing server fails the test instead.
    pub fn start() -> Option<NatsServer> {
        if !Path::new(NATS_SERVER).exists() {
            if std::env::var_os("CI").is_some() {
                panic!(
                    "\n\n!!! {NATS_SERVER} is missing: the JetStream tests cannot run. \
                     Install it (apt-get install nats-server) in .ci/run. !!!\n"
                );
            }
            eprintln!("SKIPPED: {NATS_SERVER} not found (apt-get install nats-server)");
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let mut server = NatsServer {
            child: None,
            port,
            dir: tempfile::tempdir().expect("temp dir"),
        };
        server.restart();
        Some(server)
    }

    /// (Re)starts the server on the same port and store folder and waits until it listens.
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
            .arg(self.dir.path().join("store"))
            .arg("-l")
            .arg(self.dir.path().join("server.log"))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start nats-server");
        self.child = Some(child);
        let deadline = Instant::now() + Duration::from_secs(10);
        while TcpStream::connect(("127.0.0.1", self.port)).is_err() {
            assert!(
                Instant::now() < deadline,
                "nats-server did not listen on {}",
                self.port
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Kills the server with SIGKILL (no clean shutdown), keeping its store folder.
    pub fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// `nats://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("nats://127.0.0.1:{}", self.port)
    }
}

impl Drop for NatsServer {
    fn drop(&mut self) {
        self.kill();
    }
}
