//! A canonical dump of a store: every table in natural-key order, surrogate row ids replaced
//! by the natural keys they stand for. Two stores holding the same documents, events and
//! clusters dump identically whatever order or batches built them.
use crate::db::EachError;
use crate::error::StoreError;
use crate::store::Store;
use sha2::{Digest, Sha256};
use std::io::Write;

const TABLES: &[(&str, &str)] = &[
    (
        "documents",
        "SELECT id, report_date, source, url, title, language, text, content_hash FROM documents ORDER BY id",
    ),
    (
        "actors",
        "SELECT key, name, country, sector, code FROM actors ORDER BY key",
    ),
    (
        "places",
        "SELECT key, name, country, admin1, lat, lon, geonames_id FROM places ORDER BY key",
    ),
    (
        "clusters",
        "SELECT key, block, anchor, event_date, n_reports, n_documents, n_mentions, n_sources, first_report, \
         last_report, rep_event FROM clusters ORDER BY key",
    ),
    (
        "events",
        "SELECT e.id, d.id, e.sentence, e.event, e.mode, e.context, e.status, e.cameo, e.goldstein, e.quad_class, \
         e.plover_score, e.trigger, e.date_value, e.date_precision, e.date_from, e.date_lo, e.date_hi, e.event_date, \
         e.report_date, e.actor_name, e.actor_code, e.actor_country, e.actor_sector, e.recipient_name, \
         e.recipient_code, e.recipient_country, e.recipient_sector, pl.key, e.place_key, e.block, e.n_mentions, c.key, e.record \
         FROM events e JOIN documents d ON d.rowid = e.doc LEFT JOIN places pl ON pl.rowid = e.place \
         LEFT JOIN clusters c ON c.rowid = e.cluster ORDER BY e.id",
    ),
    (
        "mentions",
        "SELECT e.id, m.ord, m.sentence, m.start, m.\"end\" FROM mentions m JOIN events e ON e.rowid = m.event \
         ORDER BY e.id, m.ord",
    ),
    (
        "participants",
        "SELECT e.id, p.role, p.ord, a.key, p.text, p.start, p.\"end\" FROM participants p \
         JOIN events e ON e.rowid = p.event LEFT JOIN actors a ON a.rowid = p.actor ORDER BY e.id, p.role, p.ord",
    ),
    (
        "dyads",
        "SELECT coalesce(a.key, ''), coalesce(r.key, ''), y.event_date, e.id FROM dyads y \
         JOIN events e ON e.rowid = y.event LEFT JOIN actors a ON a.rowid = y.actor \
         LEFT JOIN actors r ON r.rowid = y.recipient ORDER BY 1, 2, 3, 4",
    ),
];

impl Store {
    /// Writes the canonical dump: one JSON array per row, each table headed by its name.
    pub fn dump(&self, out: &mut dyn Write) -> Result<(), StoreError> {
        let io = |e: std::io::Error| StoreError::Io {
            path: "dump".into(),
            source: e,
        };
        // One read transaction, so a concurrent writer cannot make the tables disagree.
        self.db.begin_read().map_err(|e| self.err(e))?;
        let result = (|| {
            for (name, sql) in TABLES {
                writeln!(out, "# {name}").map_err(|e| EachError::Out(io(e)))?;
                self.db.each(sql, &[], |r| {
                    writeln!(out, "{}", serde_json::Value::Array(r.to_json()))
                        .map_err(|e| EachError::Out(io(e)))
                })?;
            }
            Ok(())
        })();
        let _ = self.db.batch("COMMIT");
        result.map_err(|e| match e {
            EachError::Db(e) => self.err(e),
            EachError::Out(e) => e,
        })
    }

    /// SHA-256 (hex) of [`Store::dump`]: equal for equal stores.
    pub fn checksum(&self) -> Result<String, StoreError> {
        struct H(Sha256);
        impl Write for H {
            fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
                self.0.update(b);
                Ok(b.len())
            }
            fn flush(&mut self) -> std::io::Result<()> {
                Ok(())
            }
        }
        let mut h = H(Sha256::new());
        self.dump(&mut h)?;
        Ok(h.0.finalize().iter().map(|b| format!("{b:02x}")).collect())
    }
}
