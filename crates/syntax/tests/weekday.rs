//! Regression test for the decoding constraint on bare weekdays next to names: the weekday
//! is a time adverbial of the verb, neither the head of the name nor a part of it.

use dyad_syntax::Model;

#[test]
fn bare_weekday_after_a_name_modifies_the_verb() {
    let Ok(model) = Model::load_default() else {
        eprintln!("skipped: no trained model embedded");
        return;
    };
    let mut p = model.parser();
    let mut out = Vec::new();
    // Sentences written for this test, not taken from any corpus.
    for (sentence, verb, day, name) in [
        (
            "The minister met Vladimir Putin Tuesday in Moscow .",
            "met",
            "Tuesday",
            "Putin",
        ),
        (
            "Senator Elizabeth Warren criticized Jerome Powell Friday .",
            "criticized",
            "Friday",
            "Powell",
        ),
    ] {
        let words: Vec<&str> = sentence.split(' ').collect();
        p.parse_sentence(&words, &mut out);
        let at = |w: &str| words.iter().position(|x| *x == w).expect("word") + 1;
        let (v, d, n) = (at(verb), at(day), at(name));
        assert_eq!(out[d - 1].head as usize, v, "{sentence}: {day} → {verb}");
        assert!(
            out[d - 1].deprel.starts_with("obl") || out[d - 1].deprel.starts_with("nmod"),
            "{sentence}: {day} is {}",
            out[d - 1].deprel
        );
        // No word of the name before it hangs from the weekday (what follows it is the
        // model's choice: the constraint yields when it would leave no move).
        assert!(
            out[..d - 1].iter().all(|t| t.head as usize != d),
            "{sentence}: {day} heads a word before it"
        );
        assert_ne!(out[n - 1].head as usize, d, "{sentence}");
    }
}
