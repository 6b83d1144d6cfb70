//! `dyad timex`: TIMEX3 expressions as JSONL, or tagged TempEval-3 TimeML.

use crate::cli::{TimexArgs, TimexFormat};
use crate::input::Documents;
use crate::pipeline::{Pipeline, Stage};
use anyhow::Context;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: TimexArgs) -> anyhow::Result<ExitCode> {
    match args.format {
        TimexFormat::Jsonl => {
            let mut docs = Documents::new(args.paths.clone(), args.date, args.max_bytes).once();
            let mut out = crate::output::open(args.output.as_deref())?;
            Pipeline::new(Stage::Time)?.run(&mut docs, None, |doc, p| {
                dyad_time::write_jsonl(&mut out, Some(&doc.id), &doc.text, &p.analysis.timexes)?;
                Ok(())
            })?;
            out.flush()?;
            Ok(docs.exit_code())
        }
        TimexFormat::Timeml => timeml(args),
    }
}

/// TimeML files are tagged one by one; a bad file is reported and the rest carry on.
fn timeml(args: TimexArgs) -> anyhow::Result<ExitCode> {
    let tagger = dyad_time::TimeTagger::new();
    let mut failed = 0;
    let mut out = None;
    for path in &args.paths {
        if path.is_dir() {
            let dir = args
                .output
                .as_deref()
                .context("a directory of TimeML needs -o OUTPUT_DIR")?;
            let n = dyad_time::meantime::tag_dir(&tagger, path, dir)?;
            eprintln!(
                "dyad: tagged {n} TimeML files from {} into {}",
                path.display(),
                dir.display()
            );
            continue;
        }
        let tagged = std::fs::read_to_string(path)
            .map_err(anyhow::Error::from)
            .and_then(|s| Ok(dyad_time::timeml::annotate_te3_with(&tagger, &s)?));
        match tagged {
            Ok(t) => {
                let w = match &mut out {
                    Some(w) => w,
                    None => out.insert(crate::output::open(args.output.as_deref())?),
                };
                w.write_all(t.as_bytes())?;
            }
            Err(e) => {
                failed += 1;
                eprintln!("dyad: {}: {e:#}", path.display());
            }
        }
    }
    if let Some(w) = &mut out {
        w.flush()?;
    }
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
