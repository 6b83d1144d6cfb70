//! One-call evaluations for the `dyad eval …` commands, run with the baseline coder until the
//! parse-based coder replaces it (each takes the coder as a closure underneath: see
//! [`crate::petr::score`], [`crate::plover_gsr::score`], [`crate::cameo_examples::score`]).
use crate::baseline::{BaselineCoder, BaselineError};
use crate::cameo_examples::{self, CameoReport, CsvError};
use crate::petr::{self, PetrError, PetrReport, PetrSuite};
use crate::plover_gsr::{self, GsrError, GsrReport};
use std::path::Path;

/// Errors of an evaluation run.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// Records file.
    #[error(transparent)]
    Petr(#[from] PetrError),
    /// GSR file.
    #[error(transparent)]
    Gsr(#[from] GsrError),
    /// CAMEO examples file.
    #[error(transparent)]
    Csv(#[from] CsvError),
    /// Dictionaries.
    #[error(transparent)]
    Coder(#[from] BaselineError),
}

/// `dyad eval petr FILE.xml --dictionaries DIR`: codes every record with the dictionaries its
/// `<Environment>` names, read from `dictionaries`.
pub fn petr(records: &Path, dictionaries: &Path) -> Result<PetrReport, EvalError> {
    let suite = PetrSuite::read(records)?;
    let coder = BaselineCoder::for_petr(&suite, dictionaries)?;
    Ok(petr::score(&suite, |s, d| coder.code(s, d)))
}

/// `dyad eval plover GSR --dictionaries DIR`: the PLOVER gold records, coded with the Phoenix
/// dictionaries in `dictionaries` (`CAMEO.2.0.txt`, `Phoenix.*.actors.txt`, `Phoenix.agents.txt`).
pub fn plover(gsr: &Path, dictionaries: &Path) -> Result<GsrReport, EvalError> {
    let records = plover_gsr::read(gsr)?;
    let coder = BaselineCoder::phoenix(dictionaries)?;
    Ok(plover_gsr::score(&records, |s, d| coder.code(s, d)))
}

/// `dyad eval cameo-examples CSV --dictionaries DIR`: the CAMEO manual's example sentences,
/// coded with the Phoenix dictionaries, dated 2000-01-01 (the examples are from about then).
pub fn cameo_examples(csv: &Path, dictionaries: &Path) -> Result<CameoReport, EvalError> {
    let examples = cameo_examples::read(csv)?;
    let coder = BaselineCoder::phoenix(dictionaries)?;
    Ok(cameo_examples::score(
        &examples,
        jiff::civil::date(2000, 1, 1),
        |s, d| coder.code(s, d),
    ))
}
