//! `/api/documents/{id}`: text, events and annotation spans.
use super::id;
use crate::AppState;
use crate::error::ApiError;
use axum::Json;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use dyad_store::view::DocumentOut;

pub(crate) async fn one(
    State(s): State<AppState>,
    path: Result<Path<String>, PathRejection>,
) -> Result<Json<DocumentOut>, ApiError> {
    let id = id(path)?;
    let found = s
        .pool
        .run({
            let id = id.clone();
            move |c| Ok(c.document(&id)?)
        })
        .await?;
    found
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no document {id:?}")))
}
