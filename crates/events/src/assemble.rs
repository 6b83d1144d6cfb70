//! Event assembly for whole documents: sentences → coded events → records.
//!
//! The sentence coder (the parse-based [`ParsedCoder`]; the word-window [`BaselineCoder`]
//! when no parser model is embedded) codes each sentence that is not a repeat of an earlier
//! one. Each parsed event gets the temporal expression of its own clause nearest to its
//! trigger (never one of another clause), else the report date with `from: report`; its
//! location and attribution come from the parse. Identical events of one document (same actor and recipient codes, code
//! and date) become one record listing every mention.

use crate::baseline::{BaselineCoder, BaselineError};
use crate::discards::Discards;
use crate::parsed::{ParsedCoder, ParsedEvent};
use crate::record::{SentenceRef, build, report_date};
use crate::verbs::VerbDictionary;
use dyad_core::{
    Analysis, DateFrom, DocRef, Document, EventDate, EventRecord, Precision, Span, Timex, TimexType,
};

/// Codes documents into event records. Build once; share across threads.
pub struct DocumentCoder {
    sentences: SentenceCoder,
    discards: Option<Discards>,
}

/// The dictionary texts a [`DocumentCoder`] is built from.
pub struct DictionaryTexts<'a> {
    /// PETRARCH-2 verb dictionary (`CAMEO.2.0.txt`); dyad's supplement
    /// ([`crate::verbs::DYAD_VERBS`]) is read after it.
    pub verbs: &'a str,
    /// Actor dictionaries.
    pub actors: &'a [&'a str],
    /// Agent dictionary.
    pub agents: Option<&'a str>,
    /// Discard list; its purely temporal entries are left out (see [`news_discards`]).
    pub discards: Option<&'a str>,
}

impl DocumentCoder {
    /// Builds the coder from dictionary texts.
    pub fn from_texts(d: &DictionaryTexts<'_>) -> Result<DocumentCoder, BaselineError> {
        let verbs = VerbDictionary::with_dyad(d.verbs);
        let actors = d
            .actors
            .iter()
            .flat_map(|t| crate::baseline::actors::parse_actors(t))
            .collect();
        let agents = d
            .agents
            .map(crate::baseline::actors::parse_agents)
            .unwrap_or_default();
        let discards = d
            .discards
            .map(|t| Discards::parse(&news_discards(t)))
            .transpose()?;
        let base = BaselineCoder::new(verbs, actors, agents, None);
        let sentences = match dyad_syntax::Model::load_default() {
            Ok(model) => SentenceCoder::Parsed(Box::new(ParsedCoder::new(base, model))),
            Err(_) => SentenceCoder::Baseline(Box::new(base)),
        };
        Ok(DocumentCoder {
            sentences,
            discards,
        })
    }

    /// The syntax model the coder parses with (none when the build has none).
    pub fn syntax(&self) -> Option<&std::sync::Arc<dyad_syntax::Model>> {
        match &self.sentences {
            SentenceCoder::Parsed(p) => Some(p.syntax()),
            SentenceCoder::Baseline(_) => None,
        }
    }

    /// Codes `doc`, whose sentences and timexes are in `analysis`, appending records to `out`.
    pub fn code(&self, doc: &Document, analysis: &Analysis, out: &mut Vec<EventRecord>) {
        self.code_keeping_tags(doc, analysis, out, &mut Vec::new());
    }

    /// [`Self::code`], leaving in `tags` each sentence's parts of speech where the coder
    /// parsed it (an empty list where it did not), so that the actor stage need not tag those
    /// sentences again.
    pub fn code_keeping_tags(
        &self,
        doc: &Document,
        analysis: &Analysis,
        out: &mut Vec<EventRecord>,
        tags: &mut Vec<Vec<&'static str>>,
    ) {
        tags.clear();
        tags.resize_with(analysis.sentences.len(), Vec::new);
        let docref = DocRef {
            id: doc.id.clone(),
            date: doc.date,
            source: doc.meta.source.clone(),
            url: doc.meta.url.clone(),
            title: doc.meta.title.clone(),
        };
        if let Some(d) = &self.discards
            && d.check_story(&doc.text).is_some()
        {
            return;
        }
        let first = out.len();
        let mut worker = match &self.sentences {
            SentenceCoder::Parsed(p) => Some(p.worker()),
            SentenceCoder::Baseline(_) => None,
        };
        let mut events: Vec<ParsedEvent> = Vec::new();
        let mut spans = Vec::new();
        for (i, s) in analysis.sentences.iter().enumerate() {
            if s.duplicate.is_some() {
                continue;
            }
            let text = &doc.text[s.span.range()];
            if self
                .discards
                .as_ref()
                .is_some_and(|d| d.check(text).is_some())
            {
                continue;
            }
            let sentence = SentenceRef {
                index: i as u32,
                span: s.span,
                text: &doc.text,
            };
            let base = s.span.start as usize;
            events.clear();
            match (&self.sentences, worker.as_mut()) {
                (SentenceCoder::Parsed(p), Some(w)) => {
                    spans.clear();
                    spans.extend(
                        analysis
                            .tokens
                            .get(s.tokens())
                            .unwrap_or(&[])
                            .iter()
                            .map(|t| {
                                (t.span.start as usize).saturating_sub(base)
                                    ..(t.span.end as usize).saturating_sub(base)
                            }),
                    );
                    p.code_tokens_keeping_tags(
                        w,
                        text,
                        &spans,
                        doc.date,
                        &mut events,
                        &mut tags[i],
                    );
                }
                (SentenceCoder::Parsed(p), None) => {
                    events.extend(whole_sentence(p.baseline().code(text, doc.date), text))
                }
                (SentenceCoder::Baseline(b), _) => {
                    events.extend(whole_sentence(b.code(text, doc.date), text))
                }
            }
            let shift = |r: &std::ops::Range<usize>| Span::new(base + r.start, base + r.end);
            for ev in &events {
                let trigger = shift(&ev.event.trigger);
                let date = event_date(
                    &docref,
                    &doc.text,
                    &ev.clause.iter().map(shift).collect::<Vec<_>>(),
                    trigger,
                    &analysis.timexes,
                );
                if let Some(mut rec) = build(&docref, sentence, &ev.event, date) {
                    let text_span = |r: &std::ops::Range<usize>| {
                        let sp = shift(r);
                        dyad_core::TextSpan {
                            text: doc.text.get(sp.range()).unwrap_or("").to_string(),
                            span: sp,
                        }
                    };
                    rec.location = ev.location.as_ref().map(|r| {
                        let t = text_span(r);
                        dyad_core::EventLocation {
                            text: t.text,
                            span: t.span,
                            name: None,
                            country: None,
                            admin1: None,
                            lat: None,
                            lon: None,
                            geonames_id: None,
                        }
                    });
                    rec.attribution = ev.attribution.as_ref().map(text_span);
                    trim_times(&mut rec, &doc.text, &analysis.timexes);
                    out.push(rec);
                    dedupe_last(out, first);
                }
            }
        }
    }
}

/// The sentence coder behind a [`DocumentCoder`].
enum SentenceCoder {
    Parsed(Box<ParsedCoder>),
    Baseline(Box<BaselineCoder>),
}

/// Baseline events, dated by any time expression of their sentence.
fn whole_sentence(coding: crate::Coding, text: &str) -> impl Iterator<Item = ParsedEvent> {
    let all = 0..text.len();
    coding.events.into_iter().map(move |event| ParsedEvent {
        event,
        clause: vec![all.clone()],
        location: None,
        attribution: None,
    })
}

/// Phoenix's discard list without its purely temporal entries (bare years, "… AGO",
/// "… LATER"): Phoenix used them to drop sentences about the past; dyad dates each event from
/// its own time expression instead, so such sentences are coded, not dropped.
pub fn news_discards(text: &str) -> String {
    text.lines()
        .filter(|l| {
            let t = l
                .split('#')
                .next()
                .unwrap_or("")
                .trim()
                .trim_start_matches('+')
                .trim();
            let year = t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit());
            !(year || t.ends_with(" AGO") || t.ends_with(" LATER"))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The DATE or TIME expression nearest the trigger among those inside the event's clause
/// (`clause`: byte spans of its words), else the report date.
fn event_date(
    doc: &DocRef,
    text: &str,
    clause: &[Span],
    trigger: Span,
    timexes: &[Timex],
) -> EventDate {
    let distance = |t: &Timex| {
        if t.span.start >= trigger.end {
            t.span.start - trigger.end
        } else {
            trigger.start.saturating_sub(t.span.end)
        }
    };
    let inside = |t: &Timex| {
        clause
            .iter()
            .any(|w| w.start < t.span.end && t.span.start < w.end)
    };
    timexes
        .iter()
        .filter(|t| inside(t) && matches!(t.kind, TimexType::Date | TimexType::Time))
        .min_by_key(|t| distance(t))
        .map(|t| EventDate {
            value: t.value.clone(),
            precision: t.precision.unwrap_or(Precision::Unknown),
            text: Some(text[t.span.range()].to_string()),
            span: Some(t.span),
            from: DateFrom::Text,
        })
        .unwrap_or_else(|| report_date(doc))
}

fn same_event(a: &EventRecord, b: &EventRecord) -> bool {
    // An actor without a code is told apart by its words.
    let codes = |p: &[dyad_core::Participant]| {
        p.iter()
            .map(|x| x.code.clone().unwrap_or_else(|| x.text.to_lowercase()))
            .collect::<Vec<_>>()
    };
    a.cameo == b.cameo
        && a.status == b.status
        && a.date.value == b.date.value
        && codes(&a.actor) == codes(&b.actor)
        && codes(&a.recipient) == codes(&b.recipient)
}

/// Adds the mentions of a record folded into `into`, each once: two readings of one clause
/// (a sentence coded twice, a recipient dropped) are one mention of the event, and
/// docs/record.md lists every mention, not every reading.
fn absorb_mentions(into: &mut EventRecord, mentions: Vec<dyad_core::Mention>) {
    for m in mentions {
        if !into.mentions.contains(&m) {
            into.mentions.push(m);
        }
    }
}

/// Folds the last record into an earlier identical one of the same document, if any.
fn dedupe_last(out: &mut Vec<EventRecord>, first: usize) {
    let Some(last) = out.last() else { return };
    let n = out.len() - 1;
    if let Some(i) = (first..n).find(|&i| same_event(&out[i], last)) {
        let last = out.pop().expect("non-empty");
        absorb_mentions(&mut out[i], last.mentions);
        return;
    }
    // Two different events can share trigger, code and slot spans (one read with the
    // clause's date, one with its controller's, say); ids must stay unique in the store, so
    // the later one is numbered, deterministically since coding order is.
    let id = numbered(&out[n].id, |id| out[first..n].iter().any(|r| r.id == id));
    out[n].id = id;
}

/// `base`, else `base-1`, `base-2`, … : the first that is not `taken`.
fn numbered(base: &str, taken: impl Fn(&str) -> bool) -> String {
    let mut id = base.to_string();
    let mut k = 1;
    while taken(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    id
}

/// The document coder is shared across rayon threads.
const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    shared::<DocumentCoder>();
};

/// What an entity/actor stage knows about the words at a span: canonical name and codes.
pub struct KnownActor {
    /// Canonical name ("Zohran Mamdani").
    pub name: String,
    /// ISO alpha-3 or PLOVER group code.
    pub country: Option<String>,
    /// PLOVER sector.
    pub sector: Option<String>,
    /// CAMEO-style actor code.
    pub code: Option<String>,
    /// Whether the code comes from an office held on the document's date (dyad's
    /// office-holder files): it then replaces whatever the event coder gave the words.
    pub in_office: bool,
    /// For a person, the countries of the places that words of the person's name also
    /// name ("Martín Lagos": Nigeria, for Lagos); empty for other actors.
    pub name_places: Vec<String>,
    /// The country is only the document's dominant one, not read from the actor's words:
    /// a country the event coder lent from the sentence then stays.
    pub country_from_document: bool,
}

/// Completes participants from the document's actor analysis: every participant gets the
/// canonical name of the actor its words refer to; a participant the dictionaries left
/// uncoded gets that actor's country, sector and code; one they coded by role alone
/// (`---GOV` for "President") gets the actor's country. A dictionary's country is not
/// overwritten, except by a person's office on the document's date: that is current and
/// dated, where the event coder's country may be a guess from the event's place ("Trump met
/// her in Paris" does not make Trump French). A country the event coder lent from the
/// setting (`Participant::borrowed`) gives way to the actor's own. A sector the event coder
/// lacked is the actor's where both have the same country.
pub fn complete_participants(
    records: &mut [EventRecord],
    resolve: &dyn Fn(Span) -> Option<KnownActor>,
) {
    for r in records {
        // A country lent that is a recipient's own came from the domestic reading of the
        // event (`parsed`: an agent of the recipient's country), the weakest of guesses.
        let recipients: Vec<String> = r
            .recipient
            .iter()
            .filter_map(|p| p.country.clone())
            .collect();
        for p in r.actor.iter_mut().chain(r.recipient.iter_mut()) {
            let lent = std::mem::take(&mut p.borrowed);
            let lent_from_sentence =
                lent && p.country.as_ref().is_some_and(|c| !recipients.contains(c));
            let Some(k) = resolve(p.span) else { continue };
            if p.name.is_none() {
                p.name = Some(k.name);
            }
            let in_office = k.in_office && k.code.is_some();
            // A person is no place: a country on a person's words that a word of the name
            // names came from that place name ("Martín Lagos" is not Nigeria's Lagos, "lawyer
            // Sana Butt" no Yemeni from Sana'a). A bare code gives way to the person's; an
            // agent's sector beside it stays ("lawyer": JUD).
            let place_in_name = k.country.is_some()
                && p.code
                    .as_deref()
                    .and_then(|c| c.get(..3))
                    .is_some_and(|c| k.name_places.iter().any(|x| x == c))
                && p.country != k.country;
            let bare = p.code.as_deref().is_some_and(|c| c.len() == 3);
            if in_office
                || (place_in_name && bare)
                || (p.code.is_none() && (k.country.is_some() || k.sector.is_some()))
            {
                p.country = k.country;
                p.sector = k.sector;
                p.code = k.code;
            } else if let Some(country) = k.country.clone().filter(|_| {
                (lent && !(k.country_from_document && lent_from_sentence))
                    || place_in_name
                    || p.country.is_none()
            }) {
                // A country the event stage lent from the setting gives way to one the actor
                // stage read from the words themselves ("EU foreign ministers meeting in
                // Brussels" are EURGOV, not BELGOV), not to the document's dominant country
                // ("China criticised the pact, with a foreign ministry spokesman accusing
                // Brussels": the spokesman is China's in a story that names Brussels more).
                let sector = p.sector.take().or(k.sector);
                p.code = Some(format!("{country}{}", sector.as_deref().unwrap_or("")));
                p.country = Some(country);
                p.sector = sector;
            } else if p.sector.is_none()
                && k.sector.is_some()
                && k.country.is_some()
                && k.country == p.country
            {
                // The same country, and the actor stage knows the sector the event coder
                // lacked ("his Indian counterpart Vikram Rao": IND from "Indian", GOV from
                // the counterpart's office).
                p.sector = k.sector;
                p.code = k.code;
            }
        }
    }
}

/// Nouns of people, groups and bodies that the dictionaries and the actor stage leave
/// uncoded but that name parties to an event ("both sides", "the two neighbours", "the bloc",
/// "its supporters", "the joint commission"), and places that stand for their people. Lower
/// case; a participant with one of them is someone.
const PEOPLE_NOUNS: &[&str] = &[
    "side",
    "sides",
    "neighbour",
    "neighbours",
    "neighbor",
    "neighbors",
    "bloc",
    "ally",
    "allies",
    "partner",
    "partners",
    "rival",
    "rivals",
    "party",
    "parties",
    "member",
    "members",
    "counterpart",
    "counterparts",
    "nation",
    "nations",
    "country",
    "countries",
    "government",
    "governments",
    "people",
    "group",
    "groups",
    "community",
    "communities",
    "faction",
    "factions",
    "supporter",
    "supporters",
    "follower",
    "followers",
    "leader",
    "leaders",
    "worker",
    "workers",
    "resident",
    "residents",
    "villager",
    "villagers",
    "civilian",
    "civilians",
    "driver",
    "drivers",
    "truckers",
    "farmer",
    "farmers",
    "student",
    "students",
    "teacher",
    "teachers",
    "official",
    "officials",
    "man",
    "men",
    "woman",
    "women",
    "child",
    "children",
    "family",
    "families",
    "victim",
    "victims",
    "voter",
    "voters",
    "citizen",
    "citizens",
    "migrant",
    "migrants",
    "refugee",
    "refugees",
    "prisoner",
    "prisoners",
    "detainee",
    "detainees",
    "hostage",
    "hostages",
    "suspect",
    "suspects",
    "critic",
    "critics",
    "opponent",
    "opponents",
    "protester",
    "protesters",
    "demonstrator",
    "demonstrators",
    "crowd",
    "crowds",
    "mob",
    "union",
    "unions",
    "company",
    "companies",
    "firm",
    "firms",
    "organisation",
    "organization",
    "agency",
    "ministry",
    "council",
    "commission",
    "committee",
    "panel",
    "board",
    "team",
    "teams",
    "brigade",
    "brigades",
    "battalion",
    "battalions",
    "regiment",
    "squadron",
    "unit",
    "units",
    "reinforcements",
    "miners",
    "delegation",
    "delegations",
    // People by occupation or office; the agent dictionaries code most of them, these
    // reach here uncoded ("protesters attacked officers").
    "officer",
    "officers",
    "police",
    "policeman",
    "policemen",
    "policewoman",
    "soldier",
    "soldiers",
    "troops",
    "guard",
    "guards",
    "agent",
    "agents",
    "diplomat",
    "diplomats",
    "envoy",
    "envoys",
    "ambassador",
    "minister",
    "ministers",
    "lawmaker",
    "lawmakers",
    "legislator",
    "legislators",
    "journalist",
    "journalists",
    "reporter",
    "reporters",
    "activist",
    "activists",
    "militant",
    "militants",
    "rebel",
    "rebels",
    "fighter",
    "fighters",
    "insurgent",
    "insurgents",
    "gunman",
    "gunmen",
    "attacker",
    "attackers",
    "judge",
    "judges",
    "prosecutor",
    "prosecutors",
    "fisherman",
    "fishermen",
    "patient",
    "patients",
    "doctor",
    "doctors",
    "nurse",
    "nurses",
    "passenger",
    "passengers",
    "crew",
    "staff",
    "employee",
    "employees",
    "pilgrim",
    "pilgrims",
    "tourist",
    "tourists",
    "settler",
    "settlers",
    // Places that stand for their people or government ("improving the city", "a trip to
    // the nation's capital").
    "city",
    "cities",
    "capital",
    "town",
    "towns",
    "village",
    "villages",
    "state",
    "states",
    "region",
    "regions",
    "province",
    "provinces",
];

/// Whether a lower-case word is a noun of people, groups or bodies ([`PEOPLE_NOUNS`]).
pub(crate) fn people_noun(lower: &str) -> bool {
    PEOPLE_NOUNS.contains(&lower)
}

/// Personal pronouns that may stand for a party ("arrested me", "told them").
const PARTY_PRONOUNS: &[&str] = &[
    "me", "us", "him", "her", "them", "you", "it", "i", "we", "he", "she", "they",
];

/// Whether a participant's words can name someone: a name (a capitalised word), a personal
/// pronoun or a noun of people.
fn someone(text: &str) -> bool {
    // Apostrophes split too: "nation’s capital" has "capital", "O'Neill" a capital letter.
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty())
        .any(|w| {
            let lower = w.to_lowercase();
            // A weekday or month names no one ("staged a protest on Friday").
            (w.chars().next().is_some_and(char::is_uppercase) && !dyad_core::calendar_word(&lower))
                || PARTY_PRONOUNS.contains(&lower.as_str())
                || PEOPLE_NOUNS.contains(&lower.as_str())
        })
}

/// Drops the recipients that are no one, once the actor stage has coded what it could: a
/// recipient is who was acted upon (docs/record.md), and a phrase with no code, no name, no
/// pronoun and no noun of people is a thing ("signed the agreement", "blocked highways",
/// "fired mortar rounds", "condemned the attack"). The event stays, with no recipient; a
/// record that thereby equals an earlier one of the document is folded into it (its
/// mentions kept), and a changed record gets the id of what it now says.
pub fn drop_thing_recipients(records: &mut Vec<EventRecord>) {
    // A new id must differ from every id kept, before or after it.
    let mut taken: std::collections::HashSet<String> =
        records.iter().map(|r| r.id.clone()).collect();
    let mut out: Vec<EventRecord> = Vec::with_capacity(records.len());
    for mut r in records.drain(..) {
        let before = r.recipient.len();
        r.recipient
            .retain(|p| p.code.is_some() || p.name.is_some() || someone(&p.text));
        if r.recipient.len() != before {
            if let Some(i) = out.iter().position(|o| same_event(o, &r)) {
                absorb_mentions(&mut out[i], r.mentions);
                continue;
            }
            let id = numbered(&crate::record::id_of(&r), |id| {
                id != r.id && taken.contains(id)
            });
            taken.insert(id.clone());
            r.id = id;
        }
        out.push(r);
    }
    *records = out;
}

/// Once the actor stage has completed the participants: drops a record whose actor and
/// recipient are the same words with the same code (a phrase the dictionaries gave two
/// codes, "her Argentine counterpart Martín Lagos" as Argentina and as Nigeria's Lagos,
/// paired with itself, both Argentina's once the person is known), and
/// folds a record that now says what an earlier one of the document says into it (its
/// mentions kept, each once).
pub fn fold_completed(records: &mut Vec<EventRecord>) {
    let mut out: Vec<EventRecord> = Vec::with_capacity(records.len());
    for r in records.drain(..) {
        // One phrase may name two parties ("the presidents of Peru and Ecuador signed"):
        // only the same party on both sides is dropped.
        let same = |a: &dyad_core::Participant, b: &dyad_core::Participant| {
            a.span == b.span && (a.code == b.code || a.code.is_none() || b.code.is_none())
        };
        if r.actor
            .iter()
            .any(|a| r.recipient.iter().any(|b| same(a, b)))
        {
            continue;
        }
        if let Some(i) = out.iter().position(|o| same_event(o, &r)) {
            absorb_mentions(&mut out[i], r.mentions);
            continue;
        }
        out.push(r);
    }
    *records = out;
}

/// Cuts a time expression off the end of a participant ("Mayor Zohran Mamdani Thursday" →
/// "Mayor Zohran Mamdani"): parsers often hang a bare weekday on the name before it, and the
/// time belongs to the event's date, not to who took part.
fn trim_times(rec: &mut EventRecord, text: &str, timexes: &[Timex]) {
    for p in rec.actor.iter_mut().chain(rec.recipient.iter_mut()) {
        let Some(t) = timexes
            .iter()
            .find(|t| p.span.overlaps(t.span) && t.span.start > p.span.start)
        else {
            continue;
        };
        let kept = text[p.span.start as usize..t.span.start as usize].trim_end();
        if !kept.is_empty() {
            p.span = Span::new(p.span.start as usize, p.span.start as usize + kept.len());
            p.text = kept.to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: &str, trigger: usize, recipient: Option<(&str, Option<&str>)>) -> EventRecord {
        let doc = DocRef {
            id: "d".into(),
            date: jiff::civil::date(2026, 1, 15),
            source: None,
            url: None,
            title: None,
        };
        let text = "Officers seized computers and documents, and they arrested two men.";
        let sentence = SentenceRef {
            index: 0,
            span: Span::new(0, text.len()),
            text,
        };
        let span_of = |w: &str| {
            let s = text.find(w).expect("word");
            s..s + w.len()
        };
        let actor = |w: &str, code: &str| crate::CodedActor::new(code.to_string(), span_of(w));
        let event = crate::CodedEvent {
            code: "171".into(),
            source: Some(actor("Officers", "")),
            target: recipient.map(|(w, c)| actor(w, c.unwrap_or(""))),
            trigger: trigger..trigger + 6,
            status: crate::Status::Asserted,
            rule_line: 1,
        };
        let date = report_date(&doc);
        let mut r = build(&doc, sentence, &event, date).expect("record");
        r.id = id.into();
        r
    }

    #[test]
    fn a_thing_is_no_recipient_and_what_it_leaves_is_folded() {
        let mut rs = vec![
            record("a", 9, Some(("computers", None))),
            record("b", 9, Some(("documents", None))),
            record("c", 9, Some(("two men", None))),
            record("d", 9, Some(("they", None))),
        ];
        drop_thing_recipients(&mut rs);
        let got: Vec<Vec<&str>> = rs
            .iter()
            .map(|r| r.recipient.iter().map(|p| p.text.as_str()).collect())
            .collect();
        // The two things leave one event with no recipient; people and pronouns stay.
        assert_eq!(got, [vec![], vec!["two men"], vec!["they"]]);
        // The two readings were of one clause: one mention.
        assert_eq!(rs[0].mentions.len(), 1);
        assert_ne!(rs[0].id, "a");
        assert_eq!((rs[1].id.as_str(), rs[2].id.as_str()), ("c", "d"));
    }

    #[test]
    fn a_sector_the_event_coder_lacked_comes_from_the_actor_stage() {
        let mut rs = vec![record("a", 9, Some(("two men", Some("IND"))))];
        let known = |country: &str| KnownActor {
            name: "Vikram Rao".into(),
            country: Some(country.into()),
            sector: Some("GOV".into()),
            code: Some(format!("{country}GOV")),
            in_office: false,
            name_places: Vec::new(),
            country_from_document: false,
        };
        complete_participants(&mut rs, &|_| Some(known("IND")));
        assert_eq!(rs[0].recipient[0].code.as_deref(), Some("INDGOV"));
        // Another country does not lend its sector to the dictionary's.
        let mut rs = vec![record("a", 9, Some(("two men", Some("IND"))))];
        complete_participants(&mut rs, &|_| Some(known("JPN")));
        assert_eq!(rs[0].recipient[0].code.as_deref(), Some("IND"));
    }

    #[test]
    fn a_lent_country_stays_against_the_documents_dominant_one() {
        let known = |country: &str, from_document: bool| KnownActor {
            name: "foreign ministry spokesman".into(),
            country: Some(country.into()),
            sector: Some("GOV".into()),
            code: Some(format!("{country}GOV")),
            in_office: false,
            name_places: Vec::new(),
            country_from_document: from_document,
        };
        // The actor lent CHN from its sentence; the recipient is Belgian.
        let lent = |country: &str| {
            let mut rs = vec![record("a", 9, Some(("two men", Some("BELGOV"))))];
            rs[0].recipient[0].country = Some("BEL".into());
            let a = &mut rs[0].actor[0];
            a.code = Some(format!("{country}GOV"));
            a.country = Some(country.into());
            a.sector = Some("GOV".into());
            a.borrowed = true;
            rs
        };
        for (from_document, want) in [(true, "CHNGOV"), (false, "MLIGOV")] {
            let mut rs = lent("CHN");
            complete_participants(&mut rs, &|_| Some(known("MLI", from_document)));
            assert_eq!(rs[0].actor[0].code.as_deref(), Some(want));
        }
        // Lent from the recipient (the domestic reading): the document's country wins.
        let mut rs = lent("BEL");
        complete_participants(&mut rs, &|_| Some(known("MLI", true)));
        assert_eq!(rs[0].actor[0].code.as_deref(), Some("MLIGOV"));
    }

    #[test]
    fn a_place_name_inside_a_persons_name_gives_way_to_the_person() {
        let known = |places: &[&str]| KnownActor {
            name: "Martín Lagos".into(),
            country: Some("ARG".into()),
            sector: Some("GOV".into()),
            code: Some("ARGGOV".into()),
            in_office: false,
            name_places: places.iter().map(|p| p.to_string()).collect(),
            country_from_document: false,
        };
        let mut rs = vec![record("a", 9, Some(("two men", Some("NGA"))))];
        complete_participants(&mut rs, &|_| Some(known(&["NGA", "PRT"])));
        assert_eq!(rs[0].recipient[0].code.as_deref(), Some("ARGGOV"));
        // With an agent's sector the country alone changes.
        let mut rs = vec![record("a", 9, Some(("two men", Some("NGAJUD"))))];
        rs[0].recipient[0].country = Some("NGA".into());
        rs[0].recipient[0].sector = Some("JUD".into());
        complete_participants(&mut rs, &|_| Some(known(&["NGA"])));
        assert_eq!(rs[0].recipient[0].code.as_deref(), Some("ARGJUD"));
        // A country the name does not name came from elsewhere ("his Nigerian
        // counterpart"), and an organisation has no such places.
        let mut rs = vec![record("a", 9, Some(("two men", Some("NGA"))))];
        complete_participants(&mut rs, &|_| Some(known(&[])));
        assert_eq!(rs[0].recipient[0].code.as_deref(), Some("NGA"));
    }

    #[test]
    fn a_phrase_paired_with_itself_is_dropped_and_variants_that_agree_are_folded() {
        let mut rs = vec![
            record("a", 9, Some(("two men", Some("ARGGOV")))),
            record("b", 9, Some(("two men", Some("ARGGOV")))),
            record("c", 9, Some(("Officers", None))),
        ];
        fold_completed(&mut rs);
        assert_eq!(rs.len(), 1);
        assert_eq!(rs[0].id, "a");
        assert_eq!(rs[0].mentions.len(), 1);
        // One phrase naming two parties pairs them.
        let mut rs = vec![record("a", 9, Some(("Officers", Some("NGA"))))];
        rs[0].actor[0].code = Some("PER".into());
        fold_completed(&mut rs);
        assert_eq!(rs.len(), 1);
    }

    #[test]
    fn someone_is_a_name_a_pronoun_or_a_noun_of_people() {
        for t in [
            "Peru",
            "the nation’s capital",
            "them",
            "both sides",
            "its supporters",
        ] {
            assert!(someone(t), "{t}");
        }
        for t in [
            "the agreement",
            "mortar rounds",
            "highways",
            "the reopening of the border",
            "Friday",
            "late November",
        ] {
            assert!(!someone(t), "{t}");
        }
    }
}
