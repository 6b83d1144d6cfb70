//! Name typing: a second classifier that decides, for each candidate name, whether it is a
//! name and of which type.
//!
//! The tagger decides a name's type word by word, left to right, at its first word: it sees
//! "Crater" before "Lake" and "Music" before "Hall", and it never sees the name's other uses
//! in the document. The typer looks at each candidate whole: the tagger's chunks, and the runs
//! of capitalised words the tagger left out ([`candidates`]). It reads every word of the
//! candidate, its last word (where English puts "School", "Lake", "Bridge", "Herald"), the
//! words around it, the gazetteer and company lists for the whole span, what the tagger made
//! of it, and the document flags of its last word. It is a multiclass averaged perceptron over
//! PER, ORG, LOC, MISC and NONE (no name), trained on the candidates that taggers trained on
//! three quarters of the training documents find in the fourth, so that it learns when the
//! tagger is wrong. Its scores are added to the tagger's own scores at the candidate's first
//! word and to the mean scores of the document's other candidates with the same last word
//! (see [`crate::ner::Ner::tag_doc`]).
use crate::corpus::is_title;
use crate::gazetteer::{Gazetteer, PlaceKind};
use crate::ner::{Averaging, DocCtx, FeatMap, Fnv, is_cap};
use std::fmt::Write as _;

/// Types in model order; `NONE`: the candidate is no name.
pub const TYPES: [&str; 5] = ["PER", "ORG", "LOC", "MISC", "NONE"];
/// Number of types.
pub const NT: usize = TYPES.len();
/// Index of `NONE` in [`TYPES`].
pub const NONE: usize = 4;
/// Index of MISC in [`TYPES`].
pub const MISC: usize = 3;

/// What [`candidates`] needs to know of a sentence's words, by position.
pub struct WordFlags<'a> {
    /// A common lower-case word (see [`crate::ner::Lexicon`]).
    pub lexical: &'a dyn Fn(usize) -> bool,
    /// A word no name may take in.
    pub blocked: &'a dyn Fn(usize) -> bool,
    /// A word that heads "X of Y" names.
    pub of_head: &'a dyn Fn(usize) -> bool,
}

/// A candidate name: a chunk the tagger found, or a run of capitalised words it left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Candidate {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// The tagger's type for it (an index into [`TYPES`]), `None` for a run it left out.
    pub tagged: Option<usize>,
}

/// The candidate names of a tagged sentence (`tags`: indices into [`crate::ner::LABELS`]):
/// the tagger's chunks, and the runs of capitalised words outside them (joined over "of",
/// "and", "&", "de" before another capitalised word). A capitalised common word opening the
/// sentence (`lexical`) is left out of a run ("The", "However"), so are "I" and the words
/// the tagger's repairs rule out of names (`blocked`: titles, "Foreign" in "Foreign
/// Minister"). A run ending in a word that heads "X of Y" names (`of_head`: "Bank",
/// "Museum") takes in the tagger's chunk after its "of" ("Bank of [Korea]"), keeping the
/// chunk's type as the tagger's call.
pub fn candidates(words: &[&str], tags: &[usize], flags: &WordFlags<'_>, out: &mut Vec<Candidate>) {
    let WordFlags {
        lexical,
        blocked,
        of_head,
    } = flags;
    out.clear();
    let n = words.len().min(tags.len());
    let mut i = 0;
    while i < n {
        if tags[i] % 2 == 1 {
            let mut e = i + 1;
            while e < n && tags[e] == tags[i] + 1 {
                e += 1;
            }
            out.push(Candidate {
                start: i,
                end: e,
                tagged: Some((tags[i] - 1) / 2),
            });
            i = e;
            continue;
        }
        // A free capitalised word: not in a chunk, not ruled out, and not "I".
        let free =
            |k: usize| k < n && tags[k] == 0 && is_cap(words[k]) && words[k] != "I" && !blocked(k);
        if !free(i) || (i == 0 && lexical(0)) {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        loop {
            if free(e) {
                e += 1;
            } else if e < n
                && tags[e] == 0
                && matches!(words[e], "of" | "and" | "&" | "de")
                && free(e + 1)
            {
                e += 2;
            } else {
                break;
            }
        }
        let mut tagged = None;
        if e + 1 < n && words[e] == "of" && tags[e] == 0 && tags[e + 1] % 2 == 1 && of_head(e - 1) {
            let b = tags[e + 1];
            tagged = Some((b - 1) / 2);
            e += 2;
            while e < n && tags[e] == b + 1 {
                e += 1;
            }
        }
        out.push(Candidate {
            start: i,
            end: e,
            tagged,
        });
        i = e;
    }
}

/// Shape of a word with runs collapsed and letters only: `Xx`, `X`, `x`, `d`.
fn short_shape(w: &str) -> &'static str {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => {
            if w.chars()
                .skip(1)
                .all(|c| c.is_uppercase() || !c.is_alphabetic())
                && w.len() > 1
            {
                "X"
            } else if w.contains('.') {
                "X."
            } else {
                "Xx"
            }
        }
        Some(c) if c.is_lowercase() => "x",
        Some(c) if c.is_ascii_digit() => "d",
        Some(_) => "p",
        None => "_",
    }
}

fn suffix(w: &str, k: usize) -> &str {
    let n = w.chars().count();
    if n <= k {
        return w;
    }
    let (b, _) = w.char_indices().nth(n - k).unwrap_or((0, ' '));
    &w[b..]
}

/// A sentence as the typer reads it.
pub(crate) struct Sentence<'a> {
    pub(crate) words: &'a [&'a str],
    /// The words lower-cased.
    pub(crate) lower: &'a [String],
    /// Their parts of speech (empty for a model without them).
    pub(crate) pos: &'a [&'static str],
}

/// Hashes the features of the candidate `cand` in `sentence` into `out`.
pub(crate) fn features(
    g: &Gazetteer,
    doc: &DocCtx,
    sentence: &Sentence<'_>,
    cand: &Candidate,
    identity: bool,
    out: &mut Vec<u64>,
) {
    let Sentence { words, lower, pos } = *sentence;
    let (s, e) = (cand.start, cand.end);
    out.clear();
    let mut push = |parts: std::fmt::Arguments| {
        let mut h = Fnv::new();
        let _ = h.write_fmt(parts);
        out.push(h.0);
    };
    let n = e - s;
    let name = &words[s..e];
    let first = lower[s].as_str();
    let last = lower[e - 1].as_str();
    let at = |j: isize| -> &str {
        if j < 0 {
            "<s>"
        } else {
            lower.get(j as usize).map_or("</s>", String::as_str)
        }
    };
    let (l1, l2, r1, r2) = (
        at(s as isize - 1),
        at(s as isize - 2),
        at(e as isize),
        at(e as isize + 1),
    );
    push(format_args!("b"));
    push(format_args!("n={}", n.min(4)));
    // What the tagger made of these words.
    let tg = cand.tagged.map_or("O", |t| TYPES[t]);
    push(format_args!("tg={tg}"));
    push(format_args!("tg={tg}|n={}|s0={}", n.min(3), s == 0));
    if identity {
        push(format_args!("f={first}"));
        push(format_args!("l={last}"));
        push(format_args!("l={last}|n={}", n.min(3)));
        for w in &lower[s..e] {
            push(format_args!("in={w}"));
        }
        let mut whole = Fnv::new();
        for w in &lower[s..e] {
            whole.bytes(w.as_bytes());
            whole.bytes(b" ");
        }
        push(format_args!("all={:x}", whole.0));
    }
    let shapes: String = name
        .iter()
        .map(|w| short_shape(w))
        .collect::<Vec<_>>()
        .join(" ");
    push(format_args!("sh={shapes}"));
    push(format_args!("ls3={}", suffix(last, 3)));
    push(format_args!("ls2={}", suffix(last, 2)));
    push(format_args!("fs3={}", suffix(first, 3)));
    push(format_args!("l1={l1}"));
    push(format_args!("l2={l2}|{l1}"));
    push(format_args!("r1={r1}"));
    push(format_args!("r2={r1}|{r2}"));
    push(format_args!("l1r1={l1}|{r1}"));
    if s > 0 && is_title(words[s - 1]) {
        push(format_args!("title-1"));
    }
    // The syntax tagger's parts of speech (a model trained with them): the name's, its last
    // word's (its head, in English names) and the words' around it.
    if pos.len() == words.len() {
        let tags: Vec<&str> = pos[s..e].iter().take(4).copied().collect();
        push(format_args!("p={}", tags.join(" ")));
        push(format_args!("pl={}|{}", pos[e - 1], n.min(3)));
        let before = if s > 0 { pos[s - 1] } else { "<s>" };
        let after = pos.get(e).copied().unwrap_or("</s>");
        push(format_args!("pc={before}|{after}"));
        push(format_args!("pcl={before}|{}", pos[e - 1]));
    }
    if s == 0 {
        push(format_args!("first|{n}"));
    }
    // The lists, for the whole name and its last word.
    if g.landmark(name).is_some() {
        push(format_args!("g=landmark"));
    }
    if g.nationality(name).is_some() {
        push(format_args!("g=nationality"));
    }
    for (tag, ws) in [("", name), ("last-", &words[e - 1..e])] {
        let c = g.candidates(ws);
        let kind = if c
            .iter()
            .any(|&k| g.places[k as usize].kind == PlaceKind::Country)
        {
            Some("country")
        } else if c
            .iter()
            .any(|&k| g.places[k as usize].kind == PlaceKind::Admin1)
        {
            Some("admin1")
        } else if !c.is_empty() {
            Some("city")
        } else {
            None
        };
        if let Some(k) = kind {
            push(format_args!("g={tag}{k}"));
        }
    }
    if let Some((_, kind)) = g.company(name) {
        push(format_args!("g=company|{kind}"));
    }
    if g.is_org(name) {
        push(format_args!("g=org"));
    }
    if g.is_org_designator(last) {
        push(format_args!("desig"));
    }
    if g.is_org_head(first) && n > 2 {
        push(format_args!("ofhead"));
    }
    let given = g.is_given_name(first);
    push(format_args!(
        "first={}|{}",
        g.is_first_name(first),
        n.min(3)
    ));
    let sur = g.is_surname(last);
    push(format_args!("names={given}|{sur}|{}", n.min(3)));
    // What the document says about the last word (see `DocCtx`).
    push(format_args!("d={}", doc.get(last)));
}

/// The typer's weights: one row of [`NT`] scores per feature hash.
#[derive(Clone, Default)]
pub struct Typer {
    pub(crate) index: FeatMap,
    pub(crate) weights: Vec<f32>,
}

impl Typer {
    /// Whether there are no weights (a model file without a typer).
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Adds the scores of `feats` into `scores`.
    pub(crate) fn score(&self, feats: &[u64], scores: &mut [f32; NT]) {
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                let row = &self.weights[r as usize * NT..r as usize * NT + NT];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// The scores of an example's candidate, its own words seen (as in tagging).
    pub fn score_example(&self, g: &Gazetteer, docs: &[DocCtx], ex: &Example<'_>) -> [f32; NT] {
        let mut feats = Vec::new();
        ex.features(g, docs, true, &mut feats);
        let mut scores = [0f32; NT];
        self.score(&feats, &mut scores);
        scores
    }

    /// Adds a row read from a model file.
    pub(crate) fn insert(&mut self, hash: u64, row: [f32; NT]) {
        let r = (self.weights.len() / NT) as u32;
        self.weights.extend(row);
        self.index.insert(hash, r);
    }

    /// Rows sorted by hash, for writing.
    pub(crate) fn rows(&self) -> Vec<(u64, &[f32])> {
        let mut rows: Vec<(u64, &[f32])> = self
            .index
            .iter()
            .map(|(&h, &r)| (h, &self.weights[r as usize * NT..r as usize * NT + NT]))
            .collect();
        rows.sort_by_key(|r| r.0);
        rows
    }

    /// The sum of several typers' weights (an ensemble, as [`crate::ner::Ner::sum`]).
    pub fn sum(typers: &[&Typer]) -> Typer {
        let mut out = Typer::default();
        for t in typers {
            for (h, row) in t.rows() {
                let next = (out.weights.len() / NT) as u32;
                let r = *out.index.entry(h).or_insert(next) as usize;
                if r as u32 == next {
                    out.weights.resize(out.weights.len() + NT, 0.0);
                }
                for (d, v) in out.weights[r * NT..r * NT + NT].iter_mut().zip(row) {
                    *d = ((*d + v) * 1000.0).round() / 1000.0;
                }
            }
        }
        out
    }
}

/// One training example: a gold name in a sentence.
#[derive(Clone)]
pub struct Example<'a> {
    /// The sentence's words.
    pub words: &'a [&'a str],
    /// The same, lower-cased.
    pub lower: &'a [String],
    /// Their parts of speech (empty for a model without them).
    pub pos: &'a [&'static str],
    /// The candidate.
    pub cand: Candidate,
    /// Its type, an index into [`TYPES`] (`NONE` for no name).
    pub ty: usize,
    /// Index of its document's context.
    pub doc: usize,
}

impl Example<'_> {
    /// The candidate's features (see [`features`]), its own words included when `identity`.
    fn features(&self, g: &Gazetteer, docs: &[DocCtx], identity: bool, out: &mut Vec<u64>) {
        let sentence = Sentence {
            words: self.words,
            lower: self.lower,
            pos: self.pos,
        };
        features(g, &docs[self.doc], &sentence, &self.cand, identity, out);
    }
}

/// Averaged-perceptron trainer for the typer.
pub struct TyperTrainer {
    /// Per mille of examples seen without their own words.
    blind_per_mille: u64,
    weights: Averaging,
}

impl TyperTrainer {
    /// One pass over the examples in the given order; returns the number of errors.
    pub fn epoch(&mut self, g: &Gazetteer, docs: &[DocCtx], examples: &[Example<'_>]) -> usize {
        let mut errors = 0;
        let mut feats = Vec::new();
        for ex in examples {
            self.weights.step += 1;
            // Some examples are seen without their own words, so that the weights of the
            // context, the lists and the word shapes are trained too: with the words, a
            // training name is classified by its words alone and nothing else is updated.
            let mut h = Fnv::new();
            h.bytes(&self.weights.step.to_le_bytes());
            let identity = h.0 % 1000 >= self.blind_per_mille;
            ex.features(g, docs, identity, &mut feats);
            let mut scores = [0f32; NT];
            self.weights.scores(&feats, &mut scores);
            let guess = (0..NT)
                .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
                .unwrap_or(0);
            if guess != ex.ty {
                errors += 1;
                self.weights.update(&feats, ex.ty, guess);
            }
        }
        errors
    }

    /// A trainer that sees `blind_per_mille` per mille of the examples without their own
    /// words.
    pub fn new(blind_per_mille: u64) -> TyperTrainer {
        TyperTrainer {
            blind_per_mille,
            weights: Averaging::new(NT),
        }
    }

    /// The averaged weights, rounded to 0.001 and per thousand steps as the tagger's.
    pub fn averaged(&self) -> Typer {
        let mut out = Typer::default();
        let mut rows: Vec<(&u64, &u32)> = self.weights.index.iter().collect();
        rows.sort();
        for (&f, &r) in rows {
            let mut row = [0f32; NT];
            for (l, v) in row.iter_mut().enumerate() {
                *v = (self.weights.average(r as usize, l) * 1000.0).round() / 1000.0;
            }
            if row.iter().any(|&v| v.abs() >= 0.002) {
                out.insert(f, row);
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_type_from_the_last_word_and_the_context() {
        // Invented names: each type is told by its last word or by the word before it.
        let g = Gazetteer::new();
        let sents: Vec<Vec<&str>> = vec![
            vec!["She", "studied", "at", "Pell", "School", "."],
            vec!["He", "taught", "at", "Vask", "School", "."],
            vec!["They", "swam", "in", "Orm", "Lake", "."],
            vec!["We", "camped", "by", "Drel", "Lake", "."],
            vec!["Their", "daughter", "Ilsa", "smiled", "."],
            vec!["Their", "daughter", "Brena", "cried", "."],
        ];
        let spans = [
            (3, 5, 1),
            (3, 5, 1),
            (3, 5, 2),
            (3, 5, 2),
            (2, 3, 0),
            (2, 3, 0),
        ];
        let docs: Vec<DocCtx> = sents
            .iter()
            .map(|s| DocCtx::build(&g, [s.as_slice()]))
            .collect();
        let lowers: Vec<Vec<String>> = sents
            .iter()
            .map(|s| s.iter().map(|w| w.to_lowercase()).collect())
            .collect();
        let examples: Vec<Example<'_>> = sents
            .iter()
            .zip(&lowers)
            .zip(spans)
            .enumerate()
            .map(|(d, ((w, lower), (start, end, ty)))| Example {
                words: w,
                lower,
                pos: &[],
                cand: Candidate {
                    start,
                    end,
                    tagged: Some(ty),
                },
                ty,
                doc: d,
            })
            .collect();
        let mut t = TyperTrainer::new(500);
        for _ in 0..10 {
            t.epoch(&g, &docs, &examples);
        }
        let typer = t.averaged();
        let ty = |words: &[&str], s: usize, e: usize| {
            let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
            let doc = DocCtx::build(&g, [words]);
            let mut f = Vec::new();
            let cand = Candidate {
                start: s,
                end: e,
                tagged: None,
            };
            let sentence = Sentence {
                words,
                lower: &lower,
                pos: &[],
            };
            features(&g, &doc, &sentence, &cand, true, &mut f);
            let mut scores = [0f32; NT];
            typer.score(&f, &mut scores);
            TYPES[(0..NT)
                .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
                .unwrap_or(0)]
        };
        assert_eq!(ty(&["Near", "Quin", "School", "."], 1, 3), "ORG");
        assert_eq!(ty(&["Near", "Quin", "Lake", "."], 1, 3), "LOC");
        assert_eq!(ty(&["Her", "daughter", "Zofe", "ran", "."], 2, 3), "PER");
    }

    #[test]
    fn sum_adds_rows() {
        let mut a = Typer::default();
        a.insert(7, [1.0, 0.0, 0.0, 0.0, 0.0]);
        let mut b = Typer::default();
        b.insert(7, [0.5, 2.0, 0.0, 0.0, 0.0]);
        b.insert(9, [0.0, 0.0, 1.0, 0.0, 0.0]);
        let s = Typer::sum(&[&a, &b]);
        let rows = s.rows();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0], (7, &[1.5, 2.0, 0.0, 0.0, 0.0][..]));
    }

    #[test]
    fn candidates_are_chunks_and_capitalised_runs_outside_them() {
        // Tags: [Gloria](PER) met ... "The" opens the sentence and is a common word.
        let words = [
            "The", "Sams", "met", "Gloria", "at", "Bank", "of", "Korea", "and", "I", "left",
        ];
        let tags = [0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0];
        let mut out = Vec::new();
        let no = |_: usize| false;
        let flags = WordFlags {
            lexical: &|i| i == 0,
            blocked: &no,
            of_head: &no,
        };
        candidates(&words, &tags, &flags, &mut out);
        let got: Vec<(usize, usize, Option<usize>)> =
            out.iter().map(|c| (c.start, c.end, c.tagged)).collect();
        assert_eq!(got, [(1, 2, None), (3, 4, Some(0)), (5, 8, None)]);
        // "Bank" heads "X of Y" names: the run takes in the tagger's [Korea].
        let tags = [0, 0, 0, 1, 0, 0, 0, 3, 0, 0, 0];
        let flags = WordFlags {
            lexical: &|i| i == 0,
            blocked: &no,
            of_head: &|i| i == 5,
        };
        candidates(&words, &tags, &flags, &mut out);
        let got: Vec<(usize, usize, Option<usize>)> =
            out.iter().map(|c| (c.start, c.end, c.tagged)).collect();
        assert_eq!(got, [(1, 2, None), (3, 4, Some(0)), (5, 8, Some(1))]);
        // A title and the portfolio word before it are no part of any run.
        let words = ["Peru", "'s", "Foreign", "Minister", "Ana", "Ruiz", "spoke"];
        let tags = [5, 0, 0, 0, 1, 2, 0];
        let flags = WordFlags {
            lexical: &no,
            blocked: &|i| i == 2 || i == 3,
            of_head: &no,
        };
        candidates(&words, &tags, &flags, &mut out);
        let got: Vec<(usize, usize)> = out.iter().map(|c| (c.start, c.end)).collect();
        assert_eq!(got, [(0, 1), (4, 6)]);
    }
}
