//! Debug: prints PLOVER gold actors that were coded wrongly.
fn main() {
    let data = dyad_actors::evaluate::shared_data().expect("../shared/data");
    let coder = dyad_actors::ActorCoder::new().unwrap();
    let json = std::fs::read_to_string(data.join("plover/PLOVER_GSR_CAMEO.txt")).unwrap();
    let records: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let mut a = dyad_core::Analysis::default();
    let mut out = dyad_actors::ActorAnalysis::default();
    for r in records.iter().take(120) {
        let Some(text) = r["text"].as_str() else {
            continue;
        };
        let doc = dyad_core::Document::new("x", jiff::civil::date(2000, 1, 1), text);
        dyad_actors::tokenize::segment(text, &mut a);
        coder.analyze(&doc, &a, &mut out);
        for f in ["source", "target"] {
            for g in r[f].as_array().into_iter().flatten() {
                let at = g["actorText"].as_str().unwrap_or("");
                let Some(pos) = text.find(at) else { continue };
                let span = dyad_core::Span::new(pos, pos + at.len());
                let act = out
                    .actors
                    .iter()
                    .find(|x| x.mentions.iter().any(|m| m.overlaps(span)));
                let pred = act.map(|x| format!("{:?}/{:?} ({})", x.country, x.sector, x.name));
                println!("{at:?} gold {}/{} pred {pred:?}", g["code"], g["sector"]);
            }
        }
    }
}
