//! `/api/search?q=`: full-text search over document titles and texts.
use super::Q;
use crate::AppState;
use crate::error::ApiError;
use axum::Json;
use axum::extract::State;
use serde_json::{Value, json};

pub(crate) async fn search(State(s): State<AppState>, Q(p): Q) -> Result<Json<Value>, ApiError> {
    let q = p.search(&s.limits)?;
    let page = p.page(&s.limits)?;
    let hits = s
        .pool
        .run({
            let q = q.clone();
            move |c| Ok(c.search(&q, page.limit, page.offset)?)
        })
        .await?;
    Ok(Json(json!({
        "q": q,
        "documents": hits,
        "limit": page.limit,
        "offset": page.offset,
    })))
}
