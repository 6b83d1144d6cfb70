//! Tags sentences given as arguments (tokens split on spaces) as one document, with the
//! committed model and then with its tagger alone (no typer), to see which of the two
//! decides a name.
//!
//! `cargo run --release -p dyad-actors --example ner_probe "his mentor Vilhelm Thomsen ." …`
use dyad_actors::ner::{DocCtx, LABELS, Ner, NerScratch};
use dyad_actors::typer::Typer;
use std::sync::Arc;

fn main() {
    let gaz = Arc::new(dyad_actors::gazetteer::Gazetteer::new());
    let ner = Ner::new(gaz.clone()).unwrap();
    let sents: Vec<String> = std::env::args().skip(1).collect();
    let words: Vec<Vec<&str>> = sents.iter().map(|s| s.split(' ').collect()).collect();
    let refs: Vec<&[&str]> = words.iter().map(|w| w.as_slice()).collect();
    let doc = DocCtx::build(&gaz, refs.iter().copied());
    let show = |n: &Ner, label: &str| {
        let mut sc = NerScratch::default();
        let mut out = Vec::new();
        n.tag_doc(&refs, &doc, &mut sc, &mut out);
        println!("== {label}");
        for (w, t) in words.iter().zip(&out) {
            let s: Vec<String> = w
                .iter()
                .zip(t)
                .map(|(w, &t)| {
                    if LABELS[t] == "O" {
                        w.to_string()
                    } else {
                        format!("{w}/{}", LABELS[t])
                    }
                })
                .collect();
            println!("{}", s.join(" "));
        }
    };
    show(&ner, "full");
    let bare = ner.with_typer(Typer::default(), ner.mix());
    show(&bare, "tagger only");
}
