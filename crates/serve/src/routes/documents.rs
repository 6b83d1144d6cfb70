//! `/api/documents/{id}`: text, events and annotation spans.
use super::id;
use crate::AppState;
use crate::db;
use crate::error::ApiError;
use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};

pub(crate) async fn one(
    State(s): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<db::DocumentOut>, ApiError> {
    let id = id(path)?;
    let found = s
        .pool
        .run({
            let id = id.clone();
            move |c| db::document(&c.db, &id)
        })
        .await?;
    found
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no document {id:?}")))
}
