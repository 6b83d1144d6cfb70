//! Tags text from stdin: `echo "…" | cargo run -p dyad-time --example tag -- 2026-02-26`.
use std::io::Read;

fn main() {
    let dct = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "2026-02-26".to_string());
    let dct = dyad_time::timeml::parse_dct(&dct).expect("DCT as YYYY-MM-DD");
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("stdin");
    let mut out = Vec::new();
    dyad_time::TimeTagger::new().tag(&text, dct, &[], &mut out);
    for t in out {
        println!(
            "{:?}\t{}\t{}\t{:?}",
            &text[t.span.range()],
            dyad_time::timeml::type_name(t.kind),
            t.value,
            t.modifier
        );
    }
}
