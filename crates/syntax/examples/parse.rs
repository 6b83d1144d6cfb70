//! Parses raw text from stdin to CoNLL-U on stdout (stop-gap tokeniser):
//! `cargo run --release -p dyad-syntax --example parse [-- --input text|jsonl|conllu]`.

use std::io::Read;

fn main() {
    let mode = std::env::args()
        .skip_while(|a| a != "--input")
        .nth(1)
        .unwrap_or_else(|| "text".into());
    let mut input = String::new();
    if let Err(e) = std::io::stdin().read_to_string(&mut input) {
        eprintln!("stdin: {e}");
        std::process::exit(1);
    }
    let model = dyad_syntax::Model::load_default().unwrap_or_else(|e| {
        eprintln!("{e}");
        std::process::exit(1)
    });
    let out = match mode.as_str() {
        "conllu" => dyad_syntax::parse_conllu_text(&model, &input),
        "jsonl" => dyad_syntax::parse_jsonl(&model, &input),
        _ => Ok(dyad_syntax::parse_text(&model, &input, "stdin")),
    };
    match out {
        Ok(s) => print!("{s}"),
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    }
}
