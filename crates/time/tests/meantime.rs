//! MEANTIME, annotated part (sentences 0–5 minus the dateline), TempEval-3 metrics.
//! Bars from issue 4: relaxed F1 ≥ 88, strict F1 ≥ 80, value F1 ≥ 80.

use std::path::PathBuf;

fn root() -> Option<PathBuf> {
    let p = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../../shared/data/meantime-en"
    ));
    p.is_dir().then_some(p)
}

#[test]
fn meantime_beats_the_bars() {
    let Some(root) = root() else {
        eprintln!("skipped: ../shared/data/meantime-en not found");
        return;
    };
    let s = dyad_time::run_meantime_eval(&root).expect("meantime eval");
    println!("{s}");
    assert_eq!(s.docs, 118, "documents with a creation time");
    assert_eq!(s.gold, 362, "gold timexes besides the creation times");
    assert!(s.relaxed.f1 >= 88.0, "relaxed F1 {:.2}", s.relaxed.f1);
    assert!(s.strict.f1 >= 80.0, "strict F1 {:.2}", s.strict.f1);
    assert!(s.value.f1 >= 80.0, "value F1 {:.2}", s.value.f1);
}
