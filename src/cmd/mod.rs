//! One module per command.

mod bench;
mod code;
mod demo;
mod entities;
mod eval;
mod parse;
mod queue;
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
        Command::Publish(a) => queue::publish(a),
        Command::Worker(a) => queue::worker(a),
        Command::DeadLetters(a) => queue::dead_letters(a),
        Command::Serve(a) => serve(&a.db.target(), a.addr),
    }
}

/// Serves the dashboard until interrupted.
pub fn serve(db: &dyad_store::Target, addr: std::net::SocketAddr) -> anyhow::Result<ExitCode> {
    if let dyad_store::Target::Sqlite(path) = db {
        anyhow::ensure!(
            path.exists(),
            "{}: no such store (create one with `dyad ingest PATH --db {}`)",
            path.display(),
            path.display()
        );
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?;
    rt.block_on(dyad_serve::serve_target(db, addr))?;
    Ok(ExitCode::SUCCESS)
}
