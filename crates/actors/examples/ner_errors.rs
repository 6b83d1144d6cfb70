//! Error analysis of the NER on a GUM file: counts of errors by kind (type, boundary, both,
//! missed, spurious) and by gold/predicted type, then each error with its sentence.
//!
//! `cargo run --release -p dyad-actors --example ner_errors FILE.conllu [-q]` (`-q`: counts only)
use dyad_actors::eval::{ErrorReport, chunks, error_kinds};
use std::sync::Arc;

fn main() {
    let p = std::env::args().nth(1).expect("a GUM .conllu file");
    let s = dyad_actors::corpus::read_gum(&std::fs::read_to_string(p).expect("read"));
    let ner = dyad_actors::ner::Ner::new(Arc::new(dyad_actors::gazetteer::Gazetteer::new()))
        .expect("model");
    let docs = dyad_actors::evaluate::doc_contexts(&ner, &s);
    let mut scratch = dyad_actors::ner::NerScratch::default();
    let mut report = ErrorReport::new(std::env::args().any(|a| a == "-q"));
    let tagged = dyad_actors::evaluate::tag_by_document(&ner, &s, &docs, &mut scratch);
    for (x, out) in s.iter().zip(&tagged) {
        let w: Vec<&str> = x.words.iter().map(String::as_str).collect();
        let t: Vec<&str> = out.iter().map(|&i| dyad_actors::ner::LABELS[i]).collect();
        let g: Vec<_> = chunks(&x.tags)
            .into_iter()
            .filter(|c| c.ty != "MISC")
            .collect();
        let p: Vec<_> = chunks(&t).into_iter().filter(|c| c.ty != "MISC").collect();
        report.add(&w, &error_kinds(&g, &p));
    }
    print!("{}", report.summary());
}
