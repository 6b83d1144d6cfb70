//! Greedy left-to-right averaged-perceptron tagger over joint (UPOS, XPOS) classes.

use std::collections::HashMap;

use crate::perceptron::{Reader, Trainer, Weights, argmax, finish, hash_str, mix, write_str};
use crate::rng::SplitMix;

/// Pre-hashed lexical facts about one word, computed once per sentence and shared
/// by the tagger and the parser.
#[derive(Clone, Copy, Default)]
pub(crate) struct Lex {
    pub(crate) form: u64,
    pub(crate) lower: u64,
    pub(crate) suf: [u64; 4],
    pub(crate) pre: [u64; 2],
    pub(crate) shape: u64,
    pub(crate) flags: u64,
    /// No letters or digits at all.
    pub(crate) punct: bool,
}

/// Longest form we look at character by character; beyond it only a length class is kept,
/// so a 100 KB "word" costs no more than a long ordinary one.
const MAX_CHARS: usize = 64;

impl Lex {
    pub(crate) fn new(word: &str) -> Lex {
        let long = word.len() > 4 * MAX_CHARS;
        let w: &str = if long {
            let mut end = 4 * MAX_CHARS;
            while !word.is_char_boundary(end) {
                end -= 1;
            }
            &word[..end]
        } else {
            word
        };
        let lower = w.to_lowercase();
        // Byte offsets of the last four and first two characters: affixes are hashed as
        // slices of `lower`, without allocating.
        let mut ends = [0usize; 4];
        let mut nchars = 0;
        for (k, (i, _)) in lower.char_indices().rev().take(4).enumerate() {
            ends[k] = i;
            nchars = k + 1;
        }
        let mut suf = [0u64; 4];
        for (k, s) in suf.iter_mut().enumerate() {
            let start = if nchars == 0 {
                lower.len()
            } else {
                ends[k.min(nchars - 1)]
            };
            *s = mix(k as u64 + 1, hash_str(&lower[start..]));
        }
        let mut pre = [0u64; 2];
        let mut heads = lower.char_indices().map(|(i, c)| i + c.len_utf8());
        let first_end = heads.next().unwrap_or(0);
        let second_end = heads.next().unwrap_or(first_end);
        pre[0] = mix(11, hash_str(&lower[..first_end]));
        pre[1] = mix(12, hash_str(&lower[..second_end]));
        let mut shape = String::new();
        let mut last = ' ';
        let mut run = 0;
        for c in w.chars().take(MAX_CHARS) {
            let s = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_ascii_digit() {
                'd'
            } else if c.is_alphabetic() {
                'a'
            } else {
                c
            };
            if s == last {
                run += 1;
                if run > 2 {
                    continue;
                }
            } else {
                run = 1;
                last = s;
            }
            shape.push(s);
        }
        let first = w.chars().next().unwrap_or(' ');
        let flags = u64::from(first.is_uppercase())
            | u64::from(w.chars().any(|c| c.is_ascii_digit())) << 1
            | u64::from(w.contains('-')) << 2
            | u64::from(!w.is_empty() && w.chars().all(|c| c.is_uppercase() || !c.is_alphabetic()))
                << 3
            | u64::from(long) << 4;
        Lex {
            punct: !w.is_empty() && !w.chars().any(char::is_alphanumeric),
            form: hash_str(w),
            lower: hash_str(&lower),
            suf,
            pre,
            shape: hash_str(&shape),
            flags,
        }
    }

    /// The boundary token used outside the sentence.
    pub(crate) fn pad(k: u64) -> Lex {
        let h = mix(0xdead_beef, k);
        Lex {
            form: h,
            lower: h,
            suf: [h; 4],
            pre: [h; 2],
            shape: h,
            flags: 1 << 5,
            punct: false,
        }
    }
}

/// A trained tagger.
pub(crate) struct Tagger {
    /// Class names: (UPOS, XPOS).
    pub(crate) classes: Vec<(String, String)>,
    /// Frequent, unambiguous word forms tagged without scoring.
    pub(crate) tagdict: HashMap<String, u16>,
    /// Lowercase-form hash → hash of the set of classes it was seen with (≥ 5 %).
    pub(crate) amb: HashMap<u64, u64>,
    pub(crate) weights: Weights,
}

const START: u64 = 0xffff;

fn tag_features(lex: &[Lex], amb: &[u64], i: usize, p1: u64, p2: u64, out: &mut Vec<u64>) {
    out.clear();
    let at = |j: isize| -> Lex {
        if j < 0 {
            Lex::pad(j.unsigned_abs() as u64)
        } else if j as usize >= lex.len() {
            Lex::pad(100 + j as u64 - lex.len() as u64)
        } else {
            lex[j as usize]
        }
    };
    let i = i as isize;
    let w = at(i);
    let (m1, m2, n1, n2) = (at(i - 1), at(i - 2), at(i + 1), at(i + 2));
    let mut f = |t: u64, a: u64, b: u64| out.push(finish(mix(mix(t, a), b)));
    f(1, 0, 0);
    f(2, w.form, 0);
    f(3, w.lower, 0);
    for k in 0..4 {
        f(4 + k as u64, w.suf[k], 0);
    }
    f(8, w.pre[0], 0);
    f(9, w.pre[1], 0);
    f(10, w.shape, 0);
    f(11, w.flags, u64::from(i == 0));
    f(12, p1, 0);
    f(13, p2, p1);
    f(14, p1, w.lower);
    f(15, m1.lower, 0);
    f(16, m2.lower, 0);
    f(17, n1.lower, 0);
    f(18, n2.lower, 0);
    f(19, m1.suf[2], 0);
    f(20, n1.suf[2], 0);
    f(21, m1.lower, w.lower);
    f(22, w.lower, n1.lower);
    f(23, n1.shape, 0);
    f(24, p1, w.suf[2]);
    f(25, n1.lower, n2.lower);
    f(26, m1.shape, w.shape);
    f(27, w.suf[1], n1.suf[1]);
    // Ambiguity classes: the tags each word was seen with in training. For the right
    // context they stand in for tags not yet predicted.
    let am = |j: isize| -> u64 {
        if j < 0 || j as usize >= amb.len() {
            0xa0 + j.unsigned_abs() as u64
        } else {
            amb[j as usize]
        }
    };
    f(40, am(i), 0);
    f(41, am(i + 1), 0);
    f(42, am(i + 2), 0);
    f(43, am(i - 1), 0);
    f(44, am(i), am(i + 1));
    f(45, p1, am(i));
    f(46, p1, am(i + 1));
    f(47, am(i), w.suf[2]);
    f(48, am(i + 1), am(i + 2));
}

impl Tagger {
    /// The ambiguity class of a lower-cased word hash (1: rare or unknown).
    pub(crate) fn ambiguity(&self, lower: u64) -> u64 {
        self.amb.get(&lower).copied().unwrap_or(1)
    }

    /// Tags one sentence, writing class ids into `tags` and the words' ambiguity classes
    /// into `amb` (the parser reads them too).
    pub(crate) fn tag(
        &self,
        words: &[&str],
        lex: &[Lex],
        amb: &mut Vec<u64>,
        tags: &mut Vec<u16>,
        feats: &mut Vec<u64>,
        scores: &mut Vec<f32>,
    ) {
        tags.clear();
        amb.clear();
        amb.extend(lex.iter().map(|l| self.ambiguity(l.lower)));
        let (mut p1, mut p2) = (START, START);
        for (i, word) in words.iter().enumerate().take(lex.len()) {
            let t = match self.tagdict.get(*word) {
                Some(&t) => t,
                None => {
                    tag_features(lex, amb, i, p1, p2, feats);
                    scores.clear();
                    scores.resize(self.weights.nclass(), 0.0);
                    self.weights.score(feats, scores);
                    argmax(scores, |_| true).unwrap_or(0) as u16
                }
            };
            tags.push(t);
            p2 = p1;
            p1 = u64::from(t);
        }
    }

    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.classes.len() as u32).to_le_bytes());
        for (u, x) in &self.classes {
            write_str(out, u);
            write_str(out, x);
        }
        let mut dict: Vec<(&String, &u16)> = self.tagdict.iter().collect();
        dict.sort();
        out.extend_from_slice(&(dict.len() as u32).to_le_bytes());
        for (w, t) in dict {
            write_str(out, w);
            out.extend_from_slice(&u32::from(*t).to_le_bytes());
        }
        let mut amb: Vec<(&u64, &u64)> = self.amb.iter().collect();
        amb.sort();
        out.extend_from_slice(&(amb.len() as u32).to_le_bytes());
        for (k, v) in amb {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&v.to_le_bytes());
        }
        self.weights.write(out);
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Option<Tagger> {
        let n = r.u32()? as usize;
        let mut classes = Vec::new();
        for _ in 0..n {
            classes.push((r.str()?.to_string(), r.str()?.to_string()));
        }
        let nd = r.u32()? as usize;
        let mut tagdict = HashMap::new();
        for _ in 0..nd {
            let w = r.str()?.to_string();
            let t = r.u32()?;
            if t as usize >= n {
                return None;
            }
            tagdict.insert(w, t as u16);
        }
        let na = r.u32()? as usize;
        let mut amb = HashMap::new();
        for _ in 0..na {
            let k = u64::from_le_bytes(r.bytes(8)?.try_into().ok()?);
            let v = u64::from_le_bytes(r.bytes(8)?.try_into().ok()?);
            amb.insert(k, v);
        }
        let weights = Weights::read(r)?;
        (weights.nclass() == n).then_some(Tagger {
            classes,
            tagdict,
            amb,
            weights,
        })
    }
}

/// Training material for the tagger: words and gold class ids.
pub(crate) struct TagSentence {
    pub(crate) words: Vec<String>,
    pub(crate) lex: Vec<Lex>,
    pub(crate) gold: Vec<u16>,
}

/// Builds the tag dictionary: forms seen ≥ 20 times with one class ≥ 97 % of the time.
pub(crate) fn build_tagdict(data: &[TagSentence]) -> HashMap<String, u16> {
    let mut counts: HashMap<&str, HashMap<u16, u32>> = HashMap::new();
    for s in data {
        for (w, &g) in s.words.iter().zip(&s.gold) {
            *counts.entry(w).or_default().entry(g).or_default() += 1;
        }
    }
    let mut dict = HashMap::new();
    for (w, c) in counts {
        let total: u32 = c.values().sum();
        let (&best, &n) = c
            .iter()
            .max_by_key(|(t, n)| (**n, std::cmp::Reverse(**t)))
            .unwrap_or((&0, &0));
        if total >= 20 && f64::from(n) / f64::from(total) >= 0.97 {
            dict.insert(w.to_string(), best);
        }
    }
    dict
}

/// Ambiguity classes from the training data, keyed by lowercase-form hash.
pub(crate) fn build_amb(data: &[TagSentence]) -> HashMap<u64, u64> {
    let mut counts: HashMap<u64, HashMap<u16, u32>> = HashMap::new();
    for s in data {
        for (l, &g) in s.lex.iter().zip(&s.gold) {
            *counts.entry(l.lower).or_default().entry(g).or_default() += 1;
        }
    }
    counts
        .into_iter()
        // Only well-attested words: rare words would look known in training and unknown
        // at test time, and the model would learn to trust a signal it later lacks.
        .filter(|(_, c)| c.values().sum::<u32>() >= 5)
        .map(|(w, c)| {
            let total: u32 = c.values().sum();
            let mut set: Vec<u16> = c
                .into_iter()
                .filter(|&(_, n)| n * 20 >= total)
                .map(|(t, _)| t)
                .collect();
            set.sort_unstable();
            let h = set.iter().fold(0xa5a5_u64, |h, &t| mix(h, u64::from(t)));
            (w, finish(h))
        })
        .collect()
}

/// Trains a tagger for `epochs` passes; `on_epoch` sees each frozen epoch model and
/// returns a dev score, and the best-scoring epoch is kept (early stopping).
pub(crate) fn train_tagger(
    classes: &[(String, String)],
    data: &[TagSentence],
    epochs: usize,
    seed: u64,
    prune: f32,
    mut on_epoch: impl FnMut(usize, &Tagger) -> f64,
) -> Tagger {
    let tagdict = build_tagdict(data);
    let amb = build_amb(data);
    let mut tr = Trainer::new(classes.len());
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = SplitMix::new(seed);
    let mut feats = Vec::new();
    let mut scores = vec![0.0f32; classes.len()];
    let mut best: Option<(f64, Tagger)> = None;
    for epoch in 0..epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let s = &data[si];
            let am: Vec<u64> = s
                .lex
                .iter()
                .map(|l| amb.get(&l.lower).copied().unwrap_or(1))
                .collect();
            let (mut p1, mut p2) = (START, START);
            for i in 0..s.lex.len() {
                let gold = s.gold[i] as usize;
                let guess = if let Some(&t) = tagdict.get(s.words[i].as_str()) {
                    t as usize
                } else {
                    tag_features(&s.lex, &am, i, p1, p2, &mut feats);
                    scores.iter_mut().for_each(|x| *x = 0.0);
                    tr.score(&feats, &mut scores);
                    let g = argmax(&scores, |_| true).unwrap_or(0);
                    tr.update(&feats, gold, g);
                    tr.tick();
                    g
                };
                p2 = p1;
                p1 = guess as u64;
            }
        }
        let t = Tagger {
            classes: classes.to_vec(),
            tagdict: tagdict.clone(),
            amb: amb.clone(),
            weights: tr.freeze(prune, 1),
        };
        let score = on_epoch(epoch, &t);
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, t));
        }
    }
    match best {
        Some((_, t)) => t,
        None => Tagger {
            classes: classes.to_vec(),
            tagdict,
            amb,
            weights: tr.freeze(prune, 1),
        },
    }
}
