//! Readers for the TABARI/PETRARCH/Phoenix actor, agent and discard dictionaries.
//!
//! The formats are line based:
//! - actors: `NAME_WORDS [CODE]`, then `+SYNONYM` lines, then indented `[CODE date]` lines;
//!   dates are `yymmdd-yymmdd` ranges, `>yymmdd` (after) or `<yymmdd` (before), with six or
//!   eight digits;
//! - agents: `!SET! = A, B` substitution sets, then `PHRASE {PLURALS} [~CODE]` (or `[CODE~]`
//!   for a code written before the country);
//! - discards: `PHRASE` (sentence level) or `+PHRASE` (story level).
//!
//! The shipped files have many quirks that the original programs accepted, so the reader
//! accepts them too: one or two spaces or a tab before the code, a code on the next line,
//! trailing `_`, space- or underscore-joined words, `#` comments anywhere, `<!-- -->` blocks,
//! lower-case codes, duplicate entries. Real faults (an unclosed `[`, a date that is not a
//! date, a synonym before any entry) are [`DictError`]s with the file and line; in lenient
//! mode they are collected as warnings and the faulty line is skipped.
use jiff::civil::Date;
use std::collections::HashMap;
use std::path::Path;

/// A fault in a dictionary file, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}:{line}: {kind}")]
pub struct DictError {
    /// File name (or any label the caller gave the text).
    pub source_name: String,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub kind: DictErrorKind,
}

/// What is wrong with a dictionary line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DictErrorKind {
    /// A `[` without its `]`.
    #[error("unclosed '[' in code")]
    UnclosedCode,
    /// A code block that is empty or holds no code letters.
    #[error("empty code block")]
    EmptyCode,
    /// A date that is not `yymmdd` or `yyyymmdd`, or not a calendar date.
    #[error("bad date {0:?}")]
    BadDate(String),
    /// A `+synonym` or indented code before any entry.
    #[error("synonym or code with no entry before it")]
    Orphan,
    /// An entry that never received a code.
    #[error("entry {0:?} has no code")]
    NoCode(String),
    /// A substitution set line that is not `!NAME! = A, B`.
    #[error("bad substitution set")]
    BadSet,
    /// A `!NAME!` used before it was defined.
    #[error("undefined substitution set {0:?}")]
    UndefinedSet(String),
    /// The file could not be read.
    #[error("cannot read: {0}")]
    Io(String),
}

/// A phrase of upper-case words, as matched against upper-cased tokens.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phrase {
    /// Words, upper case, without `_`.
    pub words: Vec<String>,
    /// False when the phrase ended with `_`: its last word must match a whole token. True
    /// when it did not, which in TABARI lets the last word match as a prefix (`ARGENTIN`).
    pub stem: bool,
}

impl Phrase {
    /// Parses `WORD_WORD_` or `WORD WORD`.
    pub fn parse(raw: &str) -> Phrase {
        let raw = raw.trim();
        let stem = !raw.ends_with('_');
        let words = raw
            .split(|c: char| c == '_' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .map(|w| w.to_uppercase())
            .collect();
        Phrase { words, stem }
    }
}

/// A code valid on a range of dates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DatedCode {
    /// The CAMEO-style code, upper case (`USAGOV`, `IGOUNO`, `---`).
    pub code: String,
    /// First day it applies (inclusive) or, for `>date`, the day after which it applies.
    pub from: Option<Date>,
    /// Last day it applies (inclusive) or, for `<date`, the day before which it applies.
    pub to: Option<Date>,
    /// The bounds came from `>`/`<` (exclusive) rather than a range (inclusive).
    pub exclusive: bool,
}

impl DatedCode {
    /// Whether the code has no date restriction.
    pub fn is_default(&self) -> bool {
        self.from.is_none() && self.to.is_none()
    }

    /// Whether the code applies on `date`.
    pub fn applies(&self, date: Date) -> bool {
        let after = match self.from {
            None => true,
            Some(f) if self.exclusive => date > f,
            Some(f) => date >= f,
        };
        let before = match self.to {
            None => true,
            Some(t) if self.exclusive => date < t,
            Some(t) => date <= t,
        };
        after && before
    }
}

/// One actor: its names and its (dated) codes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorEntry {
    /// The entry name first, then the `+` synonyms.
    pub names: Vec<Phrase>,
    /// Codes in file order.
    pub codes: Vec<DatedCode>,
    /// Line of the entry name.
    pub line: usize,
}

impl ActorEntry {
    /// The code on `date`: the first dated code whose range holds the date, else the first
    /// undated code (TABARI's rule), else none.
    pub fn code_at(&self, date: Date) -> Option<&str> {
        self.codes
            .iter()
            .find(|c| !c.is_default() && c.applies(date))
            .or_else(|| self.codes.iter().find(|c| c.is_default()))
            .map(|c| c.code.as_str())
    }
}

/// An agent: a common-noun phrase and the code it adds to its country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AgentEntry {
    /// The phrase, substitution sets expanded (one entry per expansion).
    pub phrase: Phrase,
    /// Explicit plurals from `{…}`; `None` when the file gave none (a regular `S` plural is
    /// then assumed by matchers), `Some(vec![])` for `{}` (no plural).
    pub plurals: Option<Vec<Phrase>>,
    /// The code without `~` (`GOV`, `GOVMED`).
    pub code: String,
    /// True for `[CODE~]`: the code goes before the country code.
    pub prefix: bool,
    /// Line in the file.
    pub line: usize,
}

/// A discard phrase.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiscardEntry {
    /// The phrase.
    pub phrase: Phrase,
    /// `+`: discard the whole story, else only the sentence.
    pub story: bool,
    /// Line in the file.
    pub line: usize,
}

/// A parsed dictionary with the warnings met on the way.
#[derive(Debug, Clone, Default)]
pub struct Parsed<T> {
    /// Entries in file order (duplicates kept: matchers take the first).
    pub entries: Vec<T>,
    /// Faulty lines that were skipped.
    pub warnings: Vec<DictError>,
}

/// How to treat faults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Skip faulty lines and list them in [`Parsed::warnings`].
    #[default]
    Lenient,
    /// Fail at the first fault.
    Strict,
}

struct Ctx<'a> {
    source: &'a str,
    mode: Mode,
    warnings: Vec<DictError>,
}

impl Ctx<'_> {
    fn fault(&mut self, line: usize, kind: DictErrorKind) -> Result<(), DictError> {
        let e = DictError {
            source_name: self.source.to_string(),
            line,
            kind,
        };
        match self.mode {
            Mode::Strict => Err(e),
            Mode::Lenient => {
                self.warnings.push(e);
                Ok(())
            }
        }
    }
}

/// Yields (1-based line number, line without comments), skipping `<!-- … -->` blocks
/// (also the `<! --` misspelling) and `#` comments.
fn content_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut in_block = false;
    text.lines().enumerate().filter_map(move |(i, line)| {
        let t = line.trim_start();
        if in_block {
            if line.contains("-->") {
                in_block = false;
            }
            return None;
        }
        if t.starts_with("<!") {
            in_block = !line.contains("-->");
            return None;
        }
        let line = match line.find('#') {
            Some(p) => &line[..p],
            None => line,
        };
        let line = line.trim_end();
        if line.trim().is_empty() {
            None
        } else {
            Some((i + 1, line))
        }
    })
}

fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        // Two-digit years: the CountryInfo leader lists run from 1930s to 2010s, so 30 and
        // above are 19xx, below 30 are 20xx.
        6 => {
            let yy: i16 = s[..2].parse().ok()?;
            (if yy >= 30 { 1900 + yy } else { 2000 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    let m: i8 = rest[..2].parse().ok()?;
    let d: i8 = rest[2..4].parse().ok()?;
    Date::new(y, m, d).ok()
}

/// Parses the inside of a `[…]` actor code block: `CODE`, `CODE a-b`, `CODE >a`, `CODE <a`,
/// with optional spaces around `-`, `<`, `>`. An absent code (`[<911226]`) is allowed only
/// as the `---` null code of TABARI.
fn parse_code_block(inner: &str) -> Result<DatedCode, DictErrorKind> {
    let inner = inner.trim();
    if inner.is_empty() {
        return Err(DictErrorKind::EmptyCode);
    }
    let split = inner
        .find(|c: char| c.is_whitespace() || c == '<' || c == '>')
        .unwrap_or(inner.len());
    let (code, rest) = inner.split_at(split);
    let code = code.trim().to_uppercase();
    let rest = rest.trim();
    if code.is_empty() || code.starts_with(|c: char| c.is_ascii_digit()) {
        // "[950601-990815]": a date with no code (a known fault, kept in the validation file
        // as a commented-out line).
        return Err(DictErrorKind::EmptyCode);
    }
    let mut dc = DatedCode {
        code,
        from: None,
        to: None,
        exclusive: false,
    };
    if rest.is_empty() {
        return Ok(dc);
    }
    let bad = || DictErrorKind::BadDate(rest.to_string());
    if let Some(d) = rest.strip_prefix('>') {
        dc.from = Some(parse_date(d).ok_or_else(bad)?);
        dc.exclusive = true;
    } else if let Some(d) = rest.strip_prefix('<') {
        dc.to = Some(parse_date(d).ok_or_else(bad)?);
        dc.exclusive = true;
    } else if let Some((a, b)) = rest.split_once('-') {
        dc.from = Some(parse_date(a).ok_or_else(bad)?);
        dc.to = Some(parse_date(b).ok_or_else(bad)?);
    } else {
        return Err(bad());
    }
    Ok(dc)
}

/// Splits `NAME [CODE] rest` into the name part and the code blocks (several may follow).
fn split_codes(line: &str) -> Result<(&str, Vec<&str>), DictErrorKind> {
    let Some(open) = line.find('[') else {
        return Ok((line, Vec::new()));
    };
    let name = &line[..open];
    let mut blocks = Vec::new();
    let mut rest = &line[open..];
    while let Some(o) = rest.find('[') {
        let Some(c) = rest[o..].find(']') else {
            return Err(DictErrorKind::UnclosedCode);
        };
        blocks.push(&rest[o + 1..o + c]);
        rest = &rest[o + c + 1..];
    }
    Ok((name, blocks))
}

/// Reads an actor dictionary.
pub fn parse_actors(text: &str, source: &str, mode: Mode) -> Result<Parsed<ActorEntry>, DictError> {
    let mut cx = Ctx {
        source,
        mode,
        warnings: Vec::new(),
    };
    let mut entries: Vec<ActorEntry> = Vec::new();
    let mut current: Option<ActorEntry> = None;
    let finish = |cur: Option<ActorEntry>, entries: &mut Vec<ActorEntry>, cx: &mut Ctx| {
        if let Some(e) = cur {
            if e.codes.is_empty() {
                let name = e.names[0].words.join("_");
                cx.fault(e.line, DictErrorKind::NoCode(name))?;
            } else {
                entries.push(e);
            }
        }
        Ok::<(), DictError>(())
    };
    let mut last_line = 0;
    for (no, line) in content_lines(text) {
        let t = line.trim();
        let prev_line = std::mem::replace(&mut last_line, no);
        if let Some(syn) = t.strip_prefix('+') {
            let Some(cur) = current.as_mut() else {
                cx.fault(no, DictErrorKind::Orphan)?;
                continue;
            };
            match split_codes(syn) {
                Ok((name, blocks)) => {
                    // "+A_+_B_": two synonyms run together; names never contain '+'.
                    for part in name.split('+') {
                        let p = Phrase::parse(part);
                        if !p.words.is_empty() {
                            cur.names.push(p);
                        }
                    }
                    for b in blocks {
                        match parse_code_block(b) {
                            Ok(c) => cur.codes.push(c),
                            Err(k) => cx.fault(no, k)?,
                        }
                    }
                }
                Err(k) => cx.fault(no, k)?,
            }
            continue;
        }
        if t.starts_with('[') {
            let Some(cur) = current.as_mut() else {
                cx.fault(no, DictErrorKind::Orphan)?;
                continue;
            };
            match split_codes(t) {
                Ok((_, blocks)) => {
                    for b in blocks {
                        match parse_code_block(b) {
                            Ok(c) => cur.codes.push(c),
                            Err(k) => cx.fault(no, k)?,
                        }
                    }
                }
                Err(k) => cx.fault(no, k)?,
            }
            continue;
        }
        // A name line directly under a name that has no code yet is one more synonym: the
        // CountryInfo leader lists write alternative names that way.
        if let Some(cur) = current.as_mut()
            && cur.codes.is_empty()
            && no == prev_line + 1
            && !t.contains('[')
        {
            let p = Phrase::parse(t);
            if !p.words.is_empty() {
                cur.names.push(p);
            }
            continue;
        }
        // A new entry (sometimes indented by mistake).
        let prev = current.take();
        finish(prev, &mut entries, &mut cx)?;
        match split_codes(t) {
            Ok((name, blocks)) => {
                let phrase = Phrase::parse(name);
                if phrase.words.is_empty() {
                    cx.fault(no, DictErrorKind::EmptyCode)?;
                    continue;
                }
                let mut e = ActorEntry {
                    names: vec![phrase],
                    codes: Vec::new(),
                    line: no,
                };
                for b in blocks {
                    match parse_code_block(b) {
                        Ok(c) => e.codes.push(c),
                        Err(k) => cx.fault(no, k)?,
                    }
                }
                current = Some(e);
            }
            Err(k) => cx.fault(no, k)?,
        }
    }
    finish(current, &mut entries, &mut cx)?;
    Ok(Parsed {
        entries,
        warnings: cx.warnings,
    })
}

/// Expands `!SET!` markers in `raw` with the sets defined so far.
fn expand_sets(
    raw: &str,
    sets: &HashMap<String, Vec<String>>,
) -> Result<Vec<String>, DictErrorKind> {
    let Some(a) = raw.find('!') else {
        return Ok(vec![raw.to_string()]);
    };
    let Some(len) = raw[a + 1..].find('!') else {
        return Err(DictErrorKind::UndefinedSet(raw[a..].to_string()));
    };
    let name = &raw[a..a + len + 2];
    let members = sets
        .get(name)
        .ok_or_else(|| DictErrorKind::UndefinedSet(name.to_string()))?;
    let mut out = Vec::new();
    for m in members {
        let replaced = format!("{}{}{}", &raw[..a], m, &raw[a + len + 2..]);
        out.extend(expand_sets(&replaced, sets)?);
    }
    Ok(out)
}

/// Reads an agent dictionary.
pub fn parse_agents(text: &str, source: &str, mode: Mode) -> Result<Parsed<AgentEntry>, DictError> {
    let mut cx = Ctx {
        source,
        mode,
        warnings: Vec::new(),
    };
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    let mut entries = Vec::new();
    for (no, line) in content_lines(text) {
        let t = line.trim();
        if t.starts_with('!') && t.contains('=') && !t.contains('[') {
            let (name, members) = t.split_once('=').unwrap_or((t, ""));
            let name = name.trim();
            if !(name.len() > 2 && name.ends_with('!')) {
                cx.fault(no, DictErrorKind::BadSet)?;
                continue;
            }
            let members: Vec<String> = members
                .split(',')
                .map(|m| m.trim().to_uppercase())
                .filter(|m| !m.is_empty())
                .collect();
            if members.is_empty() {
                cx.fault(no, DictErrorKind::BadSet)?;
                continue;
            }
            sets.insert(name.to_string(), members);
            continue;
        }
        let (head, blocks) = match split_codes(t) {
            Ok(x) => x,
            Err(k) => {
                cx.fault(no, k)?;
                continue;
            }
        };
        let Some(block) = blocks.first() else {
            cx.fault(no, DictErrorKind::NoCode(head.trim().to_string()))?;
            continue;
        };
        let block = block.trim();
        let (code, prefix) = if let Some(c) = block.strip_prefix('~') {
            (c.trim(), false)
        } else if let Some(c) = block.strip_suffix('~') {
            (c.trim(), true)
        } else {
            (block, false)
        };
        if code.is_empty() {
            cx.fault(no, DictErrorKind::EmptyCode)?;
            continue;
        }
        // Plurals: `{A, B}` or `{}` between the phrase and the code.
        let (phrase_raw, plurals_raw) = match head.find('{') {
            Some(o) => {
                let c = head[o..].find('}').map(|c| o + c).unwrap_or(head.len());
                (&head[..o], Some(&head[o + 1..c.min(head.len())]))
            }
            None => (head, None),
        };
        let expanded = match expand_sets(phrase_raw.trim(), &sets) {
            Ok(x) => x,
            Err(k) => {
                cx.fault(no, k)?;
                continue;
            }
        };
        let plurals = plurals_raw.map(|p| {
            p.split(',')
                .map(Phrase::parse)
                .filter(|p| !p.words.is_empty())
                .collect::<Vec<_>>()
        });
        for e in expanded {
            entries.push(AgentEntry {
                phrase: Phrase::parse(&e),
                plurals: plurals.clone(),
                code: code.to_uppercase(),
                prefix,
                line: no,
            });
        }
    }
    Ok(Parsed {
        entries,
        warnings: cx.warnings,
    })
}

/// Reads a discard dictionary.
pub fn parse_discards(text: &str) -> Parsed<DiscardEntry> {
    let mut entries = Vec::new();
    for (no, line) in content_lines(text) {
        let t = line.trim();
        let (story, raw) = match t.strip_prefix('+') {
            Some(r) => (true, r),
            None => (false, t),
        };
        let phrase = Phrase::parse(raw);
        if !phrase.words.is_empty() {
            entries.push(DiscardEntry {
                phrase,
                story,
                line: no,
            });
        }
    }
    Parsed {
        entries,
        warnings: Vec::new(),
    }
}

fn read(path: &Path) -> Result<(String, String), DictError> {
    let name = path.display().to_string();
    // The dictionaries are Latin-1 in places; decode lossily rather than fail.
    let bytes = std::fs::read(path).map_err(|e| DictError {
        source_name: name.clone(),
        line: 0,
        kind: DictErrorKind::Io(e.to_string()),
    })?;
    Ok((String::from_utf8_lossy(&bytes).into_owned(), name))
}

/// Reads an actor dictionary file.
pub fn read_actors(path: &Path, mode: Mode) -> Result<Parsed<ActorEntry>, DictError> {
    let (text, name) = read(path)?;
    parse_actors(&text, &name, mode)
}

/// Reads an agent dictionary file.
pub fn read_agents(path: &Path, mode: Mode) -> Result<Parsed<AgentEntry>, DictError> {
    let (text, name) = read(path)?;
    parse_agents(&text, &name, mode)
}

/// Reads a discard dictionary file.
pub fn read_discards(path: &Path) -> Result<Parsed<DiscardEntry>, DictError> {
    let (text, name) = read(path)?;
    let _ = name;
    Ok(parse_discards(&text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn actor_quirks() {
        let text = "<!-- header\n spans lines -->\nGOLLUM  # pas\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\nNORWAY  [NOR] \n+NORWEGIAN \nARNOR_\t[ARN]\nZIMBABWE\n\t[RHO <790606]\n\t[ZBW]#jw\nPALESTINIAN [pse]\nHAMAS WING [PSEHMSBRD]\nNORWAY  [NOR]\n";
        let p = parse_actors(text, "t", Mode::Strict).unwrap();
        assert_eq!(p.entries.len(), 7);
        let g = &p.entries[0];
        assert_eq!(g.line, 3);
        assert_eq!(g.names[1].words, vec!["SMEAGOL"]);
        assert_eq!(g.code_at(date(1990, 1, 1)), Some("HOB"));
        assert_eq!(g.code_at(date(1996, 1, 1)), Some("HOBGOV"));
        assert_eq!(g.code_at(date(2001, 1, 1)), Some("HOBREB"));
        assert!(p.entries[2].names[0].words == ["ARNOR"] && !p.entries[2].names[0].stem);
        assert_eq!(p.entries[3].code_at(date(1985, 1, 1)), Some("ZBW"));
        assert_eq!(p.entries[3].code_at(date(1975, 1, 1)), Some("RHO"));
        assert_eq!(p.entries[4].codes[0].code, "PSE");
        assert_eq!(p.entries[5].names[0].words, vec!["HAMAS", "WING"]);
        // Duplicates are kept; matchers take the first.
        assert_eq!(p.entries[6].names[0].words, vec!["NORWAY"]);
    }

    #[test]
    fn first_matching_dated_code_wins() {
        let text = "SAM [HOB]\n\t[HOBCIV <20080120]\n\t[ORCHOB 20100109-20100112]\n\t[HOBMIL 20080120-20121109]\n";
        let p = parse_actors(text, "t", Mode::Strict).unwrap();
        let e = &p.entries[0];
        assert_eq!(e.code_at(date(2010, 1, 10)), Some("ORCHOB"));
        assert_eq!(e.code_at(date(2009, 1, 1)), Some("HOBMIL"));
        assert_eq!(e.code_at(date(2007, 1, 1)), Some("HOBCIV"));
        assert_eq!(e.code_at(date(2015, 1, 1)), Some("HOB"));
    }

    #[test]
    fn faults_have_lines() {
        let text = "A [AAA]\n\t[KORGOVBUS 2004017-20061201]\nB [BBB\n+C\n";
        let e = parse_actors(text, "f.txt", Mode::Strict).unwrap_err();
        assert_eq!(e.line, 2);
        assert_eq!(e.to_string(), "f.txt:2: bad date \"2004017-20061201\"");
        let p = parse_actors(text, "f.txt", Mode::Lenient).unwrap();
        assert_eq!(p.warnings.len(), 3);
        assert_eq!(p.warnings[1].line, 3);
        assert_eq!(p.warnings[2].kind, DictErrorKind::Orphan);
        assert_eq!(p.entries.len(), 1);
        let orphan = parse_actors("+X\n", "o", Mode::Strict).unwrap_err();
        assert_eq!(orphan.kind, DictErrorKind::Orphan);
        let nocode = parse_actors("U.N._\n\nB [B]\n", "n", Mode::Strict).unwrap_err();
        assert_eq!(
            (nocode.line, nocode.kind),
            (1, DictErrorKind::NoCode("U.N.".into()))
        );
    }

    #[test]
    fn run_together_synonyms_split() {
        let p = parse_actors("X [XXX]\n+A_B_+_C_D_\n", "t", Mode::Strict).unwrap();
        assert_eq!(p.entries[0].names.len(), 3);
        assert_eq!(p.entries[0].names[2].words, vec!["C", "D"]);
    }

    #[test]
    fn agents_sets_plurals_prefix() {
        let text = "!PERSON! = MAN, MEN\n!MINST! = MINISTER, MINISTRY\nCONGRESS!PERSON! [~LEG]\nHUSBAND!PERSON![~AGR]\nFOREIGN_!MINST! [~GOV]\nMEDIA {} [~MED]\nATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOV]\nMSF {}  [NGO~] # x\nPOLICE {} [ ~COP]\nHUMAN_RIGHTS_ORGANIZATION  [  NGO~]\n";
        let p = parse_agents(text, "a", Mode::Strict).unwrap();
        let words: Vec<String> = p.entries.iter().map(|e| e.phrase.words.join(" ")).collect();
        assert_eq!(
            &words[..6],
            [
                "CONGRESSMAN",
                "CONGRESSMEN",
                "HUSBANDMAN",
                "HUSBANDMEN",
                "FOREIGN MINISTER",
                "FOREIGN MINISTRY"
            ]
        );
        let media = &p.entries[6];
        assert_eq!(media.plurals, Some(vec![]));
        assert_eq!(
            p.entries[7].plurals.as_ref().unwrap()[0].words,
            ["ATTORNEYS", "GENERAL"]
        );
        assert!(p.entries[8].prefix && p.entries[8].code == "NGO");
        assert_eq!(p.entries[9].code, "COP");
        assert!(p.entries[10].prefix);
        let e = parse_agents("X!NOPE! [~GOV]\n", "a", Mode::Strict).unwrap_err();
        assert_eq!(e.kind, DictErrorKind::UndefinedSet("!NOPE!".into()));
    }

    #[test]
    fn discards() {
        let p = parse_discards("# c\nMONTHS LATER\n+ World Golf Championships   # x\n+ESPN2\n");
        assert_eq!(p.entries.len(), 3);
        assert!(!p.entries[0].story && p.entries[1].story);
        assert_eq!(
            p.entries[1].phrase.words,
            ["WORLD", "GOLF", "CHAMPIONSHIPS"]
        );
    }

    fn shared() -> Option<std::path::PathBuf> {
        let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data"));
        if p.exists() {
            Some(p.to_path_buf())
        } else {
            eprintln!("skip: ../shared/data absent");
            None
        }
    }

    #[test]
    fn shipped_dictionaries_read() {
        let Some(d) = shared() else { return };
        let dicts = d.join("cameo-dictionaries");
        let mut total = 0;
        for f in [
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
        ] {
            let p = read_actors(&dicts.join(f), Mode::Lenient).unwrap();
            for w in &p.warnings {
                eprintln!("{w}");
            }
            assert!(p.warnings.len() < 40, "{f}: {} warnings", p.warnings.len());
            total += p.entries.len();
        }
        assert!(total > 10_000, "{total}");
        // Line 544 closes its code with '}' and line 1927 has no code: real faults,
        // reported and skipped.
        let a = read_agents(&dicts.join("Phoenix.agents.txt"), Mode::Lenient).unwrap();
        assert!(a.entries.len() > 1500);
        assert_eq!(a.warnings.len(), 2, "{:?}", a.warnings);
        assert_eq!(a.warnings[0].line, 544);
        let dd = read_discards(&dicts.join("Phoenix.discards.txt")).unwrap();
        assert!(dd.entries.len() > 400);
        let v = d.join("petrarch2-validation");
        let va = read_actors(&v.join("PETR.Validate.actors.txt"), Mode::Lenient).unwrap();
        for w in &va.warnings {
            eprintln!("{w}");
        }
        assert!(va.warnings.is_empty());
        let gollum = va
            .entries
            .iter()
            .find(|e| e.names[0].words == ["GOLLUM"])
            .unwrap();
        assert_eq!(gollum.code_at(date(1997, 1, 1)), Some("HOBGOV"));
        read_agents(&v.join("PETR.Validate.agents.txt"), Mode::Strict).unwrap();
        read_discards(&v.join("PETR.Validate.discards.txt")).unwrap();
    }
}
