use std::path::PathBuf;

/// Everything that can go wrong in the store, with the fields a message needs.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The file was written by a newer dyad whose schema this build does not know.
    #[error(
        "{path}: store schema version {found} is newer than this dyad supports ({supported}); \
         upgrade dyad to read it"
    )]
    NewerSchema {
        /// The database file.
        path: PathBuf,
        /// Version recorded in the file.
        found: i64,
        /// Newest version this build can read and write.
        supported: i64,
    },
    /// The file has an older schema and was opened read-only, so it cannot be migrated.
    #[error(
        "{path}: store schema version {found} is older than this dyad's ({supported}); open it \
         once for writing (e.g. `dyad ingest`) to migrate it"
    )]
    Outdated {
        /// The database file.
        path: PathBuf,
        /// Version recorded in the file.
        found: i64,
        /// Version this build uses.
        supported: i64,
    },
    /// The file is an SQLite database, but not a dyad store.
    #[error("{path}: an SQLite database that is not a dyad store (it has tables of its own)")]
    NotAStore {
        /// The database file.
        path: PathBuf,
    },
    /// The file is not a database, or its pages are damaged.
    #[error("{path}: the database file is corrupt or not an SQLite database ({detail})")]
    Corrupt {
        /// The database file.
        path: PathBuf,
        /// SQLite's own words.
        detail: String,
    },
    /// Another process holds a lock for longer than the busy timeout.
    #[error(
        "{path}: the database is locked by another process (is another `dyad ingest` running?)"
    )]
    Locked {
        /// The database file.
        path: PathBuf,
    },
    /// The disk (or the configured size limit) is full; the batch was rolled back and every
    /// earlier batch is intact.
    #[error("{path}: disk full; the current batch was rolled back, earlier batches are kept")]
    DiskFull {
        /// The database file.
        path: PathBuf,
    },
    /// The store was opened read-only and a write was asked for.
    #[error("{path}: the store is open read-only")]
    ReadOnly {
        /// The database file.
        path: PathBuf,
    },
    /// The file does not exist (read-only opening never creates one).
    #[error("{path}: no such store")]
    NotFound {
        /// The database file.
        path: PathBuf,
    },
    /// A query argument the store cannot use (a bad full-text expression, an unknown period).
    #[error("bad query: {0}")]
    Query(String),
    /// Writing an export failed.
    #[error("export to {path}: {source}")]
    Io {
        /// The file or folder written.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Parquet or Arrow refused the data.
    #[error("parquet: {0}")]
    Parquet(String),
    /// Any other SQLite failure.
    #[error("sqlite: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// A PostgreSQL failure (connection, permission, a server-side error).
    #[error("postgres: {0}")]
    Postgres(String),
    /// A stored record could not be decoded (a damaged or hand-edited row).
    #[error("stored record {id}: {source}")]
    Record {
        /// Event id.
        id: String,
        /// The JSON error.
        source: serde_json::Error,
    },
}

impl StoreError {
    /// Maps an SQLite error to the clear variants where one applies.
    pub(crate) fn classify(e: rusqlite::Error, path: &std::path::Path) -> StoreError {
        use rusqlite::ErrorCode as C;
        if let rusqlite::Error::SqliteFailure(f, ref msg) = e {
            let path = path.to_path_buf();
            return match f.code {
                C::DatabaseBusy | C::DatabaseLocked => StoreError::Locked { path },
                C::NotADatabase | C::DatabaseCorrupt => StoreError::Corrupt {
                    path,
                    detail: msg.clone().unwrap_or_else(|| f.to_string()),
                },
                C::DiskFull => StoreError::DiskFull { path },
                C::ReadOnly => StoreError::ReadOnly { path },
                C::CannotOpen => StoreError::NotFound { path },
                _ => StoreError::Sqlite(e),
            };
        }
        StoreError::Sqlite(e)
    }
}

/// One document the writer could not store; the rest of its batch was stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocError {
    /// Document id.
    pub id: String,
    /// Why.
    pub message: String,
}
