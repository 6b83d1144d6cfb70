//! Lemmatiser (suffix-edit rules per tag and suffix, plus an exception list) and a
//! morphological-feature lookup, both learned from the treebank.

use std::collections::HashMap;

use crate::perceptron::{Reader, write_str};

/// Longest suffix a rule is conditioned on, in characters.
const MAX_SUFFIX: usize = 5;

/// An edit: remove `strip` characters from the end, then append `append`.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
struct Rule {
    strip: u32,
    append: String,
}

impl Rule {
    fn learn(form: &str, lemma: &str) -> Rule {
        let f: Vec<char> = form.chars().collect();
        let l: Vec<char> = lemma.chars().collect();
        let common = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
        Rule {
            strip: (f.len() - common) as u32,
            append: l[common..].iter().collect(),
        }
    }

    /// Whether the rule fits a lower-cased form. A rule that writes capitals was learnt from
    /// a lower-cased form whose lemma keeps its capital ("russian" → "Russian": strip all,
    /// append "Russian"); it fits only the whole of a form ("me" → "I") or a form whose
    /// stripped tail is the same word, so "belarusian" is not made "belRussian".
    fn fits_lowercase(&self, form: &str) -> bool {
        if !self.append.chars().any(char::is_uppercase) {
            return true;
        }
        let n = form.chars().count();
        let Some(keep) = n.checked_sub(self.strip as usize) else {
            return false;
        };
        // A whole word rewritten is a word of its own ("me" → "I").
        let tail: String = form.chars().skip(keep).collect();
        keep == 0 || tail.to_lowercase() == self.append.to_lowercase()
    }

    fn apply(&self, form: &str) -> Option<String> {
        let n = form.chars().count();
        let keep = n.checked_sub(self.strip as usize)?;
        let mut s: String = form.chars().take(keep).collect();
        s.push_str(&self.append);
        (!s.is_empty()).then_some(s)
    }
}

/// Learned lemma and feature tables.
#[derive(Default)]
pub(crate) struct Lemmatizer {
    /// (class, suffix) → best rule.
    rules: HashMap<(u16, String), Rule>,
    /// (class, form) → lemma, only where the rules get it wrong.
    exceptions: HashMap<(u16, String), String>,
    /// Most frequent FEATS per class.
    class_feats: Vec<String>,
    /// (class, lowercase form) → FEATS where it differs from the class default.
    word_feats: HashMap<(u16, String), String>,
}

/// Proper nouns keep their case; everything else is lemmatised in lowercase.
fn keeps_case(xpos: &str) -> bool {
    xpos.starts_with("NNP")
}

fn suffix(s: &str, k: usize) -> &str {
    let mut idx = s.len();
    for (n, (i, _)) in s.char_indices().rev().enumerate() {
        if n == k {
            break;
        }
        idx = i;
    }
    if k == 0 { &s[s.len()..] } else { &s[idx..] }
}

impl Lemmatizer {
    /// Learns from (form, class, lemma, feats) tuples.
    pub(crate) fn train(
        classes: &[(String, String)],
        data: &[(String, u16, String, String)],
    ) -> Lemmatizer {
        let norm = |form: &str, class: u16| -> String {
            let xpos = classes.get(class as usize).map_or("", |c| c.1.as_str());
            if keeps_case(xpos) {
                form.to_string()
            } else {
                form.to_lowercase()
            }
        };
        let mut rule_counts: HashMap<(u16, String), HashMap<Rule, u32>> = HashMap::new();
        let mut lemma_counts: HashMap<(u16, String), HashMap<&str, u32>> = HashMap::new();
        let mut feat_counts: Vec<HashMap<&str, u32>> = vec![HashMap::new(); classes.len()];
        let mut word_feat_counts: HashMap<(u16, String), HashMap<&str, u32>> = HashMap::new();
        for (form, class, lemma, feats) in data {
            if lemma == "_" || form.is_empty() {
                continue;
            }
            let f = norm(form, *class);
            let rule = Rule::learn(&f, lemma);
            for k in 0..=MAX_SUFFIX.min(f.chars().count()) {
                *rule_counts
                    .entry((*class, suffix(&f, k).to_string()))
                    .or_default()
                    .entry(rule.clone())
                    .or_default() += 1;
            }
            *lemma_counts
                .entry((*class, form.clone()))
                .or_default()
                .entry(lemma)
                .or_default() += 1;
            if let Some(c) = feat_counts.get_mut(*class as usize) {
                *c.entry(feats).or_default() += 1;
            }
            *word_feat_counts
                .entry((*class, form.to_lowercase()))
                .or_default()
                .entry(feats)
                .or_default() += 1;
        }
        let best = |m: &HashMap<&str, u32>| -> String {
            m.iter()
                .max_by_key(|(k, n)| (**n, std::cmp::Reverse(**k)))
                .map_or("_".to_string(), |(k, _)| k.to_string())
        };
        let mut lem = Lemmatizer {
            class_feats: feat_counts.iter().map(best).collect(),
            ..Default::default()
        };
        for (key, m) in rule_counts {
            let total: u32 = m.values().sum();
            // Rare suffix contexts are left to shorter, better-attested suffixes.
            if (total >= 2 || key.1.is_empty())
                && let Some((r, _)) = m
                    .into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
            {
                lem.rules.insert(key, r);
            }
        }
        for ((class, form), m) in &lemma_counts {
            let lemma = best(m);
            if lem.by_rule(classes, form, *class).as_deref() != Some(lemma.as_str()) {
                lem.exceptions.insert((*class, form.clone()), lemma);
            }
        }
        for ((class, form), m) in &word_feat_counts {
            let f = best(m);
            if lem.class_feats.get(*class as usize) != Some(&f) {
                lem.word_feats.insert((*class, form.clone()), f);
            }
        }
        lem
    }

    fn by_rule(&self, classes: &[(String, String)], form: &str, class: u16) -> Option<String> {
        let xpos = classes.get(class as usize).map_or("", |c| c.1.as_str());
        let f = if keeps_case(xpos) {
            form.to_string()
        } else {
            form.to_lowercase()
        };
        let n = f.chars().count();
        for k in (0..=MAX_SUFFIX.min(n)).rev() {
            if let Some(r) = self.rules.get(&(class, suffix(&f, k).to_string()))
                && (keeps_case(xpos) || r.fits_lowercase(&f))
                && let Some(out) = r.apply(&f)
            {
                return Some(out);
            }
        }
        Some(f)
    }

    /// The lemma of `form` tagged with `class`.
    pub(crate) fn lemma(&self, classes: &[(String, String)], form: &str, class: u16) -> String {
        if let Some(l) = self.exceptions.get(&(class, form.to_string())) {
            return l.clone();
        }
        let lower = form.to_lowercase();
        if lower != form
            && let Some(l) = self.exceptions.get(&(class, lower))
        {
            return l.clone();
        }
        self.by_rule(classes, form, class)
            .unwrap_or_else(|| form.to_string())
    }

    /// The morphological features of `form` tagged with `class` (`_` when none).
    pub(crate) fn feats(&self, form: &str, class: u16) -> &str {
        if let Some(f) = self.word_feats.get(&(class, form.to_lowercase())) {
            return f;
        }
        self.class_feats
            .get(class as usize)
            .map_or("_", |s| s.as_str())
    }

    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        let mut rules: Vec<_> = self.rules.iter().collect();
        rules.sort();
        out.extend_from_slice(&(rules.len() as u32).to_le_bytes());
        for ((c, s), r) in rules {
            out.extend_from_slice(&u32::from(*c).to_le_bytes());
            write_str(out, s);
            out.extend_from_slice(&r.strip.to_le_bytes());
            write_str(out, &r.append);
        }
        for map in [&self.exceptions, &self.word_feats] {
            let mut v: Vec<_> = map.iter().collect();
            v.sort();
            out.extend_from_slice(&(v.len() as u32).to_le_bytes());
            for ((c, f), l) in v {
                out.extend_from_slice(&u32::from(*c).to_le_bytes());
                write_str(out, f);
                write_str(out, l);
            }
        }
        out.extend_from_slice(&(self.class_feats.len() as u32).to_le_bytes());
        for f in &self.class_feats {
            write_str(out, f);
        }
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Option<Lemmatizer> {
        let mut lem = Lemmatizer::default();
        for _ in 0..r.u32()? {
            let c = r.u32()? as u16;
            let s = r.str()?.to_string();
            let strip = r.u32()?;
            let append = r.str()?.to_string();
            lem.rules.insert((c, s), Rule { strip, append });
        }
        for map in [&mut lem.exceptions, &mut lem.word_feats] {
            for _ in 0..r.u32()? {
                let c = r.u32()? as u16;
                let f = r.str()?.to_string();
                let l = r.str()?.to_string();
                map.insert((c, f), l);
            }
        }
        for _ in 0..r.u32()? {
            lem.class_feats.push(r.str()?.to_string());
        }
        Some(lem)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules_generalise() {
        let classes = vec![
            ("NOUN".to_string(), "NNS".to_string()),
            ("VERB".to_string(), "VBD".to_string()),
        ];
        let mut data = Vec::new();
        for w in ["cats", "dogs", "hats", "pots"] {
            data.push((
                w.to_string(),
                0,
                w[..w.len() - 1].to_string(),
                "Number=Plur".to_string(),
            ));
        }
        data.push((
            "went".to_string(),
            1,
            "go".to_string(),
            "Tense=Past".to_string(),
        ));
        let l = Lemmatizer::train(&classes, &data);
        assert_eq!(l.lemma(&classes, "bats", 0), "bat");
        assert_eq!(l.lemma(&classes, "Went", 1), "go");
        assert_eq!(l.feats("rats", 0), "Number=Plur");
        assert_eq!(suffix("héllo", 2), "lo");
        assert_eq!(suffix("hé", 5), "hé");
    }

    #[test]
    fn a_rule_that_restores_a_capital_fits_only_its_own_word() {
        // Adjectives are lemmatised in lower case, but "Russian" keeps its capital: the rule
        // learnt rewrites the whole word, and must not graft it onto another.
        let classes = vec![("ADJ".to_string(), "JJ".to_string())];
        let mut data = Vec::new();
        for _ in 0..3 {
            data.push(("Russian".into(), 0, "Russian".into(), "Degree=Pos".into()));
        }
        let l = Lemmatizer::train(&classes, &data);
        assert_eq!(l.lemma(&classes, "Russian", 0), "Russian");
        assert_eq!(l.lemma(&classes, "russian", 0), "Russian");
        assert_eq!(l.lemma(&classes, "Belarusian", 0), "belarusian");
    }
}
