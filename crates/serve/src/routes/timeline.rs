//! `/api/timeline` (any filters) and `/api/dyad?a=&b=` (a pair, both directions, with the
//! first page of its events).
use super::Q;
use crate::AppState;
use crate::error::ApiError;
use axum::Json;
use axum::extract::State;
use dyad_store::Period;
use serde_json::{Value, json};

fn by_name(p: Period) -> &'static str {
    match p {
        Period::Week => "week",
        Period::Month => "month",
    }
}

pub(crate) async fn timeline(State(s): State<AppState>, Q(p): Q) -> Result<Json<Value>, ApiError> {
    let q = p.query(&s.limits)?;
    let by = p.period()?;
    let rows = s
        .pool
        .run(move |c| {
            if let Some(t) = &q.text {
                c.check_text(t)?;
            }
            Ok(c.timeline(&q, by)?)
        })
        .await?;
    Ok(Json(json!({"by": by_name(by), "timeline": rows})))
}

pub(crate) async fn dyad(State(s): State<AppState>, Q(p): Q) -> Result<Json<Value>, ApiError> {
    let q = p.query(&s.limits)?;
    let Some((a, b)) = q.dyad.clone() else {
        return Err(ApiError::bad_request("a and b are required"));
    };
    let by = p.period()?;
    let page = p.page(&s.limits)?;
    let (rows, events, next) = s
        .pool
        .run(move |c| {
            // The page first: it checks a full-text filter before the timeline uses it.
            let (events, next) = super::page(c, &q, page)?;
            let rows = c.timeline(&q, by)?;
            Ok((rows, events, next))
        })
        .await?;
    Ok(Json(json!({
        "a": a,
        "b": b,
        "by": by_name(by),
        "timeline": rows,
        "events": events,
        "limit": page.limit,
        "offset": page.offset,
        "next_offset": next,
    })))
}
