//! Mention replacement for NER training: copies of GUM documents in which every named
//! person, organisation and place is swapped for another name of the same type from the
//! bundled lists (Phoenix person and organisation names, GeoNames places).
//!
//! Why: GUM's 107,000 training words name a few hundred distinct entities, mostly people and
//! places of its own genres (biographies, travel guides); a perceptron trained on them learns
//! those names and little about the contexts around names, and it has seen too few
//! organisations to file an unknown company ("Ryanair") anywhere but under persons. The
//! copies keep every context word and swap only the names, so the contexts are seen with many
//! different names, and the name lists' entries are seen in the contexts of their type.
//!
//! Replacement is consistent within a copy: one entity keeps one new name, and a person's
//! later surname-only mentions take the new name's last word ("Barack Obama … Obama" →
//! "Ana Lima … Lima"), so the document-level features stay meaningful.
use crate::corpus::TaggedSentence;
use std::collections::HashMap;

/// Name lists by type, each name as its words.
pub struct NamePools {
    per: Vec<Vec<String>>,
    org: Vec<Vec<String>>,
    loc: Vec<Vec<String>>,
}

/// Words kept in lower case inside a title-cased name.
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "the" | "and" | "for" | "de" | "del" | "la" | "al" | "el" | "du" | "von" | "van"
    )
}

/// "NORTHROP GRUMMAN" → "Northrop Grumman", "BANK OF CHINA" → "Bank of China"; a single
/// short word stays in capitals ("NATO", "OPEC").
fn title_case(upper: &str) -> Vec<String> {
    let words: Vec<&str> = upper.split(' ').filter(|w| !w.is_empty()).collect();
    if words.len() == 1 && words[0].chars().count() <= 5 {
        return vec![words[0].to_string()];
    }
    words
        .iter()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            if i > 0 && is_connector(&lower) {
                return lower;
            }
            let mut cs = lower.chars();
            match cs.next() {
                Some(c) => c.to_uppercase().chain(cs).collect(),
                None => lower,
            }
        })
        .collect()
}

impl NamePools {
    /// The pools from the lists compiled into the gazetteer.
    pub fn new() -> NamePools {
        let entries: Vec<(&str, &str)> = crate::gazetteer::names_text()
            .lines()
            .filter_map(|line| {
                let mut f = line.split('\t');
                Some((f.next()?, f.next()?))
            })
            // Names with digits or dotted initials are rare in text; they would teach odd
            // shapes.
            .filter(|(_, name)| {
                !name
                    .chars()
                    .any(|c| c.is_ascii_digit() || c == '.' || c == '_')
            })
            .collect();
        // The person list holds some names with their office ("DEFENSE SECRETARY ASH
        // CARTER"): such a word, or a title, marks a name that is not a bare person name.
        let org_words = crate::gazetteer::org_words(entries.iter().copied());
        let bare_person = |name: &str| {
            let words: Vec<&str> = name.split(' ').collect();
            (2..=3).contains(&words.len())
                && words
                    .iter()
                    .all(|w| !crate::corpus::is_title(w) && !org_words.contains(w))
        };
        let mut per = Vec::new();
        let mut org = Vec::new();
        for &(kind, name) in &entries {
            match kind {
                "PER" if bare_person(name) => per.push(title_case(name)),
                "ORG" => org.push(title_case(name)),
                _ => {}
            }
        }
        let loc = crate::gazetteer::place_names()
            .map(|n| n.split(' ').map(str::to_string).collect())
            .collect();
        NamePools { per, org, loc }
    }

    fn pool(&self, ty: &str) -> Option<&[Vec<String>]> {
        match ty {
            "PER" => Some(&self.per),
            "ORG" => Some(&self.org),
            "LOC" => Some(&self.loc),
            _ => None,
        }
    }
}

impl Default for NamePools {
    fn default() -> Self {
        Self::new()
    }
}

/// xorshift64*: the same sequence on every machine.
fn next(rng: &mut u64) -> u64 {
    *rng ^= *rng >> 12;
    *rng ^= *rng << 25;
    *rng ^= *rng >> 27;
    rng.wrapping_mul(0x2545_f491_4f6c_dd1d)
}

/// One copy of a document (its sentences in order) with its PER/ORG/LOC names replaced.
/// MISC mentions and every other word are kept.
/// Each entity is replaced with probability `per_mille`/1000 (and otherwise keeps its name
/// throughout the copy).
pub fn replace_names(
    doc: &[&TaggedSentence],
    pools: &NamePools,
    per_mille: u64,
    invent_per_mille: u64,
    rng: &mut u64,
) -> Vec<TaggedSentence> {
    // (type, original name) → new name; for persons also (PER, original last word).
    let mut map: HashMap<(String, String), Vec<String>> = HashMap::new();
    let mut out = Vec::with_capacity(doc.len());
    for s in doc {
        let mut words = Vec::with_capacity(s.words.len());
        let mut tags = Vec::with_capacity(s.tags.len());
        let mut i = 0;
        while i < s.words.len() {
            let tag = s.tags[i].as_str();
            let ty = tag.strip_prefix("B-").unwrap_or("");
            let Some(pool) = pools.pool(ty).filter(|p| !p.is_empty()) else {
                words.push(s.words[i].clone());
                tags.push(s.tags[i].clone());
                i += 1;
                continue;
            };
            let inside = format!("I-{ty}");
            let mut end = i + 1;
            while end < s.words.len() && s.tags[end] == inside {
                end += 1;
            }
            let original = &s.words[i..end];
            let name = original.join(" ");
            let last = original[original.len() - 1].clone();
            let key = (ty.to_string(), name.clone());
            let new = if let Some(n) = map.get(&key) {
                n.clone()
            } else if ty == "PER"
                && original.len() == 1
                && let Some(full) = map.get(&("PER-last".to_string(), last.clone()))
            {
                // A surname-only mention of a person already renamed.
                vec![full[full.len() - 1].clone()]
            } else if next(rng) % 1000 >= per_mille {
                map.insert(key, original.to_vec());
                if ty == "PER" {
                    map.entry(("PER-last".to_string(), last))
                        .or_insert_with(|| original.to_vec());
                }
                original.to_vec()
            } else {
                let mut pick = pool[(next(rng) % pool.len() as u64) as usize].clone();
                if invent_per_mille > 0 && next(rng) % 1000 < invent_per_mille {
                    let other = &pool[(next(rng) % pool.len() as u64) as usize];
                    invent(ty, &mut pick, other);
                }
                // A one-word person mention is a surname or a given name: one word of it.
                let pick = if ty == "PER" && original.len() == 1 {
                    vec![pick[pick.len() - 1].clone()]
                } else {
                    pick
                };
                if ty == "PER" {
                    map.entry(("PER-last".to_string(), last))
                        .or_insert_with(|| pick.clone());
                }
                map.insert(key, pick.clone());
                pick
            };
            for (k, w) in new.iter().enumerate() {
                words.push(w.clone());
                tags.push(format!("{}-{ty}", if k == 0 { "B" } else { "I" }));
            }
            i = end;
        }
        out.push(TaggedSentence {
            words,
            tags,
            doc: s.doc,
        });
    }
    out
}

/// Makes a list name one that no list holds: the word that carries a name's identity (a
/// person's surname, an organisation's or place's first word) becomes the opening half of
/// itself and the closing half of a word of another name of the type ("Quito", "Lima" →
/// "Quima").
///
/// Why: every name of a renamed copy is a list entry, so it fires the gazetteer, person and
/// organisation list features; a tagger trained on them learns that a name comes with a list
/// flag, and test text is full of names no list holds ("Neiafu", "Temescal", "Steitler").
/// Invented names keep the contexts and the shape of names and lose the flags.
fn invent(ty: &str, name: &mut [String], other: &[String]) {
    let content = |w: &String| !is_connector(w) && w.chars().count() >= 3;
    let at = if ty == "PER" {
        name.iter().rposition(content)
    } else {
        name.iter().position(content)
    };
    let (Some(at), Some(b)) = (at, other.iter().rev().find(|w| content(w))) else {
        return;
    };
    let a: Vec<char> = name[at].chars().collect();
    let b: Vec<char> = b.chars().collect();
    let head = a.len().div_ceil(2);
    let upper = a.iter().all(|c| !c.is_lowercase());
    let tail = b[b.len() / 2..].iter().map(|&c| {
        if upper {
            c.to_uppercase().next().unwrap_or(c)
        } else {
            c.to_lowercase().next().unwrap_or(c)
        }
    });
    name[at] = a[..head].iter().copied().chain(tail).collect();
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(words: &str, tags: &str) -> TaggedSentence {
        TaggedSentence {
            words: words.split(' ').map(str::to_string).collect(),
            tags: tags.split(' ').map(str::to_string).collect(),
            doc: 0,
        }
    }

    #[test]
    fn title_case_keeps_connectors_and_acronyms() {
        assert_eq!(title_case("BANK OF CHINA"), ["Bank", "of", "China"]);
        assert_eq!(title_case("NATO"), ["NATO"]);
        assert_eq!(title_case("RYANAIR"), ["Ryanair"]);
    }

    #[test]
    fn names_are_replaced_consistently_and_contexts_kept() {
        let pools = NamePools {
            per: vec![vec!["Ana".into(), "Lima".into()]],
            org: vec![vec!["Acme".into(), "Group".into()]],
            loc: vec![vec!["Quito".into()]],
        };
        let a = sent(
            "Barack Obama visited Paris for Google .",
            "B-PER I-PER O B-LOC O B-ORG O",
        );
        let b = sent("Obama left Paris .", "B-PER O B-LOC O");
        let mut rng = 7;
        let out = replace_names(&[&a, &b], &pools, 1000, 0, &mut rng);
        assert_eq!(
            out[0].words.join(" "),
            "Ana Lima visited Quito for Acme Group ."
        );
        assert_eq!(out[0].tags.join(" "), "B-PER I-PER O B-LOC O B-ORG I-ORG O");
        assert_eq!(out[1].words.join(" "), "Lima left Quito .");
        assert_eq!(out[1].tags.join(" "), "B-PER O B-LOC O");
    }

    #[test]
    fn an_invented_name_splices_two_list_words() {
        let mut per = vec!["Ana".to_string(), "Lima".to_string()];
        invent("PER", &mut per, &["Rosa".to_string(), "Quispe".to_string()]);
        assert_eq!(per, ["Ana", "Lispe"]);
        let mut org = vec!["NATO".to_string()];
        invent("ORG", &mut org, &["Acme".to_string(), "Group".to_string()]);
        assert_eq!(org, ["NAOUP"]);
        let mut loc = vec!["Bay".to_string(), "of".to_string(), "Bengal".to_string()];
        invent("LOC", &mut loc, &["Quito".to_string()]);
        assert_eq!(loc, ["Baito", "of", "Bengal"]);
    }
}
