//! dyad's event store: coded events that outlive the run.
//!
//! One SQLite file (WAL mode, versioned schema) or one PostgreSQL database (the same tables)
//! holds documents (with a full-text index over their text), event reports with their
//! mentions, participants, actors and places, and cross-report clusters: reports from
//! different documents of the same happening. Every statement is written once, for both
//! databases (see `db.rs`), so the two give the same answers and the same checksum.
//!
//! - [`Store::open`] creates or migrates a store; [`Store::open_read_only`] reads one while
//!   an ingest runs; [`Store::open_target`] opens either kind from a `--db` argument
//!   ([`Target`]).
//! - [`Store::writer`] gives the single [`Writer`], a sink for coded documents: each
//!   [`Writer::write_batch`] is one transaction; unchanged documents are skipped, changed
//!   ones replaced atomically, clusters updated incrementally and deterministically.
//! - [`Store::query`] and [`Store::timeline`] answer `dyad query` and `dyad timeline`;
//!   [`format`](mod@format) prints rows as an aligned table, JSON Lines or CSV; [`export`] writes PLOVER
//!   JSONL, CSV, GDELT-style TSV and Parquet; [`view`] holds the dashboard's reads; [`lake`]
//!   writes queue workers' batches as date-partitioned Parquet.
//! - [`Store::checksum`] hashes a canonical dump, to compare two stores.
//!
//! ```
//! use dyad_store::{Query, Store, synth};
//! let dir = tempfile::tempdir().unwrap();
//! let mut store = Store::open(dir.path().join("dyad.db")).unwrap();
//! let batch = synth::batch(0, 10, 7);
//! let stats = store.writer("coder-1").unwrap().write_batch(&batch).unwrap();
//! assert_eq!(stats.inserted, 10);
//! // The same documents again: nothing to write.
//! let again = store.writer("coder-1").unwrap().write_batch(&batch).unwrap();
//! assert_eq!(again.unchanged, 10);
//! let rows = store.query(&Query { limit: Some(5), ..Query::default() }).unwrap();
//! assert_eq!(rows.len(), 5);
//! ```
#![deny(missing_docs)]

mod cluster;
mod dates;
mod db;
mod dump;
mod error;
pub mod export;
pub mod format;
mod keys;
pub mod lake;
mod query;
mod schema;
mod store;
pub mod synth;
#[doc(hidden)]
pub mod testing;
pub mod view;
mod write;

pub use db::Target;
pub use error::{DocError, StoreError};
pub use query::{EventRow, Period, Query, TimelineRow};
pub use schema::SCHEMA_VERSION;
pub use store::{Counts, OpenOptions, Store};
pub use write::{BatchStats, Writer};
