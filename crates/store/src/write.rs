use crate::cluster::{Item, anchors};
use crate::dates::{self, interval};
use crate::db::{Db, DbError, Row, vals};
use crate::error::{DocError, StoreError};
use crate::keys;
use crate::store::Store;
use dyad_core::{Document, EventRecord, Participant};
use jiff::civil::Date;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// What one batch did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BatchStats {
    /// Documents in the batch.
    pub documents: usize,
    /// Documents whose content hash was already stored: nothing written.
    pub unchanged: usize,
    /// Documents new to the store.
    pub inserted: usize,
    /// Documents whose stored version (and events) were replaced.
    pub replaced: usize,
    /// Event records written.
    pub events_written: usize,
    /// Event records removed with the versions they belonged to.
    pub events_deleted: usize,
    /// Clusters created, changed or removed.
    pub clusters_changed: usize,
    /// Documents that could not be stored; the rest of the batch was.
    pub errors: Vec<DocError>,
}

/// The single writer of a store: a sink for coded documents.
///
/// Each [`Writer::write_batch`] is one transaction. Unchanged documents are skipped without
/// writing; a changed document's events are replaced atomically; clusters are updated for
/// the blocks the batch touched.
#[derive(Debug)]
pub struct Writer<'s> {
    store: &'s mut Store,
    coder_version: String,
}

impl Store {
    /// A writer whose content hashes include `coder_version` (dictionary and model versions),
    /// so a changed coder re-codes every document on the next ingest.
    pub fn writer(&mut self, coder_version: &str) -> Result<Writer<'_>, StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        Ok(Writer {
            store: self,
            coder_version: coder_version.to_string(),
        })
    }
}

/// What a batch changed in one block: the date intervals of reports added or removed, and
/// the clusters removed reports belonged to. Only reports whose intervals meet these can
/// change cluster, so only they are re-evaluated.
#[derive(Default)]
struct Touch {
    intervals: Vec<(Date, Date)>,
    old_clusters: BTreeSet<i64>,
}

type Touched = BTreeMap<String, Touch>;

/// Entities and places that lost a reference; removed at the end of the batch if unused.
#[derive(Default)]
struct Orphans {
    actors: BTreeSet<i64>,
    places: BTreeSet<i64>,
}

impl Writer<'_> {
    /// True when the store lacks this exact document for this coder version, i.e. when it
    /// is worth coding. Lets `dyad ingest` skip the coder for unchanged documents.
    pub fn needs_coding(&self, doc: &Document) -> Result<bool, StoreError> {
        let hash = keys::content_hash(doc, &self.coder_version);
        Ok(self.stored_hash(&doc.id)?.as_deref() != Some(hash.as_str()))
    }

    fn stored_hash(&self, id: &str) -> Result<Option<String>, StoreError> {
        self.store
            .db
            .one(
                "SELECT content_hash FROM documents WHERE id = ?1",
                vals![id],
            )
            .and_then(|r| r.map(|r| r.text(0)).transpose())
            .map_err(|e| self.store.err(e))
    }

    /// Stores a batch of coded documents in one transaction.
    ///
    /// When a document id occurs twice in a batch the later one wins. A document that fails
    /// (for example two records with one id) is rolled back alone and listed in
    /// [`BatchStats::errors`]; its earlier stored version, if any, stays.
    pub fn write_batch(
        &mut self,
        docs: &[(Document, Vec<EventRecord>)],
    ) -> Result<BatchStats, StoreError> {
        let mut stats = BatchStats {
            documents: docs.len(),
            ..BatchStats::default()
        };
        let last: HashMap<&str, usize> = docs
            .iter()
            .enumerate()
            .map(|(i, (d, _))| (d.id.as_str(), i))
            .collect();
        // Hashes are compared before any write lock is taken: a batch of unchanged documents
        // only reads, so a re-run over the same corpus writes nothing at all.
        let mut todo = Vec::new();
        for (i, (doc, _)) in docs.iter().enumerate() {
            let hash = keys::content_hash(doc, &self.coder_version);
            if last[doc.id.as_str()] != i
                || self.stored_hash(&doc.id)?.as_deref() == Some(hash.as_str())
            {
                stats.unchanged += 1;
            } else {
                todo.push((i, hash));
            }
        }
        if todo.is_empty() {
            return Ok(stats);
        }
        let store = &*self.store;
        let err = |e: DbError| store.err(e);
        let db = &store.db;
        db.begin_write().map_err(err)?;
        // Any early return below leaves the transaction open: roll it back.
        let result = write_todo(db, docs, todo, &mut stats);
        match result {
            Ok(()) => db.batch("COMMIT").map_err(err)?,
            Err(e) => {
                let _ = db.batch("ROLLBACK");
                return Err(err(e));
            }
        }
        Ok(stats)
    }
}

/// The body of [`Writer::write_batch`]'s transaction.
fn write_todo(
    db: &Db,
    docs: &[(Document, Vec<EventRecord>)],
    todo: Vec<(usize, String)>,
    stats: &mut BatchStats,
) -> Result<(), DbError> {
    let mut blocks = Touched::new();
    let mut orphans = Orphans::default();
    for (i, hash) in todo {
        let (doc, events) = &docs[i];
        db.batch("SAVEPOINT doc")?;
        match write_doc(db, doc, &hash, events, &mut blocks, &mut orphans) {
            Ok((replaced, deleted)) => {
                db.batch("RELEASE doc")?;
                if replaced {
                    stats.replaced += 1;
                } else {
                    stats.inserted += 1;
                }
                stats.events_deleted += deleted;
                stats.events_written += events.len();
            }
            Err(e) => {
                // Only what the document's own data caused (a duplicate record id, an
                // oversized value) skips it; anything else, such as a full disk, an I/O
                // error or a lost lock, fails the whole batch, which rolls back.
                if !e.is_data_fault() {
                    return Err(e);
                }
                let message = StoreError::from(e).to_string();
                db.batch("ROLLBACK TO doc; RELEASE doc")?;
                stats.errors.push(DocError {
                    id: doc.id.clone(),
                    message,
                });
            }
        }
    }
    for (b, touch) in &blocks {
        stats.clusters_changed += recluster(db, b, touch)?;
    }
    collect_orphans(db, &orphans)?;
    Ok(())
}

/// A record's participants as the eight flat text columns of the events table and of the
/// lake: actor name (canonical, else as written), code, country, sector, then the same for
/// the recipient; several participants are joined with `; `.
pub(crate) fn participant_columns(ev: &EventRecord) -> [Option<String>; 8] {
    [
        join(&ev.actor, display),
        join(&ev.actor, |p| p.code.as_deref()),
        join(&ev.actor, |p| p.country.as_deref()),
        join(&ev.actor, |p| p.sector.as_deref()),
        join(&ev.recipient, display),
        join(&ev.recipient, |p| p.code.as_deref()),
        join(&ev.recipient, |p| p.country.as_deref()),
        join(&ev.recipient, |p| p.sector.as_deref()),
    ]
}

fn join<'a>(
    ps: &'a [Participant],
    f: impl Fn(&'a Participant) -> Option<&'a str>,
) -> Option<String> {
    let mut v: Vec<&str> = Vec::new();
    for p in ps {
        if let Some(s) = f(p).map(str::trim).filter(|s| !s.is_empty())
            && !v.contains(&s)
        {
            v.push(s);
        }
    }
    if v.is_empty() {
        None
    } else {
        Some(v.join("; "))
    }
}

fn display(p: &Participant) -> Option<&str> {
    p.name
        .as_deref()
        .filter(|s| !s.trim().is_empty())
        .or(Some(p.text.as_str()))
}

/// Deletes a stored document's events and everything hanging off them.
fn delete_events(
    db: &Db,
    doc: i64,
    blocks: &mut Touched,
    orphans: &mut Orphans,
) -> Result<usize, DbError> {
    let mut old = Vec::new();
    for r in db.rows(
        "SELECT rowid, block, place, date_lo, date_hi, cluster FROM events WHERE doc = ?1",
        vals![doc],
    )? {
        let t = blocks.entry(r.text(1)?).or_default();
        t.intervals
            .push((parse_lo(&r.text(3)?), parse_hi(&r.text(4)?)));
        t.old_clusters.extend(r.opt_int(5)?);
        if let Some(p) = r.opt_int(2)? {
            orphans.places.insert(p);
        }
        old.push(r.int(0)?);
    }
    for &e in &old {
        for a in db.rows(
            "SELECT actor FROM participants WHERE event = ?1 AND actor IS NOT NULL",
            vals![e],
        )? {
            orphans.actors.insert(a.int(0)?);
        }
        db.exec("DELETE FROM mentions WHERE event = ?1", vals![e])?;
        db.exec("DELETE FROM participants WHERE event = ?1", vals![e])?;
        db.exec("DELETE FROM dyads WHERE event = ?1", vals![e])?;
        db.exec("DELETE FROM events WHERE rowid = ?1", vals![e])?;
    }
    Ok(old.len())
}

/// The row id of the entity or place with this key, inserting it (by `insert`, a statement
/// ending in `RETURNING rowid`) when new.
fn upsert_key(
    db: &Db,
    table: &str,
    key: &str,
    insert: &str,
    values: &[crate::db::Val],
) -> Result<i64, DbError> {
    let sql = format!("SELECT rowid FROM {table} WHERE key = ?1");
    if let Some(r) = db.one(&sql, vals![key])? {
        return r.int(0);
    }
    inserted_id(db, insert, values)
}

/// Runs an `INSERT … RETURNING rowid` and returns the new row id.
fn inserted_id(db: &Db, sql: &str, values: &[crate::db::Val]) -> Result<i64, DbError> {
    match db.one(sql, values)? {
        Some(r) => r.int(0),
        None => Err(DbError::Type {
            col: 0,
            want: "the id of the inserted row",
            got: "no row".into(),
        }),
    }
}

fn write_doc(
    db: &Db,
    doc: &Document,
    hash: &str,
    events: &[EventRecord],
    blocks: &mut Touched,
    orphans: &mut Orphans,
) -> Result<(bool, usize), DbError> {
    let report = dates::iso(doc.date);
    let existing = db
        .one("SELECT rowid FROM documents WHERE id = ?1", vals![&doc.id])?
        .map(|r| r.int(0))
        .transpose()?;
    let m = &doc.meta;
    let (rowid, deleted) = match existing {
        Some(rowid) => {
            let deleted = delete_events(db, rowid, blocks, orphans)?;
            db.exec(
                "UPDATE documents SET report_date = ?2, source = ?3, url = ?4, title = ?5, language = ?6, \
                 text = ?7, content_hash = ?8 WHERE rowid = ?1",
                vals![rowid, report.as_str(), &m.source, &m.url, &m.title, &m.language, doc.text.as_str(), hash],
            )?;
            (rowid, deleted)
        }
        None => (
            inserted_id(
                db,
                "INSERT INTO documents (id, report_date, source, url, title, language, text, content_hash) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) RETURNING rowid",
                vals![
                    &doc.id,
                    report.as_str(),
                    &m.source,
                    &m.url,
                    &m.title,
                    &m.language,
                    doc.text.as_str(),
                    hash
                ],
            )?,
            0,
        ),
    };
    for ev in events {
        insert_event(db, rowid, doc, &report, ev, blocks)?;
    }
    Ok((existing.is_some(), deleted))
}

fn insert_event(
    db: &Db,
    doc_rowid: i64,
    doc: &Document,
    report: &str,
    ev: &EventRecord,
    blocks: &mut Touched,
) -> Result<(), DbError> {
    let iv = interval(&ev.date.value, doc.date);
    let event_date = dates::iso(iv.effective(doc.date));
    let block = keys::block(&ev.actor, &ev.recipient, &ev.event, ev.status);
    let (place, place_key) = match &ev.location {
        Some(l) => {
            let key = keys::place_row_key(l);
            let id = upsert_key(
                db,
                "places",
                &key,
                "INSERT INTO places (key, name, country, admin1, lat, lon, geonames_id) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) RETURNING rowid",
                vals![
                    key.as_str(),
                    l.name.as_deref().unwrap_or(&l.text),
                    &l.country,
                    &l.admin1,
                    l.lat,
                    l.lon,
                    l.geonames_id.map(|g| g as i64)
                ],
            )?;
            (Some(id), Some(keys::place_key(l)))
        }
        None => (None, None),
    };
    let record = serde_json::to_string(ev).map_err(|e| DbError::Encode(e.to_string()))?;
    let context = serde_json::to_string(&ev.context).unwrap_or_else(|_| "[]".into());
    let [
        actor_name,
        actor_code,
        actor_country,
        actor_sector,
        recipient_name,
        recipient_code,
        recipient_country,
        recipient_sector,
    ] = participant_columns(ev);
    let event = inserted_id(
        db,
        "INSERT INTO events (id, doc, sentence, event, mode, context, status, cameo, goldstein, quad_class, \
         plover_score, trigger, date_value, date_precision, date_from, date_lo, date_hi, event_date, report_date, \
         actor_name, actor_code, actor_country, actor_sector, recipient_name, recipient_code, recipient_country, \
         recipient_sector, place, place_key, block, n_mentions, record) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, \
         ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?26, ?27, ?28, ?29, ?30, \
         ?31, ?32) RETURNING rowid",
        vals![
            &ev.id,
            doc_rowid,
            ev.sentence as i64,
            ev.event.as_str(),
            &ev.mode,
            context,
            keys::status_str(ev.status),
            ev.cameo.as_str(),
            ev.goldstein as f64,
            ev.quad_class as i64,
            ev.plover_score as f64,
            ev.trigger.text.as_str(),
            ev.date.value.as_str(),
            keys::precision_str(ev.date.precision),
            match ev.date.from {
                dyad_core::DateFrom::Text => "text",
                dyad_core::DateFrom::Report => "report",
            },
            dates::iso(iv.lo),
            dates::iso(iv.hi),
            event_date.as_str(),
            report,
            actor_name,
            actor_code,
            actor_country,
            actor_sector,
            recipient_name,
            recipient_code,
            recipient_country,
            recipient_sector,
            place,
            place_key,
            block.as_str(),
            ev.mentions.len().max(1) as i64,
            record,
        ],
    )?;
    blocks
        .entry(block)
        .or_default()
        .intervals
        .push((iv.lo, iv.hi));
    for (ord, m) in ev.mentions.iter().enumerate() {
        db.exec(
            "INSERT INTO mentions (event, ord, sentence, start, \"end\") VALUES (?1, ?2, ?3, ?4, ?5)",
            vals![event, ord, m.sentence as i64, m.span.start as i64, m.span.end as i64],
        )?;
    }
    let mut sides: [Vec<i64>; 2] = [Vec::new(), Vec::new()];
    for (role, ps) in [&ev.actor, &ev.recipient].into_iter().enumerate() {
        for (ord, p) in ps.iter().enumerate() {
            let actor = match keys::actor_key(p) {
                Some(key) => Some(upsert_key(
                    db,
                    "actors",
                    &key,
                    "INSERT INTO actors (key, name, country, sector, code) VALUES (?1, ?2, ?3, ?4, ?5) \
                     RETURNING rowid",
                    vals![key.as_str(), &p.name, &p.country, &p.sector, &p.code],
                )?),
                None => None,
            };
            sides[role].push(actor.unwrap_or(0));
            db.exec(
                "INSERT INTO participants (event, role, ord, actor, text, start, \"end\") \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                vals![
                    event,
                    role,
                    ord,
                    actor,
                    p.text.as_str(),
                    p.span.start as i64,
                    p.span.end as i64
                ],
            )?;
        }
    }
    // 0 stands for "none": an event without recipient still has its actor's pairs.
    for side in &mut sides {
        side.sort_unstable();
        side.dedup();
        if side.is_empty() {
            side.push(0);
        }
    }
    for &a in &sides[0] {
        for &r in &sides[1] {
            db.exec(
                "INSERT INTO dyads (actor, recipient, event_date, event) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT DO NOTHING",
                vals![a, r, event_date.as_str(), event],
            )?;
        }
    }
    Ok(())
}

#[derive(Clone, Debug, PartialEq)]
struct ClusterRow {
    anchor: String,
    event_date: String,
    n_reports: i64,
    n_documents: i64,
    n_mentions: i64,
    n_sources: i64,
    first_report: String,
    last_report: String,
    rep_event: String,
}

impl ClusterRow {
    /// `first` followed by the row's columns in schema order (anchor … rep_event), as the
    /// UPDATE (`first` = the row id) and the INSERT (`first` = key and block) bind them.
    fn values<const N: usize>(&self, first: [crate::db::Val; N]) -> Vec<crate::db::Val> {
        let mut v = first.to_vec();
        v.extend([
            self.anchor.as_str().into(),
            self.event_date.as_str().into(),
            self.n_reports.into(),
            self.n_documents.into(),
            self.n_mentions.into(),
            self.n_sources.into(),
            self.first_report.as_str().into(),
            self.last_report.as_str().into(),
            self.rep_event.as_str().into(),
        ]);
        v
    }

    /// Columns 1..=9 of `SELECT <id>, anchor, event_date, n_reports, n_documents, n_mentions,
    /// n_sources, first_report, last_report, rep_event FROM clusters`.
    fn from_row(r: &Row) -> Result<ClusterRow, DbError> {
        Ok(ClusterRow {
            anchor: r.text(1)?,
            event_date: r.text(2)?,
            n_reports: r.int(3)?,
            n_documents: r.int(4)?,
            n_mentions: r.int(5)?,
            n_sources: r.int(6)?,
            first_report: r.text(7)?,
            last_report: r.text(8)?,
            rep_event: r.text(9)?,
        })
    }
}

struct Member {
    rowid: i64,
    id: String,
    cluster: Option<i64>,
    item: Item,
    event_date: String,
    report_date: String,
    doc: String,
    source: Option<String>,
    n_mentions: i64,
}

fn parse_lo(s: &str) -> Date {
    dates::parse_iso(s).unwrap_or(Date::MIN)
}

fn parse_hi(s: &str) -> Date {
    dates::parse_iso(s).unwrap_or(Date::MAX)
}

fn meets(a: (Date, Date), b: (Date, Date)) -> bool {
    a.0 <= b.1 && b.0 <= a.1
}

/// Re-evaluates the clusters of one block around what a batch changed, and writes only the
/// clusters and assignments that differ; returns how many clusters it created, changed or
/// removed.
///
/// The anchor of a report depends only on reports whose intervals meet its own, so the
/// reports meeting a touched interval (`near`) are re-anchored from the reports meeting
/// their hull (`wide`); every other report keeps its stored cluster. Every member of a
/// cluster meets the cluster's day or interval, so all members of the clusters involved are
/// in `wide`, and their statistics are complete.
fn recluster(db: &Db, block: &str, touch: &Touch) -> Result<usize, DbError> {
    // The block's reports in one statement (one round trip to a database server), not
    // one per report: PostgreSQL would otherwise pay a network round trip per member.
    let mut all: Vec<Member> = Vec::new();
    for r in db.rows(
        "SELECT e.rowid, e.id, e.cluster, e.place_key, e.event_date, e.report_date, \
         d.id, d.source, e.n_mentions, e.date_lo, e.date_hi FROM events e \
         JOIN documents d ON d.rowid = e.doc WHERE e.block = ?1 ORDER BY e.rowid",
        vals![block],
    )? {
        all.push(Member {
            rowid: r.int(0)?,
            id: r.text(1)?,
            cluster: r.opt_int(2)?,
            item: Item {
                lo: parse_lo(&r.text(9)?),
                hi: parse_hi(&r.text(10)?),
                place: r.opt_text(3)?,
            },
            event_date: r.text(4)?,
            report_date: r.text(5)?,
            doc: r.text(6)?,
            source: r.opt_text(7)?,
            n_mentions: r.int(8)?,
        });
    }
    let iv = |m: &Member| (m.item.lo, m.item.hi);
    let near: BTreeSet<i64> = all
        .iter()
        .filter(|m| touch.intervals.iter().any(|t| meets(iv(m), *t)))
        .map(|m| m.rowid)
        .collect();
    let hull = all
        .iter()
        .filter(|m| near.contains(&m.rowid))
        .map(iv)
        .chain(touch.intervals.iter().copied())
        .reduce(|a, b| (a.0.min(b.0), a.1.max(b.1)));
    let members: Vec<Member> = match hull {
        Some(hull) => all.into_iter().filter(|m| meets(iv(m), hull)).collect(),
        None => Vec::new(),
    };
    let items: Vec<Item> = members.iter().map(|m| m.item.clone()).collect();
    let anchors = anchors(&items);
    // Stored clusters involved: those of re-anchored reports and of removed ones.
    let mut old_ids: BTreeSet<i64> = touch.old_clusters.clone();
    old_ids.extend(
        members
            .iter()
            .filter(|m| near.contains(&m.rowid))
            .filter_map(|m| m.cluster),
    );
    // Keys of every stored cluster in `wide`, to count the members that keep theirs.
    let lookup: BTreeSet<i64> = old_ids
        .iter()
        .copied()
        .chain(members.iter().filter_map(|m| m.cluster))
        .collect();
    let mut by_id: BTreeMap<i64, (String, ClusterRow)> = BTreeMap::new();
    for &id in &lookup {
        if let Some(r) = db.one(
            "SELECT key, anchor, event_date, n_reports, n_documents, n_mentions, n_sources, \
             first_report, last_report, rep_event FROM clusters WHERE rowid = ?1",
            vals![id],
        )? {
            by_id.insert(id, (r.text(0)?, ClusterRow::from_row(&r)?));
        }
    }
    let key_of_id: BTreeMap<i64, String> =
        by_id.iter().map(|(id, (k, _))| (*id, k.clone())).collect();
    // Final cluster key of every report in `wide`: new for `near`, stored for the rest.
    let mut groups: BTreeMap<String, (String, Vec<&Member>)> = BTreeMap::new();
    let mut new_key: Vec<Option<String>> = Vec::with_capacity(members.len());
    for (m, a) in members.iter().zip(&anchors) {
        if near.contains(&m.rowid) {
            let k = keys::short(&[block, a]);
            groups
                .entry(k.clone())
                .or_insert_with(|| (a.clone(), Vec::new()))
                .1
                .push(m);
            new_key.push(Some(k));
        } else {
            if let Some(k) = m.cluster.and_then(|c| key_of_id.get(&c)) {
                let anchor = by_id[&m.cluster.unwrap_or_default()].1.anchor.clone();
                groups
                    .entry(k.clone())
                    .or_insert_with(|| (anchor, Vec::new()))
                    .1
                    .push(m);
            }
            new_key.push(None);
        }
    }
    // Only clusters some re-anchored report joins or left are rewritten.
    let mut involved: BTreeSet<String> = old_ids
        .iter()
        .filter_map(|id| key_of_id.get(id))
        .cloned()
        .collect();
    involved.extend(new_key.iter().flatten().cloned());
    let mut existing: BTreeMap<String, (i64, ClusterRow)> = BTreeMap::new();
    for k in &involved {
        if let Some(r) = db.one(
            "SELECT rowid, anchor, event_date, n_reports, n_documents, n_mentions, n_sources, \
             first_report, last_report, rep_event FROM clusters WHERE key = ?1",
            vals![k],
        )? {
            existing.insert(k.clone(), (r.int(0)?, ClusterRow::from_row(&r)?));
        }
    }
    let mut changed = 0;
    let mut ids: BTreeMap<String, i64> = BTreeMap::new();
    for key in &involved {
        let Some((anchor, ms)) = groups.get(key) else {
            continue;
        };
        let row = summarise(anchor, ms);
        let id = match existing.remove(key) {
            Some((id, old)) if old == row => id,
            Some((id, _)) => {
                changed += 1;
                db.exec(
                    "UPDATE clusters SET anchor = ?2, event_date = ?3, n_reports = ?4, \
                     n_documents = ?5, n_mentions = ?6, n_sources = ?7, first_report = ?8, \
                     last_report = ?9, rep_event = ?10 WHERE rowid = ?1",
                    &row.values([id.into()]),
                )?;
                id
            }
            None => {
                changed += 1;
                inserted_id(
                    db,
                    "INSERT INTO clusters (key, block, anchor, event_date, n_reports, n_documents, \
                     n_mentions, n_sources, first_report, last_report, rep_event) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11) RETURNING rowid",
                    &row.values([key.into(), block.into()]),
                )?
            }
        };
        ids.insert(key.clone(), id);
    }
    for (m, k) in members.iter().zip(&new_key) {
        if let Some(k) = k
            && m.cluster != Some(ids[k])
        {
            db.exec(
                "UPDATE events SET cluster = ?2 WHERE rowid = ?1",
                vals![m.rowid, ids[k]],
            )?;
        }
    }
    // Clusters left without members go last: no event points at them any more.
    for (id, _) in existing.values() {
        changed += 1;
        db.exec("DELETE FROM clusters WHERE rowid = ?1", vals![*id])?;
    }
    Ok(changed)
}

fn summarise(anchor: &str, ms: &[&Member]) -> ClusterRow {
    // An exact cluster is dated by its day, not by the first day of a coarse report in it.
    let days: Vec<&str> = ms
        .iter()
        .filter(|m| m.item.lo == m.item.hi)
        .map(|m| m.event_date.as_str())
        .collect();
    let event_date = match days.iter().min() {
        Some(d) => d.to_string(),
        None => ms
            .iter()
            .map(|m| m.event_date.as_str())
            .min()
            .unwrap_or("")
            .to_string(),
    };
    let docs: BTreeSet<&str> = ms.iter().map(|m| m.doc.as_str()).collect();
    let sources: BTreeSet<String> = ms
        .iter()
        .map(|m| m.source.clone().unwrap_or_else(|| format!("doc:{}", m.doc)))
        .collect();
    let rep = ms
        .iter()
        .min_by(|a, b| (&a.report_date, &a.doc, &a.id).cmp(&(&b.report_date, &b.doc, &b.id)))
        .map(|m| m.id.clone())
        .unwrap_or_default();
    ClusterRow {
        anchor: anchor.to_string(),
        event_date,
        n_reports: ms.len() as i64,
        n_documents: docs.len() as i64,
        n_mentions: ms.iter().map(|m| m.n_mentions).sum(),
        n_sources: sources.len() as i64,
        first_report: ms
            .iter()
            .map(|m| m.report_date.as_str())
            .min()
            .unwrap_or("")
            .to_string(),
        last_report: ms
            .iter()
            .map(|m| m.report_date.as_str())
            .max()
            .unwrap_or("")
            .to_string(),
        rep_event: rep,
    }
}

fn collect_orphans(db: &Db, o: &Orphans) -> Result<(), DbError> {
    for &a in &o.actors {
        db.exec(
            "DELETE FROM actors WHERE rowid = ?1 AND NOT EXISTS (SELECT 1 FROM participants WHERE actor = ?1)",
            vals![a],
        )?;
    }
    for &p in &o.places {
        db.exec(
            "DELETE FROM places WHERE rowid = ?1 AND NOT EXISTS (SELECT 1 FROM events WHERE place = ?1)",
            vals![p],
        )?;
    }
    Ok(())
}
