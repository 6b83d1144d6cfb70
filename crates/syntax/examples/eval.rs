//! Evaluates a model on gold-tokenised CoNLL-U:
//! `cargo run --release -p dyad-syntax --example eval -- MODEL GOLD.conllu [--detail] [--gold-tags]`
//! (`MODEL` may be `default` for the embedded model.)

use std::path::Path;

use dyad_syntax::{Model, annotate, conllu::read_conllu, eval::evaluate};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(model_path), Some(gold_path)) = (args.first(), args.get(1)) else {
        eprintln!("usage: eval MODEL GOLD.conllu [--detail]");
        std::process::exit(2);
    };
    let detail = args.iter().any(|a| a == "--detail");
    let t = std::time::Instant::now();
    let model = if model_path == "default" {
        Model::load_default()
    } else {
        Model::load(Path::new(model_path))
    };
    let model = model.unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    eprintln!("model loaded in {:.3}s", t.elapsed().as_secs_f64());
    let text = std::fs::read_to_string(gold_path).unwrap_or_else(|e| {
        eprintln!("{gold_path}: {e}");
        std::process::exit(1)
    });
    let gold = read_conllu(&text).unwrap_or_else(|e| {
        eprintln!("{gold_path}: {e}");
        std::process::exit(1)
    });
    let sys = annotate(&model, &gold);
    match evaluate(&gold, &sys) {
        Ok(s) => print!("{}", s.report(detail)),
        Err(e) => eprintln!("{e}"),
    }
}
