//! From a coded event to a [`dyad_core::EventRecord`].
//!
//! [`build`] is the single place where the tables meet the text: a record exists only when
//! the event's CAMEO code is in the CAMEO table *and* maps to a PLOVER category. There is no
//! other path to a record, so no record can carry a code the pattern did not produce, nor a
//! category the tables did not give.
use crate::tables::{code_info, with_status};
use crate::{CodedActor, CodedEvent};
use dyad_core::{
    DateFrom, DocRef, EventDate, EventRecord, Mention, Participant, Precision, Span, TextSpan,
};

/// Where the sentence sits in its document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceRef<'a> {
    /// Sentence index in the document.
    pub index: u32,
    /// Bytes of the sentence in the document text.
    pub span: Span,
    /// The document text.
    pub text: &'a str,
}

/// The event's date when no temporal expression is attached: the report date, at day
/// precision, `from: report`.
pub fn report_date(doc: &DocRef) -> EventDate {
    EventDate {
        value: doc.date.to_string(),
        precision: Precision::Day,
        text: None,
        span: None,
        from: DateFrom::Report,
    }
}

/// Builds the record for `event` (whose spans are relative to the sentence), or `None` when
/// its code has no PLOVER category.
pub fn build(
    doc: &DocRef,
    sentence: SentenceRef<'_>,
    event: &CodedEvent,
    date: EventDate,
) -> Option<EventRecord> {
    let info = with_status(&code_info(&event.code)?, event.status);
    let plover = info.plover_event.clone()?;
    let shift = |r: &std::ops::Range<usize>| {
        Span::new(
            sentence.span.start as usize + r.start,
            sentence.span.start as usize + r.end,
        )
    };
    let text_of = |s: Span| sentence.text.get(s.range()).unwrap_or("").to_string();
    let trigger_span = shift(&event.trigger);
    let participant = |a: &CodedActor| {
        let span = shift(&a.span);
        // PLOVER's fields from the CAMEO code: "---MED" is media (JRN), "IGOUNOWFP" the UN.
        let (country, sector) = dyad_core::plover_country_sector(&a.code);
        Participant {
            text: text_of(span),
            span,
            name: None,
            country: country.map(str::to_string),
            sector: sector.map(str::to_string),
            // An empty code is an actor the dictionaries do not know: kept, never guessed.
            code: (!a.code.is_empty()).then(|| a.code.clone()),
            borrowed: a.borrowed,
        }
    };
    let mut rec = EventRecord {
        id: String::new(),
        document: doc.clone(),
        sentence: sentence.index,
        sentence_span: sentence.span,
        event: plover,
        mode: info.mode,
        context: info.context,
        status: event.status,
        cameo: event.code.clone(),
        goldstein: info.goldstein,
        quad_class: info.quad_class?,
        plover_score: info.plover_score?,
        trigger: TextSpan {
            text: text_of(trigger_span),
            span: trigger_span,
        },
        actor: event.source.iter().map(participant).collect(),
        recipient: event.target.iter().map(participant).collect(),
        date,
        location: None,
        attribution: None,
        mentions: vec![Mention {
            sentence: sentence.index,
            span: trigger_span,
        }],
    };
    rec.id = id_of(&rec);
    Some(rec)
}

/// A record's stable id from what it says (see [`record_id`]): its first actor's and first
/// recipient's spans.
pub fn id_of(rec: &EventRecord) -> String {
    record_id(
        &rec.document.id,
        rec.sentence,
        rec.trigger.span,
        &rec.cameo,
        &[
            rec.actor.first().map(|p| p.span),
            rec.recipient.first().map(|p| p.span),
        ],
    )
}

/// A stable id: FNV-1a over document id, sentence index, trigger span, code and the actor
/// and recipient spans (one trigger can carry events between different pairs), so a re-run
/// over the same text gives the same id.
pub fn record_id(
    doc: &str,
    sentence: u32,
    trigger: Span,
    code: &str,
    slots: &[Option<Span>],
) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        h ^= 0xff;
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    eat(doc.as_bytes());
    eat(&sentence.to_le_bytes());
    eat(&(trigger.start).to_le_bytes());
    eat(&(trigger.end).to_le_bytes());
    eat(code.as_bytes());
    for slot in slots {
        match slot {
            Some(s) => {
                eat(&s.start.to_le_bytes());
                eat(&s.end.to_le_bytes());
            }
            None => eat(b"-"),
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::Status;

    fn doc() -> DocRef {
        DocRef {
            id: "d1".into(),
            date: jiff::civil::date(2026, 2, 26),
            source: None,
            url: None,
            title: None,
        }
    }

    fn event(code: &str, status: Status) -> CodedEvent {
        CodedEvent {
            code: code.into(),
            source: Some(CodedActor::new("ARNGOV".into(), 0..5)),
            target: Some(CodedActor::new("GON".into(), 14..20)),
            trigger: 6..13,
            status,
            rule_line: 7,
        }
    }

    #[test]
    fn builds_with_shifted_spans() {
        // Not at offset zero, with non-ASCII before the sentence.
        let text = "Café “news”. Arnor visited Gondor.";
        let start = text.find("Arnor").unwrap();
        let s = SentenceRef {
            index: 1,
            span: Span::new(start, text.len()),
            text,
        };
        let r = build(
            &doc(),
            s,
            &event("042", Status::Asserted),
            report_date(&doc()),
        )
        .unwrap();
        assert_eq!(r.event, "CONSULT");
        assert_eq!(r.mode.as_deref(), Some("visit"));
        assert_eq!(r.trigger.text, "visited");
        assert_eq!(r.actor[0].text, "Arnor");
        assert_eq!(r.actor[0].country.as_deref(), Some("ARN"));
        assert_eq!(r.actor[0].sector.as_deref(), Some("GOV"));
        assert_eq!(r.recipient[0].text, "Gondor");
        assert_eq!(r.recipient[0].sector, None);
        assert_eq!((r.quad_class, r.plover_score), (1, 4.0));
        assert_eq!(r.date.from, DateFrom::Report);
        assert_eq!(
            r.id,
            build(
                &doc(),
                s,
                &event("042", Status::Asserted),
                report_date(&doc())
            )
            .unwrap()
            .id
        );
    }

    #[test]
    fn no_record_without_a_plover_category() {
        let text = "Arnor visited Gondor.";
        let s = SentenceRef {
            index: 0,
            span: Span::new(0, text.len()),
            text,
        };
        assert!(
            build(
                &doc(),
                s,
                &event("012", Status::Asserted),
                report_date(&doc())
            )
            .is_none()
        );
        assert!(
            build(
                &doc(),
                s,
                &event("999", Status::Asserted),
                report_date(&doc())
            )
            .is_none()
        );
        let planned = build(
            &doc(),
            s,
            &event("042", Status::Planned),
            report_date(&doc()),
        )
        .unwrap();
        assert_eq!(
            (planned.event.as_str(), planned.cameo.as_str()),
            ("AGREE", "042")
        );
    }
}
