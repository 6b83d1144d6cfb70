//! Arc-hybrid transition parser: an averaged perceptron chooses SHIFT / LEFT / RIGHT,
//! a second one labels each arc as it is made. Trained with Goldberg & Nivre's dynamic
//! oracle and exploration. See DESIGN-section.md.

use crate::perceptron::{Reader, Trainer, Weights, argmax, finish, mix, write_str};
use crate::rng::SplitMix;
use crate::tagger::Lex;

pub(crate) const SHIFT: usize = 0;
pub(crate) const LEFT: usize = 1;
pub(crate) const RIGHT: usize = 2;
const NONE: u32 = u32::MAX;

/// Parser configuration, reused across sentences (buffers are cleared, not reallocated).
#[derive(Default)]
pub(crate) struct State {
    /// Number of words; the root is node `n`, at the end of the buffer.
    n: usize,
    pub(crate) stack: Vec<u32>,
    /// Front of the buffer (0..=n).
    pub(crate) b: usize,
    pub(crate) heads: Vec<u32>,
    pub(crate) labels: Vec<u8>,
    lc: Vec<[u32; 2]>,
    rc: Vec<[u32; 2]>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
    /// Verbs before position i (prefix counts, n + 2 entries): clause structure ahead and
    /// between the candidates, in O(1) per feature.
    vcnt: Vec<u16>,
    /// First verb at or after position i (n = none).
    nextv: Vec<u32>,
}

impl State {
    pub(crate) fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b = 0;
        self.heads.clear();
        self.heads.resize(n + 1, NONE);
        self.labels.clear();
        self.labels.resize(n + 1, u8::MAX);
        for v in [&mut self.lc, &mut self.rc] {
            v.clear();
            v.resize(n + 1, [NONE; 2]);
        }
        for v in [&mut self.nl, &mut self.nr] {
            v.clear();
            v.resize(n + 1, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 1, 0);
        }
    }

    /// Indexes the sentence's verbs; call after `reset`.
    pub(crate) fn scan(&mut self, nd: &Nodes<'_>) {
        let n = self.n;
        let verbal = |k: usize| {
            nd.coarse
                .get(nd.tags[k] as usize)
                .is_some_and(|&c| c & VERBAL != 0)
        };
        self.vcnt.clear();
        self.vcnt.push(0);
        for k in 0..n {
            let c = self.vcnt[k];
            self.vcnt.push(c.saturating_add(u16::from(verbal(k))));
        }
        self.vcnt.push(self.vcnt[n]);
        self.nextv.clear();
        self.nextv.resize(n + 1, n as u32);
        for k in (0..n).rev() {
            self.nextv[k] = if verbal(k) {
                k as u32
            } else {
                self.nextv[k + 1]
            };
        }
    }

    /// Verbs strictly between positions a and b (capped at 3).
    fn verbs_between(&self, a: u32, b: u32) -> u64 {
        if a == NONE || b == NONE {
            return 99;
        }
        let (lo, hi) = (
            (a.min(b) as usize + 1).min(self.n),
            (a.max(b) as usize).min(self.n),
        );
        u64::from(self.vcnt[hi].saturating_sub(self.vcnt[lo]).min(3))
    }

    pub(crate) fn terminal(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }

    pub(crate) fn valid(&self, a: usize) -> bool {
        match a {
            SHIFT => self.b < self.n,
            // Only the last word left may attach to the root: one root per sentence.
            LEFT => !self.stack.is_empty() && (self.b < self.n || self.stack.len() == 1),
            RIGHT => self.stack.len() >= 2,
            _ => false,
        }
    }

    fn s(&self, k: usize) -> u32 {
        if self.stack.len() > k {
            self.stack[self.stack.len() - 1 - k]
        } else {
            NONE
        }
    }

    /// The (head, dependent) an arc action would create.
    pub(crate) fn arc(&self, a: usize) -> Option<(u32, u32)> {
        match a {
            LEFT => Some((self.b as u32, self.s(0))),
            RIGHT => Some((self.s(1), self.s(0))),
            _ => None,
        }
    }

    pub(crate) fn apply(&mut self, a: usize, label: u8) {
        match a {
            SHIFT => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            _ => {
                let Some((h, d)) = self.arc(a) else { return };
                self.stack.pop();
                let (h, d) = (h as usize, d as usize);
                self.heads[d] = h as u32;
                self.labels[d] = label;
                let bit = 1u64 << (label % 64);
                if d < h {
                    // LEFT arcs arrive right to left: each new one is the leftmost.
                    self.lc[h] = [d as u32, self.lc[h][0]];
                    self.nl[h] = self.nl[h].saturating_add(1);
                    self.lset[h] |= bit;
                } else {
                    // RIGHT arcs arrive left to right: each new one is the rightmost.
                    self.rc[h] = [d as u32, self.rc[h][0]];
                    self.nr[h] = self.nr[h].saturating_add(1);
                    self.rset[h] |= bit;
                }
            }
        }
    }

    /// Dynamic-oracle costs (gold arcs made unreachable) of each action; `i32::MAX` if invalid.
    pub(crate) fn costs(&self, gold: &[u32]) -> [i32; 3] {
        let n = self.n;
        let mut c = [i32::MAX; 3];
        let s0 = self.s(0);
        let in_buffer = |x: u32| x != NONE && (x as usize) >= self.b && (x as usize) <= n;
        let deps_in_buffer =
            |h: u32| -> i32 { (self.b..n).filter(|&k| gold[k] == h).count() as i32 };
        if self.valid(SHIFT) {
            let b = self.b as u32;
            let gb = gold[self.b];
            let mut cost = 0;
            for (i, &k) in self.stack.iter().enumerate() {
                let is_top = i + 1 == self.stack.len();
                if gb == k && !is_top {
                    cost += 1;
                }
                if gold[k as usize] == b {
                    cost += 1;
                }
            }
            c[SHIFT] = cost;
        }
        if self.valid(LEFT) {
            let g = gold[s0 as usize];
            let lost_head = (g == self.s(1) && g != NONE)
                || (g != NONE && (g as usize) > self.b && (g as usize) <= n);
            c[LEFT] = i32::from(lost_head) + deps_in_buffer(s0);
        }
        if self.valid(RIGHT) {
            let g = gold[s0 as usize];
            c[RIGHT] = i32::from(in_buffer(g)) + deps_in_buffer(s0);
        }
        c
    }
}

/// Word and tag hashes per node; index `n` is the root, beyond it padding.
pub(crate) struct Nodes<'a> {
    pub(crate) lex: &'a [Lex],
    pub(crate) tags: &'a [u16],
    /// Tag class → UPOS id, for coarse templates that generalise across XPOS splits.
    pub(crate) coarse: &'a [u16],
    /// The tagger's ambiguity class of each word (the set of tags it was seen with; 1 for
    /// rare or unknown words): lets the parser doubt a tag ("that" DET or SCONJ).
    pub(crate) amb: &'a [u64],
}

/// Tag class → index of its UPOS in the sorted UPOS inventory (deterministic).
pub(crate) fn coarse_of(classes: &[(String, String)]) -> Vec<u16> {
    let mut upos: Vec<&str> = classes.iter().map(|c| c.0.as_str()).collect();
    upos.sort_unstable();
    upos.dedup();
    classes
        .iter()
        .map(|c| {
            let id = upos.binary_search(&c.0.as_str()).map_or(0, |i| i as u16);
            // Verbs and auxiliaries head clauses: the parser counts them along the sentence.
            let verbal = if c.0 == "VERB" || c.0 == "AUX" {
                VERBAL
            } else {
                0
            };
            let name = if c.1.starts_with("NNP") { NAME } else { 0 };
            id | verbal | name
        })
        .collect()
}

/// Bit set in a coarse tag id for verbs and auxiliaries.
pub(crate) const VERBAL: u16 = 0x100;
/// Bit set in a coarse tag id for proper-noun words (XPOS NNP, NNPS). Not part of any
/// feature: it only serves the weekday constraint of [`Parser::parse`].
pub(crate) const NAME: u16 = 0x200;

/// Lower-cased weekday names, hashed as the tagger hashes words (computed once).
fn weekdays() -> &'static [u64; 7] {
    static DAYS: std::sync::OnceLock<[u64; 7]> = std::sync::OnceLock::new();
    DAYS.get_or_init(|| dyad_core::WEEKDAYS.map(|d| Lex::new(d).lower))
}

const ROOT_W: u64 = 0x1001;
const NONE_W: u64 = 0x1002;
const ROOT_T: u64 = 0x2001;
const NONE_T: u64 = 0x2002;
const NO_LABEL: u64 = 0x3001;

impl Nodes<'_> {
    #[inline]
    fn w(&self, i: u32) -> u64 {
        let n = self.lex.len();
        match i as usize {
            _ if i == NONE => NONE_W,
            k if k < n => self.lex[k].lower,
            k if k == n => ROOT_W,
            _ => NONE_W,
        }
    }
    #[inline]
    fn u(&self, i: u32) -> u64 {
        let n = self.lex.len();
        match i as usize {
            _ if i == NONE => NONE_T,
            k if k < n => self
                .coarse
                .get(self.tags[k] as usize)
                .map_or(NONE_T, |&c| 0x4000 | u64::from(c & !NAME)),
            k if k == n => ROOT_T,
            _ => NONE_T,
        }
    }
    #[inline]
    fn t(&self, i: u32) -> u64 {
        let n = self.lex.len();
        match i as usize {
            _ if i == NONE => NONE_T,
            k if k < n => u64::from(self.tags[k]),
            k if k == n => ROOT_T,
            _ => NONE_T,
        }
    }
}

fn dist_bucket(d: usize) -> u64 {
    match d {
        0..=5 => d as u64,
        6..=7 => 6,
        8..=10 => 7,
        _ => 8,
    }
}

/// Transition features (Zhang & Nivre 2011 style, adapted to arc-hybrid).
pub(crate) fn action_features(st: &State, nd: &Nodes<'_>, out: &mut Vec<u64>) {
    out.clear();
    let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
    let n = st.n;
    let b0 = st.b as u32;
    let b1 = if st.b < n { st.b as u32 + 1 } else { NONE };
    let b2 = if st.b + 1 < n { st.b as u32 + 2 } else { NONE };
    let ch = |x: u32, left: bool, k: usize| -> u32 {
        if x == NONE {
            NONE
        } else if left {
            st.lc[x as usize][k]
        } else {
            st.rc[x as usize][k]
        }
    };
    let lab = |x: u32| -> u64 {
        if x == NONE {
            NO_LABEL
        } else {
            u64::from(st.labels[x as usize])
        }
    };
    let (s0l, s0l2, s0r, s0r2) = (
        ch(s0, true, 0),
        ch(s0, true, 1),
        ch(s0, false, 0),
        ch(s0, false, 1),
    );
    let (b0l, b0l2) = (ch(b0, true, 0), ch(b0, true, 1));
    let (s1l, s1r) = (ch(s1, true, 0), ch(s1, false, 0));
    let (w, t) = (|i| nd.w(i), |i| nd.t(i));
    let mut f = |id: u64, a: u64, b: u64, c: u64| out.push(finish(mix(mix(mix(id, a), b), c)));
    f(1, 0, 0, 0);
    // Single positions.
    for (k, x) in [s0, s1, s2, b0, b1, b2].into_iter().enumerate() {
        let k = k as u64 * 4;
        f(10 + k, w(x), 0, 0);
        f(11 + k, t(x), 0, 0);
        f(12 + k, w(x), t(x), 0);
    }
    // Pairs around the two decision points (s0-b0 for LEFT, s1-s0 for RIGHT).
    f(40, w(s0), t(s0), w(b0) ^ t(b0).rotate_left(32));
    f(41, w(s0), t(s0), w(b0));
    f(42, w(s0), w(b0), t(b0));
    f(43, w(s0), t(s0), t(b0));
    f(44, t(s0), w(b0), t(b0));
    f(45, w(s0), w(b0), 0);
    f(46, t(s0), t(b0), 0);
    f(47, t(b0), t(b1), 0);
    f(48, w(s1), t(s1), w(s0) ^ t(s0).rotate_left(32));
    f(49, w(s1), w(s0), 0);
    f(50, t(s1), t(s0), 0);
    f(51, w(s1), t(s0), 0);
    f(52, t(s1), w(s0), 0);
    f(53, t(s1), t(b0), 0);
    f(54, w(s1), t(b0), 0);
    // Tag triples.
    f(60, t(b0), t(b1), t(b2));
    f(61, t(s0), t(b0), t(b1));
    f(62, t(s1), t(s0), t(b0));
    f(63, t(s2), t(s1), t(s0));
    f(64, t(s0), t(s0l), t(b0));
    f(65, t(s0), t(s0r), t(b0));
    f(66, t(s0), t(b0), t(b0l));
    f(67, t(s1), t(s0), t(s0l));
    f(68, t(s1), t(s0), t(s0r));
    f(69, t(s1), t(s1r), t(s0));
    f(70, t(s1), t(s1l), t(s0));
    f(71, w(s0), t(b0), t(b1));
    f(72, t(s1), w(s0), t(b0));
    // Distance and valency.
    let d = if s0 == NONE {
        0
    } else {
        dist_bucket(st.b - s0 as usize)
    };
    let d1 = if s1 == NONE || s0 == NONE {
        0
    } else {
        dist_bucket((s0 - s1) as usize)
    };
    f(80, w(s0), d, 0);
    f(81, t(s0), d, 0);
    f(82, w(b0), d, 0);
    f(83, t(b0), d, 0);
    f(84, t(s0), t(b0), d);
    f(85, t(s1), t(s0), d1);
    f(86, w(s1), d1, 0);
    let val = |x: u32, left: bool| -> u64 {
        if x == NONE {
            99
        } else if left {
            u64::from(st.nl[x as usize])
        } else {
            u64::from(st.nr[x as usize])
        }
    };
    f(87, w(s0), val(s0, false), 0);
    f(88, t(s0), val(s0, false), 0);
    f(89, w(s0), val(s0, true), 0);
    f(90, t(s0), val(s0, true), 0);
    f(91, w(b0), val(b0, true), 0);
    f(92, t(b0), val(b0, true), 0);
    f(93, t(s1), val(s1, false), 0);
    // Children and their labels.
    for (k, x) in [s0l, s0r, s0l2, s0r2, b0l, b0l2, s1l, s1r]
        .into_iter()
        .enumerate()
    {
        let k = k as u64 * 4;
        f(100 + k, w(x), 0, 0);
        f(101 + k, t(x), 0, 0);
        f(102 + k, lab(x), 0, 0);
    }
    f(140, t(s0), lab(s0l), lab(s0l2));
    f(141, t(s0), lab(s0r), lab(s0r2));
    f(142, t(b0), lab(b0l), lab(b0l2));
    f(143, t(s0), t(s0l), t(s0l2));
    f(144, t(s0), t(s0r), t(s0r2));
    f(145, t(b0), t(b0l), t(b0l2));
    f(146, t(s1), lab(s1r), t(s0));
    let set = |x: u32, left: bool| -> u64 {
        if x == NONE {
            0
        } else if left {
            st.lset[x as usize]
        } else {
            st.rset[x as usize]
        }
    };
    f(150, w(s0), set(s0, false), 0);
    f(151, t(s0), set(s0, false), 0);
    f(152, w(s0), set(s0, true), 0);
    f(153, t(s0), set(s0, true), 0);
    f(154, w(b0), set(b0, true), 0);
    f(155, t(b0), set(b0, true), 0);
    f(156, t(s1), set(s1, false), 0);
    // Lexical shape of the buffer front helps with unknown words.
    if (b0 as usize) < n {
        let lx = &nd.lex[b0 as usize];
        f(160, lx.suf[2], t(s0), 0);
        f(161, lx.flags, t(b0), 0);
    }
    if s0 != NONE && (s0 as usize) < n {
        let lx = &nd.lex[s0 as usize];
        f(162, lx.suf[2], t(b0), 0);
    }
    // Punctuation between the candidates (appositions, coordination, parentheticals);
    // the scan is capped so a transition stays O(1).
    let punct = |a: u32, b: u32| -> u64 {
        if a == NONE || b == NONE {
            return 99;
        }
        let (a, b) = (a.min(b) as usize + 1, (a.max(b) as usize).min(n));
        nd.lex[a.min(b)..b]
            .iter()
            .take(24)
            .filter(|l| l.punct)
            .count()
            .min(3) as u64
    };
    let near = |x: u32, k: i64| -> u32 {
        let j = i64::from(x) + k;
        if x == NONE || j < 0 || j > n as i64 {
            NONE
        } else {
            j as u32
        }
    };
    f(170, w(s0), w(b0), d);
    f(171, t(s0), t(b0), punct(s0, b0));
    f(172, t(s1), t(s0), punct(s1, s0));
    f(173, t(s0), t(near(s0, 1)), t(b0));
    f(174, t(s0), t(near(b0, -1)), t(b0));
    f(175, t(near(s0, -1)), t(s0), t(b0));
    f(176, w(b0), w(b1), 0);
    f(177, t(b0), w(b1), 0);
    f(178, w(b0), t(b1), 0);
    f(179, t(s0), lab(s0r), t(b0));
    f(180, t(s0), lab(s0l), t(b0));
    f(181, w(s1), val(s1, false), 0);
    f(182, t(s1), val(s1, true), 0);
    f(183, t(s2), t(s1), t(b0));
    f(184, t(b0), lab(b0l), t(s0));
    // Coarse (UPOS) versions of the main tag contexts.
    let u = |i| nd.u(i);
    f(190, u(s0), u(b0), u(b1));
    f(191, u(s1), u(s0), u(b0));
    f(192, u(s0), u(s0l), u(b0));
    f(193, u(s0), u(s0r), u(b0));
    f(194, u(s0), u(b0), u(b0l));
    f(195, u(s2), u(s1), u(s0));
    f(196, u(b0), u(b1), u(b2));
    f(197, u(s1), u(s0), d1);
    f(198, u(s0), u(b0), d);
    f(199, w(s0), u(s1), u(b0));
    f(200, u(s0), w(b0), u(b1));
    // Attachment of a prepositional phrase: its case word (the phrase head's leftmost child,
    // already attached) against each candidate head, as lexical pairs and triples.
    let (s0lw, b0lw) = (w(s0l), w(b0l));
    f(210, w(s1), s0lw, t(s0));
    f(211, t(s1), s0lw, t(s0));
    f(212, w(s1), s0lw, w(s0));
    f(213, w(s0), b0lw, t(b0));
    f(214, t(s0), b0lw, t(b0));
    f(215, w(s0), b0lw, w(b0));
    f(216, w(s1), b0lw, t(b0));
    f(217, t(s1), t(s0), b0lw);
    // Clause structure: verbs between the candidates and the next verb after the buffer
    // front (is b0 the last predicate, or does another clause follow?).
    let nv = if st.b < n {
        st.nextv[st.b + 1]
    } else {
        n as u32
    };
    let nvd = dist_bucket(nv as usize - st.b.min(nv as usize));
    let (vb, v1) = (st.verbs_between(s0, b0), st.verbs_between(s1, s0));
    f(220, t(s0), t(b0), vb);
    f(221, t(s1), t(s0), v1);
    f(222, u(s0), u(b0), u(nv));
    f(223, t(s0), t(nv), nvd);
    f(224, t(b0), t(nv), nvd);
    f(225, w(s0), vb, t(b0));
    f(226, u(s1), u(s0), vb);
    // Ambiguity classes next to the chosen tags: a word that could be a verb or a noun,
    // a subordinator or a determiner, keeps both readings open for the parser.
    let amb = |i: u32| nd.amb.get(i as usize).copied().unwrap_or(0);
    f(240, amb(s0), t(s0), t(b0));
    f(241, amb(b0), t(b0), t(s0));
    f(242, amb(s1), t(s1), t(s0));
    f(243, amb(b0), amb(b1), t(s0));
}

/// Label features for the arc head → dep, made in state `st` (before it is applied).
pub(crate) fn label_features(st: &State, nd: &Nodes<'_>, h: u32, d: u32, out: &mut Vec<u64>) {
    out.clear();
    let n = st.n as u32;
    let (w, t) = (|i| nd.w(i), |i| nd.t(i));
    let left = d < h;
    let dir = u64::from(left);
    let dist = dist_bucket(d.abs_diff(h) as usize) | dir << 8;
    let lab = |x: u32| -> u64 {
        if x == NONE {
            NO_LABEL
        } else {
            u64::from(st.labels[x as usize])
        }
    };
    let (dl, dr) = (st.lc[d as usize][0], st.rc[d as usize][0]);
    // The head's child nearest the new dependent, on the same side.
    let near = if left {
        st.lc[h as usize][0]
    } else {
        st.rc[h as usize][0]
    };
    let next = |x: u32, k: i64| -> u32 {
        let j = i64::from(x) + k;
        if j < 0 || j > i64::from(n) {
            NONE
        } else {
            j as u32
        }
    };
    let mut f =
        |id: u64, a: u64, b: u64, c: u64| out.push(finish(mix(mix(mix(id ^ 0x5151, a), b), c)));
    f(1, dir, 0, 0);
    f(2, t(h), dir, 0);
    f(3, t(d), dir, 0);
    f(4, w(h), dir, 0);
    f(5, w(d), dir, 0);
    f(6, t(h), t(d), dir);
    f(7, w(h), t(d), dir);
    f(8, t(h), w(d), dir);
    f(9, w(h), w(d), dir);
    f(10, t(h), t(d), dist);
    f(11, t(d), st.lset[d as usize], 0);
    f(12, t(d), st.rset[d as usize], 0);
    f(13, t(d), lab(dl), lab(dr));
    f(
        14,
        t(h),
        t(d),
        st.lset[h as usize] | st.rset[h as usize] << 1,
    );
    f(15, t(h), t(d), lab(near));
    f(16, t(d), t(next(d, -1)), t(next(d, 1)));
    f(17, t(h), t(next(h, -1)), t(next(h, 1)));
    f(18, t(d), w(dl), dir);
    f(19, w(h), st.lset[h as usize], dir);
    f(20, t(h), t(d), t(dl));
    f(21, t(h), t(d), t(dr));
    f(22, w(d), lab(dl), dir);
    if (d as usize) < nd.lex.len() {
        let lx = &nd.lex[d as usize];
        f(23, lx.suf[2], t(h), dir);
        f(24, lx.flags, t(d), t(h));
    }
    f(25, t(h), t(d), u64::from(st.stack.len() <= 1 && h == n));
    // Function-word children decide many subtypes (by → obl:agent, of → nmod).
    f(26, w(dl), t(h), dir);
    f(27, w(dl), w(d), dir);
    f(28, w(d), t(h), dist);
    f(29, w(h), w(dl), dir);
    f(30, t(d), w(dr), dir);
    f(31, t(d), st.lset[h as usize], dir);
    f(32, w(d), t(next(d, 1)), dir);
}

/// A bare weekday next to a name is a time adverbial, neither the head of the name nor
/// a part of it: in "meet New York City Mayor Zohran Mamdani Thursday" the greedy parser
/// otherwise makes "Thursday" (a proper noun, like the name) head the whole phrase and
/// loses the object, or joins it to the name as `flat`. News style puts bare weekdays
/// after names constantly ("met Putin Tuesday"); weekdays inside names ("Super Bowl
/// Sunday") are rare. So at decoding, and only there, no arc may join a weekday and a
/// proper-noun word; the model's best remaining move stands.
fn weekday_and_name(st: &State, nd: &Nodes<'_>, days: &[u64; 7], a: usize) -> bool {
    let n = nd.lex.len();
    let name = |k: u32| {
        (k as usize) < n
            && nd
                .coarse
                .get(nd.tags[k as usize] as usize)
                .is_some_and(|&c| c & NAME != 0)
            && !days.contains(&nd.lex[k as usize].lower)
    };
    let day = |k: u32| (k as usize) < n && days.contains(&nd.lex[k as usize].lower);
    match st.arc(a) {
        Some((h, d)) => (day(h) && name(d)) || (day(d) && name(h)),
        // Shifting the weekday onto an open name would leave it only the name to
        // attach to: the name is reduced first, when it has a head to go to.
        None => st.stack.len() >= 2 && day(st.b as u32) && name(st.s(0)),
    }
}

/// A trained parser.
pub(crate) struct Parser {
    pub(crate) labels: Vec<String>,
    pub(crate) actions: Weights,
    pub(crate) labeler: Weights,
    /// Tag class → UPOS id (rebuilt from the tagger's classes, not stored).
    pub(crate) coarse: Vec<u16>,
}

/// Reusable buffers for parsing.
#[derive(Default)]
pub(crate) struct ParseScratch {
    pub(crate) st: State,
    feats: Vec<u64>,
    scores: Vec<f32>,
}

impl Parser {
    /// Parses one sentence; the result is in `scratch.st.heads` / `labels` (root = n).
    pub(crate) fn parse(&self, nd: &Nodes<'_>, sc: &mut ParseScratch) {
        let n = nd.lex.len();
        sc.st.reset(n);
        sc.st.scan(nd);
        let days = weekdays();
        while !sc.st.terminal() {
            action_features(&sc.st, nd, &mut sc.feats);
            sc.scores.clear();
            sc.scores.resize(3, 0.0);
            self.actions.score(&sc.feats, &mut sc.scores);
            let st = &sc.st;
            let constrained = argmax(&sc.scores, |a| {
                st.valid(a) && !weekday_and_name(st, nd, days, a)
            });
            // The constraint may leave no move (a dead end): then the model decides alone.
            let Some(a) = constrained.or_else(|| argmax(&sc.scores, |a| st.valid(a))) else {
                break;
            };
            let label = match sc.st.arc(a) {
                Some((h, d)) => self.label(&sc.st, nd, h, d, &mut sc.feats, &mut sc.scores),
                None => 0,
            };
            sc.st.apply(a, label);
        }
    }

    fn label(
        &self,
        st: &State,
        nd: &Nodes<'_>,
        h: u32,
        d: u32,
        feats: &mut Vec<u64>,
        scores: &mut Vec<f32>,
    ) -> u8 {
        label_features(st, nd, h, d, feats);
        scores.clear();
        scores.resize(self.labels.len(), 0.0);
        self.labeler.score(feats, scores);
        argmax(scores, |_| true).unwrap_or(0) as u8
    }

    /// Sums the weights of parsers trained with the same labels and classes.
    pub(crate) fn merge(parsers: Vec<Parser>) -> Option<Parser> {
        let mut it = parsers.into_iter();
        let first = it.next()?;
        let (mut actions, mut labeler) = (vec![first.actions], vec![first.labeler]);
        for p in it {
            actions.push(p.actions);
            labeler.push(p.labeler);
        }
        Some(Parser {
            labels: first.labels,
            actions: Weights::sum(&actions),
            labeler: Weights::sum(&labeler),
            coarse: first.coarse,
        })
    }

    pub(crate) fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.labels.len() as u32).to_le_bytes());
        for l in &self.labels {
            write_str(out, l);
        }
        self.actions.write(out);
        self.labeler.write(out);
    }

    pub(crate) fn read(r: &mut Reader<'_>) -> Option<Parser> {
        let n = r.u32()? as usize;
        if n == 0 || n > 255 {
            return None;
        }
        let mut labels = Vec::new();
        for _ in 0..n {
            labels.push(r.str()?.to_string());
        }
        let actions = Weights::read(r)?;
        let labeler = Weights::read(r)?;
        (actions.nclass() == 3 && labeler.nclass() == n).then_some(Parser {
            labels,
            actions,
            labeler,
            coarse: Vec::new(),
        })
    }
}

/// One training sentence: lexical facts, (predicted) tags, gold heads (root = n) and labels.
pub(crate) struct ParseSentence {
    pub(crate) lex: Vec<Lex>,
    pub(crate) amb: Vec<u64>,
    pub(crate) tags: Vec<u16>,
    pub(crate) heads: Vec<u32>,
    pub(crate) labels: Vec<u8>,
}

/// Whether the gold tree (root at n) has no crossing arcs.
pub(crate) fn projective(heads: &[u32]) -> bool {
    let arcs: Vec<(u32, u32)> = heads
        .iter()
        .enumerate()
        .map(|(d, &h)| (h.min(d as u32), h.max(d as u32)))
        .collect();
    for &(a, b) in &arcs {
        for &(c, d) in &arcs {
            if a < c && c < b && b < d {
                return false;
            }
        }
    }
    true
}

/// Training options.
#[derive(Clone, Copy)]
pub(crate) struct ParserTrainOpts {
    pub(crate) epochs: usize,
    pub(crate) seed: u64,
    /// From this epoch on, follow the model's own (possibly wrong) move with probability `explore`.
    pub(crate) explore_from: usize,
    pub(crate) explore: f64,
    pub(crate) prune: f32,
    /// Features that took part in fewer updates are dropped from the frozen model.
    pub(crate) min_updates: u32,
    /// Also learn from non-projective trees, following the lowest-cost moves (the
    /// oracle is then approximate: crossing arcs cannot all be built).
    pub(crate) nonprojective: bool,
    /// Word dropout strength `a` (0 = off): see `train_parser`.
    pub(crate) word_dropout: f64,
}

/// Trains the parser; `on_epoch` returns a dev score for early stopping.
pub(crate) fn train_parser(
    labels: &[String],
    coarse: &[u16],
    data: &[ParseSentence],
    opts: &ParserTrainOpts,
    mut on_epoch: impl FnMut(usize, &Parser) -> f64,
) -> Parser {
    let mut at = Trainer::new(3);
    let mut lt = Trainer::new(labels.len());
    let mut rng = SplitMix::new(opts.seed);
    let mut order: Vec<usize> = (0..data.len())
        .filter(|&i| opts.nonprojective || projective(&data[i].heads))
        .collect();
    let mut st = State::default();
    let mut feats = Vec::new();
    let mut lfeats = Vec::new();
    let mut scores = vec![0f32; 3];
    let mut lscores = vec![0f32; labels.len()];
    let mut best: Option<(f64, Parser)> = None;
    // Word dropout: a word's identity is hidden with probability a / (a + its training
    // count), so rare words teach the parser to decide from tags and affixes, as it must
    // for the unknown words of new text.
    let mut count: std::collections::HashMap<u64, u32> = std::collections::HashMap::new();
    for s in data {
        for l in &s.lex {
            *count.entry(l.lower).or_default() += 1;
        }
    }
    let mut lexbuf: Vec<Lex> = Vec::new();
    let mut ambbuf: Vec<u64> = Vec::new();
    let mut drng = SplitMix::new(opts.seed ^ 0xd0d0_d0d0);
    for epoch in 0..opts.epochs {
        rng.shuffle(&mut order);
        for &si in &order {
            let s = &data[si];
            lexbuf.clear();
            lexbuf.extend(s.lex.iter().cloned());
            ambbuf.clear();
            ambbuf.extend_from_slice(&s.amb);
            if opts.word_dropout > 0.0 {
                for (l, a) in lexbuf.iter_mut().zip(&mut ambbuf) {
                    let c = f64::from(count.get(&l.lower).copied().unwrap_or(0));
                    if drng.next_f64() < opts.word_dropout / (opts.word_dropout + c) {
                        // A hidden word is an unknown word: no ambiguity class either.
                        l.lower = finish(mix(0xd09, drng.next_u64()));
                        *a = 1;
                    }
                }
            }
            let nd = Nodes {
                lex: &lexbuf,
                tags: &s.tags,
                coarse,
                amb: &ambbuf,
            };
            let n = s.lex.len();
            let mut gold = s.heads.clone();
            gold.push(NONE);
            st.reset(n);
            st.scan(&nd);
            while !st.terminal() {
                action_features(&st, &nd, &mut feats);
                scores.iter_mut().for_each(|x| *x = 0.0);
                at.score(&feats, &mut scores);
                let costs = st.costs(&gold);
                let Some(pred) = argmax(&scores, |a| costs[a] != i32::MAX) else {
                    break;
                };
                let min = costs.iter().copied().min().unwrap_or(0);
                let Some(best_gold) = argmax(&scores, |a| costs[a] == min) else {
                    break;
                };
                if costs[pred] > min {
                    at.update(&feats, best_gold, pred);
                }
                at.tick();
                let next = if epoch >= opts.explore_from && rng.next_f64() < opts.explore {
                    pred
                } else {
                    best_gold
                };
                let label = match st.arc(next) {
                    Some((h, d)) => {
                        label_features(&st, &nd, h, d, &mut lfeats);
                        lscores.iter_mut().for_each(|x| *x = 0.0);
                        lt.score(&lfeats, &mut lscores);
                        let guess = argmax(&lscores, |_| true).unwrap_or(0);
                        if gold[d as usize] == h {
                            let truth = s.labels[d as usize] as usize;
                            lt.update(&lfeats, truth, guess);
                            lt.tick();
                            truth as u8
                        } else {
                            guess as u8
                        }
                    }
                    None => 0,
                };
                st.apply(next, label);
            }
        }
        let p = Parser {
            labels: labels.to_vec(),
            actions: at.freeze(opts.prune, opts.min_updates),
            labeler: lt.freeze(opts.prune, opts.min_updates),
            coarse: coarse.to_vec(),
        };
        let score = on_epoch(epoch, &p);
        if best.as_ref().is_none_or(|(b, _)| score > *b) {
            best = Some((score, p));
        }
    }
    match best {
        Some((_, p)) => p,
        None => Parser {
            labels: labels.to_vec(),
            actions: at.freeze(opts.prune, opts.min_updates),
            labeler: lt.freeze(opts.prune, opts.min_updates),
            coarse: coarse.to_vec(),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Following the zero-cost moves must rebuild any projective gold tree exactly.
    #[test]
    fn static_path_of_dynamic_oracle_is_exact() {
        // "John saw Mary with a telescope ." heads (0-based, root = 7)
        let heads = vec![1u32, 7, 1, 5, 5, 1, 1];
        assert!(projective(&heads));
        let mut gold = heads.clone();
        gold.push(NONE);
        let mut st = State::default();
        st.reset(7);
        while !st.terminal() {
            let c = st.costs(&gold);
            let a = (0..3).find(|&a| c[a] == 0).expect("a zero-cost move");
            st.apply(a, 0);
        }
        assert_eq!(&st.heads[..7], &heads[..]);
    }

    #[test]
    fn detects_crossing() {
        assert!(!projective(&[2, 3, 4, 4]));
    }
}
