//! Builds `data/actors/phoenix-names.tsv`, the name lists the NER uses as gazetteer features,
//! from the Phoenix actor dictionaries (MIT, Open Event Data Alliance) with dyad's reader.
//!
//! `cargo run --release -p dyad-actors --example build_names`
//!
//! PER: entries with a date-restricted code (office holders: the CountryInfo leader lists and
//! the IGO rulers), with the person's country (the country of their codes, PLOVER `UNO` for a
//! CAMEO `IGOUNO`, `IGO` for another intergovernmental body; left empty when the codes name
//! different countries or only a region); ORG: undated entries of the international and
//! militant non-state files; SUR: surnames of the PER names whose people share one country.
use dyad_actors::dict::{ActorEntry, Mode, read_actors};
use std::collections::{BTreeMap, BTreeSet};

/// The one country of a person's codes, if their codes agree on one.
fn person_country(e: &ActorEntry, iso: &BTreeSet<String>) -> Option<String> {
    let mut found: Option<String> = None;
    for c in &e.codes {
        let code = c.code.as_str();
        let country = match code.get(..3)? {
            "IGO" if code.get(3..6) == Some("UNO") => "UNO".to_string(),
            "IGO" => "IGO".to_string(),
            "PAL" => "PSE".to_string(),
            x if iso.contains(x) => x.to_string(),
            // Sector-only codes ("ELI" after a dated code) say nothing about the country.
            _ => continue,
        };
        match &found {
            None => found = Some(country),
            Some(f) if *f == country => {}
            Some(_) => return None,
        }
    }
    found
}

fn main() {
    let Some(data) = dyad_actors::evaluate::shared_data() else {
        eprintln!("../shared/data absent");
        std::process::exit(2);
    };
    let dir = data.join("cameo-dictionaries");
    // ISO 3166 alpha-3 codes of the gazetteer's countries (CAMEO's state codes are ISO but for
    // Palestine).
    let gaz = dyad_actors::gazetteer::Gazetteer::new();
    let iso: BTreeSet<String> = gaz
        .places
        .iter()
        .filter(|p| p.kind == dyad_actors::gazetteer::PlaceKind::Country)
        .map(|p| p.iso3.clone())
        .collect();
    // name → country; "" once two entries of that name disagree.
    let mut per: BTreeMap<String, String> = BTreeMap::new();
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
            let country = person_country(e, &iso).unwrap_or_default();
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
                if dated && words.len() <= 4 {
                    // One-word aliases ("OBAMA") serve the country lookup of a surname-only
                    // mention; the NER's name lists take only names of two words or more.
                    match per.get(&name) {
                        Some(c) if *c != country => {
                            per.insert(name, String::new());
                        }
                        Some(_) => {}
                        None => {
                            per.insert(name, country.clone());
                        }
                    }
                } else if intl && !dated {
                    org.insert(name);
                }
            }
        }
    }
    let mut out = String::from(
        "# Names derived from the Phoenix/PETRARCH2 actor dictionaries (MIT, (c) Open Event Data Alliance)\n# by crates/actors/examples/build_names.rs: PER = entries with dated codes (third column: their country, empty if unknown or ambiguous), ORG = undated international/non-state entries, SUR = surnames of PER names with their one country\n",
    );
    for (n, c) in &per {
        out.push_str(&format!("PER\t{n}\t{c}\n"));
    }
    // SUR: the last word of the full names, with the country when every person of that
    // surname has the same one ("President Bouteflika"); one-word aliases above come first.
    let mut sur: BTreeMap<&str, &str> = BTreeMap::new();
    for (n, c) in &per {
        let Some((_, last)) = n.rsplit_once(' ') else {
            continue;
        };
        if last.len() < 3 || !last.chars().all(|c| c.is_alphabetic() || c == '-') {
            continue;
        }
        match sur.get(last) {
            Some(x) if x != c => {
                sur.insert(last, "");
            }
            Some(_) => {}
            None => {
                sur.insert(last, c);
            }
        }
    }
    for (n, c) in &sur {
        if !c.is_empty() && !per.contains_key(*n) {
            out.push_str(&format!("SUR\t{n}\t{c}\n"));
        }
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
