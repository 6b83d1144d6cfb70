//! PLOVER gold records: actor country and country+sector accuracy.
//! `cargo run --release -p dyad-actors --example eval_plover [--phoenix] [--agents]`
//! With `--phoenix` the Phoenix actor and agent dictionaries from ../shared are loaded too,
//! with `--agents` only the agent dictionary.
fn main() {
    let data = dyad_actors::evaluate::shared_data().expect("../shared/data");
    let mut b = dyad_actors::ActorCoder::builder();
    if std::env::args().any(|a| a == "--phoenix") {
        b = dyad_actors::evaluate::with_phoenix(b, &data).expect("Phoenix dictionaries");
    }
    if std::env::args().any(|a| a == "--agents") {
        let d = data.join("cameo-dictionaries");
        b = b
            .agent_dictionary(&d.join("Phoenix.agents.txt"))
            .expect("agents");
    }
    let coder = b.build().expect("coder");
    let json = std::fs::read_to_string(data.join("plover/PLOVER_GSR_CAMEO.txt")).expect("GSR");
    let s = dyad_actors::evaluate::eval_plover(&coder, &json).expect("json");
    let (rc, rcs) = s.raw_pcts();
    println!(
        "PLOVER GSR: {} actors, country {:.1}%, country+sector {:.1}% (gold codes as written: {rc:.1}%, {rcs:.1}%)",
        s.actors,
        s.country_pct(),
        s.country_sector_pct()
    );
}
