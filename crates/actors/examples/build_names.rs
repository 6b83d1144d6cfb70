//! Builds `data/actors/phoenix-names.tsv`, the name lists the NER uses as gazetteer features,
//! from the Phoenix actor dictionaries (MIT, Open Event Data Alliance) with dyad's reader.
//!
//! `cargo run --release -p dyad-actors --example build_names`
//!
//! PER: entries with a date-restricted code (office holders: the CountryInfo leader lists and
//! the IGO rulers); ORG: undated entries of the international and militant non-state files.
use dyad_actors::dict::{Mode, read_actors};
use std::collections::BTreeSet;

fn main() {
    let Some(data) = dyad_actors::evaluate::shared_data() else {
        eprintln!("../shared/data absent");
        std::process::exit(2);
    };
    let dir = data.join("cameo-dictionaries");
    let mut per = BTreeSet::new();
    let mut org = BTreeSet::new();
    for f in [
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
    ] {
        let p = read_actors(&dir.join(f), Mode::Lenient).expect("read");
        let intl = !f.contains("Countries");
        for e in &p.entries {
            let dated = e.codes.iter().any(|c| !c.is_default());
            for n in &e.names {
                let words: Vec<&str> = n
                    .words
                    .iter()
                    .map(String::as_str)
                    .filter(|w| w.chars().any(char::is_alphabetic))
                    .collect();
                if words.is_empty()
                    || words.len() > 6
                    || words.iter().any(|w| w.contains('(') || w.contains(')'))
                {
                    continue;
                }
                let name = words.join(" ");
                if dated && words.len() >= 2 && words.len() <= 4 {
                    per.insert(name);
                } else if intl && !dated {
                    org.insert(name);
                }
            }
        }
    }
    let mut out = String::from(
        "# Names derived from the Phoenix/PETRARCH2 actor dictionaries (MIT, (c) Open Event Data Alliance)\n# by crates/actors/examples/build_names.rs: PER = entries with dated codes, ORG = undated international/non-state entries\n",
    );
    for n in &per {
        out.push_str(&format!("PER\t{n}\n"));
    }
    for n in &org {
        out.push_str(&format!("ORG\t{n}\n"));
    }
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/actors/phoenix-names.tsv"
    );
    std::fs::write(path, out).expect("write");
    eprintln!("{} PER, {} ORG -> {path}", per.len(), org.len());
}
