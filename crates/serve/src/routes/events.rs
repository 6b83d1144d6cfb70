//! `/api/events` and `/api/events/{id}`.
use super::{Q, id};
use crate::AppState;
use crate::error::ApiError;
use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use dyad_store::view::EventDetail;

pub(crate) async fn list(
    State(s): State<AppState>,
    Q(p): Q,
) -> Result<Json<super::EventsPage>, ApiError> {
    let q = p.query(&s.limits)?;
    let page = p.page(&s.limits)?;
    let (events, next_offset) = s.pool.run(move |c| super::page(c, &q, page)).await?;
    Ok(Json(super::EventsPage {
        events,
        limit: page.limit,
        offset: page.offset,
        next_offset,
    }))
}

pub(crate) async fn one(
    State(s): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<EventDetail>, ApiError> {
    let id = id(path)?;
    let found = s
        .pool
        .run({
            let id = id.clone();
            move |c| Ok(c.event_detail(&id)?)
        })
        .await?;
    found
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no event {id:?}")))
}
