//! Output destinations and broken-pipe handling.

use anyhow::Context;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Standard output or a file, buffered.
pub fn open(path: Option<&Path>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => {
            let f = std::fs::File::create(p)
                .with_context(|| format!("cannot create {}", p.display()))?;
            Box::new(BufWriter::new(f))
        }
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    })
}

/// True when the error is a closed pipe downstream (`dyad code … | head`): a clean exit.
pub fn is_broken_pipe(e: &anyhow::Error) -> bool {
    use std::io::ErrorKind::BrokenPipe;
    e.chain().any(|c| {
        c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == BrokenPipe)
            // serde_json wraps the io::Error without exposing it as a source.
            || c.downcast_ref::<serde_json::Error>().is_some_and(|j| j.io_error_kind() == Some(BrokenPipe))
    })
}

/// `println!` that returns the write error instead of panicking, so a closed pipe downstream
/// (`dyad eval … | head`) ends the command cleanly through [`is_broken_pipe`].
#[macro_export]
macro_rules! outln {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        writeln!(std::io::stdout().lock(), $($t)*)?;
    }};
}
