//! The parse-based event matcher: verb patterns applied to a dependency parse.
//!
//! For each verb (UPOS `VERB`) whose form or lemma is a form of a `--- VERB ---` entry of
//! the verb dictionary, and each noun that is such a form and carries its own arguments
//! ("Arnor's visit to Gondor", "an arrest at Minas Tirith"), the matcher:
//!
//! 1. takes the trigger's *clause*: its dependency subtree without the subtrees of nested
//!    clauses (`ccomp`, `advcl`, `acl`, `acl:relcl`, `parataxis`, `csubj`, verbal `conj`);
//!    infinitival complements (`xcomp`) stay in, so "threaten to cut aid" patterns see them;
//! 2. matches the block's patterns against the clause's words in order (the pattern
//!    elements therefore only meet the trigger's own dependents, whatever sits between);
//! 3. takes the source from a pattern's `$` slot, else the `nsubj` (the `by`-agent of a
//!    passive; a relative pronoun stands for the noun the clause modifies; a complement or
//!    conjunct verb without subject inherits its controller's); the target from `+`, else
//!    `obj`/`iobj`, the passive subject, a prepositional object, or the object of the
//!    trigger's own complement;
//! 4. reads status from auxiliaries, negation and governing verbs ("plans to", "refused
//!    to"), attribution from reporting verbs and "according to", location from an
//!    `at`/`in`/`near` phrase headed by a proper noun, and keeps the clause's token spans so
//!    the date is the time expression in the clause (see [`crate::assemble`]).
//!
//! Without a pattern of the verb's own block, two constructions of dyad's verb supplement
//! (`data/dyad-verbs.txt`) are tried before the verb line: a labelling frame of
//! call/label/dub/term ("called Y a communist": block `DYAD_LABEL`, matched on the label; no
//! event when the label is no charge) and a light verb with an event noun ("offered
//! admiration for Y": block `DYAD_LIGHT_VERB`, matched on the noun; target from the noun's
//! `for`/`to`/`over`… phrase).
//!
//! Announced, requested, demanded and refused actions are coded by the action's code through
//! the code-mapping blocks `DYAD_INTENT`, `DYAD_APPEAL_FOR`, `DYAD_DEMAND_FOR` and
//! `DYAD_REFUSAL_FOR` ("will release" → 0353, "urged Y to release" → 0253).
//!
//! Every code is one a pattern or verb line wrote (never a default), exactly as in the
//! baseline, whose dictionary indexes, actor matcher and pattern matcher are reused.
use crate::baseline::{BaselineCoder, Cx, Mention, Slots, Tok, groups, tok, tokenize};
use crate::verbs::{Element, EventCode, Pattern, PatternItem};
use crate::{CodedActor, CodedEvent, Coding, status};
use dyad_core::Status;
use dyad_syntax::{Model, SentenceParser, TokenSyntax};
use jiff::civil::Date;
use std::ops::Range;
use std::sync::Arc;

/// A coded event with what the parse adds beyond [`CodedEvent`]. Spans are sentence-relative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedEvent {
    /// The event.
    pub event: CodedEvent,
    /// Byte ranges of the words of the trigger's clause (and of its controller's, for a
    /// complement verb): a time expression dates the event only if it lies in one of them.
    pub clause: Vec<Range<usize>>,
    /// Where it happened, as written.
    pub location: Option<Range<usize>>,
    /// Who reports it ("X said …", "according to X").
    pub attribution: Option<Range<usize>>,
}

/// CAMEO's residual statement code.
const STATEMENT: &str = "010";

/// Clausal relations: their subtrees are other clauses, with events of their own.
const CLAUSAL: &[&str] = &[
    "ccomp",
    "advcl",
    "acl",
    "acl:relcl",
    "parataxis",
    "csubj",
    "csubj:pass",
];
/// Verbs whose subject, an event noun, is said to take place ("the talks resumed", "the
/// visit will take place on Monday").
const HAPPENING_VERBS: &[&str] = &[
    "take", "happen", "occur", "begin", "start", "resume", "continue", "end", "open", "close",
    "conclude", "go", "proceed",
];
/// Governing verbs that make their infinitival complement planned.
const PLAN_GOVERNORS: &[&str] = &[
    "plan",
    "intend",
    "expect",
    "schedule",
    "agree",
    "promise",
    "pledge",
    "vow",
    "prepare",
    "aim",
    "want",
    "hope",
    "seek",
    "set",
    "propose",
    "decide",
    "offer",
    // Adjectival governors: "is ready / willing / prepared to send troops".
    "ready",
    "willing",
    "prepared",
    "committed",
    "determined",
    "poised",
    "eager",
    "swear",
];
/// Aspectual and conative verbs: with a complement verb the complement is the event
/// ("continued to send arms", "tried to hack", "began collecting signatures"), asserted.
const ASPECTUAL: &[&str] = &[
    "continue", "begin", "start", "resume", "keep", "try", "attempt", "manage", "proceed",
];
/// Verbs of necessity ("needs to", "has to"): no event of their own. In the content clause of
/// a speech verb their complement is the speaker's appeal (CAMEO 02, by the code of what is
/// needed: "said Japan needs to enact reforms" → 0242); elsewhere it is no event.
const OBLIGATION: &[&str] = &["need", "have"];
/// Governing verbs that negate their complement.
const NEG_GOVERNORS: &[&str] = &["refuse", "decline", "fail", "deny", "reject"];
/// Governors whose complement is a refusal: "refused to meet" is itself an event, CAMEO's
/// 12 (REJECT), not a negated meeting, when dyad's DYAD_REFUSAL block codes the refused verb.
const REFUSALS: &[&str] = &["refuse", "decline", "reject"];

/// Verbs of naming whose object plus a predicate nominal is a labelling frame ("X called Y
/// a communist"): the label decides the event (dyad-verbs.txt block `DYAD_LABEL`).
const LABEL_VERBS: &[&str] = &["call", "label", "dub", "term"];
/// Light verbs: with an event noun as object ("offered admiration for", "voiced concern
/// over") the noun decides the event (dyad-verbs.txt block `DYAD_LIGHT_VERB`).
const LIGHT_VERBS: &[&str] = &[
    "offer",
    "express",
    "voice",
    "extend",
    "give",
    "show",
    "convey",
    "send",
    "register",
    "reiterate",
    "reaffirm",
    "signal",
    "pay",
    "issue",
];
/// Support verbs: they say that the event their object names is carried out, begun or
/// completed ("undertook mediation", "renewed negotiations", "staged a hunger strike"); the
/// event noun decides (dyad-verbs.txt block `DYAD_EVENT_NOUN`), before the verb's patterns.
const SUPPORT_VERBS: &[&str] = &[
    "undertake",
    "launch",
    "conduct",
    "hold",
    "stage",
    "mount",
    "begin",
    "start",
    "resume",
    "renew",
    "open",
    "initiate",
    "organize",
    "organise",
    "complete",
    "conclude",
    "continue",
];
/// Personal pronouns that can stand for an agent, upper case.
const PERSONAL: &[&str] = &["HE", "SHE", "THEY", "WE", "IT", "I"];
/// Verbs of committing to an act: with a coded complement ("agreed to resume talks") the
/// complement's intent is the event.
const INTENT_GOVERNORS: &[&str] = &["agree", "promise", "pledge", "vow", "offer"];
/// Whether a lower-case lemma is a verb of saying or reporting (`SPEECH`, `REPORTING`).
fn reports(lemma: &str) -> bool {
    SPEECH.contains(&lemma) || REPORTING.contains(&lemma)
}
/// Verbs that keep someone from doing what their `from` complement says.
const PREVENTING: &[&str] = &[
    "ban", "bar", "prevent", "prohibit", "stop", "forbid", "block", "keep", "restrict", "exclude",
    "suspend", "deter",
];
/// Verbs of a legal charge: what they charge someone with is an allegation.
const CHARGE_VERBS: &[&str] = &[
    "charge",
    "indict",
    "convict",
    "accuse",
    "suspect",
    "prosecute",
    "sentence",
    "sue",
    "blame",
];
/// Verbs that carry out what their object names, beside the light and support verbs
/// ("lodged a protest", "provided aid", "made a visit", "filed a complaint").
const CARRYING_VERBS: &[&str] = &[
    "lodge", "file", "provide", "make", "deliver", "grant", "carry",
];
/// Verbs of accepting: what is accepted or received decides ("accepted the demands",
/// "received a mission of observers"; block `DYAD_ACCEPTED`), after the verb's patterns.
const ACCEPT_VERBS: &[&str] = &["accept", "receive", "welcome", "admit"];
/// "Peruvian and Ecuadorian soldiers": coordinated countries before one agent noun share it,
/// but the dictionaries attach the agent to the nearest country only (PER, ECUMIL). When one
/// participant's codes carry a single agent, bare country codes take it too (PERMIL, ECUMIL),
/// and an agent without a country beside them ("---GOV") is dropped as covered.
fn distribute_agent(codes: &mut Vec<CodedActor>) {
    let country = |c: &str| c.len() >= 3 && c.is_char_boundary(3) && &c[..3] != "---";
    let agents: std::collections::BTreeSet<&str> = codes
        .iter()
        .filter_map(|a| a.code.get(3..).filter(|g| !g.is_empty()))
        .collect();
    let [agent] = agents.into_iter().collect::<Vec<_>>()[..] else {
        return;
    };
    let agent = agent.to_string();
    if !codes.iter().any(|a| a.code.len() == 3 && country(&a.code)) {
        return;
    }
    codes.retain(|a| country(&a.code));
    for a in codes.iter_mut() {
        if a.code.len() == 3 {
            a.code.push_str(&agent);
        }
    }
}

/// The words a pattern names after its verb, outside prepositional phrases (each spelling;
/// a phrase's head noun): "- * TRIP [036]" gives TRIP.
fn pattern_nouns(p: &Pattern) -> Vec<&str> {
    let mut out = Vec::new();
    for item in &p.post {
        match &item.element {
            Element::Word(spellings) => out.extend(spellings.iter().map(String::as_str)),
            Element::Phrase(parts) => {
                if let Some(Element::Word(spellings)) = parts.last() {
                    out.extend(spellings.iter().map(String::as_str));
                }
            }
            _ => {}
        }
    }
    out
}

/// Nouns of things given or withheld, never a participant of the event.
const RESOURCES: &[&str] = &[
    "aid",
    "assistance",
    "funding",
    "money",
    "loan",
    "credit",
    "grant",
    "supply",
    "weapon",
    "arms",
    "payment",
    "budget",
];
/// Verbs of ending: the event ended decides ("ended mediation efforts"; block
/// `DYAD_HALTED`), after the verb's patterns.
const HALT_VERBS: &[&str] = &["end", "halt", "suspend", "stop", "cancel", "terminate"];
/// Plural nouns of dictionary verbs that name things, not events: "its forces in Lebanon"
/// are troops (not FORCE, coerce), "emergency measures" policies, "air links" and "ties"
/// relations, "supplies" goods, "trains between Zürich and Basel" vehicles (not TRAIN,
/// prepare), "all the means at our disposal" resources, "arms", "shells" and "funds" what
/// is sent or fired; "allies", "partners" and "guards" people, not what they do ("raise the
/// matter with its NATO allies"). They are no noun triggers.
const THING_NOUNS: &[&str] = &[
    "FORCES", "MEASURES", "LINKS", "TIES", "SUPPLIES", "TRAINS", "MEANS", "ARMS", "SHELLS",
    "FUNDS", "ALLY", "ALLIES", "PARTNER", "PARTNERS", "GUARD", "GUARDS",
];
/// Event nouns whose possessor is the one it happens to, not the one who does it: "his
/// arrest", "Khashoggi's killing", "their release". With an `of` phrase the possessor is
/// the agent again ("Israel's release of 50 prisoners").
const UNDERGONE_NOUNS: &[&str] = &[
    "arrest",
    "detention",
    "capture",
    "abduction",
    "kidnapping",
    "killing",
    "murder",
    "assassination",
    "execution",
    "release",
    "expulsion",
    "deportation",
    "imprisonment",
    "jailing",
    "sentencing",
    "ouster",
    "dismissal",
    "removal",
    "extradition",
    "torture",
    "rescue",
    "eviction",
    "impeachment",
    "prosecution",
    "conviction",
    "indictment",
    "internment",
    "beheading",
    "lynching",
    "firing",
    "sacking",
];
/// Verbs of killing and wounding: the means named with them decides CAMEO's kind of violence
/// (dyad-verbs.txt block `DYAD_MEANS`: "killed in a car bomb explosion" → 1832).
const HARM_VERBS: &[&str] = &[
    "kill", "murder", "slay", "wound", "injure", "hurt", "maim", "die",
];
/// Prepositions of a means or cause phrase ("in a bomb attack", "by a roadside bomb", "as a
/// result of torture").
const MEANS_CASES: &[&str] = &["in", "by", "with", "during", "from", "as", "after"];
/// Prepositions that name whom an event noun is directed at ("admiration for", "concern
/// over", "condolences to").
const NOUN_TARGET_CASES: &[&str] = &[
    "for", "to", "with", "over", "of", "toward", "towards", "at", "about", "on", "against",
    "between",
];
/// Reporting verbs: their subject is the attribution of the event they report.
const SPEECH: &[&str] = &[
    "say", "tell", "report", "announce", "state", "add", "claim", "insist", "note", "write",
    "confirm", "declare", "told", "said",
];

/// Verbs besides [`SPEECH`] whose "Y must VERB" content clause is a demand ("reiterated that
/// Libya must hand over …").
const INSISTING: &[&str] = &[
    "declare",
    "reiterate",
    "stress",
    "emphasize",
    "emphasise",
    "repeat",
    "warn",
    "conclude",
    "announce",
    "demand",
    "urge",
];

/// Verbs that report an announcement or a commitment besides [`SPEECH`]: "would" in their
/// content clause is the future of the past ("announced it would withdraw").
const REPORTING: &[&str] = &[
    "announce", "confirm", "indicate", "promise", "pledge", "vow", "warn", "threaten", "assure",
    "decide", "agree", "reply", "explain", "stress", "signal", "hint",
];

/// Codes sentences from their dependency parse. Build once; `Sync`.
pub struct ParsedCoder {
    base: BaselineCoder,
    /// Shared with the actor stage, which reads its parts of speech.
    model: Arc<Model>,
    /// dyad's construction blocks, when the dictionary has them (`DYAD_LABEL`,
    /// `DYAD_LIGHT_VERB`, `DYAD_REFUSAL`, `DYAD_DEMAND` of dyad-verbs.txt).
    label_block: Option<usize>,
    light_block: Option<usize>,
    refusal_block: Option<usize>,
    event_noun_block: Option<usize>,
    accepted_block: Option<usize>,
    halted_block: Option<usize>,
    demand_block: Option<usize>,
    intent_block: Option<usize>,
    appeal_block: Option<usize>,
    demand_for_block: Option<usize>,
    refusal_for_block: Option<usize>,
    means_block: Option<usize>,
    /// `DYAD_IDIOM`: bare object nouns with which a verb's own line codes nothing.
    idiom_block: Option<usize>,
    /// Code only events with both a source and a target (off for documents: an event whose
    /// code came from a pattern is kept with unknown actors).
    pub require_dyad: bool,
}

/// One parsed sentence with its tokens.
struct Sent<'a, 'm> {
    toks: &'a [Tok],
    syn: &'a [TokenSyntax<'m>],
    children: Vec<Vec<usize>>,
    mentions: Vec<Mention>,
}

/// A trigger's clause as a sentence of its own, for the pattern matcher.
struct SubClause {
    /// The clause's words (sentence indices, in order).
    clause: Vec<usize>,
    /// The sentence index of each of `toks` (the clause without its time adjuncts).
    at: Vec<usize>,
    toks: Vec<Tok>,
    mentions: Vec<Mention>,
    groups: Vec<Vec<usize>>,
    /// The trigger's first and last word in `toks`.
    verb: (usize, usize),
}

impl Sent<'_, '_> {
    /// The clause of trigger `i` (with its multi-word form `range`) as a sentence of its own.
    fn sub_clause(&self, i: usize, range: &Range<usize>) -> Option<SubClause> {
        let mut clause = self.clause(i, true);
        // A predicate the parser hung on a noun is matched on the whole main clause.
        if let Some((_, h)) = self.noun_rooted(i) {
            for k in self.clause(h, true) {
                if let Err(p) = clause.binary_search(&k) {
                    clause.insert(p, k);
                }
            }
        }
        for k in range.clone() {
            if let Err(p) = clause.binary_search(&k) {
                clause.insert(p, k);
            }
        }
        // A time adjunct ("on Tuesday", "last month") is no part of any pattern: "telephoned
        // Y on Tuesday" is no "call on" (an appeal). It stays in the clause for dating.
        let mut unmatched = Vec::new();
        let mut spatial = Vec::new();
        for &c in &self.children[i] {
            if self.rel(c).starts_with("obl") && self.temporal(c) {
                unmatched.extend(self.clause(c, false));
            }
        }
        // Nor are the words of a phrase in the clause that can only say where ("clashed with
        // police outside the court building" is no "* COURT", an attack on a court); the
        // actors in it stay ("protested outside the Bolivian consulate").
        for &c in &clause {
            if matches!(self.rel(c), "obl" | "nmod")
                && self.case_of(c).is_some_and(|p| {
                    matches!(
                        p.as_str(),
                        "outside" | "near" | "inside" | "beside" | "behind" | "opposite"
                    )
                })
            {
                spatial.extend(self.clause(c, false));
            }
        }
        let matched: Vec<usize> = clause
            .iter()
            .copied()
            .filter(|k| !unmatched.contains(k))
            .collect();
        let pos_of = |k: usize| matched.binary_search(&k).ok();
        let toks: Vec<Tok> = matched
            .iter()
            .map(|&k| {
                let mut t = self.toks[k].clone();
                if spatial.contains(&k) {
                    // No pattern word is empty.
                    t.upper.clear();
                }
                t
            })
            .collect();
        let mut mentions: Vec<Mention> = self
            .mentions
            .iter()
            .filter_map(|m| {
                let a = pos_of(m.toks.start)?;
                let b = pos_of(m.toks.end - 1)?;
                (b - a + 1 == m.toks.len()).then(|| Mention {
                    toks: a..b + 1,
                    ..m.clone()
                })
            })
            .collect();
        let groups = groups(&mut mentions, &toks);
        let verb = (pos_of(range.start)?, pos_of(range.end - 1)?);
        Some(SubClause {
            clause,
            at: matched,
            toks,
            mentions,
            groups,
            verb,
        })
    }

    fn head(&self, i: usize) -> Option<usize> {
        let h = self.syn[i].head as usize;
        (h > 0 && h <= self.syn.len()).then(|| h - 1)
    }
    fn rel(&self, i: usize) -> &str {
        self.syn[i].deprel
    }
    fn lower(&self, i: usize) -> String {
        self.toks[i].upper.to_lowercase()
    }
    fn kids<'s>(&'s self, i: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children[i]
            .iter()
            .copied()
            .filter(move |&c| self.rel(c) == rel)
    }
    /// Subtree of `i`, in order, cutting nested clauses (and `xcomp` when `keep_xcomp` is off).
    fn clause(&self, i: usize, keep_xcomp: bool) -> Vec<usize> {
        let mut out = vec![i];
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            for &c in &self.children[n] {
                let r = self.rel(c);
                // A conjoined predicate is a clause of its own: a verb, or a word with its
                // own copula or subject ("would not withdraw the reform but was ready to
                // meet next week": the week is not the withdrawal's).
                let verbal_conj = r == "conj"
                    && (matches!(self.syn[c].upos, "VERB" | "AUX")
                        || self.children[c]
                            .iter()
                            .any(|&k| matches!(self.rel(k), "cop" | "nsubj" | "nsubj:pass")));
                let comp = self.complement(c);
                let clausal = CLAUSAL.contains(&r) && !comp && !self.indefinite_noun(c);
                if verbal_conj || clausal || (!keep_xcomp && comp) {
                    continue;
                }
                out.push(c);
                stack.push(c);
            }
        }
        out.sort_unstable();
        out
    }
    /// A verb the parser made of the head noun of an indefinite noun phrase ("rejected [a US
    /// offer] to host", "rejected [a United Nations appeal] for …"): a bare form (neither -s
    /// nor past) with no auxiliary or subordinator whose words open with "a"/"an" is no finite
    /// verb, since an indefinite singular subject would take the -s form. It stays a phrase of
    /// the clause it hangs in, and is no trigger.
    fn indefinite_noun(&self, v: usize) -> bool {
        if self.syn[v].upos != "VERB"
            || !self.toks[v].upper.eq_ignore_ascii_case(&self.syn[v].lemma)
            || self.children[v]
                .iter()
                .any(|&c| matches!(self.rel(c), "aux" | "aux:pass" | "mark" | "cop"))
        {
            return false;
        }
        let mut first = v;
        let mut stack = vec![v];
        while let Some(n) = stack.pop() {
            for &c in &self.children[n] {
                if c < v {
                    first = first.min(c);
                    stack.push(c);
                }
            }
        }
        first < v && matches!(self.toks[first].upper.as_str(), "A" | "AN")
    }
    /// The words of a participant headed by `i`: its subtree without clauses, appositions
    /// and leading determiners or punctuation.
    fn phrase(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            for &c in &self.children[n] {
                let r = self.rel(c);
                // A participant's text is its name: no clauses, time phrases, or
                // prepositional modifiers other than "of" ("the mayor of Gondor").
                // An `obl` phrase is a verb's or adjective's: on a participant's word it is
                // a phrase the parser hung on the wrong head ("hosted [Australian] … for
                // three hours of talks", with the adjective as the object). A bare one is
                // more often a name it split off ("Lt. Gen. [Prosper Avril]").
                let loose = r.ends_with("tmod")
                    || r == "nmod:npmod"
                    || (r.starts_with("obl") && (self.case_of(c).is_some() || self.temporal(c)))
                    || (r == "nmod" && self.case_of(c).as_deref() != Some("of"));
                if CLAUSAL.contains(&r) || loose || matches!(r, "punct" | "xcomp" | "cc" | "conj") {
                    continue;
                }
                out.push(c);
                stack.push(c);
            }
        }
        out.sort_unstable();
        while out.len() > 1 && matches!(self.syn[out[0]].upos, "DET" | "PUNCT" | "ADP") {
            out.remove(0);
        }
        while out.len() > 1 && matches!(self.syn[out[out.len() - 1]].upos, "PUNCT" | "PART") {
            out.pop();
        }
        out
    }
    fn span(&self, words: &[usize]) -> Option<Range<usize>> {
        let (a, b) = (words.first()?, words.last()?);
        Some(self.toks[*a].span.start..self.toks[*b].span.end)
    }
    /// Words that name the same participant as `h`: `h` with its compound, flat, apposed,
    /// descriptive and `of` modifiers (so "the mayor of Gondor", "President Elessar", "Arnor's
    /// king" find their actor codes, but "aid from Gondor" does not become Gondor).
    fn name_words(&self, h: usize) -> Vec<usize> {
        let mut out = vec![h];
        let mut stack = vec![h];
        while let Some(n) = stack.pop() {
            for &c in &self.children[n] {
                let r = self.rel(c);
                let of = r == "nmod" && self.case_of(c).as_deref() == Some("of");
                if of
                    || r.starts_with("compound")
                    || r.starts_with("flat")
                    || matches!(r, "appos" | "nmod:desc" | "amod" | "det" | "case" | "nmod:poss")
                        // An apposition names the same participant, so its possessor
                        // is the participant's as the head's is ("Sidhoum, Algeria's
                        // leading activist"); a deeper possessor is not.
                        && !(r == "nmod:poss" && n != h && self.rel(n) != "appos")
                    // "Hungarian and Romanian officials": coordinated modifiers.
                    || (r == "conj" && n != h)
                {
                    out.push(c);
                    stack.push(c);
                }
            }
        }
        out.sort_unstable();
        out
    }
    /// The participant headed by `i`: one per conjunct, each its phrase's span with the codes
    /// of the actor mentions among its name words; a phrase without one is an unknown actor
    /// (empty code), never a guess.
    fn party(&self, i: usize) -> Vec<CodedActor> {
        let mut out = self.party_words(i);
        // A personal pronoun takes the codes of the nearest earlier subject of the
        // sentence that names an actor ("Hungary said it will support …"); its text stays.
        // So does a subject common noun with no country whose possessor is such a pronoun
        // ("Syria said its troops …", "their forces had completed"): the possessor's country
        // with the noun's agent, if any ("its troops" → SYRMIL).
        let countryless = |a: &CodedActor| a.code.is_empty() || a.code.starts_with("---");
        let owner = if self.pronoun(i) {
            out.iter().all(|a| a.code.is_empty()).then_some(i)
        } else if self.syn[i].upos == "NOUN"
            && self.rel(i).starts_with("nsubj")
            && out.iter().all(countryless)
        {
            self.kids(i, "nmod:poss").find(|&p| self.pronoun(p))
        } else {
            None
        };
        // The pronoun itself takes any coded subject; a possessed noun needs a country.
        let named = |a: &CodedActor, p: usize| {
            if p == i {
                !a.code.is_empty()
            } else {
                !countryless(a)
            }
        };
        // Inside what someone says, the pronoun is first the speaker's ("China's foreign
        // ministry said the Philippine ships had entered its waters and that its coast
        // guard had acted": China's, though the ships are the nearer subject).
        let speaker = |p: usize| {
            // Possessors and subjects only: "Kenya said police arrested them" is not about
            // Kenya's arrest.
            if !(self.rel(p) == "nmod:poss" || self.rel(p).starts_with("nsubj")) {
                return None;
            }
            let mut cur = p;
            for _ in 0..self.syn.len() {
                let h = self.head(cur)?;
                let lemma = self.syn[h].lemma.to_lowercase();
                if self.rel(cur) == "ccomp" && reports(&lemma) {
                    return self
                        .kids(h, "nsubj")
                        .find(|&k| k < p && !self.pronoun(k))
                        .map(|k| self.party_words(k));
                }
                cur = h;
            }
            None
        };
        if let Some(p) = owner
            // The speaker needs a country: a minister the dictionaries know only by the
            // office ("---GOV") is a person, and "its" is no person's.
            && let Some(ante) = speaker(p)
                .filter(|q| q.iter().any(|a| named(a, p) && !countryless(a)))
                .or_else(|| {
                    // A pronoun that is not itself a subject never stands for its own clause's
                    // subject ("Kenya arrested them": they are not Kenya, which would be
                    // "themselves").
                    let own_subject = |k: usize| {
                        !self.rel(p).starts_with("nsubj") && self.head(k) == self.head(p)
                    };
                    (0..p)
                        .rev()
                        .filter(|&k| {
                            self.rel(k).starts_with("nsubj") && !self.pronoun(k) && !own_subject(k)
                        })
                        .map(|k| self.party_words(k))
                        .find(|q| q.iter().any(|a| named(a, p)))
                })
        {
            let span = if p == i {
                self.toks[i].span.clone()
            } else {
                out.first()
                    .map_or(self.toks[i].span.clone(), |a| a.span.clone())
            };
            let agent = if p == i {
                ""
            } else {
                out.iter()
                    .find_map(|a| a.code.get(3..).filter(|g| !g.is_empty()))
                    .unwrap_or("")
            };
            out = ante
                .into_iter()
                .filter(|a| named(a, p))
                .map(|a| CodedActor {
                    code: match a.code.get(..3) {
                        Some(c) if !agent.is_empty() => format!("{c}{agent}"),
                        _ => a.code,
                    },
                    span: span.clone(),
                    borrowed: a.borrowed,
                })
                .collect();
        }
        out
    }
    /// Whether a participant can act: the dictionaries code it, or its words hold a
    /// capitalised word (punctuation, as in "water-sharing", is none) or a personal pronoun,
    /// or with `people` a noun of people ("the union").
    fn agentive(&self, c: &CodedActor, people: bool) -> bool {
        !c.code.is_empty()
            || self
                .toks
                .iter()
                .filter(|t| c.span.contains(&t.span.start))
                .any(|t| {
                    (!t.lowercase && t.upper.chars().next().is_some_and(char::is_alphabetic))
                        || PERSONAL.contains(&t.upper.as_str())
                        || (people && crate::assemble::people_noun(&t.upper.to_lowercase()))
                })
    }
    fn pronoun(&self, i: usize) -> bool {
        self.syn[i].upos == "PRON"
            && matches!(
                self.lower(i).as_str(),
                "it" | "they"
                    | "he"
                    | "she"
                    | "we"
                    | "him"
                    | "her"
                    | "them"
                    | "its"
                    | "their"
                    | "his"
                    | "us"
            )
    }
    fn party_words(&self, i: usize) -> Vec<CodedActor> {
        let mut heads = vec![i];
        let mut k = 0;
        while k < heads.len() && heads.len() < 16 {
            heads.extend(self.kids(heads[k], "conj"));
            k += 1;
        }
        let mut out = Vec::new();
        for &h in &heads {
            let words = self.phrase(h);
            let names = self.name_words(h);
            let Some(mut span) = self.span(&words) else {
                continue;
            };
            // A common noun is its modifiers' actor when a mention covers it ("the Gondor
            // government") or names a country or group ("Russian official"); an agent word
            // alone does not make it one ("government funding").
            // "Russian official" is Russia's, but "government funding" is no agent's.
            let covers = |m: &&Mention| m.toks.contains(&h) || m.actor.is_some();
            let common = self.syn[h].upos == "NOUN";
            let ms: Vec<&Mention> = self
                .mentions
                .iter()
                .filter(|m| names.binary_search(&m.toks.start).is_ok())
                .filter(|m| !common || covers(m))
                .collect();
            let before = out.len();
            for m in ms {
                let ms = self.toks[m.toks.start].span.start..self.toks[m.toks.end - 1].span.end;
                span = span.start.min(ms.start)..span.end.max(ms.end);
                out.extend(
                    m.codes()
                        .into_iter()
                        .map(|code| CodedActor::new(code, 0..0)),
                );
            }
            if out.len() == before {
                out.push(CodedActor::new(String::new(), 0..0));
            }
            let mut own = out.split_off(before);
            distribute_agent(&mut own);
            out.append(&mut own);
            for a in &mut out[before..] {
                a.span = span.clone();
            }
        }
        out
    }
    /// A relative pronoun subject stands for the noun its clause modifies (the parse's
    /// `acl:relcl` head, else the nearest noun before the pronoun). "Whose" does too, from
    /// inside the noun phrase it determines ("Rao, whose visit ends on Thursday": the
    /// visit's possessor is Rao).
    fn resolve(&self, i: usize) -> usize {
        let lower = self.lower(i);
        if !matches!(lower.as_str(), "who" | "which" | "that" | "whom" | "whose") {
            return i;
        }
        // The relative clause's verb: the pronoun's head, or for "whose" the head of the
        // noun phrase it opens.
        let mut v = self.head(i);
        if lower == "whose" {
            v = v.and_then(|n| self.head(n));
        }
        if let Some(v) = v
            && self.rel(v) == "acl:relcl"
            && let Some(noun) = self.head(v)
        {
            return noun;
        }
        (0..i)
            .rev()
            .take(3)
            .find(|&k| matches!(self.syn[k].upos, "NOUN" | "PROPN"))
            .unwrap_or(i)
    }
    /// An infinitival complement: `xcomp`, or an `advcl` with `to` and no subject of its own
    /// (the parser often labels "threatening to cut" so).
    fn complement(&self, v: usize) -> bool {
        match self.rel(v) {
            "xcomp" => true,
            "advcl" => {
                self.kids(v, "mark").any(|m| self.lower(m) == "to")
                    && self.kids(v, "nsubj").next().is_none()
            }
            // "it is willing [to meet Y]" read as an extraposed subject ("it is easy to …"):
            // an adjective of readiness takes a complement, not a clausal subject.
            "csubj" => {
                self.kids(v, "mark").any(|m| self.lower(m) == "to")
                    && self.kids(v, "nsubj").next().is_none()
                    && self.head(v).is_some_and(|h| {
                        self.syn[h].upos == "ADJ"
                            && PLAN_GOVERNORS.contains(&self.syn[h].lemma.to_lowercase().as_str())
                    })
            }
            _ => false,
        }
    }
    /// The subject of verb `v`, inherited from a controller or a coordinated verb.
    fn subject(&self, v: usize, depth: usize) -> Option<(usize, bool)> {
        // "Earlier Thursday, …": the parser sometimes takes a fronted day for the subject.
        if let Some(s) = self.kids(v, "nsubj").find(|&s| !self.temporal(s)) {
            // "63 people had been detained and 11 officers injured": a participle conjoined
            // to a passive, with no auxiliary of its own, shares the passive's auxiliaries;
            // its subject is the one it happened to.
            let gapped = self.rel(v) == "conj"
                && self.syn[v].xpos == "VBN"
                && self.kids(v, "aux").next().is_none()
                && self.kids(v, "aux:pass").next().is_none()
                && self
                    .head(v)
                    .is_some_and(|h| h < v && self.kids(h, "aux:pass").next().is_some());
            return Some((self.resolve(s), gapped));
        }
        // "And earlier Thursday, an arrest … threatened": the fronted day taken for the
        // subject with the real subject in apposition to it.
        if let Some(a) = self
            .kids(v, "nsubj")
            .flat_map(|t| self.kids(t, "appos"))
            .find(|&a| !self.temporal(a))
        {
            return Some((self.resolve(a), false));
        }
        if let Some(s) = self.kids(v, "nsubj:pass").next() {
            return Some((self.resolve(s), true));
        }
        // "it is willing to withdraw": an adjective of readiness takes a subject that acts, so
        // an "it" the parser made an expletive is that subject.
        if self.syn[v].upos == "ADJ"
            && PLAN_GOVERNORS.contains(&self.syn[v].lemma.to_lowercase().as_str())
            && let Some(s) = self.kids(v, "expl").next()
        {
            return Some((s, false));
        }
        if depth > 4 {
            return None;
        }
        let h = self.head(v)?;
        match self.rel(v) {
            // Object control ("urged voters to reject") before subject control. The
            // controller is the complement's agent even when it is the governor's passive
            // subject ("it is prepared to impose", "was asked to leave").
            _ if self.complement(v) => self
                .kids(h, "obj")
                .next()
                .map(|o| (o, false))
                .or_else(|| self.subject(h, depth + 1).map(|(s, _)| (s, false))),
            "advcl" if let Some(m) = self.past_relative(v, h) => self.subject(m, depth + 1),
            "conj" | "advcl" => self.subject(h, depth + 1),
            // A verb of a comma-joined series the parser left side by side ("The attackers
            // arrived on motorcycles, set fire to homes …") shares the first verb's subject.
            "parataxis"
                if h < v
                    && self.syn[v].upos == "VERB"
                    && v > 0
                    && self.toks[v - 1].upper == "," =>
            {
                self.subject(h, depth + 1)
            }
            "acl:relcl" => Some((h, false)),
            // A reduced passive relative with its agent ("40 people kidnapped by armed
            // gangs"): the noun it modifies is its passive subject. Without a `by` agent
            // the participle only describes the noun ("those detained"; see `code_trigger`).
            "acl"
                if self.syn[v].xpos == "VBN"
                    && h < v
                    && self.by_agent(v).is_some()
                    && matches!(self.syn[h].upos, "NOUN" | "PROPN" | "PRON") =>
            {
                Some((self.resolve(h), true))
            }
            _ => self.noun_rooted(v).map(|(s, _)| (s, false)),
        }
    }
    /// A participial adjunct `v` ("…, urging voters …") that the parser hung from the verb
    /// `h` of a parenthetical relative clause ("Mamdani — who ran on a platform — urging
    /// …") but that follows the clause's closing dash or comma belongs to the clause the
    /// relative clause interrupts: its verb is returned (subject control then reaches that
    /// verb's subject, never the relative clause's antecedent).
    fn past_relative(&self, v: usize, h: usize) -> Option<usize> {
        const OPEN: &[&str] = &["—", "–", "--", ",", "("];
        const CLOSE: &[&str] = &["—", "–", "--", ",", ")"];
        if self.kids(v, "mark").next().is_some() || h > v {
            return None;
        }
        let rel = self
            .kids(h, "nsubj")
            .find(|&k| matches!(self.lower(k).as_str(), "who" | "which"))?;
        let opened = rel > 0 && OPEN.contains(&self.lower(rel - 1).as_str());
        let closed = self.children[v]
            .iter()
            .any(|&c| c > h && c < v && CLOSE.contains(&self.lower(c).as_str()));
        if !(opened && closed) {
            return None;
        }
        let mut m = self.head(h)?;
        if self.rel(h) == "acl:relcl" {
            // The antecedent noun's own verb.
            for _ in 0..3 {
                if self.syn[m].upos == "VERB" {
                    break;
                }
                m = self.head(m)?;
            }
        }
        (self.syn[m].upos == "VERB").then_some(m)
    }
    /// The verb whose content clause `v` is: the head of a `ccomp`, and the verb of the time
    /// word on which the parser hung a "that" clause as a relative clause ("said Wednesday
    /// [that the US must be ready …]": no relative clause opens with the conjunction "that"
    /// after a day name).
    fn content_head(&self, v: usize) -> Option<usize> {
        let h = self.head(v)?;
        match self.rel(v) {
            "ccomp" => Some(h),
            "acl:relcl" | "acl" if self.temporal(h) => {
                // "that" as its conjunction, or as the clause's first word when the clause has
                // a subject of its own (so "that" is no relative subject).
                let that = |k: usize| self.toks[k].upper == "THAT";
                let mark = self.kids(v, "mark").any(that);
                let opens = self.children[v].iter().any(|&k| k == h + 1 && that(k))
                    && self.kids(v, "nsubj").any(|k| !that(k));
                (mark || opens)
                    .then(|| self.head(h))
                    .flatten()
                    .filter(|&g| self.syn[g].upos == "VERB")
            }
            _ => None,
        }
    }
    /// How many clauses embed word `i`: the clausal relations on its path to the root
    /// (a coordinated or complement verb stays at its head's level).
    fn depth(&self, i: usize) -> usize {
        let (mut n, mut d) = (i, 0);
        for _ in 0..self.syn.len() {
            let Some(h) = self.head(n) else {
                break;
            };
            d += usize::from(CLAUSAL.contains(&self.rel(n)) && !self.complement(n));
            n = h;
        }
        d
    }
    /// A participle used as an adjective ("the occupied West Bank", "the defeated party",
    /// "Ousted President X has agreed …") names a state, not an event of its sentence. The
    /// parser also labels finite verbs `amod` ("police in Jericho confiscated weapons"), so
    /// the participle must open its noun phrase, follow a determiner, adjective, adverb,
    /// preposition or possessive of it, or follow a verb and precede its noun.
    fn attributive(&self, i: usize) -> bool {
        let Some(h) = self.head(i) else {
            return false;
        };
        let noun_after = |k: usize| {
            k + 1 < self.syn.len() && matches!(self.syn[k + 1].upos, "NOUN" | "PROPN" | "ADJ")
        };
        match self.rel(i) {
            "amod" if i == 0 => true,
            "amod" => {
                matches!(
                    self.syn[i - 1].upos,
                    "DET" | "ADJ" | "ADV" | "ADP" | "PART" | "NUM"
                ) || self.rel(i - 1) == "nmod:poss"
                    // Right after a verb, before its noun, no finite verb can stand: "could
                    // impose targeted sanctions", "repays disputed grants".
                    || (matches!(self.syn[i - 1].upos, "VERB" | "AUX") && h > i)
            }
            // A sentence-initial participle directly before the subject of its head.
            "advcl" if i == 0 && noun_after(i) => {
                let mut k = i + 1;
                for _ in 0..4 {
                    match self.head(k) {
                        Some(x) if x == h => return self.rel(k).starts_with("nsubj"),
                        Some(x) => k = x,
                        None => return false,
                    }
                }
                false
            }
            _ => false,
        }
    }
    /// A labelling frame of verb `v`: its labelled object and the label, when `v` has two
    /// nominal complements ("called [Mamdani] [a communist]"; the parser also gives the
    /// label as an apposition of the object, or the object as `xcomp`).
    fn labelling(&self, v: usize) -> Option<(usize, usize)> {
        let nominal = |c: usize| matches!(self.syn[c].upos, "NOUN" | "PROPN" | "PRON" | "ADJ");
        let args: Vec<usize> = self.children[v]
            .iter()
            .copied()
            .filter(|&c| {
                c > v
                    && matches!(self.rel(c), "obj" | "iobj" | "xcomp" | "obl:unmarked")
                    && nominal(c)
                    && !self.temporal(c)
            })
            .collect();
        match args.as_slice() {
            [a, .., b] => Some((*a, *b)),
            // "called Mamdani a communist" (label as apposition), "called the sanctions
            // illegal" (a post-nominal adjective is a predicate in English).
            [a] => {
                let label = self.children[*a]
                    .iter()
                    .copied()
                    .find(|&p| {
                        p > *a
                            && (self.rel(p) == "appos" && nominal(p)
                                || self.rel(p) == "amod" && self.syn[p].upos == "ADJ")
                    })
                    .or_else(|| self.quoted_label(*a));
                match label {
                    Some(label) => {
                        let comma = (*a..label).any(|k| self.lower(k) == ",");
                        (!comma).then_some((*a, label))
                    }
                    // "against what it called interference", "the raid, which he called a
                    // massacre": the relative clause's antecedent is what is labelled, by
                    // the verb's one object.
                    None => {
                        let h = self.head(v)?;
                        (self.rel(v) == "acl:relcl" && h < v).then_some((h, *a))
                    }
                }
            }
            [] => None,
        }
    }
    /// A label in quotation marks right after the labelled object, behind at most a
    /// determiner ("called Mamdani a “communist”"): the quotes mark the epithet whatever
    /// the parser made of it (it often hangs a quoted word on a following noun).
    fn quoted_label(&self, a: usize) -> Option<usize> {
        const QUOTES: &[&str] = &["\"", "“", "”", "``", "''", "‘", "’"];
        let quote = |k: usize| k < self.toks.len() && QUOTES.contains(&self.toks[k].upper.as_str());
        let mut k = a + 1;
        if k < self.syn.len() && self.syn[k].upos == "DET" {
            k += 1;
        }
        if !quote(k) {
            return None;
        }
        let close = (k + 1..(k + 5).min(self.toks.len())).find(|&j| quote(j))?;
        (k + 1..close)
            .rev()
            .find(|&j| matches!(self.syn[j].upos, "NOUN" | "PROPN" | "ADJ"))
    }
    /// The words of a label or event noun that dyad's construction patterns see: the head
    /// with its adjective and compound modifiers, in order.
    fn head_words(&self, n: usize) -> Vec<usize> {
        let mut out: Vec<usize> = self.children[n]
            .iter()
            .copied()
            .filter(|&c| matches!(self.rel(c), "amod" | "compound"))
            .collect();
        out.push(n);
        out.sort_unstable();
        out
    }
    /// The words of an event noun that a support verb's construction sees: its head words
    /// and those of its prepositional modifiers with their prepositions ("a mission of
    /// observers", "a hearing into the legality"), in order.
    fn event_words(&self, n: usize) -> Vec<usize> {
        let mut out = self.head_words(n);
        for c in self.kids(n, "nmod") {
            out.extend(self.kids(c, "case"));
            out.extend(self.head_words(c));
        }
        out.sort_unstable();
        out
    }
    /// The words of a means phrase headed by `n`: the head with its modifiers and compounds at
    /// any depth ("a [car bomb] explosion" nests "car" under "bomb"), and the same of its `of`
    /// phrases with their preposition ("a result of torture"), in order.
    fn means_words(&self, n: usize) -> Vec<usize> {
        let mut out = vec![n];
        let mut stack = vec![n];
        while let Some(k) = stack.pop() {
            for &c in &self.children[k] {
                let r = self.rel(c);
                let of = r == "nmod" && k == n && self.case_of(c).as_deref() == Some("of");
                if matches!(r, "amod" | "compound" | "flat") || of {
                    out.push(c);
                    stack.push(c);
                } else if r == "case" && k != n {
                    out.push(c);
                }
            }
        }
        out.sort_unstable();
        out
    }
    /// The event noun object of a light verb: its `obj`, or the object of a participle the
    /// parser took for a complement verb ("offered [begrudging] admiration").
    fn light_object(&self, v: usize) -> Option<usize> {
        let noun = |c: usize| self.syn[c].upos == "NOUN";
        self.kids(v, "obj")
            .find(|&o| noun(o))
            .or_else(|| {
                self.kids(v, "xcomp")
                    .filter(|&x| self.kids(x, "mark").next().is_none())
                    .find_map(|x| self.kids(x, "obj").find(|&o| noun(o) && o == x + 1))
            })
            .or_else(|| self.noun_rooted_object(v).filter(|&o| noun(o)))
    }
    /// A finite verb the parser took for a modifier of a noun in a sentence it rooted in a
    /// noun ("[Israel and Lebanon] renewed [negotiations]" with `renewed` as `amod` of the
    /// root `negotiations`; "[Doctors from two groups] donated …" with `donated` as `acl`):
    /// with no verb at the root the sentence has no other predicate, so the verb is its
    /// predicate. Returns the subject (the noun phrase that ends right before the verb) and
    /// the noun the verb hangs on. A participle after a determiner or adjective is an
    /// attribute (see `attributive`), and an `-ing` form is a reduced relative.
    fn noun_rooted(&self, v: usize) -> Option<(usize, usize)> {
        let h = self.head(v)?;
        let root = (0..self.syn.len()).find(|&k| self.syn[k].head == 0)?;
        if self.syn[v].upos != "VERB"
            || !matches!(self.rel(v), "amod" | "acl")
            || !matches!(self.syn[root].upos, "NOUN" | "PROPN")
            || self.lower(v).ends_with("ing")
            || v == 0
            || !matches!(self.syn[v - 1].upos, "NOUN" | "PROPN")
        {
            return None;
        }
        // The phrase that ends before the verb: its highest word that still precedes it.
        let mut k = v - 1;
        while let Some(x) = self.head(k).filter(|&x| x < v) {
            k = x;
        }
        Some((k, h))
    }
    /// The noun a mis-attached predicate (`noun_rooted`) modifies, when it follows the
    /// verb: its object ("renewed negotiations").
    fn noun_rooted_object(&self, v: usize) -> Option<usize> {
        self.noun_rooted(v).map(|(_, h)| h).filter(|&h| h > v)
    }
    /// Whom an event noun is directed at: its own prepositional phrase, else the light
    /// verb's, else the verb's indirect object.
    fn noun_target(&self, n: usize, v: usize) -> Option<usize> {
        // "resumed negotiations on Tuesday": a day is when, never whom.
        let directed = |c: usize, rels: &[&str]| {
            rels.contains(&self.rel(c))
                && !self.temporal(c)
                && self
                    .case_of(c)
                    .is_some_and(|p| NOUN_TARGET_CASES.contains(&p.as_str()))
        };
        self.children[n]
            .iter()
            .copied()
            .find(|&c| directed(c, &["nmod"]))
            .or_else(|| {
                self.children[v]
                    .iter()
                    .copied()
                    .find(|&c| directed(c, &["obl", "nmod"]))
            })
            .or_else(|| self.kids(v, "iobj").next())
    }
    /// A day, month, relative day or unit of time ("two weeks after accusing", "in the
    /// first minute"): never a participant.
    fn temporal(&self, i: usize) -> bool {
        let w = self.lower(i);
        let w = w.trim_end_matches('.');
        let unit = w.strip_suffix('s').unwrap_or(w);
        matches!(
            unit,
            "minute" | "hour" | "day" | "week" | "month" | "year" | "decade" | "weekend"
        ) || matches!(
            w,
            "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "january"
                | "february"
                | "march"
                | "april"
                | "june"
                | "july"
                | "august"
                | "september"
                | "october"
                | "november"
                | "december"
                | "morning"
                | "afternoon"
                | "evening"
                | "night"
        )
    }
    /// The passive `by`-agent.
    fn by_agent(&self, v: usize) -> Option<usize> {
        self.children[v].iter().copied().find(|&c| {
            self.rel(c).starts_with("obl") && self.kids(c, "case").any(|k| self.lower(k) == "by")
        })
    }
    fn case_of(&self, n: usize) -> Option<String> {
        self.kids(n, "case").next().map(|k| self.lower(k))
    }
    /// The recipient among `v`'s dependents when no pattern placed one.
    fn object(&self, v: usize) -> Option<usize> {
        let direct = self.children[v]
            .iter()
            .copied()
            .filter(|&c| matches!(self.rel(c), "obj" | "iobj"));
        let prep = self.children[v].iter().copied().filter(|&c| {
            matches!(self.rel(c), "obl" | "nmod")
                && self.case_of(c).is_some_and(|p| {
                    matches!(
                        p.as_str(),
                        "to" | "with" | "against" | "on" | "from" | "toward" | "towards" | "into"
                    )
                })
        });
        // A day or month is when, never whom ("clashed on Wednesday", "threatened on
        // Monday to …"; the parser also takes a bare "Thursday" for an object).
        let all: Vec<usize> = direct
            .chain(prep)
            .chain(self.noun_rooted_object(v))
            .filter(|&c| !self.temporal(c))
            .collect();
        // A candidate names an actor when its participant has a code ("government funding"
        // does not: an agent word alone does not make a common noun an actor).
        let coded = |c: usize| self.party_words(c).iter().any(|a| !a.code.is_empty());
        // "cut aid to Gondor": the recipient is the object's `to`/`from` phrase.
        let inner = |c: usize| {
            self.kids(c, "nmod").find(|&n| {
                coded(n)
                    && self
                        .case_of(n)
                        .is_some_and(|p| matches!(p.as_str(), "to" | "from" | "against" | "for"))
            })
        };
        all.iter()
            .copied()
            .find(|&c| coded(c))
            .or_else(|| all.iter().find_map(|&c| inner(c)))
            .or(all.first().copied())
    }
    /// Status from auxiliaries, negation, `if`, and governing verbs up the `xcomp` chain.
    fn status(&self, v: usize) -> Status {
        // An event noun that is a clause's subject has the status of its verb: "talks are
        // scheduled to resume", "the visit will take place", "the strike did not happen".
        if self.syn[v].upos == "NOUN"
            && self.rel(v).starts_with("nsubj")
            && let Some(h) = self.head(v)
            && self.syn[h].upos == "VERB"
        {
            let lemma = self.syn[h].lemma.to_lowercase();
            let own = if PLAN_GOVERNORS.contains(&lemma.as_str()) {
                Status::Planned
            } else {
                Status::Asserted
            };
            return stronger(own, self.status(h));
        }
        let mut st = Status::Asserted;
        let mut n = v;
        for _ in 0..4 {
            for &c in &self.children[n] {
                let w = self.lower(c);
                let r = self.rel(c);
                let cue = match (r, w.as_str()) {
                    ("advmod", "not" | "n't" | "never") => Some(Status::Negated),
                    ("aux", "will" | "'ll" | "shall") => Some(Status::Planned),
                    // "said it would withdraw": the future of reported speech.
                    ("aux", "would" | "'d") if self.reported(n) => Some(Status::Planned),
                    ("aux", "could" | "would" | "might" | "may" | "'d") => {
                        Some(Status::Hypothetical)
                    }
                    ("mark", "if" | "unless" | "whether") => Some(Status::Hypothetical),
                    _ => None,
                };
                if let Some(c) = cue {
                    st = stronger(st, c);
                }
            }
            if n != v {
                let lemma = self.syn[n].lemma.to_lowercase();
                if NEG_GOVERNORS.contains(&lemma.as_str()) {
                    st = stronger(st, Status::Negated);
                } else if PLAN_GOVERNORS.contains(&lemma.as_str()) {
                    st = stronger(st, Status::Planned);
                }
            }
            match self.head(n) {
                Some(h) if self.complement(n) => n = h,
                // "denied that soldiers had fired": what is denied is reported as not done.
                Some(h)
                    if self.rel(n) == "ccomp"
                        && matches!(self.syn[h].lemma.to_lowercase().as_str(), "deny") =>
                {
                    st = stronger(st, Status::Negated);
                    break;
                }
                _ => break,
            }
        }
        st
    }
    /// Does verb `v` carry a future auxiliary ("will", "would" …; "won't" is "wo" + "n't")?
    fn future(&self, v: usize) -> bool {
        self.kids(v, "aux").any(|a| {
            matches!(
                self.lower(a).as_str(),
                "will" | "would" | "'ll" | "shall" | "wo" | "'d"
            )
        })
    }
    /// Is verb `v` (or the verb its complement chain ends in) the content clause of a
    /// reporting verb ("said it would …"), with no condition of its own?
    fn reported(&self, v: usize) -> bool {
        if self
            .kids(v, "mark")
            .any(|m| matches!(self.lower(m).as_str(), "if" | "unless"))
        {
            return false;
        }
        let mut n = v;
        for _ in 0..4 {
            let Some(h) = self.head(n) else {
                return false;
            };
            if let Some(h) = self.content_head(n) {
                let lemma = self.syn[h].lemma.to_lowercase();
                return reports(&lemma);
            }
            if !self.complement(n) {
                return false;
            }
            n = h;
        }
        false
    }
    /// "X said (that) …", "…, X reported", "according to X".
    fn attribution(&self, v: usize) -> Option<Range<usize>> {
        let speaker = |s: usize| {
            let lemma = self.syn[s].lemma.to_lowercase();
            if SPEECH.contains(&lemma.as_str()) {
                self.kids(s, "nsubj")
                    .next()
                    .and_then(|x| self.span(&self.phrase(x)))
            } else {
                None
            }
        };
        let mut n = v;
        for _ in 0..6 {
            for &c in &self.children[n] {
                if matches!(self.rel(c), "obl" | "advcl" | "advmod" | "obl:npmod")
                    && self.children[c]
                        .iter()
                        .any(|&k| self.lower(k) == "according")
                {
                    return self.span(&self.phrase(c));
                }
                if matches!(self.rel(c), "parataxis" | "ccomp")
                    && let Some(a) = speaker(c)
                {
                    return Some(a);
                }
            }
            let h = self.head(n)?;
            match self.rel(n) {
                "ccomp" | "parataxis" => {
                    if let Some(a) = speaker(h) {
                        return Some(a);
                    }
                    n = h;
                }
                _ if self.complement(n) || self.rel(n) == "conj" => n = h,
                _ => return None,
            }
        }
        None
    }
    /// The head of an `at`/`in`/`near` phrase under the trigger headed by a proper noun that
    /// is no month or day ("killed by shelling in July" happened in July, not at it).
    fn place(&self, v: usize) -> Option<usize> {
        self.children[v]
            .iter()
            .copied()
            .find(|&c| self.named_place_phrase(c))
    }
    /// Whether `c` heads an `at`/`in`/`near` phrase of a proper noun that is no month or day.
    fn named_place_phrase(&self, c: usize) -> bool {
        matches!(self.rel(c), "obl" | "nmod")
            && self.syn[c].upos == "PROPN"
            && self.case_of(c).is_some_and(|p| is_place_case(&p))
            && !self.temporal(c)
    }
    /// Where the trigger's event happened, for its location and its agents' country: its
    /// [`Self::place`], else the town of the landmark where it happened ("protested outside
    /// the Bolivian consulate in Santiago"). That town is no stranger to the event's
    /// parties, so it is not kept out of the recipient's words as the place is ("rioted at
    /// this jail in northern Israel" is against Israel, as the PLOVER GSR codes it).
    fn setting(&self, v: usize) -> Option<usize> {
        self.place(v).or_else(|| {
            self.children[v]
                .iter()
                .copied()
                .filter(|&c| {
                    self.rel(c) == "obl"
                        && self.case_of(c).is_some_and(|p| {
                            matches!(
                                p.as_str(),
                                "outside" | "at" | "near" | "inside" | "opposite"
                            )
                        })
                })
                .find_map(|c| {
                    // The landmark's own phrase, however deep the parser hung the town
                    // ("outside the embassy of Gondor in Arnor").
                    self.clause(c, false)
                        .into_iter()
                        .find(|&k| k != c && self.named_place_phrase(k))
                })
        })
    }
    /// Where the trigger's event happened: its [`Self::setting`] phrase, as written.
    fn location(&self, v: usize) -> Option<Range<usize>> {
        self.setting(v).and_then(|c| {
            let words: Vec<usize> = self
                .phrase(c)
                .into_iter()
                .filter(|&k| self.rel(k) != "case")
                .collect();
            let mut w = words.as_slice();
            while w.len() > 1 && self.syn[w[0]].upos == "DET" {
                w = &w[1..];
            }
            self.span(w)
        })
    }
}

/// Whether a preposition opens a phrase that says where an event happened.
fn is_place_case(p: &str) -> bool {
    ["at", "in", "near", "inside"]
        .iter()
        .any(|c| c.eq_ignore_ascii_case(p))
}

/// Whether verb `v` has what only a clause of its own has: a subject, an auxiliary, an
/// expletive, a subordinating marker or a `by` agent. A participle with none of these may be
/// a finite verb the parser misread.
fn clause_of_its_own(syn: &[dyad_syntax::TokenSyntax<'_>], v: usize) -> bool {
    let child_of = |k: usize, h: usize| syn[k].head as usize == h + 1;
    let own = |rel: &str| {
        rel.starts_with("nsubj")
            || rel.starts_with("aux")
            || rel.starts_with("expl")
            || matches!(rel, "mark" | "obl:agent")
    };
    let by_agent = (0..syn.len()).any(|c| {
        child_of(c, v)
            && syn[c].deprel.starts_with("obl")
            && (0..syn.len()).any(|u| child_of(u, c) && syn[u].lemma == "by")
    });
    by_agent || (0..syn.len()).any(|c| child_of(c, v) && own(syn[c].deprel))
}

/// A sentence parsed as a noun with a clause hanging on it, where the noun is set off by an
/// appositive or a relative clause between commas: "The Bangladesh Nationalist Party, the
/// main opposition group, called for a strike …" read as "the party [that was] called for a
/// strike". With no subject, auxiliary, marker or "by" agent of its own, a past-form verb
/// right after the closing comma is the sentence's verb and the noun its subject. Headlines
/// ("Five soldiers killed in ambush") have no commas and stay as parsed.
fn promote_verb_after_appositive(syn: &mut [dyad_syntax::TokenSyntax<'_>]) {
    let Some(root) = syn.iter().position(|t| t.head == 0) else {
        return;
    };
    if !matches!(syn[root].upos, "NOUN" | "PROPN") {
        return;
    }
    let child_of =
        |syn: &[dyad_syntax::TokenSyntax<'_>], k: usize, h: usize| syn[k].head as usize == h + 1;
    // The verb hangs on the noun or on a word of the appositive or relative clause between
    // them ("Russia, which backs the government, called …": `called` under `backs`).
    // Or the verb is an adjective of the noun after it, which the parser hung on the noun
    // ("Members of the association, a body linked to the OAU, [investigated] welfare of
    // …", "welfare" in apposition to "Members"): that noun is then its object.
    let past = |k: usize| syn[k].upos == "VERB" && matches!(syn[k].xpos, "VBD" | "VBN");
    let Some(v) = (root + 1..syn.len()).find(|&k| {
        let h = syn[k].head as usize;
        let acl = h > root && h <= k && syn[k].deprel == "acl";
        let amod = syn[k].deprel == "amod"
            && h == k + 2
            && (root + 1..=k).contains(&(syn[k + 1].head as usize))
            && matches!(
                syn[k + 1].deprel,
                "appos" | "obj" | "nmod" | "dep" | "parataxis"
            );
        k >= 2 && syn[k - 1].lemma == "," && past(k) && (acl || amod)
    }) else {
        return;
    };
    let object = (syn[v].deprel == "amod").then_some(v + 1);
    // The noun's own phrase ("Members of the Association of African Jurists") ends at the
    // first comma, with no verb in it; an appositive (which the parser may call
    // `parataxis`) or a relative clause follows.
    let Some(comma) = (root + 1..v).find(|&k| syn[k].lemma == ",") else {
        return;
    };
    let plain = (root + 1..comma).all(|k| !matches!(syn[k].upos, "VERB" | "AUX"));
    let set_off = (comma + 1..v).any(|k| {
        child_of(syn, k, root)
            && (matches!(syn[k].deprel, "appos" | "acl:relcl")
                || (syn[k].deprel == "parataxis" && matches!(syn[k].upos, "NOUN" | "PROPN")))
    });
    if !set_off || !plain {
        return;
    }
    if clause_of_its_own(syn, v) {
        return;
    }
    syn[v].head = 0;
    syn[v].deprel = "root";
    syn[root].head = v as u32 + 1;
    syn[root].deprel = "nsubj";
    if let Some(o) = object {
        syn[o].head = v as u32 + 1;
        syn[o].deprel = "obj";
    }
    // The comma before the verb closed the appositive; it now belongs to the verb.
    syn[v - 1].head = v as u32 + 1;
    // Whatever else hung on the noun after the verb (a final full stop) is the verb's.
    for k in v + 1..syn.len() {
        if child_of(syn, k, root) && syn[k].deprel == "punct" {
            syn[k].head = v as u32 + 1;
        }
    }
}

/// Verbs whose passive participle takes an object of its own ("Veterans given medals",
/// "Three men sentenced to death", "a ship denied entry"): after a noun they stay a reduced
/// relative.
const DITRANSITIVE_PASSIVES: &[&str] = &[
    "give", "award", "grant", "hand", "offer", "deny", "promise", "show", "tell", "send", "pay",
    "lend", "allow", "sentence", "assign", "issue", "refuse", "owe", "charge",
];

/// "Kenyan police fired tear gas at protesters", "Police seized documents and computers, a
/// police source said": the tagger read the verb after a noun as a participle, and the
/// parser made it a reduced relative of the noun ("police [who were] fired") or an
/// adjective of the object ("[seized] documents", the object hanging on the noun). A
/// passive participle takes no direct object, so a past-form verb right after a noun, with
/// an object and no subject, auxiliary, marker or "by" agent of its own, is the clause's
/// verb and the noun its subject; the verb takes the noun's place in the sentence.
fn promote_participle_with_object(syn: &mut [dyad_syntax::TokenSyntax<'_>]) {
    let child_of =
        |syn: &[dyad_syntax::TokenSyntax<'_>], k: usize, h: usize| syn[k].head as usize == h + 1;
    for n in 0..syn.len().saturating_sub(2) {
        let v = n + 1;
        if !matches!(syn[n].upos, "NOUN" | "PROPN")
            || syn[v].upos != "VERB"
            || !matches!(syn[v].xpos, "VBD" | "VBN")
            || DITRANSITIVE_PASSIVES.contains(&syn[v].lemma.to_lowercase().as_str())
        {
            continue;
        }
        // "The European Union imposed sanctions on Monday …, the bloc's chief said", read
        // as one noun phrase ("the European Union-imposed sanctions") standing where the
        // report's content should: a past form between a noun and the noun it modifies,
        // where the phrase is the sentence's root or a reporting verb's argument, is the
        // verb of the first noun with the second as its object.
        // So is a subject the parser gave that noun ("Colombia's government and the ELN
        // guerrilla group resumed peace negotiations", read "…group-resumed negotiations").
        if (syn[n].deprel == "compound" || syn[n].deprel == "nsubj")
            && syn[v].deprel == "amod"
            && syn[n].head == syn[v].head
        {
            let o = syn[v].head as usize - 1;
            let (oh, orel) = (syn[o].head as usize, syn[o].deprel);
            let reporting = oh > 0 && {
                let l = syn[oh - 1].lemma.to_lowercase();
                reports(&l)
            };
            // A noun with a subject stands where a verb should, wherever the parser hung it;
            // hung on a later root ("… resumed negotiations on Tuesday, two months after the
            // talks were suspended", with "suspended" the root), it takes the root's place
            // and the root becomes its adverbial clause.
            let demoted_root = syn[n].deprel == "nsubj"
                && oh > o + 1
                && syn[oh - 1].deprel == "root"
                && syn[oh - 1].upos == "VERB";
            let place = if orel == "root" {
                Some("root")
            } else if reporting && oh > o + 1 && matches!(orel, "obl" | "obj" | "nsubj" | "ccomp") {
                Some("ccomp")
            } else if demoted_root && !reporting {
                Some("root")
            } else {
                None
            };
            if o > v
                && let Some(rel) = place
            {
                if rel == "root" && orel != "root" {
                    syn[oh - 1].head = v as u32 + 1;
                    syn[oh - 1].deprel = "advcl";
                    syn[v].head = 0;
                } else {
                    syn[v].head = oh as u32;
                }
                syn[v].deprel = rel;
                syn[n].head = v as u32 + 1;
                syn[n].deprel = "nsubj";
                syn[o].head = v as u32 + 1;
                syn[o].deprel = "obj";
                // Other subjects hung on the object before the verb are the verb's: the first
                // is its subject, the later ones (with their conjunctions) conjuncts of it.
                let subjects: Vec<usize> = (0..v)
                    .filter(|&k| k != n && child_of(syn, k, o) && syn[k].deprel == "nsubj")
                    .chain(std::iter::once(n))
                    .collect();
                let first = subjects[0];
                for k in first + 1..v {
                    if child_of(syn, k, o)
                        && syn[k].deprel == "cc"
                        && let Some(&next) = subjects.iter().find(|&&x| x > k)
                    {
                        syn[k].head = next as u32 + 1;
                    }
                }
                for &k in &subjects {
                    if k == first {
                        syn[k].head = v as u32 + 1;
                        syn[k].deprel = "nsubj";
                    } else {
                        syn[k].head = first as u32 + 1;
                        syn[k].deprel = "conj";
                    }
                }
                // The object's time and place phrases are the verb's, and so are the verbs
                // the parser hung on it: a purpose ("used tear gas [to disperse] …") and a
                // conjoined verb ("… and [arrested] 17 people").
                for k in o + 1..syn.len() {
                    if !child_of(syn, k, o) {
                        continue;
                    }
                    match (syn[k].deprel, syn[k].upos) {
                        ("nmod", _) => syn[k].deprel = "obl",
                        ("acl", "VERB") => syn[k].deprel = "advcl",
                        ("conj", "VERB") => {}
                        _ => continue,
                    }
                    syn[k].head = v as u32 + 1;
                }
            }
            continue;
        }
        // The noun's clause role: it stands where a verb should (the sentence's root, the
        // content of a report) or is a subject.
        if !(syn[n].deprel == "root"
            || syn[n].deprel == "ccomp"
            || syn[n].deprel == "parataxis"
            || syn[n].deprel.starts_with("nsubj"))
        {
            continue;
        }
        // The object: the verb's own; or the phrase after the verb that the parser hung on
        // the noun (as its object, apposition or modifier), with the verb an adjective
        // inside it ("police [arrested] opposition leader Daniel Omondi": the leader in
        // apposition to the police, "arrested" an adjective of "leader").
        let own_obj = (v + 1..syn.len()).find(|&o| child_of(syn, o, v) && syn[o].deprel == "obj");
        let hung = || {
            // The top of the phrase that starts after the verb, below the noun.
            let mut o = v + 1;
            for _ in 0..6 {
                let up = syn[o].head as usize;
                if up == 0 || up - 1 == n || up - 1 <= v {
                    break;
                }
                o = up - 1;
            }
            let attached = child_of(syn, o, n)
                && matches!(syn[o].deprel, "obj" | "appos" | "nmod" | "nmod:desc");
            // The verb is an adjective of a word of that phrase.
            let mut w = v;
            let mut inside = false;
            for _ in 0..6 {
                let up = syn[w].head as usize;
                if up == 0 {
                    break;
                }
                if up - 1 == o {
                    inside = true;
                    break;
                }
                w = up - 1;
            }
            (attached && inside && syn[v].deprel == "amod").then_some(o)
        };
        let o = match own_obj {
            Some(o) if child_of(syn, v, n) && syn[v].deprel == "acl" => o,
            _ => match hung() {
                Some(o) => o,
                None => continue,
            },
        };
        if clause_of_its_own(syn, v) {
            continue;
        }
        let (head, rel) = (syn[n].head, syn[n].deprel);
        syn[v].head = head;
        // A subject of a reporting verb that has another subject after a comma is the
        // report's content (`repair_fronted_report` then finds it as such); a subject of
        // another verb leaves the verb a clause beside it.
        let reporting = head > 0 && {
            let l = syn[head as usize - 1].lemma.to_lowercase();
            reports(&l)
        };
        syn[v].deprel = match rel {
            r if r.starts_with("nsubj") && reporting => "ccomp",
            r if r.starts_with("nsubj") => "parataxis",
            r => r,
        };
        syn[n].head = v as u32 + 1;
        syn[n].deprel = "nsubj";
        syn[o].head = v as u32 + 1;
        syn[o].deprel = "obj";
        // What else hung on the noun after the verb (the clause's obliques, its final
        // punctuation) is the verb's.
        for k in v + 1..syn.len() {
            if child_of(syn, k, n) && k != o {
                syn[k].head = v as u32 + 1;
            }
        }
    }
}

/// "Pakistani Prime Minister Shehbaz Sharif thanked …": with a name it does not know the
/// parser may hang the opening adjective on the verb (`obl:unmarked`, `advmod`) instead of
/// on the subject it begins, and the subject loses its nationality. An adjective that a
/// verb governs directly, right before the words of that verb's subject, modifies the
/// subject's first noun.
fn reattach_fronted_adjective(syn: &mut [dyad_syntax::TokenSyntax<'_>]) {
    for k in 0..syn.len().saturating_sub(1) {
        let h = syn[k].head as usize;
        // A possessor is a noun's, never a verb's ("Peru's Foreign Minister Javier Salcedo
        // accused …" with "Peru" hung on "accused").
        let adjective = syn[k].upos == "ADJ"
            && matches!(
                syn[k].deprel,
                "obl:unmarked" | "obl" | "advmod" | "dep" | "nsubj"
            );
        let possessor = matches!(syn[k].upos, "NOUN" | "PROPN") && syn[k].deprel == "nmod:poss";
        if !(adjective || possessor) || h == 0 || h <= k + 1 || syn[h - 1].upos != "VERB" {
            continue;
        }
        // From the next word (after a possessor's "'s") up its heads, staying between the
        // adjective and the verb, to the verb's subject; the first noun on the way takes
        // the adjective.
        let start = if possessor && syn[k + 1].deprel == "case" {
            k + 2
        } else {
            k + 1
        };
        if start >= h - 1 {
            continue;
        }
        let (mut t, mut noun) = (start, None);
        let mut subject = false;
        for _ in 0..5 {
            if noun.is_none() && matches!(syn[t].upos, "NOUN" | "PROPN") {
                noun = Some(t);
            }
            let up = syn[t].head as usize;
            if up == h {
                subject = syn[t].deprel.starts_with("nsubj");
                break;
            }
            if up == 0 || up - 1 <= k || up >= h {
                break;
            }
            t = up - 1;
        }
        if let (true, Some(n)) = (subject, noun) {
            syn[k].head = n as u32 + 1;
            syn[k].deprel = if possessor { "nmod:poss" } else { "amod" };
        }
    }
}

/// "Russian Deputy Defence Minister Igor Sokolov accused …": the parser coordinated the
/// title ("Deputy") and the name ("Igor") with no "and", "or" or comma between them. A
/// proper-noun conjunct of a subject or object with no coordinator and no punctuation
/// before it continues the same name: it is the head, and the words before it describe it.
fn repair_asyndetic_conj(syn: &mut [dyad_syntax::TokenSyntax<'_>]) {
    for x in 0..syn.len() {
        let h = syn[x].head as usize;
        if h == 0 || h > x || syn[x].deprel != "conj" || syn[x].upos != "PROPN" {
            continue;
        }
        let h = h - 1;
        if !(syn[h].deprel.starts_with("nsubj") || syn[h].deprel == "obj") {
            continue;
        }
        let coordinated = (0..syn.len())
            .any(|c| syn[c].head as usize == x + 1 && matches!(syn[c].deprel, "cc" | "punct"))
            || (h + 1..x).any(|k| syn[k].upos == "CCONJ" || syn[k].upos == "PUNCT");
        if coordinated {
            continue;
        }
        syn[x].head = syn[h].head;
        syn[x].deprel = syn[h].deprel;
        syn[h].head = x as u32 + 1;
        syn[h].deprel = "compound";
    }
}

/// "In Paris, police clashed with protesters": the parser hung the subject on the fronted
/// place ("Paris, police" as a noun and its modifier) and the verb had none, so the city
/// became a party. A verb without a subject whose fronted `obl` phrase (with a preposition,
/// closed by a comma) carries a noun after that comma has that noun as its subject.
fn repair_subject_after_fronted_phrase(syn: &mut [dyad_syntax::TokenSyntax<'_>]) {
    for v in 0..syn.len() {
        if syn[v].upos != "VERB" {
            continue;
        }
        let child_of = |syn: &[dyad_syntax::TokenSyntax<'_>], k: usize, h: usize| {
            syn[k].head as usize == h + 1
        };
        if (0..syn.len()).any(|k| child_of(syn, k, v) && syn[k].deprel.starts_with("nsubj")) {
            continue;
        }
        let Some(p) = (0..v).find(|&k| {
            child_of(syn, k, v)
                && syn[k].deprel.starts_with("obl")
                && (0..k).any(|c| child_of(syn, c, k) && syn[c].upos == "ADP")
        }) else {
            continue;
        };
        let Some(comma) = (p + 1..v).find(|&k| syn[k].lemma == ",") else {
            continue;
        };
        // The noun after the comma that hangs on the place, with nothing but its own words
        // before the verb.
        let Some(n) = (comma + 1..v)
            .rev()
            .find(|&k| child_of(syn, k, p) && matches!(syn[k].upos, "NOUN" | "PROPN" | "PRON"))
        else {
            continue;
        };
        let in_phrase = |k: usize| {
            let mut c = k;
            for _ in 0..6 {
                if c == n {
                    return true;
                }
                match syn[c].head as usize {
                    0 => return false,
                    h => c = h - 1,
                }
            }
            false
        };
        if !(comma + 1..v).all(in_phrase) {
            continue;
        }
        syn[n].head = v as u32 + 1;
        syn[n].deprel = "nsubj";
        syn[comma].head = v as u32 + 1;
    }
}

/// "Lt. Gen. Prosper Avril resigned": with the abbreviations' full stops split off, the
/// parser gave the verb two proper-noun subjects side by side, the rank and the name. The
/// first, followed by nothing but its own words and punctuation up to the second, is the
/// second's title.
fn repair_title_subject(syn: &mut [dyad_syntax::TokenSyntax<'_>]) {
    for b in 1..syn.len() {
        if !syn[b].deprel.starts_with("nsubj") || syn[b].upos != "PROPN" {
            continue;
        }
        let Some(a) = (0..b).rev().find(|&a| {
            syn[a].head == syn[b].head
                && syn[a].deprel.starts_with("nsubj")
                && syn[a].upos == "PROPN"
        }) else {
            continue;
        };
        let between_own = (a + 1..b)
            .all(|k| syn[k].head as usize == a + 1 && matches!(syn[k].upos, "PUNCT" | "PROPN"));
        if between_own && (a + 1..b).any(|k| syn[k].upos == "PUNCT") {
            syn[a].head = b as u32 + 1;
            syn[a].deprel = "compound";
        }
    }
}

/// "It said one Azerbaijani soldier had been wounded": the parser made the numeral a second
/// subject beside the noun it counts. A numeral with the same relation to the same head as
/// the noun right after its modifiers counts that noun.
fn repair_split_numeral(syn: &mut [dyad_syntax::TokenSyntax<'_>]) {
    for k in 0..syn.len() {
        if syn[k].upos != "NUM" || syn[k].head == 0 {
            continue;
        }
        let rel = syn[k].deprel;
        if !(rel.starts_with("nsubj") || rel == "obj") {
            continue;
        }
        let Some(n) = (k + 1..syn.len().min(k + 5)).find(|&j| {
            syn[j].head == syn[k].head
                && syn[j].deprel == rel
                && matches!(syn[j].upos, "NOUN" | "PROPN")
        }) else {
            continue;
        };
        if (k + 1..n).all(|j| syn[j].head as usize == n + 1) {
            syn[k].head = n as u32 + 1;
            syn[k].deprel = "nummod";
        }
    }
}

/// "Turkish jets shot down a drone …, the defence ministry said": the parser gave "said" two
/// subjects, the jets and the ministry, and hung "shot" on the jets as a reduced relative. A
/// reporting verb with two subjects on either side of a comma reports the clause of the
/// first: the verb hanging on the first subject is the report's content and the first
/// subject its subject; with no such verb, the first is the object of the nearest verb
/// before it that has none.
fn repair_fronted_report(syn: &mut [dyad_syntax::TokenSyntax<'_>]) {
    let Some(r) = syn.iter().position(|t| t.head == 0) else {
        return;
    };
    let lemma = syn[r].lemma.to_lowercase();
    if !reports(&lemma) {
        return;
    }
    let subjects: Vec<usize> = (0..syn.len())
        .filter(|&k| syn[k].head as usize == r + 1 && syn[k].deprel.starts_with("nsubj"))
        .collect();
    let [first, second] = subjects[..] else {
        return;
    };
    if !(first < second && (first + 1..second).any(|k| syn[k].lemma == ",")) {
        return;
    }
    let Some(v) = (first + 1..second).find(|&k| {
        syn[k].head as usize == first + 1
            && syn[k].deprel == "acl"
            && syn[k].upos == "VERB"
            && matches!(syn[k].xpos, "VBD" | "VBN" | "VBZ" | "VBP")
    }) else {
        // "Kenya recalled its envoy after soldiers shot dead two fishermen near the island,
        // the ministry said": the first "subject" is the object of the nearest verb before
        // it, when that verb has none.
        if let Some(v) = (0..first).rev().find(|&k| syn[k].upos == "VERB")
            && !syn
                .iter()
                .any(|t| t.head as usize == v + 1 && t.deprel == "obj")
            && (v + 1..first).all(|k| syn[k].lemma != ",")
        {
            syn[first].head = v as u32 + 1;
            syn[first].deprel = "obj";
        }
        return;
    };
    syn[v].head = r as u32 + 1;
    syn[v].deprel = "ccomp";
    syn[first].head = v as u32 + 1;
    syn[first].deprel = "nsubj";
}

/// "Soldiers shot dead two fishermen near the island, the foreign ministry said": the parser
/// made "said" the content of "shot", with two subjects, the fishermen before the comma and
/// the ministry after it. A reporting verb under a verb before it, with a subject on either
/// side of a comma, has the second only: the first is the object of the verb above (when it
/// has none), and the report hangs on it as a parenthetical.
fn repair_trailing_report(syn: &mut [dyad_syntax::TokenSyntax<'_>]) {
    for r in 0..syn.len() {
        let lemma = syn[r].lemma.to_lowercase();
        let h = syn[r].head as usize;
        if h == 0 || h > r || syn[r].deprel != "ccomp" || syn[h - 1].upos != "VERB" {
            continue;
        }
        if !reports(&lemma) {
            continue;
        }
        let subjects: Vec<usize> = (0..r)
            .filter(|&k| syn[k].head as usize == r + 1 && syn[k].deprel.starts_with("nsubj"))
            .collect();
        let [first, second] = subjects[..] else {
            continue;
        };
        let has_obj = syn
            .iter()
            .any(|t| t.head as usize == h && t.deprel == "obj");
        if has_obj || first < h || !(first + 1..second).any(|k| syn[k].lemma == ",") {
            continue;
        }
        syn[first].head = h as u32;
        syn[first].deprel = "obj";
        syn[r].deprel = "parataxis";
    }
}

/// "Fighters attacked an army post on Sunday, killing 12 soldiers, two security sources
/// said": the parser hung the participial adjunct on the trailing report, whose subject
/// then became the killers. An `-ing` adjunct before the subject of a report that is itself
/// a parenthetical of an earlier verb belongs to that verb.
fn reattach_adjunct_before_report(syn: &mut [dyad_syntax::TokenSyntax<'_>]) {
    for v in 0..syn.len() {
        let r = syn[v].head as usize;
        if r == 0 || r <= v + 1 || syn[v].deprel != "advcl" || syn[v].xpos != "VBG" {
            continue;
        }
        let lemma = syn[r - 1].lemma.to_lowercase();
        if !reports(&lemma) {
            continue;
        }
        // The report is a parenthetical of the earlier verb, or the sentence's root with
        // that verb as its content ("Russian forces launched drones at cities, killing
        // seven people, the governor said").
        // A report conjoined with no conjunction is the same parenthetical.
        let bare_conj = syn[r - 1].deprel == "conj"
            && !(0..syn.len()).any(|k| syn[k].head as usize == r && syn[k].deprel == "cc");
        let h = match syn[r - 1].deprel {
            "parataxis" | "ccomp" => syn[r - 1].head as usize,
            "conj" if bare_conj => syn[r - 1].head as usize,
            "root" => (0..v)
                .find(|&k| syn[k].head as usize == r && syn[k].deprel == "ccomp")
                .map_or(0, |k| k + 1),
            _ => continue,
        };
        let subject_after =
            (v + 1..r - 1).any(|k| syn[k].head as usize == r && syn[k].deprel.starts_with("nsubj"));
        if h == 0 || h > v || syn[h - 1].upos != "VERB" || !subject_after {
            continue;
        }
        syn[v].head = h as u32;
    }
}

/// A place phrase the parser hung on a name that is a verb's object ("met Mamdani [at the
/// White House]", "visited Macron [in Paris]") modifies the clause: a person's or a
/// country's name takes no locative modifier of its own in news prose. Re-attached to the
/// verb as `obl`, it is the event's place and no longer part of the object's words. Only
/// where both the object and the phrase are proper nouns: "sanctions on Russia" and
/// "the talks in Geneva" keep their modifiers.
fn reattach_place_phrases(syn: &mut [dyad_syntax::TokenSyntax<'_>]) {
    for i in 0..syn.len() {
        let h = syn[i].head as usize;
        if syn[i].deprel != "nmod" || syn[i].upos != "PROPN" || h == 0 || h > syn.len() {
            continue;
        }
        let (obj, verb) = (h - 1, syn[h - 1].head as usize);
        if syn[obj].deprel != "obj" || syn[obj].upos != "PROPN" || verb == 0 || verb > syn.len() {
            continue;
        }
        if !matches!(syn[verb - 1].upos, "VERB") {
            continue;
        }
        let locative = syn
            .iter()
            .any(|t| t.head as usize == i + 1 && t.deprel == "case" && is_place_case(&t.lemma));
        if locative {
            syn[i].head = verb as u32;
            syn[i].deprel = "obl";
        }
    }
}

fn stronger(a: Status, b: Status) -> Status {
    let rank = |s: Status| match s {
        Status::Asserted => 0,
        Status::Planned => 1,
        Status::Hypothetical => 2,
        Status::Negated => 3,
    };
    if rank(b) > rank(a) { b } else { a }
}

impl ParsedCoder {
    /// Wraps the dictionaries of `base` with a parser model.
    pub fn new(base: BaselineCoder, model: impl Into<Arc<Model>>) -> Self {
        let model = model.into();
        ParsedCoder {
            label_block: base.verbs.block_named("DYAD_LABEL"),
            light_block: base.verbs.block_named("DYAD_LIGHT_VERB"),
            refusal_block: base.verbs.block_named("DYAD_REFUSAL"),
            event_noun_block: base.verbs.block_named("DYAD_EVENT_NOUN"),
            accepted_block: base.verbs.block_named("DYAD_ACCEPTED"),
            halted_block: base.verbs.block_named("DYAD_HALTED"),
            demand_block: base.verbs.block_named("DYAD_DEMAND"),
            intent_block: base.verbs.block_named("DYAD_INTENT"),
            appeal_block: base.verbs.block_named("DYAD_APPEAL_FOR"),
            demand_for_block: base.verbs.block_named("DYAD_DEMAND_FOR"),
            refusal_for_block: base.verbs.block_named("DYAD_REFUSAL_FOR"),
            means_block: base.verbs.block_named("DYAD_MEANS"),
            idiom_block: base.verbs.block_named("DYAD_IDIOM"),
            base,
            model,
            require_dyad: false,
        }
    }

    /// The dictionaries.
    pub fn baseline(&self) -> &BaselineCoder {
        &self.base
    }

    /// The syntax model (tagger and parser).
    pub fn syntax(&self) -> &Arc<Model> {
        &self.model
    }

    /// A parsing worker for [`Self::code_tokens`]; cheap (buffers only).
    pub fn worker(&self) -> SentenceParser<'_> {
        self.model.parser()
    }

    /// Codes a raw sentence (tokenised as the baseline does): the scorers' entry point.
    pub fn code(&self, sentence: &str, date: Date) -> Coding {
        let toks = tokenize(sentence);
        let mut worker = self.worker();
        let mut out = Vec::new();
        self.code_tokens(&mut worker, sentence, &toks_spans(&toks), date, &mut out);
        Coding::from(out.into_iter().map(|p| p.event).collect::<Vec<_>>())
    }

    /// Codes one sentence given its token spans (relative to `sentence`), pushing events.
    pub fn code_tokens<'m>(
        &'m self,
        worker: &mut SentenceParser<'m>,
        sentence: &str,
        spans: &[Range<usize>],
        date: Date,
        out: &mut Vec<ParsedEvent>,
    ) {
        self.code_tokens_keeping_tags(worker, sentence, spans, date, out, &mut Vec::new());
    }

    /// [`Self::code_tokens`], leaving in `upos` the words' parts of speech when the sentence
    /// was parsed (empty when it was not), for the actor stage to reuse.
    pub fn code_tokens_keeping_tags<'m>(
        &'m self,
        worker: &mut SentenceParser<'m>,
        sentence: &str,
        spans: &[Range<usize>],
        date: Date,
        out: &mut Vec<ParsedEvent>,
        upos: &mut Vec<&'static str>,
    ) {
        upos.clear();
        let toks: Vec<Tok> = spans.iter().map(|r| tok(sentence, r.clone())).collect();
        // Parsing is most of the cost: a sentence with no word that could be a dictionary
        // verb form (as written, or with a regular ending taken off) codes nothing.
        if !toks.iter().any(|t| self.maybe_verb(&t.upper)) {
            return;
        }
        let words: Vec<&str> = spans
            .iter()
            .map(|r| sentence.get(r.clone()).unwrap_or(""))
            .collect();
        let mut syn = Vec::new();
        worker.parse_sentence(&words, &mut syn);
        if syn.len() != toks.len() {
            return;
        }
        upos.extend(syn.iter().map(|t| dyad_syntax::upos_static(t.upos)));
        // Repairs of parses that lose a participant in news sentences.
        promote_participle_with_object(&mut syn);
        repair_split_numeral(&mut syn);
        repair_title_subject(&mut syn);
        repair_subject_after_fronted_phrase(&mut syn);
        repair_asyndetic_conj(&mut syn);
        reattach_fronted_adjective(&mut syn);
        promote_verb_after_appositive(&mut syn);
        repair_trailing_report(&mut syn);
        repair_fronted_report(&mut syn);
        reattach_adjunct_before_report(&mut syn);
        reattach_place_phrases(&mut syn);
        let mut children = vec![Vec::new(); toks.len()];
        for (i, t) in syn.iter().enumerate() {
            let h = t.head as usize;
            if h > 0 && h <= toks.len() && h - 1 != i {
                children[h - 1].push(i);
            }
        }
        let mut mentions = self.base.mentions_where(&toks, date, |k| {
            !matches!(syn[k].upos, "VERB" | "AUX" | "SCONJ" | "PRON")
        });
        let _ = groups(&mut mentions, &toks);
        let s = Sent {
            toks: &toks,
            syn: &syn,
            children,
            mentions,
        };
        let upper: Vec<&str> = toks.iter().map(|t| t.upper.as_str()).collect();
        let first = out.len();
        let mut rank = Vec::new();
        // Each event's trigger word and whether it is a noun.
        let mut origin: Vec<(usize, bool)> = Vec::new();
        for i in 0..toks.len() {
            if s.mentions.iter().any(|m| m.toks.contains(&i)) {
                continue;
            }
            // Function-word uses of verbs ("according to") head no clause.
            if matches!(
                syn[i].deprel,
                "case" | "mark" | "fixed" | "cc" | "det" | "compound"
            ) {
                continue;
            }
            if s.attributive(i) || s.indefinite_noun(i) {
                continue;
            }
            // "is expected / scheduled to …": a passive governor reports a plan, it is none.
            let passive = s.children[i]
                .iter()
                .any(|&c| matches!(s.rel(c), "aux:pass" | "nsubj:pass"));
            if passive && s.children[i].iter().any(|&c| s.complement(c)) {
                continue;
            }
            let nominal = match syn[i].upos {
                "VERB" => false,
                "NOUN" if self.nominal(&s, i) && !THING_NOUNS.contains(&toks[i].upper.as_str()) => {
                    true
                }
                _ => continue,
            };
            let Some((b, v, range)) = self.verb_form(&toks, &syn, i) else {
                continue;
            };
            if nominal && range.len() > 1 {
                continue;
            }
            if status::no_event(&upper, i).is_some() {
                continue;
            }
            let before = out.len();
            self.code_trigger(&s, i, nominal, (b, v, range), out);
            rank.extend((before..out.len()).map(|_| s.depth(i) + usize::from(nominal)));
            origin.extend((before..out.len()).map(|_| (i, nominal)));
        }
        // An event noun inside the object of a light, support or carrying verb that coded an
        // event, with no actor of its own and no other recipient, is that verb's event told
        // again ("lodged a formal protest with the government", "will provide $40 million
        // in aid to farmers"): the verb's record says who did it. The object of another verb
        // is an event of its own ("condemned the attack on the embassy"), and so is a noun
        // governed otherwise ("an arrest threatened to strain relations").
        let verb_events: Vec<(usize, Option<Range<usize>>)> = origin
            .iter()
            .zip(&out[first..])
            .filter(|((i, nominal), _)| {
                let lemma = syn[*i].lemma.to_lowercase();
                !nominal
                    && (LIGHT_VERBS.contains(&lemma.as_str())
                        || SUPPORT_VERBS.contains(&lemma.as_str())
                        || CARRYING_VERBS.contains(&lemma.as_str()))
            })
            .map(|((i, _), e)| (*i, e.event.target.as_ref().map(|t| t.span.clone())))
            .collect();
        // CAMEO 11x: disapprove, criticise, accuse; 112: accuse. A verb of a legal charge
        // accuses whatever its code ("charged three men with plotting to sabotage a
        // railway", 173): what it charges is alleged, not reported as done. What a threat
        // (13x) says will happen is the threat itself ("warned that the government would
        // not tolerate violence").
        let charges = |i: usize| CHARGE_VERBS.contains(&syn[i].lemma.to_lowercase().as_str());
        let threat = |c: &str| c.starts_with("13");
        let accusations: Vec<(usize, bool)> = origin
            .iter()
            .zip(&out[first..])
            .filter(|((_, nominal), _)| !nominal)
            .filter_map(|((i, _), e)| {
                let c = e.event.code.as_str();
                // Whether everything under it is alleged, not only what no one does.
                let alleges = c.starts_with("112") || threat(c) || charges(*i);
                (c.starts_with("11") || alleges).then_some((*i, alleges))
            })
            .collect();
        // Whether word `cur` lies inside what verb `v` governs, not across a coordination
        // ("criticised X and attacked Y": the attack is no content of the criticism).
        // Nor across an adverbial clause of time or cause ("accused Azerbaijan of shelling
        // villages, a day after two soldiers were killed in a clash": the killing is the
        // accusation's occasion, not what it alleges).
        let when = |m: usize| {
            matches!(
                s.lower(m).as_str(),
                "after"
                    | "before"
                    | "when"
                    | "while"
                    | "as"
                    | "since"
                    | "because"
                    | "until"
                    | "once"
            )
        };
        // The parser may hang the conjunction on the clause's subject as a preposition
        // ("a day after [two soldiers] were killed").
        let circumstance = |k: usize| {
            (matches!(s.rel(k), "advcl" | "ccomp") && s.kids(k, "mark").any(when))
                || s.children[k]
                    .iter()
                    .any(|&c| s.rel(c).starts_with("nsubj") && c < k && s.kids(c, "case").any(when))
        };
        // An `-ing` form with no subject or auxiliary conjoined to a verb of another form
        // is no second predicate but a gerund coordinated inside the first verb's phrase
        // that the parser hung on the verb ("accused the army of bombing markets and
        // killing civilians").
        let gerund_conj = |k: usize| {
            s.syn[k].xpos == "VBG"
                && s.head(k)
                    .is_some_and(|h| s.syn[h].upos == "VERB" && s.syn[h].xpos != "VBG")
                && !s.children[k]
                    .iter()
                    .any(|&c| s.rel(c).starts_with("nsubj") || s.rel(c).starts_with("aux"))
        };
        let under = |mut cur: usize, v: usize| {
            for _ in 0..toks.len() {
                if (s.rel(cur) == "parataxis" || (s.rel(cur) == "conj" && !gerund_conj(cur)))
                    || circumstance(cur)
                {
                    return false;
                }
                match s.head(cur) {
                    Some(h) if h == v => return true,
                    Some(h) => cur = h,
                    None => return false,
                }
            }
            false
        };
        // Whether an event of the sentence is part of another one's: an intent its
        // complement states more precisely, an accusation's content, violence in the
        // circumstances of violence, or an event noun its verb carries out.
        let part_of_another = |k: usize, e: &ParsedEvent| {
            let (i, nominal) = origin[k];
            // "agreed to resume talks", "pledged to send aid", "offered to mediate": the
            // complement's intent (036, 033, 039 …, or a threat, 13x: "promised to
            // retaliate") is the event, more specific than the
            // governor's own intent to cooperate (030). A governor's pattern that says more
            // ("agreed to extend sanctions": 163) stays, and so does the agreement when its
            // complement is coded as no intent ("agreed to postpone the demonstration").
            if !nominal
                && e.event.code == "030"
                && INTENT_GOVERNORS.contains(&syn[i].lemma.to_lowercase().as_str())
                && s.kids(i, "obj").next().is_none()
                && origin.iter().zip(&out[first..]).any(|(&(x, _), c)| {
                    s.head(x) == Some(i)
                        && s.complement(x)
                        && s.kids(x, "mark").any(|m| s.lower(m) == "to")
                        && (c.event.code.starts_with("03") || c.event.code.starts_with("13"))
                })
            {
                return true;
            }
            // What someone is accused of is the accusation's content, not an event reported
            // as fact ("accused the government of using force against citizens", "officials
            // it accused of undermining the election"); what is criticised or condemned may
            // be one ("condemned the arrest of …") unless no one does it.
            if accusations
                .iter()
                .any(|&(v, accuse)| v != i && under(i, v) && (accuse || e.event.source.is_none()))
            {
                return true;
            }
            // What a ban prevents does not happen ("ban them from travelling to the EU",
            // "barred the envoy from entering").
            if !nominal
                && s.kids(i, "mark").any(|m| s.lower(m) == "from")
                && s.head(i)
                    .is_some_and(|h| PREVENTING.contains(&syn[h].lemma.to_lowercase().as_str()))
            {
                return true;
            }
            if e.event.source.is_some() {
                return false;
            }
            if !nominal {
                return false;
            }
            // "Gunmen killed 12 civilians in an attack on a village": violence in the
            // circumstances of a violent verb with an actor is that verb's event.
            let violent = |c: &str| matches!(c.get(..2), Some("18" | "19" | "20"));
            if violent(&e.event.code)
                && s.kids(i, "case")
                    .any(|c| matches!(s.lower(c).as_str(), "in" | "during"))
            {
                // Up through the phrases it modifies ("kill 12 in attack": `attack` hangs
                // on `12`).
                let mut cur = i;
                for _ in 0..3 {
                    let rel = s.rel(cur).split(':').next().unwrap_or("");
                    let Some(h) = s
                        .head(cur)
                        .filter(|_| matches!(rel, "obl" | "nmod" | "obj"))
                    else {
                        break;
                    };
                    if origin.iter().zip(&out[first..]).any(|(&(v, vn), ve)| {
                        v == h && !vn && violent(&ve.event.code) && ve.event.source.is_some()
                    }) {
                        return true;
                    }
                    cur = h;
                }
            }
            let mut cur = i;
            for _ in 0..8 {
                let rel = s.rel(cur).split(':').next().unwrap_or("");
                if !matches!(rel, "obj" | "iobj" | "obl" | "nmod") {
                    return false;
                }
                let Some(h) = s.head(cur) else { return false };
                if verb_events.iter().any(|(v, _)| *v == h) {
                    let own = e.event.target.as_ref().map(|t| t.span.clone());
                    return own.is_none() || verb_events.iter().any(|(v, t)| *v == h && *t == own);
                }
                cur = h;
            }
            false
        };
        let drop: Vec<bool> = out[first..]
            .iter()
            .enumerate()
            .map(|(k, e)| part_of_another(k, e))
            .collect();
        // The sentence's events in order of prominence: the main clause's before those of
        // the clauses it embeds, a verb's before the event nouns of its phrases; text order
        // within one level.
        let mut ranked: Vec<(usize, ParsedEvent)> = rank
            .into_iter()
            .zip(out.drain(first..))
            .zip(drop)
            .filter_map(|(r, part)| (!part).then_some(r))
            .collect();
        ranked.sort_by_key(|r| r.0);
        out.extend(ranked.into_iter().map(|r| r.1));
        // CAMEO 010 is "make statement, not specified below": a residual code, for a
        // statement whose content codes no event of its own. Beside a more specific event of
        // the same sentence ("said it would withdraw its troops") it is no event.
        if out[first..].iter().any(|e| e.event.code != STATEMENT) {
            let mut k = first;
            out.retain(|e| {
                k += 1;
                k <= first || e.event.code != STATEMENT
            });
        }
    }

    /// The code the dictionary gives verb `i` by itself: the most specific pattern of its
    /// block that matches its clause, else its verb line; `None` for a null code.
    fn own_code(&self, s: &Sent, i: usize) -> Option<&EventCode> {
        if s.syn[i].upos != "VERB" {
            return None;
        }
        let (b, v, range) = self.verb_form(s.toks, s.syn, i)?;
        let sub = s.sub_clause(i, &range)?;
        let block = &self.base.verbs.blocks[b];
        let cx = Cx {
            toks: &sub.toks,
            mentions: &sub.mentions,
            groups: &sub.groups,
            coder: &self.base,
        };
        let code = block
            .patterns
            .iter()
            .filter(|p| cx.pattern(p, sub.verb.0..sub.verb.1 + 1).is_some())
            .max_by_key(|p| (p.specificity(), std::cmp::Reverse(p.line)))
            .map_or_else(|| block.verb_code(&block.verbs[v]), |p| &p.code);
        (!code.is_null()).then_some(code)
    }

    /// What a generic appeal (020) or demand (100) by verb `i` asks for: its infinitival
    /// complement ("urged Y to withdraw") or, for a demand, its content clause ("demanded
    /// that Y withdraw"), when that verb codes an action of a kind CAMEO 02 / 10 name.
    /// Returns the mapping line and the complement verb.
    fn asked_for(&self, s: &Sent, i: usize, code: &EventCode) -> Option<(&Pattern, usize)> {
        let f = code.forward.as_deref()?;
        let blk = match f {
            "020" => self.appeal_block,
            "100" => self.demand_for_block,
            _ => return None,
        };
        s.children[i]
            .iter()
            .copied()
            .filter(|&c| s.complement(c) || (f == "100" && s.rel(c) == "ccomp"))
            .find_map(|c| {
                let action = self.own_code(s, c)?.forward.clone()?;
                Some((self.family(blk, &action)?, c))
            })
    }

    /// How an action announced for the future or offered on a condition is coded
    /// (dyad-verbs.txt block `DYAD_INTENT`): the line whose action code is the longest
    /// prefix of `code`.
    fn intent(&self, code: &str) -> Option<&Pattern> {
        self.family(self.intent_block, code)
    }

    /// The line of code-mapping block `blk` (`DYAD_INTENT`, `DYAD_APPEAL_FOR`,
    /// `DYAD_DEMAND_FOR`) whose listed code is the longest prefix of `code`.
    fn family(&self, blk: Option<usize>, code: &str) -> Option<&Pattern> {
        let blk = &self.base.verbs.blocks[blk?];
        (2..=code.len()).rev().find_map(|n| {
            blk.patterns.iter().find(|p| match p.post.as_slice() {
                [
                    PatternItem {
                        element: Element::Word(w),
                        ..
                    },
                ] => w.iter().any(|x| x == &code[..n]),
                _ => false,
            })
        })
    }

    /// The most specific pattern of construction block `blk` that matches verb `i` followed
    /// by `words` only (a label, an event noun with its modifiers).
    fn construction(&self, s: &Sent, blk: usize, i: usize, words: &[usize]) -> Option<&Pattern> {
        let mut mini = vec![s.toks[i].clone()];
        mini.extend(words.iter().map(|&k| s.toks[k].clone()));
        let cx = Cx {
            toks: &mini,
            mentions: &[],
            groups: &[],
            coder: &self.base,
        };
        self.base.verbs.blocks[blk]
            .patterns
            .iter()
            .filter(|p| cx.pattern(p, 0..1).is_some())
            .max_by_key(|p| (p.specificity(), std::cmp::Reverse(p.line)))
    }

    /// A support, accepting or ending verb `i` with an event noun object: the noun's
    /// construction pattern (blocks `DYAD_EVENT_NOUN`, `DYAD_ACCEPTED`, `DYAD_HALTED`), the
    /// noun's recipient, and whether the construction comes before the verb's own patterns
    /// (a support verb has no meaning of its own to code).
    fn noun_event(&self, s: &Sent, i: usize) -> Option<(&Pattern, Option<usize>, bool)> {
        let lemma = s.syn[i].lemma.to_lowercase();
        let (blk, first) = if SUPPORT_VERBS.contains(&lemma.as_str()) {
            (self.event_noun_block?, true)
        } else if ACCEPT_VERBS.contains(&lemma.as_str()) {
            (self.accepted_block?, false)
        } else if HALT_VERBS.contains(&lemma.as_str()) {
            (self.halted_block?, false)
        } else {
            return None;
        };
        let n = s.light_object(i)?;
        let p = self.construction(s, blk, i, &s.event_words(n))?;
        Some((p, s.noun_target(n, i), first))
    }

    /// Whether verb `i` has a bare object noun (no determiner, possessive, number or
    /// adjective) that the `DYAD_IDIOM` block lists, in the very form listed: "took place",
    /// "gave way".
    fn idiom(&self, s: &Sent, i: usize) -> bool {
        let Some(blk) = self.idiom_block else {
            return false;
        };
        s.kids(i, "obj").any(|o| {
            s.syn[o].upos == "NOUN"
                && s.children[o].iter().all(|&c| {
                    !matches!(s.rel(c), "det" | "nmod:poss" | "nummod" | "amod" | "compound")
                })
                // The very word listed: "raided offices" is no "took office".
                && self.construction(s, blk, i, &[o]).is_some_and(|p| {
                    pattern_nouns(p)
                        .iter()
                        .any(|w| w.eq_ignore_ascii_case(&s.lower(o)))
                })
        })
    }

    /// The means of a killing or wounding verb `i` whose code is one of violence (CAMEO 18, 19,
    /// 20): the `DYAD_MEANS` pattern matched by its means or cause phrase ("in a bomb attack",
    /// "as a result of torture", with the phrase's `of` modifier), else by its common-noun
    /// subject ("a roadside bomb killed", "aircraft killed").
    fn means(&self, s: &Sent, i: usize, code: &EventCode) -> Option<&Pattern> {
        let blk = self.means_block?;
        let root = code.forward.as_deref()?.get(..2)?;
        if !matches!(root, "18" | "19" | "20")
            || !HARM_VERBS.contains(&s.syn[i].lemma.to_lowercase().as_str())
        {
            return None;
        }
        let phrases = s.children[i].iter().copied().filter(|&c| {
            s.rel(c).starts_with("obl")
                && s.case_of(c)
                    .is_some_and(|p| MEANS_CASES.contains(&p.as_str()))
        });
        let subject = s.kids(i, "nsubj").filter(|&c| s.syn[c].upos == "NOUN");
        phrases
            .chain(subject)
            .find_map(|n| self.construction(s, blk, i, &s.means_words(n)))
    }

    /// Could `w` (upper case) be a form of a dictionary verb, by itself or as its lemma?
    fn maybe_verb(&self, w: &str) -> bool {
        let idx = &self.base.verb_index;
        if idx.contains_key(w) {
            return true;
        }
        ["S", "ES", "ED", "D", "ING"].iter().any(|suf| {
            w.strip_suffix(suf).is_some_and(|stem| {
                idx.contains_key(stem)
                    || idx.contains_key(&format!("{stem}E"))
                    // "stopped", "planning": a doubled final consonant.
                    || stem.len() > 2
                        && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2]
                        && idx.contains_key(&stem[..stem.len() - 1])
            })
        })
    }

    /// A noun event only with its own arguments: a possessor or a participant/place phrase.
    fn nominal(&self, s: &Sent, i: usize) -> bool {
        s.children[i].iter().any(|&c| {
            s.rel(c) == "nmod:poss"
                || (s.rel(c) == "nmod"
                    && s.case_of(c).is_some_and(|p| {
                        matches!(
                            p.as_str(),
                            "to" | "with" | "at" | "in" | "between" | "against"
                        )
                    }))
        })
    }

    /// The dictionary verb at `i` by its form, else by its lemma.
    fn verb_form(
        &self,
        toks: &[Tok],
        syn: &[TokenSyntax],
        i: usize,
    ) -> Option<(usize, usize, Range<usize>)> {
        if let Some(hit) = self.base.verb_at(toks, i) {
            return Some(hit);
        }
        let lemma = syn[i].lemma.to_uppercase();
        if lemma.is_empty() || lemma == toks[i].upper {
            return None;
        }
        let mut alt = toks.to_vec();
        alt[i].upper = lemma;
        self.base.verb_at(&alt, i)
    }

    fn code_trigger(
        &self,
        s: &Sent,
        i: usize,
        nominal: bool,
        (b, v, range): (usize, usize, Range<usize>),
        out: &mut Vec<ParsedEvent>,
    ) {
        // A complement verb is its own event only under a status governor ("plans to
        // meet"); under an event verb ("threatened to cut aid") it is that event's content.
        if s.complement(i)
            && let Some(h) = s.head(i)
        {
            let lemma = s.syn[h].lemma.to_lowercase();
            let governor = PLAN_GOVERNORS.contains(&lemma.as_str())
                || NEG_GOVERNORS.contains(&lemma.as_str())
                || OBLIGATION.contains(&lemma.as_str())
                || (ASPECTUAL.contains(&lemma.as_str())
                    && s.rel(i) == "xcomp"
                    && s.kids(h, "obj").next().is_none());
            if !governor && self.verb_form(s.toks, s.syn, h).is_some() {
                return;
            }
        }
        // "plans to meet", "intends to send": planning is the complement's status (planned),
        // no event of its own; nor is what was planned ("the elections planned since
        // October", "as had been planned"). A plan with an object and a planner ("Gondor
        // planned joint exercises") still is.
        // "seeks to reduce its dependence": an aim is as much a plan (CAMEO's SEEK, 030, is
        // seeking what its object names).
        if matches!(
            s.syn[i].lemma.to_lowercase().as_str(),
            "plan" | "intend" | "seek" | "aim"
        ) && (s
            .kids(i, "xcomp")
            .any(|x| s.kids(x, "mark").any(|m| s.lower(m) == "to"))
            || s.kids(i, "aux:pass").next().is_some()
            || s.rel(i) == "acl")
        {
            return;
        }
        // "needs to enact reforms": necessity is no event; the complement may be one (below).
        if OBLIGATION.contains(&s.syn[i].lemma.to_lowercase().as_str())
            && s.kids(i, "xcomp")
                .any(|x| s.kids(x, "mark").any(|m| s.lower(m) == "to"))
        {
            return;
        }
        // "continued to send arms", "tried to hack": the complement is the event.
        // Only a true complement, never a purpose clause ("began a hunger strike to demand").
        if ASPECTUAL.contains(&s.syn[i].lemma.to_lowercase().as_str())
            && s.kids(i, "obj").next().is_none()
            && s.kids(i, "xcomp").any(|c| self.own_code(s, c).is_some())
        {
            return;
        }
        // "demanded that Y release Z": the release is the demand's content (see
        // `asked_for`), no event of its own.
        if s.rel(i) == "ccomp"
            && let Some(h) = s.head(i)
            && let Some(hc) = self.own_code(s, h)
            && self.asked_for(s, h, hc).is_some_and(|(_, c)| c == i)
        {
            return;
        }
        let Some(SubClause {
            clause,
            at: sub_at,
            toks: sub_toks,
            mentions: sub_mentions,
            groups: sub_groups,
            verb: (vs, ve),
        }) = s.sub_clause(i, &range)
        else {
            return;
        };
        let block = &self.base.verbs.blocks[b];
        let cx = Cx {
            toks: &sub_toks,
            mentions: &sub_mentions,
            groups: &sub_groups,
            coder: &self.base,
        };
        let found = block
            .patterns
            .iter()
            .filter_map(|p| cx.pattern(p, vs..ve + 1).map(|sl| (p, sl)))
            .max_by_key(|(p, _)| (p.specificity(), std::cmp::Reverse(p.line)));
        // A support verb's event noun ("undertook mediation") comes before the verb's own
        // patterns; an accepted or ended event noun only where they do not match.
        let noun_event = if nominal { None } else { self.noun_event(s, i) };
        let (found, noun_event) = match noun_event {
            Some((p, tgt, first)) if first || found.is_none() => (None, Some((p, tgt))),
            _ => (found, None),
        };
        // Without a pattern of the verb's own block, dyad's constructions: a labelling frame
        // ("called Y a communist") or a light verb with an event noun ("offered admiration
        // for Y") is coded by the label or the noun; a labelling frame whose label is no
        // charge codes nothing (it is not the verb's other sense, "call" = telephone).
        let mut role_target = None;
        let mut label_start = None;
        // The event noun a support verb carries out is the event: its recipient is the
        // noun's (`noun_target`), never the verb's object or another phrase of the verb.
        let mut event_noun = None;
        let construction = if let Some((p, tgt)) = noun_event {
            role_target = tgt;
            event_noun = s.light_object(i);
            Some(p)
        } else if found.is_some() || nominal {
            None
        } else {
            let lemma = s.syn[i].lemma.to_lowercase();
            let frame = if LABEL_VERBS.contains(&lemma.as_str()) {
                s.labelling(i)
                    .zip(self.label_block)
                    .map(|((obj, label), blk)| {
                        // The labelled party ends before its label.
                        label_start = s.clause(label, false).first().copied();
                        (blk, s.head_words(label), Some(obj))
                    })
            } else {
                None
            };
            let light = || {
                if !LIGHT_VERBS.contains(&lemma.as_str()) {
                    return None;
                }
                let n = s.light_object(i)?;
                Some((self.light_block?, vec![n], s.noun_target(n, i)))
            };
            match frame.or_else(light) {
                Some((blk, words, tgt)) => {
                    match self.construction(s, blk, i, &words) {
                        Some(p) => {
                            role_target = tgt;
                            Some(p)
                        }
                        // A labelling frame with a label that is no charge: no event.
                        None if blk == self.label_block.unwrap_or(usize::MAX) => return,
                        None => None,
                    }
                }
                None => None,
            }
        };
        let pattern_words: Vec<&str> = found
            .as_ref()
            .map(|(p, _)| pattern_nouns(p))
            .unwrap_or_default();
        let (code, line, slots): (&EventCode, usize, Slots) = match (found, construction) {
            (Some((p, sl)), _) => (&p.code, p.line, sl),
            (None, Some(p)) => (&p.code, p.line, Slots::default()),
            (None, None) => {
                // "The ceremony took place": no pattern matched, and the bare object makes
                // an idiom of the verb (DYAD_IDIOM).
                if !nominal && self.idiom(s, i) {
                    return;
                }
                let verb = &block.verbs[v];
                (block.verb_code(verb), verb.line, Slots::default())
            }
        };
        // "wounded two soldiers in a bomb attack": the means decides the kind of violence.
        let (code, line) = match self.means(s, i, code) {
            Some(p) => (&p.code, p.line),
            None => (code, line),
        };
        // "urged Y to withdraw", "demanded that Y withdraw": a generic appeal or demand is
        // coded by what it asks for; the asked party is the content clause's subject.
        let (code, line) = match self.asked_for(s, i, code) {
            Some((p, c)) => {
                if s.rel(c) == "ccomp" {
                    role_target = s.subject(c, 0).filter(|x| !x.1).map(|x| x.0);
                }
                (&p.code, p.line)
            }
            None => (code, line),
        };
        // A governed verb coded by one of dyad's construction blocks, from the governing
        // verb and the governed one's lemma (with the rest of its multi-word form).
        let governed = |blk: Option<usize>, h: usize| -> Option<&Pattern> {
            let mut mini = vec![s.toks[h].clone()];
            mini.extend(range.clone().map(|k| {
                let mut t = s.toks[k].clone();
                if k == i {
                    t.upper = s.syn[i].lemma.to_uppercase();
                }
                t
            }));
            let cx = Cx {
                toks: &mini,
                mentions: &[],
                groups: &[],
                coder: &self.base,
            };
            self.base.verbs.blocks[blk?]
                .patterns
                .iter()
                .filter(|p| cx.pattern(p, 0..1).is_some())
                .max_by_key(|p| (p.specificity(), std::cmp::Reverse(p.line)))
        };
        // "refused to meet Y": a refusal (CAMEO 12) of the refused verb (DYAD_REFUSAL).
        let refusal = s
            .head(i)
            .filter(|&h| {
                s.complement(i) && REFUSALS.contains(&s.syn[h].lemma.to_lowercase().as_str())
            })
            .and_then(|h| {
                let by_code = || {
                    let action = code.forward.as_deref()?;
                    self.family(self.refusal_for_block, action)
                };
                Some((h, governed(self.refusal_block, h).or_else(by_code)?))
            });
        // "X said Y must release Z": a demand (CAMEO 10) by X of Y (DYAD_DEMAND).
        // The "must" clause may be the trigger's governor ("said Y must be ready to mediate");
        // a verb not listed in DYAD_DEMAND is a demand of its kind by its code
        // (DYAD_DEMAND_FOR), else no demand.
        let mut top = i;
        while s.complement(top)
            && let Some(h) = s.head(top)
        {
            top = h;
        }
        // "X said Y should / needs to VERB" is X's appeal (CAMEO 02) of the same kind, by code.
        // Only the "to" complement is necessity ("has to leave", not "had him arrested").
        let mut below = i;
        while let Some(h) = s.head(below).filter(|&h| h != top) {
            below = h;
        }
        let necessity = top != i
            && OBLIGATION.contains(&s.syn[top].lemma.to_lowercase().as_str())
            && s.kids(below, "mark").any(|m| s.lower(m) == "to");
        let must = s.kids(top, "aux").any(|a| s.lower(a) == "must");
        let should = necessity
            || s.kids(top, "aux")
                .any(|a| matches!(s.lower(a).as_str(), "should" | "ought"));
        let demand = s
            .content_head(top)
            .filter(|&h| {
                let lemma = s.syn[h].lemma.to_lowercase();
                !nominal
                    && (SPEECH.contains(&lemma.as_str()) || INSISTING.contains(&lemma.as_str()))
                    && (must || should)
            })
            .and_then(|h| {
                let blk = if must {
                    self.demand_for_block
                } else {
                    self.appeal_block
                };
                let by_code = || self.family(blk, code.forward.as_deref()?);
                let p = if top == i && must {
                    governed(self.demand_block, h).or_else(by_code)
                } else {
                    by_code()
                };
                Some((h, p?))
            });
        // What is needed, outside such a content clause, is no event.
        if necessity && demand.is_none() {
            return;
        }
        // Coded, the construction is the event, with the governing verb's status.
        let (code, line, slots, governor) = match (refusal, demand) {
            (Some((h, p)), _) | (None, Some((h, p))) => {
                (&p.code, p.line, Slots::default(), Some(h))
            }
            (None, None) => (code, line, slots, None),
        };
        let demander = demand.map(|(h, _)| h);
        if code.is_null() {
            return;
        }
        let slot_party = |g: &Vec<usize>| -> Vec<CodedActor> {
            g.iter()
                .flat_map(|&m| {
                    let mm = &sub_mentions[m];
                    let span =
                        sub_toks[mm.toks.start].span.start..sub_toks[mm.toks.end - 1].span.end;
                    mm.codes()
                        .into_iter()
                        .map(move |code| CodedActor::new(code, span.clone()))
                })
                .collect()
        };
        // Dependency roles.
        let (mut src_dep, mut tgt_dep) = (None, None);
        if nominal {
            let poss = s.kids(i, "nmod:poss").next().map(|p| s.resolve(p));
            let with_case = |cases: &[&str]| {
                s.children[i].iter().copied().find(|&c| {
                    s.rel(c) == "nmod" && s.case_of(c).is_some_and(|p| cases.contains(&p.as_str()))
                })
            };
            if UNDERGONE_NOUNS.contains(&s.syn[i].lemma.to_lowercase().as_str()) {
                // "his arrest (by police)", "the arrest of three reporters", "Israel's
                // release of 50 prisoners".
                match with_case(&["of"]) {
                    Some(o) => {
                        src_dep = poss;
                        tgt_dep = Some(o);
                    }
                    None => {
                        src_dep = with_case(&["by"]);
                        tgt_dep = poss;
                    }
                }
            } else {
                src_dep = poss;
                tgt_dep = with_case(&["to", "with", "against", "between"]);
            }
        } else {
            match s.subject(i, 0) {
                Some((subj, true)) => {
                    tgt_dep = Some(subj);
                    src_dep = s.by_agent(i);
                }
                Some((subj, false)) => src_dep = Some(subj),
                None => {}
            }
            if let Some(h) = demander {
                src_dep = s.subject(h, 0).filter(|x| !x.1).map(|x| x.0);
                tgt_dep = s.subject(i, 0).map(|x| x.0);
            }
            if tgt_dep.is_none() {
                tgt_dep = role_target;
            }
            // "made an unannounced trip to the capital": an object the pattern itself
            // names ("* TRIP") and no actor is part of the predicate; the recipient is its
            // "to"/"with" phrase, or the verb's, or none.
            if tgt_dep.is_none()
                && let Some(o) = s.object(i)
                && (pattern_words.contains(&s.toks[o].upper.as_str())
                    || pattern_words.contains(&s.syn[o].lemma.to_uppercase().as_str()))
                // "detained 43 demonstrators" under "* DEMONSTRATORS": an object that codes
                // an actor is still the recipient.
                && s.party(o).iter().all(|a| a.code.is_empty())
            {
                let to_with = |h: usize| {
                    s.children[h].iter().copied().find(|&c| {
                        matches!(s.rel(c), "nmod" | "obl")
                            && s.case_of(c)
                                .is_some_and(|p| matches!(p.as_str(), "to" | "with"))
                    })
                };
                tgt_dep = to_with(o).or_else(|| to_with(i));
            } else if tgt_dep.is_none() && event_noun.is_none() {
                tgt_dep = s.object(i).or_else(|| {
                    s.children[i]
                        .iter()
                        .copied()
                        .find(|&x| s.complement(x))
                        .and_then(|x| s.object(x))
                });
            }
        }
        let mut source = match &slots.source {
            Some(g) => slot_party(g),
            None => src_dep.map(|d| s.party(d)).unwrap_or_default(),
        };
        let mut target = match &slots.target {
            Some(g) => slot_party(g),
            None => tgt_dep.map(|d| s.party(d)).unwrap_or_default(),
        };
        // What is given, cut or held up ("held up funding for …", "cut aid") is no
        // participant: the recipient is whoever it was for, when the clause names them.
        if slots.target.is_none()
            && let Some(d) = tgt_dep
            && RESOURCES.contains(&s.syn[d].lemma.to_lowercase().as_str())
            && target.iter().all(|a| a.code.is_empty())
        {
            target.clear();
        }
        // "accused the army of bombing markets": what a charge verb's object is charged with
        // is no part of the party's words.
        if !nominal
            && CHARGE_VERBS.contains(&s.syn[i].lemma.to_lowercase().as_str())
            && let Some(d) = tgt_dep
        {
            let heads = std::iter::once(d).chain(s.kids(d, "conj"));
            let charges: Vec<usize> = heads
                .flat_map(|h| s.kids(h, "nmod").collect::<Vec<_>>())
                .filter(|&c| s.case_of(c).as_deref() == Some("of") && s.syn[c].upos != "PROPN")
                .filter_map(|c| s.kids(c, "case").next())
                .collect();
            for a in &mut target {
                if let Some(&of) = charges.iter().find(|&&of| {
                    a.span.start < s.toks[of].span.start && a.span.end > s.toks[of].span.start
                }) && let Some(prev) = (0..of).rev().find(|&k| s.syn[k].upos != "PUNCT")
                {
                    a.span.end = s.toks[prev].span.end;
                }
            }
        }
        if let Some(l) = label_start {
            let end = (0..l)
                .rev()
                .find(|&k| !matches!(s.syn[k].upos, "PUNCT" | "DET"))
                .map(|k| s.toks[k].span.end);
            for a in &mut target {
                if let Some(e) = end
                    && a.span.end > e
                    && a.span.start < e
                {
                    a.span.end = e;
                }
            }
        }
        // When the parse's role names no known actor (a mis-attached subject, an object
        // the dictionaries do not know), the clause's own nearest actor before (source) or
        // after (target) the trigger stands in: the word-window rule, confined to the clause.
        let unknown = |p: &[CodedActor]| p.iter().all(|a| a.code.is_empty());
        let violent = code
            .forward
            .as_deref()
            .is_some_and(|c| matches!(c.get(..2), Some("18" | "19" | "20")));
        // A subject that is itself an event ("an immigration arrest … threatened to strain
        // relations", "the talks demanded"): no actor acts here, and a verb of saying,
        // wanting or dealing predicated of an event is its figurative sense ("risked"). Only
        // violence is coded so, its agent unknown ("a car bomb killed …"). An event noun is a
        // common noun that the verb dictionary knows as a verb and no agent entry codes.
        if !nominal
            && !violent
            && slots.source.is_none()
            && let Some(d) = src_dep
            && s.syn[d].upos == "NOUN"
            // "Forces", "troops", "protests": a plural or capitalised noun is more often a
            // group of people than one event.
            && !s.syn[d].feats.contains("Number=Plur")
            && s.toks[d].lowercase
            && unknown(&source)
            && self.verb_form(s.toks, s.syn, d).is_some()
        {
            return;
        }
        // The words of the subject's place modifiers (prepositions other than "of" and
        // "from"): an actor there ("an arrest at Columbia University", "students throughout
        // Indonesia") is where or whom the subject concerns, not a mis-attached subject; the
        // agent's own place below still lends it its country.
        let mut in_subject = Vec::new();
        if slots.source.is_none()
            && let Some(d) = src_dep
        {
            let mut stack: Vec<usize> = s
                .kids(d, "nmod")
                // "of" and "from" name what the subject belongs to ("the mayor of Gondor",
                // "observers from the Organization of American States").
                .filter(|&c| !matches!(s.case_of(c).as_deref(), Some("of" | "from")))
                .collect();
            while let Some(n) = stack.pop() {
                in_subject.push(n);
                stack.extend(s.children[n].iter().copied());
            }
        }
        if !nominal {
            let used = |g: &Vec<usize>| {
                slots.source.as_ref() == Some(g) || slots.target.as_ref() == Some(g)
            };
            // A personal pronoun in the role is someone already, known or not ("They were
            // released in March after talks between US and Venezuelan officials": they are
            // not the US).
            let pronoun = |d: Option<usize>| d.is_some_and(|d| s.pronoun(d));
            // So is a proper name the dictionaries do not hold ("invited Wang to visit
            // Australia": Wang, not Australia, was invited); the actor stage codes it.
            let named =
                |d: Option<usize>| d.is_some_and(|d| s.syn[d].upos == "PROPN" && !s.temporal(d));
            // The event's own place ("met Mamdani at the White House", "In Paris, police
            // clashed …") is where it happened, not who did it or to whom.
            let place = s.place(i).map(|c| s.phrase(c)).unwrap_or_default();
            if unknown(&source)
                && !pronoun(src_dep)
                && !named(src_dep)
                && let Some(g) = sub_groups
                    .iter()
                    .rev()
                    .find(|g| sub_mentions[*g.last().unwrap_or(&0)].toks.end <= vs && !used(g))
                && !g.iter().any(|&m| {
                    sub_mentions[m]
                        .toks
                        .clone()
                        .any(|k| in_subject.contains(&sub_at[k]) || place.contains(&sub_at[k]))
                })
            {
                let p = slot_party(g);
                if !unknown(&p) && p.iter().all(|a| !target.iter().any(|b| b.code == a.code)) {
                    source = p;
                }
            }
            // "Merz and Ishiba signed the deal at a summit in Brussels": coordinated agents of
            // a reciprocal or mutual code are each other's recipients (below); a word nearby
            // is none.
            // Distinct mentions, or one that coordinates two ("Peruvian and Ecuadorian
            // soldiers"); a mention may also carry two codes as two readings ("he" =
            // JORELIGOV, MARELIGOV), and that is one party.
            let parties = || {
                let mut spans: Vec<&Range<usize>> = source
                    .iter()
                    .filter(|c| s.agentive(c, false))
                    .map(|c| &c.span)
                    .collect();
                spans.dedup();
                let coordinated = |r: &Range<usize>| {
                    s.toks.iter().any(|t| {
                        t.span.start >= r.start
                            && t.span.end <= r.end
                            && matches!(t.upper.as_str(), "AND" | "&")
                    })
                };
                spans.len()
                    + usize::from(
                        spans.len() == 1
                            && coordinated(spans[0])
                            && source.iter().any(|c| c.code != source[0].code),
                    )
            };
            let between_agents = two_way(code)
                && parties() >= 2
                && tgt_dep.is_none_or(|d| !s.party(d).iter().any(|c| s.agentive(c, true)));
            if unknown(&target)
                && !pronoun(tgt_dep)
                && !named(tgt_dep)
                && !between_agents
                && let Some(g) = sub_groups.iter().find(|g| {
                    let toks = &sub_mentions[g[0]].toks;
                    // Mention positions are the clause's; the place's words, the sentence's.
                    toks.start > ve && !used(g) && !toks.clone().any(|k| place.contains(&sub_at[k]))
                })
            {
                let p = slot_party(g);
                if !unknown(&p) && p.iter().all(|a| !source.iter().any(|b| b.code == a.code)) {
                    target = p;
                }
            }
        }
        // An agent named only by its sector ("rebels", "a judge", "refugees", "police") or not
        // named at all ("was arrested in Lebanon") is taken to be of its own place, else of the
        // country where the event happened (the trigger's `in`/`at` place), else of its
        // recipient's country: the
        // domestic reading, which is how the PLOVER GSR codes such actors. The recipient of
        // violence (CAMEO 18-20) is its victim, often a foreigner, so it lends no country; nor
        // is a country given that would make the source the recipient's very code.
        if !nominal && source.iter().all(|a| a.country().is_none()) {
            let country_of = |p: usize| {
                s.party(p)
                    .into_iter()
                    .find_map(|a| Some((a.country()?.to_string(), a.span)))
            };
            // The agent's own place ("rebels in the Ivory Coast", "doctors from American aid
            // groups") comes first.
            let own = src_dep.and_then(|d| {
                s.kids(d, "nmod")
                    .filter(|&c| {
                        s.case_of(c).is_some_and(|p| {
                            matches!(
                                p.as_str(),
                                "in" | "from" | "throughout" | "across" | "at" | "near"
                            )
                        })
                    })
                    .find_map(country_of)
            });
            let setting = own
                .or_else(|| s.setting(i).and_then(country_of))
                .or_else(|| {
                    // "Beijing criticised the pact, with a foreign ministry spokesman
                    // accusing Brussels …": the unnamed agent of an adjunct clause is of
                    // the country of its main clause's agent.
                    (s.rel(i) == "advcl" && !source.is_empty())
                        .then(|| s.head(i))
                        .flatten()
                        .and_then(|h| s.subject(h, 0))
                        .filter(|x| !x.1)
                        .and_then(|(d, _)| {
                            // One party: "relations between Bamako and Paris" lend none.
                            let p = s.party(d);
                            let (c, span) = p
                                .iter()
                                .find_map(|a| Some((a.country()?.to_string(), a.span.clone())))?;
                            p.iter()
                                .filter_map(|a| a.country())
                                .all(|x| x == c)
                                .then_some((c, span))
                        })
                })
                .or_else(|| {
                    // An agent the sentence does not name at all is not put in the recipient's
                    // words: the country would point at the victims' span.
                    target
                        .iter()
                        .filter(|_| !violent && !source.is_empty())
                        .find_map(|a| Some((a.country()?.to_string(), a.span.clone())))
                });
            if let Some((c, span)) = setting {
                // The country is lent, not read from the agent's words: the actor stage's
                // own code for the mention, where it has one, wins over it
                // (`assemble::complete_participants`).
                let placed: Vec<CodedActor> = if source.is_empty() {
                    vec![CodedActor {
                        borrowed: true,
                        ..CodedActor::new(c, span)
                    }]
                } else {
                    source
                        .iter()
                        .map(|a| CodedActor {
                            borrowed: true,
                            ..CodedActor::new(
                                format!("{c}{}", a.code.get(3..).unwrap_or("")),
                                a.span.clone(),
                            )
                        })
                        .collect()
                };
                if placed
                    .iter()
                    .all(|a| !target.iter().any(|t| t.code == a.code))
                {
                    source = placed;
                }
            }
        }
        let mut status = s.status(i);
        if let Some(h) = governor {
            status = s.status(h);
        }
        // An action announced or offered is coded as its announcement, CAMEO's intent (03)
        // or threat (13): the announcement itself is what the text asserts.
        let announced = (governor.is_none()
            && !nominal
            && matches!(status, Status::Planned | Status::Hypothetical))
        .then(|| self.intent(code.forward.as_deref()?))
        .flatten();
        // "will not accept", "would not meet": an announced refusal (CAMEO 12), by someone:
        // "these cowardly acts will not go unpunished" refuses nothing.
        let someone = source.iter().any(|c| s.agentive(c, true));
        let refused = (governor.is_none() && status == Status::Negated && s.future(i) && someone)
            .then(|| self.family(self.refusal_for_block, code.forward.as_deref()?))
            .flatten();
        let (code, line) = match announced.or(refused) {
            Some(p) => {
                status = Status::Asserted;
                (&p.code, p.line)
            }
            None => (code, line),
        };
        // A past participle that modifies a noun and finds no one on either side describes that
        // noun ("the release of those detained", "properties linked to the minister",
        // "people affected by floods"); it reports no event of its own. A headline's
        // participle ("Five soldiers killed in ambush") is the sentence's predicate
        // (`noun_rooted`) and stays.
        if !nominal
            && source.is_empty()
            && target.is_empty()
            // A passive participle: an active one ("a declaration demanding that …",
            // "protesters demanding his release") says what its noun, or whoever issued
            // it, does.
            && s.syn[i].xpos == "VBN"
            // `nmod`: "those detained", a participle the parser took for a noun.
            && matches!(s.rel(i), "acl" | "amod" | "nmod")
            && s.noun_rooted(i).is_none()
            && s.head(i).is_some_and(|h| matches!(s.syn[h].upos, "NOUN" | "PROPN" | "PRON"))
        {
            return;
        }
        // An event noun with no one on either side that is the object of a coded verb is
        // that event's theme ("would challenge the arrests in court", "condemned the
        // attack"): the happening it names is told where it is reported, not here.
        if nominal
            && source.is_empty()
            && target.is_empty()
            && s.rel(i) == "obj"
            && s.head(i).is_some_and(|h| self.own_code(s, h).is_some())
        {
            return;
        }
        let trigger = s.toks[range.start].span.start..s.toks[range.end - 1].span.end;
        let mut words = clause.clone();
        // Times that belong to other events do not date this one: a complement's ("invited
        // Lula to attend a summit in December": the invitation is not in December), and a
        // time that modifies a noun of the clause ("rejected the results of last week's
        // election on Tuesday", "the 2020 accord"), which dates that noun.
        if !nominal {
            let mut other: Vec<usize> = Vec::new();
            for &c in &s.children[i] {
                if s.complement(c) {
                    other.extend(s.clause(c, true));
                }
            }
            // A noun in the verb's own time or place phrase is its occasion ("beat Cracovia
            // in Sunday's derby"): its time is the verb's.
            let occasion = |h: usize| {
                s.rel(h).starts_with("obl")
                    && s.case_of(h).is_some_and(|c| {
                        matches!(
                            c.as_str(),
                            "in" | "at" | "during" | "on" | "after" | "before"
                        )
                    })
            };
            let year = |k: usize| {
                s.syn[k].upos == "NUM"
                    && s.lower(k).len() == 4
                    && s.lower(k)
                        .parse::<u32>()
                        .is_ok_and(|y| (1000..2200).contains(&y))
            };
            for &k in &words {
                if matches!(s.rel(k), "nmod:poss" | "compound" | "nummod" | "amod")
                    && (s.temporal(k) || year(k))
                    && s.head(k)
                        .is_some_and(|h| h != i && s.syn[h].upos == "NOUN" && !occasion(h))
                {
                    other.extend(s.clause(k, false));
                }
            }
            words.retain(|k| !other.contains(k));
        }
        // An event noun that is the subject of a verb of its taking place or of its plan
        // takes that clause's time ("talks are scheduled to resume next week", "the visit
        // will take place on Monday"); another verb's time is its own ("the visit marks his
        // second meeting, after one in November").
        if nominal
            && s.rel(i).starts_with("nsubj")
            && let Some(h) = s.head(i)
        {
            let lemma = s.syn[h].lemma.to_lowercase();
            if PLAN_GOVERNORS.contains(&lemma.as_str()) || HAPPENING_VERBS.contains(&lemma.as_str())
            {
                words.extend(s.clause(h, true));
            }
        }
        // A complement verb also takes the time of its governor's clause, and so does a
        // participial adjunct ("attacked the post on Sunday, killing 12 soldiers": the
        // killing was on Sunday).
        let adjunct = |n: usize| {
            s.rel(n) == "advcl" && s.syn[n].xpos == "VBG" && s.kids(n, "mark").next().is_none()
        };
        let mut n = i;
        while (s.complement(n) || adjunct(n))
            && let Some(h) = s.head(n)
        {
            words.extend(s.clause(h, false));
            n = h;
        }
        let clause_spans: Vec<Range<usize>> =
            words.iter().map(|&k| s.toks[k].span.clone()).collect();
        let location = s.location(i);
        let attribution = s.attribution(i);
        let opt = |v: Vec<CodedActor>| -> Vec<Option<CodedActor>> {
            if v.is_empty() {
                vec![None]
            } else {
                v.into_iter().map(Some).collect()
            }
        };
        // Who can act: a mention the dictionaries code, a name, or a personal pronoun. A
        // reciprocal code mirrors a pair of such; "signed a trade pact" has no pact that
        // signs.
        let agent_like = |c: &CodedActor| s.agentive(c, false);
        let mut pairs: Vec<(CodedActor, CodedActor)> = Vec::new();
        // Coordinated agents of a reciprocal code and no acting recipient ("Peru and Ecuador
        // signed a pact"): the event is between the agents. A code of an event with no
        // direction ("X and Y met", "negotiated") is mutual in the
        // same way, both ways, though the dictionary gives it no reciprocal (`MUTUAL_CODES`).
        let mutual = mutual_code(code);
        // "Talks between the finance ministry and IMF officials": the parties of a mutual
        // event noun's "between" phrase are its agents, as the subjects of "X and Y met".
        if nominal
            && two_way(code)
            && !source.iter().any(agent_like)
            && target.iter().filter(|c| agent_like(c)).count() >= 2
            && let Some(t) = target.first()
            && s.toks
                .iter()
                .rev()
                .filter(|k| k.span.end <= t.span.start)
                .find(|k| !matches!(k.upper.as_str(), "THE" | "ITS" | "THEIR"))
                .is_some_and(|k| matches!(k.upper.as_str(), "BETWEEN" | "AMONG"))
        {
            source = std::mem::take(&mut target);
        }
        // "Ukraine and Russia exchanged 150 prisoners": an object of no country between
        // agents of two countries is what passes between them, not a party.
        let theme = tgt_dep.is_some_and(|d| s.rel(d) == "obj" && s.head(d) == Some(i))
            && target.iter().all(|c| c.country().is_none())
            && {
                let mut cs: Vec<&str> = source
                    .iter()
                    .filter(|c| agent_like(c))
                    .filter_map(|c| c.country())
                    .collect();
                cs.sort_unstable();
                cs.dedup();
                cs.len() >= 2
            };
        if two_way(code) && (!target.iter().any(agent_like) || theme) {
            let agents: Vec<&CodedActor> = source.iter().filter(|c| agent_like(c)).collect();
            for (k, x) in agents.iter().enumerate() {
                for y in &agents[k + 1..] {
                    // One mention may name both ("the presidents of Peru and Ecuador":
                    // PERGOV and ECUGOV). Two mentions are two parties when "and" joins
                    // them; otherwise they are one party named twice ("his Ecuadorian
                    // counterpart Mariana Cevallos", "his Cambodian counterpart, Defence
                    // Minister Chan Dara").
                    let (first, second) = if x.span.start <= y.span.start {
                        (x, y)
                    } else {
                        (y, x)
                    };
                    let joined = s.toks.iter().any(|t| {
                        t.span.start >= first.span.end
                            && t.span.end <= second.span.start
                            && matches!(t.upper.as_str(), "AND" | "&")
                    });
                    let distinct = if x.span == y.span {
                        !x.code.is_empty() && x.code != y.code
                    } else {
                        joined && (x.code.is_empty() || x.code != y.code)
                    };
                    if distinct {
                        pairs.push(((*x).clone(), (*y).clone()));
                        if mutual {
                            pairs.push(((*y).clone(), (*x).clone()));
                        }
                    }
                }
            }
        }
        // The (source, target) pairs to code: the agents' pairs, else every source with
        // every target (a missing side as `None`).
        let combos: Vec<(Option<CodedActor>, Option<CodedActor>)> = if pairs.is_empty() {
            let tgts = opt(target);
            opt(source)
                .into_iter()
                .flat_map(|a| tgts.iter().map(move |t| (a.clone(), t.clone())))
                .collect()
        } else {
            pairs.into_iter().map(|(x, y)| (Some(x), Some(y))).collect()
        };
        for (a, t) in &combos {
            let mut push = |code: &str, x: &Option<CodedActor>, y: &Option<CodedActor>| {
                let known = |o: &Option<CodedActor>| o.as_ref().is_some_and(|c| !c.code.is_empty());
                if self.require_dyad && !(known(x) && known(y)) {
                    return;
                }
                if let (Some(p), Some(q)) = (x, y)
                    && !p.code.is_empty()
                    && p.code == q.code
                {
                    return;
                }
                let event = CodedEvent {
                    code: code.to_string(),
                    source: x.clone(),
                    target: y.clone(),
                    trigger: trigger.clone(),
                    status,
                    rule_line: line,
                };
                if !out.iter().any(|o| o.event == event) {
                    out.push(ParsedEvent {
                        event,
                        clause: clause_spans.clone(),
                        location: location.clone(),
                        attribution: attribution.clone(),
                    });
                }
            };
            if let Some(f) = &code.forward {
                push(f, a, t);
            }
            // A reciprocal code mirrors a pair of possible agents; with one side missing
            // or unable to act there is none.
            if let Some(r) = &code.reciprocal
                && a.is_some()
                && t.as_ref().is_some_and(agent_like)
            {
                push(r, t, a);
            }
        }
    }
}

/// CAMEO codes of events with no direction between their parties: meet (040) and
/// negotiate (046). (Adding the intents to cooperate, cease fire or meet, 030, 0356 and 036,
/// lowered recipient precision on the PLOVER gold records from 0.735 to 0.712.)
const MUTUAL_CODES: [&str; 2] = ["040", "046"];

/// Whether `code` has no direction and no reciprocal of its own (`MUTUAL_CODES`).
fn mutual_code(code: &EventCode) -> bool {
    code.reciprocal.is_none()
        && code
            .forward
            .as_deref()
            .is_some_and(|f| MUTUAL_CODES.contains(&f))
}

/// Whether `code` joins its parties both ways: a reciprocal code, or a mutual one.
fn two_way(code: &EventCode) -> bool {
    code.reciprocal.is_some() || mutual_code(code)
}

fn toks_spans(toks: &[Tok]) -> Vec<Range<usize>> {
    toks.iter().map(|t| t.span.clone()).collect()
}

#[cfg(test)]
mod tests;
