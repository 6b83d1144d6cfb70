//! `dyad entities`: entities, actors and places as JSONL; or CoNLL-2003 tagging.

use crate::cli::{EntitiesArgs, EntityInput};
use crate::input::Documents;
use crate::pipeline::{Pipeline, Stage};
use anyhow::Context;
use dyad_actors::{ActorAnalysis, ActorCoder};
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let mut b = ActorCoder::builder();
    for f in &args.officeholders {
        b = b.officeholders_file(f)?;
    }
    for f in &args.actors {
        b = b.actor_dictionary(f)?;
    }
    for f in &args.agents {
        b = b.agent_dictionary(f)?;
    }
    let coder = b.build()?;
    let mut out = crate::output::open(args.output.as_deref())?;
    if args.input == EntityInput::Conll {
        for p in &args.paths {
            let text = std::fs::read_to_string(p)
                .with_context(|| format!("cannot read {}", p.display()))?;
            let mut tagged = String::with_capacity(text.len() + text.len() / 4);
            dyad_actors::evaluate::tag_conll(coder.ner(), &text, &mut tagged);
            out.write_all(tagged.as_bytes())?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut docs =
        Documents::new(args.paths.clone(), args.date, dyad_read::DEFAULT_MAX_BYTES).once();
    let mut actors = ActorAnalysis::default();
    Pipeline::new(Stage::Segment)?.run(&mut docs, None, |doc, p| {
        coder.analyze(&doc, &p.analysis, &mut actors);
        serde_json::to_writer(&mut out, &actors.to_json(&doc))?;
        writeln!(out)?;
        Ok(())
    })?;
    out.flush()?;
    Ok(docs.exit_code())
}
