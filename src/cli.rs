//! Command-line definition. Doc comments are the help text.

use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;

/// dyad turns dated news reports into political event data: who did what to whom, when and
/// where, and who reported it, with every field traced to the words it came from.
///
/// Exit status: 0 when every document was read, 1 when some were rejected (each rejection is
/// reported on standard error with its file, line and problem), 2 for usage errors.
#[derive(Debug, Parser)]
#[command(name = "dyad", version, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Split documents into paragraphs, sentences and tokens (JSONL, one document a line).
    ///
    /// Example: dyad segment ../shared/seed/000_e76430650e841a56.txt --format pretty
    Segment(SegmentArgs),
    /// Code events from documents (JSONL records as in docs/record.md).
    ///
    /// Example: dyad code examples/corpus -o events.jsonl
    Code(CodeArgs),
    /// Run the whole product on the bundled demo corpus and print a summary.
    ///
    /// Example: dyad demo
    Demo(DemoArgs),
    /// Time each stage over a corpus: documents/s, sentences/s, tokens/s and MB/s per core,
    /// and peak memory.
    ///
    /// Example: dyad bench examples/corpus --min-mb 50
    Bench(BenchArgs),
    /// Tag, lemmatise and parse into CoNLL-U (Universal Dependencies), with dyad's own
    /// segmentation, or keeping the tokenisation of CoNLL-U input.
    ///
    /// Example: dyad parse ../shared/seed/000_e76430650e841a56.txt
    Parse(ParseArgs),
    /// Describe the committed models: format version, training data, date, dev and test scores.
    ///
    /// Example: dyad models
    Models,
    /// Train a model from the open corpora (seeded and reproducible).
    ///
    /// Example: dyad train syntax --data ../shared/data/ud-english
    #[command(subcommand)]
    Train(TrainCommand),
    /// Find temporal expressions (TIMEX3) and normalise them against each report's date.
    ///
    /// Example: dyad timex ../shared/seed/000_e76430650e841a56.txt
    Timex(TimexArgs),
    /// Named entities, actors (canonical name, country, sector, code, every mention) and places
    /// (gazetteer-resolved) as JSONL; or tag CoNLL-2003-style token lines with `--input conll`.
    ///
    /// Example: dyad entities ../shared/seed/000_e76430650e841a56.txt
    Entities(EntitiesArgs),
    /// Code documents into a store (SQLite): parallel coding, one writer, batched
    /// transactions; unchanged documents are skipped, changed ones replaced atomically.
    ///
    /// Example: dyad ingest examples/corpus --db dyad.db
    Ingest(IngestArgs),
    /// Query stored events: an aligned table on a terminal, JSONL or CSV otherwise.
    ///
    /// Example: dyad query --dyad PER ECU --from 2025-01-01 --format csv
    Query(QueryArgs),
    /// A dyad's relationship over time: per week or month, event counts by quad class and
    /// summed Goldstein and PLOVER scores.
    ///
    /// Example: dyad timeline PER ECU --by month
    Timeline(TimelineArgs),
    /// Put documents on a NATS JetStream stream (created if missing) for `dyad worker`s.
    ///
    /// Example: dyad publish articles/ --nats nats://127.0.0.1:4222
    Publish(PublishArgs),
    /// Code documents from a NATS JetStream stream into a sink, as one of many workers:
    /// a durable pull consumer; records written idempotently, then acknowledged.
    ///
    /// Example: dyad worker --nats nats://127.0.0.1:4222 --sink postgres://postgres@127.0.0.1/dyad
    Worker(WorkerArgs),
    /// List the documents workers gave up on (the dead-letter stream) as JSONL: sequence,
    /// deliveries, the error, and the document (or the raw payload when it was not one).
    ///
    /// Example: dyad dead-letters --nats nats://127.0.0.1:4222
    DeadLetters(DeadLettersArgs),
    /// Export stored events as PLOVER JSONL, CSV, GDELT-style TSV or Parquet.
    ///
    /// Example: dyad export --format parquet --partition -o lake/
    Export(ExportArgs),
    /// Serve the JSON API and the dashboard over a store, read-only (loopback by default).
    ///
    /// Example: dyad serve --db dyad.db --addr 127.0.0.1:8080
    Serve(ServeArgs),
    /// Score dyad against a gold standard.
    ///
    /// Example: dyad eval timeml --meantime ../shared/data/meantime-en
    #[command(subcommand)]
    Eval(EvalCommand),
}

#[derive(Debug, Args)]
pub struct ParseArgs {
    /// Documents (seed/plain text, JSONL, directories, `-`), or CoNLL-U files with `--input conllu`.
    ///
    /// Example: dyad parse --input conllu ../shared/data/ud-english/en_ewt-ud-test.conllu
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// `text` (documents, segmented by dyad; JSONL recognised) or `conllu` (tokenisation kept).
    ///
    /// Example: --input conllu
    #[arg(long, value_enum, default_value_t = ParseInput::Text)]
    pub input: ParseInput,
    /// Write to FILE instead of standard output.
    ///
    /// Example: -o parsed.conllu
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report date for plain text files without one (text input).
    ///
    /// Example: --date 2026-02-26
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ParseInput {
    /// Documents, segmented by dyad.
    Text,
    /// JSON Lines documents (same as text; kept for clarity).
    Jsonl,
    /// Pre-tokenised CoNLL-U.
    Conllu,
}

#[derive(Debug, Subcommand)]
pub enum TrainCommand {
    /// The tagger, lemmatiser and parser on UD English EWT + GUM CC-BY train (dev sets for
    /// early stopping only); about 15 minutes on 2 cores.
    ///
    /// Example: dyad train syntax --data ../shared/data/ud-english --out crates/syntax/models/syntax.dsm
    Syntax(TrainSyntaxArgs),
}

#[derive(Debug, Args)]
pub struct TrainSyntaxArgs {
    /// Folder with en_ewt-ud-*.conllu and en_gum-ccby-*.conllu.
    ///
    /// Example: --data ../shared/data/ud-english
    #[arg(long, value_name = "DIR", default_value = "../shared/data/ud-english")]
    pub data: PathBuf,
    /// Where to write the model.
    ///
    /// Example: --out /tmp/syntax.dsm
    #[arg(
        long,
        value_name = "FILE",
        default_value = "crates/syntax/models/syntax.dsm"
    )]
    pub out: PathBuf,
}

#[derive(Debug, Args)]
pub struct TimexArgs {
    /// Documents (as for `dyad segment`); with `--format timeml`, TempEval-3 `.tml` files with
    /// a <DCT>, or a directory of them (then `-o` names the output directory).
    ///
    /// Example: dyad timex --format timeml input/ -o system/
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// `jsonl`: one TIMEX3 a line (doc, text, span, type, value, mod). `timeml`: the input
    /// TimeML with <TIMEX3> tags inserted inside <TEXT>, the text byte-identical.
    ///
    /// Example: --format timeml
    #[arg(long, value_enum, default_value_t = TimexFormat::Jsonl)]
    pub format: TimexFormat,
    /// Write to FILE (or, for a directory of TimeML, into DIR) instead of standard output.
    ///
    /// Example: -o timexes.jsonl
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report date for plain text files without one.
    ///
    /// Example: --date 2026-02-26
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
    /// Largest document accepted, in bytes.
    ///
    /// Example: --max-bytes 20000000
    #[arg(long, value_name = "BYTES", default_value_t = dyad_read::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TimexFormat {
    /// One TIMEX3 a line.
    Jsonl,
    /// TempEval-3 TimeML in, tagged TimeML out.
    Timeml,
}

#[derive(Debug, Subcommand)]
pub enum EvalCommand {
    /// TempEval-3 timex metrics: strict and relaxed extent P/R/F1, value and type F1.
    ///
    /// Example: dyad eval timeml gold/ system/
    /// Example: dyad eval timeml --meantime ../shared/data/meantime-en
    Timeml(EvalTimemlArgs),
    /// PETRARCH-2 validation records: each record coded with the dictionaries its
    /// <Environment> names; pass/fail per record, per category and overall.
    ///
    /// Example: dyad eval petr ../shared/data/petrarch2-validation/PETR.UnitTest.records.xml --dictionaries ../shared/data/petrarch2-validation
    Petr(EvalDictArgs),
    /// PLOVER gold-standard records: category accuracy (0.5b1 labels mapped), actor and
    /// recipient country F1, mode and location.
    ///
    /// Example: dyad eval plover ../shared/data/plover/PLOVER_GSR_CAMEO.txt
    Plover(EvalDictArgs),
    /// CAMEO codebook example sentences: root, base and full code accuracy.
    ///
    /// Example: dyad eval cameo-examples ../shared/data/cameo-codebook/icews-cameo-codes.csv
    CameoExamples(EvalDictArgs),
    /// CoNLL-2003 NER scoring (exact-span P/R/F1 per type as conlleval; PER/ORG/LOC and MISC
    /// reported separately) of dyad's tagger on a file with gold IOB tags in the last column.
    ///
    /// Example: dyad eval conll eng.testb
    Conll(EvalFileArgs),
    /// UD scoring with gold tokenisation: UPOS, XPOS, lemma, UAS, LAS (universal relation)
    /// and full-label LAS; per-genre rows for GUM; `--detail` adds a per-relation table.
    ///
    /// Example: dyad eval ud ../shared/data/ud-english/en_ewt-ud-test.conllu
    Ud(EvalUdArgs),
    /// NER on the GUM CC-BY test split (named person, place, organisation mentions).
    ///
    /// Example: dyad eval ner-gum ../shared/data/ud-english/en_gum-ccby-test.conllu
    NerGum(EvalFileArgs),
    /// NER on MEANTIME NAM mentions (title and sentences 2–5).
    ///
    /// Example: dyad eval ner-meantime ../shared/data/meantime-en/intra_cross-doc_annotation
    NerMeantime(EvalFileArgs),
}

#[derive(Debug, Args)]
pub struct EvalUdArgs {
    /// Gold CoNLL-U.
    #[arg(value_name = "GOLD")]
    pub gold: PathBuf,
    /// System CoNLL-U with the same tokens; without it dyad parses the gold words itself.
    ///
    /// Example: --system parsed.conllu
    #[arg(long, value_name = "SYS")]
    pub system: Option<PathBuf>,
    /// Add the per-relation error table.
    ///
    /// Example: --detail
    #[arg(long)]
    pub detail: bool,
}

#[derive(Debug, Args)]
pub struct EvalFileArgs {
    /// The gold file or folder.
    #[arg(value_name = "PATH")]
    pub path: PathBuf,
}

#[derive(Debug, Args)]
pub struct EvalDictArgs {
    /// The gold file.
    #[arg(value_name = "FILE")]
    pub file: PathBuf,
    /// Directory of dictionaries (verbs, actors, agents, discards) to code with.
    ///
    /// Example: --dictionaries ../shared/data/cameo-dictionaries
    #[arg(long, value_name = "DIR", default_value = "data/cameo-dictionaries")]
    pub dictionaries: PathBuf,
}

#[derive(Debug, Args)]
pub struct EvalTimemlArgs {
    /// Directory of gold TimeML files.
    ///
    /// Example: dyad eval timeml gold/ system/
    #[arg(value_name = "GOLD_DIR", required_unless_present = "meantime")]
    pub gold: Option<PathBuf>,
    /// Directory of system TimeML files with the same names.
    #[arg(value_name = "SYSTEM_DIR", required_unless_present = "meantime")]
    pub system: Option<PathBuf>,
    /// Score dyad on MEANTIME: convert its CAT XML (title and first sentences, dateline left
    /// out), tag, and score.
    ///
    /// Example: --meantime ../shared/data/meantime-en
    #[arg(long, value_name = "DIR", conflicts_with_all = ["gold", "system"])]
    pub meantime: Option<PathBuf>,
    /// With --meantime: also keep the converted gold and input TimeML in OUT (gold/, input/).
    ///
    /// Example: --convert meantime-tml/
    #[arg(long, value_name = "OUT", requires = "meantime")]
    pub convert: Option<PathBuf>,
}

/// Where documents come from.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Files (.txt seed or plain text, .jsonl), directories (recursive) or `-` for standard input.
    ///
    /// Example: dyad segment articles/ extra.jsonl -
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Report date for plain text files without a `date YYYY-MM-DD` line or a date in their name.
    ///
    /// Example: --date 2026-02-26
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
    /// Largest document accepted, in bytes; larger ones are rejected with an error.
    ///
    /// Example: --max-bytes 20000000
    #[arg(long, value_name = "BYTES", default_value_t = dyad_read::DEFAULT_MAX_BYTES)]
    pub max_bytes: usize,
}

/// Where and how results are written.
#[derive(Debug, Args)]
pub struct OutputArgs {
    /// Write to FILE instead of standard output.
    ///
    /// Example: -o out.jsonl
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Output format: one JSON object a line, or indented human-readable text.
    ///
    /// Example: --format pretty
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    pub format: Format,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object a line.
    Jsonl,
    /// Readable text for a person.
    Pretty,
}

#[derive(Debug, Args)]
pub struct SegmentArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

#[derive(Debug, Args)]
pub struct CodeArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Write to FILE instead of standard output.
    ///
    /// Example: -o events.jsonl
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// `jsonl`: one record a line (docs/record.md); `pretty`: indented JSON; `tsv`: a
    /// PETRARCH-style row per event (date, source, target, CAMEO, PLOVER, status, document,
    /// sentence, trigger) after a header line.
    ///
    /// Example: --format tsv
    #[arg(long, value_enum, default_value_t = CodeFormat::Jsonl)]
    pub format: CodeFormat,
    /// Worker threads (default: all cores). Output is identical for any value.
    ///
    /// Example: --jobs 1
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CodeFormat {
    /// One record a line.
    Jsonl,
    /// Indented JSON.
    Pretty,
    /// PETRARCH-style tab-separated rows.
    Tsv,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Extra documents to add to the bundled demo corpus.
    ///
    /// Example: dyad demo my-articles/
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Stop after the summary instead of serving the dashboard.
    ///
    /// Example: dyad demo --no-serve
    #[arg(long)]
    pub no_serve: bool,
    /// The store the demo ingests into.
    ///
    /// Example: --db /tmp/demo.db
    #[arg(long, value_name = "FILE", default_value = "dyad-demo.db")]
    pub db: PathBuf,
    /// Address the dashboard listens on.
    ///
    /// Example: --addr 127.0.0.1:9000
    #[arg(long, value_name = "ADDR", default_value = dyad_serve::DEFAULT_ADDR)]
    pub addr: std::net::SocketAddr,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub db: DbArg,
    /// Address to listen on; a non-loopback address is served with a warning.
    ///
    /// Example: --addr 127.0.0.1:8080
    #[arg(long, value_name = "ADDR", env = "DYAD_ADDR", default_value = dyad_serve::DEFAULT_ADDR)]
    pub addr: std::net::SocketAddr,
}

#[derive(Debug, Args)]
pub struct BenchArgs {
    /// Corpus to time (default: the bundled demo corpus).
    ///
    /// Example: dyad bench examples/corpus
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// Repeat the corpus in memory until it holds at least this many megabytes.
    ///
    /// Example: --min-mb 50
    #[arg(long, value_name = "MB", default_value_t = 10)]
    pub min_mb: usize,
    /// Report date for plain text files without one.
    ///
    /// Example: --date 2026-02-26
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
}

#[derive(Debug, Args)]
pub struct EntitiesArgs {
    /// Documents (as for `dyad segment`), or with `--input conll` one CoNLL-2003 file.
    ///
    /// Example: dyad entities --input conll eng.testb
    #[arg(required = true, value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    /// `text` (seed/plain .txt, the default; JSONL is recognised by its extension or a
    /// leading `{`), `jsonl`, or `conll`: token-first lines written back unchanged with a
    /// predicted IOB2 column (PER, ORG, LOC, MISC) appended.
    ///
    /// Example: --input conll
    #[arg(long, value_enum, default_value_t = EntityInput::Text)]
    pub input: EntityInput,
    /// Extra office-holder file(s) in dyad's TSV format (data/actors/SOURCE.md).
    ///
    /// Example: --officeholders my-officials.tsv
    #[arg(long, value_name = "FILE")]
    pub officeholders: Vec<PathBuf>,
    /// Extra actor dictionary file(s) in the PETRARCH/Phoenix format.
    ///
    /// Example: --actors Phoenix.Countries.actors.txt
    #[arg(long, value_name = "FILE")]
    pub actors: Vec<PathBuf>,
    /// Extra agent dictionary file(s) in the PETRARCH/Phoenix format.
    ///
    /// Example: --agents Phoenix.agents.txt
    #[arg(long, value_name = "FILE")]
    pub agents: Vec<PathBuf>,
    /// Write to FILE instead of standard output.
    ///
    /// Example: -o entities.jsonl
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Report date for plain text files without one.
    ///
    /// Example: --date 2026-02-26
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub date: Option<jiff::civil::Date>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum EntityInput {
    /// Seed-format or plain text files (and JSONL, recognised).
    Text,
    /// JSON Lines documents.
    Jsonl,
    /// CoNLL-2003-style token lines.
    Conll,
}

#[derive(Debug, Args)]
pub struct DbArg {
    /// The store: an SQLite file (`events.db` or `sqlite:events.db`), created by `dyad
    /// ingest`, or a PostgreSQL database (`postgres://user@host/db`), whose schema is created
    /// on first use.
    ///
    /// Example: --db events.db
    #[arg(
        long,
        value_name = "FILE|URL",
        default_value = "dyad.db",
        env = "DYAD_DB"
    )]
    pub db: String,
}

impl DbArg {
    /// Where the store lives.
    pub fn target(&self) -> dyad_store::Target {
        dyad_store::Target::parse(&self.db)
    }
}

#[derive(Debug, Args)]
pub struct IngestArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub db: DbArg,
    /// Worker threads for coding (default: all cores); there is always one writer.
    ///
    /// Example: --jobs 2
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
    /// Documents per write transaction.
    ///
    /// Example: --batch 1000
    #[arg(long, value_name = "N", default_value_t = 500)]
    pub batch: usize,
}

/// The filters shared by `dyad query`, `dyad timeline` and `dyad export`.
#[derive(Debug, Args)]
pub struct FilterArgs {
    /// Actor: canonical name, actor code or code prefix of 3+ letters (USA matches USAGOV).
    ///
    /// Example: --actor USA
    #[arg(long, value_name = "ACTOR")]
    pub actor: Option<String>,
    /// Recipient, matched like --actor.
    ///
    /// Example: --recipient "Zohran Mamdani"
    #[arg(long, value_name = "ACTOR")]
    pub recipient: Option<String>,
    /// PLOVER category.
    ///
    /// Example: --event ASSAULT
    #[arg(long, value_name = "CATEGORY")]
    pub event: Option<String>,
    /// CAMEO code or prefix.
    ///
    /// Example: --cameo 19
    #[arg(long, value_name = "CODE")]
    pub cameo: Option<String>,
    /// Country (ISO alpha-3) of the place or of any participant.
    ///
    /// Example: --country COL
    #[arg(long, value_name = "ISO3")]
    pub country: Option<String>,
    /// First event date, inclusive.
    ///
    /// Example: --from 2025-06-01
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub from: Option<jiff::civil::Date>,
    /// Last event date, inclusive.
    ///
    /// Example: --to 2025-12-31
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub to: Option<jiff::civil::Date>,
    /// Full-text search over document titles and texts (SQLite FTS5 syntax).
    ///
    /// Example: --text "ceasefire AND border"
    #[arg(long, value_name = "QUERY")]
    pub text: Option<String>,
    /// Only events reported by at least N distinct sources.
    ///
    /// Example: --min-sources 2
    #[arg(long, value_name = "N")]
    pub min_sources: Option<u32>,
    /// One row per event cluster (its earliest report) rather than one per report.
    ///
    /// Example: --dedup
    #[arg(long)]
    pub dedup: bool,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// Events between two actors, either direction.
    ///
    /// Example: --dyad PER ECU
    #[arg(long, num_args = 2, value_names = ["A", "B"])]
    pub dyad: Option<Vec<String>>,
    /// At most N rows.
    ///
    /// Example: --limit 20
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: usize,
    /// table (default on a terminal), jsonl (default otherwise) or csv.
    ///
    /// Example: --format csv
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum TableFormat {
    /// Aligned columns.
    Table,
    /// One JSON object a line.
    Jsonl,
    /// CSV with a header row.
    Csv,
}

#[derive(Debug, Args)]
pub struct TimelineArgs {
    /// First actor.
    #[arg(value_name = "A")]
    pub a: String,
    /// Second actor.
    #[arg(value_name = "B")]
    pub b: String,
    #[command(flatten)]
    pub db: DbArg,
    /// Period length.
    ///
    /// Example: --by week
    #[arg(long, value_enum, default_value_t = By::Month)]
    pub by: By,
    /// First event date, inclusive.
    ///
    /// Example: --from 2025-01-01
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub from: Option<jiff::civil::Date>,
    /// Last event date, inclusive.
    ///
    /// Example: --to 2025-12-31
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    pub to: Option<jiff::civil::Date>,
    /// table (default on a terminal), jsonl or csv.
    ///
    /// Example: --format csv
    #[arg(long, value_enum)]
    pub format: Option<TableFormat>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum By {
    /// ISO weeks.
    Week,
    /// Calendar months.
    Month,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub db: DbArg,
    #[command(flatten)]
    pub filters: FilterArgs,
    /// plover-jsonl, csv, gdelt-tsv or parquet (columns documented in crates/store/EXPORT.md).
    ///
    /// Example: --format csv
    #[arg(long, value_name = "FORMAT")]
    pub format: String,
    /// Output file (`-` for standard output, text formats only); a directory with --partition.
    ///
    /// Example: -o events.parquet
    #[arg(short, long, value_name = "PATH")]
    pub output: PathBuf,
    /// Parquet only: one file per report date, DIR/date=YYYY-MM-DD/part-0.parquet.
    ///
    /// Example: --partition
    #[arg(long)]
    pub partition: bool,
}

fn parse_date(s: &str) -> Result<jiff::civil::Date, String> {
    s.parse::<jiff::civil::Date>()
        .map_err(|e| format!("expected YYYY-MM-DD: {e}"))
}

/// The stream both `dyad publish` and `dyad worker` name.
#[derive(Debug, Args)]
pub struct StreamArgs {
    /// NATS server(s), comma-separated.
    ///
    /// Example: --nats nats://127.0.0.1:4222
    #[arg(
        long,
        value_name = "URL",
        env = "DYAD_NATS",
        default_value = "nats://127.0.0.1:4222"
    )]
    pub nats: String,
    /// JetStream stream holding documents to code (dead letters go to `<stream>-dead`).
    ///
    /// Example: --stream dyad-docs
    #[arg(long, value_name = "NAME", default_value = "dyad-docs")]
    pub stream: String,
    /// Subject documents are published on.
    ///
    /// Example: --subject dyad.docs
    #[arg(long, value_name = "SUBJECT", default_value = "dyad.docs")]
    pub subject: String,
    /// Subject documents that keep failing are moved to, with their error.
    ///
    /// Example: --dead-letter dyad.dead
    #[arg(long, value_name = "SUBJECT", default_value = "dyad.dead")]
    pub dead_letter: String,
}

impl StreamArgs {
    pub fn config(&self) -> dyad_queue::StreamConfig {
        dyad_queue::StreamConfig {
            url: self.nats.clone(),
            stream: self.stream.clone(),
            subject: self.subject.clone(),
            dead_letter_subject: self.dead_letter.clone(),
        }
    }
}

#[derive(Debug, Args)]
pub struct PublishArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub stream: StreamArgs,
    /// Publishes awaiting acknowledgement at most at once.
    ///
    /// Example: --batch 512
    #[arg(long, value_name = "N", default_value_t = 256)]
    pub batch: usize,
}

#[derive(Debug, Args)]
pub struct WorkerArgs {
    #[command(flatten)]
    pub stream: StreamArgs,
    /// Durable consumer name; workers naming the same consumer share the work.
    ///
    /// Example: --consumer dyad
    #[arg(long, value_name = "NAME", default_value = "dyad")]
    pub consumer: String,
    /// Where records go: `postgres://…`, `sqlite:FILE` or `parquet:DIR` (a lake of
    /// `events/date=YYYY-MM-DD/part-<batch>.parquet` files).
    ///
    /// Example: --sink parquet:lake/
    #[arg(long, value_name = "SINK")]
    pub sink: String,
    /// Documents fetched and written per batch.
    ///
    /// Example: --batch 200
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub batch: usize,
    /// Deliveries of a failing document before it goes to the dead-letter subject.
    ///
    /// Example: --max-deliver 5
    #[arg(long, value_name = "N", default_value_t = 3)]
    pub max_deliver: u32,
    /// Seconds the server waits for an acknowledgement before redelivering.
    ///
    /// Example: --ack-wait 60
    #[arg(long, value_name = "SECS", default_value_t = 60)]
    pub ack_wait: u64,
    /// Exit once the stream has been empty (nothing pending) for this many seconds; by
    /// default a worker runs until SIGTERM.
    ///
    /// Example: --idle-exit 5
    #[arg(long, value_name = "SECS")]
    pub idle_exit: Option<f64>,
    /// Serve Prometheus counters at http://ADDR/metrics (loopback addresses only).
    ///
    /// Example: --metrics 127.0.0.1:9464
    #[arg(long, value_name = "ADDR")]
    pub metrics: Option<std::net::SocketAddr>,
    /// Coding threads (default: all cores).
    ///
    /// Example: --jobs 1
    #[arg(short, long, value_name = "N")]
    pub jobs: Option<usize>,
}

#[derive(Debug, Args)]
pub struct DeadLettersArgs {
    #[command(flatten)]
    pub stream: StreamArgs,
}
