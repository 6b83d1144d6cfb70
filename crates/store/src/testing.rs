//! Test support shared by dyad's crates: a scratch PostgreSQL database. Not part of the
//! store's interface.
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// A fresh, empty PostgreSQL database on the local server, dropped when this is dropped.
#[derive(Debug)]
pub struct PgScratch {
    /// Connection string of the scratch database.
    pub url: String,
    admin: String,
    name: String,
}

/// The server tests use: `DYAD_TEST_POSTGRES` (a URL of any database on it, used to create
/// and drop scratch databases), else the local server's `postgres` database.
fn admin_url() -> String {
    std::env::var("DYAD_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".to_string())
}

fn connect(url: &str) -> Result<postgres::Client, postgres::Error> {
    postgres::Client::connect(url, postgres::NoTls)
}

/// Starts the Debian cluster when nothing answers: the tests' setup, for a machine where
/// PostgreSQL is installed but stopped.
fn try_start_server() {
    let Ok(dir) = std::fs::read_dir("/etc/postgresql") else {
        return;
    };
    for v in dir.flatten() {
        let _ = std::process::Command::new("pg_ctlcluster")
            .args(["--skip-systemctl-redirect"])
            .arg(v.file_name())
            .args(["main", "start"])
            .output();
    }
}

/// A scratch database, or `None` (with the reason printed) when no PostgreSQL server can be
/// reached or started. Under CI (`CI` set) a missing server is a failure, not a skip.
pub fn pg_scratch(tag: &str) -> Option<PgScratch> {
    static N: AtomicUsize = AtomicUsize::new(0);
    let admin = admin_url();
    let mut client = match connect(&admin) {
        Ok(c) => c,
        Err(_) => {
            try_start_server();
            let deadline = Instant::now() + Duration::from_secs(15);
            loop {
                match connect(&admin) {
                    Ok(c) => break c,
                    Err(e) if Instant::now() > deadline => {
                        let msg = format!(
                            "no PostgreSQL server at {} ({e}); install the Debian package \
                             `postgresql` or set DYAD_TEST_POSTGRES",
                            crate::db::redact(&admin)
                        );
                        if std::env::var_os("CI").is_some() {
                            panic!("{msg}");
                        }
                        eprintln!("skipping PostgreSQL test: {msg}");
                        return None;
                    }
                    Err(_) => std::thread::sleep(Duration::from_millis(300)),
                }
            }
        }
    };
    let name = format!(
        "dyad_{}_{}_{}",
        tag.chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_lowercase(),
        std::process::id(),
        N.fetch_add(1, Ordering::Relaxed)
    );
    // Two calls: CREATE DATABASE cannot share an implicit transaction.
    for sql in [
        format!("DROP DATABASE IF EXISTS {name}"),
        format!("CREATE DATABASE {name}"),
    ] {
        client.batch_execute(&sql).unwrap_or_else(|e| {
            panic!(
                "cannot create scratch database {name}: {}",
                crate::store::pg_message(&e)
            )
        });
    }
    let url = match admin.rsplit_once('/') {
        Some((server, _)) => format!("{server}/{name}"),
        None => panic!("DYAD_TEST_POSTGRES must end in /DATABASE"),
    };
    Some(PgScratch { url, admin, name })
}

impl Drop for PgScratch {
    fn drop(&mut self) {
        if let Ok(mut c) = connect(&self.admin) {
            let _ = c.batch_execute(&format!(
                "DROP DATABASE IF EXISTS {} WITH (FORCE)",
                self.name
            ));
        }
    }
}
