//! JSON Lines: any line gives a document or a typed error.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let opts = dyad_read::ReadOptions::default();
    let _ = dyad_read::parse_jsonl_line(data, || "fuzz:1".to_string(), &opts);
});
