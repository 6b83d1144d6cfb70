//! Debug: prints the PLOVER gold actors that were coded wrongly, one line each with the
//! sentence, grouped the way `eval_plover` scores them (country, then sector).
//! `cargo run --release -p dyad-actors --example plover_errors [--all] [--phoenix]`
//! `--all` also prints the actors coded right.
fn main() {
    let data = dyad_actors::evaluate::shared_data().expect("../shared/data");
    let all = std::env::args().any(|a| a == "--all");
    let mut b = dyad_actors::ActorCoder::builder();
    if std::env::args().any(|a| a == "--phoenix") {
        b = dyad_actors::evaluate::with_phoenix(b, &data).expect("Phoenix dictionaries");
    }
    let coder = b.build().expect("coder");
    let json = std::fs::read_to_string(data.join("plover/PLOVER_GSR_CAMEO.txt")).unwrap();
    let records: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let mut a = dyad_core::Analysis::default();
    let mut out = dyad_actors::ActorAnalysis::default();
    for r in &records {
        let Some(text) = r["text"].as_str() else {
            continue;
        };
        let doc = dyad_core::Document::new("x", jiff::civil::date(2000, 1, 1), text);
        dyad_actors::tokenize::segment(text, &mut a);
        coder.analyze(&doc, &a, &mut out);
        for f in ["source", "target"] {
            for g in r[f].as_array().into_iter().flatten() {
                let at = g["actorText"].as_str().unwrap_or("");
                let Some(pos) = dyad_actors::evaluate::find_word(text, at) else {
                    continue;
                };
                let span = dyad_core::Span::new(pos, pos + at.len());
                let gc = g["code"].as_str().unwrap_or("");
                let gs = g["sector"].as_str().filter(|s| !s.is_empty());
                let (pc, ps, name) = match out.actor_at(span) {
                    Some(x) => (x.country.clone(), x.sector.clone(), x.name.clone()),
                    None => match out.places.iter().find(|p| p.span.overlaps(span)) {
                        Some(p) => (Some(p.country.clone()), None, "<place>".into()),
                        None => (None, None, "<none>".into()),
                    },
                };
                let verdict =
                    match dyad_actors::evaluate::gold_matches(gc, gs, pc.as_deref(), ps.as_deref())
                    {
                        (false, _) => "C",
                        (true, false) => "S",
                        (true, true) => "ok",
                    };
                if all || verdict != "ok" {
                    println!(
                        "{verdict}\t{at:?}\tgold {gc}/{}\tpred {}/{} ({name})\t{text}",
                        gs.unwrap_or("-"),
                        pc.as_deref().unwrap_or("-"),
                        ps.as_deref().unwrap_or("-"),
                    );
                }
            }
        }
    }
}
