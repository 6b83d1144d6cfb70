//! Hostile input: long sentences, punctuation soup, a huge token, emoji. No panics,
//! well-formed trees, linear time.

use std::time::Instant;

use dyad_syntax::{Model, TokenSyntax};

fn model() -> Option<Model> {
    match Model::load_default() {
        Ok(m) => Some(m),
        Err(e) => {
            eprintln!("skipped: {e}");
            None
        }
    }
}

/// Heads in range, exactly one root, and no cycles.
fn assert_tree(out: &[TokenSyntax<'_>]) {
    let n = out.len();
    assert_eq!(out.iter().filter(|t| t.head == 0).count(), 1.min(n));
    for (i, t) in out.iter().enumerate() {
        assert!(t.head as usize <= n);
        let mut x = i + 1;
        for _ in 0..=n {
            if x == 0 {
                break;
            }
            x = out[x - 1].head as usize;
        }
        assert_eq!(x, 0, "word {} is on a cycle", i + 1);
    }
}

fn long_sentence(len: usize) -> Vec<String> {
    let base = "The mayor said on Thursday that the city , which had asked for help , would meet officials from the White House and discuss funding for housing".split(' ');
    base.cycle().take(len).map(str::to_string).collect()
}

#[test]
fn hostile_inputs_parse() {
    let Some(m) = model() else { return };
    let mut p = m.parser();
    let mut out = Vec::new();
    let cases: Vec<Vec<String>> = vec![
        long_sentence(500),
        ".,;:!?-()\"'[]{}…—"
            .chars()
            .cycle()
            .take(300)
            .map(|c| c.to_string())
            .collect(),
        vec!["x".repeat(100_000)],
        vec!["a".repeat(50_000), "é".repeat(30_000), "!".into()],
        vec![
            "😀".into(),
            "🇺🇸".into(),
            "👍🏽".into(),
            "loves".into(),
            "🍕".into(),
            "!".into(),
        ],
        vec!["".into(), " ".into(), "\t".into()],
        vec!["\u{0}".into(), "\u{feff}".into(), "ﷺ".into()],
    ];
    for words in &cases {
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        p.parse_sentence(&refs, &mut out);
        assert_eq!(out.len(), words.len());
        assert_tree(&out);
    }
    p.parse_sentence(&[], &mut out);
    assert!(out.is_empty());
}

#[test]
fn time_is_linear_in_length() {
    let Some(m) = model() else { return };
    let mut p = m.parser();
    let mut out = Vec::new();
    let mut time = |len: usize| {
        let words = long_sentence(len);
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let t = Instant::now();
        for _ in 0..3 {
            p.parse_sentence(&refs, &mut out);
        }
        t.elapsed().as_secs_f64()
    };
    time(50);
    let short = time(250);
    let long = time(2000);
    // 8x the words: linear is ~8x; quadratic would be ~64x. Generous margin for noisy CI.
    assert!(
        long / short < 24.0,
        "250 words {short:.4}s, 2000 words {long:.4}s"
    );
}
