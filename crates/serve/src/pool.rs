//! A small pool of read-only connections. SQLite connections are not `Sync`, so each request
//! borrows one on a blocking thread; a semaphore bounds how many run at once.
use crate::error::{ApiError, ServeError};
use dyad_store::Store;
use rusqlite::{Connection, OpenFlags};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::Semaphore;

/// One borrowed pair: the store's own reads and a plain connection for the reads in
/// [`crate::db`] the store does not offer yet.
pub(crate) struct Conn {
    pub store: Store,
    pub db: Connection,
}

impl Conn {
    fn open(path: &Path) -> Result<Conn, ServeError> {
        let store = Store::open_read_only(path)?;
        let err = |source| ServeError::Open {
            path: path.to_path_buf(),
            source,
        };
        let db = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(err)?;
        db.busy_timeout(Duration::from_secs(5)).map_err(err)?;
        db.pragma_update(None, "query_only", true).map_err(err)?;
        Ok(Conn { store, db })
    }
}

pub(crate) struct Pool {
    path: PathBuf,
    idle: Mutex<Vec<Conn>>,
    permits: Arc<Semaphore>,
}

impl Pool {
    /// Opens the first connection now, so a missing or foreign file fails at start.
    pub fn open(path: &Path, size: usize) -> Result<Pool, ServeError> {
        let first = Conn::open(path)?;
        Ok(Pool {
            path: path.to_path_buf(),
            idle: Mutex::new(vec![first]),
            permits: Arc::new(Semaphore::new(size.max(1))),
        })
    }

    /// Runs `f` with a connection on a blocking thread.
    pub async fn run<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Conn) -> Result<T, ApiError> + Send + 'static,
    ) -> Result<T, ApiError> {
        let permit = self
            .permits
            .clone()
            .acquire_owned()
            .await
            .map_err(ApiError::internal)?;
        let pool = self.clone();
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let popped = pool.idle.lock().map_err(ApiError::internal)?.pop();
            let mut conn = match popped {
                Some(c) => c,
                None => Conn::open(&pool.path).map_err(ApiError::internal)?,
            };
            let out = f(&mut conn);
            if let Ok(mut idle) = pool.idle.lock() {
                idle.push(conn);
            }
            out
        })
        .await
        .map_err(ApiError::internal)?
    }
}
