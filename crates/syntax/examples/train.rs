//! Trains the syntax model: `cargo run --release -p dyad-syntax --example train [-- DATA_DIR OUT]`.
//! The lead's `dyad train syntax` calls the same `dyad_syntax::train::train`.

use std::path::PathBuf;

fn main() {
    let manifest = env!("CARGO_MANIFEST_DIR");
    let mut args = std::env::args().skip(1);
    let data = args.next().map_or_else(
        || PathBuf::from(manifest).join("../../../shared/data/ud-english"),
        PathBuf::from,
    );
    let out = args.next().map_or_else(
        || PathBuf::from(manifest).join("models/syntax.dsm"),
        PathBuf::from,
    );
    let mut opts = dyad_syntax::train::TrainOptions::new(data);
    if let Ok(e) = std::env::var("PARSER_EPOCHS") {
        opts.parser_epochs = e.parse().unwrap_or(opts.parser_epochs);
    }
    if let Ok(e) = std::env::var("TAGGER_EPOCHS") {
        opts.tagger_epochs = e.parse().unwrap_or(opts.tagger_epochs);
    }
    if let Ok(e) = std::env::var("FOLDS") {
        opts.folds = e.parse().unwrap_or(opts.folds);
    }
    if let Ok(e) = std::env::var("ENSEMBLE") {
        opts.ensemble = e.parse().unwrap_or(opts.ensemble);
    }
    if let Ok(e) = std::env::var("NONPROJECTIVE") {
        opts.nonprojective = e == "1";
    }
    if let Ok(e) = std::env::var("MIN_UPDATES") {
        opts.min_updates = e.parse().unwrap_or(opts.min_updates);
    }
    match dyad_syntax::train::train(&opts, &mut |line| eprintln!("{line}")) {
        Ok(model) => {
            let bytes = model.to_bytes();
            if let Err(e) = std::fs::write(&out, &bytes) {
                eprintln!("cannot write {}: {e}", out.display());
                std::process::exit(1);
            }
            println!(
                "{}",
                serde_json::to_string_pretty(model.header()).unwrap_or_default()
            );
            println!("wrote {} ({} bytes)", out.display(), bytes.len());
        }
        Err(e) => {
            eprintln!("training failed: {e}");
            std::process::exit(1);
        }
    }
}
