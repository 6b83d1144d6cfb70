//! Named-entity tagger: a greedy left-to-right averaged perceptron over IOB2 tags.
//!
//! It needs only words (no part of speech): lower-cased word, shape, affixes, two words either
//! side, the previous two predicted tags, the sentence's capitalisation (headlines are title
//! case), the position in a run of capitalised words, and gazetteer membership (country,
//! division, city, landmark, nationality). Features are hashed (FNV-1a, 64 bits) so tagging
//! allocates nothing per feature; the model file stores hashes and weights.
use crate::gazetteer::{Gazetteer, PlaceKind, key};
use crate::typer::{NT, Typer};
use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::Arc;

/// Tags in model order.
pub const LABELS: [&str; 9] = [
    "O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC",
];
const NL: usize = LABELS.len();

/// Model file format version (first header line).
pub const FORMAT: &str = "dyad-ner 1";

/// The committed model.
const MODEL: &str = include_str!("../models/ner.model");

/// A fault in a model file.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// Not a dyad NER model, or another version.
    #[error("not a {FORMAT} model")]
    Format,
    /// A line that does not parse.
    #[error("model line {0}: bad weights")]
    Line(usize),
    /// The file could not be read or written.
    #[error("model file: {0}")]
    Io(#[from] std::io::Error),
    /// The model reads parts of speech and the syntax model could not be loaded.
    #[error("the NER model reads parts of speech: {0}")]
    Syntax(String),
}

#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);
impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys")
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}
pub(crate) type FeatMap = HashMap<u64, u32, BuildHasherDefault<IdHasher>>;

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a as a formatting sink: features are hashed while they are formatted.
pub(crate) struct Fnv(pub(crate) u64);

impl Fnv {
    pub(crate) fn new() -> Fnv {
        Fnv(FNV_OFFSET)
    }

    pub(crate) fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= b as u64;
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

impl std::fmt::Write for Fnv {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        self.bytes(s.as_bytes());
        Ok(())
    }
}

/// Word shape with runs collapsed: `Xx`, `X.X.`, `dd`, `Xx-Xx`.
fn shape(w: &str, out: &mut String) {
    let mut last = '\0';
    let mut run = 0;
    for c in w.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if s == last {
            run += 1;
            if run >= 2 {
                continue;
            }
        } else {
            run = 0;
        }
        out.push(s);
        last = s;
    }
}

pub(crate) fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Document-level evidence about each word type, read from the whole document's text
/// before tagging (the same in training and tagging): whether it also occurs in lower case,
/// capitalised inside a sentence, or right after a title or a known given name. A name at the
/// start of a sentence ("Dvořák displayed…") is thereby recognised from its other mentions.
#[derive(Debug, Default, Clone)]
pub struct DocCtx {
    flags: HashMap<String, u8>,
}

const D_LOWER: u8 = 1;
const D_CAPMID: u8 = 2;
const D_AFTERNAME: u8 = 4;
const D_BEFOREORG: u8 = 8;

impl DocCtx {
    /// Builds the evidence from all sentences of a document.
    pub fn build<'a>(
        gaz: &Gazetteer,
        sentences: impl IntoIterator<Item = &'a [&'a str]>,
    ) -> DocCtx {
        let mut flags: HashMap<String, u8> = HashMap::new();
        for words in sentences {
            for (i, w) in words.iter().enumerate() {
                if !w.chars().next().is_some_and(char::is_alphabetic) {
                    continue;
                }
                let mut f = 0;
                if !is_cap(w) {
                    f |= D_LOWER;
                } else if i > 0 {
                    let prev = words[i - 1];
                    if prev.chars().next().is_some_and(char::is_alphanumeric) || prev == "," {
                        f |= D_CAPMID;
                    }
                    let pl = prev.to_lowercase();
                    if crate::corpus::is_title(prev)
                        || (is_cap(prev) && (gaz.is_given_name(&pl) || gaz.is_first_name(&pl)))
                    {
                        f |= D_AFTERNAME;
                    }
                }
                // "Apple" in "Apple Inc.", "Harrow" in "Harrow School": the run of
                // capitalised words goes on to an organisation designator.
                if is_cap(w) {
                    let run = words[i + 1..]
                        .iter()
                        .take(4)
                        .take_while(|n| is_cap(n) || **n == "&");
                    if run
                        .clone()
                        .any(|n| gaz.is_org_designator(&n.to_lowercase()))
                        && !gaz.is_org_designator(&w.to_lowercase())
                    {
                        f |= D_BEFOREORG;
                    }
                }
                *flags.entry(w.to_lowercase()).or_default() |= f;
            }
        }
        DocCtx { flags }
    }

    pub(crate) fn get(&self, lower: &str) -> u8 {
        self.flags.get(lower).copied().unwrap_or(0)
    }
}

/// Words seen in lower case in running text (the training corpora's, stored in the model):
/// a capitalised word that is also a common lower-case word ("The", "Most", "Mobile") is
/// only capitalised by its position far more often than a word that never is ("Germany").
/// The document's own lower-case uses (`DocCtx`) cannot tell this for a word used once.
#[derive(Debug, Default, Clone)]
pub struct Lexicon {
    words: std::collections::HashSet<String>,
}

impl Lexicon {
    /// Words of CoNLL-U texts that start with a lower-case letter at least twice.
    pub fn from_conllu<'a>(texts: impl IntoIterator<Item = &'a str>) -> Lexicon {
        let mut counts: HashMap<String, u32> = HashMap::new();
        for text in texts {
            for line in text.lines() {
                let mut f = line.split('\t');
                let (Some(id), Some(form)) = (f.next(), f.next()) else {
                    continue;
                };
                if id.starts_with('#') || !id.bytes().all(|b| b.is_ascii_digit()) {
                    continue;
                }
                if form.chars().next().is_some_and(char::is_lowercase) {
                    *counts.entry(form.to_lowercase()).or_default() += 1;
                }
            }
        }
        Lexicon {
            words: counts
                .into_iter()
                .filter(|&(_, n)| n >= 2)
                .map(|(w, _)| w)
                .collect(),
        }
    }

    /// Whether a lower-cased word is a known lower-case word.
    pub fn contains(&self, lower: &str) -> bool {
        self.words.contains(lower)
    }

    /// Number of words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// Per-sentence context the features read.
struct SentCtx {
    /// Whether each word is a title ("President", "Mayor").
    title: Vec<bool>,
    doc: Vec<u8>,
    /// Whether each word is a known lower-case word (`Lexicon`).
    lexical: Vec<bool>,
    lower: Vec<String>,
    names: Vec<&'static str>,
    shapes: Vec<String>,
    gaz: Vec<&'static str>,
    /// Whether each word ends many organisation names.
    desig: Vec<bool>,
    /// Whether each word heads an "X of Y" organisation name here ("Bank" in "Bank of
    /// Japan").
    ofhead: Vec<bool>,
    caprun: Vec<&'static str>,
    titlecase: bool,
    /// Each word's universal part of speech from the syntax tagger; empty in a model
    /// trained without it.
    pos: Vec<&'static str>,
}

fn gazetteer_tags(g: &Gazetteer, words: &[&str], out: &mut Vec<&'static str>) {
    out.clear();
    out.resize(words.len(), "-");
    let max = g.max_words.min(5);
    let mut i = 0;
    while i < words.len() {
        let mut hit = None;
        if is_cap(words[i]) && words[i] != "The" {
            for len in (1..=max.min(words.len() - i)).rev() {
                let ws = &words[i..i + len];
                if len > 1 && !is_cap(ws[len - 1]) {
                    continue;
                }
                let tag = if g.landmark(ws).is_some() {
                    Some("L")
                } else if g.nationality(ws).is_some() {
                    Some("N")
                } else {
                    let c = g.candidates(ws);
                    if c.is_empty() {
                        g.is_org(ws).then_some("O")
                    } else {
                        let kinds = c.iter().map(|&k| g.places[k as usize].kind);
                        let mut best = "P";
                        for k in kinds {
                            match k {
                                PlaceKind::Country => best = "C",
                                PlaceKind::Admin1 if best != "C" => best = "A",
                                _ => {}
                            }
                        }
                        Some(best)
                    }
                };
                if let Some(t) = tag {
                    hit = Some((len, t));
                    break;
                }
            }
        }
        match hit {
            Some((len, t)) => {
                out[i] = match t {
                    "L" => "L-B",
                    "N" => "N-B",
                    "C" => "C-B",
                    "A" => "A-B",
                    "O" => "O-B",
                    _ => "P-B",
                };
                for o in &mut out[i + 1..i + len] {
                    *o = match t {
                        "L" => "L-I",
                        "N" => "N-I",
                        "C" => "C-I",
                        "A" => "A-I",
                        "O" => "O-I",
                        _ => "P-I",
                    };
                }
                i += len;
            }
            None => i += 1,
        }
    }
}

impl SentCtx {
    fn new(
        g: &Gazetteer,
        lex: &Lexicon,
        words: &[&str],
        doc: &DocCtx,
        pos: Vec<&'static str>,
    ) -> SentCtx {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let lexical = lower.iter().map(|l| lex.contains(l)).collect();
        let docf = lower.iter().map(|l| doc.get(l)).collect();
        let shapes = words
            .iter()
            .map(|w| {
                let mut s = String::new();
                shape(w, &mut s);
                s
            })
            .collect();
        let mut gaz = Vec::new();
        gazetteer_tags(g, words, &mut gaz);
        let desig = words
            .iter()
            .zip(&lower)
            .map(|(w, l)| is_cap(w) && g.is_org_designator(l))
            .collect();
        let ofhead = (0..words.len())
            .map(|i| {
                let next = |k: usize| lower.get(i + k).map(String::as_str);
                is_cap(words[i])
                    && matches!(next(1), Some("of" | "for"))
                    && words.get(i + 2).is_some_and(|w| is_cap(w) || *w == "the")
                    && g.is_org_head(&lower[i])
            })
            .collect();
        let alpha: Vec<&&str> = words
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_alphabetic) && w.len() > 3)
            .collect();
        let caps = alpha.iter().filter(|w| is_cap(w)).count();
        let titlecase = alpha.len() >= 3 && caps * 10 >= alpha.len() * 7;
        let caprun = (0..words.len())
            .map(|i| {
                let c = is_cap(words[i]);
                let pc = i > 0 && is_cap(words[i - 1]);
                let nc = i + 1 < words.len() && is_cap(words[i + 1]);
                match (c, pc, nc) {
                    (false, _, _) => "-",
                    (true, false, false) => "S",
                    (true, false, true) => "B",
                    (true, true, true) => "I",
                    (true, true, false) => "E",
                }
            })
            .collect();
        let names = words
            .iter()
            .zip(&lower)
            .map(|(w, l)| {
                if !is_cap(w) {
                    return "-";
                }
                match (g.is_first_name(l), g.is_given_name(l), g.is_surname(l)) {
                    (true, _, true) => "FS",
                    (true, _, false) => "F",
                    (false, true, true) => "GS",
                    (false, true, false) => "G",
                    (false, false, true) => "S",
                    _ => "-",
                }
            })
            .collect();
        SentCtx {
            title: words.iter().map(|w| crate::corpus::is_title(w)).collect(),
            doc: docf,
            lexical,
            lower,
            names,
            shapes,
            gaz,
            desig,
            ofhead,
            caprun,
            titlecase,
            pos,
        }
    }
}

/// The syntax tagger's parts of speech for the NER features: GUM calls a mention named when
/// its head is a proper noun, and the syntax tagger has seen the proper nouns of UD EWT as
/// well as GUM's. Shared, loaded once.
#[derive(Clone)]
pub struct PosTags {
    model: Arc<dyad_syntax::Model>,
    /// Tags to use instead of the tagger's for given sentences (their words joined by
    /// spaces): in training, the jackknifed tags of the syntax tagger's own training
    /// sentences, which it would tag better than any new text.
    given: Arc<HashMap<String, Vec<&'static str>>>,
}

impl PosTags {
    /// Wraps a loaded syntax model.
    pub fn new(model: Arc<dyad_syntax::Model>) -> PosTags {
        PosTags {
            model,
            given: Arc::default(),
        }
    }

    /// The committed syntax model.
    pub fn load_default() -> Result<PosTags, ModelError> {
        dyad_syntax::Model::load_default()
            .map(|m| PosTags::new(Arc::new(m)))
            .map_err(|e| ModelError::Syntax(e.to_string()))
    }

    /// The same tagger, answering for these sentences (words and their UPOS tags) with the
    /// tags given.
    pub fn with_given<'a>(
        &self,
        sentences: impl IntoIterator<Item = (&'a [&'a str], &'a [String])>,
    ) -> PosTags {
        let given = sentences
            .into_iter()
            .map(|(w, t)| {
                (
                    w.join(" "),
                    t.iter().map(|t| dyad_syntax::upos_static(t)).collect(),
                )
            })
            .collect();
        PosTags {
            model: self.model.clone(),
            given: Arc::new(given),
        }
    }

    /// The same tagger with the tags it gives `sentences` now (given or tagged) kept: a
    /// trainer reads the same sentences every epoch, and then tags each of them once.
    pub fn fixed<'a>(&self, sentences: impl IntoIterator<Item = &'a [&'a str]>) -> PosTags {
        let mut buf = dyad_syntax::TagBuffers::default();
        let mut given = (*self.given).clone();
        for words in sentences {
            let tags = self.tag(words, &mut buf);
            given.insert(words.join(" "), tags);
        }
        PosTags {
            model: self.model.clone(),
            given: Arc::new(given),
        }
    }

    /// Tags `words`.
    fn tag(&self, words: &[&str], buf: &mut dyad_syntax::TagBuffers) -> Vec<&'static str> {
        if !self.given.is_empty()
            && let Some(t) = self.given.get(&words.join(" "))
            && t.len() == words.len()
        {
            return t.clone();
        }
        let mut tags = Vec::with_capacity(words.len());
        self.model.tag_upos(words, buf, &mut tags);
        tags
    }
}

/// Tags `words` when there is a syntax model; otherwise no tags.
fn pos_of(
    pos: Option<&PosTags>,
    words: &[&str],
    buf: &mut dyad_syntax::TagBuffers,
) -> Vec<&'static str> {
    pos.map(|p| p.tag(words, buf)).unwrap_or_default()
}

/// Pushes the FNV-1a hash of the pieces written one after another: the value `format!`
/// of the same pieces would hash to, without the formatting machinery (this is the actor
/// stage's inner loop).
macro_rules! fh {
    ($out:expr; $($piece:expr),+ $(,)?) => {{
        let mut h = Fnv(FNV_OFFSET);
        $( Piece::feed(&$piece, &mut h); )+
        $out.push(h.0);
    }};
}

/// A feature piece, hashed as its `Display` form.
trait Piece {
    fn feed(&self, h: &mut Fnv);
}

impl Piece for &str {
    fn feed(&self, h: &mut Fnv) {
        h.bytes(self.as_bytes());
    }
}

impl Piece for &String {
    fn feed(&self, h: &mut Fnv) {
        h.bytes(self.as_bytes());
    }
}

impl Piece for bool {
    fn feed(&self, h: &mut Fnv) {
        h.bytes(if *self { b"true" } else { b"false" });
    }
}

impl Piece for usize {
    /// Decimal, as `Display` writes it.
    fn feed(&self, h: &mut Fnv) {
        let mut buf = [0u8; 20];
        let (mut k, mut v) = (buf.len(), *self);
        loop {
            k -= 1;
            buf[k] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        h.bytes(&buf[k..]);
    }
}

impl Piece for u8 {
    fn feed(&self, h: &mut Fnv) {
        usize::from(*self).feed(h);
    }
}

/// The entry `k` places from word `i` in a per-word list, "_" outside the sentence.
fn around<T: AsRef<str>>(v: &[T], i: usize, k: isize) -> &str {
    i.checked_add_signed(k)
        .and_then(|j| v.get(j))
        .map_or("_", AsRef::as_ref)
}

/// Hashes the features of word `i` given the two previous tags into `out`.
fn features(cx: &SentCtx, words: &[&str], i: usize, p1: usize, p2: usize, out: &mut Vec<u64>) {
    out.clear();
    let n = words.len();
    let lw = |k: isize| -> &str {
        let j = i as isize + k;
        if j < 0 {
            "<s>"
        } else if j as usize >= n {
            "</s>"
        } else {
            &cx.lower[j as usize]
        }
    };
    let sh = |k: isize| around(&cx.shapes, i, k);
    let gz = |k: isize| around(&cx.gaz, i, k);
    let w = &cx.lower[i];
    fh!(out; "b");
    fh!(out; "w=", w);
    // The cased form separates "New" (in names) from "new".
    fh!(out; "wc=", words[i]);
    if i + 1 < n {
        fh!(out; "wcn=", words[i], "|", words[i + 1]);
    }
    if i > 0 {
        fh!(out; "wcp=", words[i - 1], "|", words[i]);
    }
    fh!(out; "s=", sh(0));
    // Affixes of up to four characters, sliced at character boundaries: byte offsets of the
    // last five character starts (from the end) and of the first four character ends.
    let nchars = w.chars().count();
    let mut starts = [0usize; 5];
    for (k, (b, _)) in w.char_indices().rev().take(5).enumerate() {
        starts[k] = b;
    }
    for k in 2..=4usize {
        if nchars > k {
            let suf: &str = &w[starts[k - 1]..];
            fh!(out; "suf", k, "=", suf);
        }
    }
    let mut ends = w.char_indices().map(|(b, c)| b + c.len_utf8());
    for k in 1..=3usize {
        let end = ends.next().unwrap_or(w.len());
        if nchars > k {
            let pre: &str = &w[..end];
            fh!(out; "pre", k, "=", pre);
        }
    }
    fh!(out; "w-1=", lw(-1));
    fh!(out; "w+1=", lw(1));
    fh!(out; "w-2=", lw(-2));
    fh!(out; "w+2=", lw(2));
    fh!(out; "w-1w=", lw(-1), "|", w);
    fh!(out; "ww+1=", w, "|", lw(1));
    fh!(out; "s-1=", sh(-1));
    fh!(out; "s+1=", sh(1));
    fh!(out; "s-1s+1=", sh(-1), "|", sh(0), "|", sh(1));
    fh!(out; "t-1=", LABELS[p1]);
    fh!(out; "t-2t-1=", LABELS[p2], "|", LABELS[p1]);
    fh!(out; "t-1w=", LABELS[p1], "|", w);
    fh!(out; "t-1s=", LABELS[p1], "|", sh(0));
    fh!(out; "g=", gz(0));
    fh!(out; "g-1=", gz(-1));
    fh!(out; "g+1=", gz(1));
    fh!(out; "gt-1=", gz(0), "|", LABELS[p1]);
    let nm = |k: isize| around(&cx.names, i, k);
    fh!(out; "n=", nm(0));
    fh!(out; "d=", cx.doc[i], "|", cx.caprun[i]);
    fh!(out; "dn=", cx.doc[i], "|", nm(0));
    if i == 0 {
        fh!(out; "d0=", cx.doc[i], "|", sh(0));
    }
    fh!(out; "n-1n=", nm(-1), "|", nm(0));
    fh!(out; "nn+1=", nm(0), "|", nm(1));
    fh!(out; "cr=", cx.caprun[i], "|tc=", cx.titlecase);
    fh!(out; "crs=", cx.caprun[i], "|", sh(0));
    if i == 0 {
        fh!(out; "first|", sh(0));
        fh!(out; "firstw=", w);
        // A sentence's first word is capitalised whatever it is, so the document's other
        // mentions decide most of them; a gazetteer name decides where there are none
        // ("Germany said ...").
        fh!(out; "g0=", gz(0), "|", cx.doc[i]);
    }
    if cx.titlecase {
        fh!(out; "tcw=", w);
    }
    if cx.title[i] {
        fh!(out; "title");
    }
    if is_cap(words[i]) {
        fh!(out; "lx=", cx.lexical[i], "|", i == 0, "|", cx.doc[i] & D_CAPMID != 0);
        fh!(out; "lxg=", cx.lexical[i], "|", i == 0, "|", gz(0));
    }
    // An organisation designator here or ahead in the run of capitalised words.
    let desig_ahead = (i + 1..n)
        .take(4)
        .take_while(|&j| is_cap(words[j]) || words[j] == "&")
        .any(|j| cx.desig[j]);
    fh!(out; "od=", cx.desig[i], "|", desig_ahead, "|", cx.caprun[i]);
    // Inside "X of (the) Y" after an organisation head.
    if cx.ofhead[i] {
        fh!(out; "oh");
    } else if (i >= 2 && cx.ofhead[i - 2])
        || (i >= 3 && cx.ofhead[i - 3] && cx.lower[i - 1] == "the")
    {
        fh!(out; "oh-|", sh(0));
    }
    if cx.doc[i] & D_BEFOREORG != 0 {
        fh!(out; "dorg|", sh(0));
    }
    if i > 0 && cx.title[i - 1] {
        fh!(out; "title-1|", sh(0));
    }
    if !cx.pos.is_empty() {
        let ps = |k: isize| around(&cx.pos, i, k);
        fh!(out; "p=", ps(0));
        fh!(out; "pp-1=", ps(-1), "|", ps(0));
        fh!(out; "pp+1=", ps(0), "|", ps(1));
        fh!(out; "ps=", ps(0), "|", sh(0));
        fh!(out; "pt-1=", ps(0), "|", LABELS[p1]);
        fh!(out; "pcr=", ps(0), "|", cx.caprun[i]);
    }
}

/// Whether word `i` is a title's portfolio or country, not a name: a capitalised common word
/// or a nationality word right before a capitalised title ("Peru's [Foreign] Minister", "the
/// [Interior] Secretary", "[Turkish] President Recep Tayyip Erdogan").
fn before_title(cx: &SentCtx, words: &[&str], i: usize) -> bool {
    i + 1 < words.len()
        && is_cap(words[i + 1])
        && cx.title[i + 1]
        && ((cx.lexical[i] && cx.gaz[i] == "-") || cx.gaz[i] == "N-B")
}

/// Whether tag `t` may follow tag `prev` in IOB2.
fn allowed(prev: usize, t: usize) -> bool {
    // I-X (odd-even pairs: 2 follows 1 or 2, 4 follows 3 or 4, …).
    if t == 0 || t % 2 == 1 {
        return true;
    }
    prev == t || prev == t - 1
}

/// Repairs chunks that run over a title, in the tagger's output, so that every user of the
/// tagger sees names as the training data defines them (titles are not part of a person's
/// name): a person chunk loses its leading titles ("[President Trump]" → "President
/// [Trump]"), and a chunk with a capitalised title inside followed by a capitalised word is
/// split there, the part after the title a person ("[Apple Computer CEO Steve Jobs]" →
/// "[Apple Computer] CEO [Steve Jobs]"). A weekday never ends a multi-word name ("Israel
/// Friday"). Only person chunks lose a leading title: "General Motors" and "Prince Edward
/// Island" are not people.
fn repair_titles(words: &[&str], out: &mut [usize]) {
    use crate::corpus::is_title;
    const B_PER: usize = 1;
    const I_PER: usize = 2;
    let n = out.len();
    let mut i = 0;
    while i < n {
        // Only a B- tag (odd index) starts a chunk.
        if out[i] == 0 || out[i].is_multiple_of(2) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < n && out[end] == out[i] + 1 {
            end += 1;
        }
        let mut start = i;
        if out[i] == B_PER {
            while start + 1 < end && is_title(words[start]) && is_cap(words[start + 1]) {
                out[start] = 0;
                start += 1;
            }
            out[start] = B_PER;
        }
        for k in start + 1..end.saturating_sub(1) {
            if is_title(words[k]) && is_cap(words[k]) && is_cap(words[k + 1]) {
                let mut t = k;
                while t < end - 1 && is_title(words[t]) {
                    out[t] = 0;
                    t += 1;
                }
                out[t] = B_PER;
                for o in &mut out[t + 1..end] {
                    *o = I_PER;
                }
                break;
            }
        }
        if end - start > 1 && out[end - 1] != 0 && is_weekday(words[end - 1]) {
            out[end - 1] = 0;
        }
        i = end;
    }
}

fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// The tagger. Cheap to share (`Arc` inside); build once.
#[derive(Clone)]
pub struct Ner {
    weights: Arc<Vec<f32>>,
    index: Arc<FeatMap>,
    gaz: Arc<Gazetteer>,
    lexicon: Arc<Lexicon>,
    /// The name typer (empty in a model without one) and the weight of the tagger's own
    /// first-word scores beside it.
    typer: Arc<Typer>,
    mix: Mix,
    /// The syntax tagger whose parts of speech the features read, in a model trained with
    /// them.
    pos: Option<PosTags>,
    /// The model header lines (without `#`).
    pub header: Arc<Vec<String>>,
}

impl std::fmt::Debug for Ner {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ner")
            .field("features", &self.index.len())
            .finish()
    }
}

/// How a candidate's final scores are put together (see [`Ner::tag_doc`]), chosen on the dev
/// sets by the trainer and stored in the model file.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mix {
    /// Weight of the tagger's own scores at the candidate's first word.
    pub tagger: f32,
    /// Weight of the mean typer scores of the document's other candidates with the same
    /// document key (`doc_key`).
    pub doc: f32,
    /// Taken off the NONE score: the typer is trained on candidates of which most are no
    /// names, and this sets where precision is traded for recall.
    pub none_bias: f32,
    /// Taken off the MISC score: MISC (works, events, products) is the typer's other way of
    /// saying "no person, place or organisation", and the GUM names it learns it from are
    /// few and mixed.
    pub misc_bias: f32,
}

impl Default for Mix {
    fn default() -> Self {
        Mix {
            tagger: 1.0,
            doc: 0.0,
            none_bias: 0.0,
            misc_bias: 0.0,
        }
    }
}

impl Mix {
    /// A candidate's own scores: the typer's (`typer`) plus the weighted tagger's at its
    /// first word (`tagger`), less the biases.
    pub fn own(&self, tagger: &[f32; NT], typer: &[f32; NT]) -> [f32; NT] {
        let mut s = [0f32; NT];
        for ((o, t), y) in s.iter_mut().zip(tagger).zip(typer) {
            *o = t * self.tagger + y;
        }
        s[crate::typer::NONE] -= self.none_bias;
        s[crate::typer::MISC] -= self.misc_bias;
        s
    }

    /// The final scores of a document's candidates from their own scores (`own`) and their
    /// document keys (`keys`, see `doc_key`): each adds the document weight times the mean
    /// own scores of the other candidates with its key.
    pub fn in_document<K: AsRef<str>>(&self, keys: &[K], own: &[[f32; NT]]) -> Vec<[f32; NT]> {
        let mut totals: HashMap<&str, ([f32; NT], u32)> = HashMap::new();
        for (k, s) in keys.iter().zip(own) {
            let t = totals.entry(k.as_ref()).or_default();
            for (a, b) in t.0.iter_mut().zip(s) {
                *a += b;
            }
            t.1 += 1;
        }
        keys.iter()
            .zip(own)
            .map(|(k, &s)| {
                let mut scores = s;
                if let Some((sum, count)) = totals.get(k.as_ref())
                    && *count > 1
                {
                    let others = (*count - 1) as f32;
                    for ((o, total), own) in scores.iter_mut().zip(sum).zip(s) {
                        *o += self.doc * (total - own) / others;
                    }
                }
                scores
            })
            .collect()
    }
}

/// Reusable buffers for tagging.
#[derive(Default)]
pub struct NerScratch {
    feats: Vec<u64>,
    /// The tagger's scores for B-PER, B-ORG, B-LOC, B-MISC and O at each word.
    first: Vec<[f32; NT]>,
    names: Vec<NameScore>,
    cands: Vec<crate::typer::Candidate>,
    doc_tags: Vec<Vec<usize>>,
    pos: dyad_syntax::TagBuffers,
}

/// One sentence's candidate names ([`Ner::doc_candidates`]).
pub struct SentenceCandidates {
    /// The sentence's words, lower-cased.
    pub lower: Vec<String>,
    /// Their parts of speech (empty for a model without them).
    pub pos: Vec<&'static str>,
    /// Each candidate with the tagger's scores (B-PER, B-ORG, B-LOC, B-MISC, O) at its first
    /// word.
    pub names: Vec<(crate::typer::Candidate, [f32; NT])>,
}

/// A name the tagger found and its type scores.
struct NameScore {
    sentence: usize,
    start: usize,
    end: usize,
    /// What its other uses in the document share (`doc_key`).
    key: String,
    scores: [f32; NT],
}

/// What a name shares with its other uses in the document: its last word, where English puts
/// a name's head ("Ana Ruiz" and "Ruiz", "Columbia University" and "Boston University"); a
/// name with a connector in it has its head before the connector ("University of
/// Copenhagen" is no use of "Copenhagen"), so it shares only its whole self.
pub fn doc_key(lower: &[String]) -> String {
    if lower.len() > 2
        && lower[1..lower.len() - 1].iter().any(|w| {
            matches!(
                w.as_str(),
                "of" | "for" | "and" | "&" | "de" | "the" | "on" | "in"
            )
        })
    {
        lower.join(" ")
    } else {
        lower.last().cloned().unwrap_or_default()
    }
}

fn argmax(scores: &[f32; NT]) -> usize {
    (0..NT)
        .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
        .unwrap_or(0)
}

/// Gives the candidate `n` in `tags` type `t` (an index into [`crate::typer::TYPES`]);
/// `NONE` makes it no name.
fn set_type(tags: &mut [usize], n: &NameScore, t: usize) {
    if t == crate::typer::NONE {
        tags[n.start..n.end].fill(0);
        return;
    }
    tags[n.start] = 2 * t + 1;
    for o in &mut tags[n.start + 1..n.end] {
        *o = 2 * t + 2;
    }
}

impl Ner {
    /// The committed model with the given gazetteer.
    pub fn new(gaz: Arc<Gazetteer>) -> Result<Ner, ModelError> {
        Ner::from_text(MODEL, gaz)
    }

    /// The committed model, reading parts of speech (if it does) from `pos` rather than
    /// loading the syntax model again.
    pub fn with_shared_pos(gaz: Arc<Gazetteer>, pos: &PosTags) -> Result<Ner, ModelError> {
        Ner::read(MODEL, gaz, Some(pos))
    }

    /// Reads a model from its text.
    pub fn from_text(text: &str, gaz: Arc<Gazetteer>) -> Result<Ner, ModelError> {
        Ner::read(text, gaz, None)
    }

    fn read(text: &str, gaz: Arc<Gazetteer>, pos: Option<&PosTags>) -> Result<Ner, ModelError> {
        let mut wants_pos = false;
        let mut lines = text.lines();
        if lines.next().map(|l| l.trim_start_matches("# ")) != Some(FORMAT) {
            return Err(ModelError::Format);
        }
        let mut header = Vec::new();
        let mut index = FeatMap::default();
        let mut weights = Vec::new();
        let mut lexicon = Lexicon::default();
        let mut typer = Typer::default();
        let mut mix = Mix::default();
        for (no, line) in lines.enumerate() {
            if let Some(t) = line.strip_prefix('~') {
                let bad = || ModelError::Line(no + 2);
                let (h, ws) = t.split_once('\t').ok_or_else(bad)?;
                let value = match h {
                    "tagger-weight" => Some(&mut mix.tagger),
                    "doc-weight" => Some(&mut mix.doc),
                    "none-bias" => Some(&mut mix.none_bias),
                    "misc-bias" => Some(&mut mix.misc_bias),
                    "pos" => {
                        wants_pos = true;
                        continue;
                    }
                    _ => None,
                };
                if let Some(v) = value {
                    *v = ws.parse().map_err(|_| bad())?;
                    continue;
                }
                let h = u64::from_str_radix(h, 16).map_err(|_| bad())?;
                let mut row = [0f32; NT];
                for part in ws.split(' ') {
                    let (l, v) = part.split_once(':').ok_or_else(bad)?;
                    let l: usize = l.parse().map_err(|_| bad())?;
                    *row.get_mut(l).ok_or_else(bad)? = v.parse().map_err(|_| bad())?;
                }
                typer.insert(h, row);
                continue;
            }
            if let Some(h) = line.strip_prefix('#') {
                header.push(h.trim().to_string());
                continue;
            }
            if let Some(w) = line.strip_prefix('=') {
                lexicon.words.insert(w.to_string());
                continue;
            }
            let (h, ws) = line.split_once('\t').ok_or(ModelError::Line(no + 2))?;
            let h = u64::from_str_radix(h, 16).map_err(|_| ModelError::Line(no + 2))?;
            let row = weights.len();
            weights.resize(row + NL, 0.0);
            for part in ws.split(' ') {
                let (l, v) = part.split_once(':').ok_or(ModelError::Line(no + 2))?;
                let l: usize = l.parse().map_err(|_| ModelError::Line(no + 2))?;
                let v: f32 = v.parse().map_err(|_| ModelError::Line(no + 2))?;
                if l >= NL {
                    return Err(ModelError::Line(no + 2));
                }
                weights[row + l] = v;
            }
            index.insert(h, (row / NL) as u32);
        }
        Ok(Ner {
            weights: Arc::new(weights),
            index: Arc::new(index),
            gaz,
            lexicon: Arc::new(lexicon),
            typer: Arc::new(typer),
            mix,
            pos: match (wants_pos, pos) {
                (false, _) => None,
                (true, Some(p)) => Some(p.clone()),
                (true, None) => Some(PosTags::load_default()?),
            },
            header: Arc::new(header),
        })
    }

    /// The gazetteer the features use.
    pub fn gazetteer(&self) -> &Arc<Gazetteer> {
        &self.gaz
    }

    /// Tags one sentence, as a document of its own; `out` receives one index into [`LABELS`]
    /// per word. [`Ner::tag_doc`] also weighs the names' other uses in the document.
    pub fn tag(
        &self,
        words: &[&str],
        doc: &DocCtx,
        scratch: &mut NerScratch,
        out: &mut Vec<usize>,
    ) {
        let mut one = std::mem::take(&mut scratch.doc_tags);
        self.tag_doc(&[words], doc, scratch, &mut one);
        out.clear();
        out.append(&mut one[0]);
        scratch.doc_tags = one;
    }

    /// Tags the sentences of one document; `out` receives one tag vector per sentence. A
    /// name's type weighs, beside its own scores, the mean scores of the document's other
    /// names with the same head word (`doc_key`): "Gloria" in "Gloria 's eczema" and in "daughter
    /// Gloria", "Byron" in "In Byron 's later memoirs" and in "Byron received".
    pub fn tag_doc(
        &self,
        sentences: &[&[&str]],
        doc: &DocCtx,
        scratch: &mut NerScratch,
        out: &mut Vec<Vec<usize>>,
    ) {
        self.tag_doc_tagged(sentences, &[], doc, scratch, out);
    }

    /// [`Self::tag_doc`] with the parts of speech of some sentences already known (`upos`,
    /// by sentence; an empty or missing list where they are not): the event stage's parser
    /// has tagged most sentences, and tagging is most of the cost of a model that reads them.
    pub fn tag_doc_tagged(
        &self,
        sentences: &[&[&str]],
        upos: &[Vec<&'static str>],
        doc: &DocCtx,
        scratch: &mut NerScratch,
        out: &mut Vec<Vec<usize>>,
    ) {
        scratch.names.clear();
        let cands = self.doc_candidates(sentences, upos, doc, scratch, out);
        if self.typer.is_empty() {
            return;
        }
        for (si, (words, sc)) in sentences.iter().zip(&cands).enumerate() {
            let lower = &sc.lower;
            for (c, first) in &sc.names {
                let sentence = crate::typer::Sentence {
                    words,
                    lower,
                    pos: &sc.pos,
                };
                crate::typer::features(&self.gaz, doc, &sentence, c, true, &mut scratch.feats);
                let mut typer = [0f32; NT];
                self.typer.score(&scratch.feats, &mut typer);
                scratch.names.push(NameScore {
                    sentence: si,
                    start: c.start,
                    end: c.end,
                    key: doc_key(&lower[c.start..c.end]),
                    scores: self.mix.own(first, &typer),
                });
            }
        }
        let keys: Vec<&str> = scratch.names.iter().map(|n| n.key.as_str()).collect();
        let own: Vec<[f32; NT]> = scratch.names.iter().map(|n| n.scores).collect();
        for (n, scores) in scratch.names.iter().zip(self.mix.in_document(&keys, &own)) {
            set_type(&mut out[n.sentence], n, argmax(&scores));
        }
    }

    /// Tags one sentence's words (tagger and repairs) and returns them lower-cased, with their
    /// parts of speech (`upos` when given, else tagged here); the tagger's first-word scores
    /// are left in `scratch.first` and the candidate names in `scratch.cands`.
    fn tag_words(
        &self,
        words: &[&str],
        upos: Option<&Vec<&'static str>>,
        doc: &DocCtx,
        scratch: &mut NerScratch,
        out: &mut Vec<usize>,
    ) -> (Vec<String>, Vec<&'static str>) {
        out.clear();
        scratch.cands.clear();
        if words.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let pos = match upos {
            Some(t) if self.pos.is_some() && t.len() == words.len() => t.clone(),
            _ => pos_of(self.pos.as_ref(), words, &mut scratch.pos),
        };
        let cx = SentCtx::new(&self.gaz, &self.lexicon, words, doc, pos);
        let (mut p1, mut p2) = (0, 0);
        scratch.first.clear();
        for i in 0..words.len() {
            features(&cx, words, i, p1, p2, &mut scratch.feats);
            let mut scores = [0f32; NL];
            for f in &scratch.feats {
                if let Some(&r) = self.index.get(f) {
                    let row = &self.weights[r as usize * NL..r as usize * NL + NL];
                    for (s, w) in scores.iter_mut().zip(row) {
                        *s += w;
                    }
                }
            }
            let best = (0..NL)
                .filter(|&t| allowed(p1, t))
                .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
                .unwrap_or(0);
            out.push(best);
            scratch
                .first
                .push([scores[1], scores[3], scores[5], scores[7], scores[0]]);
            p2 = p1;
            p1 = best;
        }
        repair_titles(words, out);
        // Two person chunks side by side are one name ("[Ana] [Ruiz]" → "[Ana Ruiz]"): news
        // separates the people of a list with commas or "and".
        for i in 1..out.len() {
            if out[i] == 1 && matches!(out[i - 1], 1 | 2) && is_cap(words[i]) {
                out[i] = 2;
            }
        }
        // A lone word chunk right before a title is the title's portfolio or country.
        for i in 0..out.len().saturating_sub(1) {
            // A one-word chunk: a B- tag (odd) not followed by its I-.
            let b = out[i];
            let lone = b % 2 == 1 && out[i + 1] != b + 1;
            if lone && before_title(&cx, words, i) {
                out[i] = 0;
            }
        }
        // The candidate names: no run takes in a title or the word before one (as above).
        crate::typer::candidates(
            words,
            out,
            &crate::typer::WordFlags {
                lexical: &|i| cx.lexical[i],
                blocked: &|i| cx.title[i] || before_title(&cx, words, i),
                of_head: &|i| self.gaz.is_org_head(&cx.lower[i]),
            },
            &mut scratch.cands,
        );
        (cx.lower, cx.pos)
    }

    /// The tagger's own output for the sentences of a document (`out`, no typer) and each
    /// sentence's candidate names, with the tagger's scores at their first word; `upos` as
    /// for [`Self::tag_doc_tagged`].
    pub fn doc_candidates(
        &self,
        sentences: &[&[&str]],
        upos: &[Vec<&'static str>],
        doc: &DocCtx,
        scratch: &mut NerScratch,
        out: &mut Vec<Vec<usize>>,
    ) -> Vec<SentenceCandidates> {
        out.resize_with(sentences.len(), Vec::new);
        out.truncate(sentences.len());
        let mut all = Vec::with_capacity(sentences.len());
        for (i, (words, tags)) in sentences.iter().zip(out.iter_mut()).enumerate() {
            let (lower, pos) = self.tag_words(words, upos.get(i), doc, scratch, tags);
            let names = scratch
                .cands
                .drain(..)
                .map(|c| {
                    let first = scratch.first[c.start];
                    (c, first)
                })
                .collect();
            all.push(SentenceCandidates { lower, pos, names });
        }
        all
    }

    /// The name typer (empty for a model without one).
    pub fn typer(&self) -> &Typer {
        &self.typer
    }

    /// How the typer's scores are mixed with the tagger's.
    pub fn mix(&self) -> Mix {
        self.mix
    }

    /// The same model with another typer and weights (for training).
    pub fn with_typer(&self, typer: Typer, mix: Mix) -> Ner {
        Ner {
            typer: Arc::new(typer),
            mix,
            ..self.clone()
        }
    }

    /// Tags one sentence as a document of its own and returns IOB2 strings.
    pub fn tag_strings(&self, words: &[&str]) -> Vec<&'static str> {
        let mut s = NerScratch::default();
        let mut out = Vec::new();
        let doc = DocCtx::build(&self.gaz, [words]);
        // A document of one sentence: a name used twice in it weighs on both uses.
        self.tag_doc(&[words], &doc, &mut s, &mut out);
        out.pop()
            .unwrap_or_default()
            .into_iter()
            .map(|t| LABELS[t])
            .collect()
    }
}

/// The weights of an averaged perceptron during training: one row of `width` weights per
/// feature hash, with the running sums that averaging needs (updated lazily: a weight's sum
/// is brought up to date only when it changes). Shared by the tagger's and the typer's
/// trainers.
pub(crate) struct Averaging {
    width: usize,
    pub(crate) index: FeatMap,
    w: Vec<f32>,
    total: Vec<f64>,
    stamp: Vec<u64>,
    /// Examples (words, names) seen so far.
    pub(crate) step: u64,
}

impl Averaging {
    pub(crate) fn new(width: usize) -> Averaging {
        Averaging {
            width,
            index: FeatMap::default(),
            w: Vec::new(),
            total: Vec::new(),
            stamp: Vec::new(),
            step: 0,
        }
    }

    /// Adds the current weights of `feats` into `scores`.
    pub(crate) fn scores(&self, feats: &[u64], scores: &mut [f32]) {
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                let row = &self.w[r as usize * self.width..(r as usize + 1) * self.width];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// Moves weight from label `wrong` to label `right` for every feature of `feats`.
    pub(crate) fn update(&mut self, feats: &[u64], right: usize, wrong: usize) {
        for &f in feats {
            let r = self.row(f);
            self.bump(r, right, 1.0);
            self.bump(r, wrong, -1.0);
        }
    }

    fn row(&mut self, f: u64) -> usize {
        let next = self.index.len() as u32;
        let r = *self.index.entry(f).or_insert(next) as usize;
        if r * self.width >= self.w.len() {
            self.w.resize((r + 1) * self.width, 0.0);
            self.total.resize((r + 1) * self.width, 0.0);
            self.stamp.resize((r + 1) * self.width, 0);
        }
        r
    }

    fn bump(&mut self, r: usize, l: usize, d: f32) {
        let k = r * self.width + l;
        self.total[k] += (self.step - self.stamp[k]) as f64 * self.w[k] as f64;
        self.stamp[k] = self.step;
        self.w[k] += d;
    }

    /// The averaged weight of row `r`, label `l`, per thousand steps: averages of rarely
    /// updated features are tiny, and the choice of a label is scale-free.
    pub(crate) fn average(&self, r: usize, l: usize) -> f32 {
        let k = r * self.width + l;
        let tot = self.total[k] + (self.step - self.stamp[k]) as f64 * self.w[k] as f64;
        (1000.0 * tot / self.step.max(1) as f64) as f32
    }
}

/// Averaged-perceptron trainer.
pub struct Trainer {
    gaz: Arc<Gazetteer>,
    lexicon: Arc<Lexicon>,
    counts: FeatMap,
    min_count: u32,
    weights: Averaging,
    pos: Option<PosTags>,
    pos_buf: dyad_syntax::TagBuffers,
}

impl Trainer {
    /// An empty model.
    pub fn new(gaz: Arc<Gazetteer>) -> Trainer {
        Trainer {
            gaz,
            lexicon: Arc::new(Lexicon::default()),
            counts: FeatMap::default(),
            min_count: 1,
            weights: Averaging::new(NL),
            pos: None,
            pos_buf: dyad_syntax::TagBuffers::default(),
        }
    }

    /// Reads (and makes the model read) the syntax tagger's parts of speech.
    pub fn with_pos(mut self, pos: PosTags) -> Trainer {
        self.pos = Some(pos);
        self
    }

    /// Uses (and stores in the model) this lexicon of lower-case words.
    pub fn with_lexicon(mut self, lexicon: Lexicon) -> Trainer {
        self.lexicon = Arc::new(lexicon);
        self
    }

    /// Counts the features of the training data (with gold history, as training sees them)
    /// and makes features seen fewer than `min_count` times inert: rare features let the
    /// perceptron memorise single sentences.
    pub fn prune_rare(
        &mut self,
        data: &[(Vec<&str>, Vec<usize>, usize)],
        docs: &[DocCtx],
        min_count: u32,
    ) {
        let mut feats = Vec::new();
        for (words, gold, d) in data {
            let pos = pos_of(self.pos.as_ref(), words, &mut self.pos_buf);
            let cx = SentCtx::new(&self.gaz, &self.lexicon, words, &docs[*d], pos);
            let (mut p1, mut p2) = (0, 0);
            for (i, &g) in gold.iter().enumerate().take(words.len()) {
                features(&cx, words, i, p1, p2, &mut feats);
                for f in &feats {
                    *self.counts.entry(*f).or_default() += 1;
                }
                p2 = p1;
                p1 = g;
            }
        }
        self.min_count = min_count;
    }

    /// One pass over the sentences (in the given order); returns the number of word errors.
    /// `data` holds (words, gold tags, index into `docs`).
    pub fn epoch(&mut self, data: &[(Vec<&str>, Vec<usize>, usize)], docs: &[DocCtx]) -> usize {
        let mut errors = 0;
        let mut feats = Vec::new();
        for (words, gold, d) in data {
            let pos = pos_of(self.pos.as_ref(), words, &mut self.pos_buf);
            let cx = SentCtx::new(&self.gaz, &self.lexicon, words, &docs[*d], pos);
            let (mut p1, mut p2) = (0, 0);
            for (i, &g) in gold.iter().enumerate().take(words.len()) {
                self.weights.step += 1;
                features(&cx, words, i, p1, p2, &mut feats);
                let mut scores = [0f32; NL];
                self.weights.scores(&feats, &mut scores);
                let guess = (0..NL)
                    .filter(|&t| allowed(p1, t))
                    .max_by(|&a, &b| scores[a].total_cmp(&scores[b]))
                    .unwrap_or(0);
                if guess != g {
                    errors += 1;
                    if self.min_count > 1 {
                        let (counts, min) = (&self.counts, self.min_count);
                        feats.retain(|f| counts.get(f).is_some_and(|&c| c >= min));
                    }
                    self.weights.update(&feats, g, guess);
                }
                p2 = p1;
                // Condition on the gold history (teacher forcing): on GUM dev and MEANTIME it
                // beat conditioning on the prediction (65.1 vs 64.2, 36.2 vs 33.7 F1).
                p1 = g;
            }
        }
        errors
    }

    /// The averaged model as a tagger; weights below `prune` in absolute value are dropped.
    pub fn averaged(&self, prune: f32) -> Ner {
        let mut index = FeatMap::default();
        let mut weights = Vec::new();
        for (&f, &r) in &self.weights.index {
            let r = r as usize;
            let row: Vec<f32> = (0..NL)
                .map(|l| {
                    // Stored rounded to 0.001.
                    let v = self.weights.average(r, l);
                    if v.abs() < prune {
                        0.0
                    } else {
                        (v * 1000.0).round() / 1000.0
                    }
                })
                .collect();
            if row.iter().any(|&v| v != 0.0) {
                index.insert(f, (weights.len() / NL) as u32);
                weights.extend(row);
            }
        }
        Ner {
            weights: Arc::new(weights),
            index: Arc::new(index),
            gaz: self.gaz.clone(),
            lexicon: self.lexicon.clone(),
            typer: Arc::new(Typer::default()),
            mix: Mix::default(),
            pos: self.pos.clone(),
            header: Arc::new(Vec::new()),
        }
    }
}

impl Ner {
    /// The sum of several models' weights (same gazetteer as the first). For linear models
    /// this is the ensemble that sums the members' scores, at the cost of one model per word;
    /// members trained on different shuffles of the data disagree mostly where each is
    /// unsure, so the sum is steadier than any one of them.
    pub fn sum(models: &[Ner]) -> Option<Ner> {
        let first = models.first()?;
        let mut index = FeatMap::default();
        let mut weights: Vec<f32> = Vec::new();
        for m in models {
            for (&f, &r) in m.index.iter() {
                let next = (weights.len() / NL) as u32;
                let row = *index.entry(f).or_insert(next) as usize;
                if row as u32 == next {
                    weights.resize(weights.len() + NL, 0.0);
                }
                let src = &m.weights[r as usize * NL..r as usize * NL + NL];
                for (d, v) in weights[row * NL..row * NL + NL].iter_mut().zip(src) {
                    // Rounded as the model file stores them, so a sum reads back unchanged.
                    *d = ((*d + v) * 1000.0).round() / 1000.0;
                }
            }
        }
        Some(Ner {
            weights: Arc::new(weights),
            index: Arc::new(index),
            gaz: first.gaz.clone(),
            lexicon: first.lexicon.clone(),
            typer: first.typer.clone(),
            mix: first.mix,
            pos: first.pos.clone(),
            header: Arc::new(Vec::new()),
        })
    }

    /// Writes the model with the given header lines; rows sorted by hash so the file is
    /// reproducible.
    pub fn to_text(&self, header: &[String]) -> String {
        let mut s = format!("# {FORMAT}\n");
        for h in header {
            let _ = writeln!(s, "# {h}");
        }
        let mut rows: Vec<(&u64, &u32)> = self.index.iter().collect();
        rows.sort();
        for (h, &r) in rows {
            let _ = write!(s, "{h:016x}\t");
            let mut first = true;
            for l in 0..NL {
                let v = self.weights[r as usize * NL + l];
                if v != 0.0 {
                    if !first {
                        s.push(' ');
                    }
                    first = false;
                    let _ = write!(s, "{l}:{v}");
                }
            }
            s.push('\n');
        }
        if self.pos.is_some() {
            s.push_str("~pos\t1\n");
        }
        if !self.typer.is_empty() {
            let _ = writeln!(s, "~tagger-weight\t{}", self.mix.tagger);
            let _ = writeln!(s, "~doc-weight\t{}", self.mix.doc);
            let _ = writeln!(s, "~none-bias\t{}", self.mix.none_bias);
            let _ = writeln!(s, "~misc-bias\t{}", self.mix.misc_bias);
            for (h, row) in self.typer.rows() {
                let _ = write!(s, "~{h:016x}\t");
                let parts: Vec<String> = row
                    .iter()
                    .enumerate()
                    .filter(|(_, v)| **v != 0.0)
                    .map(|(l, v)| format!("{l}:{v}"))
                    .collect();
                let _ = writeln!(s, "{}", parts.join(" "));
            }
        }
        let mut words: Vec<&String> = self.lexicon.words.iter().collect();
        words.sort();
        for w in words {
            let _ = writeln!(s, "={w}");
        }
        s
    }
}

/// Converts IOB2 strings to label indices (unknown types become `O`).
pub fn label_ids(tags: &[String]) -> Vec<usize> {
    tags.iter()
        .map(|t| LABELS.iter().position(|l| l == t).unwrap_or(0))
        .collect()
}

/// The key of a word sequence, as the gazetteer indexes it (re-exported for callers that
/// look up tagged spans).
pub fn span_key(words: &[&str]) -> String {
    key(words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feature_pieces_hash_as_their_formatted_text() {
        let fnv = |s: &str| {
            let mut h = Fnv::new();
            h.bytes(s.as_bytes());
            h.0
        };
        let mut out = Vec::new();
        let lower = String::from("kraków");
        // Borrowed, as the features take the sentence's lower-cased words.
        let (w, n, k, b) = (&lower, 207u8, 12usize, true);
        fh!(out; "w=", w, "|", "B-PER", "|", n, "|", k, "|", b, "|", 0u8);
        assert_eq!(out, [fnv(&format!("w={w}|B-PER|{n}|{k}|{b}|0"))]);
    }

    #[test]
    fn a_name_shares_its_head_word_with_its_other_uses() {
        let key = |s: &str| doc_key(&s.split(' ').map(String::from).collect::<Vec<_>>());
        assert_eq!(key("ana ruiz"), "ruiz");
        assert_eq!(key("ruiz"), "ruiz");
        assert_eq!(key("columbia university"), "university");
        // "University of Copenhagen" is not a use of "Copenhagen".
        assert_eq!(key("university of copenhagen"), "university of copenhagen");
        assert_eq!(key("bank of [korea]"), "bank of [korea]");
    }

    #[test]
    fn given_parts_of_speech_replace_the_taggers() {
        let Ok(pos) = PosTags::load_default() else {
            return;
        };
        let mut buf = dyad_syntax::TagBuffers::default();
        let words = ["Ana", "Ruiz", "met", "Lis", "."];
        let own = pos.tag(&words, &mut buf);
        assert_eq!(own.len(), 5);
        assert_eq!(own[2], "VERB");
        let tags: Vec<String> = ["X", "X", "X", "X", "PUNCT"].map(String::from).to_vec();
        let given = pos.with_given([(&words[..], &tags[..])]);
        assert_eq!(given.tag(&words, &mut buf), ["X", "X", "X", "X", "PUNCT"]);
        // Other sentences are tagged as before.
        assert_eq!(given.tag(&words[..3], &mut buf), own[..3]);
    }

    #[test]
    fn shapes() {
        let mut s = String::new();
        shape("McDonald's", &mut s);
        assert_eq!(s, "XxXxx'x");
        s.clear();
        shape("U.S.", &mut s);
        assert_eq!(s, "X.X.");
        s.clear();
        shape("2026", &mut s);
        assert_eq!(s, "dd");
    }

    #[test]
    fn lexicon_keeps_words_seen_twice_in_lower_case() {
        let text =
            "# text = x\n1\tThe\n2\tmost\n1-2\tmost\n3\tMost\n4\tmost\n5\tGermany\n6\tonce\n";
        let lex = Lexicon::from_conllu([text]);
        assert!(lex.contains("most"));
        assert!(!lex.contains("germany") && !lex.contains("once") && !lex.contains("the"));
        assert_eq!(lex.len(), 1);
    }

    #[test]
    fn iob2_constraint() {
        assert!(allowed(1, 2) && allowed(2, 2) && !allowed(0, 2) && !allowed(3, 2));
        assert!(allowed(4, 5) && allowed(0, 0));
    }

    #[test]
    fn titles_are_not_part_of_names() {
        let tag = |ws: &[&str], tags: &[usize]| {
            let mut t = tags.to_vec();
            repair_titles(ws, &mut t);
            t.iter().map(|&i| LABELS[i]).collect::<Vec<_>>()
        };
        assert_eq!(
            tag(&["President", "Trump", "spoke"], &[1, 2, 0]),
            ["O", "B-PER", "O"]
        );
        assert_eq!(
            tag(
                &["Apple", "Computer", "CEO", "Steve", "Jobs"],
                &[1, 2, 2, 2, 2]
            ),
            ["B-PER", "I-PER", "O", "B-PER", "I-PER"]
        );
        assert_eq!(tag(&["General", "Motors"], &[3, 4]), ["B-ORG", "I-ORG"]);
        assert_eq!(
            tag(&["Israel", "Friday", "said"], &[5, 6, 0]),
            ["B-LOC", "O", "O"]
        );
    }

    #[test]
    fn learns_toy_data() {
        let gaz = Arc::new(Gazetteer::new());
        let mut t = Trainer::new(gaz.clone());
        let data: Vec<(Vec<&str>, Vec<usize>, usize)> = vec![
            (
                vec!["Zorblat", "Quux", "visited", "Paris", "."],
                vec![1, 2, 0, 5, 0],
                0,
            ),
            (
                vec!["Acme", "Corp", "hired", "Zorblat", "Quux", "."],
                vec![3, 4, 0, 1, 2, 0],
                0,
            ),
        ];
        let docs = vec![DocCtx::build(&gaz, data.iter().map(|d| d.0.as_slice()))];
        for _ in 0..10 {
            t.epoch(&data, &docs);
        }
        let ner = t.averaged(0.0);
        let text = ner.to_text(&["test".into()]);
        let back = Ner::from_text(&text, gaz).unwrap();
        assert_eq!(
            back.tag_strings(&["Zorblat", "Quux", "visited", "Paris", "."]),
            ["B-PER", "I-PER", "O", "B-LOC", "O"]
        );
        assert_eq!(back.header[0], "test");
    }

    #[test]
    fn a_names_other_uses_in_the_document_weigh_on_its_type() {
        let gaz = Arc::new(Gazetteer::new());
        // A typer that knows one thing: a name after "daughter" is a person.
        let mut h = Fnv::new();
        let _ = write!(h, "l1=daughter");
        let mut typer = Typer::default();
        typer.insert(h.0, [100.0, 0.0, 0.0, 0.0, 0.0]);
        // And, less sure, that a name starting a sentence is a place.
        let mut h = Fnv::new();
        let _ = write!(h, "l1=<s>");
        typer.insert(h.0, [0.0, 0.0, 10.0, 0.0, 0.0]);
        let mut h = Fnv::new();
        let _ = write!(h, "l1=left");
        typer.insert(h.0, [0.0, 0.0, 0.0, 0.0, 0.3]);
        let mix = Mix {
            tagger: 0.0,
            doc: 1.0,
            none_bias: 0.5,
            misc_bias: 0.25,
        };
        let ner = Ner::new(gaz.clone()).unwrap().with_typer(typer, mix);
        // Written back and read again, the typer and its weights survive.
        let ner = Ner::from_text(&ner.to_text(&[]), gaz.clone()).unwrap();
        assert_eq!(ner.mix, mix);
        let s1 = ["Their", "daughter", "Ilsa", "smiled", "."];
        let s2 = ["Ilsa", "left", "early", "."];
        let doc = DocCtx::build(&gaz, [&s1[..], &s2[..]]);
        let mut scratch = NerScratch::default();
        let mut one = Vec::new();
        ner.tag(&s2, &doc, &mut scratch, &mut one);
        assert_eq!(LABELS[one[0]], "B-LOC");
        let mut both = Vec::new();
        ner.tag_doc(&[&s1, &s2], &doc, &mut scratch, &mut both);
        assert_eq!(LABELS[both[0][2]], "B-PER");
        assert_eq!(LABELS[both[1][0]], "B-PER");
        // After "left" the typer leans to NONE (0.3); the bias taken off NONE (0.5) turns
        // the candidate "Early" into a name.
        let words = ["They", "left", "Early", "."];
        let doc = DocCtx::build(&gaz, [&words[..]]);
        let mut with_bias = Vec::new();
        ner.tag(&words, &doc, &mut scratch, &mut with_bias);
        let no_bias = ner.with_typer(
            (*ner.typer).clone(),
            Mix {
                none_bias: 0.0,
                ..mix
            },
        );
        let mut without = Vec::new();
        no_bias.tag(&words, &doc, &mut scratch, &mut without);
        assert_eq!(without[2], 0, "{without:?}");
        assert_ne!(with_bias[2], 0, "{with_bias:?}");
    }
}
