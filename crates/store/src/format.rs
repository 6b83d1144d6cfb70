//! Printing query and timeline results: an aligned table for terminals, JSON Lines and CSV
//! (RFC 4180: `,`-separated, CRLF-free `\n` lines, fields quoted when they hold `,`, `"`,
//! `\r` or `\n`, quotes doubled, a header row).
use crate::query::{EventRow, TimelineRow};
use std::io::{self, Write};

/// How `dyad query` and `dyad timeline` print.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Aligned columns (the default on a terminal).
    Table,
    /// One JSON object per line.
    Jsonl,
    /// RFC 4180 CSV with a header row.
    Csv,
}

impl Format {
    /// Table on a terminal, JSON Lines otherwise.
    pub fn default_for(terminal: bool) -> Format {
        if terminal {
            Format::Table
        } else {
            Format::Jsonl
        }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Format, String> {
        match s {
            "table" => Ok(Format::Table),
            "jsonl" | "json" => Ok(Format::Jsonl),
            "csv" => Ok(Format::Csv),
            _ => Err(format!("format must be table, jsonl or csv, not {s:?}")),
        }
    }
}

/// The kind of a flat column, which decides its CSV rendering and its Parquet type.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Str,
    Date,
    Int,
    Float,
}

/// One value of a flat row.
pub(crate) enum Cell<'a> {
    Str(Option<&'a str>),
    Int(Option<i64>),
    Float(Option<f64>),
}

/// The flat columns of [`EventRow`], shared by CSV and Parquet (documented in EXPORT.md).
pub(crate) const COLUMNS: &[(&str, Kind)] = &[
    ("event_id", Kind::Str),
    ("cluster_id", Kind::Str),
    ("event_date", Kind::Date),
    ("date_value", Kind::Str),
    ("date_precision", Kind::Str),
    ("report_date", Kind::Date),
    ("doc_id", Kind::Str),
    ("source", Kind::Str),
    ("url", Kind::Str),
    ("title", Kind::Str),
    ("event", Kind::Str),
    ("mode", Kind::Str),
    ("context", Kind::Str),
    ("status", Kind::Str),
    ("cameo", Kind::Str),
    ("quad_class", Kind::Int),
    ("goldstein", Kind::Float),
    ("plover_score", Kind::Float),
    ("actor", Kind::Str),
    ("actor_code", Kind::Str),
    ("actor_country", Kind::Str),
    ("actor_sector", Kind::Str),
    ("recipient", Kind::Str),
    ("recipient_code", Kind::Str),
    ("recipient_country", Kind::Str),
    ("recipient_sector", Kind::Str),
    ("place", Kind::Str),
    ("place_country", Kind::Str),
    ("admin1", Kind::Str),
    ("lat", Kind::Float),
    ("lon", Kind::Float),
    ("geonames_id", Kind::Int),
    ("trigger", Kind::Str),
    ("sentence", Kind::Int),
    ("n_reports", Kind::Int),
    ("n_documents", Kind::Int),
    ("n_mentions", Kind::Int),
    ("n_sources", Kind::Int),
    ("first_report", Kind::Date),
    ("last_report", Kind::Date),
];

/// The cells of a row, in [`COLUMNS`] order.
pub(crate) fn cells(r: &EventRow) -> Vec<Cell<'_>> {
    use Cell::{Float as F, Int as I, Str as S};
    fn s(v: &Option<String>) -> Cell<'_> {
        Cell::Str(v.as_deref())
    }
    vec![
        S(Some(&r.event_id)),
        S(Some(&r.cluster_id)),
        S(Some(&r.event_date)),
        S(Some(&r.date_value)),
        S(Some(&r.date_precision)),
        S(Some(&r.report_date)),
        S(Some(&r.doc_id)),
        s(&r.source),
        s(&r.url),
        s(&r.title),
        S(Some(&r.event)),
        s(&r.mode),
        s(&r.context),
        S(Some(&r.status)),
        S(Some(&r.cameo)),
        I(Some(r.quad_class)),
        F(Some(r.goldstein)),
        F(Some(r.plover_score)),
        s(&r.actor),
        s(&r.actor_code),
        s(&r.actor_country),
        s(&r.actor_sector),
        s(&r.recipient),
        s(&r.recipient_code),
        s(&r.recipient_country),
        s(&r.recipient_sector),
        s(&r.place),
        s(&r.place_country),
        s(&r.admin1),
        F(r.lat),
        F(r.lon),
        I(r.geonames_id),
        S(Some(&r.trigger)),
        I(Some(r.sentence)),
        I(Some(r.n_reports)),
        I(Some(r.n_documents)),
        I(Some(r.n_mentions)),
        I(Some(r.n_sources)),
        S(Some(&r.first_report)),
        S(Some(&r.last_report)),
    ]
}

/// Writes one CSV field with RFC 4180 quoting.
pub fn csv_field(out: &mut dyn Write, s: &str) -> io::Result<()> {
    if s.contains([',', '"', '\n', '\r']) {
        write!(out, "\"{}\"", s.replace('"', "\"\""))
    } else {
        out.write_all(s.as_bytes())
    }
}

fn float(f: f64) -> String {
    // Shortest text that reads back to the same value; always with a dot, so readers
    // infer a float column even when every value is whole.
    let s = format!("{f:?}");
    if s.contains(['.', 'e', 'N', 'i']) {
        s
    } else {
        format!("{s}.0")
    }
}

/// The CSV header of query rows.
pub fn csv_header(out: &mut dyn Write) -> io::Result<()> {
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.0).collect();
    writeln!(out, "{}", names.join(","))
}

/// One query row as a CSV line. Empty cells are missing values.
pub fn csv_row(out: &mut dyn Write, r: &EventRow) -> io::Result<()> {
    for (i, c) in cells(r).iter().enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        match c {
            Cell::Str(Some(s)) => csv_field(out, s)?,
            Cell::Int(Some(v)) => write!(out, "{v}")?,
            Cell::Float(Some(v)) => out.write_all(float(*v).as_bytes())?,
            _ => {}
        }
    }
    out.write_all(b"\n")
}

/// One query row as a JSON line.
pub fn jsonl_row(out: &mut dyn Write, r: &EventRow) -> io::Result<()> {
    serde_json::to_writer(&mut *out, r)?;
    out.write_all(b"\n")
}

fn clip(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
    t.push('…');
    t
}

fn aligned(
    out: &mut dyn Write,
    header: &[&str],
    rows: &[Vec<String>],
    right: &[bool],
) -> io::Result<()> {
    let mut w: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate() {
            w[i] = w[i].max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, cells: &[String]| -> io::Result<()> {
        let mut s = String::new();
        for (i, c) in cells.iter().enumerate() {
            let pad = w[i] - c.chars().count();
            if i > 0 {
                s.push_str("  ");
            }
            if right[i] {
                s.extend(std::iter::repeat_n(' ', pad));
                s.push_str(c);
            } else {
                s.push_str(c);
                if i + 1 < cells.len() {
                    s.extend(std::iter::repeat_n(' ', pad));
                }
            }
        }
        writeln!(out, "{s}")
    };
    line(
        out,
        &header.iter().map(|h| h.to_string()).collect::<Vec<_>>(),
    )?;
    for r in rows {
        line(out, r)?;
    }
    Ok(())
}

/// Query rows as aligned columns: the fields a reader scans, long values clipped.
pub fn table(out: &mut dyn Write, rows: &[EventRow]) -> io::Result<()> {
    let header = [
        "date",
        "event",
        "cameo",
        "actor",
        "recipient",
        "place",
        "sources",
        "reports",
        "source",
        "doc",
    ];
    let o = |v: &Option<String>, n| clip(v.as_deref().unwrap_or("-"), n);
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.event_date.clone(),
                r.event.clone(),
                r.cameo.clone(),
                o(&r.actor, 28),
                o(&r.recipient, 28),
                o(&r.place, 20),
                r.n_sources.to_string(),
                r.n_reports.to_string(),
                o(&r.source, 16),
                clip(&r.doc_id, 24),
            ]
        })
        .collect();
    let right = [
        false, false, false, false, false, false, true, true, false, false,
    ];
    aligned(out, &header, &cells, &right)
}

/// Writes query rows in `format`.
pub fn rows(out: &mut dyn Write, format: Format, rows: &[EventRow]) -> io::Result<()> {
    match format {
        Format::Table => table(out, rows),
        Format::Jsonl => rows.iter().try_for_each(|r| jsonl_row(out, r)),
        Format::Csv => {
            csv_header(out)?;
            rows.iter().try_for_each(|r| csv_row(out, r))
        }
    }
}

/// Writes a timeline in `format`.
pub fn timeline(out: &mut dyn Write, format: Format, rows: &[TimelineRow]) -> io::Result<()> {
    let header = [
        "period",
        "events",
        "verbal_coop",
        "material_coop",
        "verbal_conflict",
        "material_conflict",
        "goldstein",
        "plover",
    ];
    let cells = |t: &TimelineRow| {
        vec![
            t.period.clone(),
            t.events.to_string(),
            t.verbal_coop.to_string(),
            t.material_coop.to_string(),
            t.verbal_conflict.to_string(),
            t.material_conflict.to_string(),
            format!("{:.1}", t.goldstein),
            format!("{:.1}", t.plover),
        ]
    };
    match format {
        Format::Table => {
            let all: Vec<Vec<String>> = rows.iter().map(cells).collect();
            aligned(
                out,
                &header,
                &all,
                &[false, true, true, true, true, true, true, true],
            )
        }
        Format::Jsonl => rows.iter().try_for_each(|t| {
            serde_json::to_writer(&mut *out, t)?;
            out.write_all(b"\n")
        }),
        Format::Csv => {
            writeln!(out, "{}", header.join(","))?;
            for t in rows {
                let mut c = cells(t);
                c[6] = float(t.goldstein);
                c[7] = float(t.plover);
                writeln!(out, "{}", c.join(","))?;
            }
            Ok(())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        let mut v = Vec::new();
        for s in ["plain", "a,b", "say \"hi\"", "two\nlines", "é “curly”"] {
            csv_field(&mut v, s).unwrap();
            v.push(b'|');
        }
        assert_eq!(
            String::from_utf8(v).unwrap(),
            "plain|\"a,b\"|\"say \"\"hi\"\"\"|\"two\nlines\"|é “curly”|"
        );
        assert_eq!(float(1.0), "1.0");
        assert_eq!(float(-2.5), "-2.5");
    }

    #[test]
    fn clipping_counts_chars() {
        assert_eq!(clip("Zoë Müller-Ängström", 5), "Zoë …");
    }
}
