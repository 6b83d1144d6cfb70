//! Whole-document golden tests: each article under `tests/data` segments to the JSONL in
//! `tests/golden`, one sentence a line. Run with `DYAD_BLESS=1` to rewrite the expectations
//! after a deliberate change, then review the diff.

use dyad_core::Analysis;
use dyad_segment::Segmenter;
use std::path::Path;

fn render(text: &str, a: &Analysis) -> String {
    let mut out = String::new();
    for (i, s) in a.sentences.iter().enumerate() {
        let toks: Vec<&str> = a.tokens[s.tokens()]
            .iter()
            .map(|t| &text[t.span.range()])
            .collect();
        let line = serde_json::json!({
            "i": i,
            "para": s.paragraph,
            "span": s.span,
            "dup": s.duplicate,
            "tokens": toks,
        });
        out.push_str(&line.to_string());
        out.push('\n');
    }
    out
}

fn check(name: &str, text: &str) {
    let mut a = Analysis::default();
    Segmenter::new().segment(text, &mut a);
    let got = render(text, &a);
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(format!("{name}.jsonl"));
    if std::env::var_os("DYAD_BLESS").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let want = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with DYAD_BLESS=1)", path.display()));
    if got != want {
        let mut msg = format!("{name}: segmentation differs from {}\n", path.display());
        for (i, (g, w)) in got.lines().zip(want.lines()).enumerate() {
            if g != w {
                msg.push_str(&format!("line {i}\n  want {w}\n  got  {g}\n"));
            }
        }
        msg.push_str(&format!(
            "({} lines got, {} wanted)",
            got.lines().count(),
            want.lines().count()
        ));
        panic!("{msg}");
    }
}

#[test]
fn golden_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    assert!(!names.is_empty());
    for p in names {
        let text = std::fs::read_to_string(&p).unwrap();
        check(p.file_stem().unwrap().to_str().unwrap(), &text);
    }
}

#[test]
fn golden_seed() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seed/000_e76430650e841a56.txt");
    let Ok(raw) = std::fs::read_to_string(&path) else {
        eprintln!(
            "skipping: {} is absent (../shared not beside the project)",
            path.display()
        );
        return;
    };
    let text = raw
        .trim_start()
        .strip_prefix("date 2026-02-26")
        .unwrap()
        .trim_start();
    check("seed", text);
    // The facts the issue names, checked directly as well as through the golden file.
    let mut a = Analysis::default();
    Segmenter::new().segment(text, &mut a);
    assert_eq!(a.paragraphs.len(), 7);
    assert_eq!(a.sentences.len(), 16);
    let dups: Vec<_> = a
        .sentences
        .iter()
        .enumerate()
        .filter_map(|(i, s)| s.duplicate.map(|d| (i, d.of)))
        .collect();
    assert_eq!(dups, [(11, 1)], "only the near-verbatim repeat is marked");
    let first = a.sentences[11].span;
    assert!(text[first.range()].starts_with("Mamdani said recently Trump"));
}
