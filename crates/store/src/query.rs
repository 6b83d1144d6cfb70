use crate::dates;
use crate::db::{DbError, Dialect, EachError, Row, Val, vals};
use crate::error::StoreError;
use crate::store::Store;
use jiff::civil::Date;
use serde::Serialize;
use std::collections::BTreeMap;

/// Filters of `dyad query`, `dyad timeline` and `dyad export`. Empty fields do not filter;
/// all given filters must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Query {
    /// Actor: a canonical name (any case), an actor code or its prefix of 3+ letters
    /// (`USA` matches `USAGOV`), or a country code.
    pub actor: Option<String>,
    /// Recipient, matched like `actor`.
    pub recipient: Option<String>,
    /// Either direction between two actors: A acts on B or B on A.
    pub dyad: Option<(String, String)>,
    /// PLOVER category (`CONSULT`), any case.
    pub event: Option<String>,
    /// CAMEO code or prefix (`04` matches `040`…`049`).
    pub cameo: Option<String>,
    /// Country (ISO alpha-3) where the event happened or of any participant.
    pub country: Option<String>,
    /// First event date, inclusive.
    pub from: Option<Date>,
    /// Last event date, inclusive.
    pub to: Option<Date>,
    /// SQLite FTS5 expression over document titles and texts (`ceasefire AND gaza`).
    pub text: Option<String>,
    /// Only events whose cluster is reported by at least this many distinct sources.
    pub min_sources: Option<u32>,
    /// At most this many rows.
    pub limit: Option<usize>,
    /// One row per cluster (its earliest report) instead of one per report.
    pub dedup: bool,
}

/// One event report with its document and cluster: the row of queries and flat exports.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRow {
    /// Event record id.
    pub event_id: String,
    /// Cluster key: equal for reports of the same happening.
    pub cluster_id: String,
    /// The event's day (first day of a coarser date; the report date when unbounded).
    pub event_date: String,
    /// The event date as coded (`2026-02`, `PAST_REF`).
    pub date_value: String,
    /// Its precision (`day`, `month` …).
    pub date_precision: String,
    /// Report date of the document.
    pub report_date: String,
    /// Document id.
    pub doc_id: String,
    /// Outlet.
    pub source: Option<String>,
    /// Article address.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// PLOVER category.
    pub event: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// PLOVER contexts, `;`-separated.
    pub context: Option<String>,
    /// `asserted`, `planned`, `negated` or `hypothetical`.
    pub status: String,
    /// CAMEO code.
    pub cameo: String,
    /// Quad class 1–4.
    pub quad_class: i64,
    /// Goldstein score.
    pub goldstein: f64,
    /// PLOVER score.
    pub plover_score: f64,
    /// Actors (canonical names, or words as written), `; `-separated.
    pub actor: Option<String>,
    /// Actor codes.
    pub actor_code: Option<String>,
    /// Actor countries.
    pub actor_country: Option<String>,
    /// Actor sectors.
    pub actor_sector: Option<String>,
    /// Recipients.
    pub recipient: Option<String>,
    /// Recipient codes.
    pub recipient_code: Option<String>,
    /// Recipient countries.
    pub recipient_country: Option<String>,
    /// Recipient sectors.
    pub recipient_sector: Option<String>,
    /// Place name.
    pub place: Option<String>,
    /// Place country.
    pub place_country: Option<String>,
    /// Place first-level division.
    pub admin1: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// GeoNames id.
    pub geonames_id: Option<i64>,
    /// Trigger words.
    pub trigger: String,
    /// Sentence index.
    pub sentence: i64,
    /// Reports in the cluster.
    pub n_reports: i64,
    /// Documents in the cluster.
    pub n_documents: i64,
    /// Mentions in the cluster (every place in every document that reports it).
    pub n_mentions: i64,
    /// Distinct sources in the cluster (a document without source counts as its own).
    pub n_sources: i64,
    /// Earliest report date in the cluster.
    pub first_report: String,
    /// Latest report date in the cluster.
    pub last_report: String,
    /// The stored record as JSON, filled only for PLOVER export.
    #[serde(skip)]
    pub(crate) record: Option<String>,
}

/// Timeline period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    /// ISO weeks (`2026-W09`).
    Week,
    /// Calendar months (`2026-02`).
    Month,
}

impl std::str::FromStr for Period {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Period, StoreError> {
        match s {
            "week" => Ok(Period::Week),
            "month" => Ok(Period::Month),
            _ => Err(StoreError::Query(format!(
                "period must be week or month, not {s:?}"
            ))),
        }
    }
}

/// Events of one period, by quad class, with summed scores.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct TimelineRow {
    /// `2026-W09` or `2026-02`.
    pub period: String,
    /// All events.
    pub events: u64,
    /// Verbal cooperation (quad class 1).
    pub verbal_coop: u64,
    /// Material cooperation (2).
    pub material_coop: u64,
    /// Verbal conflict (3).
    pub verbal_conflict: u64,
    /// Material conflict (4).
    pub material_conflict: u64,
    /// Sum of Goldstein scores.
    pub goldstein: f64,
    /// Sum of PLOVER scores.
    pub plover: f64,
}

pub(crate) const COLUMNS: &str = "e.id, c.key, e.event_date, e.date_value, e.date_precision, e.report_date, d.id, \
    d.source, d.url, d.title, e.event, e.mode, e.context, e.status, e.cameo, e.quad_class, e.goldstein, \
    e.plover_score, e.actor_name, e.actor_code, e.actor_country, e.actor_sector, e.recipient_name, \
    e.recipient_code, e.recipient_country, e.recipient_sector, p.name, p.country, p.admin1, p.lat, p.lon, p.geonames_id, e.trigger, e.sentence, \
    c.n_reports, c.n_documents, c.n_mentions, c.n_sources, c.first_report, c.last_report";

/// Row order of a query.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Order {
    /// Newest event first (queries).
    EventDesc,
    /// By report date, then event id (partitioned exports, stable dumps).
    Report,
}

fn context(json: String) -> Option<String> {
    let v: Vec<String> = serde_json::from_str(&json).unwrap_or_default();
    if v.is_empty() {
        None
    } else {
        Some(v.join(";"))
    }
}

fn row(r: &Row, with_record: bool) -> Result<EventRow, DbError> {
    Ok(EventRow {
        event_id: r.text(0)?,
        cluster_id: r.opt_text(1)?.unwrap_or_default(),
        event_date: r.text(2)?,
        date_value: r.text(3)?,
        date_precision: r.text(4)?,
        report_date: r.text(5)?,
        doc_id: r.text(6)?,
        source: r.opt_text(7)?,
        url: r.opt_text(8)?,
        title: r.opt_text(9)?,
        event: r.text(10)?,
        mode: r.opt_text(11)?,
        context: context(r.text(12)?),
        status: r.text(13)?,
        cameo: r.text(14)?,
        quad_class: r.int(15)?,
        goldstein: r.real(16)?,
        plover_score: r.real(17)?,
        actor: r.opt_text(18)?,
        actor_code: r.opt_text(19)?,
        actor_country: r.opt_text(20)?,
        actor_sector: r.opt_text(21)?,
        recipient: r.opt_text(22)?,
        recipient_code: r.opt_text(23)?,
        recipient_country: r.opt_text(24)?,
        recipient_sector: r.opt_text(25)?,
        place: r.opt_text(26)?,
        place_country: r.opt_text(27)?,
        admin1: r.opt_text(28)?,
        lat: r.opt_real(29)?,
        lon: r.opt_real(30)?,
        geonames_id: r.opt_int(31)?,
        trigger: r.text(32)?,
        sentence: r.int(33)?,
        n_reports: r.opt_int(34)?.unwrap_or(1),
        n_documents: r.opt_int(35)?.unwrap_or(1),
        n_mentions: r.opt_int(36)?.unwrap_or(1),
        n_sources: r.opt_int(37)?.unwrap_or(1),
        first_report: r.opt_text(38)?.unwrap_or_default(),
        last_report: r.opt_text(39)?.unwrap_or_default(),
        record: if with_record { r.opt_text(40)? } else { None },
    })
}

/// Where date bounds go in a dyads scan.
const DATES: &str = "{DATES}";

fn id_list(ids: &[i64]) -> String {
    ids.iter().map(i64::to_string).collect::<Vec<_>>().join(",")
}

impl Store {
    /// Actor rows a filter string names (see [`Query::actor`]).
    fn resolve_actor(&self, s: &str) -> Result<Vec<i64>, StoreError> {
        let s = s.trim();
        let rows = self
            .db
            .rows(
                "SELECT rowid FROM actors WHERE lower(name) = lower(?1) OR upper(code) = upper(?1) \
                 OR upper(country) = upper(?1) \
                 OR (length(?1) >= 3 AND upper(substr(code, 1, length(?1))) = upper(?1)) ORDER BY rowid",
                vals![s],
            )
            .map_err(|e| self.err(e))?;
        rows.iter()
            .map(|r| r.int(0))
            .collect::<Result<Vec<i64>, _>>()
            .map_err(|e| self.err(e))
    }

    /// Builds the SQL and parameters of a query, or `None` when a participant filter names
    /// nobody in the store (so nothing can match).
    fn plan(
        &self,
        q: &Query,
        with_record: bool,
        order: Order,
    ) -> Result<Option<(String, Vec<Val>)>, StoreError> {
        let mut from_dyads: Vec<String> = Vec::new();
        let resolve = |s: &str| self.resolve_actor(s);
        match (&q.actor, &q.recipient) {
            (None, None) => {}
            (a, r) => {
                let mut cond = Vec::new();
                if let Some(a) = a {
                    let ids = resolve(a)?;
                    if ids.is_empty() {
                        return Ok(None);
                    }
                    cond.push(format!("actor IN ({})", id_list(&ids)));
                }
                if let Some(r) = r {
                    let ids = resolve(r)?;
                    if ids.is_empty() {
                        return Ok(None);
                    }
                    cond.push(format!("recipient IN ({})", id_list(&ids)));
                }
                from_dyads.push(format!(
                    "SELECT event, event_date FROM dyads WHERE {}{DATES}",
                    cond.join(" AND ")
                ));
            }
        }
        if let Some((a, b)) = &q.dyad {
            let (a, b) = (resolve(a)?, resolve(b)?);
            if a.is_empty() || b.is_empty() {
                return Ok(None);
            }
            let (a, b) = (id_list(&a), id_list(&b));
            from_dyads.push(format!(
                "SELECT event, event_date FROM dyads WHERE actor IN ({a}) AND recipient IN ({b}){DATES} \
                 UNION SELECT event, event_date FROM dyads WHERE actor IN ({b}) AND recipient IN ({a}){DATES}"
            ));
        }
        // Date bounds go into the dyads scans too (dates are ISO text, safe to inline).
        let mut dates_cond = String::new();
        if let Some(d) = q.from {
            dates_cond.push_str(&format!(" AND event_date >= '{}'", dates::iso(d)));
        }
        if let Some(d) = q.to {
            dates_cond.push_str(&format!(" AND event_date <= '{}'", dates::iso(d)));
        }
        let sets = |cond: &str| -> String {
            from_dyads
                .iter()
                .map(|s| {
                    format!(
                        "SELECT event, event_date FROM ({}) AS y",
                        s.replace(DATES, cond)
                    )
                })
                .collect::<Vec<_>>()
                .join(" INTERSECT ")
        };
        // Newest-first with a limit and only participant and date filters: the n-th newest
        // date in the dyads index alone bounds the rows worth fetching, so a busy dyad does
        // not fetch and sort all its events.
        let only_dyads = q.event.is_none()
            && q.cameo.is_none()
            && q.country.is_none()
            && q.text.is_none()
            && q.min_sources.is_none()
            && !q.dedup;
        if let (false, true, Order::EventDesc, Some(n)) =
            (from_dyads.is_empty(), only_dyads, order, q.limit)
        {
            let sql = format!(
                "SELECT event_date FROM ({}) AS z ORDER BY event_date DESC LIMIT 1 OFFSET {}",
                sets(&dates_cond),
                n.saturating_sub(1)
            );
            let cutoff = self
                .db
                .one(&sql, &[])
                .and_then(|r| r.map(|r| r.text(0)).transpose())
                .map_err(|e| self.err(e))?;
            if let Some(c) = cutoff {
                dates_cond.push_str(&format!(" AND event_date >= '{}'", c.replace('\'', "")));
            }
        }
        let mut wh: Vec<String> = Vec::new();
        let mut params: Vec<Val> = Vec::new();
        let mut param = |v: Val| {
            params.push(v);
            format!("?{}", params.len())
        };
        if let Some(e) = &q.event {
            wh.push(format!(
                "e.event = {}",
                param(Val::Text(e.trim().to_uppercase()))
            ));
        }
        if let Some(c) = &q.cameo {
            let c = c.trim().to_string();
            let n = c.len();
            wh.push(format!("substr(e.cameo, 1, {n}) = {}", param(Val::Text(c))));
        }
        if let Some(c) = &q.country {
            let p = param(Val::Text(c.trim().to_uppercase()));
            wh.push(format!(
                "(upper(p.country) = {p} OR e.rowid IN (SELECT pa.event FROM participants pa JOIN actors a \
                 ON a.rowid = pa.actor WHERE upper(a.country) = {p}))"
            ));
        }
        if let Some(d) = q.from {
            wh.push(format!(
                "e.event_date >= {}",
                param(Val::Text(dates::iso(d)))
            ));
        }
        if let Some(d) = q.to {
            wh.push(format!(
                "e.event_date <= {}",
                param(Val::Text(dates::iso(d)))
            ));
        }
        if let Some(t) = &q.text {
            let p = param(Val::Text(t.clone()));
            wh.push(match self.db.dialect() {
                Dialect::Sqlite => format!(
                    "e.doc IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH {p})"
                ),
                // Web-search syntax reads FTS5's common forms alike: words (all required),
                // "quoted phrases", OR, and -word for NOT.
                Dialect::Postgres => format!(
                    "e.doc IN (SELECT rowid FROM documents WHERE fts @@ websearch_to_tsquery('english', {p}))"
                ),
            });
        }
        if let Some(n) = q.min_sources {
            wh.push(format!("c.n_sources >= {}", param(Val::Int(n as i64))));
        }
        if q.dedup {
            wh.push("c.rep_event = e.id".into());
        }
        let record = if with_record { ", e.record" } else { "" };
        // Participant filters drive the loop (CROSS JOIN fixes SQLite's join order): the
        // dyads index yields the few matching events, which are then fetched by rowid.
        // PostgreSQL plans the join order itself and knows no CROSS JOIN … ON.
        let from = if from_dyads.is_empty() {
            "events e".to_string()
        } else {
            let join = match self.db.dialect() {
                Dialect::Sqlite => "CROSS JOIN",
                Dialect::Postgres => "JOIN",
            };
            format!(
                "({}) AS x {join} events e ON e.rowid = x.event",
                sets(&dates_cond)
            )
        };
        let mut sql = format!(
            "SELECT {COLUMNS}{record} FROM {from} JOIN documents d ON d.rowid = e.doc \
             LEFT JOIN clusters c ON c.rowid = e.cluster LEFT JOIN places p ON p.rowid = e.place"
        );
        if !wh.is_empty() {
            sql.push_str(" WHERE ");
            sql.push_str(&wh.join(" AND "));
        }
        sql.push_str(match order {
            Order::EventDesc => " ORDER BY e.event_date DESC, e.id",
            Order::Report => " ORDER BY e.report_date, e.id",
        });
        if let Some(n) = q.limit {
            sql.push_str(&format!(" LIMIT {n}"));
        }
        Ok(Some((sql, params)))
    }

    /// Rows matching `q`, newest event first.
    pub fn query(&self, q: &Query) -> Result<Vec<EventRow>, StoreError> {
        let mut out = Vec::new();
        self.query_each(q, |r| {
            out.push(r);
            Ok(())
        })?;
        Ok(out)
    }

    /// Streams the rows matching `q`, newest event first, to `f`; stops at its first error.
    pub fn query_each(
        &self,
        q: &Query,
        f: impl FnMut(EventRow) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        self.each(q, false, Order::EventDesc, f)
    }

    pub(crate) fn each(
        &self,
        q: &Query,
        with_record: bool,
        order: Order,
        mut f: impl FnMut(EventRow) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let Some((sql, params)) = self.plan(q, with_record, order)? else {
            return Ok(());
        };
        let fts = |e: DbError| match &q.text {
            Some(t) => self.fts_error(t, e),
            None => self.err(e),
        };
        // Errors of the callback pass through untouched; the database's are classified.
        self.db
            .each(&sql, &params, |r| {
                let r = row(&r, with_record).map_err(EachError::Db)?;
                f(r).map_err(EachError::Out)
            })
            .map_err(|e| match e {
                EachError::Db(e) => fts(e),
                EachError::Out(e) => e,
            })
    }

    /// Per period, events by quad class and summed Goldstein and PLOVER scores, for the
    /// events matching `q` (for `dyad timeline A B`, set [`Query::dyad`]). Periods without
    /// events between the first and the last are included with zeros.
    pub fn timeline(&self, q: &Query, by: Period) -> Result<Vec<TimelineRow>, StoreError> {
        let q = Query {
            limit: None,
            ..q.clone()
        };
        let mut periods: BTreeMap<String, TimelineRow> = BTreeMap::new();
        let mut span: Option<(Date, Date)> = None;
        let label = |d: Date| match by {
            Period::Week => dates::iso_week(d),
            Period::Month => dates::month(d),
        };
        self.query_each(&q, |r| {
            let Some(d) = dates::parse_iso(&r.event_date) else {
                return Ok(());
            };
            span = Some(match span {
                None => (d, d),
                Some((lo, hi)) => (lo.min(d), hi.max(d)),
            });
            let t = periods.entry(label(d)).or_default();
            t.events += 1;
            match r.quad_class {
                1 => t.verbal_coop += 1,
                2 => t.material_coop += 1,
                3 => t.verbal_conflict += 1,
                4 => t.material_conflict += 1,
                _ => {}
            }
            t.goldstein += r.goldstein;
            t.plover += r.plover_score;
            Ok(())
        })?;
        if let Some((lo, hi)) = span {
            let step = match by {
                Period::Week => jiff::Span::new().weeks(1),
                Period::Month => jiff::Span::new().months(1),
            };
            let mut d = match by {
                Period::Week => lo,
                Period::Month => lo.first_of_month(),
            };
            while d <= hi {
                periods.entry(label(d)).or_default();
                match d.checked_add(step) {
                    Ok(n) => d = n,
                    Err(_) => break,
                }
            }
        }
        Ok(periods
            .into_iter()
            .map(|(period, mut t)| {
                t.period = period;
                t
            })
            .collect())
    }
}
