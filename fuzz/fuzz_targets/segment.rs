//! Segmentation: any text segments with every span in bounds and on char boundaries.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let mut a = dyad_core::Analysis::default();
    dyad_segment::Segmenter::new().segment(text, &mut a);
    for t in &a.tokens {
        assert!(text.get(t.span.range()).is_some_and(|w| !w.is_empty()));
    }
    for s in &a.sentences {
        assert!(text.get(s.span.range()).is_some());
    }
});
