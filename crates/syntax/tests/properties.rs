//! Property tests: any text reads, tokenises and parses without panicking, and trees
//! are well formed.

use std::sync::OnceLock;

use dyad_syntax::{Model, conllu::read_conllu, simple_tokenize};
use proptest::prelude::*;

fn model() -> Option<&'static Model> {
    static M: OnceLock<Option<Model>> = OnceLock::new();
    M.get_or_init(|| Model::load_default().ok()).as_ref()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn conllu_reader_never_panics(s in "(\\PC|\t|\n){0,400}") {
        let _ = read_conllu(&s);
    }

    #[test]
    fn any_text_parses(s in "\\PC{0,300}") {
        let sents = simple_tokenize(&s);
        for sent in &sents {
            prop_assert!(sent.iter().all(|w| !w.is_empty()));
        }
        if let Some(m) = model() {
            let mut p = m.parser();
            let mut out = Vec::new();
            let mut buf = dyad_syntax::TagBuffers::default();
            for sent in &sents {
                let words: Vec<&str> = sent.iter().map(String::as_str).collect();
                p.parse_sentence(&words, &mut out);
                prop_assert_eq!(out.len(), words.len());
                prop_assert_eq!(out.iter().filter(|t| t.head == 0).count(), usize::from(!words.is_empty()));
                prop_assert!(out.iter().all(|t| t.head as usize <= words.len()));
                // Tagging alone gives the parser's tags: the actor stage reuses either.
                let mut tags = Vec::new();
                m.tag_upos(&words, &mut buf, &mut tags);
                let parsed: Vec<&str> = out.iter().map(|t| t.upos).collect();
                prop_assert_eq!(&tags, &parsed);
            }
        }
    }
}

#[test]
fn conllu_input_keeps_tokenisation_and_comments() {
    let Some(m) = model() else { return };
    let input = "# sent_id = t-1\n# text = I can't go.\n1\tI\t_\t_\t_\t_\t_\t_\t_\t_\n2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tca\t_\t_\t_\t_\t_\t_\t_\t_\n3\tn't\t_\t_\t_\t_\t_\t_\t_\t_\n4\tgo\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n5\t.\t_\t_\t_\t_\t_\t_\t_\t_\n\n";
    let out = dyad_syntax::parse_conllu_text(m, input).expect("parses");
    let sents = read_conllu(&out).expect("valid CoNLL-U");
    assert_eq!(sents.len(), 1);
    assert_eq!(sents[0].forms(), ["I", "ca", "n't", "go", "."]);
    assert_eq!(sents[0].comment_value("sent_id"), Some("t-1"));
    assert!(out.contains("2-3\tcan't"));
    assert_eq!(sents[0].tokens[3].misc, "SpaceAfter=No");
    assert_eq!(sents[0].tokens[3].deprel, "root");
    // Self-evaluation is perfect; evaluating against the model's own output works too.
    let s = dyad_syntax::eval_ud(&out, Some(&out), None).expect("same file");
    assert_eq!(s.total.las, 5);
    assert!(dyad_syntax::parse_jsonl(m, "{\"id\":\"d1\",\"text\":\"He left.\"}\n").is_ok());
    assert!(dyad_syntax::parse_jsonl(m, "not json\n").is_err());
}

#[test]
fn model_header_describes_training() {
    let Some(m) = model() else { return };
    let h = m.header();
    assert_eq!(h.format_version, dyad_syntax::FORMAT_VERSION);
    assert!(h.data.contains("EWT") && h.data.contains("GUM"));
    assert!(h.dev["ewt"]["las"].as_f64().is_some_and(|x| x > 80.0));
    let d = dyad_syntax::describe(m);
    assert!(d.contains("\"date\"") && d.contains("features: tagger"));
    // Round trip through bytes keeps the model intact.
    let again = Model::from_bytes(&m.to_bytes()).expect("reloads");
    assert_eq!(again.header(), h);
    assert_eq!(again.feature_counts(), m.feature_counts());
}
