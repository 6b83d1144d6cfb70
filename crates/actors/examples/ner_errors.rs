//! Debug: prints false positives and negatives of the NER on a GUM file.
use dyad_actors::eval::chunks;
use std::sync::Arc;
fn main() {
    let p = std::env::args().nth(1).unwrap();
    let s = dyad_actors::corpus::read_gum(&std::fs::read_to_string(p).unwrap());
    let ner =
        dyad_actors::ner::Ner::new(Arc::new(dyad_actors::gazetteer::Gazetteer::new())).unwrap();
    let docs = dyad_actors::evaluate::doc_contexts(&ner, &s);
    let mut scratch = dyad_actors::ner::NerScratch::default();
    let mut out = Vec::new();
    for x in &s {
        let w: Vec<&str> = x.words.iter().map(String::as_str).collect();
        ner.tag(&w, &docs[x.doc], &mut scratch, &mut out);
        let t: Vec<&str> = out.iter().map(|&i| dyad_actors::ner::LABELS[i]).collect();
        let g: Vec<_> = chunks(&x.tags)
            .into_iter()
            .filter(|c| c.ty != "MISC")
            .collect();
        let p: Vec<_> = chunks(&t).into_iter().filter(|c| c.ty != "MISC").collect();
        for c in &p {
            if !g.contains(c) {
                println!("FP {} {:?}", c.ty, w[c.start..c.end].join(" "));
            }
        }
        for c in &g {
            if !p.contains(c) {
                println!("FN {} {:?}", c.ty, w[c.start..c.end].join(" "));
            }
        }
    }
}
