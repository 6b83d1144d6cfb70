//! One-call evaluations for the `dyad eval …` commands: PLOVER and the CAMEO examples with
//! the parse-based coder (the one `dyad code` uses), PETR with the baseline. Each scorer
//! takes the coder as a closure underneath: see [`crate::petr::score`],
//! [`crate::plover_gsr::score`], [`crate::cameo_examples::score`].
use crate::baseline::{BaselineCoder, BaselineError};
use crate::cameo_examples::{self, CameoReport, CsvError};
use crate::parsed::ParsedCoder;
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
    let coder = news_coder(dictionaries)?;
    Ok(plover_gsr::score(&records, |s, d| coder.code(s, d)))
}

/// The coder `dyad code` uses: parse-based when the parser model is embedded, else the
/// baseline. (PETR stays on the baseline: its records are upper-case fiction the tagger was
/// not trained on, and the parse-based coder scores far lower there.)
enum NewsCoder {
    Parsed(Box<ParsedCoder>),
    Baseline(Box<BaselineCoder>),
}

impl NewsCoder {
    fn code(&self, s: &str, d: jiff::civil::Date) -> crate::Coding {
        match self {
            NewsCoder::Parsed(p) => p.code(s, d),
            NewsCoder::Baseline(b) => b.code(s, d),
        }
    }
}

fn news_coder(dictionaries: &Path) -> Result<NewsCoder, EvalError> {
    let base = BaselineCoder::phoenix(dictionaries)?;
    Ok(match dyad_syntax::Model::load_default() {
        Ok(model) => NewsCoder::Parsed(Box::new(ParsedCoder::new(base, model))),
        Err(_) => NewsCoder::Baseline(Box::new(base)),
    })
}

/// `dyad eval cameo-examples CSV --dictionaries DIR`: the CAMEO manual's example sentences,
/// coded with the Phoenix dictionaries, dated 2000-01-01 (the examples are from about then).
pub fn cameo_examples(csv: &Path, dictionaries: &Path) -> Result<CameoReport, EvalError> {
    let examples = cameo_examples::read(csv)?;
    let coder = news_coder(dictionaries)?;
    Ok(cameo_examples::score(
        &examples,
        jiff::civil::date(2000, 1, 1),
        |s, d| coder.code(s, d),
    ))
}
