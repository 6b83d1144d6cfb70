//! Reads for browsing a store, as the dashboard and its JSON API show it: one event with its
//! mentions and the other reports of its happening, actor search and an actor's partners, a
//! document with the annotation spans of its events, full-text search with snippets, and
//! summary figures.
//!
//! Every read runs on SQLite and PostgreSQL alike and gives the same answer on both, except
//! full-text search: SQLite's FTS5 and PostgreSQL's `tsvector` tokenise, stem and rank in
//! their own ways, and their snippets differ.
//!
//! ```
//! use dyad_store::{Store, synth};
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = Store::open(dir.path().join("dyad.db")).unwrap();
//! store.writer("test").unwrap().write_batch(&synth::batch(0, 5, 2)).unwrap();
//! let doc = store.document("syn-3").unwrap().unwrap();
//! assert_eq!(doc.events.len(), 2);
//! let event = store.event_detail(&doc.events[0].event_id).unwrap().unwrap();
//! assert_eq!(event.document.id, "syn-3");
//! let hits = store.search("capital", 10, 0).unwrap();
//! assert_eq!(hits.len(), 5);
//! ```
use crate::db::{DbError, Dialect, Row, vals};
use crate::error::StoreError;
use crate::store::Store;
use dyad_core::EventRecord;
use serde::Serialize;
use serde_json::Value;

/// A document's metadata.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// A resolved actor.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// Someone an actor interacts with.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// One actor and its most frequent partners.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ActorDetail {
    /// The actor.
    pub actor: ActorOut,
    /// Its 50 most frequent partners, most events first.
    pub partners: Vec<PartnerOut>,
}

/// An annotated stretch of a document.
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// A full-text hit.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchHit {
    /// Metadata.
    #[serde(flatten)]
    pub meta: DocMeta,
    /// A few words around the match, as plain text.
    pub snippet: String,
    /// Events coded from the document.
    pub events: i64,
}

/// Summary figures beyond the store's row counts.
#[derive(Clone, Debug, PartialEq, Serialize)]
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

/// `text[s..e]` when the span is in bounds and on character boundaries.
fn slice(text: &str, s: usize, e: usize) -> Option<&str> {
    if s <= e { text.get(s..e) } else { None }
}

/// A stored offset as an index; a negative one (a damaged row) reads as 0.
fn offset(v: i64) -> usize {
    usize::try_from(v).unwrap_or(0)
}

fn doc_meta(r: &Row, at: usize) -> Result<DocMeta, DbError> {
    Ok(DocMeta {
        id: r.text(at)?,
        title: r.opt_text(at + 1)?,
        source: r.opt_text(at + 2)?,
        url: r.opt_text(at + 3)?,
        report_date: r.text(at + 4)?,
    })
}

/// The columns [`actor_row`] reads, from `actors a`.
const ACTOR_COLUMNS: &str = "a.rowid, a.name, a.country, a.sector, a.code";

fn actor_row(r: &Row) -> Result<ActorOut, DbError> {
    Ok(ActorOut {
        id: r.int(0)?,
        name: r.opt_text(1)?,
        country: r.opt_text(2)?,
        sector: r.opt_text(3)?,
        code: r.opt_text(4)?,
        events: r.int(5)?,
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

impl Store {
    /// A database error of evaluating a client's full-text expression: SQLite's plain
    /// `SQLITE_ERROR` (`unterminated string`, `fts5: syntax error near …`) is the
    /// expression's fault, so it becomes [`StoreError::Query`]; anything else is the store's.
    pub(crate) fn fts_error(&self, q: &str, e: DbError) -> StoreError {
        match &e {
            DbError::Sqlite(rusqlite::Error::SqliteFailure(f, Some(m)))
                if f.code == rusqlite::ErrorCode::Unknown =>
            {
                StoreError::Query(format!("full-text expression {q:?}: {m}"))
            }
            _ => self.err(e),
        }
    }

    /// Checks a full-text expression ([`Query::text`](crate::Query::text), [`Store::search`])
    /// before it is used, so that a malformed one fails as [`StoreError::Query`], the
    /// caller's error, rather than as a database failure. On PostgreSQL every string is a
    /// valid web-search expression, so this checks nothing there.
    pub fn check_text(&self, q: &str) -> Result<(), StoreError> {
        match self.db.dialect() {
            Dialect::Sqlite => self
                .db
                .one(
                    "SELECT 1 FROM documents_fts WHERE documents_fts MATCH ?1 LIMIT 1",
                    vals![q],
                )
                .map(drop)
                .map_err(|e| self.fts_error(q, e)),
            Dialect::Postgres => Ok(()),
        }
    }

    /// One event by id with its document, cluster figures, mentions and the other reports of
    /// its cluster; `None` when there is no such event.
    pub fn event_detail(&self, id: &str) -> Result<Option<EventDetail>, StoreError> {
        let e = |e| self.err(e);
        let Some(r) = self
            .db
            .one(
                "SELECT e.rowid, e.record, d.id, d.title, d.source, d.url, d.report_date, d.text, e.cluster, \
                 c.key, c.n_reports, c.n_documents, c.n_mentions, c.n_sources, c.first_report, c.last_report \
                 FROM events e JOIN documents d ON d.rowid = e.doc LEFT JOIN clusters c ON c.rowid = e.cluster \
                 WHERE e.id = ?1",
                vals![id],
            )
            .map_err(e)?
        else {
            return Ok(None);
        };
        let read = || -> Result<_, DbError> {
            let cluster = match r.opt_text(9)? {
                None => None,
                Some(key) => Some(serde_json::json!({
                    "cluster_id": key,
                    "n_reports": r.int(10)?,
                    "n_documents": r.int(11)?,
                    "n_mentions": r.int(12)?,
                    "n_sources": r.int(13)?,
                    "first_report": r.text(14)?,
                    "last_report": r.text(15)?,
                })),
            };
            Ok((
                r.int(0)?,
                r.text(1)?,
                doc_meta(&r, 2)?,
                r.text(7)?,
                r.opt_int(8)?,
                cluster,
            ))
        };
        let (rowid, record, document, text, cluster_row, cluster) = read().map_err(e)?;
        let event: Value = serde_json::from_str(&record).map_err(|source| StoreError::Record {
            id: id.to_string(),
            source,
        })?;
        let mut mentions = Vec::new();
        self.db
            .each(
                "SELECT ord, sentence, start, \"end\" FROM mentions WHERE event = ?1 ORDER BY ord",
                vals![rowid],
                |m| {
                    let (s, end) = (offset(m.int(2)?), offset(m.int(3)?));
                    mentions.push(MentionOut {
                        ord: m.int(0)?,
                        sentence: m.int(1)?,
                        span: [s, end],
                        text: slice(&text, s, end).unwrap_or_default().to_string(),
                    });
                    Ok::<(), DbError>(())
                },
            )
            .map_err(e)?;
        let mut reports = Vec::new();
        if let Some(c) = cluster_row {
            self.db
                .each(
                    "SELECT e.id, d.id, d.source, d.title, e.report_date FROM events e \
                     JOIN documents d ON d.rowid = e.doc WHERE e.cluster = ?1 \
                     ORDER BY e.report_date, e.id LIMIT 100",
                    vals![c],
                    |r| {
                        reports.push(ReportOut {
                            event_id: r.text(0)?,
                            doc_id: r.text(1)?,
                            source: r.opt_text(2)?,
                            title: r.opt_text(3)?,
                            report_date: r.text(4)?,
                        });
                        Ok::<(), DbError>(())
                    },
                )
                .map_err(e)?;
        }
        Ok(Some(EventDetail {
            event,
            document,
            cluster,
            mentions,
            reports,
        }))
    }

    /// Actors whose name contains `q` or whose code starts with it (ASCII letters in any
    /// case; `%` and `_` literal), busiest first; every actor when `q` is empty or `None`.
    pub fn actors(
        &self,
        q: Option<&str>,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<ActorOut>, StoreError> {
        let q = q.unwrap_or("");
        // SQLite's LIKE ignores ASCII case; PostgreSQL's ILIKE under the "C" collation of
        // the store's text columns does the same, and no more.
        let like = match self.db.dialect() {
            Dialect::Sqlite => "LIKE",
            Dialect::Postgres => "ILIKE",
        };
        // The casts tell PostgreSQL the parameters' type, which `'%' || ?2` leaves open.
        let sql = format!(
            "SELECT {ACTOR_COLUMNS}, (SELECT count(*) FROM participants p WHERE p.actor = a.rowid) AS n \
             FROM actors a WHERE CAST(?1 AS TEXT) = '' \
             OR a.name {like} '%' || CAST(?2 AS TEXT) || '%' ESCAPE '\\' \
             OR a.code {like} CAST(?2 AS TEXT) || '%' ESCAPE '\\' \
             ORDER BY n DESC, a.name NULLS FIRST, a.rowid LIMIT ?3 OFFSET ?4"
        );
        let rows = self
            .db
            .rows(&sql, vals![q, like_escape(q), limit, offset])
            .map_err(|e| self.err(e))?;
        rows.iter()
            .map(actor_row)
            .collect::<Result<_, _>>()
            .map_err(|e| self.err(e))
    }

    /// One actor by row id with its 50 most frequent partners (in either direction);
    /// `None` when there is no such actor.
    pub fn actor(&self, id: i64) -> Result<Option<ActorDetail>, StoreError> {
        let e = |e| self.err(e);
        let Some(me) = self
            .db
            .one(
                &format!(
                    "SELECT {ACTOR_COLUMNS}, (SELECT count(*) FROM participants p WHERE p.actor = a.rowid) \
                     FROM actors a WHERE a.rowid = ?1"
                ),
                vals![id],
            )
            .map_err(e)?
        else {
            return Ok(None);
        };
        let actor = actor_row(&me).map_err(e)?;
        // Dyad 0 stands for "none or unresolved", never a partner. Ties go by name, not
        // only by row id, so that stores with the same actors list them alike.
        let sql = format!(
            "SELECT {ACTOR_COLUMNS}, count(*), sum(CASE WHEN x.dir = 0 THEN 1 ELSE 0 END), \
             sum(CASE WHEN x.dir = 1 THEN 1 ELSE 0 END), sum(e.goldstein) FROM ( \
               SELECT recipient AS other, event, 0 AS dir FROM dyads WHERE actor = ?1 AND recipient NOT IN (0, ?1) \
               UNION ALL SELECT actor, event, 1 FROM dyads WHERE recipient = ?1 AND actor NOT IN (0, ?1)) AS x \
             JOIN events e ON e.rowid = x.event JOIN actors a ON a.rowid = x.other \
             GROUP BY {ACTOR_COLUMNS} ORDER BY count(*) DESC, a.name NULLS FIRST, a.rowid LIMIT 50"
        );
        let rows = self.db.rows(&sql, vals![id]).map_err(e)?;
        let partners = rows
            .iter()
            .map(|r| {
                Ok(PartnerOut {
                    actor: actor_row(r)?,
                    outgoing: r.int(6)?,
                    incoming: r.int(7)?,
                    goldstein: r.opt_real(8)?.unwrap_or(0.0),
                })
            })
            .collect::<Result<_, DbError>>()
            .map_err(e)?;
        Ok(Some(ActorDetail { actor, partners }))
    }

    /// One document by id with its text, its events in brief and the annotation spans of
    /// their fields (byte and UTF-16 offsets); `None` when there is no such document. A
    /// stored record this build cannot read is left out (and reported on stderr), not a
    /// failed read.
    pub fn document(&self, id: &str) -> Result<Option<DocumentOut>, StoreError> {
        let e = |e| self.err(e);
        let Some(r) = self
            .db
            .one(
                "SELECT rowid, id, title, source, url, report_date, language, text FROM documents WHERE id = ?1",
                vals![id],
            )
            .map_err(e)?
        else {
            return Ok(None);
        };
        let (rowid, meta, language, text) =
            (|| Ok::<_, DbError>((r.int(0)?, doc_meta(&r, 1)?, r.opt_text(6)?, r.text(7)?)))()
                .map_err(e)?;
        let records = self
            .db
            .rows(
                "SELECT record FROM events WHERE doc = ?1 ORDER BY sentence, rowid",
                vals![rowid],
            )
            .map_err(e)?;
        let mut events = Vec::new();
        let mut anns = Vec::new();
        for rec in records {
            let rec = rec.text(0).map_err(e)?;
            let Ok(r) = serde_json::from_str::<EventRecord>(&rec) else {
                eprintln!("dyad-store: document {id}: unreadable event record skipped");
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
        let mut sorted: Vec<usize> = anns.iter().flat_map(|a| a.span).collect();
        let u16s = utf16_map(&text, &mut sorted);
        for a in &mut anns {
            for k in 0..2 {
                if let Ok(i) = sorted.binary_search(&a.span[k]) {
                    a.utf16[k] = u16s[i];
                }
            }
        }
        anns.sort_by(|x, y| {
            (x.span[0], std::cmp::Reverse(x.span[1]))
                .cmp(&(y.span[0], std::cmp::Reverse(y.span[1])))
        });
        Ok(Some(DocumentOut {
            meta,
            language,
            text,
            events,
            annotations: anns,
        }))
    }

    /// Documents matching a full-text expression, best first, each with a snippet of its
    /// text around the match. SQLite reads `q` as an FTS5 expression (a malformed one is
    /// [`StoreError::Query`]); PostgreSQL as web-search syntax (`websearch_to_tsquery`),
    /// which reads FTS5's common forms alike: words (all required), "quoted phrases", OR,
    /// and -word for NOT.
    pub fn search(
        &self,
        q: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<SearchHit>, StoreError> {
        let sql = match self.db.dialect() {
            Dialect::Sqlite => {
                "SELECT d.id, d.title, d.source, d.url, d.report_date, \
                 snippet(documents_fts, 1, '', '', '…', 16), (SELECT count(*) FROM events e WHERE e.doc = d.rowid) \
                 FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid \
                 WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT ?2 OFFSET ?3"
            }
            // The page is chosen first, so that only its documents get the costly headline.
            Dialect::Postgres => {
                "SELECT d.id, d.title, d.source, d.url, d.report_date, \
                 ts_headline('english', d.text, h.q, \
                   'StartSel=\"\", StopSel=\"\", MaxWords=16, MinWords=8, MaxFragments=1'), \
                 (SELECT count(*) FROM events e WHERE e.doc = d.rowid) \
                 FROM (SELECT t.rowid, t.q, ts_rank(t.fts, t.q) AS rank FROM \
                   (SELECT d.rowid, d.fts, q FROM documents d, websearch_to_tsquery('english', ?1) AS q \
                    WHERE d.fts @@ q) AS t \
                   ORDER BY rank DESC, t.rowid LIMIT ?2 OFFSET ?3) AS h \
                 JOIN documents d ON d.rowid = h.rowid ORDER BY h.rank DESC, h.rowid"
            }
        };
        let mut out = Vec::new();
        self.db
            .each(sql, vals![q, limit, offset], |r| {
                out.push(SearchHit {
                    meta: doc_meta(&r, 0)?,
                    snippet: r.opt_text(5)?.unwrap_or_default(),
                    events: r.int(6)?,
                });
                Ok::<(), DbError>(())
            })
            .map_err(|e| self.fts_error(q, e))?;
        Ok(out)
    }

    /// Summary figures: the span of event dates, events per category and quad class, and
    /// documents per outlet.
    pub fn summary(&self) -> Result<Summary, StoreError> {
        let e = |e| self.err(e);
        let rows = |sql: &str| self.db.rows(sql, &[]).map_err(e);
        let span = self
            .db
            .one("SELECT min(event_date), max(event_date) FROM events", &[])
            .map_err(e)?;
        let (first_event, last_event) = match span {
            Some(r) => (r.opt_text(0).map_err(e)?, r.opt_text(1).map_err(e)?),
            None => (None, None),
        };
        let by_event =
            rows("SELECT event, count(*) FROM events GROUP BY event ORDER BY 2 DESC, 1")?
                .iter()
                .map(|r| Ok((r.text(0)?, r.int(1)?)))
                .collect::<Result<_, DbError>>()
                .map_err(e)?;
        let by_quad_class =
            rows("SELECT quad_class, count(*) FROM events GROUP BY quad_class ORDER BY 1")?
                .iter()
                .map(|r| Ok((r.int(0)?, r.int(1)?)))
                .collect::<Result<_, DbError>>()
                .map_err(e)?;
        // NULLS FIRST: where SQLite puts them unasked, so both answer alike.
        let by_source = rows(
            "SELECT source, count(*) FROM documents GROUP BY source \
             ORDER BY 2 DESC, 1 NULLS FIRST LIMIT 20",
        )?
        .iter()
        .map(|r| Ok((r.opt_text(0)?, r.int(1)?)))
        .collect::<Result<_, DbError>>()
        .map_err(e)?;
        Ok(Summary {
            first_event,
            last_event,
            by_event,
            by_quad_class,
            by_source,
        })
    }
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

    #[test]
    fn spans_outside_the_text_or_inside_a_character_are_dropped() {
        let text = "« é »";
        assert_eq!(slice(text, 0, 2), Some("«"));
        assert_eq!(slice(text, 0, 1), None);
        assert_eq!(slice(text, 3, 2), None);
        assert_eq!(slice(text, 0, 99), None);
    }
}
