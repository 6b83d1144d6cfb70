//! Properties every segmentation must have, whatever the input.

use dyad_core::Analysis;
use dyad_segment::Segmenter;
use proptest::prelude::*;

/// Spans in bounds and on char boundaries; sentences in order and disjoint; tokens inside
/// their sentence, in order, disjoint, never empty and never containing whitespace; every
/// non-whitespace character covered by exactly one token.
fn check_invariants(text: &str, a: &Analysis) {
    let mut covered = vec![false; text.len()];
    let mut prev_end = 0;
    for (si, s) in a.sentences.iter().enumerate() {
        assert!(
            s.span.start as usize >= prev_end,
            "sentence {si} overlaps the previous one"
        );
        assert!(s.span.end as usize <= text.len());
        assert!(
            text.is_char_boundary(s.span.start as usize)
                && text.is_char_boundary(s.span.end as usize)
        );
        assert!(s.token_start < s.token_end, "sentence {si} has no tokens");
        prev_end = s.span.end as usize;
        let mut tok_end = s.span.start as usize;
        for t in &a.tokens[s.tokens()] {
            let r = t.span.range();
            assert!(
                !r.is_empty() && r.start >= tok_end && r.end <= s.span.end as usize,
                "token {r:?} out of place"
            );
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
            assert!(
                !text[r.clone()].contains(char::is_whitespace),
                "token {:?} has whitespace",
                &text[r.clone()]
            );
            covered[r.clone()].iter_mut().for_each(|c| *c = true);
            tok_end = r.end;
        }
        if let Some(d) = s.duplicate {
            assert!((d.of as usize) < si && (0.0..=1.0).contains(&d.similarity));
        }
    }
    let last = a.sentences.last().map_or(0, |s| s.token_end as usize);
    assert_eq!(last, a.tokens.len(), "tokens outside any sentence");
    for (i, c) in text.char_indices() {
        assert!(
            c.is_whitespace() || covered[i],
            "char {c:?} at {i} not in any token"
        );
    }
    for p in &a.paragraphs {
        assert!(
            text.is_char_boundary(p.span.start as usize)
                && text.is_char_boundary(p.span.end as usize)
        );
    }
}

fn segment(text: &str) -> Analysis {
    let mut a = Analysis::default();
    Segmenter::new().segment(text, &mut a);
    check_invariants(text, &a);
    a
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_string_segments(text in any::<String>()) {
        segment(&text);
    }

    #[test]
    fn newsy_strings_segment(text in r#"([A-Za-zÀ-ÿ’'“”".,!?;:()$%0-9\- —…🚓\n]{0,12} ?){0,40}"#) {
        segment(&text);
    }
}

/// The same sentence at the start and in the middle of a document: spans move by exactly the
/// length of what was put before it.
#[test]
fn offsets_shift_with_prefix() {
    let sentence = "Gen. Müller’s “talks” in Zürich didn't end at 3 p.m. on Jan. 5 🚓.";
    let prefix = "Éric Dupont met officials in Kraków on Monday. ";
    let a = segment(sentence);
    let shifted = format!("{prefix}{sentence}");
    let b = segment(&shifted);
    assert_eq!(a.sentences.len(), 1);
    assert_eq!(b.sentences.len(), 2);
    let s = &b.sentences[1];
    assert_eq!(s.span, a.sentences[0].span.shift(prefix.len()));
    let ta: Vec<_> = a
        .tokens
        .iter()
        .map(|t| t.span.shift(prefix.len()))
        .collect();
    let tb: Vec<_> = b.tokens[s.tokens()].iter().map(|t| t.span).collect();
    assert_eq!(ta, tb);
}

fn words(text: &str) -> Vec<Vec<&str>> {
    let a = segment(text);
    a.sentences
        .iter()
        .map(|s| {
            a.tokens[s.tokens()]
                .iter()
                .map(|t| &text[t.span.range()])
                .collect()
        })
        .collect()
}

#[test]
fn abbreviations_and_initials_do_not_split() {
    for text in [
        "Mr. Smith and Dr. Jones met Gen. Ortiz and Sen. Park in St. Louis on Jan. 12.",
        "John F. Kennedy and J. K. Rowling visited the U.S. Capitol at 4 p.m. Tuesday.",
        "The economy grew 2.5 percent, or $3.14 billion, in the U.K. and the E.U. last year.",
    ] {
        assert_eq!(words(text).len(), 1, "{text}");
    }
}

#[test]
fn abbreviation_can_end_a_sentence_before_an_opener() {
    let w = words("Talks ended at 5 p.m. The delegates left for the U.S. They return in May.");
    assert_eq!(w.len(), 3);
    assert_eq!(w[0].last(), Some(&"p.m."));
}

#[test]
fn ud_clitics_and_punctuation() {
    let w = words("They don't know; Trump's aides can't say, and he won't—yet.");
    assert_eq!(
        w[0],
        [
            "They", "do", "n't", "know", ";", "Trump", "'s", "aides", "ca", "n't", "say", ",",
            "and", "he", "wo", "n't", "—", "yet", "."
        ]
    );
    let w = words("The mayor’s “very comfortable” remark (at 9:30) cost $4.2m — 5% more.");
    assert_eq!(
        w[0],
        [
            "The",
            "mayor",
            "’s",
            "“",
            "very",
            "comfortable",
            "”",
            "remark",
            "(",
            "at",
            "9:30",
            ")",
            "cost",
            "$",
            "4.2m",
            "—",
            "5",
            "%",
            "more",
            "."
        ]
    );
}

#[test]
fn quotes_close_their_sentence() {
    let w = words("“We will return,” she said. “This is not over.” The crowd left. Was it? Yes!");
    assert_eq!(w.len(), 5);
    assert_eq!(w[1].last(), Some(&"”"));
}

#[test]
fn headlines_and_datelines_are_sentences() {
    let w = words(
        "Peru and Ecuador Sign Border Pact\nLIMA, March 4 (Andean Wire)\nThe two countries signed a pact on Monday.",
    );
    assert_eq!(w.len(), 3);
}

#[test]
fn a_dateline_that_runs_into_the_story_is_a_sentence_of_its_own() {
    for (text, dateline) in [
        (
            "NAIROBI, March 12 (Dyad Wire) - Kenya recalled its ambassador on Thursday.",
            9,
        ),
        ("SANTIAGO (Reuters) -- Chile signed.", 5),
        ("GAZA CITY/JERUSALEM, Oct 5 — Talks resumed.", 8),
        ("Lima, May 4 (Andean Wire) — Peru signed.", 9),
    ] {
        let w = words(text);
        assert_eq!(w.len(), 2, "{text}: {w:?}");
        assert_eq!(w[0].len(), dateline, "{text}: {w:?}");
    }
    // A capitalised word before a dash is otherwise an ordinary appositive.
    for text in [
        "Mendoza — a city of vineyards — voted on Monday.",
        "NATO said - without saying more - that it would act.",
        "Chile and Argentina - old rivals - signed.",
    ] {
        assert_eq!(words(text).len(), 1, "{text}");
    }
}

#[test]
fn hard_wrapped_paragraph_is_joined() {
    let text = "The foreign minister said on Tuesday that the talks with her\nNorwegian counterpart had been productive and that both sides\nWould meet again in Oslo next month to continue the work.";
    assert_eq!(words(text).len(), 1);
}

#[test]
fn repeats_marked_topic_sharing_not() {
    let text = "Police arrested 43 protesters in Bogotá on Monday after a march against diesel prices. \
        The interior minister said the arrests were lawful. \
        “We will not stop,” said one organiser of the march against diesel prices. \
        Police arrested 43 protesters in Bogota on Monday after a march against diesel prices.";
    let a = segment(text);
    let marks: Vec<_> = a
        .sentences
        .iter()
        .map(|s| s.duplicate.map(|d| d.of))
        .collect();
    assert_eq!(marks, [None, None, None, Some(0)]);
}

#[test]
fn short_sentences_are_never_repeats() {
    let a = segment("He said no. He said no. He said no.");
    assert!(a.sentences.iter().all(|s| s.duplicate.is_none()));
}

#[test]
fn long_and_odd_inputs() {
    let long = "word ".repeat(100_000);
    let a = segment(&long);
    assert_eq!(a.tokens.len(), 100_000);
    segment(&"!?.,;:".repeat(10_000));
    segment(&"x".repeat(1_000_000));
    segment("🚓🚓🚓 👩‍👩‍👧 e\u{301}te\u{301}");
    segment("");
    segment("\n\n \t\n");
}
