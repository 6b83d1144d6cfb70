//! The API over a PostgreSQL store answers as over an SQLite store holding the same
//! documents. Needs a PostgreSQL server (started when installed and stopped); without one
//! the test skips, except under CI, where it fails.
use axum::body::{Body, to_bytes};
use axum::http::{Request, StatusCode};
use dyad_serve::{AppState, Limits, app};
use dyad_store::testing::pg_scratch;
use dyad_store::{Store, Target, synth};
use serde_json::Value;
use std::collections::BTreeSet;
use tower::ServiceExt;

/// Documents that say "ceasefire", a word no other synthetic document has.
const CEASEFIRE: [usize; 3] = [3, 40, 77];

fn batch() -> Vec<(dyad_core::Document, Vec<dyad_core::EventRecord>)> {
    let mut docs = synth::batch(0, 120, 3);
    for &i in &CEASEFIRE {
        // Appended, so the events' spans still hold; non-ASCII, so byte and UTF-16
        // offsets of later spans would differ if any were there.
        docs[i]
            .0
            .text
            .push_str("A ceasefire was announced in Zürich — “at last”.");
    }
    // As many documents without an outlet as NHK has: the tie in the summary puts them
    // first in both databases.
    let nhk = docs
        .iter()
        .filter(|(d, _)| source(d) == Some("NHK"))
        .count();
    docs.iter_mut()
        .filter(|(d, _)| source(d) == Some("BBC"))
        .take(nhk)
        .for_each(|(d, _)| d.meta.source = None);
    docs
}

fn source(d: &dyad_core::Document) -> Option<&str> {
    d.meta.source.as_deref()
}

async fn get(state: &AppState, uri: &str) -> (StatusCode, Value) {
    let r = app(state.clone())
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = r.status();
    let body = to_bytes(r.into_body(), 1 << 24).await.unwrap();
    (status, serde_json::from_slice(&body).unwrap())
}

/// What may differ between the two stores: sums of floating-point scores round their own
/// way, and actor ids are each database's row ids (the only numeric `id`s).
fn normal(v: Value) -> Value {
    match v {
        Value::Number(n) if n.is_f64() => {
            let f = (n.as_f64().unwrap() * 1e6).round() / 1e6;
            serde_json::json!(f)
        }
        Value::Array(a) => Value::Array(a.into_iter().map(normal).collect()),
        Value::Object(o) => Value::Object(
            o.into_iter()
                .filter(|(k, v)| !(k == "id" && v.is_number()))
                .map(|(k, v)| (k, normal(v)))
                .collect(),
        ),
        v => v,
    }
}

/// Both stores answer `uri` alike, with 200; returns both answers.
async fn same(lite: &AppState, pg: &AppState, uri: &str) -> (Value, Value) {
    let (s1, v1) = get(lite, uri).await;
    let (s2, v2) = get(pg, uri).await;
    assert_eq!(s1, StatusCode::OK, "{uri}: {v1}");
    assert_eq!(s2, StatusCode::OK, "{uri}: {v2}");
    assert_eq!(normal(v1.clone()), normal(v2.clone()), "{uri}");
    (v1, v2)
}

fn hits(v: &Value) -> BTreeSet<(String, i64)> {
    v["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["id"].as_str().unwrap().to_string(),
                d["events"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[test]
fn api_answers_alike_over_sqlite_and_postgres() {
    let Some(db) = pg_scratch("serve") else {
        return;
    };
    let docs = batch();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dyad.db");
    // Written outside any async runtime: the PostgreSQL client runs its own.
    for target in [Target::Sqlite(path.clone()), Target::parse(&db.url)] {
        let mut store = Store::open_target(&target, false).unwrap();
        let s = store.writer("test").unwrap().write_batch(&docs).unwrap();
        assert!(s.errors.is_empty(), "{:?}", s.errors);
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        // Opened from async code, as `serve_target` does.
        let lite = AppState::open(&path, Limits::default()).unwrap();
        let pg = AppState::open_target(&Target::parse(&db.url), Limits::default()).unwrap();

        let (stats, _) = same(&lite, &pg, "/api/stats").await;
        assert_eq!(stats["documents"], 120);
        let sources = stats["by_source"].as_array().unwrap();
        let at = |name: Value| sources.iter().position(|s| s[0] == name).unwrap();
        assert!(at(Value::Null) < at("NHK".into()), "{stats}");

        // Events: the busiest cluster's reports, and a plain one.
        let (page, _) = same(&lite, &pg, "/api/events?limit=500").await;
        let events = page["events"].as_array().unwrap();
        let busiest = events
            .iter()
            .max_by_key(|e| e["n_reports"].as_i64().unwrap())
            .unwrap();
        assert!(busiest["n_reports"].as_i64().unwrap() > 1);
        for e in [busiest, &events[0], &events[events.len() - 1]] {
            let id = e["event_id"].as_str().unwrap();
            let (v, _) = same(&lite, &pg, &format!("/api/events/{id}")).await;
            assert!(!v["mentions"].as_array().unwrap().is_empty());
        }
        same(&lite, &pg, "/api/events?text=ceasefire&limit=100").await;

        // Actors: search by name and by code, paged; one actor with partners.
        let all = same(&lite, &pg, "/api/actors?limit=500").await;
        assert!(all.0["actors"].as_array().unwrap().len() > 20);
        let (usa, _) = same(&lite, &pg, "/api/actors?q=usa&limit=5").await;
        assert!(!usa["actors"].as_array().unwrap().is_empty());
        same(&lite, &pg, "/api/actors?q=Gov&limit=7&offset=3").await;
        same(&lite, &pg, "/api/actors?q=%25").await;
        // The lists are alike, so the same place names the same actor in both.
        let ids = |v: &Value| -> Vec<i64> {
            v["actors"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["id"].as_i64().unwrap())
                .collect()
        };
        for (a, b) in ids(&all.0).into_iter().zip(ids(&all.1)).take(3) {
            let (v1, v2) = (
                get(&lite, &format!("/api/actors/{a}")).await.1,
                get(&pg, &format!("/api/actors/{b}")).await.1,
            );
            assert_eq!(normal(v1.clone()), normal(v2), "actor {a}");
            assert!(!v1["partners"].as_array().unwrap().is_empty());
        }

        // Documents with their annotations, past non-ASCII text.
        for i in [0, CEASEFIRE[1], 119] {
            let (v, _) = same(&lite, &pg, &format!("/api/documents/syn-{i}")).await;
            let anns = v["annotations"].as_array().unwrap();
            assert!(anns.iter().any(|a| a["span"][0] != a["utf16"][0]));
        }

        // Search: the same documents (ranks and snippets are each database's own).
        let want: BTreeSet<String> = CEASEFIRE.iter().map(|i| format!("syn-{i}")).collect();
        for q in ["ceasefire", "officials"] {
            let uri = format!("/api/search?q={q}&limit=500");
            let (s1, v1) = get(&lite, &uri).await;
            let (s2, v2) = get(&pg, &uri).await;
            assert_eq!((s1, s2), (StatusCode::OK, StatusCode::OK));
            assert_eq!(hits(&v1), hits(&v2), "{q}");
            let n = if q == "ceasefire" { want.len() } else { 120 };
            assert_eq!(hits(&v1).len(), n, "{q}");
            for v in [&v1, &v2] {
                for d in v["documents"].as_array().unwrap() {
                    let snippet = d["snippet"].as_str().unwrap().to_lowercase();
                    assert!(snippet.contains(q), "{q}: {snippet:?}");
                }
            }
        }
        let (_, v) = get(&pg, "/api/search?q=ceasefire").await;
        let ids: BTreeSet<String> = hits(&v).into_iter().map(|(id, _)| id).collect();
        assert_eq!(ids, want);
        // A malformed FTS5 expression is the client's error; PostgreSQL's web-search
        // syntax reads any string.
        let (s, v) = get(&lite, "/api/search?q=%22unbalanced").await;
        assert_eq!(
            (s, v["error"]["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("bad_query"))
        );
        let (s, _) = get(&pg, "/api/search?q=%22unbalanced").await;
        assert_eq!(s, StatusCode::OK);
        let (s, _) = get(&pg, "/api/events?text=%22unbalanced").await;
        assert_eq!(s, StatusCode::OK);
    });
}
