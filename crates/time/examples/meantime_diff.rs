//! Prints MEANTIME gold/system disagreements: `cargo run -p dyad-time --example meantime_diff [ROOT]`.
use dyad_time::meantime::convert_doc;
use dyad_time::timeml::type_name;
use std::path::PathBuf;

fn main() {
    let root = std::env::args()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../../../shared/data/meantime-en/intra_cross-doc_annotation"
            ))
        });
    let tagger = dyad_time::TimeTagger::new();
    let mut files = Vec::new();
    for d in std::fs::read_dir(&root).expect("root") {
        let d = d.expect("entry").path();
        if d.is_dir() {
            for f in std::fs::read_dir(&d).expect("dir") {
                files.push(f.expect("file").path());
            }
        }
    }
    files.sort();
    for f in files {
        let xml = std::fs::read_to_string(&f).expect("read");
        let Some(doc) = convert_doc(&xml, "x").expect("convert") else {
            continue;
        };
        let dct = dyad_time::timeml::parse_dct(&doc.dct).expect("dct");
        let mut out = Vec::new();
        tagger.tag(&doc.text, dct, &[], &mut out);
        let name = doc.name.clone();
        let ctx = |a: usize, b: usize| -> String {
            let mut s = a.saturating_sub(90);
            while !doc.text.is_char_boundary(s) {
                s -= 1;
            }
            let mut e = (b + 60).min(doc.text.len());
            while !doc.text.is_char_boundary(e) {
                e += 1;
            }
            format!(
                "{}[[{}]]{}",
                &doc.text[s..a],
                &doc.text[a..b],
                &doc.text[b..e]
            )
            .replace('\n', " / ")
        };
        for g in &doc.timexes {
            let m = out
                .iter()
                .find(|s| (s.span.start as usize) < g.end && g.start < s.span.end as usize);
            match m {
                None => println!(
                    "MISS {name} {} | {:?} {} {}\n     {}",
                    doc.dct,
                    &doc.text[g.start..g.end],
                    g.kind,
                    g.value,
                    ctx(g.start, g.end)
                ),
                Some(s) => {
                    let st = &doc.text[s.span.range()];
                    if s.value != g.value || st != &doc.text[g.start..g.end] {
                        println!(
                            "DIFF {name} {} | gold {:?} {} {} | sys {:?} {} {}",
                            doc.dct,
                            &doc.text[g.start..g.end],
                            g.kind,
                            g.value,
                            st,
                            type_name(s.kind),
                            s.value
                        );
                        println!("     {}", ctx(g.start, g.end));
                    }
                }
            }
        }
        for s in &out {
            if !doc
                .timexes
                .iter()
                .any(|g| (s.span.start as usize) < g.end && g.start < s.span.end as usize)
            {
                println!(
                    "FP   {name} {} | {:?} {} {}\n     {}",
                    doc.dct,
                    &doc.text[s.span.range()],
                    type_name(s.kind),
                    s.value,
                    ctx(s.span.start as usize, s.span.end as usize)
                );
            }
        }
    }
}
