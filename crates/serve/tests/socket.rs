//! One real-socket smoke test: the server on 127.0.0.1:0, a plain HTTP/1.1 client.
mod common;

use dyad_serve::{AppState, Limits, serve_on};
use std::io::{Read, Write};
use std::net::TcpStream;

fn get(addr: std::net::SocketAddr, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(
        s,
        "GET {path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn serves_over_a_real_socket() {
    let f = common::store();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let state = AppState::open(&f.path, Limits::default()).unwrap();
    let server = tokio::spawn(serve_on(listener, state));
    let (stats, page, missing) = tokio::task::spawn_blocking(move || {
        (
            get(addr, "/api/stats"),
            get(addr, "/"),
            get(addr, "/api/nope"),
        )
    })
    .await
    .unwrap();
    assert!(stats.starts_with("HTTP/1.1 200"), "{stats}");
    assert!(stats.contains("\"events\":3600"), "{stats}");
    assert!(page.starts_with("HTTP/1.1 200") && page.contains("<main id=\"view\""));
    assert!(missing.starts_with("HTTP/1.1 404") && missing.contains("\"not_found\""));
    server.abort();
}
