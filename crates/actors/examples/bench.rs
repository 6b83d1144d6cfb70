//! Throughput of NER + actor coding on one core: GUM CC-BY dev (16 documents) re-joined as
//! text, tokenised by the stand-in tokeniser outside the timed loop. In the pipeline the event
//! stage's parser has tagged the sentences' parts of speech already, so they are tagged here
//! outside the timed loop too; `--tag-inside` times the tagging as well.
//! `cargo run --release -p dyad-actors --example bench`
use dyad_actors::{ActorAnalysis, ActorCoder};
use std::time::Instant;

fn main() {
    let data = dyad_actors::evaluate::shared_data().expect("../shared/data");
    let gum = std::fs::read_to_string(data.join("ud-english/en_gum-ccby-dev.conllu")).expect("GUM");
    let sents = dyad_actors::corpus::read_gum(&gum);
    let ndocs = sents.iter().map(|s| s.doc + 1).max().unwrap_or(0);
    let coder = ActorCoder::new().expect("coder");
    let mut docs = Vec::new();
    for d in 0..ndocs {
        let text: Vec<String> = sents
            .iter()
            .filter(|s| s.doc == d)
            .map(|s| s.words.join(" "))
            .collect();
        let doc = dyad_core::Document::new(
            format!("d{d}"),
            jiff::civil::date(2026, 2, 26),
            text.join("\n\n"),
        );
        let mut a = dyad_core::Analysis::default();
        dyad_actors::tokenize::segment(&doc.text, &mut a);
        docs.push((doc, a));
    }
    let tokens: usize = docs.iter().map(|d| d.1.tokens.len()).sum();
    // Each sentence's parts of speech, as the event stage leaves them (see `analyze_tagged`).
    let syntax = dyad_syntax::Model::load_default().expect("syntax model");
    let mut buf = dyad_syntax::TagBuffers::default();
    let inside = std::env::args().any(|a| a == "--tag-inside");
    let upos: Vec<Vec<Vec<&'static str>>> = docs
        .iter()
        .map(|(doc, a)| {
            if inside {
                return Vec::new();
            }
            a.sentences
                .iter()
                .map(|s| {
                    let words: Vec<&str> = a.tokens[s.tokens()]
                        .iter()
                        .map(|t| &doc.text[t.span.range()])
                        .collect();
                    let mut tags = Vec::new();
                    syntax.tag_upos(&words, &mut buf, &mut tags);
                    tags
                })
                .collect()
        })
        .collect();
    let mut out = ActorAnalysis::default();
    let mut actors = 0;
    let rounds = 20;
    let t0 = Instant::now();
    for _ in 0..rounds {
        actors = 0;
        for ((doc, a), tags) in docs.iter().zip(&upos) {
            coder.analyze_tagged(doc, a, tags, &mut out);
            actors += out.actors.len();
        }
    }
    let secs = t0.elapsed().as_secs_f64();
    assert!(
        tokens > 10_000 && actors > 100,
        "unexpected corpus: {tokens} tokens, {actors} actors"
    );
    println!(
        "{} docs, {tokens} tokens, {actors} actors per round; {:.0} tokens/s on one core",
        docs.len(),
        (tokens * rounds) as f64 / secs
    );
}
