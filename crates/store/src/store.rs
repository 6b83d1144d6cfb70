use crate::error::StoreError;
use crate::schema::{APPLICATION_ID, MIGRATIONS, SCHEMA_VERSION};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How to open a store.
#[derive(Clone, Debug)]
pub struct OpenOptions {
    /// How long to wait for another process's lock before [`StoreError::Locked`].
    pub busy_timeout: Duration,
    /// Open without the right to write; never creates or migrates.
    pub read_only: bool,
}

impl Default for OpenOptions {
    fn default() -> OpenOptions {
        OpenOptions {
            busy_timeout: Duration::from_secs(5),
            read_only: false,
        }
    }
}

/// An open dyad store: one SQLite file in WAL mode.
///
/// Writers and readers may be open on the same file from several processes at once; WAL
/// lets readers see the last committed batch while a write transaction runs.
pub struct Store {
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    pub(crate) read_only: bool,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store")
            .field("path", &self.path)
            .field("read_only", &self.read_only)
            .finish()
    }
}

impl Store {
    /// Opens a store for reading and writing, creating it or migrating it to the current
    /// schema version as needed.
    pub fn open(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        Store::open_with(path, &OpenOptions::default())
    }

    /// Opens an existing store for reading only.
    pub fn open_read_only(path: impl AsRef<Path>) -> Result<Store, StoreError> {
        Store::open_with(
            path,
            &OpenOptions {
                read_only: true,
                ..OpenOptions::default()
            },
        )
    }

    /// Opens with explicit options.
    pub fn open_with(path: impl AsRef<Path>, opts: &OpenOptions) -> Result<Store, StoreError> {
        let path = path.as_ref().to_path_buf();
        let err = |e: rusqlite::Error| StoreError::classify(e, &path);
        if opts.read_only && !path.exists() {
            return Err(StoreError::NotFound { path });
        }
        let flags = if opts.read_only {
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX
        } else {
            OpenFlags::SQLITE_OPEN_READ_WRITE
                | OpenFlags::SQLITE_OPEN_CREATE
                | OpenFlags::SQLITE_OPEN_NO_MUTEX
        };
        let conn = Connection::open_with_flags(&path, flags).map_err(err)?;
        conn.busy_timeout(opts.busy_timeout).map_err(err)?;
        let mut store = Store {
            conn,
            path: path.clone(),
            read_only: opts.read_only,
        };
        // The first read is where a file that is not a database shows itself.
        let version: i64 = store
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(err)?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path,
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if opts.read_only {
            if version < SCHEMA_VERSION {
                return Err(StoreError::Outdated {
                    path,
                    found: version,
                    supported: SCHEMA_VERSION,
                });
            }
            store
                .conn
                .pragma_update(None, "query_only", true)
                .map_err(err)?;
        } else {
            let mode: String = store
                .conn
                .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
                .map_err(err)?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::Query(format!(
                    "cannot switch {} to WAL mode",
                    path.display()
                )));
            }
            // WAL with NORMAL sync: a killed process loses nothing committed; a power cut may
            // lose the last batches but never corrupts the file.
            store
                .conn
                .pragma_update(None, "synchronous", "NORMAL")
                .map_err(err)?;
            store.migrate().map_err(|e| match e {
                StoreError::Sqlite(e) => err(e),
                e => e,
            })?;
        }
        store
            .conn
            .pragma_update(None, "cache_size", -65536)
            .map_err(err)?;
        store
            .conn
            .pragma_update(None, "temp_store", "MEMORY")
            .map_err(err)?;
        Ok(store)
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let app: i64 = self
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i64 = self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version == SCHEMA_VERSION && app == APPLICATION_ID {
            return Ok(());
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read again under the lock: another process may have migrated meanwhile.
        let app: i64 = tx.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let mut version: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema {
                path,
                found: version,
                supported: SCHEMA_VERSION,
            });
        }
        if app != APPLICATION_ID {
            let tables: i64 =
                tx.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))?;
            if app != 0 || version != 0 || tables != 0 {
                return Err(StoreError::NotAStore { path });
            }
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        }
        while version < SCHEMA_VERSION {
            tx.execute_batch(MIGRATIONS[version as usize])?;
            version += 1;
            tx.pragma_update(None, "user_version", version)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Caps the database at `pages` pages (of 4 KiB), as a quota or to test a full disk:
    /// a batch that needs more fails with [`StoreError::DiskFull`] and is rolled back.
    pub fn set_max_pages(&self, pages: u64) -> Result<(), StoreError> {
        self.conn
            .pragma_update(None, "max_page_count", pages as i64)
            .map_err(|e| self.err(e))
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open file.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// Counts of the main tables, for progress reports and tests.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let c = |t: &str| -> Result<u64, StoreError> {
            let n: i64 = self
                .conn
                .query_row(&format!("SELECT count(*) FROM {t}"), [], |r| r.get(0))?;
            Ok(n as u64)
        };
        Ok(Counts {
            documents: c("documents")?,
            events: c("events")?,
            clusters: c("clusters")?,
            actors: c("actors")?,
            places: c("places")?,
        })
    }

    pub(crate) fn err(&self, e: rusqlite::Error) -> StoreError {
        StoreError::classify(e, &self.path)
    }
}

/// Row counts of a store.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Documents stored.
    pub documents: u64,
    /// Event reports stored.
    pub events: u64,
    /// Cross-report clusters.
    pub clusters: u64,
    /// Distinct resolved actors.
    pub actors: u64,
    /// Distinct resolved places.
    pub places: u64,
}
