//! One module per command.

mod bench;
mod code;
mod demo;
mod eval;
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
        Command::Ingest(a) => store::ingest(a),
        Command::Query(a) => store::query(a),
        Command::Timeline(a) => store::timeline(a),
        Command::Export(a) => store::export(a),
    }
}
