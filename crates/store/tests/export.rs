//! Exports: every format written and read back; pandas and DuckDB when installed.
use dyad_store::export::{ExportFormat, export};
use dyad_store::{Query, Store, synth};
use std::process::Command;

fn store(dir: &std::path::Path) -> Store {
    let mut s = Store::open(dir.join("x.db")).unwrap();
    let mut docs = synth::batch(0, 150, 2);
    // Fields that need CSV quoting and TSV cleaning.
    docs[5].0.meta.title = Some("Talks, \"frank\" and\nlong — café".into());
    docs[6].1[0].actor[0].name = Some("Smith, John \"JJ\"".into());
    s.writer("v1").unwrap().write_batch(&docs).unwrap();
    s
}

#[test]
fn every_format_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let s = store(dir.path());
    let q = Query::default();
    let n = s.query(&q).unwrap().len() as u64;
    let clusters = s.counts().unwrap().clusters;

    let jsonl = dir.path().join("e.jsonl");
    assert_eq!(
        export(&s, &q, ExportFormat::PloverJsonl, &jsonl, false).unwrap(),
        n
    );
    let text = std::fs::read_to_string(&jsonl).unwrap();
    for line in text.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        assert!(v["event"][0].is_string() && v["actor"].is_array() && v["date"].is_string());
        assert!(v["record"]["trigger"]["span"].is_array());
    }
    assert_eq!(text.lines().count() as u64, n);

    let csv = dir.path().join("e.csv");
    assert_eq!(export(&s, &q, ExportFormat::Csv, &csv, false).unwrap(), n);
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.contains("\"Talks, \"\"frank\"\" and\nlong — café\""));

    let tsv = dir.path().join("e.tsv");
    assert_eq!(
        export(&s, &q, ExportFormat::GdeltTsv, &tsv, false).unwrap(),
        clusters
    );
    let text = std::fs::read_to_string(&tsv).unwrap();
    for line in text.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 61, "{line}");
        assert_eq!(f[1].len(), 8);
        assert!(f[0].parse::<u64>().is_ok());
    }
    assert_eq!(text.lines().count() as u64, clusters);

    let pq = dir.path().join("e.parquet");
    assert_eq!(
        export(&s, &q, ExportFormat::Parquet, &pq, false).unwrap(),
        n
    );
    let reader = parquet::file::serialized_reader::SerializedFileReader::new(
        std::fs::File::open(&pq).unwrap(),
    )
    .unwrap();
    use parquet::file::reader::FileReader;
    assert_eq!(reader.metadata().file_metadata().num_rows() as u64, n);
    assert_eq!(
        reader
            .metadata()
            .file_metadata()
            .schema_descr()
            .num_columns(),
        40
    );

    let part = dir.path().join("parts");
    assert_eq!(
        export(&s, &q, ExportFormat::Parquet, &part, true).unwrap(),
        n
    );
    let dirs: Vec<String> = std::fs::read_dir(&part)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(dirs.iter().all(|d| d.starts_with("date=2024-")), "{dirs:?}");
    assert!(part.join("date=2024-01-01/part-0.parquet").exists());
    assert!(export(&s, &q, ExportFormat::Csv, &part, true).is_err());

    // pandas and DuckDB, when this machine has them.
    let ok = Command::new("python3")
        .args(["-c", "import pandas, duckdb"])
        .status()
        .map(|s| s.success());
    if !matches!(ok, Ok(true)) {
        eprintln!("skip: python3 with pandas and duckdb not available");
        return;
    }
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/read_exports.py");
    let out = Command::new("python3")
        .args([
            script,
            csv.to_str().unwrap(),
            pq.to_str().unwrap(),
            part.to_str().unwrap(),
            &n.to_string(),
        ])
        .output()
        .unwrap();
    let msg = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("{msg}");
    assert!(out.status.success(), "{msg}");
}

#[test]
fn the_lake_reads_back_with_duckdb() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dyad_store::synth::batch(0, 90, 2);
    let mut rows = 0;
    for (i, chunk) in docs.chunks(40).enumerate() {
        rows += dyad_store::lake::write_batch(dir.path(), &format!("b{i}"), chunk)
            .unwrap()
            .rows;
    }
    // A redelivered batch overwrites its own files.
    dyad_store::lake::write_batch(dir.path(), "b0", &docs[..40]).unwrap();
    assert_eq!(rows, 180);
    let ok = Command::new("python3")
        .args(["-c", "import duckdb"])
        .status()
        .map(|s| s.success());
    if !matches!(ok, Ok(true)) {
        eprintln!("skip: python3 with duckdb not available");
        return;
    }
    let glob = dir.path().join("events/*/*.parquet");
    let sql = format!(
        "import duckdb; print(duckdb.sql(\"SELECT count(*), count(DISTINCT event_id), \
         count(DISTINCT date) > 1 FROM read_parquet('{}', hive_partitioning = true)\").fetchall()[0])",
        glob.display()
    );
    let out = Command::new("python3").args(["-c", &sql]).output().unwrap();
    let got = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(got.trim(), "(180, 180, True)");
}
