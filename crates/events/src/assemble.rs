//! Event assembly for whole documents: sentences → coded events → records.
//!
//! The sentence coder (today the word-window [`BaselineCoder`]; the parse-based matcher
//! plugs in at the same seam) codes each sentence that is not a repeat of an earlier one.
//! Each event gets the temporal expression of its own sentence nearest to its trigger (the
//! clause-attached one once the parser supplies clauses), else the report date with
//! `from: report`. Identical events of one document (same actor and recipient codes, code
//! and date) become one record listing every mention.

use crate::baseline::{BaselineCoder, BaselineError};
use crate::discards::Discards;
use crate::record::{SentenceRef, build, report_date};
use crate::verbs::VerbDictionary;
use dyad_core::{
    Analysis, DateFrom, DocRef, Document, EventDate, EventRecord, Precision, Span, Timex, TimexType,
};

/// Codes documents into event records. Build once; share across threads.
pub struct DocumentCoder {
    sentences: BaselineCoder,
    discards: Option<Discards>,
}

/// The dictionary texts a [`DocumentCoder`] is built from.
pub struct DictionaryTexts<'a> {
    /// PETRARCH-2 verb dictionary (`CAMEO.2.0.txt`).
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
        let verbs = VerbDictionary::parse(d.verbs);
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
        Ok(DocumentCoder {
            sentences: BaselineCoder::new(verbs, actors, agents, None),
            discards,
        })
    }

    /// Codes `doc`, whose sentences and timexes are in `analysis`, appending records to `out`.
    pub fn code(&self, doc: &Document, analysis: &Analysis, out: &mut Vec<EventRecord>) {
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
            let coding = self.sentences.code(text, doc.date);
            let sentence = SentenceRef {
                index: i as u32,
                span: s.span,
                text: &doc.text,
            };
            for ev in &coding.events {
                let trigger = Span::new(
                    s.span.start as usize + ev.trigger.start,
                    s.span.start as usize + ev.trigger.end,
                );
                let date = event_date(&docref, &doc.text, s.span, trigger, &analysis.timexes);
                if let Some(rec) = build(&docref, sentence, ev, date) {
                    out.push(rec);
                    dedupe_last(out, first);
                }
            }
        }
    }
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

/// The DATE or TIME expression of the sentence nearest the trigger, else the report date.
fn event_date(
    doc: &DocRef,
    text: &str,
    sentence: Span,
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
    timexes
        .iter()
        .filter(|t| {
            sentence.contains(t.span) && matches!(t.kind, TimexType::Date | TimexType::Time)
        })
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
    let codes = |p: &[dyad_core::Participant]| p.iter().map(|x| x.code.clone()).collect::<Vec<_>>();
    a.cameo == b.cameo
        && a.status == b.status
        && a.date.value == b.date.value
        && codes(&a.actor) == codes(&b.actor)
        && codes(&a.recipient) == codes(&b.recipient)
}

/// Folds the last record into an earlier identical one of the same document, if any.
fn dedupe_last(out: &mut Vec<EventRecord>, first: usize) {
    let Some(last) = out.last() else { return };
    let n = out.len() - 1;
    if let Some(i) = (first..n).find(|&i| same_event(&out[i], last)) {
        let last = out.pop().expect("non-empty");
        out[i].mentions.extend(last.mentions);
    }
}
