//! Debug: false-positive PER predictions on MEANTIME evaluation sentences, by word.
use std::sync::Arc;
fn main() {
    let root = dyad_actors::evaluate::shared_data()
        .unwrap()
        .join("meantime-en/intra_cross-doc_annotation");
    let ner =
        dyad_actors::ner::Ner::new(Arc::new(dyad_actors::gazetteer::Gazetteer::new())).unwrap();
    let mut n = std::collections::BTreeMap::new();
    for dir in std::fs::read_dir(root).unwrap().flatten() {
        for f in std::fs::read_dir(dir.path()).unwrap().flatten() {
            let doc = dyad_actors::corpus::read_meantime(
                "x",
                &std::fs::read_to_string(f.path()).unwrap(),
            );
            let sents: Vec<Vec<&str>> = doc
                .sentences
                .iter()
                .map(|s| s.1.iter().map(String::as_str).collect())
                .collect();
            let dctx =
                dyad_actors::ner::DocCtx::build(ner.gazetteer(), sents.iter().map(Vec::as_slice));
            let mut sc = dyad_actors::ner::NerScratch::default();
            let mut out = Vec::new();
            for (si, (num, _)) in doc.sentences.iter().enumerate() {
                if !(*num == 0 || (2..=5).contains(num)) {
                    continue;
                }
                ner.tag(&sents[si], &dctx, &mut sc, &mut out);
                let t: Vec<&str> = out.iter().map(|&i| dyad_actors::ner::LABELS[i]).collect();
                for c in dyad_actors::eval::chunks(&t) {
                    let gold = doc.mentions.iter().find(|m| {
                        m.0 == si && m.2 == c.end && (m.1 == c.start || (m.1 + 1 == c.start))
                    });
                    let g = gold.map(|m| m.3.as_str()).unwrap_or("-");
                    if g != c.ty {
                        *n.entry(format!(
                            "{} pred {} gold {}",
                            sents[si][c.start..c.end].join(" "),
                            c.ty,
                            g
                        ))
                        .or_insert(0) += 1;
                    }
                }
            }
        }
    }
    let mut v: Vec<_> = n.into_iter().collect();
    v.sort_by_key(|x| std::cmp::Reverse(x.1));
    for (k, c) in v.iter().take(40) {
        println!("{c} {k}");
    }
}
