//! A word-window baseline coder, so the scorers run end to end before the parser exists.
//!
//! For each word that is a form of a dictionary verb (and not inside an actor name), every
//! pattern of the verb's block is tried against the words around it: pre-verb items in order
//! to the left, post-verb items in order to the right, each within a few words of the last
//! (directly next to it when the dictionary wrote `_`). The most specific matching pattern
//! gives the code; with none, the verb line's own code does; a null code (`---`) codes
//! nothing. Source is the `$` slot or else the nearest actor before the verb; target the `+`
//! slot or else the first actor after it. Coordinated actors ("Arnor and Gondor") give one
//! event per pair, reciprocal codes (`[042:043]`) a second event target → source.
//!
//! Every event's code is one a pattern or verb line wrote: there is no default code.
//! Known limits, all of which the parse-based coder removes: no part-of-speech (nouns that
//! look like verbs trigger), no passive voice, no clause structure beyond `;` and a window.
pub mod actors;

use crate::discards::{DiscardError, Discards};
use crate::petr::PetrSuite;
use crate::status::{self, Scope};
use crate::verbs::{Element, EventCode, Pattern, PatternItem, VerbDictionary, VerbError};
use crate::{CodedActor, CodedEvent, Coding};
use actors::{ActorEntry, AgentEntry, Phrase};
use jiff::civil::Date;
use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

/// Errors from building the baseline coder.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// Verb dictionary.
    #[error(transparent)]
    Verbs(#[from] VerbError),
    /// Discard list.
    #[error(transparent)]
    Discards(#[from] DiscardError),
    /// Other file.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The path.
        path: String,
        /// The cause.
        source: std::io::Error,
    },
    /// The records file names no verb dictionary.
    #[error("the records' <Environment> names no {0}")]
    Environment(&'static str),
}

/// Words (before the verb / after it) searched for pattern items.
const GAP: usize = 5;
const POST_WINDOW: usize = 14;
/// Words that end the verb's clause when looking for its object.
const TARGET_STOP: &[&str] = &[
    ",", ";", ":", "--", "AFTER", "BEFORE", "WHILE", "BECAUSE", "SINCE", "ALTHOUGH", "THOUGH",
    "WHEN", "WHERE", "WHO", "WHICH", "UNTIL", "UNLESS", "IF", "SAID", "SAYS",
];
const DETERMINERS: &[&str] = &[
    "A", "AN", "THE", "ITS", "THEIR", "HIS", "HER", "OUR", "MY", "YOUR", "THESE", "THOSE", "'S",
    "EACH", "EVERY", "NO", "ANY",
];

/// A word of the sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Tok {
    /// Upper case.
    pub upper: String,
    /// Bytes in the sentence.
    pub span: Range<usize>,
    /// Written with a lower-case first letter and no capital (a common word, not a name).
    pub lowercase: bool,
}

/// Splits a sentence into words and punctuation, with `'s` and `n't` split off.
pub fn tokenize(text: &str) -> Vec<Tok> {
    let mut out = Vec::new();
    for (start, chunk) in chunks(text) {
        let mut s = start;
        let mut e = start + chunk.len();
        let mut tail = Vec::new();
        while s < e {
            let c = text[s..e].chars().next().unwrap_or(' ');
            if "\"'“‘([{".contains(c) {
                out.push(tok(text, s..s + c.len_utf8()));
                s += c.len_utf8();
            } else {
                break;
            }
        }
        while e > s {
            let c = text[s..e].chars().next_back().unwrap_or(' ');
            // Keep the final dot of abbreviations (`U.S.`).
            let abbrev = c == '.' && text[s..e - 1].contains('.');
            if ".,;:!?\"'”’)]}".contains(c) && !abbrev {
                tail.push(tok(text, e - c.len_utf8()..e));
                e -= c.len_utf8();
            } else {
                break;
            }
        }
        if s < e {
            let w = &text[s..e];
            let lower = w.to_lowercase();
            if lower.ends_with("n't") && w.len() > 3 {
                out.push(tok(text, s..e - 3));
                out.push(tok(text, e - 3..e));
            } else if (lower.ends_with("'s") || lower.ends_with("’s")) && w.len() > 2 {
                let k = if lower.ends_with("'s") { 2 } else { 4 };
                out.push(tok(text, s..e - k));
                out.push(tok(text, e - k..e));
            } else {
                out.push(tok(text, s..e));
            }
        }
        out.extend(tail.into_iter().rev());
    }
    out
}

fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.split_whitespace()
        .map(move |w| (w.as_ptr() as usize - text.as_ptr() as usize, w))
}

pub(crate) fn tok(text: &str, span: Range<usize>) -> Tok {
    let w = &text[span.clone()];
    Tok {
        upper: w.to_uppercase().replace('’', "'"),
        // "al-Qaeda", "el-Sisi": a capital inside the word makes it a name.
        lowercase: w.chars().next().is_some_and(char::is_lowercase)
            && !w.chars().any(char::is_uppercase),
        span,
    }
}

/// An actor mention: its actor and agent parts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mention {
    pub(crate) toks: Range<usize>,
    /// Actor code; several joined by `/` when the dictionary lists several.
    pub(crate) actor: Option<String>,
    /// Agent code with its `~`.
    pub(crate) agent: Option<String>,
    /// A `---` actor: matched, so it blocks the words, but never coded.
    pub(crate) null: bool,
    /// Written agent first ("lawmakers in Fornost"): the agent distributes over coordinated
    /// actors that follow.
    pub(crate) agent_first: bool,
}

impl Mention {
    /// The codes this mention stands for (one per `/`-separated actor code).
    pub(crate) fn codes(&self) -> Vec<String> {
        if self.null {
            return Vec::new();
        }
        match (&self.actor, &self.agent) {
            (Some(a), Some(g)) => a.split('/').map(|a| with_agent(a, g)).collect(),
            (Some(a), None) => a.split('/').map(str::to_string).collect(),
            (None, Some(g)) => vec![with_agent("---", g)],
            (None, None) => Vec::new(),
        }
    }
}

/// Whether `word` is the dictionary stem `stem` or a form of it. A stem's last word may
/// begin longer words, as the dictionary format has it ("PALESTIN" → "PALESTINIANS"), but a
/// short stem is mostly a different word when it begins a longer one: "PLA" (the People's
/// Liberation Army) in "PLAZA", "PLAN" or "PLACE". Stems of fewer than three letters ("KU")
/// match only themselves; of three, themselves with a plural ending; of four, also with a
/// demonym's ending ("IRAQ" → "IRAQI", "CUBA" → "CUBANS"); longer stems, any word they begin.
fn stem_matches(stem: &str, word: &str) -> bool {
    let Some(rest) = word.strip_prefix(stem) else {
        return false;
    };
    match stem.chars().count() {
        0..=2 => rest.is_empty(),
        3 => matches!(rest, "" | "S" | "ES" | "'S"),
        4 => matches!(
            rest,
            "" | "S" | "ES" | "'S" | "I" | "IS" | "N" | "NS" | "AN" | "ANS" | "IAN" | "IANS"
        ),
        _ => true,
    }
}

struct PhraseIndex {
    /// First word → (entry, phrase).
    exact: HashMap<String, Vec<(usize, usize)>>,
    /// Single-word stems.
    stems: HashMap<String, Vec<(usize, usize)>>,
    phrases: Vec<Vec<Phrase>>,
}

impl PhraseIndex {
    fn new(phrases: Vec<Vec<Phrase>>) -> Self {
        let mut exact: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        let mut stems: HashMap<String, Vec<(usize, usize)>> = HashMap::new();
        for (e, ps) in phrases.iter().enumerate() {
            for (k, p) in ps.iter().enumerate() {
                if p.words.len() == 1 && p.stem {
                    stems.entry(p.words[0].clone()).or_default().push((e, k));
                } else {
                    exact.entry(p.words[0].clone()).or_default().push((e, k));
                }
            }
        }
        PhraseIndex {
            exact,
            stems,
            phrases,
        }
    }

    /// Longest match at `i`: (entry, end).
    fn longest(&self, toks: &[Tok], i: usize) -> Option<(usize, usize)> {
        let t = &toks[i].upper;
        let mut best: Option<(usize, usize, usize)> = None; // entry, end, score
        let mut consider = |e: usize, p: &Phrase| {
            let n = p.words.len();
            if i + n > toks.len() {
                return;
            }
            let ok = p.words.iter().enumerate().all(|(k, w)| {
                let tk = &toks[i + k].upper;
                if k + 1 == n && p.stem {
                    stem_matches(w, tk)
                } else {
                    tk == w
                }
            });
            if ok {
                let score = n * 1000 + p.words[n - 1].len() + usize::from(!p.stem) * 100;
                if best.is_none_or(|b| score > b.2) {
                    best = Some((e, i + n, score));
                }
            }
        };
        for &(e, k) in self.exact.get(t).into_iter().flatten() {
            consider(e, &self.phrases[e][k]);
        }
        for len in 2..=t.len() {
            if !t.is_char_boundary(len) {
                continue;
            }
            for &(e, k) in self.stems.get(&t[..len]).into_iter().flatten() {
                consider(e, &self.phrases[e][k]);
            }
        }
        best.map(|(e, end, _)| (e, end))
    }
}

/// The word-window coder.
pub struct BaselineCoder {
    pub(crate) verbs: VerbDictionary,
    /// Head word → (block, verb, form).
    pub(crate) verb_index: HashMap<String, Vec<(usize, usize, usize)>>,
    synsets: HashMap<String, Vec<Vec<String>>>,
    actors: Vec<ActorEntry>,
    actor_index: PhraseIndex,
    agents: Vec<AgentEntry>,
    agent_index: PhraseIndex,
    discards: Option<Discards>,
    /// Code only events with both a source and a target (PETRARCH's `require_dyad`).
    pub require_dyad: bool,
}

fn read_text(p: &Path) -> Result<String, BaselineError> {
    std::fs::read(p)
        .map(|b| String::from_utf8_lossy(&b).into_owned())
        .map_err(|source| BaselineError::Io {
            path: p.display().to_string(),
            source,
        })
}

impl BaselineCoder {
    /// Builds the coder from parsed dictionaries.
    pub fn new(
        verbs: VerbDictionary,
        actors: Vec<ActorEntry>,
        agents: Vec<AgentEntry>,
        discards: Option<Discards>,
    ) -> Self {
        let mut verb_index: HashMap<String, Vec<(usize, usize, usize)>> = HashMap::new();
        for (b, block) in verbs.blocks.iter().enumerate() {
            for (v, verb) in block.verbs.iter().enumerate() {
                for (f, form) in verb.forms.iter().enumerate() {
                    verb_index
                        .entry(form.head_word().to_string())
                        .or_default()
                        .push((b, v, f));
                }
            }
        }
        let synsets = verbs
            .synsets
            .keys()
            .map(|k| (k.clone(), verbs.expand_synset(k)))
            .collect();
        let actor_index = PhraseIndex::new(actors.iter().map(|a| a.phrases.clone()).collect());
        let agent_index = PhraseIndex::new(agents.iter().map(|a| a.phrases.clone()).collect());
        BaselineCoder {
            verbs,
            verb_index,
            synsets,
            actors,
            actor_index,
            agents,
            agent_index,
            discards,
            require_dyad: true,
        }
    }

    /// Builds the coder from files.
    pub fn from_files(
        verbs: &Path,
        actor_files: &[&Path],
        agents: Option<&Path>,
        discards: Option<&Path>,
    ) -> Result<Self, BaselineError> {
        Self::with_verbs(VerbDictionary::read(verbs)?, actor_files, agents, discards)
    }

    fn with_verbs(
        verbs: VerbDictionary,
        actor_files: &[&Path],
        agents: Option<&Path>,
        discards: Option<&Path>,
    ) -> Result<Self, BaselineError> {
        let mut actor_entries = Vec::new();
        for p in actor_files {
            actor_entries.extend(actors::parse_actors(&read_text(p)?));
        }
        let agent_entries = match agents {
            Some(p) => actors::parse_agents(&read_text(p)?),
            None => Vec::new(),
        };
        let discards = discards.map(Discards::read).transpose()?;
        Ok(Self::new(verbs, actor_entries, agent_entries, discards))
    }

    /// The coder for a PETRARCH records file: the dictionaries its `<Environment>` names, in `dir`.
    pub fn for_petr(suite: &PetrSuite, dir: &Path) -> Result<Self, BaselineError> {
        let env = &suite.environment;
        let verbs = dir.join(
            env.verbfile
                .as_deref()
                .ok_or(BaselineError::Environment("Verbfile"))?,
        );
        let actor_paths: Vec<_> = env.actorfiles.iter().map(|a| dir.join(a)).collect();
        let actor_refs: Vec<&Path> = actor_paths.iter().map(|p| p.as_path()).collect();
        let agents = env.agentfile.as_ref().map(|a| dir.join(a));
        let discards = env.discardfile.as_ref().map(|a| dir.join(a));
        Self::from_files(&verbs, &actor_refs, agents.as_deref(), discards.as_deref())
    }

    /// The Phoenix set in `dir` (`CAMEO.2.0.txt` with dyad's supplement read after it,
    /// `Phoenix.*.actors.txt`, `Phoenix.agents.txt`), without discards: the caller adds a discard list if the texts are news stories.
    pub fn phoenix(dir: &Path) -> Result<Self, BaselineError> {
        let actor_paths: Vec<_> = [
            "Phoenix.Countries.actors.txt",
            "Phoenix.International.actors.txt",
            "Phoenix.MilNonState.actors.txt",
        ]
        .iter()
        .map(|f| dir.join(f))
        .collect();
        let refs: Vec<&Path> = actor_paths.iter().map(|p| p.as_path()).collect();
        // CAMEO.2.0 with dyad's supplement read after it (`data/dyad-verbs.txt`).
        let path = dir.join("CAMEO.2.0.txt");
        let text = read_text(&path)?;
        Self::with_verbs(
            VerbDictionary::with_dyad(&text),
            &refs,
            Some(&dir.join("Phoenix.agents.txt")),
            None,
        )
    }

    /// Codes one sentence.
    pub fn code(&self, sentence: &str, date: Date) -> Coding {
        if let Some(hit) = self.discards.as_ref().and_then(|d| d.check(sentence)) {
            return Coding {
                events: Vec::new(),
                discard: Some(hit.discard.scope),
            };
        }
        let toks = tokenize(sentence);
        let words: Vec<&str> = toks.iter().map(|t| t.upper.as_str()).collect();
        let mut mentions = self.mentions(&toks, date);
        let groups = groups(&mut mentions, &toks);
        let in_mention = |i: usize| mentions.iter().any(|m| m.toks.contains(&i));
        let mut events: Vec<CodedEvent> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            if in_mention(i) {
                i += 1;
                continue;
            }
            let Some((b, v, range)) = self.verb_at(&toks, i) else {
                i += 1;
                continue;
            };
            // After a determiner or possessive the word is a noun ("an attack", "their
            // meeting"): without POS tags this is the one cue the baseline has.
            if range.start > 0 && DETERMINERS.contains(&toks[range.start - 1].upper.as_str()) {
                i = range.end.max(i + 1);
                continue;
            }
            let next = range.end.max(i + 1);
            if status::no_event(&words, i).is_some() {
                i = next;
                continue;
            }
            let block = &self.verbs.blocks[b];
            let cx = Cx {
                toks: &toks,
                mentions: &mentions,
                groups: &groups,
                coder: self,
            };
            let found = block
                .patterns
                .iter()
                .filter_map(|p| cx.pattern(p, range.clone()).map(|s| (p, s)))
                .max_by_key(|(p, _)| (p.specificity(), std::cmp::Reverse(p.line)));
            let (code, line, slots) = match found {
                Some((p, s)) => (&p.code, p.line, s),
                None => {
                    let verb = &block.verbs[v];
                    (block.verb_code(verb), verb.line, Slots::default())
                }
            };
            if !code.is_null() {
                let st = status::detect(&words, i, &Scope::default()).status;
                let trigger = toks[range.start].span.start..toks[range.end - 1].span.end;
                self.emit(&cx, code, line, slots, range, trigger, st, &mut events);
            }
            i = next;
        }
        Coding {
            events,
            discard: None,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn emit(
        &self,
        cx: &Cx,
        code: &EventCode,
        line: usize,
        slots: Slots,
        verb: Range<usize>,
        trigger: Range<usize>,
        status: dyad_core::Status,
        out: &mut Vec<CodedEvent>,
    ) {
        let before = |g: &&Vec<usize>| {
            cx.mentions[g[0]].toks.end <= verb.start
                && !cx.toks[cx.mentions[g[0]].toks.end..verb.start]
                    .iter()
                    .any(|t| t.upper == ";")
        };
        let source_bound = slots.source.is_some();
        let unbound = slots.source.is_none() && slots.target.is_none();
        let src = slots
            .source
            .or_else(|| cx.groups.iter().rev().find(before).cloned())
            .unwrap_or_default();
        // A pattern that places the source elsewhere (`* (IN $)`) leaves the subject as target.
        let subject = || {
            cx.groups
                .iter()
                .rev()
                .find(before)
                .filter(|g| source_bound && !g.iter().any(|m| src.contains(m)))
                .cloned()
        };
        let tgt = slots
            .target
            .or_else(subject)
            .or_else(|| {
                cx.groups
                    .iter()
                    .find(|g| {
                        let start = cx.mentions[g[0]].toks.start;
                        start >= verb.end
                            && !g.iter().any(|m| src.contains(m))
                            && !slots.skipped.contains(&g[0])
                            // The object is in the verb's clause: no clause boundary between.
                            && !cx.toks[verb.end..start].iter().any(|t| TARGET_STOP.contains(&t.upper.as_str()))
                    })
                    .cloned()
            })
            .unwrap_or_default();
        // Passive with a by-agent ("Eriador was opposed by Osgiliath"): the agent acts.
        let (src, tgt) = match (unbound, self.by_agent(cx, &verb)) {
            (true, Some(by)) => {
                let subject = cx
                    .groups
                    .iter()
                    .rev()
                    .find(before)
                    .cloned()
                    .unwrap_or_default();
                (by, subject)
            }
            _ => (src, tgt),
        };
        let actors = |group: &[usize]| -> Vec<Option<CodedActor>> {
            if group.is_empty() {
                return vec![None];
            }
            group
                .iter()
                .flat_map(|&m| {
                    let mm = &cx.mentions[m];
                    let span = cx.toks[mm.toks.start].span.start..cx.toks[mm.toks.end - 1].span.end;
                    mm.codes()
                        .into_iter()
                        .map(move |code| Some(CodedActor::new(code, span.clone())))
                })
                .collect()
        };
        let (srcs, tgts) = (actors(&src), actors(&tgt));
        for s in &srcs {
            for t in &tgts {
                let mut push = |code: &str, a: &Option<CodedActor>, b: &Option<CodedActor>| {
                    if self.require_dyad && (a.is_none() || b.is_none()) {
                        return;
                    }
                    // An actor does not act on itself (nor a country on itself).
                    if let (Some(x), Some(y)) = (a, b)
                        && x.code == y.code
                    {
                        return;
                    }
                    let e = CodedEvent {
                        code: code.to_string(),
                        source: a.clone(),
                        target: b.clone(),
                        trigger: trigger.clone(),
                        status,
                        rule_line: line,
                    };
                    let same = |o: &CodedEvent| {
                        o.code == e.code
                            && o.source.as_ref().map(|x| &x.code)
                                == e.source.as_ref().map(|x| &x.code)
                            && o.target.as_ref().map(|x| &x.code)
                                == e.target.as_ref().map(|x| &x.code)
                    };
                    if !out.iter().any(same) {
                        out.push(e);
                    }
                };
                if let Some(f) = &code.forward {
                    push(f, s, t);
                }
                if let Some(r) = &code.reciprocal {
                    push(r, t, s);
                }
            }
        }
    }

    /// For a passive verb (a form of "be", perhaps an adverb, then the verb) the group after
    /// its "by".
    fn by_agent(&self, cx: &Cx, verb: &Range<usize>) -> Option<Vec<usize>> {
        let toks = cx.toks;
        let mut k = verb.start;
        while k > 0
            && verb.start - k < 2
            && toks[k - 1].lowercase
            && toks[k - 1].upper.ends_with("LY")
        {
            k -= 1;
        }
        let be = k > 0
            && matches!(
                toks[k - 1].upper.as_str(),
                "WAS" | "WERE" | "IS" | "ARE" | "BEEN" | "BE" | "BEING"
            );
        if !be {
            return None;
        }
        let end = (verb.end + 4).min(toks.len());
        let by = (verb.end..end).find(|&i| toks[i].upper == "BY")?;
        let start = if toks.get(by + 1).is_some_and(|t| t.upper == "THE") {
            by + 2
        } else {
            by + 1
        };
        cx.groups
            .iter()
            .find(|g| cx.mentions[g[0]].toks.start == start)
            .cloned()
    }

    /// The longest verb form whose head is `toks[i]`: (block, verb, token range).
    pub(crate) fn verb_at(&self, toks: &[Tok], i: usize) -> Option<(usize, usize, Range<usize>)> {
        let cands = self.verb_index.get(&toks[i].upper)?;
        let mut best: Option<(usize, usize, Range<usize>)> = None;
        for &(b, v, f) in cands {
            let form = &self.verbs.blocks[b].verbs[v].forms[f];
            let Some(start) = i.checked_sub(form.head) else {
                continue;
            };
            let end = start + form.words.len();
            if end > toks.len()
                || !form
                    .words
                    .iter()
                    .enumerate()
                    .all(|(k, w)| toks[start + k].upper == *w)
            {
                continue;
            }
            if best.as_ref().is_none_or(|x| x.2.len() < end - start) {
                best = Some((b, v, start..end));
            }
        }
        best
    }

    pub(crate) fn mentions(&self, toks: &[Tok], date: Date) -> Vec<Mention> {
        self.mentions_where(toks, date, |_| true)
    }

    /// [`Self::mentions`], joining an actor and a later agent only across words for which
    /// `joinable` holds (the parse-based coder refuses verbs: "Zimbabwe are demanding that
    /// President …" is no "Zimbabwe's president").
    pub(crate) fn mentions_where(
        &self,
        toks: &[Tok],
        date: Date,
        joinable: impl Fn(usize) -> bool,
    ) -> Vec<Mention> {
        let mut raw: Vec<Mention> = Vec::new();
        let mut i = 0;
        while i < toks.len() {
            // Actor entries are names: written all in lower case, their words are common
            // nouns ("joined marches" is no Marches of Italy, "turkey" no Turkey).
            let named = |end: usize| toks[i..end].iter().any(|t| !t.lowercase);
            if let Some((e, end)) = self
                .actor_index
                .longest(toks, i)
                .filter(|&(_, end)| named(end))
            {
                let code = self.actors[e].code_on(date);
                raw.push(Mention {
                    toks: i..end,
                    actor: code.filter(|c| *c != "---").map(str::to_string),
                    agent: None,
                    null: code.is_none_or(|c| c == "---"),
                    agent_first: false,
                });
                i = end;
            } else if let Some((e, end)) = self.agent_index.longest(toks, i) {
                raw.push(Mention {
                    toks: i..end,
                    actor: None,
                    agent: Some(self.agents[e].code.clone()),
                    null: false,
                    agent_first: false,
                });
                i = end;
            } else {
                i += 1;
            }
        }
        let gap = |a: &Range<usize>, b: &Range<usize>| -> Vec<&Tok> {
            toks[a.end..b.start].iter().collect()
        };
        // Join actor + agent ("Gondor's first deputy minister", "soldiers of Gondor") and a
        // title with the name after it ("President Romendacil").
        let mut out: Vec<Mention> = Vec::new();
        for m in raw {
            if let Some(last) = out.last_mut()
                && !last.null
                && !m.null
            {
                let g = gap(&last.toks, &m.toks);
                let words: Vec<&str> = g.iter().map(|t| t.upper.as_str()).collect();
                let actor_then_agent = last.agent.is_none()
                    && m.agent.is_some()
                    && g.len() <= 3
                    && (last.toks.end..m.toks.start).all(&joinable)
                    && g.iter().all(|t| {
                        t.upper == "'S"
                            || t.lowercase
                            || t.upper.chars().all(char::is_alphabetic)
                                && !matches!(t.upper.as_str(), "AND" | "OR" | "BUT" | "NOR")
                    });
                let agent_of_actor = last.actor.is_none()
                    && m.actor.is_some()
                    && matches!(
                        words[..],
                        ["OF"] | ["OF", "THE"] | ["FROM"] | ["FROM", "THE"] | ["IN"]
                    );
                let title_name =
                    last.agent.is_some() && m.actor.is_some() && m.agent.is_none() && g.is_empty();
                // "Deputy Defence Minister": "deputy" (CAMEO's sheriff's deputy, COP) ranks
                // the title after it, whose agent is the phrase's.
                let deputy_title = last.agent.is_some()
                    && m.agent.is_some()
                    && m.actor.is_none()
                    && toks[last.toks.end - 1].upper == "DEPUTY"
                    && g.len() <= 2
                    && g.iter()
                        .all(|t| !t.lowercase && t.upper.chars().all(char::is_alphabetic));
                // "a foreign ministry spokesman", "an army spokeswoman": who speaks for a
                // body has its sector, not the media's (Phoenix's SPOKES!PERSON! is ~MED).
                let spokesperson = last.agent.is_some()
                    && m.agent.is_some()
                    && m.actor.is_none()
                    && g.is_empty()
                    && toks[m.toks.start].upper.starts_with("SPOKES");
                if spokesperson {
                    last.toks.end = m.toks.end;
                    continue;
                }
                if actor_then_agent || deputy_title {
                    last.agent = m.agent;
                    last.toks.end = m.toks.end;
                    continue;
                }
                if agent_of_actor || title_name {
                    if last.actor.is_none() {
                        last.actor = m.actor;
                        last.agent_first = agent_of_actor;
                    }
                    last.toks.end = m.toks.end;
                    continue;
                }
            }
            out.push(m);
        }
        // An agent entry that ends in its preposition ("AMBASSADOR_TO", meant for
        // "ambassador to Gondor") and found no name after it ("summoned the ambassador to
        // protest") names the person without the preposition.
        for m in &mut out {
            if m.toks.len() > 1
                && matches!(
                    toks[m.toks.end - 1].upper.as_str(),
                    "TO" | "FOR" | "AT" | "OF"
                )
            {
                m.toks.end -= 1;
            }
        }
        out
    }
}

/// Puts an actor code where an agent code's `~` is.
fn with_agent(actor: &str, agent: &str) -> String {
    if let Some(suf) = agent.strip_prefix('~') {
        if actor.ends_with(suf) {
            actor.to_string()
        } else {
            format!("{actor}{suf}")
        }
    } else if let Some(pre) = agent.strip_suffix('~') {
        format!("{pre}{actor}")
    } else {
        format!("{actor}{agent}")
    }
}

/// Mentions joined by `and` / `or` / `,` (with determiners and lower-case modifiers between:
/// "Fornost and the evil awful Gondor") into coordinated groups. An agent without a country
/// takes the one of its group ("Danish media and government").
pub(crate) fn groups(mentions: &mut [Mention], toks: &[Tok]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for k in 0..mentions.len() {
        let joined = k > 0 && {
            let gap = &toks[mentions[k - 1].toks.end..mentions[k].toks.start];
            let sep = |t: &&Tok| matches!(t.upper.as_str(), "AND" | "OR" | "NOR" | ",");
            gap.iter().any(|t| sep(&t))
                && gap.len() <= 5
                && gap.iter().all(|t| {
                    sep(&t) || matches!(t.upper.as_str(), "THE" | "A" | "AN") || t.lowercase
                })
        };
        match out.last_mut() {
            Some(g) if joined => g.push(k),
            _ => out.push(vec![k]),
        }
    }
    for g in &out {
        if mentions[g[0]].agent_first {
            let agent = mentions[g[0]].agent.clone();
            for &m in &g[1..] {
                if mentions[m].agent.is_none() {
                    mentions[m].agent.clone_from(&agent);
                }
            }
        }
        // Only a state's code is lent: an organisation's ("IGOBUSIMF" for the IMF) is its
        // own, and "the finance ministry and IMF officials" are no ministry of the IMF.
        let country = g.iter().find_map(|&m| {
            mentions[m].actor.clone().filter(|c| {
                c.split('/').all(|c| {
                    c.len() == 3
                        && c.bytes().all(|b| b.is_ascii_uppercase())
                        && !matches!(c, "IGO" | "NGO" | "MNC" | "IMG" | "UNO" | "EUR")
                })
            })
        });
        for &m in g {
            if mentions[m].actor.is_none() && mentions[m].agent.is_some() {
                mentions[m].actor.clone_from(&country);
            }
        }
    }
    out
}

/// Actors bound by a pattern's slots.
#[derive(Clone, Debug, Default)]
pub(crate) struct Slots {
    pub(crate) source: Option<Vec<usize>>,
    pub(crate) target: Option<Vec<usize>>,
    pub(crate) skipped: Vec<usize>,
}

pub(crate) struct Cx<'a> {
    pub(crate) toks: &'a [Tok],
    pub(crate) mentions: &'a [Mention],
    pub(crate) groups: &'a [Vec<usize>],
    pub(crate) coder: &'a BaselineCoder,
}

impl Cx<'_> {
    fn clause_start(&self, verb: usize) -> usize {
        self.toks[..verb]
            .iter()
            .rposition(|t| t.upper == ";")
            .map_or(0, |p| p + 1)
    }

    /// Matches a pattern around the verb tokens; returns the slots it bound.
    pub(crate) fn pattern(&self, p: &Pattern, verb: Range<usize>) -> Option<Slots> {
        let lo = self.clause_start(verb.start);
        let hi = (verb.end + POST_WINDOW).min(self.toks.len());
        let mut slots = Slots::default();
        if !self.pre(&p.pre, verb.start, lo, &mut slots) {
            return None;
        }
        if !self.post(&p.post, verb.end, hi, true, &mut slots) {
            return None;
        }
        Some(slots)
    }

    /// Pre-verb items right to left: the last item ends at or shortly before `cur`.
    fn pre(&self, items: &[PatternItem], cur: usize, lo: usize, slots: &mut Slots) -> bool {
        let Some((last, rest)) = items.split_last() else {
            return true;
        };
        let max_gap = if last.adjacent { 0 } else { GAP };
        let first_start = cur.saturating_sub(max_gap + 6).max(lo);
        for s in (first_start..cur).rev() {
            for (end, add) in self.element(&last.element, s, cur) {
                if end <= cur && cur - end <= max_gap {
                    let mut tried = slots.clone();
                    tried.merge(add);
                    if self.pre(rest, s, lo, &mut tried) {
                        *slots = tried;
                        return true;
                    }
                }
            }
        }
        false
    }

    /// Post-verb items left to right: each starts at or shortly after `cur`.
    fn post(
        &self,
        items: &[PatternItem],
        cur: usize,
        hi: usize,
        _first: bool,
        slots: &mut Slots,
    ) -> bool {
        let Some((first, rest)) = items.split_first() else {
            return true;
        };
        let max_gap = if first.adjacent { 0 } else { GAP };
        for s in cur..=(cur + max_gap).min(hi.saturating_sub(1)) {
            if s >= hi {
                break;
            }
            for (end, add) in self.element(&first.element, s, hi) {
                let mut tried = slots.clone();
                tried.merge(add);
                if self.post(rest, end, hi, false, &mut tried) {
                    *slots = tried;
                    return true;
                }
            }
        }
        false
    }

    /// Ways `e` matches starting at token `i` (ending by `hi`): (end, slots bound).
    fn element(&self, e: &Element, i: usize, hi: usize) -> Vec<(usize, Slots)> {
        let toks = self.toks;
        if i >= toks.len() || i >= hi.max(i + 1) && i >= toks.len() {
            return Vec::new();
        }
        match e {
            Element::Word(alts) => {
                let t = &toks[i].upper;
                let hit = alts.iter().any(|a| {
                    t == a
                        || t.strip_prefix(a.as_str())
                            .is_some_and(|r| r == "S" || r == "ES")
                });
                if hit {
                    vec![(i + 1, Slots::default())]
                } else {
                    Vec::new()
                }
            }
            Element::Synset(name) => {
                let Some(forms) = self.coder.synsets.get(name) else {
                    return Vec::new();
                };
                forms
                    .iter()
                    .filter(|f| {
                        i + f.len() <= toks.len()
                            && f.iter().enumerate().all(|(k, w)| toks[i + k].upper == *w)
                    })
                    .map(|f| (i + f.len(), Slots::default()))
                    .collect()
            }
            Element::Phrase(parts) => {
                let mut states = vec![(i, Slots::default())];
                for p in parts {
                    let mut next = Vec::new();
                    for (pos, sl) in states {
                        for (end, add) in self.element(p, pos, hi) {
                            let mut s = sl.clone();
                            s.merge(add);
                            next.push((end, s));
                        }
                    }
                    states = next;
                }
                states
            }
            Element::Prep { prep, objects } => {
                if !prep.iter().any(|p| *p == toks[i].upper) {
                    return Vec::new();
                }
                let mut states = vec![(i + 1, Slots::default())];
                for o in objects {
                    let mut next = Vec::new();
                    for (pos, sl) in states {
                        // Objects may follow determiners and modifiers.
                        for s in pos..(pos + 4).min(toks.len()) {
                            for (end, add) in self.element(o, s, hi) {
                                let mut st = sl.clone();
                                st.merge(add);
                                next.push((end, st));
                            }
                        }
                    }
                    states = next;
                }
                states
            }
            Element::Source | Element::Target | Element::Compound | Element::Skip => {
                let start = if matches!(toks[i].upper.as_str(), "THE" | "A" | "AN") {
                    i + 1
                } else {
                    i
                };
                let Some(g) = self
                    .groups
                    .iter()
                    .find(|g| self.mentions[g[0]].toks.start == start)
                else {
                    return Vec::new();
                };
                // A compound slot needs coordinated actors to pair up.
                if matches!(e, Element::Compound) && g.len() < 2 {
                    return Vec::new();
                }
                let end = self.mentions[*g.last().unwrap_or(&g[0])].toks.end;
                let mut s = Slots::default();
                match e {
                    Element::Source => s.source = Some(g.clone()),
                    Element::Target => s.target = Some(g.clone()),
                    Element::Compound => {
                        s.source = Some(g.clone());
                        s.target = Some(g.clone());
                    }
                    _ => s.skipped.extend(g.iter().copied()),
                }
                vec![(end, s)]
            }
        }
    }
}

impl Slots {
    fn merge(&mut self, o: Slots) {
        if o.source.is_some() {
            self.source = o.source;
        }
        if o.target.is_some() {
            self.target = o.target;
        }
        self.skipped.extend(o.skipped);
    }
}

#[cfg(test)]
pub(crate) mod tests;
