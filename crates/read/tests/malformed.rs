//! One test per malformed-input case: each is a clear error naming the file (and line), and
//! the documents after it are still read.

use dyad_read::{ReadErrorKind, ReadOptions, Sources};
use proptest::prelude::*;
use std::path::{Path, PathBuf};

fn read(
    paths: Vec<PathBuf>,
    opts: ReadOptions,
) -> Vec<Result<dyad_core::Document, dyad_read::ReadError>> {
    Sources::new(paths, opts).collect()
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

/// A bad file between two good ones: the good ones survive, the error names the bad file.
fn sandwich(name: &str, bytes: &[u8], check: impl Fn(&ReadErrorKind) -> bool) {
    let dir = tempfile::tempdir().unwrap();
    let good1 = write(
        dir.path(),
        "a_good.txt",
        "date 2026-02-26 Trump met Mamdani.".as_bytes(),
    );
    let bad = write(dir.path(), name, bytes);
    let good2 = write(
        dir.path(),
        "z_good.txt",
        "date 2026-02-27 Mamdani met Trump.".as_bytes(),
    );
    let out = read(vec![good1, bad.clone(), good2], ReadOptions::default());
    assert_eq!(out.len(), 3);
    assert!(out[0].is_ok() && out[2].is_ok());
    let err = out[1].as_ref().unwrap_err();
    assert!(check(&err.kind), "{name}: unexpected {err}");
    assert!(
        err.to_string().contains(&bad.display().to_string()),
        "error must name the file: {err}"
    );
}

#[test]
fn binary_file() {
    sandwich("bin.txt", b"date 2026-02-26 \x00\x01\x02ELF", |k| {
        matches!(k, ReadErrorKind::Binary { .. })
    });
}

#[test]
fn invalid_utf8() {
    sandwich("latin1.txt", b"date 2026-02-26 Caf\xe9 in Z\xfcrich", |k| {
        matches!(k, ReadErrorKind::InvalidUtf8 { offset: 19 })
    });
}

#[test]
fn empty_file_and_empty_text() {
    sandwich("empty.txt", b"", |k| matches!(k, ReadErrorKind::EmptyText));
    sandwich("only-date.txt", b"date 2026-02-26   \n ", |k| {
        matches!(k, ReadErrorKind::EmptyText)
    });
}

#[test]
fn no_date() {
    sandwich("nodate.txt", b"Trump met Mamdani.", |k| {
        matches!(k, ReadErrorKind::NoDate)
    });
}

#[test]
fn impossible_date() {
    sandwich("bad.txt", b"date 2026-02-30 Text.", |k| {
        matches!(k, ReadErrorKind::BadDate { .. })
    });
    sandwich("bad2.txt", b"date 26-2-3 Text.", |k| {
        matches!(k, ReadErrorKind::BadDate { .. })
    });
}

#[test]
fn too_large() {
    let big = format!("date 2026-02-26 {}", "word ".repeat(1_100_000));
    sandwich("big.txt", big.as_bytes(), |k| {
        matches!(
            k,
            ReadErrorKind::TooLarge {
                limit: 5_000_000,
                ..
            }
        )
    });
}

#[test]
fn plain_text_dates() {
    let dir = tempfile::tempdir().unwrap();
    let named = write(dir.path(), "report-2025-11-04.txt", b"Leaders met.");
    let plain = write(dir.path(), "plain.txt", b"Leaders met.");
    let out = read(vec![named.clone()], ReadOptions::default());
    assert_eq!(
        out[0].as_ref().unwrap().date,
        jiff::civil::date(2025, 11, 4)
    );
    let opts = ReadOptions {
        date: Some(jiff::civil::date(2026, 1, 2)),
        ..ReadOptions::default()
    };
    let out = read(vec![plain, named], opts);
    assert_eq!(out[0].as_ref().unwrap().date, jiff::civil::date(2026, 1, 2));
    // --date wins over the file name.
    assert_eq!(out[1].as_ref().unwrap().date, jiff::civil::date(2026, 1, 2));
}

#[test]
fn seed_format_offsets_start_at_the_article() {
    let dir = tempfile::tempdir().unwrap();
    let p = write(
        dir.path(),
        "000_x.txt",
        " date 2026-02-26 President Trump plans…\n\nMore.".as_bytes(),
    );
    let doc = read(vec![p], ReadOptions::default())
        .pop()
        .unwrap()
        .unwrap();
    assert_eq!(doc.id, "000_x");
    assert!(doc.text.starts_with("President Trump"));
    assert_eq!(doc.date, jiff::civil::date(2026, 2, 26));
}

#[test]
fn jsonl_bad_lines_are_reported_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"id":"a","date":"2026-02-26","text":"Trump met Mamdani.","source":"Wire","url":"https://example.org/a"}"#,
        r#"{"id":"b","date":"2026-02-26","text":"broken"#,
        r#"{"id":"c","text":"No date."}"#,
        r#"{"id":"d","date":"2026-13-01","text":"Bad month."}"#,
        r#"{"id":"e","date":"2026-02-26","text":"   "}"#,
        r#"[1,2,3]"#,
        "",
        r#"{"date":"2026-02-26T09:00:00Z","text":"No id, timestamp date.","title":"T"}"#,
    ];
    let p = write(dir.path(), "feed.jsonl", lines.join("\n").as_bytes());
    let out = read(vec![p.clone()], ReadOptions::default());
    assert_eq!(out.len(), 7);
    let a = out[0].as_ref().unwrap();
    assert_eq!(
        (a.id.as_str(), a.meta.source.as_deref()),
        ("a", Some("Wire"))
    );
    assert_eq!(a.origin.line, Some(1));
    for (i, line) in [(1, 2), (2, 3), (3, 4), (4, 5), (5, 6)] {
        let e = out[i].as_ref().unwrap_err();
        assert_eq!(e.location, format!("{}:{line}", p.display()), "{e}");
    }
    assert!(matches!(
        out[2].as_ref().unwrap_err().kind,
        ReadErrorKind::Field { field: "date", .. }
    ));
    assert!(matches!(
        out[4].as_ref().unwrap_err().kind,
        ReadErrorKind::EmptyText
    ));
    let last = out[6].as_ref().unwrap();
    assert_eq!(last.id, "feed:8");
    assert_eq!(last.date, jiff::civil::date(2026, 2, 26));
}

#[test]
fn jsonl_oversized_line_is_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let big = format!(
        r#"{{"id":"big","date":"2026-02-26","text":"{}"}}"#,
        "x".repeat(2000)
    );
    let body = format!(
        "{big}\n{}\n",
        r#"{"id":"ok","date":"2026-02-26","text":"Fine."}"#
    );
    let p = write(dir.path(), "f.jsonl", body.as_bytes());
    let out = read(
        vec![p],
        ReadOptions {
            date: None,
            max_bytes: 1000,
        },
    );
    assert!(matches!(
        out[0].as_ref().unwrap_err().kind,
        ReadErrorKind::TooLarge { .. }
    ));
    assert_eq!(out[1].as_ref().unwrap().id, "ok");
}

#[test]
fn directories_recurse_in_sorted_order() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("sub")).unwrap();
    write(dir.path(), "b.txt", b"date 2026-01-02 B.");
    write(
        &dir.path().join("sub"),
        "c.jsonl",
        br#"{"id":"c","date":"2026-01-03","text":"C."}"#,
    );
    write(dir.path(), "a.txt", b"date 2026-01-01 A.");
    write(dir.path(), "notes.md", b"ignored");
    write(dir.path(), ".hidden.txt", b"ignored");
    let ids: Vec<String> = read(vec![dir.path().to_path_buf()], ReadOptions::default())
        .into_iter()
        .map(|d| d.unwrap().id)
        .collect();
    assert_eq!(ids, ["a", "b", "c"]);
}

#[test]
fn missing_path_is_an_error_not_a_panic() {
    let out = read(
        vec!["/nonexistent/dyad/x.txt".into()],
        ReadOptions::default(),
    );
    assert!(matches!(
        out[0].as_ref().unwrap_err().kind,
        ReadErrorKind::Io(_)
    ));
}

proptest! {
    #[test]
    fn any_bytes_read_without_panic(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let opts = ReadOptions { date: Some(jiff::civil::date(2026, 1, 1)), max_bytes: 300 };
        let _ = dyad_read::parse_text_file(&bytes, "x", "x.txt", &opts);
        let _ = dyad_read::parse_jsonl_line(&bytes, || "x".into(), &opts);
    }

    #[test]
    fn jsonish_lines_read_without_panic(s in r#"\{("(id|date|text|title)":("[^"]{0,12}"|[0-9]{1,4}|null|\[\]),?){0,5}\}"#) {
        let _ = dyad_read::parse_jsonl_line(s.as_bytes(), || "x".into(), &ReadOptions::default());
    }
}

/// "No limit" (`usize::MAX`, as `dyad bench` asks) reads text files and JSON Lines alike: the
/// reader's one-byte-over-the-limit probe must not wrap around to a limit of zero.
#[test]
fn no_size_limit_reads_everything() {
    let dir = tempfile::tempdir().unwrap();
    let txt = write(dir.path(), "a.txt", b"date 2026-02-26 Trump met Mamdani.");
    let jsonl = write(
        dir.path(),
        "b.jsonl",
        b"{\"id\": \"b1\", \"date\": \"2026-02-26\", \"text\": \"Mamdani met Trump.\"}\n",
    );
    let opts = ReadOptions {
        max_bytes: usize::MAX,
        ..ReadOptions::default()
    };
    let docs = read(vec![txt, jsonl], opts);
    assert_eq!(docs.len(), 2, "{docs:?}");
    assert!(docs.iter().all(Result::is_ok), "{docs:?}");
}
