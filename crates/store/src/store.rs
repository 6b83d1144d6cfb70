use crate::db::{Db, DbError, PgConn, Target, Val, WRITE_LOCK};
use crate::error::StoreError;
use crate::schema::{APPLICATION_ID, MIGRATIONS, PG_MIGRATIONS, SCHEMA_VERSION};
use rusqlite::{Connection, OpenFlags, TransactionBehavior};
use std::cell::RefCell;
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

/// An open dyad store: one SQLite file in WAL mode, or a PostgreSQL database.
///
/// Writers and readers may be open on the same store from several processes at once; WAL
/// (or PostgreSQL's MVCC) lets readers see the last committed batch while a write
/// transaction runs.
pub struct Store {
    pub(crate) db: Db,
    /// The file, or the PostgreSQL URL without its password: how messages name the store.
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
    /// Opens the store a `--db` argument names (see [`Target`]): an SQLite file, created and
    /// migrated as needed unless `read_only`, or a PostgreSQL database, whose schema is
    /// created or migrated on first use.
    pub fn open_target(target: &Target, read_only: bool) -> Result<Store, StoreError> {
        match target {
            Target::Sqlite(path) => Store::open_with(
                path,
                &OpenOptions {
                    read_only,
                    ..OpenOptions::default()
                },
            ),
            Target::Postgres(url) => Store::open_postgres(url, read_only),
        }
    }

    fn open_postgres(url: &str, read_only: bool) -> Result<Store, StoreError> {
        let path = Target::Postgres(url.to_string()).label();
        let pg = |e: postgres::Error| {
            StoreError::Postgres(format!("{}: {}", path.display(), pg_message(&e)))
        };
        let client = postgres::Client::connect(url, postgres::NoTls).map_err(pg)?;
        let store = Store {
            db: Db::Postgres(Box::new(RefCell::new(PgConn::new(client)))),
            path: path.clone(),
            read_only,
        };
        let version = store.pg_version()?;
        if read_only && version == 0 {
            // An empty database: nothing to read, as with a missing SQLite file.
            return Err(StoreError::NotFound { path });
        }
        check_version(&path, version, read_only)?;
        if read_only {
            store
                .db
                .batch("SET default_transaction_read_only = on")
                .map_err(|e| store.err(e))?;
        } else if version < SCHEMA_VERSION {
            store.pg_migrate().map_err(|e| store.err(e))?;
        }
        Ok(store)
    }

    /// The schema version of a PostgreSQL store: 0 for an empty database; a database with
    /// tables of its own but no dyad schema table is refused.
    fn pg_version(&self) -> Result<i64, StoreError> {
        let e = |e| self.err(e);
        let has_meta = self
            .db
            .one("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename = 'dyad_schema'", &[])
            .map_err(e)?
            .is_some();
        if has_meta {
            let v = self
                .db
                .one("SELECT max(version) FROM dyad_schema", &[])
                .map_err(e)?;
            return Ok(v.and_then(|r| r.opt_int(0).ok().flatten()).unwrap_or(0));
        }
        let foreign = self
            .db
            .one("SELECT 1 FROM pg_tables WHERE schemaname = current_schema() AND tablename IN ('documents', 'events')", &[])
            .map_err(e)?
            .is_some();
        if foreign {
            return Err(StoreError::NotAStore {
                path: self.path.clone(),
            });
        }
        Ok(0)
    }

    fn pg_migrate(&self) -> Result<(), DbError> {
        self.db.batch("BEGIN")?;
        let run = || -> Result<(), DbError> {
            // The writer's lock: two processes starting on an empty database migrate once.
            self.db
                .exec("SELECT pg_advisory_xact_lock(?1)", &[Val::Int(WRITE_LOCK)])?;
            self.db
                .batch("CREATE TABLE IF NOT EXISTS dyad_schema (version BIGINT NOT NULL)")?;
            let mut version = self
                .db
                .one("SELECT coalesce(max(version), 0) FROM dyad_schema", &[])?
                .map_or(Ok(0), |r| r.int(0))?;
            while version < SCHEMA_VERSION {
                self.db.batch(PG_MIGRATIONS[version as usize])?;
                version += 1;
                self.db.exec(
                    "INSERT INTO dyad_schema (version) VALUES (?1)",
                    &[Val::Int(version)],
                )?;
            }
            Ok(())
        };
        match run() {
            Ok(()) => self.db.batch("COMMIT"),
            Err(e) => {
                let _ = self.db.batch("ROLLBACK");
                Err(e)
            }
        }
    }

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
            db: Db::Sqlite(conn),
            path: path.clone(),
            read_only: opts.read_only,
        };
        // The first read is where a file that is not a database shows itself.
        let version: i64 = store
            .sqlite()
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(err)?;
        check_version(&path, version, opts.read_only)?;
        if opts.read_only {
            store
                .sqlite()
                .pragma_update(None, "query_only", true)
                .map_err(err)?;
        } else {
            let mode: String = store
                .sqlite()
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
                .sqlite()
                .pragma_update(None, "synchronous", "NORMAL")
                .map_err(err)?;
            store.migrate().map_err(|e| match e {
                StoreError::Sqlite(e) => err(e),
                e => e,
            })?;
        }
        store
            .sqlite()
            .pragma_update(None, "cache_size", -65536)
            .map_err(err)?;
        store
            .sqlite()
            .pragma_update(None, "temp_store", "MEMORY")
            .map_err(err)?;
        Ok(store)
    }

    /// The SQLite connection; only the SQLite-specific opening code calls this.
    fn sqlite(&self) -> &Connection {
        match &self.db {
            Db::Sqlite(c) => c,
            Db::Postgres(_) => unreachable!("SQLite pragma on a PostgreSQL store"),
        }
    }

    fn migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let Db::Sqlite(conn) = &mut self.db else {
            return Ok(());
        };
        let app: i64 = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if version == SCHEMA_VERSION && app == APPLICATION_ID {
            return Ok(());
        }
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
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
        match &self.db {
            Db::Sqlite(c) => c
                .pragma_update(None, "max_page_count", pages as i64)
                .map_err(|e| self.err(e.into())),
            Db::Postgres(_) => Err(StoreError::Query(
                "a page quota applies to SQLite stores only".into(),
            )),
        }
    }

    /// The database file (for PostgreSQL, the URL without its password).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// True for a PostgreSQL store.
    pub fn is_postgres(&self) -> bool {
        matches!(self.db, Db::Postgres(_))
    }

    /// The schema version of the open store.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        match &self.db {
            Db::Sqlite(c) => Ok(c.pragma_query_value(None, "user_version", |r| r.get(0))?),
            Db::Postgres(_) => self.pg_version(),
        }
    }

    /// Counts of the main tables, for progress reports and tests.
    pub fn counts(&self) -> Result<Counts, StoreError> {
        let c = |t: &str| -> Result<u64, StoreError> {
            let n = self
                .db
                .one(&format!("SELECT count(*) FROM {t}"), &[])
                .and_then(|r| r.map_or(Ok(0), |r| r.int(0)))
                .map_err(|e| self.err(e))?;
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

    /// Names the store in a database error, and maps SQLite's codes to the clear variants.
    pub(crate) fn err(&self, e: DbError) -> StoreError {
        match e {
            DbError::Sqlite(e) => StoreError::classify(e, &self.path),
            DbError::Postgres(e) => {
                StoreError::Postgres(format!("{}: {}", self.path.display(), pg_message(&e)))
            }
            e => e.into(),
        }
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

/// Refuses a store written by a newer dyad, and an older one opened read-only (which cannot
/// be migrated); a writer migrates an older one.
fn check_version(path: &Path, version: i64, read_only: bool) -> Result<(), StoreError> {
    if version > SCHEMA_VERSION {
        return Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    if read_only && version < SCHEMA_VERSION {
        return Err(StoreError::Outdated {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// A PostgreSQL error with the server's own message where there is one.
pub(crate) fn pg_message(e: &postgres::Error) -> String {
    if let Some(d) = e.as_db_error() {
        return format!("{} (SQLSTATE {})", d.message(), d.code().code());
    }
    // The client's own message is generic ("error connecting to server"); the cause
    // ("Connection refused") is in its sources.
    let mut s = e.to_string();
    let mut cause = std::error::Error::source(e);
    while let Some(c) = cause {
        s.push_str(": ");
        s.push_str(&c.to_string());
        cause = c.source();
    }
    s
}
