//! `/api/actors?q=` (search by name or code) and `/api/actors/{id}` (with its partners).
use super::{Q, id};
use crate::AppState;
use crate::error::ApiError;
use crate::params::text;
use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use dyad_store::view::ActorDetail;
use serde_json::{Value, json};

pub(crate) async fn list(State(s): State<AppState>, Q(p): Q) -> Result<Json<Value>, ApiError> {
    let q = text("q", &p.q, s.limits.max_text)?;
    let page = p.page(&s.limits)?;
    let actors = s
        .pool
        .run(move |c| Ok(c.actors(q.as_deref(), page.limit, page.offset)?))
        .await?;
    Ok(Json(json!({
        "actors": actors,
        "limit": page.limit,
        "offset": page.offset,
    })))
}

pub(crate) async fn one(
    State(s): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<ActorDetail>, ApiError> {
    let raw = id(path)?;
    let n: i64 = raw
        .parse()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| ApiError::bad_request("actor id must be a positive whole number"))?;
    s.pool
        .run(move |c| Ok(c.actor(n)?))
        .await?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no actor {n}")))
}
