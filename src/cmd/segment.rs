//! `dyad segment`: paragraphs, sentences and tokens.

use crate::cli::{Format, SegmentArgs};
use crate::input::Documents;
use crate::pipeline::{Pipeline, Stage};
use dyad_core::{Analysis, Document, Duplicate, Span};
use serde::Serialize;
use std::io::Write;
use std::process::ExitCode;

#[derive(Serialize)]
struct SegDoc<'a> {
    id: &'a str,
    date: jiff::civil::Date,
    paragraphs: Vec<Span>,
    sentences: Vec<SegSentence<'a>>,
}

#[derive(Serialize)]
struct SegSentence<'a> {
    index: usize,
    paragraph: u32,
    span: Span,
    text: &'a str,
    tokens: Vec<&'a str>,
    token_spans: Vec<Span>,
    #[serde(skip_serializing_if = "Option::is_none")]
    duplicate: Option<Duplicate>,
}

pub fn run(args: SegmentArgs) -> anyhow::Result<ExitCode> {
    let mut docs = Documents::from_args(&args.input).once();
    let mut out = crate::output::open(args.output.output.as_deref())?;
    let format = args.output.format;
    Pipeline::new(Stage::Segment)?.run(&mut docs, None, |doc, p| {
        write_doc(&mut out, &doc, &p.analysis, format)
    })?;
    out.flush()?;
    Ok(docs.exit_code())
}

fn write_doc(
    out: &mut dyn Write,
    doc: &Document,
    a: &Analysis,
    format: Format,
) -> anyhow::Result<()> {
    let text = doc.text.as_str();
    match format {
        Format::Jsonl => {
            let sentences = a
                .sentences
                .iter()
                .enumerate()
                .map(|(index, s)| SegSentence {
                    index,
                    paragraph: s.paragraph,
                    span: s.span,
                    text: &text[s.span.range()],
                    tokens: a.tokens[s.tokens()]
                        .iter()
                        .map(|t| &text[t.span.range()])
                        .collect(),
                    token_spans: a.tokens[s.tokens()].iter().map(|t| t.span).collect(),
                    duplicate: s.duplicate,
                })
                .collect();
            let rec = SegDoc {
                id: &doc.id,
                date: doc.date,
                paragraphs: a.paragraphs.iter().map(|p| p.span).collect(),
                sentences,
            };
            serde_json::to_writer(&mut *out, &rec)?;
            writeln!(out)?;
        }
        Format::Pretty => {
            writeln!(
                out,
                "# {} ({}): {} paragraphs, {} sentences, {} tokens",
                doc.id,
                doc.date,
                a.paragraphs.len(),
                a.sentences.len(),
                a.tokens.len()
            )?;
            for (i, s) in a.sentences.iter().enumerate() {
                let dup = match s.duplicate {
                    Some(d) => format!(" [repeats {} at {:.3}]", d.of, d.similarity),
                    None => String::new(),
                };
                let toks: Vec<&str> = a.tokens[s.tokens()]
                    .iter()
                    .map(|t| &text[t.span.range()])
                    .collect();
                writeln!(
                    out,
                    "{i:>4} ¶{} {}..{}{dup}\n     {}",
                    s.paragraph,
                    s.span.start,
                    s.span.end,
                    toks.join(" | ")
                )?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}
