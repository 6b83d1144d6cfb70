//! `dyad eval`: scorers against gold standards.

use crate::cli::{EvalCommand, EvalTimemlArgs};
use std::process::ExitCode;

pub fn run(cmd: EvalCommand) -> anyhow::Result<ExitCode> {
    match cmd {
        EvalCommand::Timeml(a) => timeml(a),
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
    println!("{scores}");
    Ok(ExitCode::SUCCESS)
}
