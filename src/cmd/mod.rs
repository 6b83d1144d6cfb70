//! One module per command.

mod bench;
mod code;
mod demo;
mod entities;
mod eval;
mod parse;
mod segment;
mod store;
mod timex;

use crate::cli::{Cli, Command};
use std::process::ExitCode;

pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Segment(a) => segment::run(a),
        Command::Code(a) => code::run(a),
        Command::Demo(a) => demo::run(a),
        Command::Bench(a) => bench::run(a),
        Command::Timex(a) => timex::run(a),
        Command::Eval(c) => eval::run(c),
        Command::Entities(a) => entities::run(a),
        Command::Parse(a) => parse::run(a),
        Command::Models => parse::models(),
        Command::Train(crate::cli::TrainCommand::Syntax(a)) => parse::train(a),
        Command::Ingest(a) => store::ingest(a),
        Command::Query(a) => store::query(a),
        Command::Timeline(a) => store::timeline(a),
        Command::Export(a) => store::export(a),
        Command::Serve(a) => serve(&a.db.db, a.addr),
    }
}

/// Serves the dashboard until interrupted.
pub fn serve(db: &std::path::Path, addr: std::net::SocketAddr) -> anyhow::Result<ExitCode> {
    anyhow::ensure!(
        db.exists(),
        "{}: no such store (create one with `dyad ingest PATH --db {}`)",
        db.display(),
        db.display()
    );
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(dyad_serve::serve(db, addr))?;
    Ok(ExitCode::SUCCESS)
}
