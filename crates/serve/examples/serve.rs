//! Serves a store: `cargo run --release -p dyad-serve --example serve -- STORE [ADDR]`.
//! With `--synth N` first writes N synthetic documents (5 events each) into STORE, for load
//! tests and trying the dashboard without a corpus.
use std::net::SocketAddr;

#[tokio::main]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (synth, rest): (Option<usize>, &[String]) = match args.as_slice() {
        [flag, n, rest @ ..] if flag == "--synth" => (n.parse().ok(), rest),
        rest => (None, rest),
    };
    let Some(path) = rest.first() else {
        eprintln!("usage: serve [--synth N] STORE [ADDR]");
        std::process::exit(2);
    };
    if let Some(n) = synth {
        let mut store = dyad_store::Store::open(path).expect("open store");
        let mut w = store.writer("synth").expect("writer");
        for start in (0..n).step_by(1000) {
            w.write_batch(&dyad_store::synth::batch(
                start as u64,
                1000.min(n - start),
                5,
            ))
            .expect("write");
        }
    }
    let addr: SocketAddr = rest
        .get(1)
        .map(String::as_str)
        .unwrap_or(dyad_serve::DEFAULT_ADDR)
        .parse()
        .expect("address");
    if let Err(e) = dyad_serve::serve(path, addr).await {
        eprintln!("error: {e}");
        std::process::exit(1);
    }
}
