//! The JSON API, one module per resource.
use crate::AppState;
use crate::error::ApiError;
use crate::params::{Page, Params};
use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::routing::get;
use dyad_store::{EventRow, Query, Store};

mod actors;
mod documents;
mod events;
mod search;
mod stats;
mod timeline;

pub(crate) fn router() -> Router<AppState> {
    Router::new()
        .route("/api/events", get(events::list))
        .route("/api/events/{id}", get(events::one))
        .route("/api/actors", get(actors::list))
        .route("/api/actors/{id}", get(actors::one))
        .route("/api/timeline", get(timeline::timeline))
        .route("/api/dyad", get(timeline::dyad))
        .route("/api/documents/{id}", get(documents::one))
        .route("/api/search", get(search::search))
        .route("/api/stats", get(stats::stats))
        .route("/api/openapi.json", get(stats::openapi))
}

/// Query parameters, with a rejected query string answered as our JSON 400.
pub(crate) struct Q(pub Params);

impl<S: Send + Sync> FromRequestParts<S> for Q {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Q, ApiError> {
        axum::extract::Query::<Params>::from_request_parts(parts, state)
            .await
            .map(|q| Q(q.0))
            .map_err(|e| ApiError::bad_request(e.body_text()))
    }
}

/// A path id: non-empty, at most 200 bytes, no control characters.
pub(crate) fn id(p: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    let Path(id) = p.map_err(|_| ApiError::bad_request("malformed id in path"))?;
    if id.is_empty() || id.len() > 200 || id.chars().any(char::is_control) {
        return Err(ApiError::bad_request(
            "id must be 1 to 200 printable characters",
        ));
    }
    Ok(id)
}

/// A page of event rows, serialised straight from the rows (no `Value` tree in between:
/// this is the hot path of the API).
#[derive(serde::Serialize)]
pub(crate) struct EventsPage {
    pub events: Vec<EventRow>,
    pub limit: usize,
    pub offset: usize,
    pub next_offset: Option<usize>,
}

/// One page of events matching `q`, and the offset of the next page when there is one.
/// The store has no offset yet, so the page is cut from the first `offset + limit + 1` rows;
/// `Limits::max_offset` bounds that cost.
pub(crate) fn page(
    store: &Store,
    q: &Query,
    page: Page,
) -> Result<(Vec<EventRow>, Option<usize>), ApiError> {
    if let Some(t) = &q.text {
        store.check_text(t)?;
    }
    let q = Query {
        limit: Some(page.offset + page.limit + 1),
        ..q.clone()
    };
    let mut rows = Vec::with_capacity(page.limit + 1);
    let mut seen = 0usize;
    store.query_each(&q, |r| {
        if seen >= page.offset {
            rows.push(r);
        }
        seen += 1;
        Ok(())
    })?;
    let next = (rows.len() > page.limit).then(|| page.offset + page.limit);
    rows.truncate(page.limit);
    Ok((rows, next))
}
