//! Every endpoint and error, driven in-process through the router.
mod common;

use axum::body::{Body, to_bytes};
use axum::http::{Method, Request, StatusCode, header};
use dyad_serve::{AppState, Limits, app};
use serde_json::Value;
use std::sync::OnceLock;
use tower::ServiceExt;

fn fixture() -> &'static common::Fixture {
    static F: OnceLock<common::Fixture> = OnceLock::new();
    F.get_or_init(common::store)
}

async fn call(req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let state = AppState::open(&fixture().path, Limits::default()).unwrap();
    let r = app(state).oneshot(req).await.unwrap();
    let status = r.status();
    let headers = r.headers().clone();
    let body = to_bytes(r.into_body(), 1 << 24).await.unwrap().to_vec();
    (status, headers, body)
}

async fn get(uri: &str) -> (StatusCode, Value) {
    let (s, h, b) = call(Request::get(uri).body(Body::empty()).unwrap()).await;
    assert!(
        h[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/json"),
        "{uri}: not JSON"
    );
    (s, serde_json::from_slice(&b).unwrap())
}

async fn ok(uri: &str) -> Value {
    let (s, v) = get(uri).await;
    assert_eq!(s, StatusCode::OK, "{uri}: {v}");
    v
}

/// The error body of every failure: a code and a message, nothing else.
async fn err(uri: &str, status: StatusCode, code: &str) -> String {
    let (s, v) = get(uri).await;
    assert_eq!(s, status, "{uri}: {v}");
    assert_eq!(v["error"]["code"], code, "{uri}: {v}");
    assert_eq!(v.as_object().unwrap().len(), 1);
    assert_eq!(v["error"].as_object().unwrap().len(), 2);
    v["error"]["message"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn events_filter_and_page() {
    let v = ok("/api/events").await;
    assert_eq!(v["events"].as_array().unwrap().len(), 50);
    assert_eq!(v["next_offset"], 50);
    let first = ok("/api/events?limit=10").await;
    let second = ok("/api/events?limit=10&offset=10").await;
    let both = ok("/api/events?limit=20").await;
    let ids = |v: &Value| -> Vec<String> {
        v["events"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["event_id"].as_str().unwrap().to_string())
            .collect()
    };
    let mut joined = ids(&first);
    joined.extend(ids(&second));
    assert_eq!(joined, ids(&both));

    let v = ok("/api/events?event=consult&from=2024-02-01&to=2024-02-29&limit=500").await;
    let rows = v["events"].as_array().unwrap();
    assert!(!rows.is_empty());
    for r in rows {
        assert_eq!(r["event"], "CONSULT");
        let d = r["event_date"].as_str().unwrap();
        assert!(("2024-02-01"..="2024-02-29").contains(&d), "{d}");
    }
    let v = ok("/api/events?a=USA&b=CHN&limit=500").await;
    for r in v["events"].as_array().unwrap() {
        let (a, b) = (
            r["actor_country"].as_str().unwrap(),
            r["recipient_country"].as_str().unwrap(),
        );
        assert!(
            (a == "USA" && b == "CHN") || (a == "CHN" && b == "USA"),
            "{a} {b}"
        );
    }
    for q in [
        "actor=USA",
        "recipient=CHN",
        "cameo=04",
        "country=USA",
        "min_sources=2",
        "text=officials",
        "dedup=true",
    ] {
        let v = ok(&format!("/api/events?{q}&limit=5")).await;
        assert!(!v["events"].as_array().unwrap().is_empty(), "{q}");
    }
    let v = ok("/api/events?actor=Nobody%20At%20All").await;
    assert!(v["events"].as_array().unwrap().is_empty());
    assert!(v["next_offset"].is_null());
}

#[tokio::test]
async fn bad_parameters_are_400() {
    for (uri, code) in [
        ("/api/events?limit=0", "bad_request"),
        ("/api/events?limit=501", "bad_request"),
        ("/api/events?limit=ten", "bad_request"),
        ("/api/events?offset=10001", "bad_request"),
        ("/api/events?from=2024-02-30", "bad_request"),
        ("/api/events?from=1700-01-01", "bad_request"),
        ("/api/events?from=2024-03-01&to=2024-01-01", "bad_request"),
        ("/api/events?cameo=abc", "bad_request"),
        ("/api/events?country=USAX", "bad_request"),
        ("/api/events?a=USA", "bad_request"),
        ("/api/events?dedup=maybe", "bad_request"),
        ("/api/events?nonsense=1", "bad_request"),
        ("/api/events?limit=1&limit=2", "bad_request"),
        ("/api/events?text=%22unbalanced", "bad_query"),
        ("/api/search?q=%22unbalanced", "bad_query"),
        ("/api/timeline?text=AND%20AND", "bad_query"),
        ("/api/dyad?a=USA&b=CHN&text=%22x", "bad_query"),
        ("/api/search", "bad_request"),
        ("/api/dyad?a=USA", "bad_request"),
        ("/api/dyad", "bad_request"),
        ("/api/dyad?a=USA&b=CHN&by=day", "bad_request"),
        ("/api/actors/abc", "bad_request"),
        ("/api/actors/0", "bad_request"),
        ("/api/actors?q=%00", "bad_request"),
    ] {
        err(uri, StatusCode::BAD_REQUEST, code).await;
    }
    let long = "x".repeat(201);
    let m = err(
        &format!("/api/events?actor={long}"),
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
    assert!(m.contains("actor"), "{m}");
}

#[tokio::test]
async fn missing_things_are_404_and_methods_405() {
    err(
        "/api/events/no-such-event",
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    err(
        "/api/documents/no-such-doc",
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    err("/api/actors/999999", StatusCode::NOT_FOUND, "not_found").await;
    err("/api/nothing", StatusCode::NOT_FOUND, "not_found").await;
    err("/nothing.html", StatusCode::NOT_FOUND, "not_found").await;
    let (s, h, b) = call(Request::post("/api/events").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::METHOD_NOT_ALLOWED);
    assert!(h.contains_key(header::ALLOW));
    let v: Value = serde_json::from_slice(&b).unwrap();
    assert_eq!(v["error"]["code"], "method_not_allowed");
}

#[tokio::test]
async fn one_event_with_mentions_and_cluster() {
    let id = &fixture().first_event;
    let v = ok(&format!("/api/events/{id}")).await;
    assert_eq!(v["event"]["id"], id.as_str());
    assert_eq!(v["mentions"][0]["text"], "met");
    assert_eq!(v["document"]["id"], fixture().xss_doc.as_str());
    assert!(v["cluster"]["n_reports"].as_i64().unwrap() >= 1);
    assert!(
        v["reports"]
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["event_id"] == id.as_str())
    );
}

#[tokio::test]
async fn actors_search_and_partners() {
    let v = ok("/api/actors?q=usa").await;
    let actors = v["actors"].as_array().unwrap();
    assert!(!actors.is_empty());
    assert!(
        actors
            .iter()
            .all(|a| a["name"].as_str().unwrap().starts_with("USA"))
    );
    let n: Vec<i64> = actors
        .iter()
        .map(|a| a["events"].as_i64().unwrap())
        .collect();
    assert!(n.windows(2).all(|w| w[0] >= w[1]), "busiest first");
    // `%` is literal, not a wildcard.
    assert!(
        ok("/api/actors?q=%25").await["actors"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    let id = actors[0]["id"].as_i64().unwrap();
    let v = ok(&format!("/api/actors/{id}")).await;
    assert_eq!(v["actor"]["id"], id);
    let partners = v["partners"].as_array().unwrap();
    assert!(!partners.is_empty());
    assert!(partners.iter().all(|p| p["actor"]["id"] != id));
}

#[tokio::test]
async fn dyad_and_overall_timelines() {
    let v = ok("/api/dyad?a=USA&b=CHN&by=month&limit=5").await;
    let tl = v["timeline"].as_array().unwrap();
    assert!(tl.len() >= 6, "{} months", tl.len());
    let total: u64 = tl.iter().map(|r| r["events"].as_u64().unwrap()).sum();
    let quads: u64 = tl
        .iter()
        .map(|r| {
            [
                "verbal_coop",
                "material_coop",
                "verbal_conflict",
                "material_conflict",
            ]
            .iter()
            .map(|k| r[k].as_u64().unwrap())
            .sum::<u64>()
        })
        .sum();
    assert_eq!(total, quads);
    assert_eq!(v["events"].as_array().unwrap().len(), 5);
    let weeks = ok("/api/dyad?a=USA&b=CHN&by=week").await;
    assert!(weeks["timeline"].as_array().unwrap().len() > tl.len());
    assert!(
        weeks["timeline"][0]["period"]
            .as_str()
            .unwrap()
            .contains("-W")
    );
    let all = ok("/api/timeline").await;
    assert_eq!(all["by"], "month");
    let n: u64 = all["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["events"].as_u64().unwrap())
        .sum();
    assert_eq!(n, 3600);
}

#[tokio::test]
async fn document_spans_point_at_their_words() {
    let v = ok("/api/documents/syn-10").await;
    let text = v["text"].as_str().unwrap();
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let anns = v["annotations"].as_array().unwrap();
    let kinds: Vec<&str> = anns.iter().map(|a| a["kind"].as_str().unwrap()).collect();
    for k in ["actor", "recipient", "trigger"] {
        assert!(kinds.contains(&k), "{k}");
    }
    for a in anns {
        let [s, e] = [
            a["span"][0].as_u64().unwrap() as usize,
            a["span"][1].as_u64().unwrap() as usize,
        ];
        let [us, ue] = [
            a["utf16"][0].as_u64().unwrap() as usize,
            a["utf16"][1].as_u64().unwrap() as usize,
        ];
        // The curly quotes before "counterparts" make byte and UTF-16 offsets differ.
        assert_eq!(String::from_utf16(&utf16[us..ue]).unwrap(), &text[s..e]);
        if a["kind"] == "recipient" {
            assert_ne!(s, us);
        }
    }
    assert_eq!(v["events"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn markup_in_documents_is_returned_as_data() {
    let v = ok(&format!("/api/documents/{}", fixture().xss_doc)).await;
    assert!(v["text"].as_str().unwrap().ends_with(common::XSS));
    // The dashboard page itself never contains stored text, and forbids inline script.
    let (s, h, b) = call(Request::get("/").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
    assert!(!String::from_utf8(b).unwrap().contains("alert"));
    let (_, _, js) = call(Request::get("/app.js").body(Body::empty()).unwrap()).await;
    let js = String::from_utf8(js).unwrap();
    assert!(
        !js.contains("innerHTML")
            && !js.contains("insertAdjacentHTML")
            && !js.contains("document.write")
    );
}

#[tokio::test]
async fn search_and_stats() {
    let v = ok("/api/search?q=counterparts%20AND%20capital&limit=3").await;
    assert_eq!(v["documents"].as_array().unwrap().len(), 3);
    assert!(
        v["documents"][0]["snippet"]
            .as_str()
            .unwrap()
            .contains("counterparts")
    );
    let v = ok("/api/search?q=script").await;
    assert_eq!(v["documents"][0]["id"], fixture().xss_doc.as_str());
    let v = ok("/api/stats").await;
    assert_eq!(v["documents"], 1200);
    assert_eq!(v["events"], 3600);
    assert!(v["first_event"].as_str().unwrap() < v["last_event"].as_str().unwrap());
    assert!(!v["by_event"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn openapi_lists_every_route() {
    let v = ok("/api/openapi.json").await;
    assert_eq!(v["openapi"], "3.0.3");
    let paths = v["paths"].as_object().unwrap();
    for p in [
        "/api/events",
        "/api/events/{id}",
        "/api/actors",
        "/api/actors/{id}",
        "/api/timeline",
        "/api/dyad",
        "/api/documents/{id}",
        "/api/search",
        "/api/stats",
        "/api/openapi.json",
    ] {
        assert!(paths.contains_key(p), "{p}");
    }
}

#[tokio::test]
async fn static_files_come_from_a_fixed_map() {
    for (uri, kind) in [
        ("/", "text/html"),
        ("/app.js", "text/javascript"),
        ("/app.css", "text/css"),
    ] {
        let (s, h, _) = call(Request::get(uri).body(Body::empty()).unwrap()).await;
        assert_eq!(s, StatusCode::OK);
        assert!(h[header::CONTENT_TYPE].to_str().unwrap().starts_with(kind));
    }
    for uri in [
        "/../Cargo.toml",
        "/%2e%2e/Cargo.toml",
        "/static/app.js",
        "/app.js/../../src/lib.rs",
        "/..%2f..%2fetc%2fpasswd",
        "/index.html",
        "/etc/passwd",
        "/api/documents/..%2f..%2fCargo.toml",
    ] {
        let (s, _, b) = call(Request::get(uri).body(Body::empty()).unwrap()).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{uri}");
        let body = String::from_utf8(b).unwrap();
        assert!(
            !body.contains("[package]") && !body.contains("root:"),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn oversized_requests_are_refused() {
    let long = format!("/api/events?text={}", "a".repeat(5000));
    let (s, _, b) = call(Request::get(long.as_str()).body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::URI_TOO_LONG);
    assert_eq!(
        serde_json::from_slice::<Value>(&b).unwrap()["error"]["code"],
        "uri_too_long"
    );
    let body = vec![b'x'; 1 << 20];
    let req = Request::builder()
        .method(Method::GET)
        .uri("/api/events")
        .header(header::CONTENT_LENGTH, body.len())
        .body(Body::from(body))
        .unwrap();
    let (s, _, b) = call(req).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(
        serde_json::from_slice::<Value>(&b).unwrap()["error"]["code"],
        "payload_too_large"
    );
}

#[tokio::test]
async fn slow_requests_time_out() {
    let limits = Limits {
        timeout: std::time::Duration::from_nanos(1),
        ..Limits::default()
    };
    let state = AppState::open(&fixture().path, limits).unwrap();
    let r = app(state)
        .oneshot(
            Request::get("/api/timeline?by=week")
                .body(Body::empty())
                .unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    let v: Value =
        serde_json::from_slice(&to_bytes(r.into_body(), 1 << 20).await.unwrap()).unwrap();
    assert_eq!(v["error"]["code"], "timeout");
}

#[test]
fn missing_store_fails_to_open() {
    let dir = tempfile::tempdir().unwrap();
    assert!(AppState::open(dir.path().join("none.db"), Limits::default()).is_err());
}
