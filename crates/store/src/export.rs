//! Exports in the formats event-data users already read: PLOVER JSON Lines, CSV, a GDELT
//! 2.0 event-table-style TSV and Parquet. EXPORT.md documents every column.
use crate::error::StoreError;
use crate::format::{self, COLUMNS, Cell, Kind};
use crate::query::{EventRow, Order, Query};
use crate::store::Store;
use arrow_array::builder::{Date32Builder, Float64Builder, Int64Builder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;
use serde_json::{Value, json};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// Export format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// One PLOVER JSON record per line, with dyad's fields alongside.
    PloverJsonl,
    /// Flat query rows, RFC 4180, header row.
    Csv,
    /// GDELT 2.0 event table columns, tab-separated, no header, one row per cluster.
    GdeltTsv,
    /// Flat query rows in Parquet (snappy), optionally partitioned by report date.
    Parquet,
}

impl std::str::FromStr for ExportFormat {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<ExportFormat, StoreError> {
        match s {
            "plover-jsonl" => Ok(ExportFormat::PloverJsonl),
            "csv" => Ok(ExportFormat::Csv),
            "gdelt-tsv" => Ok(ExportFormat::GdeltTsv),
            "parquet" => Ok(ExportFormat::Parquet),
            _ => Err(StoreError::Query(format!(
                "export format must be plover-jsonl, csv, gdelt-tsv or parquet, not {s:?}"
            ))),
        }
    }
}

/// Writes the rows matching `q` to `path` in `format`. With `partition` (Parquet only) `path`
/// is a folder receiving `date=YYYY-MM-DD/part-0.parquet` per report date. Returns the
/// number of rows written. GDELT TSV always has one row per cluster.
pub fn export(
    store: &Store,
    q: &Query,
    format: ExportFormat,
    path: &Path,
    partition: bool,
) -> Result<u64, StoreError> {
    let io = |e: std::io::Error| StoreError::Io {
        path: path.to_path_buf(),
        source: e,
    };
    if partition && format != ExportFormat::Parquet {
        return Err(StoreError::Query(
            "--partition applies to parquet exports only".into(),
        ));
    }
    if format == ExportFormat::Parquet {
        return if partition {
            parquet_partitioned(store, q, path)
        } else {
            parquet_file(store, q, path)
        };
    }
    let mut out = BufWriter::new(File::create(path).map_err(io)?);
    let n = write_text(store, q, format, &mut out)?;
    out.flush().map_err(io)?;
    Ok(n)
}

/// Writes a text format (all but Parquet) to any writer, such as standard output.
pub fn write_text(
    store: &Store,
    q: &Query,
    format: ExportFormat,
    out: &mut dyn Write,
) -> Result<u64, StoreError> {
    let io = |e: std::io::Error| StoreError::Io {
        path: "output".into(),
        source: e,
    };
    let mut n = 0u64;
    match format {
        ExportFormat::Csv => {
            format::csv_header(out).map_err(io)?;
            store.each(q, false, Order::Report, |r| {
                n += 1;
                format::csv_row(out, &r).map_err(io)
            })?;
        }
        ExportFormat::PloverJsonl => {
            store.each(q, true, Order::Report, |r| {
                n += 1;
                let v = plover(&r)?;
                serde_json::to_writer(&mut *out, &v).map_err(|e| io(e.into()))?;
                out.write_all(b"\n").map_err(io)
            })?;
        }
        ExportFormat::GdeltTsv => {
            let q = Query {
                dedup: true,
                ..q.clone()
            };
            store.each(&q, false, Order::Report, |r| {
                n += 1;
                writeln!(out, "{}", gdelt(&r).join("\t")).map_err(io)
            })?;
        }
        ExportFormat::Parquet => {
            return Err(StoreError::Query(
                "parquet is written to a file, not a stream".into(),
            ));
        }
    }
    Ok(n)
}

fn plover(r: &EventRow) -> Result<Value, StoreError> {
    let rec: dyad_core::EventRecord = serde_json::from_str(r.record.as_deref().unwrap_or("null"))
        .map_err(|e| StoreError::Record {
        id: r.event_id.clone(),
        source: e,
    })?;
    let entity = |p: &dyad_core::Participant| {
        json!({
            "code": p.country,
            "sector": p.sector,
            "actor_code": p.code,
            "entity_text": p.text,
            "identifier_text": p.name,
        })
    };
    let loc = rec.location.as_ref().map(|l| {
        json!({
            "extracted_place": l.text,
            "resolved_place": l.name,
            "geonameid": l.geonames_id,
            "lat": l.lat,
            "lon": l.lon,
            "province": l.admin1,
            "country_code": l.country,
        })
    });
    Ok(json!({
        "id": rec.id,
        "date": r.event_date,
        "actor": rec.actor.iter().map(entity).collect::<Vec<_>>(),
        "recipient": rec.recipient.iter().map(entity).collect::<Vec<_>>(),
        "event": [rec.event],
        "mode": rec.mode.as_ref().map(|m| vec![m]),
        "context": rec.context,
        "event_loc": loc,
        "event_text": [rec.trigger.text],
        "quad_code": rec.quad_class,
        "event_scale": rec.plover_score,
        "link": r.cluster_id,
        "text_info": {"sequence": rec.sentence, "start": rec.sentence_span.start, "end": rec.sentence_span.end},
        "cite_info": {"citation": r.doc_id, "url": r.url, "title": r.title, "publication": r.source},
        "coder": "dyad",
        "cameo": rec.cameo,
        "goldstein": rec.goldstein,
        "status": rec.status,
        "report_date": r.report_date,
        "cluster": {
            "id": r.cluster_id,
            "n_reports": r.n_reports,
            "n_documents": r.n_documents,
            "n_mentions": r.n_mentions,
            "n_sources": r.n_sources,
            "first_report": r.first_report,
            "last_report": r.last_report,
        },
        "record": rec,
    }))
}

fn first(v: &Option<String>) -> String {
    v.as_deref()
        .and_then(|s| s.split("; ").next())
        .unwrap_or("")
        .to_string()
}

fn tsv(s: &str) -> String {
    s.replace(['\t', '\n', '\r'], " ")
}

/// The 61 GDELT 2.0 event-table columns of one cluster row (EXPORT.md lists them).
fn gdelt(r: &EventRow) -> Vec<String> {
    let mut c = vec![String::new(); 61];
    let ymd = r.event_date.replace('-', "");
    // A stable integer id: the top 60 bits of the cluster key.
    c[0] = u64::from_str_radix(r.cluster_id.get(..15).unwrap_or("0"), 16)
        .unwrap_or(0)
        .to_string();
    c[1] = ymd.clone();
    c[2] = ymd.get(..6).unwrap_or("").to_string();
    c[3] = ymd.get(..4).unwrap_or("").to_string();
    if let Ok(d) = r.event_date.parse::<jiff::civil::Date>() {
        c[4] = format!(
            "{:.4}",
            d.year() as f64 + (d.day_of_year() as f64 - 1.0) / d.days_in_year() as f64
        );
    }
    let actor = |c: &mut [String],
                 at: usize,
                 name: &Option<String>,
                 code: &Option<String>,
                 country: &Option<String>,
                 sector: &Option<String>| {
        c[at] = tsv(&first(code));
        c[at + 1] = tsv(&first(name).to_uppercase());
        c[at + 2] = tsv(&first(country));
        c[at + 7] = tsv(&first(sector));
    };
    actor(
        &mut c,
        5,
        &r.actor,
        &r.actor_code,
        &r.actor_country,
        &r.actor_sector,
    );
    actor(
        &mut c,
        15,
        &r.recipient,
        &r.recipient_code,
        &r.recipient_country,
        &r.recipient_sector,
    );
    c[26] = tsv(&r.cameo);
    c[27] = r.cameo.get(..3).unwrap_or(&r.cameo).to_string();
    c[28] = r.cameo.get(..2).unwrap_or(&r.cameo).to_string();
    c[29] = r.quad_class.to_string();
    c[30] = format!("{:.1}", r.goldstein);
    c[31] = r.n_mentions.to_string();
    c[32] = r.n_sources.to_string();
    c[33] = r.n_documents.to_string();
    if r.place.is_some() || r.lat.is_some() {
        let full = match (&r.place, &r.admin1) {
            (Some(p), Some(a)) => format!("{p}, {a}"),
            (Some(p), None) => p.clone(),
            _ => String::new(),
        };
        c[52] = tsv(&full);
        c[53] = tsv(r.place_country.as_deref().unwrap_or(""));
        c[56] = r.lat.map(|v| format!("{v:.4}")).unwrap_or_default();
        c[57] = r.lon.map(|v| format!("{v:.4}")).unwrap_or_default();
        c[58] = r.geonames_id.map(|v| v.to_string()).unwrap_or_default();
    }
    c[59] = format!("{}000000", r.first_report.replace('-', ""));
    c[60] = tsv(r.url.as_deref().unwrap_or(""));
    c
}

/// The Arrow schema of Parquet exports (EXPORT.md documents it).
pub fn parquet_schema() -> Arc<Schema> {
    let fields: Vec<Field> = COLUMNS
        .iter()
        .map(|&(name, kind)| {
            let (t, nullable) = match kind {
                Kind::Str => (DataType::Utf8, true),
                Kind::Date => (DataType::Date32, false),
                Kind::Int => (DataType::Int64, true),
                Kind::Float => (DataType::Float64, true),
            };
            Field::new(name, t, nullable)
        })
        .collect();
    Arc::new(Schema::new(fields))
}

enum Col {
    S(StringBuilder),
    D(Date32Builder),
    I(Int64Builder),
    F(Float64Builder),
}

struct Batcher {
    cols: Vec<Col>,
    rows: usize,
}

const BATCH: usize = 8192;

fn days(s: &str) -> Option<i32> {
    let d: jiff::civil::Date = s.parse().ok()?;
    let n = jiff::civil::date(1970, 1, 1).until(d).ok()?.get_days();
    Some(n)
}

impl Batcher {
    fn new() -> Batcher {
        let cols = COLUMNS
            .iter()
            .map(|c| match c.1 {
                Kind::Str => Col::S(StringBuilder::new()),
                Kind::Date => Col::D(Date32Builder::new()),
                Kind::Int => Col::I(Int64Builder::new()),
                Kind::Float => Col::F(Float64Builder::new()),
            })
            .collect();
        Batcher { cols, rows: 0 }
    }

    fn push(&mut self, r: &EventRow) {
        for (col, cell) in self.cols.iter_mut().zip(format::cells(r)) {
            match (col, cell) {
                (Col::S(b), Cell::Str(v)) => b.append_option(v),
                // Dates are never empty in stored rows; 1970-01-01 marks an unreadable one.
                (Col::D(b), Cell::Str(v)) => b.append_value(v.and_then(days).unwrap_or(0)),
                (Col::I(b), Cell::Int(v)) => b.append_option(v),
                (Col::F(b), Cell::Float(v)) => b.append_option(v),
                (Col::S(b), _) => b.append_null(),
                (Col::D(b), _) => b.append_value(0),
                (Col::I(b), _) => b.append_null(),
                (Col::F(b), _) => b.append_null(),
            }
        }
        self.rows += 1;
    }

    fn finish(&mut self) -> Result<RecordBatch, StoreError> {
        let arrays: Vec<ArrayRef> = self
            .cols
            .iter_mut()
            .map(|c| -> ArrayRef {
                match c {
                    Col::S(b) => Arc::new(b.finish()),
                    Col::D(b) => Arc::new(b.finish()),
                    Col::I(b) => Arc::new(b.finish()),
                    Col::F(b) => Arc::new(b.finish()),
                }
            })
            .collect();
        self.rows = 0;
        RecordBatch::try_new(parquet_schema(), arrays)
            .map_err(|e| StoreError::Parquet(e.to_string()))
    }
}

/// One Parquet file in the export schema, written in row groups of 8,192 rows.
pub(crate) struct ParquetFile {
    writer: ArrowWriter<File>,
    batcher: Batcher,
    path: PathBuf,
}

impl ParquetFile {
    pub(crate) fn create(path: &Path) -> Result<ParquetFile, StoreError> {
        let file = File::create(path).map_err(|e| StoreError::Io {
            path: path.to_path_buf(),
            source: e,
        })?;
        let props = WriterProperties::builder()
            .set_compression(Compression::SNAPPY)
            .build();
        let writer = ArrowWriter::try_new(file, parquet_schema(), Some(props))
            .map_err(|e| StoreError::Parquet(e.to_string()))?;
        Ok(ParquetFile {
            writer,
            batcher: Batcher::new(),
            path: path.to_path_buf(),
        })
    }

    pub(crate) fn push(&mut self, r: &EventRow) -> Result<(), StoreError> {
        self.batcher.push(r);
        if self.batcher.rows >= BATCH {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), StoreError> {
        if self.batcher.rows > 0 {
            let b = self.batcher.finish()?;
            self.writer
                .write(&b)
                .map_err(|e| StoreError::Parquet(format!("{}: {e}", self.path.display())))?;
        }
        Ok(())
    }

    pub(crate) fn close(mut self) -> Result<(), StoreError> {
        self.flush()?;
        self.writer
            .close()
            .map_err(|e| StoreError::Parquet(format!("{}: {e}", self.path.display())))?;
        Ok(())
    }
}

fn parquet_file(store: &Store, q: &Query, path: &Path) -> Result<u64, StoreError> {
    let mut sink = ParquetFile::create(path)?;
    let mut n = 0;
    store.each(q, false, Order::Report, |r| {
        n += 1;
        sink.push(&r)
    })?;
    sink.close()?;
    Ok(n)
}

fn parquet_partitioned(store: &Store, q: &Query, dir: &Path) -> Result<u64, StoreError> {
    let mut current: Option<(String, ParquetFile)> = None;
    let mut n = 0;
    store.each(q, false, Order::Report, |r| {
        n += 1;
        if current.as_ref().map(|c| c.0.as_str()) != Some(r.report_date.as_str()) {
            if let Some((_, s)) = current.take() {
                s.close()?;
            }
            let part = dir.join(format!("date={}", r.report_date));
            std::fs::create_dir_all(&part).map_err(|e| StoreError::Io {
                path: part.clone(),
                source: e,
            })?;
            current = Some((
                r.report_date.clone(),
                ParquetFile::create(&part.join("part-0.parquet"))?,
            ));
        }
        current.as_mut().map(|c| c.1.push(&r)).unwrap_or(Ok(()))
    })?;
    if let Some((_, s)) = current {
        s.close()?;
    }
    if n == 0 {
        std::fs::create_dir_all(dir).map_err(|e| StoreError::Io {
            path: dir.to_path_buf(),
            source: e,
        })?;
    }
    Ok(n)
}
