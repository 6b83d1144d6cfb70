//! `dyad code`: event records as JSONL (docs/record.md), pretty JSON, or PETRARCH-style TSV.

use crate::cli::{CodeArgs, CodeFormat};
use crate::input::Documents;
use crate::pipeline::{Pipeline, Stage};
use dyad_core::{EventRecord, Participant};
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: CodeArgs) -> anyhow::Result<ExitCode> {
    let mut docs = Documents::from_args(&args.input).once();
    let mut out = crate::output::open(args.output.as_deref())?;
    if args.format == CodeFormat::Tsv {
        writeln!(
            out,
            "date\tsource\ttarget\tcameo\tevent\tstatus\tdoc\tsentence\ttrigger"
        )?;
    }
    Pipeline::new(Stage::Events)?.run(&mut docs, args.jobs, |_doc, p| {
        for rec in &p.events {
            match args.format {
                CodeFormat::Jsonl => serde_json::to_writer(&mut out, rec)?,
                CodeFormat::Pretty => serde_json::to_writer_pretty(&mut out, rec)?,
                CodeFormat::Tsv => tsv(&mut out, rec)?,
            }
            writeln!(out)?;
        }
        Ok(())
    })?;
    out.flush()?;
    Ok(docs.exit_code())
}

/// One PETRARCH-style row: event date, source and target codes, CAMEO code, then provenance.
fn tsv(out: &mut dyn Write, r: &EventRecord) -> std::io::Result<()> {
    let codes = |ps: &[Participant]| {
        let v: Vec<&str> = ps
            .iter()
            .map(|p| p.code.as_deref().unwrap_or("---"))
            .collect();
        if v.is_empty() {
            "---".to_string()
        } else {
            v.join(";")
        }
    };
    let clean = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    write!(
        out,
        "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
        r.date.value,
        codes(&r.actor),
        codes(&r.recipient),
        r.cameo,
        r.event,
        serde_json::to_value(r.status)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default(),
        clean(&r.document.id),
        r.sentence,
        clean(&r.trigger.text)
    )
}
