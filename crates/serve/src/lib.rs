//! dyad's HTTP API and dashboard: a read-only view of an event store.
//!
//! [`app`] builds the [`axum::Router`]: a JSON API under `/api/` (events with the filters of
//! `dyad query`, one event with its mentions, actors, a dyad's timeline, documents with their
//! annotation spans, full-text search, statistics and an OpenAPI description at
//! `/api/openapi.json`) and a dashboard at `/` whose HTML, JavaScript and CSS are compiled
//! into the binary. [`serve`] opens an SQLite store and serves it until Ctrl-C;
//! [`serve_target`] does the same for any store a `--db` argument names, PostgreSQL
//! included. Every read goes through [`dyad_store::Store`] (its [`view`](dyad_store::view)
//! reads behind the pages), so the API answers alike over both databases.
//!
//! Every parameter is validated against [`Limits`]; every 4xx and 5xx answer has the body
//! `{"error": {"code", "message"}}`; the store is opened read-only.
//!
//! ```
//! use dyad_serve::{AppState, Limits, app};
//! use dyad_store::{Store, synth};
//! # #[tokio::main(flavor = "current_thread")]
//! # async fn main() {
//! let dir = tempfile::tempdir().unwrap();
//! let path = dir.path().join("dyad.db");
//! let mut store = Store::open(&path).unwrap();
//! store.writer("test").unwrap().write_batch(&synth::batch(0, 5, 3)).unwrap();
//! let state = AppState::open(&path, Limits::default()).unwrap();
//! let router = app(state);
//! // Serve it: axum::serve(tokio::net::TcpListener::bind("127.0.0.1:0").await?, router)
//! # drop(router);
//! # }
//! ```
#![deny(missing_docs)]

mod assets;
mod error;
mod params;
mod pool;
mod routes;

pub use error::{ApiError, ServeError};
pub use params::Page;

use axum::Router;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use dyad_store::Target;
use pool::Pool;
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;

/// The address `dyad serve` binds when none is given: loopback only.
pub const DEFAULT_ADDR: &str = "127.0.0.1:8080";

/// Bounds on what one request may ask for.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Rows per page when none is asked for.
    pub default_page: usize,
    /// Most rows per page.
    pub max_page: usize,
    /// Largest `offset`.
    pub max_offset: usize,
    /// Longest text parameter (actor, full-text expression …), in characters.
    pub max_text: usize,
    /// Longest request URI, in bytes.
    pub max_uri: usize,
    /// Largest request body, in bytes (the API reads none).
    pub max_body: usize,
    /// Time allowed for one request.
    pub timeout: Duration,
    /// Store reads running at once.
    pub pool_size: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            default_page: 50,
            max_page: 500,
            max_offset: 10_000,
            max_text: 200,
            max_uri: 4096,
            max_body: 16 * 1024,
            timeout: Duration::from_secs(10),
            pool_size: 4,
        }
    }
}

/// What every handler shares: the connection pool and the limits. Cheap to clone.
#[derive(Clone)]
pub struct AppState {
    pool: Arc<Pool>,
    limits: Arc<Limits>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("limits", &self.limits)
            .finish()
    }
}

impl AppState {
    /// Opens the SQLite store at `path` read-only; fails when it is missing or not a dyad
    /// store.
    pub fn open(path: impl AsRef<Path>, limits: Limits) -> Result<AppState, ServeError> {
        AppState::open_target(&Target::Sqlite(path.as_ref().to_path_buf()), limits)
    }

    /// Opens the store `target` names (an SQLite file or a PostgreSQL database) read-only;
    /// fails when it cannot be reached, is missing or is not a dyad store. Each of the
    /// [`Limits::pool_size`] reads running at once holds a connection of its own.
    pub fn open_target(target: &Target, limits: Limits) -> Result<AppState, ServeError> {
        Ok(AppState {
            pool: Arc::new(Pool::open(target, limits.pool_size)?),
            limits: Arc::new(limits),
        })
    }
}

/// The whole service: API, dashboard and the guards around them.
pub fn app(state: AppState) -> Router {
    let limits = state.limits.clone();
    let max_body = limits.max_body;
    routes::router()
        .merge(assets::router())
        .fallback(|| async { ApiError::not_found("no such resource") })
        .with_state(state)
        .layer(middleware::from_fn_with_state(limits, guard))
        .layer(DefaultBodyLimit::max(max_body))
        .layer(middleware::from_fn(json_errors))
        .layer(middleware::from_fn(headers))
}

/// Rejects long URIs and announced large bodies before routing, and bounds the time.
async fn guard(State(l): State<Arc<Limits>>, req: Request, next: Next) -> Response {
    let uri_len = req.uri().path_and_query().map_or(0, |p| p.as_str().len());
    if uri_len > l.max_uri {
        return ApiError::from_status(StatusCode::URI_TOO_LONG).into_response();
    }
    let announced = req
        .headers()
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if announced.is_some_and(|n| n > l.max_body as u64) {
        return ApiError::from_status(StatusCode::PAYLOAD_TOO_LARGE).into_response();
    }
    match tokio::time::timeout(l.timeout, next.run(req)).await {
        Ok(r) => r,
        // The blocking read may still finish in the background; its pool permit bounds that.
        Err(_) => ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            code: "timeout",
            message: format!("the request took longer than {} s", l.timeout.as_secs_f32()),
        }
        .into_response(),
    }
}

/// Gives every error answer the JSON error body, whoever produced it (axum's own 405, a
/// rejected extractor …).
async fn json_errors(req: Request, next: Next) -> Response {
    let r = next.run(req).await;
    let status = r.status();
    let is_json = r
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/json"));
    if (status.is_client_error() || status.is_server_error()) && !is_json {
        let mut out = ApiError::from_status(status).into_response();
        if let Some(allow) = r.headers().get(header::ALLOW) {
            out.headers_mut().insert(header::ALLOW, allow.clone());
        }
        return out;
    }
    r
}

/// Headers that keep a browser from running anything but our own script.
async fn headers(req: Request, next: Next) -> Response {
    let mut r = next.run(req).await;
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
             connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        ),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    h.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    r
}

/// Serves `state` on an already bound listener until Ctrl-C.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    state: AppState,
) -> Result<(), ServeError> {
    let addr = listener
        .local_addr()
        .map(|a| a.to_string())
        .unwrap_or_default();
    axum::serve(listener, app(state))
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .map_err(|source| ServeError::Io { addr, source })
}

/// Opens the SQLite store at `store_path` read-only, binds `addr` and serves API and
/// dashboard until Ctrl-C, printing the dashboard's URL to stderr. For `dyad demo`.
pub async fn serve(store_path: impl AsRef<Path>, addr: SocketAddr) -> Result<(), ServeError> {
    serve_target(&Target::Sqlite(store_path.as_ref().to_path_buf()), addr).await
}

/// Opens the store `target` names (`dyad serve --db FILE|postgres://…`) read-only, binds
/// `addr` and serves API and dashboard until Ctrl-C, printing the dashboard's URL to stderr.
pub async fn serve_target(target: &Target, addr: SocketAddr) -> Result<(), ServeError> {
    let state = AppState::open_target(target, Limits::default())?;
    let io = |source| ServeError::Io {
        addr: addr.to_string(),
        source,
    };
    let listener = tokio::net::TcpListener::bind(addr).await.map_err(io)?;
    let bound = listener.local_addr().map_err(io)?;
    if !bound.ip().is_loopback() {
        eprintln!("dyad serve: warning: listening on {bound}, reachable from other machines");
    }
    eprintln!("dyad serve: dashboard at http://{bound}/");
    serve_on(listener, state).await
}
