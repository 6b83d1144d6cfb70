//! Marking sentences that repeat an earlier sentence of the same document.
//!
//! Scraped news repeats itself: a paragraph pasted twice, or a sentence re-used with a name
//! shortened ("Zohran Mamdani said recently President Trump …" / "Mamdani said recently Trump
//! …"). Similarity is the Dice coefficient over the sets of lower-cased word bigrams: a
//! shortened name costs a couple of bigrams, while two sentences that merely share a quote or
//! a topic share few bigrams relative to their length. An inverted index from bigram to
//! sentence keeps the search near-linear in document length.

use dyad_core::{Analysis, Duplicate};
use std::hash::Hasher;

/// Default threshold: at or above this Dice similarity a sentence is a repeat.
pub const DEFAULT_THRESHOLD: f32 = 0.8;

/// Sentences with fewer distinct bigrams than this are never marked: "He said." repeats
/// harmlessly.
const MIN_BIGRAMS: usize = 5;

/// A bigram shared by more sentences than this is too common to point at a repeat.
const MAX_POSTINGS: usize = 32;

/// Marks each sentence of `a` whose similarity to an earlier, unmarked sentence reaches
/// `threshold`, pointing at the earliest such sentence.
pub fn mark_duplicates(text: &str, a: &mut Analysis, threshold: f32) {
    SCRATCH.with(|s| mark_with(text, a, threshold, &mut s.borrow_mut()));
}

/// Buffers kept per thread so a worker does not reallocate them for every document.
#[derive(Default)]
struct Scratch {
    /// Open-addressing table bigram → (head, length) of its postings list. Postings live in
    /// one arena as linked lists: most bigrams occur once, and per-bigram allocations or a
    /// general hash map made the index the cost of the whole pass.
    index: Table,
    postings: Vec<(u32, u32)>,
    sizes: Vec<u32>,
    grams: Vec<u64>,
    /// Candidate sentence and number of bigrams shared; few per sentence, so a list.
    shared: Vec<(u32, u32)>,
}

thread_local! {
    static SCRATCH: std::cell::RefCell<Scratch> = std::cell::RefCell::default();
}

fn mark_with(text: &str, a: &mut Analysis, threshold: f32, s: &mut Scratch) {
    s.index.reset(a.tokens.len());
    s.postings.clear();
    s.sizes.clear();
    for si in 0..a.sentences.len() {
        s.grams.clear();
        let mut prev: Option<u64> = None;
        for t in &a.tokens[a.sentences[si].tokens()] {
            let Some(h) = word_hash(&text[t.span.range()]) else {
                continue;
            };
            if let Some(p) = prev {
                s.grams.push(p.rotate_left(17) ^ h);
            }
            prev = Some(h);
        }
        s.grams.sort_unstable();
        s.grams.dedup();
        let n = s.grams.len() as u32;
        s.sizes.push(n);
        if s.grams.len() < MIN_BIGRAMS {
            continue;
        }
        s.shared.clear();
        for g in &s.grams {
            let Some((mut at, _)) = s.index.get(*g) else {
                continue;
            };
            while at != NONE {
                let (other, next) = s.postings[at as usize];
                match s.shared.iter_mut().find(|(o, _)| *o == other) {
                    Some((_, c)) => *c += 1,
                    None => s.shared.push((other, 1)),
                }
                at = next;
            }
        }
        let best = s
            .shared
            .iter()
            .map(|&(other, c)| (other, 2.0 * c as f32 / (n + s.sizes[other as usize]) as f32))
            .filter(|&(_, sim)| sim >= threshold)
            // Highest similarity, then the earliest sentence.
            .max_by(|x, y| x.1.total_cmp(&y.1).then(y.0.cmp(&x.0)));
        match best {
            Some((of, similarity)) => {
                let similarity = (similarity as f64 * 1000.0).round() / 1000.0;
                a.sentences[si].duplicate = Some(Duplicate { of, similarity });
            }
            None => {
                for &g in &s.grams {
                    let (head, len) = s.index.entry(g);
                    if (*len as usize) < MAX_POSTINGS {
                        s.postings.push((si as u32, *head));
                        *head = (s.postings.len() - 1) as u32;
                        *len += 1;
                    }
                }
            }
        }
    }
}

const NONE: u32 = u32::MAX;

/// A linear-probing hash table from u64 keys to (head, length), reused across documents.
/// A slot belongs to the current document only when its generation matches, so starting a
/// new document costs nothing unless the table must grow.
#[derive(Default)]
struct Table {
    slots: Vec<Slot>,
    mask: usize,
    generation: u32,
}

#[derive(Clone, Copy, Default)]
struct Slot {
    key: u64,
    head: u32,
    len: u16,
    generation: u16,
}

impl Table {
    /// Empties the table, with room for `n` keys at a load of at most one half.
    fn reset(&mut self, n: usize) {
        let cap = (2 * n + 2).next_power_of_two().max(64);
        self.generation = (self.generation + 1) & 0xffff;
        if cap > self.slots.len() || self.generation == 0 {
            self.slots.clear();
            self.slots
                .resize(cap.max(self.slots.len()), Slot::default());
            self.generation = 1;
        }
        self.mask = self.slots.len() - 1;
    }

    fn slot(&self, key: u64) -> usize {
        let g = self.generation as u16;
        let mut i = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 32) as usize & self.mask;
        loop {
            let s = &self.slots[i];
            if s.generation != g || s.key == key {
                return i;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn get(&self, key: u64) -> Option<(u32, u32)> {
        let s = self.slots[self.slot(key)];
        (s.generation == self.generation as u16).then_some((s.head, s.len as u32))
    }

    fn entry(&mut self, key: u64) -> (&mut u32, &mut u16) {
        let i = self.slot(key);
        let g = self.generation as u16;
        let s = &mut self.slots[i];
        if s.generation != g {
            *s = Slot {
                key,
                head: NONE,
                len: 0,
                generation: g,
            };
        }
        (&mut s.head, &mut s.len)
    }
}

/// Hash of a word lower-cased, or None for punctuation-only tokens.
fn word_hash(word: &str) -> Option<u64> {
    let mut h = FxHasher::default();
    if word.is_ascii() {
        let mut any = false;
        for &b in word.as_bytes() {
            if b.is_ascii_alphanumeric() {
                any = true;
                h.write_u64(b.to_ascii_lowercase() as u64);
            }
        }
        return any.then(|| h.finish());
    }
    let mut any = false;
    for c in word.chars() {
        if c.is_alphanumeric() {
            any = true;
            for l in c.to_lowercase() {
                h.write_u64(l as u64);
            }
        }
    }
    any.then(|| h.finish())
}

/// The multiply-rotate hash rustc uses: much faster than SipHash for small integer keys, and
/// nothing here is attacker-chosen in a way that matters (postings are capped).
#[derive(Default)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(b as u64);
        }
    }
    fn write_u32(&mut self, n: u32) {
        self.write_u64(n as u64);
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}
