//! Reader for PETRARCH-2 verb pattern dictionaries (`CAMEO.2.0.txt`) and the older
//! PETRARCH validation dictionary (`PETR.Validate.verbs.txt`).
//!
//! # Format, as this reader understands it
//!
//! | construct | example | support |
//! | --- | --- | --- |
//! | comment | `# …` anywhere on a line, `<!-- … -->` (one or several lines) | skipped |
//! | synonym set | `&CURRENCY` then `+DOLLAR`, `+SWISS_FRANC` lines | [`Synset`]; a label or member ending in `_` gets no generated plural |
//! | nested synset | `+&TIETYPES` inside a set | [`SynsetMember::Synset`], expanded recursively |
//! | verb block | `--- ASK [---] ---` | [`VerbBlock`]; `[---]` is the null code (the bare verb codes nothing) |
//! | verb line | `ASK [020]`, `SPEED {SPEEDING SPEEDS SPED}` | [`VerbEntry`]; regular forms are generated only when no `{…}` is given |
//! | multi-word verb | `+ASK_FOR {+ASKED_FOR …}`, `RE_+ARREST` | `+` marks the inflected word |
//! | pattern | `- * (TO BORDER) [154]`, `- &MILITARY * [154]` | [`Pattern`]: words before and after `*` |
//! | noun phrase | `{HUMANITARIAN AID}` | [`Element::Phrase`]: consecutive words, last is the head |
//! | prepositional phrase | `(FOR &INVESTIGATION)`, `(TO +)` | [`Element::Prep`] |
//! | slots | `$` source, `+` target, `%` compound actor, `^` skip | [`Element::Source`] … |
//! | alternatives | `(IN FAVOUR/FAVOR)` | [`Element::Word`] with several spellings |
//! | TABARI adjacency | `IN_*`, `NEW_&TIETYPES_RELATIONS` | [`PatternItem::adjacent`] |
//! | codes | `[042:043]`, `[:173]`, `[---]` | [`EventCode`]: forward and reciprocal code |
//! | verb transformations | `~ a (a b ATTACK) SAY = a b 015` | kept as [`Transformation`], counted as unsupported: not applied |
//!
//! Nothing is dropped silently: constructs the reader keeps but does not interpret are listed
//! in [`VerbDictionary::unsupported`]; malformed lines (no code, unbalanced brackets, a line
//! outside any block) are listed, with their line numbers, in [`VerbDictionary::faults`] and
//! skipped. [`VerbDictionary::parse_strict`] turns the first fault into an error instead.
use std::collections::BTreeMap;
use std::fmt;

/// Errors from reading a verb dictionary.
#[derive(Debug, thiserror::Error)]
pub enum VerbError {
    /// The file could not be read.
    #[error("cannot read verb dictionary {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// A malformed line, in strict mode.
    #[error("verb dictionary line {}: {}: {}", .0.line, .0.kind, .0.text)]
    Fault(Fault),
}

/// A malformed line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fault {
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub kind: FaultKind,
    /// The line as written (comment removed).
    pub text: String,
}

/// What is wrong with a line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FaultKind {
    /// A pattern without a `[code]`.
    MissingCode,
    /// A pattern without `*` or with more than one.
    VerbMarker,
    /// Unbalanced `{}` or `()`.
    Unbalanced,
    /// Text after the code, or text in the code position.
    TrailingText,
    /// A verb or pattern line before any `---` block header.
    OutsideBlock,
    /// A `+` member line outside a synset.
    OrphanMember,
    /// A block header that does not read `--- NAME [CODE] ---`.
    BadHeader,
    /// A pattern names a synset that is never defined.
    UndefinedSynset,
    /// A multi-line comment that never closes.
    UnclosedComment,
}

impl fmt::Display for FaultKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            FaultKind::MissingCode => "pattern has no [code]",
            FaultKind::VerbMarker => "pattern needs exactly one *",
            FaultKind::Unbalanced => "unbalanced brackets",
            FaultKind::TrailingText => "unexpected text around the code",
            FaultKind::OutsideBlock => "line outside any verb block",
            FaultKind::OrphanMember => "+member outside a synset",
            FaultKind::BadHeader => "malformed block header",
            FaultKind::UndefinedSynset => "undefined synset",
            FaultKind::UnclosedComment => "unclosed <!-- comment",
        })
    }
}

/// A construct that is read and kept but not interpreted by the matcher.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unsupported {
    /// 1-based line number.
    pub line: usize,
    /// Which construct.
    pub construct: Construct,
    /// The line.
    pub text: String,
}

/// Constructs that are counted rather than applied.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Construct {
    /// `~` verb transformation lines (PETRARCH-2 clause rewriting).
    Transformation,
    /// A second code in a block header (`--- DELAY [120] [031:031] ---`): the first is used.
    ExtraHeaderCode,
    /// A code that is not a CAMEO-shaped number (`[075A]`, `[025?]`, `[+++]`); kept verbatim.
    OddCode,
}

impl fmt::Display for Construct {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Construct::Transformation => "verb transformation (~)",
            Construct::ExtraHeaderCode => "extra code in block header",
            Construct::OddCode => "non-numeric code",
        })
    }
}

/// An event code of a verb or pattern: the code for source→target and, for reciprocal
/// patterns (`[042:043]`, `[:173]`), the code for target→source.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct EventCode {
    /// source → target code; `None` for the null code `---` or an empty left side.
    pub forward: Option<String>,
    /// target → source code, after `:`.
    pub reciprocal: Option<String>,
}

impl EventCode {
    /// Whether this code produces no event at all.
    pub fn is_null(&self) -> bool {
        self.forward.is_none() && self.reciprocal.is_none()
    }

    /// Parses the inside of `[...]`.
    pub fn parse(inner: &str) -> EventCode {
        let one = |s: &str| {
            let s = s.trim();
            (!s.is_empty() && s != "---").then(|| s.to_string())
        };
        match inner.split_once(':') {
            Some((a, b)) => EventCode {
                forward: one(a),
                reciprocal: one(b),
            },
            None => EventCode {
                forward: one(inner),
                reciprocal: None,
            },
        }
    }

    fn is_odd(&self) -> bool {
        let odd = |c: &Option<String>| {
            c.as_deref()
                .is_some_and(|c| !c.bytes().all(|b| b.is_ascii_digit()))
        };
        odd(&self.forward) || odd(&self.reciprocal)
    }
}

impl fmt::Display for EventCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let fw = self.forward.as_deref().unwrap_or("---");
        match &self.reciprocal {
            Some(r) => write!(f, "[{fw}:{r}]"),
            None => write!(f, "[{fw}]"),
        }
    }
}

/// A synonym set (`&NAME`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Synset {
    /// Label with its `&` (`&CURRENCY`), without the trailing `_` of a no-plural label.
    pub name: String,
    /// Whether plurals are generated for the members (the label had no trailing `_`).
    pub pluralise: bool,
    /// Members in file order.
    pub members: Vec<SynsetMember>,
    /// Line of the label.
    pub line: usize,
}

/// One `+` line of a synset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SynsetMember {
    /// Consecutive words (`+SWISS_FRANC` → `SWISS FRANC`); `plural` is false when the line
    /// ended in `_`.
    Words {
        /// Upper-case words.
        words: Vec<String>,
        /// Whether a plural of the last word may be generated.
        plural: bool,
    },
    /// Another synset (`+&TIETYPES`).
    Synset(String),
}

/// A verb, possibly multi-word, with the index of its inflected word.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct VerbPhrase {
    /// Upper-case words (`["ASK", "FOR"]`).
    pub words: Vec<String>,
    /// Index of the word the parser tags as the verb.
    pub head: usize,
}

impl VerbPhrase {
    /// The inflected word.
    pub fn head_word(&self) -> &str {
        &self.words[self.head]
    }
}

/// One verb line of a block.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbEntry {
    /// The dictionary form.
    pub lemma: VerbPhrase,
    /// Every form to match, the lemma first: irregular forms as listed, or generated
    /// regular forms (`-S`, `-ED`, `-ING`) when none were listed.
    pub forms: Vec<VerbPhrase>,
    /// The verb's own code; `None` means the block's code applies.
    pub code: Option<EventCode>,
    /// 1-based line.
    pub line: usize,
}

/// A `--- NAME [CODE] ---` block: synonymous verbs sharing one list of patterns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct VerbBlock {
    /// The block name (`ASK`, `LASH_OUT`).
    pub name: String,
    /// Block code, used by verbs without their own.
    pub code: EventCode,
    /// The verbs.
    pub verbs: Vec<VerbEntry>,
    /// The patterns, in file order.
    pub patterns: Vec<Pattern>,
    /// Line of the header.
    pub line: usize,
}

impl VerbBlock {
    /// The code the bare verb produces: its own, else the block's.
    pub fn verb_code<'a>(&'a self, verb: &'a VerbEntry) -> &'a EventCode {
        verb.code.as_ref().unwrap_or(&self.code)
    }
}

/// One element of a pattern.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Element {
    /// A word; several spellings when written `FAVOUR/FAVOR`.
    Word(Vec<String>),
    /// A synset reference (`&WEAPON`).
    Synset(String),
    /// `{…}`: consecutive words or synsets; the last is the head noun.
    Phrase(Vec<Element>),
    /// `(PREP …)`: a preposition and what it governs.
    Prep {
        /// The preposition (possibly with alternatives: `BY/WITH`).
        prep: Vec<String>,
        /// Its objects.
        objects: Vec<Element>,
    },
    /// `$`: the source actor goes here.
    Source,
    /// `+`: the target actor goes here.
    Target,
    /// `%`: a compound actor (both source and target) goes here.
    Compound,
    /// `^`: skip an actor here (it is neither source nor target).
    Skip,
}

/// A pattern element with its adjacency requirement.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternItem {
    /// The element.
    pub element: Element,
    /// Written with `_` to its verb-side neighbour: it must be directly next to it (the verb
    /// or the previous item after the verb; the verb or the next item before it).
    pub adjacent: bool,
}

/// A pattern line: `- pre * post [code]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pattern {
    /// Items before the verb, in text order.
    pub pre: Vec<PatternItem>,
    /// Items after the verb, in text order.
    pub post: Vec<PatternItem>,
    /// What the pattern codes.
    pub code: EventCode,
    /// 1-based line.
    pub line: usize,
    /// The `#` comment, usually the verb the pattern was written for.
    pub comment: Option<String>,
}

impl Pattern {
    /// Number of word-bearing elements; more specific patterns have more.
    pub fn specificity(&self) -> usize {
        fn n(e: &Element) -> usize {
            match e {
                Element::Word(_) | Element::Synset(_) => 1,
                Element::Phrase(v) => v.iter().map(n).sum(),
                Element::Prep { objects, .. } => 1 + objects.iter().map(n).sum::<usize>(),
                _ => 0,
            }
        }
        self.pre
            .iter()
            .chain(&self.post)
            .map(|i| n(&i.element))
            .sum()
    }
}

/// A `~` transformation line, kept verbatim.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Transformation {
    /// 1-based line.
    pub line: usize,
    /// The line without the `~`.
    pub text: String,
}

/// dyad's own verb supplement (`data/dyad-verbs.txt`), read after CAMEO.2.0.txt by
/// [`VerbDictionary::with_dyad`].
pub const DYAD_VERBS: &str = include_str!("../data/dyad-verbs.txt");

/// A parsed verb dictionary.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerbDictionary {
    /// Synsets by label (`&CURRENCY`).
    pub synsets: BTreeMap<String, Synset>,
    /// Verb blocks in file order.
    pub blocks: Vec<VerbBlock>,
    /// `~` lines.
    pub transformations: Vec<Transformation>,
    /// Constructs kept but not applied.
    pub unsupported: Vec<Unsupported>,
    /// Malformed lines that were skipped.
    pub faults: Vec<Fault>,
}

/// Counts of what was read, for reports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VerbStats {
    /// Synsets.
    pub synsets: usize,
    /// Blocks.
    pub blocks: usize,
    /// Verb lines.
    pub verbs: usize,
    /// Patterns.
    pub patterns: usize,
    /// Unsupported constructs, by kind.
    pub unsupported: BTreeMap<Construct, usize>,
    /// Faults.
    pub faults: usize,
}

impl fmt::Display for VerbStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} synsets, {} blocks, {} verbs, {} patterns, {} faults",
            self.synsets, self.blocks, self.verbs, self.patterns, self.faults
        )?;
        for (c, n) in &self.unsupported {
            write!(f, ", {n} × {c}")?;
        }
        Ok(())
    }
}

impl VerbDictionary {
    /// Reads a dictionary file; see [`VerbDictionary::parse`].
    pub fn read(path: impl AsRef<std::path::Path>) -> Result<Self, VerbError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| VerbError::Io {
            path: path.display().to_string(),
            source,
        })?;
        Ok(Self::parse(&String::from_utf8_lossy(&bytes)))
    }

    /// Parses dictionary text, listing faults instead of failing.
    pub fn parse(text: &str) -> Self {
        let mut p = Parser::default();
        p.run(text);
        p.dict.check_synsets();
        p.dict
    }

    /// Parses `base` (CAMEO.2.0.txt) followed by dyad's own supplement ([`DYAD_VERBS`]), as
    /// if the two were one file: supplement lines are numbered on from the end of `base`. A
    /// verb form the supplement lists takes over the same form of `base` (the base entry
    /// loses it), so the supplement's block and patterns are the ones that apply to it.
    pub fn with_dyad(base: &str) -> Self {
        let base_lines = base.lines().count();
        let mut d = Self::parse(&format!("{base}\n{DYAD_VERBS}"));
        let split = d
            .blocks
            .iter()
            .position(|b| b.line > base_lines)
            .unwrap_or(d.blocks.len());
        let taken: std::collections::HashSet<Vec<String>> = d.blocks[split..]
            .iter()
            .flat_map(|b| &b.verbs)
            .flat_map(|v| &v.forms)
            .map(|f| f.words.clone())
            .collect();
        for b in &mut d.blocks[..split] {
            for v in &mut b.verbs {
                v.forms.retain(|f| !taken.contains(&f.words));
            }
            b.verbs.retain(|v| !v.forms.is_empty());
        }
        d
    }

    /// The last block named `name` (dyad's construction blocks: `DYAD_LABEL`,
    /// `DYAD_LIGHT_VERB`).
    pub fn block_named(&self, name: &str) -> Option<usize> {
        self.blocks.iter().rposition(|b| b.name == name)
    }

    /// Parses dictionary text and fails on the first malformed line.
    pub fn parse_strict(text: &str) -> Result<Self, VerbError> {
        let d = Self::parse(text);
        match d.faults.first() {
            Some(f) => Err(VerbError::Fault(f.clone())),
            None => Ok(d),
        }
    }

    /// Counts of what was read.
    pub fn stats(&self) -> VerbStats {
        let mut unsupported = BTreeMap::new();
        for u in &self.unsupported {
            *unsupported.entry(u.construct).or_insert(0) += 1;
        }
        VerbStats {
            synsets: self.synsets.len(),
            blocks: self.blocks.len(),
            verbs: self.blocks.iter().map(|b| b.verbs.len()).sum(),
            patterns: self.blocks.iter().map(|b| b.patterns.len()).sum(),
            unsupported,
            faults: self.faults.len(),
        }
    }

    /// Every word sequence a synset stands for, with generated plurals, nested sets expanded.
    /// Unknown names give an empty list.
    pub fn expand_synset(&self, name: &str) -> Vec<Vec<String>> {
        let mut out = Vec::new();
        self.expand_into(name, &mut out, 0);
        out
    }

    fn expand_into(&self, name: &str, out: &mut Vec<Vec<String>>, depth: usize) {
        // Sets may nest; a depth cap keeps a cyclic definition from looping.
        let Some(set) = self.synsets.get(name) else {
            return;
        };
        if depth > 8 {
            return;
        }
        for m in &set.members {
            match m {
                SynsetMember::Words { words, plural } => {
                    out.push(words.clone());
                    if *plural
                        && set.pluralise
                        && let Some(p) = plural_phrase(words)
                    {
                        out.push(p);
                    }
                }
                SynsetMember::Synset(inner) => self.expand_into(inner, out, depth + 1),
            }
        }
    }

    fn check_synsets(&mut self) {
        let mut faults = Vec::new();
        for b in &self.blocks {
            for p in &b.patterns {
                let mut names = Vec::new();
                for i in p.pre.iter().chain(&p.post) {
                    synset_names(&i.element, &mut names);
                }
                for n in names {
                    if !self.synsets.contains_key(n) {
                        faults.push(Fault {
                            line: p.line,
                            kind: FaultKind::UndefinedSynset,
                            text: n.to_string(),
                        });
                    }
                }
            }
        }
        self.faults.extend(faults);
        self.faults.sort_by_key(|f| f.line);
    }
}

fn synset_names<'a>(e: &'a Element, out: &mut Vec<&'a str>) {
    match e {
        Element::Synset(n) => out.push(n),
        Element::Phrase(v) => v.iter().for_each(|e| synset_names(e, out)),
        Element::Prep { objects, .. } => objects.iter().for_each(|e| synset_names(e, out)),
        _ => {}
    }
}

/// The stem of a word ending in a consonant and Y, whose -s form is -IES ("EMBASSY",
/// "CARRY"); after a vowel the Y stays ("ENVOYS", "DEPLOYS", "HIGHWAYS", "DESTROYS").
fn y_stem(word: &str) -> Option<&str> {
    let stem = word.strip_suffix('Y')?;
    (!stem.is_empty() && !stem.ends_with(['A', 'E', 'I', 'O', 'U'])).then_some(stem)
}

/// Plural of an upper-case word by PETRARCH's simple rules (with English's Y after a vowel).
pub(crate) fn plural_word(w: &str) -> String {
    if let Some(stem) = y_stem(w) {
        format!("{stem}IES")
    } else if w.ends_with('S') {
        format!("{w}ES")
    } else {
        format!("{w}S")
    }
}

/// Plural of a phrase's last word (see [`plural_word`]).
fn plural_phrase(words: &[String]) -> Option<Vec<String>> {
    let mut v = words.to_vec();
    let last = v.last_mut()?;
    *last = plural_word(last);
    Some(v)
}

/// Regular forms of a verb: third person, past, gerund.
fn regular_forms(stem: &str) -> [String; 3] {
    let s = if stem.ends_with('S') || stem.ends_with('X') || stem.ends_with('Z') {
        format!("{stem}ES")
    } else if let Some(b) = y_stem(stem) {
        format!("{b}IES")
    } else {
        format!("{stem}S")
    };
    let d = if stem.ends_with('E') {
        format!("{stem}D")
    } else if let Some(b) = y_stem(stem) {
        format!("{b}IED")
    } else {
        format!("{stem}ED")
    };
    let before_e = stem
        .len()
        .checked_sub(2)
        .and_then(|i| stem.as_bytes().get(i));
    let g = match (stem.strip_suffix('E'), before_e) {
        (Some(b), Some(c)) if !b"AEIOU".contains(c) => format!("{b}ING"),
        _ => format!("{stem}ING"),
    };
    [s, d, g]
}

#[derive(Default)]
struct Parser {
    dict: VerbDictionary,
    current_synset: Option<String>,
    in_block: bool,
}

enum Ctx {
    Synset,
    Block,
    None,
}

impl Parser {
    fn ctx(&self) -> Ctx {
        if self.current_synset.is_some() {
            Ctx::Synset
        } else if self.in_block {
            Ctx::Block
        } else {
            Ctx::None
        }
    }

    fn fault(&mut self, line: usize, kind: FaultKind, text: &str) {
        self.dict.faults.push(Fault {
            line,
            kind,
            text: text.trim().to_string(),
        });
    }

    fn run(&mut self, text: &str) {
        let mut in_comment: Option<usize> = None;
        for (i, raw) in text.lines().enumerate() {
            let n = i + 1;
            let mut line = raw.to_string();
            if in_comment.is_some() {
                let Some(e) = line.find("-->") else { continue };
                line.replace_range(..e + 3, "");
                in_comment = None;
            }
            while let Some(s) = line.find("<!--") {
                match line[s..].find("-->") {
                    Some(e) => line.replace_range(s..s + e + 3, " "),
                    None => {
                        line.truncate(s);
                        in_comment = Some(n);
                        break;
                    }
                }
            }
            // Any other line opening with `<!` (`<! -- NEW ACTORS -->`, sic) is a comment.
            if line.trim_start().starts_with("<!") {
                continue;
            }
            let (body, comment) = match line.find('#') {
                Some(h) => (&line[..h], Some(line[h + 1..].trim().to_string())),
                None => (&line[..], None),
            };
            let body = body.trim();
            if body.is_empty() {
                continue;
            }
            self.line(n, body, comment);
        }
        if let Some(start) = in_comment {
            self.fault(start, FaultKind::UnclosedComment, "<!--");
        }
    }

    fn line(&mut self, n: usize, body: &str, comment: Option<String>) {
        if body.starts_with("---") {
            self.header(n, body);
        } else if let Some(rest) = body.strip_prefix('~') {
            self.dict.transformations.push(Transformation {
                line: n,
                text: rest.trim().into(),
            });
            self.dict.unsupported.push(Unsupported {
                line: n,
                construct: Construct::Transformation,
                text: body.into(),
            });
        } else if let Some(rest) = body.strip_prefix('-') {
            match self.ctx() {
                Ctx::Block => self.pattern(n, rest, comment),
                _ => self.fault(n, FaultKind::OutsideBlock, body),
            }
        } else if body.starts_with('&') {
            // `&AUXVERB1_`: the `_` only says "no plurals"; patterns write `&AUXVERB1`.
            let label = body.split_whitespace().next().unwrap_or(body);
            let name = label.trim_end_matches('_').to_string();
            let pluralise = !label.ends_with('_');
            self.dict.synsets.insert(
                name.clone(),
                Synset {
                    name: name.clone(),
                    members: Vec::new(),
                    line: n,
                    pluralise,
                },
            );
            self.current_synset = Some(name);
        } else if body.starts_with('+') && matches!(self.ctx(), Ctx::Synset) {
            self.member(n, &body[1..]);
        } else {
            match self.ctx() {
                Ctx::Block => self.verb(n, body),
                Ctx::Synset => self.fault(n, FaultKind::OrphanMember, body),
                Ctx::None if body.starts_with('+') => self.fault(n, FaultKind::OrphanMember, body),
                Ctx::None => self.fault(n, FaultKind::OutsideBlock, body),
            }
        }
    }

    fn header(&mut self, n: usize, body: &str) {
        self.current_synset = None;
        let inner = body.trim_start_matches('-').trim_end_matches('-').trim();
        let Some(open) = inner.find('[') else {
            self.fault(n, FaultKind::BadHeader, body);
            self.in_block = false;
            return;
        };
        let name = inner[..open]
            .split_whitespace()
            .collect::<Vec<_>>()
            .join("_");
        let mut codes = Vec::new();
        let mut rest = &inner[open..];
        while let Some(o) = rest.find('[') {
            let Some(c) = rest[o..].find(']') else { break };
            codes.push(EventCode::parse(&rest[o + 1..o + c]));
            rest = &rest[o + c + 1..];
        }
        if name.is_empty() || codes.is_empty() {
            self.fault(n, FaultKind::BadHeader, body);
            self.in_block = false;
            return;
        }
        if codes.len() > 1 {
            self.unsupported(n, Construct::ExtraHeaderCode, body);
        }
        let code = codes.swap_remove(0);
        if code.is_odd() {
            self.unsupported(n, Construct::OddCode, body);
        }
        self.dict.blocks.push(VerbBlock {
            name,
            code,
            verbs: Vec::new(),
            patterns: Vec::new(),
            line: n,
        });
        self.in_block = true;
    }

    fn unsupported(&mut self, n: usize, construct: Construct, text: &str) {
        self.dict.unsupported.push(Unsupported {
            line: n,
            construct,
            text: text.trim().into(),
        });
    }

    fn member(&mut self, n: usize, body: &str) {
        let Some(name) = self.current_synset.clone() else {
            self.fault(n, FaultKind::OrphanMember, body);
            return;
        };
        let body = body.trim();
        let member = if body.starts_with('&') {
            let r = body.split_whitespace().next().unwrap_or(body);
            SynsetMember::Synset(r.trim_end_matches('_').to_string())
        } else {
            let plural = !body.ends_with('_');
            let words: Vec<String> = body
                .split(|c: char| c == '_' || c.is_whitespace())
                .filter(|w| !w.is_empty())
                .map(str::to_uppercase)
                .collect();
            SynsetMember::Words { words, plural }
        };
        if let Some(set) = self.dict.synsets.get_mut(&name) {
            set.members.push(member);
        }
    }

    fn verb(&mut self, n: usize, body: &str) {
        // VERB {FORMS} [CODE]; a code glued to the verb (`RECONVENE[---]`) is read as PETRARCH
        // reads it.
        let spaced;
        let body = match body.rfind('[') {
            Some(o) if o > 0 && !body[..o].ends_with(char::is_whitespace) => {
                spaced = format!("{} {}", &body[..o], &body[o..]);
                spaced.as_str()
            }
            _ => body,
        };
        let (body, code) = match split_code(body) {
            Ok(x) => x,
            Err(kind) => {
                self.fault(n, kind, body);
                return;
            }
        };
        if code.as_ref().is_some_and(EventCode::is_odd) {
            self.unsupported(n, Construct::OddCode, body);
        }
        let (lemma_text, forms_text) = match body.find('{') {
            Some(o) => match body[o..].find('}') {
                Some(c) => (&body[..o], Some(&body[o + 1..o + c])),
                None => {
                    self.fault(n, FaultKind::Unbalanced, body);
                    return;
                }
            },
            None => (body, None),
        };
        // `LASH OUT` (spaces, not `_`) is read as the multi-word verb `LASH_OUT`.
        let joined = lemma_text.split_whitespace().collect::<Vec<_>>().join("_");
        if joined.is_empty() {
            self.fault(n, FaultKind::OutsideBlock, body);
            return;
        }
        let lemma = verb_phrase(&joined);
        let mut forms = vec![lemma.clone()];
        match forms_text {
            Some(t) => forms.extend(t.split_whitespace().map(verb_phrase)),
            None => {
                for f in regular_forms(lemma.head_word()) {
                    let mut p = lemma.clone();
                    p.words[p.head] = f;
                    forms.push(p);
                }
            }
        }
        if let Some(b) = self.dict.blocks.last_mut() {
            b.verbs.push(VerbEntry {
                lemma,
                forms,
                code,
                line: n,
            });
        }
    }

    fn pattern(&mut self, n: usize, body: &str, comment: Option<String>) {
        let (body, code) = match split_code(body) {
            Ok((b, Some(c))) => (b, c),
            Ok((_, None)) => {
                self.fault(n, FaultKind::MissingCode, body);
                return;
            }
            Err(kind) => {
                self.fault(n, kind, body);
                return;
            }
        };
        if code.is_odd() {
            self.unsupported(n, Construct::OddCode, body);
        }
        match parse_pattern(body) {
            Ok((pre, post)) => {
                if let Some(b) = self.dict.blocks.last_mut() {
                    b.patterns.push(Pattern {
                        pre,
                        post,
                        code,
                        line: n,
                        comment,
                    });
                }
            }
            Err(kind) => self.fault(n, kind, body),
        }
    }
}

/// Splits `text [CODE]` at its final bracket; text after the `]` is a fault.
fn split_code(body: &str) -> Result<(&str, Option<EventCode>), FaultKind> {
    let Some(o) = body.rfind('[') else {
        return Ok((body.trim(), None));
    };
    let Some(c) = body[o..].find(']') else {
        return Err(FaultKind::Unbalanced);
    };
    if !body[o + c + 1..].trim().is_empty() {
        return Err(FaultKind::TrailingText);
    }
    let before = body[..o].trim();
    // `VISIT)[042:043]`: text glued to the code is a fault, not a pattern word.
    if body[..o].ends_with(|c: char| !c.is_whitespace()) && !before.is_empty() {
        return Err(FaultKind::TrailingText);
    }
    Ok((before, Some(EventCode::parse(&body[o + 1..o + c]))))
}

fn verb_phrase(token: &str) -> VerbPhrase {
    let parts: Vec<&str> = token.split('_').filter(|w| !w.is_empty()).collect();
    let head = parts.iter().position(|w| w.starts_with('+')).unwrap_or(0);
    let words = parts
        .iter()
        .map(|w| w.trim_start_matches('+').to_uppercase())
        .collect::<Vec<_>>();
    if words.is_empty() {
        return VerbPhrase {
            words: vec![token.to_uppercase()],
            head: 0,
        };
    }
    VerbPhrase { words, head }
}

/// A whitespace-level token of a pattern, with brackets kept together.
fn tokens(body: &str) -> Result<Vec<String>, FaultKind> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth: i32 = 0;
    for ch in body.chars() {
        match ch {
            '(' | '{' => {
                depth += 1;
                cur.push(ch);
            }
            ')' | '}' => {
                depth -= 1;
                if depth < 0 {
                    return Err(FaultKind::Unbalanced);
                }
                cur.push(ch);
            }
            c if c.is_whitespace() && depth == 0 => {
                if !cur.is_empty() {
                    out.push(std::mem::take(&mut cur));
                }
            }
            c => cur.push(c),
        }
    }
    if depth != 0 {
        return Err(FaultKind::Unbalanced);
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

fn word_or_slot(w: &str) -> Element {
    match w {
        "$" => Element::Source,
        "+" => Element::Target,
        "%" => Element::Compound,
        "^" => Element::Skip,
        w if w.starts_with('&') => Element::Synset(w.trim_end_matches('_').to_string()),
        w => Element::Word(
            w.split('/')
                .filter(|s| !s.is_empty())
                .map(str::to_uppercase)
                .collect(),
        ),
    }
}

/// Splits a bracket-free token on `_` into words.
fn split_words(tok: &str) -> Vec<&str> {
    tok.split('_').filter(|w| !w.is_empty()).collect()
}

fn parse_group(tok: &str) -> Result<Element, FaultKind> {
    if let Some(inner) = tok.strip_prefix('{') {
        let inner = inner.strip_suffix('}').ok_or(FaultKind::Unbalanced)?;
        let parts: Vec<Element> = inner
            .split(|c: char| c.is_whitespace() || c == '_')
            .filter(|w| !w.is_empty())
            .map(word_or_slot)
            .collect();
        return Ok(Element::Phrase(parts));
    }
    if let Some(inner) = tok.strip_prefix('(') {
        let inner = inner.strip_suffix(')').ok_or(FaultKind::Unbalanced)?;
        let toks = tokens(inner)?;
        let mut it = toks.iter();
        let prep = it.next().ok_or(FaultKind::Unbalanced)?;
        let prep = prep
            .split('/')
            .filter(|s| !s.is_empty())
            .map(str::to_uppercase)
            .collect();
        let mut objects = Vec::new();
        for t in it {
            if t.starts_with('{') || t.starts_with('(') {
                objects.push(parse_group(t)?);
            } else {
                objects.extend(split_words(t).into_iter().map(word_or_slot));
            }
        }
        return Ok(Element::Prep { prep, objects });
    }
    Ok(word_or_slot(tok))
}

type Sides = (Vec<PatternItem>, Vec<PatternItem>);

fn parse_pattern(body: &str) -> Result<Sides, FaultKind> {
    // Each item: element, and whether it was glued by `_` to the item on its left/right.
    struct Raw {
        el: Option<Element>, // None = the verb
        glued_left: bool,
    }
    let mut raw: Vec<Raw> = Vec::new();
    for tok in tokens(body)? {
        if tok.starts_with('{') || tok.starts_with('(') {
            raw.push(Raw {
                el: Some(parse_group(&tok)?),
                glued_left: false,
            });
            continue;
        }
        if tok.contains('(') || tok.contains('{') || tok.contains(')') || tok.contains('}') {
            return Err(FaultKind::Unbalanced);
        }
        for (k, w) in split_words(&tok).into_iter().enumerate() {
            let el = (w != "*").then(|| word_or_slot(w));
            raw.push(Raw {
                el,
                glued_left: k > 0,
            });
        }
    }
    let stars: Vec<usize> = raw
        .iter()
        .enumerate()
        .filter(|(_, r)| r.el.is_none())
        .map(|(i, _)| i)
        .collect();
    let [star] = stars[..] else {
        return Err(FaultKind::VerbMarker);
    };
    let mut pre = Vec::new();
    for i in 0..star {
        // Before the verb, adjacency is to the right-hand neighbour.
        let adjacent = raw[i + 1].glued_left;
        pre.push(PatternItem {
            element: raw[i].el.clone().ok_or(FaultKind::VerbMarker)?,
            adjacent,
        });
    }
    let mut post = Vec::new();
    for r in &raw[star + 1..] {
        post.push(PatternItem {
            element: r.el.clone().ok_or(FaultKind::VerbMarker)?,
            adjacent: r.glued_left,
        });
    }
    Ok((pre, post))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "\
# header comment
<!-- a one-line comment -->
&CURRENCY
+DOLLAR
+SWISS_FRANC
+KRONER_

&AUX_
+WILL

####### VERB PATTERNS #######
---  ASK   [---]  ---
+ASK_FOR {+ASKED_FOR +ASKING_FOR +ASKS_FOR} [020]
ASK     [020]
HURRY {HURRIES HURRYING HURRIED }
RE_+ARREST
- * (FOR {FINANCIAL AID})    [0231]   # ASK
- * &CURRENCY               [0231]
- + * CLOSER (TO {RELIEF DEBT})  [0331]
- * (BEFORE COURT)          [:173]
- * OFF (FOR)               [042:043]
- SO IN_AND_*_OUT_AGAIN NOW [074]
- * (IN FAVOUR/FAVOR)       [053]
- * VENTURE (WITH VISIT)    VISIT)[042:043]
- * NO CODE HERE
- * &NOSUCHSET [010]
~ a (a b ATTACK) SAY = a b 015
";

    #[test]
    fn reads_synsets_with_plurals() {
        let d = VerbDictionary::parse(SAMPLE);
        let cur = d.expand_synset("&CURRENCY");
        let flat: Vec<String> = cur.iter().map(|w| w.join(" ")).collect();
        assert_eq!(
            flat,
            ["DOLLAR", "DOLLARS", "SWISS FRANC", "SWISS FRANCS", "KRONER"]
        );
        assert_eq!(d.expand_synset("&AUX"), vec![vec!["WILL".to_string()]]);
    }

    #[test]
    fn reads_verbs_and_forms() {
        let d = VerbDictionary::parse(SAMPLE);
        let b = &d.blocks[0];
        assert_eq!(b.name, "ASK");
        assert!(b.code.is_null());
        assert_eq!(b.verbs.len(), 4);
        let ask_for = &b.verbs[0];
        assert_eq!(ask_for.lemma.words, ["ASK", "FOR"]);
        assert_eq!(ask_for.lemma.head, 0);
        assert_eq!(ask_for.forms.len(), 4);
        assert_eq!(
            ask_for.code.as_ref().unwrap().forward.as_deref(),
            Some("020")
        );
        let ask = &b.verbs[1];
        let forms: Vec<&str> = ask.forms.iter().map(|f| f.head_word()).collect();
        assert_eq!(forms, ["ASK", "ASKS", "ASKED", "ASKING"]);
        let hurry = &b.verbs[2];
        assert_eq!(hurry.forms.len(), 4);
        assert_eq!(b.verb_code(hurry), &b.code);
        let rearrest = &b.verbs[3];
        assert_eq!(rearrest.lemma.head, 1);
        assert_eq!(rearrest.forms[2].words, ["RE", "ARRESTED"]);
    }

    #[test]
    fn regular_forms_keep_a_y_after_a_vowel() {
        assert_eq!(
            regular_forms("DEPLOY"),
            ["DEPLOYS", "DEPLOYED", "DEPLOYING"]
        );
        assert_eq!(regular_forms("CARRY"), ["CARRIES", "CARRIED", "CARRYING"]);
        assert_eq!(
            plural_phrase(&["HIGHWAY".to_string()]),
            Some(vec!["HIGHWAYS".to_string()])
        );
        assert_eq!(
            plural_phrase(&["EMBASSY".to_string()]),
            Some(vec!["EMBASSIES".to_string()])
        );
    }

    #[test]
    fn reads_patterns() {
        let d = VerbDictionary::parse(SAMPLE);
        let p = &d.blocks[0].patterns;
        assert_eq!(p.len(), 8, "the pattern with an undefined synset is kept");
        assert_eq!(
            p[0].post[0].element,
            Element::Prep {
                prep: vec!["FOR".into()],
                objects: vec![Element::Phrase(vec![
                    Element::Word(vec!["FINANCIAL".into()]),
                    Element::Word(vec!["AID".into()])
                ])]
            }
        );
        assert_eq!(p[0].comment.as_deref(), Some("ASK"));
        assert_eq!(p[2].pre[0].element, Element::Target);
        assert_eq!(
            p[3].code,
            EventCode {
                forward: None,
                reciprocal: Some("173".into())
            }
        );
        assert_eq!(p[4].code.to_string(), "[042:043]");
        // SO IN_AND_*_OUT_AGAIN NOW
        let adj: Vec<bool> = p[5].pre.iter().map(|i| i.adjacent).collect();
        assert_eq!(adj, [false, true, true]);
        let adj: Vec<bool> = p[5].post.iter().map(|i| i.adjacent).collect();
        assert_eq!(adj, [true, true, false]);
        assert!(
            matches!(&p[6].post[0].element, Element::Prep { objects, .. }
            if objects[0] == Element::Word(vec!["FAVOUR".into(), "FAVOR".into()]))
        );
    }

    #[test]
    fn faults_are_line_numbered_and_nothing_is_silent() {
        let d = VerbDictionary::parse(SAMPLE);
        let kinds: Vec<(usize, FaultKind)> = d.faults.iter().map(|f| (f.line, f.kind)).collect();
        assert_eq!(
            kinds,
            [
                (24, FaultKind::TrailingText),
                (25, FaultKind::MissingCode),
                (26, FaultKind::UndefinedSynset)
            ]
        );
        assert_eq!(d.unsupported.len(), 1);
        assert_eq!(d.unsupported[0].construct, Construct::Transformation);
        let err = VerbDictionary::parse_strict(SAMPLE).unwrap_err();
        assert!(
            err.to_string().starts_with("verb dictionary line 24"),
            "{err}"
        );
    }

    fn shared(rel: &str) -> Option<String> {
        let p = format!("{}/../../../shared/data/{rel}", env!("CARGO_MANIFEST_DIR"));
        match std::fs::read(&p) {
            Ok(b) => Some(String::from_utf8_lossy(&b).into_owned()),
            Err(_) => {
                eprintln!("skipping: {p} not found");
                None
            }
        }
    }

    #[test]
    fn reads_cameo_2_0() {
        let Some(text) = shared("cameo-dictionaries/CAMEO.2.0.txt") else {
            return;
        };
        let d = VerbDictionary::parse(&text);
        let s = d.stats();
        eprintln!("CAMEO.2.0: {s}");
        for f in &d.faults {
            eprintln!("  fault line {}: {}: {}", f.line, f.kind, f.text);
        }
        assert_eq!(s.blocks, 397);
        assert!(s.patterns > 4500, "{s}");
        assert!(s.synsets >= 40, "{s}");
        assert_eq!(s.unsupported.get(&Construct::Transformation), Some(&8));
        // Faults are few and each is a real defect of the file.
        assert!(s.faults < 10, "{s}");
        let ask = d.blocks.iter().find(|b| b.name == "ASK").unwrap();
        assert!(ask.verbs.iter().any(|v| v.lemma.words == ["REQUEST"]));
    }

    #[test]
    fn reads_validation_verbs() {
        let Some(text) = shared("petrarch2-validation/PETR.Validate.verbs.txt") else {
            return;
        };
        let d = VerbDictionary::parse(&text);
        let s = d.stats();
        eprintln!("PETR.Validate.verbs: {s}");
        for f in &d.faults {
            eprintln!("  fault line {}: {}: {}", f.line, f.kind, f.text);
        }
        assert!(s.blocks > 150, "{s}");
        let accord = &d.expand_synset("&ACCORDSYN");
        assert!(accord.iter().any(|w| w == &["MILITARY".to_string()]));
        assert!(
            accord
                .iter()
                .any(|w| w == &["JAVANESE".to_string(), "YEN".to_string()])
        );
    }
}

#[cfg(test)]
mod dyad_tests {
    use super::*;

    /// dyad's supplement reads without faults, and its forms take over CAMEO's.
    #[test]
    fn dyad_supplement_reads_clean() {
        let d = VerbDictionary::with_dyad(
            "--- HOLD [---] ---\nHOLD {HOLDS HOLDING HELD}\nWITHHOLD\n- * SESSION [---]\n",
        );
        // Only references to CAMEO.2.0's own synsets (absent from this small base) fail.
        assert!(
            d.faults
                .iter()
                .all(|f| f.kind == FaultKind::UndefinedSynset && !f.text.starts_with("&DYAD")),
            "{:?}",
            d.faults
        );
        let b = d.block_named("DYAD_WITHHOLD").expect("block");
        let has = |blk: usize, w: &[&str]| {
            d.blocks[blk]
                .verbs
                .iter()
                .flat_map(|v| &v.forms)
                .any(|f| f.words == w)
        };
        assert!(has(b, &["HELD", "UP"]) && has(b, &["WITHHOLD"]));
        // CAMEO's own WITHHOLD gives way; HOLD stays.
        assert!(!has(0, &["WITHHOLD"]) && has(0, &["HELD"]));
        assert!(d.blocks[b].line > 5);
        assert!(d.block_named("DYAD_LABEL").is_some());
        assert!(d.block_named("DYAD_LIGHT_VERB").is_some());
    }

    /// With CAMEO.2.0 the supplement adds no fault of its own.
    #[test]
    fn dyad_supplement_with_cameo() {
        let Some(p) = crate::baseline::tests::shared("cameo-dictionaries/CAMEO.2.0.txt") else {
            return;
        };
        let text = String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned();
        let base = VerbDictionary::parse(&text);
        let both = VerbDictionary::with_dyad(&text);
        assert_eq!(base.faults, both.faults);
        assert!(both.stats().patterns > base.stats().patterns);
    }
}
