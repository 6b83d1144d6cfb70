//! A small pool of read-only stores. A store's connection is not `Sync`, so each request
//! borrows one on a blocking thread; a semaphore bounds how many run at once.
use crate::error::{ApiError, ServeError};
use dyad_store::{Store, Target};
use std::sync::{Arc, Mutex};
use tokio::sync::Semaphore;

pub(crate) struct Pool {
    target: Target,
    idle: Mutex<Vec<Store>>,
    permits: Arc<Semaphore>,
}

/// Opens one read-only store on a thread of its own. The PostgreSQL client drives its own
/// small runtime and refuses to run on an async worker thread; a plain thread makes opening
/// safe from both sync and async callers (a test, `serve_target`).
fn open_store(target: &Target) -> Result<Store, ServeError> {
    std::thread::scope(|s| {
        s.spawn(|| Store::open_target(target, true))
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p))
    })
    .map_err(ServeError::from)
}

impl Pool {
    /// Opens the first store now, so a missing or foreign store fails at start.
    pub fn open(target: &Target, size: usize) -> Result<Pool, ServeError> {
        let first = open_store(target)?;
        Ok(Pool {
            target: target.clone(),
            idle: Mutex::new(vec![first]),
            permits: Arc::new(Semaphore::new(size.max(1))),
        })
    }

    /// Runs `f` with a store on a blocking thread.
    pub async fn run<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Store) -> Result<T, ApiError> + Send + 'static,
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
            let mut store = match popped {
                Some(s) => s,
                None => Store::open_target(&pool.target, true).map_err(ApiError::from)?,
            };
            let out = f(&mut store);
            // After a server-side failure the connection may be what failed (a restarted
            // PostgreSQL server): open a fresh one next time rather than keep a broken one.
            let healthy = !matches!(&out, Err(e) if e.status.is_server_error());
            if healthy && let Ok(mut idle) = pool.idle.lock() {
                idle.push(store);
            }
            out
        })
        .await
        .map_err(ApiError::internal)?
    }
}

impl Drop for Pool {
    fn drop(&mut self) {
        let idle = std::mem::take(self.idle.get_mut().unwrap_or_else(|p| p.into_inner()));
        // Closing a PostgreSQL client blocks on its runtime, which panics on an async worker
        // thread, where the last handle on the pool is often dropped.
        if idle.iter().any(Store::is_postgres) {
            let _ = std::thread::spawn(move || drop(idle)).join();
        }
    }
}
