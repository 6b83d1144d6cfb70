//! Error analysis of the NER on MEANTIME's evaluated sentences (see
//! `evaluate::meantime_sentences`): counts by kind and type, then each error with its sentence.
//!
//! `cargo run --release -p dyad-actors --example meantime_errors [-q]` (`-q`: counts only)
use dyad_actors::eval::{Chunk, ErrorKind, ErrorReport, error_kinds};
use dyad_actors::evaluate::{meantime_sentences, meantime_tag, shared_data};
use std::sync::Arc;

fn main() {
    let root = shared_data()
        .expect("../shared/data")
        .join("meantime-en/intra_cross-doc_annotation");
    let ner = dyad_actors::ner::Ner::new(Arc::new(dyad_actors::gazetteer::Gazetteer::new()))
        .expect("model");
    let (sents, docs) = meantime_sentences(&ner, &root).expect("MEANTIME");
    let mut scratch = dyad_actors::ner::NerScratch::default();
    let mut report = ErrorReport::new(std::env::args().any(|a| a == "-q"));
    // MISC predictions are kept here (they score as nothing) to show which missed names the
    // tagger took for works or products.
    let mut preds: Vec<Vec<Chunk>> = Vec::new();
    for run in sents.chunk_by(|a, b| a.doc == b.doc) {
        preds.extend(meantime_tag(&ner, run, &docs[run[0].doc], &mut scratch));
    }
    for (s, pred) in sents.iter().zip(preds) {
        let w: Vec<&str> = s.words.iter().map(String::as_str).collect();
        let errors: Vec<_> = error_kinds(&s.gold, &pred)
            .into_iter()
            .filter(|(k, _, pc)| {
                !(*k == ErrorKind::Spurious && pc.as_ref().is_some_and(|c| c.ty == "MISC"))
            })
            .collect();
        report.add(&w, &errors);
    }
    print!("{}", report.summary());
}
