//! Seed-format and plain text files: any bytes give a document or a typed error.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = dyad_read::ReadOptions { date: None, max_bytes: 1 << 16 };
    if let Ok(doc) = dyad_read::parse_text_file(data, "fuzz", "fuzz-2026-01-01.txt", &opts) {
        assert!(!doc.text.trim().is_empty());
    }
});
