//! Store behaviour: idempotence, replacement, order independence, clusters, queries,
//! concurrent reads and clear errors.
use dyad_core::{Document, EventRecord};
use dyad_store::{Period, Query, Store, StoreError, synth};
use std::time::Duration;

type Batch = Vec<(Document, Vec<EventRecord>)>;

fn db() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("t.db");
    (dir, p)
}

fn ingest(store: &mut Store, docs: &Batch, batch: usize) {
    let mut w = store.writer("v1").unwrap();
    for chunk in docs.chunks(batch) {
        let s = w.write_batch(chunk).unwrap();
        assert!(s.errors.is_empty(), "{:?}", s.errors);
    }
}

#[test]
fn second_ingest_writes_nothing() {
    let (_d, path) = db();
    let docs = synth::batch(0, 120, 3);
    {
        let mut s = Store::open(&path).unwrap();
        ingest(&mut s, &docs, 25);
    }
    let before = std::fs::read(&path).unwrap();
    let sum = Store::open(&path).unwrap().checksum().unwrap();
    {
        let mut s = Store::open(&path).unwrap();
        let mut w = s.writer("v1").unwrap();
        for chunk in docs.chunks(25) {
            let st = w.write_batch(chunk).unwrap();
            assert_eq!(st.unchanged, chunk.len());
            assert_eq!(st.events_written, 0);
        }
        assert!(!w.needs_coding(&docs[0].0).unwrap());
    }
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the database file changed"
    );
    assert_eq!(Store::open(&path).unwrap().checksum().unwrap(), sum);
}

#[test]
fn order_and_batches_do_not_matter() {
    let docs = synth::batch(0, 200, 3);
    let (_a, pa) = db();
    let (_b, pb) = db();
    let mut a = Store::open(&pa).unwrap();
    ingest(&mut a, &docs, 200);
    let mut rev = docs.clone();
    rev.reverse();
    let mut b = Store::open(&pb).unwrap();
    ingest(&mut b, &rev, 7);
    assert_eq!(a.checksum().unwrap(), b.checksum().unwrap());
    // Earlier versions of every document first (other events, other dates), then the final
    // ones in another order: replacements must converge on the same clusters.
    let (_c, pc) = db();
    let mut c = Store::open(&pc).unwrap();
    let mut old: Batch = synth::batch(1000, 200, 2);
    for (i, (d, evs)) in old.iter_mut().enumerate() {
        d.id = format!("syn-{i}");
        for e in evs.iter_mut() {
            e.id = format!("old-{i}-{}", e.id);
        }
    }
    ingest(&mut c, &old, 13);
    let mut shuffled = docs.clone();
    shuffled.sort_by_key(|(d, _)| {
        (d.id.len() * 7919 + d.id.bytes().map(usize::from).sum::<usize>()) % 31
    });
    ingest(&mut c, &shuffled, 9);
    assert_eq!(a.checksum().unwrap(), c.checksum().unwrap());
    let c = a.counts().unwrap();
    assert_eq!((c.documents, c.events), (200, 600));
    assert!(
        c.clusters < c.events,
        "synthetic reports should cluster: {c:?}"
    );
}

#[test]
fn changed_document_replaces_its_events() {
    let (_d, path) = db();
    let mut s = Store::open(&path).unwrap();
    let docs = synth::batch(0, 50, 2);
    ingest(&mut s, &docs, 50);
    // Document 3 is revised: fewer events, new text. The result must equal a store that
    // only ever saw the revision.
    let mut revised = synth::doc(3, 1);
    revised.0.text.push_str(" Updated.");
    let st = s
        .writer("v1")
        .unwrap()
        .write_batch(std::slice::from_ref(&revised))
        .unwrap();
    assert_eq!(
        (st.replaced, st.events_deleted, st.events_written),
        (1, 2, 1)
    );
    let mut fresh_docs = docs.clone();
    fresh_docs[3] = revised;
    let (_e, p2) = db();
    let mut fresh = Store::open(&p2).unwrap();
    ingest(&mut fresh, &fresh_docs, 50);
    assert_eq!(s.checksum().unwrap(), fresh.checksum().unwrap());
    // A new coder version re-codes everything.
    let mut w = s.writer("v2").unwrap();
    assert!(w.needs_coding(&docs[0].0).unwrap());
    let st = w.write_batch(&docs[..5]).unwrap();
    assert_eq!(st.replaced, 5);
}

#[test]
fn bad_document_is_skipped_not_the_batch() {
    let (_d, path) = db();
    let mut s = Store::open(&path).unwrap();
    let mut docs = synth::batch(0, 4, 2);
    // Two records with one id: the document fails alone.
    let dup = docs[1].1[0].clone();
    docs[1].1.push(dup);
    let st = s.writer("v1").unwrap().write_batch(&docs).unwrap();
    assert_eq!(st.errors.len(), 1);
    assert_eq!(st.errors[0].id, "syn-1");
    assert_eq!(st.inserted, 3);
    assert_eq!(s.counts().unwrap().documents, 3);
}

#[test]
fn clusters_count_sources() {
    let (_d, path) = db();
    let mut s = Store::open(&path).unwrap();
    let base = synth::doc(0, 1);
    let mut docs = Vec::new();
    for (i, src) in ["Reuters", "AP", "AP", "BBC"].iter().enumerate() {
        let (mut d, mut evs) = base.clone();
        d.id = format!("copy-{i}");
        d.meta.source = Some(src.to_string());
        d.date = d
            .date
            .checked_add(jiff::Span::new().days(i as i64))
            .unwrap();
        for e in &mut evs {
            e.id = format!("copy-{i}-{}", e.id);
            e.location = None;
        }
        docs.push((d, evs));
    }
    ingest(&mut s, &docs, 2);
    let rows = s.query(&Query::default()).unwrap();
    assert_eq!(rows.len(), 4);
    assert!(rows.iter().all(|r| r.cluster_id == rows[0].cluster_id));
    let r = &rows[0];
    assert_eq!((r.n_reports, r.n_documents, r.n_sources), (4, 4, 3));
    assert_eq!(r.first_report, docs[0].0.date.to_string());
    assert_eq!(r.last_report, docs[3].0.date.to_string());
    let dedup = s
        .query(&Query {
            dedup: true,
            ..Query::default()
        })
        .unwrap();
    assert_eq!(dedup.len(), 1);
    assert_eq!(dedup[0].doc_id, "copy-0");
    assert_eq!(
        s.query(&Query {
            min_sources: Some(4),
            ..Query::default()
        })
        .unwrap()
        .len(),
        0
    );
    assert_eq!(
        s.query(&Query {
            min_sources: Some(3),
            ..Query::default()
        })
        .unwrap()
        .len(),
        4
    );
}

#[test]
fn query_filters() {
    let (_d, path) = db();
    let mut s = Store::open(&path).unwrap();
    let docs = synth::batch(0, 300, 2);
    ingest(&mut s, &docs, 100);
    let all = s.query(&Query::default()).unwrap();
    assert_eq!(all.len(), 600);
    assert!(all.windows(2).all(|w| w[0].event_date >= w[1].event_date));
    let pair = |a: &str, b: &str| {
        all.iter()
            .filter(|r| {
                let (x, y) = (r.actor_country.as_deref(), r.recipient_country.as_deref());
                (x == Some(a) && y == Some(b)) || (x == Some(b) && y == Some(a))
            })
            .count()
    };
    let q = Query {
        dyad: Some(("USA".into(), "CHN".into())),
        ..Query::default()
    };
    let full = s.query(&q).unwrap();
    assert_eq!(full.len(), pair("USA", "CHN"));
    // The limited dyad query (bounded by the n-th newest date) returns the same first rows.
    for n in [1, 2, 5, 1000] {
        let lim = s
            .query(&Query {
                limit: Some(n),
                ..q.clone()
            })
            .unwrap();
        assert_eq!(lim, full[..n.min(full.len())]);
        let from = Query {
            limit: Some(n),
            from: Some(jiff::civil::date(2024, 1, 5)),
            ..q.clone()
        };
        let want: Vec<_> = full
            .iter()
            .filter(|r| r.event_date.as_str() >= "2024-01-05")
            .take(n)
            .cloned()
            .collect();
        assert_eq!(s.query(&from).unwrap(), want);
    }
    let directed = Query {
        actor: Some("usa".into()),
        recipient: Some("CHN".into()),
        ..Query::default()
    };
    let n = all
        .iter()
        .filter(|r| {
            r.actor_country.as_deref() == Some("USA")
                && r.recipient_country.as_deref() == Some("CHN")
        })
        .count();
    assert_eq!(s.query(&directed).unwrap().len(), n);
    // Canonical names match in any case; code prefixes match.
    let by_name = Query {
        actor: Some("usa gov".into()),
        ..Query::default()
    };
    assert!(
        s.query(&by_name)
            .unwrap()
            .iter()
            .all(|r| r.actor_code.as_deref() == Some("USAGOV"))
    );
    let ev = s
        .query(&Query {
            event: Some("consult".into()),
            ..Query::default()
        })
        .unwrap();
    assert!(!ev.is_empty() && ev.iter().all(|r| r.event == "CONSULT"));
    let cameo = s
        .query(&Query {
            cameo: Some("1".into()),
            ..Query::default()
        })
        .unwrap();
    assert!(!cameo.is_empty() && cameo.iter().all(|r| r.cameo.starts_with('1')));
    let from = jiff::civil::date(2024, 1, 3);
    let to = jiff::civil::date(2024, 1, 4);
    let ranged = s
        .query(&Query {
            from: Some(from),
            to: Some(to),
            ..Query::default()
        })
        .unwrap();
    assert!(!ranged.is_empty());
    assert!(ranged.iter().all(|r| r.event_date.as_str() >= "2024-01-03" && r.event_date.as_str() <= "2024-01-04"));
    let text = s
        .query(&Query {
            text: Some("\"report 17\"".into()),
            ..Query::default()
        })
        .unwrap();
    assert_eq!(text.len(), 2);
    assert!(text.iter().all(|r| r.doc_id == "syn-17"));
    let country = s
        .query(&Query {
            country: Some("chn".into()),
            ..Query::default()
        })
        .unwrap();
    assert!(country.iter().all(|r| {
        r.place_country.as_deref() == Some("CHN")
            || r.actor_country.as_deref() == Some("CHN")
            || r.recipient_country.as_deref() == Some("CHN")
    }));
    assert_eq!(
        s.query(&Query {
            limit: Some(3),
            ..Query::default()
        })
        .unwrap()
        .len(),
        3
    );
    assert!(
        s.query(&Query {
            actor: Some("Nobody".into()),
            ..Query::default()
        })
        .unwrap()
        .is_empty()
    );
    match s.query(&Query {
        text: Some("AND AND (".into()),
        ..Query::default()
    }) {
        Err(StoreError::Query(m)) => assert!(m.contains("full-text"), "{m}"),
        other => panic!("expected a query error, got {other:?}"),
    }
}

#[test]
fn timeline_by_month_and_week() {
    let (_d, path) = db();
    let mut s = Store::open(&path).unwrap();
    ingest(&mut s, &synth::batch(0, 2000, 1), 500);
    let q = Query {
        dyad: Some(("USA".into(), "CHN".into())),
        ..Query::default()
    };
    let n = s.query(&q).unwrap().len() as u64;
    for by in [Period::Month, Period::Week] {
        let t = s.timeline(&q, by).unwrap();
        assert_eq!(t.iter().map(|r| r.events).sum::<u64>(), n);
        for r in &t {
            assert_eq!(
                r.events,
                r.verbal_coop + r.material_coop + r.verbal_conflict + r.material_conflict
            );
        }
        assert!(t.windows(2).all(|w| w[0].period < w[1].period));
    }
    let months = s.timeline(&q, Period::Month).unwrap();
    assert_eq!(months[0].period, "2024-01");
}

#[test]
fn reader_sees_last_commit_during_a_write() {
    let (_d, path) = db();
    let mut s = Store::open(&path).unwrap();
    ingest(&mut s, &synth::batch(0, 20, 2), 20);
    let reader = Store::open_read_only(&path).unwrap();
    // Hold a write transaction open from another connection, as an ingest batch does.
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch("BEGIN IMMEDIATE; DELETE FROM mentions;")
        .unwrap();
    let rows = reader.query(&Query::default()).unwrap();
    assert_eq!(rows.len(), 40);
    assert_eq!(reader.counts().unwrap().documents, 20);
    raw.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn newer_schema_is_refused() {
    let (_d, path) = db();
    drop(Store::open(&path).unwrap());
    rusqlite::Connection::open(&path)
        .unwrap()
        .pragma_update(None, "user_version", 99)
        .unwrap();
    for r in [Store::open(&path), Store::open_read_only(&path)] {
        match r {
            Err(e @ StoreError::NewerSchema { found: 99, .. }) => {
                assert!(
                    e.to_string().contains("newer than this dyad supports"),
                    "{e}"
                )
            }
            other => panic!("expected NewerSchema, got {other:?}"),
        }
    }
}

#[test]
fn corrupt_and_foreign_files_are_refused() {
    let (_d, path) = db();
    std::fs::write(
        &path,
        b"this is not a database, just some text that is long enough..........",
    )
    .unwrap();
    assert!(
        matches!(Store::open(&path), Err(StoreError::Corrupt { .. })),
        "{:?}",
        Store::open(&path)
    );
    let (_e, other) = db();
    let c = rusqlite::Connection::open(&other).unwrap();
    c.execute_batch("CREATE TABLE mine (x)").unwrap();
    drop(c);
    assert!(matches!(
        Store::open(&other),
        Err(StoreError::NotAStore { .. })
    ));
    let (_f, missing) = db();
    assert!(matches!(
        Store::open_read_only(&missing),
        Err(StoreError::NotFound { .. })
    ));
}

#[test]
fn locked_store_is_a_clear_error() {
    let (_d, path) = db();
    drop(Store::open(&path).unwrap());
    let raw = rusqlite::Connection::open(&path).unwrap();
    raw.execute_batch("BEGIN EXCLUSIVE").unwrap();
    let opts = dyad_store::OpenOptions {
        busy_timeout: Duration::from_millis(100),
        read_only: false,
    };
    let mut s = Store::open_with(&path, &opts).unwrap();
    let err = s
        .writer("v1")
        .unwrap()
        .write_batch(&synth::batch(0, 1, 1))
        .unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }), "{err:?}");
    assert!(err.to_string().contains("locked"));
    raw.execute_batch("ROLLBACK").unwrap();
}

#[test]
fn disk_full_keeps_committed_batches() {
    let (_d, path) = db();
    let mut s = Store::open(&path).unwrap();
    ingest(&mut s, &synth::batch(0, 10, 2), 10);
    let sum = s.checksum().unwrap();
    drop(s);
    // Cap the file at its current size: the next batch runs out of pages mid-way.
    let c = rusqlite::Connection::open(&path).unwrap();
    let pages: i64 = c.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    drop(c);
    let mut s = Store::open(&path).unwrap();
    s.set_max_pages(pages as u64).unwrap();
    let err = s
        .writer("v1")
        .unwrap()
        .write_batch(&synth::batch(10, 200, 5))
        .unwrap_err();
    assert!(matches!(err, StoreError::DiskFull { .. }), "{err:?}");
    assert_eq!(s.checksum().unwrap(), sum);
    drop(s);
    assert_eq!(Store::open(&path).unwrap().checksum().unwrap(), sum);
}

#[test]
fn readers_see_whole_batches_while_an_ingest_runs() {
    let (_d, path) = db();
    drop(Store::open(&path).unwrap());
    let p = path.clone();
    let writer = std::thread::spawn(move || {
        let mut s = Store::open(&p).unwrap();
        let mut w = s.writer("v1").unwrap();
        for k in 0..30 {
            w.write_batch(&synth::batch(k * 10, 10, 2)).unwrap();
        }
    });
    let reader = Store::open_read_only(&path).unwrap();
    let mut seen = 0;
    while !writer.is_finished() {
        let rows = reader.query(&Query::default()).unwrap();
        // A snapshot holds whole batches: 10 documents of 2 events each.
        assert_eq!(rows.len() % 20, 0, "partial batch visible");
        seen = seen.max(rows.len());
    }
    writer.join().unwrap();
    assert_eq!(reader.query(&Query::default()).unwrap().len(), 600);
    assert!(seen <= 600);
}
