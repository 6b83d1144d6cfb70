//! A minimal reader for TABARI/PETRARCH actor and agent dictionaries, enough for the
//! baseline coder. The full reader belongs to `dyad-actors`; this one will be replaced by it.
//!
//! Actors: a name line (`GONDOR`, `ARNOR_ [ARN]`), `+SYNONYM` lines, and code lines
//! `[CODE]`, `[CODE YYMMDD-YYMMDD]`, `[CODE <DATE]`, `[CODE >DATE]` (indented or on the name
//! line). Names collect until a code arrives. `_` joins words; a name without a final `_` is
//! a stem (its last word matches any word it begins). Agents: `NAME {PLURALS} [~SUF]` with
//! `!SET! = A, B` substitution sets; `~` marks where the actor code goes.
use jiff::civil::Date;
use std::collections::HashMap;

/// One code of an actor, with the dates it holds for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DatedCode {
    /// The code (`GONGOV`); `---` is the null actor.
    pub code: String,
    /// First day it holds (inclusive), when restricted.
    pub from: Option<Date>,
    /// Last day it holds (inclusive), when restricted.
    pub until: Option<Date>,
}

/// Last words that agent entries cut short to stand for several words (see
/// `parse_agents`); found by listing the agents' last words that are no English word but
/// begin one other than by a plural ending.
const TRUNCATED_AGENT_WORDS: &[&str] = &["MINIST", "AUTHORIT"];

/// A phrase to match: upper-case words; `stem` when the last word may be a prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// Words.
    pub words: Vec<String>,
    /// Last word is a stem.
    pub stem: bool,
}

/// One actor entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ActorEntry {
    /// Names and synonyms.
    pub phrases: Vec<Phrase>,
    /// Codes; the one for a date is [`ActorEntry::code_on`].
    pub codes: Vec<DatedCode>,
}

impl ActorEntry {
    /// The code that holds on `date`: a date-restricted code whose range contains it, else
    /// the first unrestricted code.
    pub fn code_on(&self, date: Date) -> Option<&str> {
        let restricted = self.codes.iter().find(|c| {
            (c.from.is_some() || c.until.is_some())
                && c.from.is_none_or(|f| date >= f)
                && c.until.is_none_or(|u| date <= u)
        });
        restricted
            .or_else(|| {
                self.codes
                    .iter()
                    .find(|c| c.from.is_none() && c.until.is_none())
            })
            .map(|c| c.code.as_str())
    }
}

/// An agent entry: phrases and the code with `~` where the actor goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AgentEntry {
    /// Phrases (plurals included).
    pub phrases: Vec<Phrase>,
    /// `~GOV` (suffix) or `NGO~` (prefix).
    pub code: String,
}

fn phrase(raw: &str) -> Option<Phrase> {
    let raw = raw.trim();
    let stem = !raw.ends_with('_');
    let words: Vec<String> = raw
        .split(|c: char| c == '_' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_uppercase)
        .collect();
    (!words.is_empty()).then_some(Phrase { words, stem })
}

/// 6-digit `YYMMDD` (two-digit years below 30 are 20xx) or 8-digit `YYYYMMDD`.
fn date(s: &str) -> Option<Date> {
    let s = s.trim();
    if !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (y, rest) = match s.len() {
        6 => {
            let yy: i16 = s[..2].parse().ok()?;
            (if yy < 30 { 2000 + yy } else { 1900 + yy }, &s[2..])
        }
        8 => (s[..4].parse().ok()?, &s[4..]),
        _ => return None,
    };
    Date::new(y, rest[..2].parse().ok()?, rest[2..].parse().ok()?).ok()
}

fn dated_code(inner: &str) -> Option<DatedCode> {
    let inner = inner.trim();
    let (code, rest) = match inner.find(char::is_whitespace) {
        Some(i) => (&inner[..i], inner[i..].trim()),
        None => match inner.find(['<', '>']) {
            Some(i) => (&inner[..i], &inner[i..]),
            None => (inner, ""),
        },
    };
    let code = code.trim().to_string();
    if code.is_empty() {
        return None;
    }
    let rest = rest.replace(' ', "");
    let (from, until) = if let Some(d) = rest.strip_prefix('<') {
        (None, Some(date(d)?.yesterday().ok()?))
    } else if let Some(d) = rest.strip_prefix('>') {
        (Some(date(d)?), None)
    } else if let Some((a, b)) = rest.split_once('-') {
        (Some(date(a)?), Some(date(b)?))
    } else if rest.is_empty() {
        (None, None)
    } else {
        return None;
    };
    Some(DatedCode { code, from, until })
}

fn strip_comment(line: &str) -> &str {
    line.split('#').next().unwrap_or("")
}

/// Reads actor dictionary text.
pub fn parse_actors(text: &str) -> Vec<ActorEntry> {
    let mut out = Vec::new();
    let mut names: Vec<Phrase> = Vec::new();
    let mut codes: Vec<DatedCode> = Vec::new();
    let mut in_comment = false;
    let flush = |names: &mut Vec<Phrase>, codes: &mut Vec<DatedCode>, out: &mut Vec<ActorEntry>| {
        if !names.is_empty() && !codes.is_empty() {
            out.push(ActorEntry {
                phrases: std::mem::take(names),
                codes: std::mem::take(codes),
            });
        }
    };
    for raw in text.lines() {
        if in_comment {
            if raw.contains("-->") {
                in_comment = false;
            }
            continue;
        }
        if raw.trim_start().starts_with("<!") {
            in_comment = raw.contains("<!--") && !raw.contains("-->");
            continue;
        }
        let line = strip_comment(raw);
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('[') {
            codes.extend(
                t.split(']')
                    .filter_map(|c| c.trim().strip_prefix('['))
                    .filter_map(dated_code),
            );
            continue;
        }
        if let Some(syn) = t.strip_prefix('+') {
            names.extend(phrase(syn));
            continue;
        }
        // A new name: the previous entry is complete once it has codes.
        if !codes.is_empty() {
            flush(&mut names, &mut codes, &mut out);
        }
        let (name, code) = match t.find('[') {
            Some(i) => (&t[..i], Some(&t[i..])),
            None => (t, None),
        };
        names.extend(phrase(name));
        if let Some(c) = code {
            codes.extend(
                c.split(']')
                    .filter_map(|c| c.trim().strip_prefix('['))
                    .filter_map(dated_code),
            );
        }
    }
    flush(&mut names, &mut codes, &mut out);
    out
}

/// Reads agent dictionary text.
pub fn parse_agents(text: &str) -> Vec<AgentEntry> {
    let mut sets: HashMap<String, Vec<String>> = HashMap::new();
    let mut out = Vec::new();
    let mut in_comment = false;
    for raw in text.lines() {
        if in_comment {
            in_comment = !raw.contains("-->");
            continue;
        }
        if raw.trim_start().starts_with("<!") {
            in_comment = raw.contains("<!--") && !raw.contains("-->");
            continue;
        }
        let t = strip_comment(raw).trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('!') {
            if let Some((k, v)) = t.split_once('=') {
                sets.insert(
                    k.trim().to_string(),
                    v.split(',').map(|w| w.trim().to_uppercase()).collect(),
                );
            }
            continue;
        }
        let Some(open) = t.rfind('[') else { continue };
        let code: String = t[open + 1..]
            .trim_end_matches(']')
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let head = &t[..open];
        let (name, plurals) = match head.find('{') {
            Some(i) => (
                &head[..i],
                Some(head[i + 1..].trim_end().trim_end_matches('}')),
            ),
            None => (head, None),
        };
        let mut raws: Vec<String> = vec![name.trim().to_string()];
        match plurals {
            Some(p) => raws.extend(p.split_whitespace().map(str::to_string)),
            None => {
                raws.push(crate::verbs::plural_word(name.trim()));
            }
        }
        let mut phrases = Vec::new();
        for r in raws {
            // Expand `!SET!` substitutions.
            let expanded: Vec<String> = match sets.iter().find(|(k, _)| r.contains(k.as_str())) {
                Some((k, v)) => v.iter().map(|w| r.replace(k.as_str(), w)).collect(),
                None => vec![r],
            };
            phrases.extend(expanded.iter().filter_map(|e| {
                let mut p = phrase(e)?;
                // Agents are whole words with their plurals, but the Phoenix list cuts two
                // words short on purpose, for all their forms ("FINANCE_MINIST": minister,
                // ministers, ministry; "AUTHORIT": authority, authorities). Read as whole
                // words, its 31 such entries matched nothing.
                p.stem = p
                    .words
                    .last()
                    .is_some_and(|w| TRUNCATED_AGENT_WORDS.contains(&w.as_str()));
                Some(p)
            }));
        }
        out.push(AgentEntry { phrases, code });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_dated_actor_codes() {
        let text = "GOLLUM  # pas\n+SMEAGOL\n\t[HOB < 950601]\n\t[HOBGOV 19950601 - 19990815]\n\t[HOBREB > 990816]\nARNOR_  [ARN]\nGONDOR [GON]\n+MINAS_TIRITH\n";
        let a = parse_actors(text);
        assert_eq!(a.len(), 3);
        let g = &a[0];
        assert_eq!(g.phrases.len(), 2);
        assert_eq!(g.code_on(jiff::civil::date(1994, 1, 1)), Some("HOB"));
        assert_eq!(g.code_on(jiff::civil::date(1996, 1, 1)), Some("HOBGOV"));
        assert_eq!(g.code_on(jiff::civil::date(2001, 1, 1)), Some("HOBREB"));
        assert!(!a[1].phrases[0].stem);
        assert_eq!(a[2].phrases[1].words, ["MINAS", "TIRITH"]);
    }

    #[test]
    fn reads_agents_with_sets() {
        let text = "!PERSON! = MAN, MEN\nCONGRESS!PERSON! [~LEG]\nTROOPS {}  [~MIL]\nGOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]\nPOLICE {} [ ~COP]\n";
        let a = parse_agents(text);
        assert!(a[0].phrases.iter().any(|p| p.words == ["CONGRESSMEN"]));
        assert_eq!(a[2].phrases[1].words, ["GOLDEN", "GEESE"]);
        assert_eq!(a[3].code, "~COP");
        // Whole words, but the list's cut-short "MINIST" stands for all its forms.
        assert!(a.iter().all(|e| e.phrases.iter().all(|p| !p.stem)));
        let a = parse_agents("DEFENCE_MINIST [~GOVMIL]\nMINISTER_OF_STATE [~GOV]\n");
        assert!(a[0].phrases[0].stem);
        assert!(!a[1].phrases[0].stem);
    }
}
