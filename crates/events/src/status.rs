//! Whether the text asserts an event, and sentences that state no event at all.
//!
//! [`detect`] looks at the words of the trigger's clause before the trigger (a word window
//! now; a parser-supplied clause range later through [`Scope`]) for cues:
//!
//! * hypothetical clause openers (`if`, `unless`, `whether`) → [`Status::Hypothetical`];
//! * negation (`not`, `n't`, `never`, `no longer`) and negating verbs that govern the trigger
//!   (`refused to`, `declined to`, `failed to`, `denied`) → [`Status::Negated`];
//! * modals of possibility (`could`, `would`, `might`, `may`) → [`Status::Hypothetical`];
//! * future and intention (`will`, `'ll`, `shall`, `plans to`, `is expected to`, `is set to`,
//!   `is to`, `going to`, `intends to`, `scheduled to`, `agreed to`, `is willing to`) →
//!   [`Status::Planned`];
//! * otherwise [`Status::Asserted`].
//!
//! The order is the precedence: "if they do not attack" is hypothetical, "would not attack" is
//! negated, "will not attack" is negated.
//!
//! [`no_event`] finds the formulaic non-responses of news copy ("did not immediately respond
//! to requests for comment", "declined to comment", "could not be reached for comment"):
//! a trigger inside one codes nothing.
use dyad_core::Status;
use std::ops::Range;

/// Which words belong to the trigger's clause.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// Look back from the trigger up to this many words, stopping at clause boundaries
    /// (punctuation, coordinators, subordinators, reporting verbs).
    Window(usize),
    /// Token range of the clause as a parser found it (its words before the trigger are read).
    Clause(Range<usize>),
}

impl Default for Scope {
    fn default() -> Self {
        Scope::Window(6)
    }
}

/// A status and the word that cued it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StatusCue {
    /// The status.
    pub status: Status,
    /// Index of the cue word; `None` for asserted.
    pub cue: Option<usize>,
}

const BOUNDARY: &[&str] = &[
    ",", ";", ":", "(", ")", "--", "—", "–", ".", "!", "?", "\"", "“", "”", "but", "and", "or",
    "while", "after", "before", "because", "since", "although", "though", "said", "says", "who",
    "which", "when", "where", "whereas", "say", "told", "added",
];
const IF: &[&str] = &["if", "unless", "whether"];
const NEGATION: &[&str] = &["not", "n't", "never", "neither", "nor", "cannot"];
const NEGATING_VERBS: &[&str] = &[
    "refused",
    "refuses",
    "refuse",
    "refusing",
    "declined",
    "declines",
    "decline",
    "declining",
    "failed",
    "fails",
    "fail",
    "failing",
    "denied",
    "denies",
    "deny",
    "denying",
];
const MODAL_HYPO: &[&str] = &["could", "would", "might", "may", "'d"];
const FUTURE: &[&str] = &["will", "'ll", "shall", "wo"];
/// `X to` intention frames: the word before `to`.
const INTENT: &[&str] = &[
    "plans",
    "plan",
    "planned",
    "planning",
    "expected",
    "set",
    "scheduled",
    "intends",
    "intend",
    "intended",
    "going",
    "aims",
    "aim",
    "due",
    "poised",
    "preparing",
    "prepares",
    "vowed",
    "vows",
    "pledged",
    "pledges",
    "agreed",
    "agrees",
    "agree",
    "willing",
    "ready",
    "prepared",
    "committed",
    "offered",
    "offers",
    "decided",
    "promised",
    "promises",
    "threatened",
    "threatens",
];
const BE: &[&str] = &["is", "are", "was", "were", "be", "'s", "'re", "am"];

fn is(word: &str, set: &[&str]) -> bool {
    set.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// Status of the event evoked by `words[trigger]`.
///
/// ```
/// use dyad_events::status::{detect, Scope};
/// use dyad_core::Status;
/// let w: Vec<&str> = "Arnor did not attack Gondor".split(' ').collect();
/// assert_eq!(detect(&w, 3, &Scope::default()).status, Status::Negated);
/// ```
pub fn detect(words: &[&str], trigger: usize, scope: &Scope) -> StatusCue {
    let trigger = trigger.min(words.len());
    let start = match scope {
        Scope::Clause(r) => r.start.min(trigger),
        Scope::Window(n) => {
            let mut s = trigger;
            while s > 0 && trigger - s < *n {
                let w = words[s - 1];
                if is(w, BOUNDARY) {
                    break;
                }
                // "denied that it attacked": `that` after a negating verb stays in scope.
                if w.eq_ignore_ascii_case("that") && !(s >= 2 && is(words[s - 2], NEGATING_VERBS)) {
                    break;
                }
                s -= 1;
            }
            s
        }
    };
    let before = start..trigger;
    let find = |pred: &dyn Fn(usize) -> bool| before.clone().rev().find(|&i| pred(i));
    let cue = |status, i: Option<usize>| {
        i.map(|i| StatusCue {
            status,
            cue: Some(i),
        })
    };
    // Clause openers reach further than the window: "if" may head a long condition.
    let if_start = match scope {
        Scope::Clause(r) => r.start.min(trigger),
        Scope::Window(n) => trigger.saturating_sub(n + 4),
    };
    let hypo_if = (if_start..trigger)
        .rev()
        .find(|&i| is(words[i], IF) && !(if_start..i).any(|j| is(words[j], &[";", ".", "but"])));
    cue(Status::Hypothetical, hypo_if)
        .or_else(|| {
            cue(
                Status::Negated,
                find(&|i| {
                    is(words[i], NEGATION)
                        || (is(words[i], NEGATING_VERBS) && i + 1 < words.len())
                        || (words[i].eq_ignore_ascii_case("no")
                            && words
                                .get(i + 1)
                                .is_some_and(|w| w.eq_ignore_ascii_case("longer")))
                }),
            )
        })
        .or_else(|| cue(Status::Hypothetical, find(&|i| is(words[i], MODAL_HYPO))))
        .or_else(|| {
            cue(
                Status::Planned,
                find(&|i| {
                    is(words[i], FUTURE)
                        || (words
                            .get(i + 1)
                            .is_some_and(|w| w.eq_ignore_ascii_case("to"))
                            && (is(words[i], INTENT) || is(words[i], BE)))
                }),
            )
        })
        .unwrap_or(StatusCue {
            status: Status::Asserted,
            cue: None,
        })
}

/// One step of a no-event phrase.
enum Step {
    /// One of these words.
    One(&'static [&'static str]),
    /// Optionally one of these words.
    Opt(&'static [&'static str]),
    /// One of these words within the next `n` words.
    Within(usize, &'static [&'static str]),
}

use Step::{One, Opt, Within};

const AUX: &[&str] = &[
    "did", "does", "do", "has", "have", "had", "would", "could", "will", "wo",
];
const NOT: &[&str] = &["not", "n't", "never"];
const IMMEDIATELY: &[&str] = &["immediately", "yet"];
const COMMENT: &[&str] = &["comment", "comments", "commenting"];

/// Which formula matched.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoEventRule {
    /// "did not (immediately) respond/reply to requests for comment", "did not return calls".
    NoResponse,
    /// "declined to comment", "refused to comment", "declined comment".
    DeclinedComment,
    /// "could not be reached for comment".
    Unreachable,
    /// "was not (immediately) available for comment", "had no (immediate) comment".
    NoComment,
}

const RULES: &[(NoEventRule, &[Step])] = &[
    (
        NoEventRule::NoResponse,
        &[
            One(AUX),
            One(NOT),
            Opt(IMMEDIATELY),
            One(&[
                "respond",
                "reply",
                "return",
                "answer",
                "responded",
                "replied",
                "returned",
            ]),
            Within(
                7,
                &[
                    "comment",
                    "comments",
                    "calls",
                    "messages",
                    "emails",
                    "inquiries",
                    "questions",
                    "request",
                    "requests",
                ],
            ),
        ],
    ),
    (
        NoEventRule::DeclinedComment,
        &[
            One(&[
                "declined",
                "declines",
                "decline",
                "refused",
                "refuses",
                "refuse",
                "declining",
                "refusing",
            ]),
            Opt(&["to"]),
            Opt(&["immediately"]),
            One(COMMENT),
        ],
    ),
    (
        NoEventRule::Unreachable,
        &[
            One(&["could", "can", "cannot"]),
            Opt(NOT),
            One(&["be"]),
            Opt(IMMEDIATELY),
            One(&["reached", "contacted"]),
            Within(3, COMMENT),
        ],
    ),
    (
        NoEventRule::NoComment,
        &[
            One(&["was", "were", "is", "are"]),
            One(NOT),
            Opt(IMMEDIATELY),
            One(&["available"]),
            Within(2, COMMENT),
        ],
    ),
    (
        NoEventRule::NoComment,
        &[
            One(&["had", "has", "have"]),
            One(&["no"]),
            Opt(&["immediate", "further"]),
            One(COMMENT),
        ],
    ),
];

fn match_at(words: &[&str], at: usize, steps: &[Step]) -> Option<usize> {
    let mut i = at;
    for s in steps {
        match s {
            One(set) => {
                if !words.get(i).is_some_and(|w| is(w, set)) {
                    return None;
                }
                i += 1;
            }
            Opt(set) => {
                if words.get(i).is_some_and(|w| is(w, set)) {
                    i += 1;
                }
            }
            Within(n, set) => {
                let end = (i + n).min(words.len());
                let k = (i..end).find(|&k| is(words[k], set))?;
                i = k + 1;
            }
        }
    }
    Some(i)
}

/// Every no-event formula in a sentence, as token ranges.
pub fn no_event_phrases(words: &[&str]) -> Vec<(NoEventRule, Range<usize>)> {
    let mut out = Vec::new();
    for at in 0..words.len() {
        for (rule, steps) in RULES {
            if let Some(end) = match_at(words, at, steps) {
                out.push((*rule, at..end));
            }
        }
    }
    out
}

/// The no-event formula covering the trigger at `words[trigger]`, if any.
pub fn no_event(words: &[&str], trigger: usize) -> Option<NoEventRule> {
    no_event_phrases(words)
        .into_iter()
        .find(|(_, r)| r.contains(&trigger))
        .map(|(k, _)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn st(s: &str, trigger: &str) -> Status {
        let w: Vec<&str> = s.split_whitespace().collect();
        let t = w
            .iter()
            .position(|x| *x == trigger)
            .expect("trigger in sentence");
        detect(&w, t, &Scope::default()).status
    }

    #[test]
    fn asserted() {
        assert_eq!(
            st("Arnor attacked Gondor on Monday", "attacked"),
            Status::Asserted
        );
        assert_eq!(
            st("Arnor will not say , but it attacked Gondor", "attacked"),
            Status::Asserted
        );
        assert_eq!(
            st("Arnor , which could not wait , attacked Gondor", "attacked"),
            Status::Asserted
        );
    }

    #[test]
    fn negated() {
        assert_eq!(st("Arnor did not attack Gondor", "attack"), Status::Negated);
        assert_eq!(st("Arnor did n't attack Gondor", "attack"), Status::Negated);
        assert_eq!(st("Arnor refused to meet Gondor", "meet"), Status::Negated);
        assert_eq!(
            st("Arnor denied attacking Gondor", "attacking"),
            Status::Negated
        );
        assert_eq!(
            st("Arnor denied that it attacked Gondor", "attacked"),
            Status::Negated
        );
        assert_eq!(
            st("Arnor would not attack Gondor", "attack"),
            Status::Negated
        );
        assert_eq!(
            st("Arnor will never attack Gondor", "attack"),
            Status::Negated
        );
        assert_eq!(
            st("Arnor has no longer supported Gondor", "supported"),
            Status::Negated
        );
    }

    #[test]
    fn planned() {
        assert_eq!(st("Arnor will meet Gondor", "meet"), Status::Planned);
        assert_eq!(st("Arnor plans to meet Gondor", "meet"), Status::Planned);
        assert_eq!(
            st("Arnor is expected to meet Gondor", "meet"),
            Status::Planned
        );
        assert_eq!(st("Arnor is to meet Gondor", "meet"), Status::Planned);
        assert_eq!(st("Arnor 'll meet Gondor", "meet"), Status::Planned);
        assert_eq!(
            st("Arnor is willing to send troops", "send"),
            Status::Planned
        );
        assert_eq!(st("Arnor agreed to meet Gondor", "meet"), Status::Planned);
    }

    #[test]
    fn hypothetical() {
        assert_eq!(
            st("Arnor could attack Gondor", "attack"),
            Status::Hypothetical
        );
        assert_eq!(
            st("Arnor would attack Gondor", "attack"),
            Status::Hypothetical
        );
        assert_eq!(
            st(
                "if Arnor does not attack Gondor , there will be peace",
                "attack"
            ),
            Status::Hypothetical
        );
        assert_eq!(
            st(
                "if the long talks with the elves fail Arnor attacks Gondor",
                "attacks"
            ),
            Status::Hypothetical
        );
    }

    #[test]
    fn clause_scope_from_a_parser() {
        let w: Vec<&str> = "Arnor did not say that Gondor attacked"
            .split(' ')
            .collect();
        // The window stops at `that`; a parser clause may say otherwise.
        assert_eq!(detect(&w, 6, &Scope::default()).status, Status::Asserted);
        let c = detect(&w, 6, &Scope::Clause(0..7));
        assert_eq!(
            c,
            StatusCue {
                status: Status::Negated,
                cue: Some(2)
            }
        );
    }

    fn ne(s: &str, trigger: &str) -> Option<NoEventRule> {
        let w: Vec<&str> = s.split_whitespace().collect();
        let t = w.iter().position(|x| *x == trigger).expect("trigger");
        no_event(&w, t)
    }

    #[test]
    fn response_requests_are_no_event() {
        use NoEventRule::*;
        let s = "The ministry did not immediately respond to requests for comment .";
        assert_eq!(ne(s, "respond"), Some(NoResponse));
        assert_eq!(
            ne(
                "The ministry did n't respond to a request for comment",
                "respond"
            ),
            Some(NoResponse)
        );
        assert_eq!(
            ne("Officials declined to comment on the report", "declined"),
            Some(DeclinedComment)
        );
        assert_eq!(
            ne("He could not be reached for comment", "reached"),
            Some(Unreachable)
        );
        assert_eq!(
            ne("She was not immediately available for comment", "available"),
            Some(NoComment)
        );
        assert_eq!(
            ne("The embassy had no immediate comment", "comment"),
            Some(NoComment)
        );
        // Real responses and refusals stay events.
        assert_eq!(
            ne("Gondor responded to the attack with force", "responded"),
            None
        );
        assert_eq!(ne("Gondor did not respond to the attack", "respond"), None);
        assert_eq!(
            ne("Arnor declined to extradite the suspect", "declined"),
            None
        );
    }
}
