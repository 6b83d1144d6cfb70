#[test]
#[ignore]
fn show_seed() {
    let raw = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/seed/000_e76430650e841a56.txt"
    ))
    .unwrap();
    let text = raw.trim_start().strip_prefix("date 2026-02-26").unwrap();
    let mut a = dyad_core::Analysis::default();
    dyad_segment::Segmenter::new().segment(text, &mut a);
    for (i, s) in a.sentences.iter().enumerate() {
        let toks: Vec<&str> = a.tokens[s.tokens()]
            .iter()
            .map(|t| &text[t.span.range()])
            .collect();
        println!(
            "{i} p{} {:?} | {}",
            s.paragraph,
            s.duplicate,
            toks.join(" ")
        );
    }
}
