//! The PostgreSQL store is the SQLite store in another database: the same documents give
//! the same canonical dump and the same query answers, whatever order, batching or number
//! of concurrent writers built it. Needs a PostgreSQL server (started when installed and
//! stopped); without one the tests skip, except under CI, where they fail.
use dyad_core::{Document, EventRecord};
use dyad_store::testing::pg_scratch;
use dyad_store::{Period, Query, Store, StoreError, Target, synth};

type Batch = Vec<(Document, Vec<EventRecord>)>;

fn ingest(store: &mut Store, docs: &Batch, batch: usize) {
    let mut w = store.writer("v1").unwrap();
    for chunk in docs.chunks(batch) {
        let s = w.write_batch(chunk).unwrap();
        assert!(s.errors.is_empty(), "{:?}", s.errors);
    }
}

fn sqlite(docs: &Batch) -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let mut s = Store::open(dir.path().join("t.db")).unwrap();
    ingest(&mut s, docs, 50);
    (dir, s)
}

fn pg(url: &str) -> Store {
    Store::open_target(&Target::parse(url), false).unwrap()
}

#[test]
fn same_dump_as_sqlite_in_any_order() {
    let Some(db) = pg_scratch("dump") else { return };
    let docs = synth::batch(0, 200, 3);
    let (_d, lite) = sqlite(&docs);
    let mut p = pg(&db.url);
    // Earlier versions of every document first, then the final ones reversed in small
    // batches: replacements and re-clustering must converge on the same store.
    let mut old: Batch = synth::batch(1000, 200, 2);
    for (i, (d, evs)) in old.iter_mut().enumerate() {
        d.id = format!("syn-{i}");
        for e in evs.iter_mut() {
            e.id = format!("old-{i}-{}", e.id);
        }
    }
    ingest(&mut p, &old, 13);
    let mut rev = docs.clone();
    rev.reverse();
    ingest(&mut p, &rev, 7);
    assert_eq!(p.counts().unwrap(), lite.counts().unwrap());
    assert_eq!(p.checksum().unwrap(), lite.checksum().unwrap());
    // A second pass writes nothing.
    let mut w = p.writer("v1").unwrap();
    let st = w.write_batch(&docs[..20]).unwrap();
    assert_eq!(st.unchanged, 20);
    assert!(!w.needs_coding(&docs[0].0).unwrap());
    assert!(w.needs_coding(&synth::doc(5000, 1).0).unwrap());
    // Reopening sees the schema in place; a read-only store refuses writes.
    let mut ro = Store::open_target(&Target::parse(&db.url), true).unwrap();
    assert_eq!(ro.schema_version().unwrap(), dyad_store::SCHEMA_VERSION);
    assert!(matches!(ro.writer("v1"), Err(StoreError::ReadOnly { .. })));
}

#[test]
fn concurrent_writers_equal_one_writer() {
    let Some(db) = pg_scratch("concurrent") else {
        return;
    };
    let docs = synth::batch(0, 240, 2);
    let (_d, lite) = sqlite(&docs);
    // Three writers, each with its own connection, take interleaved batches, as three
    // queue workers do; the advisory lock serialises their transactions.
    std::thread::scope(|s| {
        for w in 0..3 {
            let url = db.url.clone();
            let docs = &docs;
            s.spawn(move || {
                let mut store = pg(&url);
                let mut writer = store.writer("v1").unwrap();
                for (i, chunk) in docs.chunks(10).enumerate() {
                    if i % 3 == w {
                        let st = writer.write_batch(chunk).unwrap();
                        assert!(st.errors.is_empty());
                    }
                }
            });
        }
    });
    let p = pg(&db.url);
    assert_eq!(p.checksum().unwrap(), lite.checksum().unwrap());
}

#[test]
fn queries_answer_as_sqlite() {
    let Some(db) = pg_scratch("queries") else {
        return;
    };
    let docs = synth::batch(0, 300, 2);
    let (_d, lite) = sqlite(&docs);
    let mut p = pg(&db.url);
    ingest(&mut p, &docs, 100);
    let d = |y, m, day| Some(jiff::civil::date(y, m, day));
    let queries = [
        Query::default(),
        Query {
            dyad: Some(("USA".into(), "CHN".into())),
            ..Query::default()
        },
        Query {
            dyad: Some(("USA".into(), "CHN".into())),
            limit: Some(5),
            from: d(2024, 1, 5),
            ..Query::default()
        },
        Query {
            actor: Some("usa".into()),
            recipient: Some("CHN".into()),
            ..Query::default()
        },
        Query {
            event: Some("consult".into()),
            to: d(2024, 2, 1),
            ..Query::default()
        },
        Query {
            cameo: Some("04".into()),
            ..Query::default()
        },
        Query {
            country: Some("usa".into()),
            limit: Some(30),
            ..Query::default()
        },
        Query {
            min_sources: Some(2),
            dedup: true,
            ..Query::default()
        },
    ];
    for q in &queries {
        let (a, b) = (lite.query(q).unwrap(), p.query(q).unwrap());
        assert_eq!(a, b, "{q:?}");
    }
    for by in [Period::Week, Period::Month] {
        assert_eq!(
            lite.timeline(&Query::default(), by).unwrap(),
            p.timeline(&Query::default(), by).unwrap()
        );
    }
    // Full text: the engines differ (FTS5 against a tsvector), a plain word finds the same.
    let word = docs[0]
        .0
        .text
        .split_whitespace()
        .nth(1)
        .unwrap()
        .to_string();
    let q = Query {
        text: Some(
            word.trim_matches(|c: char| !c.is_alphanumeric())
                .to_string(),
        ),
        ..Query::default()
    };
    let (a, b) = (lite.query(&q).unwrap(), p.query(&q).unwrap());
    assert!(!a.is_empty());
    assert_eq!(a.len(), b.len(), "{q:?}");
}

#[test]
fn bad_document_is_skipped_not_the_batch() {
    let Some(db) = pg_scratch("bad") else { return };
    let mut s = pg(&db.url);
    let mut docs = synth::batch(0, 4, 2);
    let dup = docs[1].1[0].clone();
    docs[1].1.push(dup);
    let st = s.writer("v1").unwrap().write_batch(&docs).unwrap();
    assert_eq!(st.errors.len(), 1);
    assert_eq!(st.errors[0].id, "syn-1");
    assert_eq!(st.inserted, 3);
    assert_eq!(s.counts().unwrap().documents, 3);
}

#[test]
fn a_foreign_database_is_refused() {
    let Some(db) = pg_scratch("foreign") else {
        return;
    };
    let mut c = postgres::Client::connect(&db.url, postgres::NoTls).unwrap();
    c.batch_execute("CREATE TABLE events (x INT)").unwrap();
    drop(c);
    let e = Store::open_target(&Target::parse(&db.url), false).unwrap_err();
    assert!(matches!(e, StoreError::NotAStore { .. }), "{e}");
    assert!(!e.to_string().contains("secret"));
}

#[test]
fn missing_and_empty_databases_are_clear_errors() {
    let Some(db) = pg_scratch("empty") else {
        return;
    };
    // An empty database holds no store to read.
    let e = Store::open_target(&Target::parse(&db.url), true).unwrap_err();
    assert!(matches!(e, StoreError::NotFound { .. }), "{e}");
    // A database that does not exist: the server's own words, and no password.
    let missing = format!("{}_missing", db.url).replace("postgres@", "postgres:secret@");
    let e = Store::open_target(&Target::parse(&missing), false).unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("does not exist"), "{msg}");
    assert!(!msg.contains("secret"), "{msg}");
}
