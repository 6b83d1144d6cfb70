//! Golden test on the seed article's first sentence: who plans to meet whom, where.

use dyad_syntax::{Model, parse_text, simple_tokenize};

const SEED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/seed/000_e76430650e841a56.txt"
);
const GOLDEN: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/golden/seed_000_first_sentence.conllu"
);

/// The seed's first line carries a `date YYYY-MM-DD` stamp before the prose.
fn first_sentence(text: &str) -> Vec<String> {
    let mut sents = simple_tokenize(text);
    let mut first = sents.remove(0);
    if first.first().is_some_and(|w| w == "date") {
        first.drain(..2);
    }
    first
}

/// Relation of the phrase containing `dep`: climbs name-internal relations (flat,
/// compound, appos, nmod:desc) so "Donald Trump" or "New York City Mayor Zohran Mamdani"
/// count through whichever word heads the name, as UD allows.
fn relation<'a>(
    words: &'a [String],
    out: &[dyad_syntax::TokenSyntax<'_>],
    dep: &str,
) -> (&'a str, String) {
    let mut i = words.iter().position(|w| w == dep).expect("word present");
    for _ in 0..words.len() {
        let inside = matches!(out[i].deprel, "flat" | "compound" | "appos" | "nmod:desc");
        if !inside || out[i].head == 0 {
            break;
        }
        i = out[i].head as usize - 1;
    }
    let h = out[i].head as usize;
    let head = if h == 0 {
        "ROOT"
    } else {
        words[h - 1].as_str()
    };
    (head, out[i].deprel.to_string())
}

#[test]
fn seed_first_sentence_relations() {
    let Ok(text) = std::fs::read_to_string(SEED) else {
        eprintln!("skipped: {SEED} not found");
        return;
    };
    let Ok(model) = Model::load_default() else {
        eprintln!("skipped: no trained model embedded");
        return;
    };
    let words = first_sentence(&text);
    assert_eq!(words.first().map(String::as_str), Some("President"));
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let mut p = model.parser();
    let mut out = Vec::new();
    p.parse_sentence(&refs, &mut out);
    assert_eq!(
        relation(&words, &out, "Trump"),
        ("plans", "nsubj".to_string())
    );
    assert_eq!(
        relation(&words, &out, "meet"),
        ("plans", "xcomp".to_string())
    );
    assert_eq!(
        relation(&words, &out, "Mamdani"),
        ("meet", "obj".to_string())
    );
    let house = relation(&words, &out, "House");
    assert_eq!(house.0, "meet");
    assert!(house.1 == "obl" || house.1.starts_with("obl:"), "{house:?}");

    // The whole sentence, as CoNLL-U, against the committed golden file.
    let got = parse_text(&model, &words.join(" "), "seed000");
    if std::env::var_os("DYAD_BLESS").is_some() {
        std::fs::write(GOLDEN, &got).expect("write golden");
    }
    let want = std::fs::read_to_string(GOLDEN).unwrap_or_default();
    assert_eq!(
        got, want,
        "golden differs; rerun with DYAD_BLESS=1 after checking the diff"
    );
}
