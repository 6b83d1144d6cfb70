//! The dashboard in headless Chromium: the dyad view for USA and CHN renders its chart and
//! event list, and a document with markup shows it as text. Skipped, with a reason, when no
//! `chromium` is installed. The screenshot lands in `target/tmp/dashboard.png`.
mod common;

use dyad_serve::{AppState, Limits, serve_on};
use std::path::{Path, PathBuf};
use std::process::Command;

fn chromium() -> Option<PathBuf> {
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .find_map(|c| {
            Command::new(c)
                .arg("--version")
                .output()
                .ok()
                .filter(|o| o.status.success())
                .map(|_| PathBuf::from(c))
        })
}

fn run(bin: &Path, profile: &Path, args: &[&str]) -> String {
    let out = Command::new(bin)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--disable-dev-shm-usage",
            "--virtual-time-budget=10000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("run chromium");
    assert!(
        out.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dyad_view_renders_in_chromium() {
    let Some(bin) = chromium() else {
        eprintln!("skipped: no chromium installed (apt-get install chromium)");
        return;
    };
    let f = common::store();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let server = tokio::spawn(serve_on(
        listener,
        AppState::open(&f.path, Limits::default()).unwrap(),
    ));
    let shot = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("dashboard.png");
    let xss_doc = f.xss_doc.clone();
    let profile = tempfile::tempdir().unwrap();
    let (dom, doc_dom) = tokio::task::spawn_blocking(move || {
        let p = profile.path();
        let dyad = format!("http://{addr}/#/dyad?a=USA&b=CHN&by=month");
        let dom = run(&bin, p, &["--dump-dom", &dyad]);
        let _ = std::fs::remove_file(&shot);
        run(
            &bin,
            p,
            &[
                &format!("--screenshot={}", shot.display()),
                "--window-size=1280,900",
                &dyad,
            ],
        );
        assert!(
            std::fs::metadata(&shot)
                .map(|m| m.len() > 10_000)
                .unwrap_or(false),
            "no screenshot"
        );
        let doc = run(
            &bin,
            p,
            &["--dump-dom", &format!("http://{addr}/#/document/{xss_doc}")],
        );
        (dom, doc)
    })
    .await
    .unwrap();
    server.abort();

    assert!(
        dom.contains("data-ready=\"1\""),
        "view did not finish: {dom}"
    );
    assert!(!dom.contains("class=\"error\""), "{dom}");
    assert!(dom.contains("USA ↔ CHN"));
    assert!(dom.contains("<svg class=\"chart\""));
    assert!(dom.contains("<polyline class=\"goldstein\" points=\""));
    assert!(
        dom.matches("class=\"period\"").count() >= 6,
        "too few periods"
    );
    assert!(
        dom.matches("<tr data-event-id=").count() >= 10,
        "event list missing"
    );

    assert!(doc_dom.contains("data-ready=\"1\""), "{doc_dom}");
    assert!(doc_dom.contains("<mark class=\"trigger\""), "{doc_dom}");
    // The stored markup arrives as text: escaped in the serialised DOM, never as elements.
    assert!(
        doc_dom.contains(
            "&lt;script&gt;alert('xss')&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"
        )
    );
    assert!(!doc_dom.contains("<script>alert") && !doc_dom.contains("<img src=\"x\""));
}
