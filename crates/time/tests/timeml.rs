//! TempEval-3 input → tagged TimeML, and the TempEval-3 timex scorer.

use dyad_time::eval::{compare, score_dirs};
use dyad_time::timeml::{TimexAnnotation, annotate_te3, parse};

const INPUT: &str = r#"<?xml version="1.0" ?>
<TimeML xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<DOCID>seed</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2026-02-26" temporalFunction="false" functionInDocument="CREATION_TIME">2026-02-26</TIMEX3></DCT>
<TITLE>Trump &amp; Mamdani</TITLE>
<TEXT>
Trump plans to meet Mamdani Thursday at 1 p.m. &amp; the two first met in November. “Café” talks ran for two weeks.
</TEXT>
</TimeML>
"#;

#[test]
fn annotate_keeps_text_and_inserts_timex3() {
    let out = annotate_te3(INPUT).expect("annotate");
    assert!(
        out.contains(r#"<TIMEX3 tid="t1" type="DATE" value="2026-02-26">Thursday</TIMEX3>"#),
        "{out}"
    );
    assert!(
        out.contains(r#"<TIMEX3 tid="t2" type="TIME" value="2026-02-26T13:00">1 p.m.</TIMEX3>"#),
        "{out}"
    );
    assert!(
        out.contains(r#"<TIMEX3 tid="t3" type="DATE" value="2025-11">November</TIMEX3>"#),
        "{out}"
    );
    assert!(
        out.contains(r#"<TIMEX3 tid="t4" type="DURATION" value="P2W">two weeks</TIMEX3>"#),
        "{out}"
    );
    // Removing the inserted tags gives back the input byte for byte.
    let mut stripped = out.clone();
    let text_start = stripped.find("<TEXT>").expect("TEXT");
    while let Some(s) = stripped[text_start..]
        .find("<TIMEX3 tid=\"t")
        .map(|s| s + text_start)
    {
        let e = s + stripped[s..].find('>').expect("tag end");
        stripped.replace_range(s..=e, "");
        let c = stripped[s..].find("</TIMEX3>").expect("close") + s;
        stripped.replace_range(c..c + 9, "");
    }
    assert_eq!(stripped, INPUT);
    // The tagged file parses back with the same plain text as the input.
    let a = parse(INPUT, "in").expect("parse input");
    let b = parse(&out, "out").expect("parse output");
    assert_eq!(a.text, b.text);
    assert_eq!(b.timexes.len(), 4);
    assert_eq!(b.dct.as_deref(), Some("2026-02-26"));
}

#[test]
fn tids_skip_existing_ones() {
    let input = INPUT.replace(r#"tid="t0""#, r#"tid="t1""#);
    let out = annotate_te3(&input).expect("annotate");
    assert!(
        out.contains(r#"tid="t2" type="DATE" value="2026-02-26">Thursday"#),
        "{out}"
    );
}

#[test]
fn missing_dct_is_an_error() {
    assert!(annotate_te3("<TimeML><TEXT>Thursday</TEXT></TimeML>").is_err());
}

fn ann(start: usize, end: usize, kind: &str, value: &str) -> TimexAnnotation {
    TimexAnnotation {
        start,
        end,
        kind: kind.to_string(),
        value: value.to_string(),
    }
}

#[test]
fn tempeval3_counts() {
    let gold = [
        ann(0, 8, "DATE", "2026-02-26"),
        ann(20, 30, "DATE", "2025-11"),
        ann(40, 45, "DURATION", "P2W"),
    ];
    let system = [
        ann(0, 8, "DATE", "2026-02-26"), // strict, value and type right
        ann(15, 30, "DATE", "2024-11"),  // relaxed only, wrong value
        ann(50, 55, "DATE", "2026"),     // spurious
    ];
    let c = compare(&gold, &system);
    assert_eq!(
        (c.gold, c.system, c.strict, c.relaxed, c.value, c.kind),
        (3, 3, 1, 2, 1, 2)
    );
}

#[test]
fn score_dirs_reads_te3_folders() {
    let dir = std::env::temp_dir().join(format!("dyad-time-eval-{}", std::process::id()));
    let (g, s) = (dir.join("gold"), dir.join("sys"));
    std::fs::create_dir_all(&g).expect("mkdir");
    std::fs::create_dir_all(&s).expect("mkdir");
    let tagged = annotate_te3(INPUT).expect("annotate");
    std::fs::write(g.join("seed.tml"), &tagged).expect("write");
    std::fs::write(s.join("seed.tml"), &tagged).expect("write");
    let sc = score_dirs(&g, &s).expect("score");
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!((sc.docs, sc.gold, sc.system), (1, 4, 4));
    assert!((sc.strict.f1 - 100.0).abs() < 1e-9 && (sc.value.f1 - 100.0).abs() < 1e-9);
}

#[test]
fn jsonl_lines() {
    let text = "Talks ended “Thursday”, earlier this month.";
    let mut out = Vec::new();
    dyad_time::TimeTagger::new().tag(text, jiff::civil::date(2026, 2, 26), &[], &mut out);
    let mut buf = Vec::new();
    dyad_time::write_jsonl(&mut buf, Some("d1"), text, &out).expect("write");
    let s = String::from_utf8(buf).expect("utf8");
    assert_eq!(
        s,
        "{\"doc\":\"d1\",\"text\":\"Thursday\",\"span\":[15,23],\"type\":\"DATE\",\"value\":\"2026-02-26\"}\n\
         {\"doc\":\"d1\",\"text\":\"earlier this month\",\"span\":[28,46],\"type\":\"DATE\",\"value\":\"2026-02\",\"mod\":\"START\"}\n"
    );
}

#[test]
fn tagger_is_sync_and_send() {
    fn check<T: Send + Sync>() {}
    check::<dyad_time::TimeTagger>();
}
