//! Prints entities, actors and places of a text file (or stdin) as JSON, using the stand-in
//! tokeniser: `cargo run -p dyad-actors --example entities -- FILE [YYYY-MM-DD]`.
use dyad_actors::{ActorAnalysis, ActorCoder};
use std::io::Read;
fn main() {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(p) if p != "-" => text = std::fs::read_to_string(p).expect("read"),
        _ => {
            std::io::stdin().read_to_string(&mut text).expect("stdin");
        }
    }
    let date = std::env::args()
        .nth(2)
        .and_then(|d| d.parse().ok())
        .unwrap_or(jiff::civil::date(2026, 2, 26));
    let coder = ActorCoder::new().expect("coder");
    let doc = dyad_core::Document::new("doc", date, text);
    let mut a = dyad_core::Analysis::default();
    dyad_actors::tokenize::segment(&doc.text, &mut a);
    let mut out = ActorAnalysis::default();
    coder.analyze(&doc, &a, &mut out);
    for e in &out.entities {
        println!("ENT {} {:?}", e.ty, doc.slice(e.span));
    }
    for x in &out.actors {
        let m: Vec<&str> = x.mentions.iter().map(|s| doc.slice(*s)).collect();
        println!(
            "ACT {} [{}] {:?} {:?} {:?} {:?}",
            x.name, x.kind, x.code, x.role, x.source, m
        );
    }
    for p in &out.places {
        println!(
            "PLC {:?} -> {} {} {:?}",
            doc.slice(p.span),
            p.name,
            p.country,
            p.admin1
        );
    }
}
