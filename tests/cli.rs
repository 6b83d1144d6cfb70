//! The `dyad` command as a user runs it: exit codes, errors on standard error, output.

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn dyad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dyad"))
}

fn seed() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed/000_e76430650e841a56.txt");
    if p.exists() {
        Some(p)
    } else {
        eprintln!("skipping: {} is absent", p.display());
        None
    }
}

#[test]
fn segment_seed_jsonl() {
    let Some(seed) = seed() else { return };
    let out = dyad().args(["segment"]).arg(&seed).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["id"], "000_e76430650e841a56");
    assert_eq!(v["date"], "2026-02-26");
    assert_eq!(v["sentences"].as_array().unwrap().len(), 16);
    assert_eq!(v["sentences"][11]["duplicate"]["of"], 1);
}

#[test]
fn hostile_batch_reports_each_problem_and_codes_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("01_good.txt"),
        "date 2026-02-26 Trump met Mamdani at the White House.",
    )
    .unwrap();
    std::fs::write(
        d.join("02_binary.txt"),
        b"\x7fELF\x02\x01\x01\x00\x00\x00binary",
    )
    .unwrap();
    std::fs::write(d.join("03_latin1.txt"), b"date 2026-02-26 Caf\xe9").unwrap();
    std::fs::write(d.join("04_empty.txt"), b"").unwrap();
    std::fs::write(d.join("05_nodate.txt"), "Trump met Mamdani.").unwrap();
    // 100 MB without writing 100 MB: a sparse file is just as large to the reader.
    let big = std::fs::File::create(d.join("06_huge.txt")).unwrap();
    big.set_len(100_000_000).unwrap();
    std::fs::write(
        d.join("07_feed.jsonl"),
        "{\"id\":\"j1\",\"date\":\"2026-02-26\",\"text\":\"Police arrested two men.\"}\n{\"id\":\"j2\",\"date\":\n{\"id\":\"j3\",\"date\":\"2026-02-27\",\"text\":\"Rebels attacked a base.\"}\n",
    )
    .unwrap();
    let out = dyad().arg("segment").arg(d).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    for (file, problem) in [
        ("02_binary.txt", "binary data"),
        ("03_latin1.txt", "invalid UTF-8"),
        ("04_empty.txt", "empty text"),
        ("05_nodate.txt", "no report date"),
        ("06_huge.txt", "over the limit"),
        ("07_feed.jsonl:2", "not a JSON object"),
    ] {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(file) && l.contains(problem)),
            "no `{problem}` error for {file} in:\n{stderr}"
        );
    }
    let ids: Vec<String> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(ids, ["01_good", "j1", "j3"]);
}

#[test]
fn usage_error_exits_2() {
    let out = dyad()
        .args(["segment", "--format", "xml", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = dyad().arg("no-such-command").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn stdin_and_date_flag() {
    let mut child = dyad()
        .args(["segment", "--date", "2026-03-01", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all("Protesters marched in Kraków. Police watched.".as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        (v["id"].as_str(), v["date"].as_str()),
        (Some("stdin"), Some("2026-03-01"))
    );
    assert_eq!(v["sentences"].as_array().unwrap().len(), 2);
}

#[test]
fn broken_pipe_is_a_clean_exit() {
    let dir = tempfile::tempdir().unwrap();
    let mut feed = String::new();
    for i in 0..20_000 {
        feed.push_str(&format!("{{\"id\":\"d{i}\",\"date\":\"2026-02-26\",\"text\":\"Troops crossed the border. Talks failed.\"}}\n"));
    }
    std::fs::write(dir.path().join("feed.jsonl"), feed).unwrap();
    let mut child = dyad()
        .arg("segment")
        .arg(dir.path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // The reader is dropped here: the pipe closes while dyad is still writing.
    let out = child.wait_with_output().unwrap();
    assert!(first.contains("\"d0\""));
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status,
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn output_file_and_jobs_give_identical_results() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus/corpus.jsonl");
    let one = dir.path().join("one.jsonl");
    let two = dir.path().join("two.jsonl");
    for (jobs, path) in [("1", &one), ("2", &two)] {
        let st = dyad()
            .args(["code", "--jobs", jobs, "-o"])
            .arg(path)
            .arg(&corpus)
            .status()
            .unwrap();
        assert!(st.success());
    }
    let a = std::fs::read(&one).unwrap();
    assert!(!a.is_empty());
    assert_eq!(a, std::fs::read(&two).unwrap());
}

#[test]
fn every_command_has_help_with_an_example() {
    for cmd in [
        "segment", "code", "demo", "bench", "timex", "ingest", "query", "timeline", "export",
        "serve",
    ] {
        let out = dyad().args([cmd, "--help"]).output().unwrap();
        assert!(out.status.success());
        let help = String::from_utf8(out.stdout).unwrap();
        assert!(
            help.contains("Example: dyad"),
            "{cmd} --help lacks an example:\n{help}"
        );
    }
}

#[test]
fn demo_runs_without_serving() {
    let dir = tempfile::tempdir().unwrap();
    let out = dyad()
        .args(["demo", "--no-serve", "--db"])
        .arg(dir.path().join("demo.db"))
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("46 documents"));
}

#[test]
fn timex_seed_values() {
    let Some(seed) = seed() else { return };
    let out = dyad().arg("timex").arg(&seed).output().unwrap();
    assert!(out.status.success());
    let rows: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let value = |text: &str| {
        rows.iter()
            .find(|r| r["text"] == text)
            .map(|r| r["value"].as_str().unwrap().to_string())
            .unwrap_or_default()
    };
    assert_eq!(value("Thursday"), "2026-02-26");
    assert_eq!(value("November"), "2025-11");
    assert_eq!(value("earlier this month"), "2026-02");
    assert_eq!(value("earlier Thursday"), "2026-02-26");
    assert_eq!(value("1 p.m."), "2026-02-26T13:00");
}

#[test]
fn timex_timeml_keeps_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let input = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>d1</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2026-02-26\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">2026-02-26</TIMEX3></DCT>\n<TEXT>\nThe ministers met on Monday and will meet again next week in Zürich.\n</TEXT>\n</TimeML>\n";
    let p = dir.path().join("d1.tml");
    std::fs::write(&p, input).unwrap();
    let out = dyad()
        .args(["timex", "--format", "timeml"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let tagged = String::from_utf8(out.stdout).unwrap();
    assert!(
        tagged.contains(r#"value="2026-02-23">Monday</TIMEX3>"#),
        "{tagged}"
    );
    assert!(tagged.contains("next week</TIMEX3>"), "{tagged}");
    let mut stripped = String::new();
    let mut rest = tagged.as_str();
    // Remove the inserted tags (not the DCT's): the remainder must be the input.
    while let Some(i) = rest.find("<TIMEX3 tid=\"t") {
        let is_dct = rest[i..].starts_with("<TIMEX3 tid=\"t0\"");
        let open_end = i + rest[i..].find('>').unwrap() + 1;
        if is_dct {
            stripped.push_str(&rest[..open_end]);
            rest = &rest[open_end..];
            continue;
        }
        stripped.push_str(&rest[..i]);
        let close = open_end + rest[open_end..].find("</TIMEX3>").unwrap();
        stripped.push_str(&rest[open_end..close]);
        rest = &rest[close + "</TIMEX3>".len()..];
    }
    stripped.push_str(rest);
    assert_eq!(stripped, input);
}

/// The records `dyad code` writes for one plain-text document.
fn code_text(text: &str) -> Vec<serde_json::Value> {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("doc.txt");
    std::fs::write(&f, text).unwrap();
    let out = dyad().arg("code").arg(&f).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

#[test]
fn event_locations_are_resolved_in_the_gazetteer() {
    let locs: Vec<serde_json::Value> = code_text(
        "date 2026-03-02 The Ruritanian foreign minister met President Donald Trump at the \
         White House on Monday. Police arrested 40 protesters in Kraków on Sunday.",
    )
    .into_iter()
    .filter_map(|r| r.get("location").cloned())
    .collect();
    let find = |text: &str| {
        locs.iter()
            .find(|l| l["text"] == text)
            .unwrap_or_else(|| panic!("no location {text} in {locs:?}"))
    };
    let wh = find("White House");
    assert_eq!(
        (wh["name"].as_str(), wh["country"].as_str()),
        (Some("Washington"), Some("USA"))
    );
    assert!(wh["lat"].as_f64().is_some() && wh["geonames_id"].as_u64().is_some());
    assert_eq!(find("Kraków")["country"].as_str(), Some("POL"));
}

#[test]
fn a_person_in_office_keeps_their_code_wherever_the_event_happens() {
    // Written for this test: the event coder would give an unknown name the country of the
    // event's place; the office held on the report's date wins over that guess.
    let recs = code_text("date 2026-03-02 Donald Trump met Ana Lopez in Paris on Monday.");
    let met = recs
        .iter()
        .find(|r| r["trigger"]["text"] == "met")
        .unwrap_or_else(|| panic!("no meeting in {recs:?}"));
    assert_eq!(met["actor"][0]["code"], "USAGOV", "{met}");
    assert_eq!(met["location"]["country"], "FRA", "{met}");
}

#[test]
fn a_planned_meeting_at_a_known_place_keeps_the_person_met_as_recipient() {
    // Written for this test: the person met is in no dictionary, the place is ("the White
    // House" codes USAGOV). The place is where the meeting happens, not whom it is with,
    // also when the meeting is only planned ("plans to meet": a clause of its own).
    let recs = code_text(
        "date 2026-02-26 President Donald Trump plans to meet Carlos Ruiz at the White House on Thursday.",
    );
    let meet = recs
        .iter()
        .find(|r| r["trigger"]["text"] == "meet")
        .unwrap_or_else(|| panic!("no meeting in {recs:?}"));
    assert_eq!(meet["recipient"][0]["text"], "Carlos Ruiz", "{meet}");
    assert_eq!(meet["location"]["name"], "Washington", "{meet}");
}

#[test]
fn a_country_lent_by_the_setting_gives_way_to_the_actors_own() {
    // Written for this test: the event coder knows "ministers" only as GOV and lends the
    // country of the place the agent is in ("meeting in Brussels"); the actor stage reads
    // the EU in the words themselves.
    let recs = code_text(
        "date 2025-05-14 EU foreign ministers meeting in Brussels froze the assets of 14 \
         Belarusian officials on Tuesday.",
    );
    let meeting = recs
        .iter()
        .find(|r| r["trigger"]["text"] == "meeting")
        .unwrap_or_else(|| panic!("no meeting in {recs:?}"));
    assert_eq!(meeting["actor"][0]["code"], "EURGOV", "{meeting}");
    assert_eq!(meeting["location"]["country"], "BEL", "{meeting}");
}

#[test]
fn a_story_read_twice_is_coded_once() {
    // The same story as a text file and as a line of a JSONL file in one folder (as in
    // examples/corpus): its events are written once, and the skip is reported.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let text = "Rebels attacked an army base near Goma on Monday.";
    std::fs::write(d.join("a1.txt"), format!("date 2026-02-26 {text}")).unwrap();
    std::fs::write(
        d.join("b.jsonl"),
        format!("{{\"id\":\"a1\",\"date\":\"2026-02-26\",\"text\":\"{text}\"}}\n"),
    )
    .unwrap();
    let out = dyad().arg("code").arg(d).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ids: Vec<String> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string())
        .collect();
    let unique: std::collections::HashSet<&String> = ids.iter().collect();
    assert!(!ids.is_empty());
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("document a1") && err.contains("skipped"),
        "{err}"
    );
}
