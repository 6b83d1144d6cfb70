//! `dyad parse`, `dyad models` and `dyad train syntax`.

use crate::cli::{ParseArgs, ParseInput, TrainSyntaxArgs};
use crate::input::Documents;
use crate::pipeline::{Pipeline, Stage};
use anyhow::Context;
use dyad_syntax::{Model, conllu};
use std::io::{Read, Write};
use std::process::ExitCode;

pub fn run(args: ParseArgs) -> anyhow::Result<ExitCode> {
    let model = Model::load_default()?;
    let mut out = crate::output::open(args.output.as_deref())?;
    if args.input == ParseInput::Conllu {
        for p in &args.paths {
            let mut text = String::new();
            if p.as_os_str() == "-" {
                std::io::stdin().read_to_string(&mut text)?;
            } else {
                text = std::fs::read_to_string(p)
                    .with_context(|| format!("cannot read {}", p.display()))?;
            }
            out.write_all(dyad_syntax::parse_conllu_text(&model, &text)?.as_bytes())?;
        }
        out.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut docs =
        Documents::new(args.paths.clone(), args.date, dyad_read::DEFAULT_MAX_BYTES).once();
    let mut worker = model.parser();
    let mut buf = String::new();
    Pipeline::new(Stage::Segment)?.run(&mut docs, Some(1), |doc, p| {
        buf.clear();
        buf.push_str(&format!("# newdoc id = {}\n", doc.id));
        let a = &p.analysis;
        for (i, s) in a.sentences.iter().enumerate() {
            let words: Vec<&str> = a.tokens[s.tokens()]
                .iter()
                .map(|t| &doc.text[t.span.range()])
                .collect();
            let comments = vec![
                format!("# sent_id = {}-{}", doc.id, i + 1),
                format!("# text = {}", &doc.text[s.span.range()]),
            ];
            let mut sent = dyad_syntax::words_to_conllu(&mut worker, &words, comments);
            for (tok, t) in sent.tokens.iter_mut().zip(&a.tokens[s.tokens()]) {
                if t.no_space_after {
                    tok.misc = "SpaceAfter=No".into();
                }
            }
            conllu::write_sentence(&sent, &mut buf);
        }
        out.write_all(buf.as_bytes())?;
        Ok(())
    })?;
    out.flush()?;
    Ok(docs.exit_code())
}

pub fn models() -> anyhow::Result<ExitCode> {
    let start = std::time::Instant::now();
    let syntax = Model::load_default()?;
    let h = syntax.header();
    crate::outln!(
        "syntax model (dyad-syntax, crates/syntax/models/syntax.dsm), format {}",
        h.format_version
    );
    crate::outln!("  data: {}", h.data);
    crate::outln!("  trained: {} (seed {})", h.date, h.seed);
    crate::outln!("  dev: {}", h.dev);
    crate::outln!("  test: {}", h.test);
    crate::outln!("(loaded in {:.2?})\n", start.elapsed());
    let start = std::time::Instant::now();
    // The NER reads the syntax tagger's parts of speech: it shares the model loaded above.
    let actors = dyad_actors::ActorCoder::builder()
        .syntax(std::sync::Arc::new(syntax))
        .build()?;
    crate::outln!("NER model (dyad-actors)");
    for line in actors.ner().header.iter() {
        crate::outln!("  {line}");
    }
    crate::outln!(
        "(loaded with the gazetteer and office holders in {:.2?})",
        start.elapsed()
    );
    Ok(ExitCode::SUCCESS)
}

pub fn train(args: TrainSyntaxArgs) -> anyhow::Result<ExitCode> {
    let opts = dyad_syntax::train::TrainOptions::new(&args.data);
    dyad_syntax::train::train_to_file(&opts, &args.out, &mut |line: &str| eprintln!("{line}"))?;
    eprintln!("dyad: wrote {}", args.out.display());
    // The NER's features read this tagger's parts of speech.
    eprintln!(
        "dyad: the NER reads this tagger's tags; once the new model is committed, retrain it: \
         cargo run --release -p dyad-actors --example train_ner 16 5 3 1"
    );
    Ok(ExitCode::SUCCESS)
}
