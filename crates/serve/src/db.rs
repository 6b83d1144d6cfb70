//! Reads the store does not offer (yet): one event with its mentions, a document with its
//! annotation spans, actor search and partners, full-text search and summary figures.
//! Plain read-only SQL against the store's schema; candidates to move into `dyad-store`.
use crate::error::ApiError;
use crate::params::Page;
use dyad_core::EventRecord;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;
use serde_json::Value;

/// A document's metadata.
#[derive(Debug, Serialize)]
pub struct DocMeta {
    /// Document id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Address.
    pub url: Option<String>,
    /// Report date.
    pub report_date: String,
}

/// One place in the document that reports an event.
#[derive(Debug, Serialize)]
pub struct MentionOut {
    /// Order among the event's mentions (0 is the trigger's).
    pub ord: i64,
    /// Sentence index.
    pub sentence: i64,
    /// Byte span into the document text.
    pub span: [usize; 2],
    /// The words.
    pub text: String,
}

/// Another report of the same happening.
#[derive(Debug, Serialize)]
pub struct ReportOut {
    /// Event id.
    pub event_id: String,
    /// Document id.
    pub doc_id: String,
    /// Outlet.
    pub source: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Report date.
    pub report_date: String,
}

/// One event with everything behind it.
#[derive(Debug, Serialize)]
pub struct EventDetail {
    /// The stored event record (the `dyad` JSONL record).
    pub event: Value,
    /// Its document.
    pub document: DocMeta,
    /// Its cluster's figures, when clustered.
    pub cluster: Option<Value>,
    /// Its mentions in the document.
    pub mentions: Vec<MentionOut>,
    /// Every report in its cluster (at most 100).
    pub reports: Vec<ReportOut>,
}

/// `text[s..e]` when the span is in bounds and on character boundaries.
fn slice(text: &str, s: usize, e: usize) -> Option<&str> {
    if s <= e { text.get(s..e) } else { None }
}

/// One event by id: `None` when there is none.
pub fn event(db: &Connection, id: &str) -> Result<Option<EventDetail>, ApiError> {
    let row = db
        .prepare_cached(
            "SELECT e.rowid, e.record, d.id, d.title, d.source, d.url, d.report_date, d.text, e.cluster, \
             c.key, c.n_reports, c.n_documents, c.n_mentions, c.n_sources, c.first_report, c.last_report \
             FROM events e JOIN documents d ON d.rowid = e.doc LEFT JOIN clusters c ON c.rowid = e.cluster \
             WHERE e.id = ?1",
        )?
        .query_row([id], |r| {
            let cluster = match r.get::<_, Option<String>>(9)? {
                None => None,
                Some(key) => Some(serde_json::json!({
                    "cluster_id": key,
                    "n_reports": r.get::<_, i64>(10)?,
                    "n_documents": r.get::<_, i64>(11)?,
                    "n_mentions": r.get::<_, i64>(12)?,
                    "n_sources": r.get::<_, i64>(13)?,
                    "first_report": r.get::<_, String>(14)?,
                    "last_report": r.get::<_, String>(15)?,
                })),
            };
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                DocMeta {
                    id: r.get(2)?,
                    title: r.get(3)?,
                    source: r.get(4)?,
                    url: r.get(5)?,
                    report_date: r.get(6)?,
                },
                r.get::<_, String>(7)?,
                r.get::<_, Option<i64>>(8)?,
                cluster,
            ))
        })
        .optional()?;
    let Some((rowid, record, document, text, cluster_row, cluster)) = row else {
        return Ok(None);
    };
    let event: Value = serde_json::from_str(&record).map_err(ApiError::internal)?;
    let mut mentions = Vec::new();
    let mut st = db.prepare_cached(
        "SELECT ord, sentence, start, end FROM mentions WHERE event = ?1 ORDER BY ord",
    )?;
    let rows = st.query_map([rowid], |r| {
        Ok((
            r.get::<_, i64>(0)?,
            r.get::<_, i64>(1)?,
            r.get::<_, i64>(2)?,
            r.get::<_, i64>(3)?,
        ))
    })?;
    for m in rows {
        let (ord, sentence, s, e) = m?;
        let (s, e) = (s.max(0) as usize, e.max(0) as usize);
        mentions.push(MentionOut {
            ord,
            sentence,
            span: [s, e],
            text: slice(&text, s, e).unwrap_or_default().to_string(),
        });
    }
    let mut reports = Vec::new();
    if let Some(c) = cluster_row {
        let mut st = db.prepare_cached(
            "SELECT e.id, d.id, d.source, d.title, e.report_date FROM events e \
             JOIN documents d ON d.rowid = e.doc WHERE e.cluster = ?1 \
             ORDER BY e.report_date, e.id LIMIT 100",
        )?;
        let rows = st.query_map([c], |r| {
            Ok(ReportOut {
                event_id: r.get(0)?,
                doc_id: r.get(1)?,
                source: r.get(2)?,
                title: r.get(3)?,
                report_date: r.get(4)?,
            })
        })?;
        for r in rows {
            reports.push(r?);
        }
    }
    Ok(Some(EventDetail {
        event,
        document,
        cluster,
        mentions,
        reports,
    }))
}

/// A resolved actor.
#[derive(Debug, Serialize)]
pub struct ActorOut {
    /// Row id in the store (stable while the store is not rebuilt).
    pub id: i64,
    /// Canonical name.
    pub name: Option<String>,
    /// Country code.
    pub country: Option<String>,
    /// Sector code.
    pub sector: Option<String>,
    /// Actor code.
    pub code: Option<String>,
    /// Events it takes part in.
    pub events: i64,
}

fn actor_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<ActorOut> {
    Ok(ActorOut {
        id: r.get(0)?,
        name: r.get(1)?,
        country: r.get(2)?,
        sector: r.get(3)?,
        code: r.get(4)?,
        events: r.get(5)?,
    })
}

/// `%` and `_` taken literally in a LIKE pattern.
fn like_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Actors whose name contains `q` or whose code starts with it, busiest first.
pub fn actors(db: &Connection, q: Option<&str>, page: Page) -> Result<Vec<ActorOut>, ApiError> {
    let q = q.unwrap_or("");
    let mut st = db.prepare_cached(
        "SELECT a.rowid, a.name, a.country, a.sector, a.code, \
         (SELECT count(*) FROM participants p WHERE p.actor = a.rowid) AS n FROM actors a \
         WHERE ?1 = '' OR a.name LIKE '%' || ?2 || '%' ESCAPE '\\' OR a.code LIKE ?2 || '%' ESCAPE '\\' \
         ORDER BY n DESC, a.name, a.rowid LIMIT ?3 OFFSET ?4",
    )?;
    let rows = st.query_map(
        params![q, like_escape(q), page.limit as i64, page.offset as i64],
        actor_row,
    )?;
    Ok(rows.collect::<Result<_, _>>()?)
}

/// Someone an actor interacts with.
#[derive(Debug, Serialize)]
pub struct PartnerOut {
    /// The other actor.
    pub actor: ActorOut,
    /// Events where the actor acts on the partner.
    pub outgoing: i64,
    /// Events where the partner acts on the actor.
    pub incoming: i64,
    /// Summed Goldstein score over both directions.
    pub goldstein: f64,
}

/// One actor and its 50 most frequent partners; `None` when there is no such actor.
pub fn actor(db: &Connection, id: i64) -> Result<Option<(ActorOut, Vec<PartnerOut>)>, ApiError> {
    let Some(me) = db
        .prepare_cached(
            "SELECT a.rowid, a.name, a.country, a.sector, a.code, \
             (SELECT count(*) FROM participants p WHERE p.actor = a.rowid) FROM actors a WHERE a.rowid = ?1",
        )?
        .query_row([id], actor_row)
        .optional()?
    else {
        return Ok(None);
    };
    let mut st = db.prepare_cached(
        "SELECT a.rowid, a.name, a.country, a.sector, a.code, count(*), sum(x.dir = 0), sum(x.dir = 1), \
         sum(e.goldstein) FROM ( \
           SELECT recipient AS other, event, 0 AS dir FROM dyads WHERE actor = ?1 AND recipient NOT IN (0, ?1) \
           UNION ALL SELECT actor, event, 1 FROM dyads WHERE recipient = ?1 AND actor NOT IN (0, ?1)) x \
         JOIN events e ON e.rowid = x.event JOIN actors a ON a.rowid = x.other \
         GROUP BY a.rowid ORDER BY count(*) DESC, a.rowid LIMIT 50",
    )?;
    let rows = st.query_map([id], |r| {
        Ok(PartnerOut {
            actor: actor_row(r)?,
            outgoing: r.get(6)?,
            incoming: r.get(7)?,
            goldstein: r.get::<_, Option<f64>>(8)?.unwrap_or(0.0),
        })
    })?;
    Ok(Some((me, rows.collect::<Result<_, _>>()?)))
}

/// An annotated stretch of a document.
#[derive(Debug, Serialize, PartialEq)]
pub struct Annotation {
    /// `actor`, `recipient`, `trigger`, `time`, `place` or `attribution`.
    pub kind: &'static str,
    /// The event it belongs to.
    pub event_id: String,
    /// What it resolved to (canonical name, date value, place name, PLOVER category).
    pub label: Option<String>,
    /// Byte span into the text.
    pub span: [usize; 2],
    /// The same span in UTF-16 code units, for JavaScript strings.
    pub utf16: [usize; 2],
}

/// An event of a document, in brief.
#[derive(Debug, Serialize)]
pub struct DocEvent {
    /// Event id.
    pub event_id: String,
    /// PLOVER category.
    pub event: String,
    /// CAMEO code.
    pub cameo: String,
    /// Event date value.
    pub date: String,
    /// Actors as written.
    pub actor: Vec<String>,
    /// Recipients as written.
    pub recipient: Vec<String>,
    /// Trigger words.
    pub trigger: String,
    /// Goldstein score.
    pub goldstein: f32,
}

/// A document with its text and every annotation of its events.
#[derive(Debug, Serialize)]
pub struct DocumentOut {
    /// Metadata.
    #[serde(flatten)]
    pub meta: DocMeta,
    /// Language.
    pub language: Option<String>,
    /// The text, exactly as stored.
    pub text: String,
    /// Its events.
    pub events: Vec<DocEvent>,
    /// Annotation spans, by start.
    pub annotations: Vec<Annotation>,
}

/// Converts byte offsets to UTF-16 offsets, once over the text for all spans.
fn utf16_map(text: &str, offsets: &mut [usize]) -> Vec<usize> {
    offsets.sort_unstable();
    let mut out = Vec::with_capacity(offsets.len());
    let mut u16s = 0usize;
    let mut chars = text.char_indices().peekable();
    for &o in offsets.iter() {
        while let Some(&(i, c)) = chars.peek() {
            if i >= o {
                break;
            }
            u16s += c.len_utf16();
            chars.next();
        }
        out.push(u16s);
    }
    out
}

/// Annotation spans of one record that lie inside `text` on character boundaries.
fn annotations(r: &EventRecord, text: &str, out: &mut Vec<Annotation>) {
    let mut push = |kind, span: dyad_core::Span, label: Option<String>| {
        let (s, e) = (span.start as usize, span.end as usize);
        if slice(text, s, e).is_some() && s < e {
            out.push(Annotation {
                kind,
                event_id: r.id.clone(),
                label,
                span: [s, e],
                utf16: [0, 0],
            });
        }
    };
    for p in &r.actor {
        push("actor", p.span, p.name.clone().or(p.code.clone()));
    }
    for p in &r.recipient {
        push("recipient", p.span, p.name.clone().or(p.code.clone()));
    }
    push(
        "trigger",
        r.trigger.span,
        Some(format!("{} ({})", r.event, r.cameo)),
    );
    if let Some(s) = r.date.span {
        push("time", s, Some(r.date.value.clone()));
    }
    if let Some(l) = &r.location {
        push("place", l.span, l.name.clone());
    }
    if let Some(a) = &r.attribution {
        push("attribution", a.span, None);
    }
}

/// One document by id: `None` when there is none.
pub fn document(db: &Connection, id: &str) -> Result<Option<DocumentOut>, ApiError> {
    let Some((rowid, meta, language, text)) = db
        .prepare_cached(
            "SELECT rowid, id, title, source, url, report_date, language, text FROM documents WHERE id = ?1",
        )?
        .query_row([id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                DocMeta {
                    id: r.get(1)?,
                    title: r.get(2)?,
                    source: r.get(3)?,
                    url: r.get(4)?,
                    report_date: r.get(5)?,
                },
                r.get::<_, Option<String>>(6)?,
                r.get::<_, String>(7)?,
            ))
        })
        .optional()?
    else {
        return Ok(None);
    };
    let mut st =
        db.prepare_cached("SELECT record FROM events WHERE doc = ?1 ORDER BY sentence, rowid")?;
    let records = st.query_map([rowid], |r| r.get::<_, String>(0))?;
    let mut events = Vec::new();
    let mut anns = Vec::new();
    for rec in records {
        let rec = rec?;
        // A record this build cannot read is skipped, not a failed page.
        let Ok(r) = serde_json::from_str::<EventRecord>(&rec) else {
            eprintln!("dyad-serve: document {id}: unreadable event record skipped");
            continue;
        };
        annotations(&r, &text, &mut anns);
        events.push(DocEvent {
            event_id: r.id.clone(),
            event: r.event.clone(),
            cameo: r.cameo.clone(),
            date: r.date.value.clone(),
            actor: r.actor.iter().map(|p| p.text.clone()).collect(),
            recipient: r.recipient.iter().map(|p| p.text.clone()).collect(),
            trigger: r.trigger.text.clone(),
            goldstein: r.goldstein,
        });
    }
    let mut offsets: Vec<usize> = anns.iter().flat_map(|a| a.span).collect();
    offsets.dedup();
    let mut sorted = offsets.clone();
    let u16s = utf16_map(&text, &mut sorted);
    for a in &mut anns {
        for k in 0..2 {
            if let Ok(i) = sorted.binary_search(&a.span[k]) {
                a.utf16[k] = u16s[i];
            }
        }
    }
    anns.sort_by(|x, y| {
        (x.span[0], std::cmp::Reverse(x.span[1])).cmp(&(y.span[0], std::cmp::Reverse(y.span[1])))
    });
    Ok(Some(DocumentOut {
        meta,
        language,
        text,
        events,
        annotations: anns,
    }))
}

/// A full-text hit.
#[derive(Debug, Serialize)]
pub struct SearchHit {
    /// Metadata.
    #[serde(flatten)]
    pub meta: DocMeta,
    /// A few words around the match, as plain text.
    pub snippet: String,
    /// Events coded from the document.
    pub events: i64,
}

/// An error from evaluating a client's full-text expression: SQLite's plain `SQLITE_ERROR`
/// (`unterminated string`, `fts5: syntax error near …`) is the expression's fault.
fn fts_error(q: &str, e: rusqlite::Error) -> ApiError {
    match &e {
        rusqlite::Error::SqliteFailure(f, Some(m)) if f.code == rusqlite::ErrorCode::Unknown => {
            ApiError {
                status: axum::http::StatusCode::BAD_REQUEST,
                code: "bad_query",
                message: format!("full-text expression {q:?}: {m}"),
            }
        }
        _ => ApiError::from(e),
    }
}

/// Checks that `q` is a valid FTS5 expression, so an event query's full-text filter fails
/// as the client's error rather than as the store's.
pub fn check_fts(db: &Connection, q: &str) -> Result<(), ApiError> {
    let mut st = db
        .prepare_cached("SELECT 1 FROM documents_fts WHERE documents_fts MATCH ?1 LIMIT 1")
        .map_err(ApiError::from)?;
    let mut rows = st.query([q]).map_err(|e| fts_error(q, e))?;
    rows.next().map_err(|e| fts_error(q, e))?;
    Ok(())
}

/// Documents matching an FTS5 expression, best first.
pub fn search(db: &Connection, q: &str, page: Page) -> Result<Vec<SearchHit>, ApiError> {
    let fts = |e| fts_error(q, e);
    let mut st = db
        .prepare_cached(
            "SELECT d.id, d.title, d.source, d.url, d.report_date, \
             snippet(documents_fts, 1, '', '', '…', 16), (SELECT count(*) FROM events e WHERE e.doc = d.rowid) \
             FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid \
             WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2 OFFSET ?3",
        )
        .map_err(fts)?;
    let rows = st
        .query_map(params![q, page.limit as i64, page.offset as i64], |r| {
            Ok(SearchHit {
                meta: DocMeta {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    source: r.get(2)?,
                    url: r.get(3)?,
                    report_date: r.get(4)?,
                },
                snippet: r.get(5)?,
                events: r.get(6)?,
            })
        })
        .map_err(fts)?;
    rows.collect::<Result<_, _>>().map_err(fts)
}

/// Summary figures beyond the store's row counts.
#[derive(Debug, Serialize)]
pub struct Summary {
    /// Earliest event date.
    pub first_event: Option<String>,
    /// Latest event date.
    pub last_event: Option<String>,
    /// Events per PLOVER category, most first.
    pub by_event: Vec<(String, i64)>,
    /// Events per quad class 1–4.
    pub by_quad_class: Vec<(i64, i64)>,
    /// Documents per outlet, most first (at most 20).
    pub by_source: Vec<(Option<String>, i64)>,
}

/// Summary figures of the store.
pub fn summary(db: &Connection) -> Result<Summary, ApiError> {
    let (first_event, last_event) = db
        .prepare_cached("SELECT min(event_date), max(event_date) FROM events")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    let pairs = |sql: &str| -> Result<Vec<(Value, i64)>, ApiError> {
        let mut st = db.prepare_cached(sql)?;
        let rows = st.query_map([], |r| {
            let k: rusqlite::types::Value = r.get(0)?;
            let k = match k {
                rusqlite::types::Value::Integer(i) => Value::from(i),
                rusqlite::types::Value::Text(s) => Value::from(s),
                _ => Value::Null,
            };
            Ok((k, r.get(1)?))
        })?;
        Ok(rows.collect::<Result<_, _>>()?)
    };
    let by_event = pairs("SELECT event, count(*) FROM events GROUP BY event ORDER BY 2 DESC, 1")?
        .into_iter()
        .map(|(k, n)| (k.as_str().unwrap_or_default().to_string(), n))
        .collect();
    let by_quad_class =
        pairs("SELECT quad_class, count(*) FROM events GROUP BY quad_class ORDER BY 1")?
            .into_iter()
            .map(|(k, n)| (k.as_i64().unwrap_or_default(), n))
            .collect();
    let by_source = pairs(
        "SELECT source, count(*) FROM documents GROUP BY source ORDER BY 2 DESC, 1 LIMIT 20",
    )?
    .into_iter()
    .map(|(k, n)| (k.as_str().map(str::to_string), n))
    .collect();
    Ok(Summary {
        first_event,
        last_event,
        by_event,
        by_quad_class,
        by_source,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_count_code_units() {
        let text = "a “é” 😀 b";
        let b = text.find('b').unwrap();
        let mut offs = vec![b, 0, text.find('é').unwrap()];
        let u = utf16_map(text, &mut offs);
        assert_eq!(offs, vec![0, 5, b]);
        // a, space, “ (1 unit) then é at 3; b after the emoji's surrogate pair.
        assert_eq!(u, vec![0, 3, 9]);
    }

    #[test]
    fn like_patterns_are_literal() {
        assert_eq!(like_escape("50%_a\\"), "50\\%\\_a\\\\");
    }
}
