//! `dyad eval`: scorers against gold standards.

use crate::cli::{EvalCommand, EvalDictArgs, EvalTimemlArgs};
use anyhow::Context;
use dyad_actors::evaluate;
use std::process::ExitCode;

pub fn run(cmd: EvalCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        EvalCommand::Timeml(a) => timeml(a),
        EvalCommand::Petr(a) => {
            let dir = petr_dictionaries(&a);
            crate::outln!("{}", dyad_events::eval::petr(&a.file, &dir)?);
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Plover(a) => {
            crate::outln!("{}", dyad_events::eval::plover(&a.file, &a.dictionaries)?);
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Ud(a) => {
            let read = |p: &std::path::Path| {
                std::fs::read_to_string(p).with_context(|| format!("cannot read {}", p.display()))
            };
            let gold = read(&a.gold)?;
            let system = a.system.as_deref().map(read).transpose()?;
            let model = if system.is_none() {
                Some(dyad_syntax::Model::load_default()?)
            } else {
                None
            };
            let scores = dyad_syntax::eval_ud(&gold, system.as_deref(), model.as_ref())?;
            print!("{}", scores.report(a.detail));
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::Conll(a) => {
            let coder = dyad_actors::ActorCoder::new()?;
            let text = std::fs::read_to_string(&a.path)
                .with_context(|| format!("cannot read {}", a.path.display()))?;
            print!("{}", evaluate::eval_conll(coder.ner(), &text).report());
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::NerGum(a) => {
            let coder = dyad_actors::ActorCoder::new()?;
            print!("{}", evaluate::eval_gum(coder.ner(), &a.path)?.report());
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::NerMeantime(a) => {
            let coder = dyad_actors::ActorCoder::new()?;
            print!(
                "{}",
                evaluate::eval_meantime(coder.ner(), &a.path)?.report()
            );
            Ok(ExitCode::SUCCESS)
        }
        EvalCommand::CameoExamples(a) => {
            crate::outln!(
                "{}",
                dyad_events::eval::cameo_examples(&a.file, &a.dictionaries)?
            );
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// PETR records name their own small dictionaries, which sit beside the records file; the
/// default dictionary folder does not have them.
fn petr_dictionaries(a: &EvalDictArgs) -> std::path::PathBuf {
    if a.dictionaries == std::path::Path::new("data/cameo-dictionaries") {
        a.file.parent().map(|p| p.to_path_buf()).unwrap_or_default()
    } else {
        a.dictionaries.clone()
    }
}

fn timeml(a: EvalTimemlArgs) -> anyhow::Result<ExitCode> {
    let scores = match (&a.meantime, &a.gold, &a.system) {
        (Some(root), _, _) => {
            if let Some(out) = &a.convert {
                let docs = dyad_time::meantime::convert(root, out)?;
                eprintln!(
                    "dyad: converted {} MEANTIME documents into {}",
                    docs.len(),
                    out.display()
                );
            }
            dyad_time::run_meantime_eval(root)?
        }
        (None, Some(gold), Some(system)) => dyad_time::score_dirs(gold, system)?,
        _ => anyhow::bail!("give GOLD_DIR and SYSTEM_DIR, or --meantime DIR"),
    };
    crate::outln!("{scores}");
    Ok(ExitCode::SUCCESS)
}
