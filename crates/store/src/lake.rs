//! The Parquet lake: coded documents written straight from queue workers into
//! date-partitioned files that DuckDB, Spark, Trino or pandas read without dyad.
//!
//! Layout: `DIR/events/date=YYYY-MM-DD/part-<batch id>.parquet`, partitioned by the report
//! date (the day a feed delivers, so one day's articles land in one folder and a backfill
//! of a day can be replaced by removing the folder), one row per event report, in the
//! columns of `dyad export --format parquet` (EXPORT.md). The batch id is a function of the
//! batch's documents and their content, so a batch redelivered after a crash rewrites the
//! same files instead of adding copies; each file is written under a temporary name and
//! renamed, so a reader never sees half a file.
//!
//! Cross-report clusters need every report of a happening, which no single batch has: the
//! cluster columns of the lake hold each report on its own (`cluster_id` empty, counts 1).
//! Cluster in the database (`--sink postgres://…`), or deduplicate in the query engine.
use crate::dates::{self, interval};
use crate::error::StoreError;
use crate::export::ParquetFile;
use crate::keys;
use crate::query::EventRow;
use crate::write::participant_columns;
use dyad_core::{Document, EventRecord};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What one lake write did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LakeStats {
    /// Event rows written.
    pub rows: u64,
    /// Files written (one per report date in the batch).
    pub files: Vec<PathBuf>,
}

/// One event report as a flat row, without cluster figures.
fn report_row(doc: &Document, ev: &EventRecord) -> EventRow {
    let report = dates::iso(doc.date);
    let iv = interval(&ev.date.value, doc.date);
    let loc = ev.location.as_ref();
    let [
        actor,
        actor_code,
        actor_country,
        actor_sector,
        recipient,
        recipient_code,
        recipient_country,
        recipient_sector,
    ] = participant_columns(ev);
    EventRow {
        event_id: ev.id.clone(),
        cluster_id: String::new(),
        event_date: dates::iso(iv.effective(doc.date)),
        date_value: ev.date.value.clone(),
        date_precision: keys::precision_str(ev.date.precision).to_string(),
        report_date: report.clone(),
        doc_id: doc.id.clone(),
        source: doc.meta.source.clone(),
        url: doc.meta.url.clone(),
        title: doc.meta.title.clone(),
        event: ev.event.clone(),
        mode: ev.mode.clone(),
        context: (!ev.context.is_empty()).then(|| ev.context.join(";")),
        status: keys::status_str(ev.status).to_string(),
        cameo: ev.cameo.clone(),
        quad_class: ev.quad_class.into(),
        goldstein: ev.goldstein.into(),
        plover_score: ev.plover_score.into(),
        actor,
        actor_code,
        actor_country,
        actor_sector,
        recipient,
        recipient_code,
        recipient_country,
        recipient_sector,
        place: loc.map(|l| l.name.clone().unwrap_or_else(|| l.text.clone())),
        place_country: loc.and_then(|l| l.country.clone()),
        admin1: loc.and_then(|l| l.admin1.clone()),
        lat: loc.and_then(|l| l.lat),
        lon: loc.and_then(|l| l.lon),
        geonames_id: loc.and_then(|l| l.geonames_id).map(|g| g as i64),
        trigger: ev.trigger.text.clone(),
        sentence: ev.sentence.into(),
        n_reports: 1,
        n_documents: 1,
        n_mentions: ev.mentions.len().max(1) as i64,
        n_sources: 1,
        first_report: report.clone(),
        last_report: report,
        record: None,
    }
}

/// Writes one batch into the lake under `dir`; see the module documentation. `batch_id`
/// must be a function of the batch's content (letters, digits, `-` and `_` only).
pub fn write_batch(
    dir: &Path,
    batch_id: &str,
    docs: &[(Document, Vec<EventRecord>)],
) -> Result<LakeStats, StoreError> {
    if batch_id.is_empty()
        || !batch_id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return Err(StoreError::Query(format!(
            "lake batch id {batch_id:?}: use letters, digits, '-' and '_'"
        )));
    }
    let mut by_date: BTreeMap<String, Vec<EventRow>> = BTreeMap::new();
    for (doc, events) in docs {
        for ev in events {
            by_date
                .entry(dates::iso(doc.date))
                .or_default()
                .push(report_row(doc, ev));
        }
    }
    let mut stats = LakeStats::default();
    for (date, mut rows) in by_date {
        rows.sort_by(|a, b| a.event_id.cmp(&b.event_id));
        let part = dir.join("events").join(format!("date={date}"));
        std::fs::create_dir_all(&part).map_err(|e| StoreError::Io {
            path: part.clone(),
            source: e,
        })?;
        let path = part.join(format!("part-{batch_id}.parquet"));
        let tmp = part.join(format!(".part-{batch_id}.parquet.tmp"));
        let mut file = ParquetFile::create(&tmp)?;
        for r in &rows {
            file.push(r)?;
        }
        file.close()?;
        std::fs::rename(&tmp, &path).map_err(|e| StoreError::Io {
            path: path.clone(),
            source: e,
        })?;
        stats.rows += rows.len() as u64;
        stats.files.push(path);
    }
    Ok(stats)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth;

    #[test]
    fn a_redelivered_batch_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let docs = synth::batch(0, 30, 2);
        let a = write_batch(dir.path(), "b1", &docs).unwrap();
        assert_eq!(a.rows, 60);
        let b = write_batch(dir.path(), "b1", &docs).unwrap();
        assert_eq!(a, b);
        let mut files = Vec::new();
        for d in std::fs::read_dir(dir.path().join("events")).unwrap() {
            let d = d.unwrap();
            assert!(d.file_name().to_string_lossy().starts_with("date="));
            for f in std::fs::read_dir(d.path()).unwrap() {
                files.push(f.unwrap().file_name().to_string_lossy().into_owned());
            }
        }
        assert_eq!(files.len(), a.files.len());
        assert!(files.iter().all(|f| f == "part-b1.parquet"), "{files:?}");
        assert!(write_batch(dir.path(), "../x", &docs).is_err());
    }
}
