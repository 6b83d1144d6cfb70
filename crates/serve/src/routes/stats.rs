//! `/api/stats` and `/api/openapi.json`.
use crate::AppState;
use crate::error::ApiError;
use axum::Json;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use serde_json::{Value, json};

pub(crate) async fn stats(State(s): State<AppState>) -> Result<Json<Value>, ApiError> {
    let (counts, version, summary) = s
        .pool
        .run(|c| {
            let counts = c.counts()?;
            let version = c.schema_version()?;
            Ok((counts, version, c.summary()?))
        })
        .await?;
    Ok(Json(json!({
        "schema_version": version,
        "documents": counts.documents,
        "events": counts.events,
        "clusters": counts.clusters,
        "actors": counts.actors,
        "places": counts.places,
        "first_event": summary.first_event,
        "last_event": summary.last_event,
        "by_event": summary.by_event,
        "by_quad_class": summary.by_quad_class,
        "by_source": summary.by_source,
    })))
}

/// The hand-written OpenAPI 3.0 description.
pub(crate) const OPENAPI: &str = include_str!("../../static/openapi.json");

pub(crate) async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], OPENAPI)
}
