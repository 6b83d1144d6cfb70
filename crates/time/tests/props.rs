//! Any input tags without panic; spans are in bounds, on char boundaries, ordered and disjoint.

use proptest::prelude::*;

const WORDS: &[&str] = &[
    "the",
    "last",
    "next",
    "this",
    "past",
    "Thursday",
    "May",
    "March",
    "Nov.",
    "3rd",
    "2009",
    "-",
    "–",
    "’",
    "'",
    "87",
    "s",
    "a",
    "two",
    "and",
    "half",
    "years",
    "days",
    "ago",
    "earlier",
    "later",
    "p.m.",
    "1",
    "12",
    ":",
    "00",
    "UTC",
    "of",
    "quarter",
    "first",
    "fall",
    "spring",
    "every",
    "week",
    "early",
    "mid",
    "now",
    "«",
    "😀",
    "é",
    ",",
    ".",
    "\n\n",
    "9999",
    "31",
    "/",
    "29",
    "February",
    "FY",
    "Q",
    "the 1990s",
    "during",
    "campaign",
    "Christmas",
];

fn check(text: &str) {
    let mut out = Vec::new();
    dyad_time::TimeTagger::new().tag(text, jiff::civil::date(2024, 2, 29), &[], &mut out);
    let mut last = 0;
    for t in &out {
        let (s, e) = (t.span.start as usize, t.span.end as usize);
        assert!(s < e && e <= text.len(), "{text:?}");
        assert!(
            text.is_char_boundary(s) && text.is_char_boundary(e),
            "{text:?}"
        );
        assert!(s >= last, "overlap in {text:?}");
        last = e;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]
    #[test]
    fn word_soup(ws in proptest::collection::vec(0..WORDS.len(), 0..24), glue in proptest::collection::vec(any::<bool>(), 24)) {
        let mut text = String::new();
        for (k, w) in ws.iter().enumerate() {
            if k > 0 && !glue[k % glue.len()] {
                text.push(' ');
            }
            text.push_str(WORDS[*w]);
        }
        check(&text);
    }

    #[test]
    fn any_string(s in "\\PC{0,64}") {
        check(&s);
    }
}
