//! Hashed-feature averaged perceptron: a trainer with lazy averaging and a frozen,
//! compact scorer that is serialised into the model file.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Mixes one value into a running feature hash (an Fx-style multiply-rotate).
#[inline]
pub(crate) fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(0x517c_c1b7_2722_0a95)
}

/// Final avalanche so the low bits are usable as a table index (splitmix64 finaliser).
#[inline]
pub(crate) fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// Hash of a string (bytes, eight at a time).
pub(crate) fn hash_str(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut h = 0x9e37_79b9_7f4a_7c15 ^ b.len() as u64;
    let mut chunks = b.chunks_exact(8);
    for c in &mut chunks {
        let mut a = [0u8; 8];
        a.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(a));
    }
    let mut a = [0u8; 8];
    let rest = chunks.remainder();
    a[..rest.len()].copy_from_slice(rest);
    mix(h, u64::from_le_bytes(a))
}

/// Keys are already well-mixed hashes, so the map uses them as they are.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdentityHasher(u64);

impl Hasher for IdentityHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = mix(self.0, u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type IdMap<V> = HashMap<u64, V, BuildHasherDefault<IdentityHasher>>;

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    w: f32,
    total: f64,
    stamp: u32,
}

/// Averaged perceptron under training: sparse per-feature rows of (class, weight).
pub(crate) struct Trainer {
    nclass: usize,
    index: IdMap<u32>,
    rows: Vec<Vec<Entry>>,
    /// Number of updates each feature took part in (rarely-updated features are pruned).
    updates: Vec<u32>,
    step: u32,
}

impl Trainer {
    pub(crate) fn new(nclass: usize) -> Self {
        Trainer {
            nclass,
            index: IdMap::default(),
            rows: Vec::new(),
            updates: Vec::new(),
            step: 1,
        }
    }

    /// Adds the current weights of `feats` into `scores` (length `nclass`, zeroed by caller).
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }

    /// Counts one training instance (for averaging).
    pub(crate) fn tick(&mut self) {
        self.step += 1;
    }

    /// Perceptron update: +1 for `truth`, -1 for `guess`.
    pub(crate) fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in feats {
            self.bump(f, truth, 1.0);
            let r = self.bump(f, guess, -1.0);
            self.updates[r] += 1;
        }
    }

    fn bump(&mut self, f: u64, class: usize, delta: f32) -> usize {
        let step = self.step;
        let r = match self.index.get(&f) {
            Some(&r) => r as usize,
            None => {
                self.rows.push(Vec::new());
                self.updates.push(0);
                let r = self.rows.len() - 1;
                self.index.insert(f, r as u32);
                r
            }
        };
        let row = &mut self.rows[r];
        let e = match row.iter().position(|e| e.class as usize == class) {
            Some(i) => &mut row[i],
            None => {
                row.push(Entry {
                    class: class as u16,
                    w: 0.0,
                    total: 0.0,
                    stamp: step,
                });
                row.last_mut().expect("just pushed")
            }
        };
        e.total += f64::from(step - e.stamp) * f64::from(e.w);
        e.stamp = step;
        e.w += delta;
        r
    }

    /// Averages the weights and drops those whose magnitude is below `prune`.
    pub(crate) fn freeze(&self, prune: f32, min_updates: u32) -> Weights {
        let mut keys: Vec<(u64, u32)> = self.index.iter().map(|(&k, &r)| (k, r)).collect();
        // Sorted so that the serialised model is byte-identical across runs.
        keys.sort_unstable();
        let step = f64::from(self.step);
        let mut w = WeightsBuilder::default();
        let mut row_buf = Vec::new();
        for (k, r) in keys {
            row_buf.clear();
            if self.updates[r as usize] < min_updates {
                continue;
            }
            for e in &self.rows[r as usize] {
                let total = e.total + f64::from(self.step - e.stamp) * f64::from(e.w);
                let avg = (total / step) as f32;
                if avg.abs() >= prune {
                    row_buf.push((e.class as u8, avg));
                }
            }
            if !row_buf.is_empty() {
                row_buf.sort_unstable_by_key(|x| x.0);
                w.push(k, &row_buf);
            }
        }
        w.build(self.nclass)
    }
}

#[derive(Default)]
struct WeightsBuilder {
    keys: Vec<u64>,
    lens: Vec<u8>,
    classes: Vec<u8>,
    values: Vec<f32>,
}

impl WeightsBuilder {
    fn push(&mut self, key: u64, row: &[(u8, f32)]) {
        self.keys.push(key);
        self.lens.push(row.len() as u8);
        for &(c, v) in row {
            self.classes.push(c);
            self.values.push(v);
        }
    }

    fn build(self, nclass: usize) -> Weights {
        let n = self.keys.len();
        let cap = (n * 3 / 2 + 1).next_power_of_two().max(16);
        let sparse = nclass > DENSE_CLASSES;
        let mut table = Vec::new();
        let mut rows = Vec::new();
        if sparse {
            // A row of one class lives in its slot (the value's bits in `start`); longer rows
            // are (class, value) pairs side by side, so a feature costs one miss for its slot
            // and one for its row rather than one each for the slot, class ids and values.
            table = table_vec(cap, Slot::EMPTY);
            let long = self.lens.iter().filter(|&&l| l > 1).map(|&l| l as usize);
            rows = advised_vec(long.sum());
            let mut start = 0usize;
            for (i, &k) in self.keys.iter().enumerate() {
                touch_homes(&self.keys, i, &table);
                let len = usize::from(self.lens[i]);
                let (classes, values) = (
                    &self.classes[start..start + len],
                    &self.values[start..start + len],
                );
                let slot = if len == 1 {
                    Slot {
                        key: k,
                        start: values[0].to_bits(),
                        len: 1,
                        class1: u16::from(classes[0]),
                    }
                } else {
                    let at = rows.len() as u32;
                    rows.extend(classes.iter().zip(values).map(|(&c, &w)| RowEntry {
                        w,
                        class: u32::from(c),
                    }));
                    Slot {
                        key: k,
                        start: at,
                        len: len as u16,
                        class1: 0,
                    }
                };
                let pos = probe(&table, k);
                table[pos] = slot;
                start += len;
            }
        }
        // Classifiers of at most three classes (the parser's transitions) keep their weights
        // inline in the slot, quantised to i16: one cache miss per feature instead of three
        // (slot, class ids, values), which is most of the parser's time.
        let (dense, dscale) = if !sparse {
            let max = self.values.iter().fold(0f32, |m, v| m.max(v.abs()));
            let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
            let mut dense = table_vec(cap, Dense::EMPTY);
            let mut start = 0usize;
            for (i, (&k, &len)) in self.keys.iter().zip(&self.lens).enumerate() {
                touch_homes(&self.keys, i, &dense);
                let end = start + usize::from(len);
                let pos = probe(&dense, k);
                let mut w = [0i16; DENSE_CLASSES];
                for (c, v) in self.classes[start..end]
                    .iter()
                    .zip(&self.values[start..end])
                {
                    if let Some(x) = w.get_mut(usize::from(*c)) {
                        *x = (v / scale).round() as i16;
                    }
                }
                dense[pos] = Dense { key: k, w, used: 1 };
                start = end;
            }
            (dense, scale)
        } else {
            (Vec::new(), 1.0)
        };
        Weights {
            nclass,
            keys: self.keys,
            lens: self.lens,
            table,
            rows,
            classes: self.classes,
            values: self.values,
            dense,
            dscale,
        }
    }
}

/// Loading inserts millions of keys at random places of a table far larger than the cache:
/// at every 64th key, read the home slots of the next 64 first so that their misses overlap
/// instead of queueing behind each insertion (model load stays well under half a second).
fn touch_homes<T: TableSlot>(keys: &[u64], i: usize, table: &[T]) {
    if !i.is_multiple_of(64) {
        return;
    }
    let touch = keys[i..(i + 64).min(keys.len())]
        .iter()
        .fold(0u64, |t, &k| t ^ touch(table, k));
    std::hint::black_box(touch);
}

/// A slot of an open-addressing table (linear probing, power-of-two size, never full).
trait TableSlot {
    fn key(&self) -> u64;
    fn used(&self) -> bool;
}

/// Reads `key`'s home slot, so that its cache miss starts now (the value is only to be
/// folded into a `black_box`).
#[inline]
fn touch<T: TableSlot>(table: &[T], key: u64) -> u64 {
    table[(key as usize) & (table.len() - 1)].key()
}

/// The position of `key` in `table`, or of the free slot where it belongs.
#[inline]
fn probe<T: TableSlot>(table: &[T], key: u64) -> usize {
    let mask = table.len() - 1;
    let mut pos = (key as usize) & mask;
    while table[pos].used() && table[pos].key() != key {
        pos = (pos + 1) & mask;
    }
    pos
}

/// The slot holding `key`, if any.
#[inline]
fn lookup<T: TableSlot>(table: &[T], key: u64) -> Option<&T> {
    let s = &table[probe(table, key)];
    s.used().then_some(s)
}

/// Classifiers with at most this many classes use the inline table.
const DENSE_CLASSES: usize = 3;

/// A vector of `n` copies of `fill` for a table read at random, whose memory the kernel is
/// asked to back with 2 MiB pages where it is large: the weight tables are tens of megabytes,
/// far beyond what the TLB maps in 4 KiB pages, so without this nearly every feature lookup
/// pays a page walk on top of its cache miss. The advice is given before the first write
/// (pages are only assigned on first touch) and is only advice: where transparent huge pages
/// are off, or on other systems, the vector is an ordinary one.
fn table_vec<T: Copy>(n: usize, fill: T) -> Vec<T> {
    let mut v = advised_vec(n);
    v.resize(n, fill);
    v
}

/// An empty vector with room for `n`, advised as in [`table_vec`]; fill it by pushing.
fn advised_vec<T>(n: usize) -> Vec<T> {
    let mut v: Vec<T> = Vec::with_capacity(n);
    advise_huge(v.as_mut_ptr().cast(), n * std::mem::size_of::<T>());
    v
}

const HUGE: usize = 2 << 20;

#[cfg(target_os = "linux")]
fn advise_huge(ptr: *mut u8, len: usize) {
    if len < 2 * HUGE {
        return;
    }
    // Only the whole 2 MiB pages inside the allocation.
    let start = (ptr as usize).next_multiple_of(HUGE);
    let end = (ptr as usize + len) / HUGE * HUGE;
    if end > start {
        // SAFETY: [start, end) lies inside the allocation just made for `len` bytes and owned
        // by the caller; MADV_HUGEPAGE changes no contents and no mapping, only how the
        // kernel backs the range on its next faults. An error (THP unsupported) is harmless.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge(_: *mut u8, _: usize) {}

/// A slot of the inline table: the feature key and its weights for every class.
#[derive(Clone, Copy)]
struct Dense {
    key: u64,
    w: [i16; DENSE_CLASSES],
    used: u16,
}

impl TableSlot for Dense {
    fn key(&self) -> u64 {
        self.key
    }
    fn used(&self) -> bool {
        self.used != 0
    }
}

impl TableSlot for Slot {
    fn key(&self) -> u64 {
        self.key
    }
    fn used(&self) -> bool {
        self.len != 0
    }
}

impl Dense {
    const EMPTY: Dense = Dense {
        key: 0,
        w: [0; DENSE_CLASSES],
        used: 0,
    };
}

/// A slot of the sparse table: a row of one class is inline (`start` holds the value's
/// bits, `class1` its class); a longer one is `rows[start..start + len]`.
#[derive(Clone, Copy)]
struct Slot {
    key: u64,
    start: u32,
    len: u16,
    class1: u16,
}

impl Slot {
    const EMPTY: Slot = Slot {
        key: 0,
        start: 0,
        len: 0,
        class1: 0,
    };
}

/// One (class, weight) pair of a sparse row.
#[derive(Clone, Copy)]
struct RowEntry {
    w: f32,
    class: u32,
}

/// Frozen averaged weights: an open-addressing table of feature keys into sparse rows.
pub(crate) struct Weights {
    nclass: usize,
    keys: Vec<u64>,
    lens: Vec<u8>,
    table: Vec<Slot>,
    /// Rows of two or more classes, for `table`.
    rows: Vec<RowEntry>,
    /// Every row's classes and values in key order (what `write` and `sum` read).
    classes: Vec<u8>,
    values: Vec<f32>,
    /// Inline table for classifiers of at most [`DENSE_CLASSES`] classes (then `table` is
    /// empty); weights are `w * dscale`.
    dense: Vec<Dense>,
    dscale: f32,
}

impl Weights {
    /// Number of classes scored.
    pub(crate) fn nclass(&self) -> usize {
        self.nclass
    }

    /// Number of stored features.
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    /// Adds the weights of `feats` into `scores`.
    ///
    /// The table is far larger than the cache, so every feature costs a memory miss. The
    /// lookups are done in passes (touch the slots, then the rows, then add) so that the
    /// misses of one sentence position overlap instead of queueing one after another.
    #[inline]
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32]) {
        if !self.dense.is_empty() {
            return self.score_dense(feats, scores);
        }
        for chunk in feats.chunks(128) {
            self.score_chunk(chunk, scores);
        }
    }

    /// [`Weights::score`] over the inline table: touch every feature's home slot first so
    /// the misses overlap, then probe (now in cache) and sum in integers.
    #[inline]
    fn score_dense(&self, feats: &[u64], scores: &mut [f32]) {
        let touched = feats.iter().fold(0, |t, &f| t ^ touch(&self.dense, f));
        std::hint::black_box(touched);
        let mut acc = [0i32; DENSE_CLASSES];
        for s in feats.iter().filter_map(|&f| lookup(&self.dense, f)) {
            for (a, &w) in acc.iter_mut().zip(&s.w) {
                *a += i32::from(w);
            }
        }
        for (x, a) in scores.iter_mut().zip(acc) {
            *x += a as f32 * self.dscale;
        }
    }

    fn score_chunk(&self, feats: &[u64], scores: &mut [f32]) {
        let mut touched = feats.iter().fold(0, |t, &f| t ^ touch(&self.table, f));
        let mut found = [Slot::EMPTY; 128];
        let mut nf = 0;
        for s in feats.iter().filter_map(|&f| lookup(&self.table, f)) {
            let Some(slot) = found.get_mut(nf) else { break };
            *slot = *s;
            nf += 1;
            if s.len > 1 {
                touched ^= u64::from(self.rows[s.start as usize].class);
            }
        }
        std::hint::black_box(touched);
        for s in &found[..nf] {
            if s.len == 1 {
                if let Some(x) = scores.get_mut(usize::from(s.class1)) {
                    *x += f32::from_bits(s.start);
                }
                continue;
            }
            let a = s.start as usize;
            for e in &self.rows[a..a + usize::from(s.len)] {
                if let Some(x) = scores.get_mut(e.class as usize) {
                    *x += e.w;
                }
            }
        }
    }

    /// Sums several weight sets (same classes) feature by feature.
    pub(crate) fn sum(parts: &[Weights]) -> Weights {
        let mut rows: std::collections::BTreeMap<u64, Vec<(u8, f32)>> =
            std::collections::BTreeMap::new();
        for w in parts {
            let mut start = 0usize;
            for (k, &len) in w.keys.iter().zip(&w.lens) {
                let end = start + len as usize;
                let row = rows.entry(*k).or_default();
                for (c, v) in w.classes[start..end].iter().zip(&w.values[start..end]) {
                    match row.iter_mut().find(|e| e.0 == *c) {
                        Some(e) => e.1 += v,
                        None => row.push((*c, *v)),
                    }
                }
                start = end;
            }
        }
        let mut b = WeightsBuilder::default();
        for (k, mut row) in rows {
            row.sort_unstable_by_key(|x| x.0);
            b.push(k, &row);
        }
        b.build(parts.first().map_or(0, |w| w.nclass))
    }

    /// Serialises: nclass u32, nkeys u32, nvalues u32, scale f32, keys, lens, classes,
    /// values quantised to i16 (little-endian). 16 bits keep argmax decisions intact in
    /// practice and halve the size of the largest section.
    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.nclass as u32).to_le_bytes());
        out.extend_from_slice(&(self.keys.len() as u32).to_le_bytes());
        out.extend_from_slice(&(self.values.len() as u32).to_le_bytes());
        let max = self.values.iter().fold(0f32, |m, v| m.max(v.abs()));
        let scale = if max > 0.0 { max / 32767.0 } else { 1.0 };
        out.extend_from_slice(&scale.to_le_bytes());
        for k in &self.keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        out.extend_from_slice(&self.lens);
        out.extend_from_slice(&self.classes);
        for v in &self.values {
            out.extend_from_slice(&((v / scale).round() as i16).to_le_bytes());
        }
    }

    /// Reads what [`Weights::write`] wrote; `None` on truncated or inconsistent data.
    pub(crate) fn read(r: &mut Reader<'_>) -> Option<Weights> {
        let nclass = r.u32()? as usize;
        let nkeys = r.u32()? as usize;
        let nvals = r.u32()? as usize;
        let scale = f32::from_le_bytes(r.bytes(4)?.try_into().ok()?);
        let keys_b = r.bytes(nkeys.checked_mul(8)?)?;
        let lens = r.bytes(nkeys)?.to_vec();
        let classes = r.bytes(nvals)?.to_vec();
        let vals_b = r.bytes(nvals.checked_mul(2)?)?;
        if lens.iter().map(|&l| l as usize).sum::<usize>() != nvals
            || classes.iter().any(|&c| c as usize >= nclass)
        {
            return None;
        }
        let mut b = WeightsBuilder {
            keys: keys_b
                .chunks_exact(8)
                .map(|c| u64::from_le_bytes(c.try_into().unwrap_or([0; 8])))
                .collect(),
            lens,
            classes,
            values: vals_b
                .chunks_exact(2)
                .map(|c| f32::from(i16::from_le_bytes(c.try_into().unwrap_or([0; 2]))) * scale)
                .collect(),
        };
        // Rows are stored in key order; the table needs them unique.
        b.keys.dedup();
        if b.keys.len() != nkeys {
            return None;
        }
        Some(b.build(nclass))
    }
}

/// A little-endian cursor over model bytes.
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(buf: &'a [u8]) -> Self {
        Reader { buf, pos: 0 }
    }
    pub(crate) fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.pos.checked_add(n)?;
        let s = self.buf.get(self.pos..end)?;
        self.pos = end;
        Some(s)
    }
    pub(crate) fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.bytes(4)?.try_into().ok()?))
    }
    pub(crate) fn str(&mut self) -> Option<&'a str> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.bytes(n)?).ok()
    }
}

/// Writes a length-prefixed string.
pub(crate) fn write_str(out: &mut Vec<u8>, s: &str) {
    out.extend_from_slice(&(s.len() as u32).to_le_bytes());
    out.extend_from_slice(s.as_bytes());
}

/// Index of the highest score among the classes allowed by `ok`.
#[inline]
pub(crate) fn argmax(scores: &[f32], ok: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, f32)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if ok(i) && best.is_none_or(|(_, b)| s > b) {
            best = Some((i, s));
        }
    }
    best.map(|b| b.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_and_roundtrips() {
        let mut t = Trainer::new(3);
        let data = [(vec![1u64, 2], 0usize), (vec![3, 4], 1), (vec![5, 2], 2)];
        for _ in 0..5 {
            for (f, y) in &data {
                let mut s = [0.0; 3];
                t.score(f, &mut s);
                let g = argmax(&s, |_| true).unwrap();
                t.update(f, *y, g);
                t.tick();
            }
        }
        let w = t.freeze(0.0, 0);
        let mut buf = Vec::new();
        w.write(&mut buf);
        let w2 = Weights::read(&mut Reader::new(&buf)).unwrap();
        for (f, y) in &data {
            let mut s = [0.0; 3];
            w2.score(f, &mut s);
            assert_eq!(w2.len(), w.len());
            assert_eq!(argmax(&s, |_| true), Some(*y));
        }
    }
}
