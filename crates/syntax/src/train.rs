//! Training from UD English (EWT train + GUM CC-BY train), seeded and deterministic.
//! Dev sets choose the number of epochs and nothing else.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::conllu::{ConlluSentence, read_conllu};
use crate::eval::{Scores, evaluate};
use crate::lemma::Lemmatizer;
use crate::model::{FORMAT_VERSION, Model, ModelHeader};
use crate::parser::{ParseSentence, ParserTrainOpts, train_parser};
use crate::tagger::{Lex, TagSentence, Tagger, train_tagger};
use crate::{SyntaxError, annotate};

/// Training settings.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Folder holding `en_ewt-ud-*.conllu` and `en_gum-ccby-*.conllu`.
    pub data_dir: PathBuf,
    /// Seed for shuffling and exploration.
    pub seed: u64,
    /// Maximum tagger epochs (the best on dev is kept).
    pub tagger_epochs: usize,
    /// Maximum parser epochs (the best on dev is kept).
    pub parser_epochs: usize,
    /// Jackknife folds used to give the parser realistic predicted tags (0 or 1: gold tags).
    pub folds: usize,
    /// Weights whose averaged magnitude is below this are dropped from the model.
    pub prune: f32,
    /// Train the parser on non-projective sentences too (approximate oracle).
    pub nonprojective: bool,
    /// Number of parsers (different seeds) whose weights are summed.
    pub ensemble: usize,
    /// Parser features that took part in fewer perceptron updates are dropped.
    pub min_updates: u32,
    /// Word dropout strength for the parser (0 = off): a word is hidden with
    /// probability a / (a + its training count).
    pub word_dropout: f64,
    /// Also score the test sets into the header (after all choices are made).
    pub score_test: bool,
}

impl TrainOptions {
    /// Defaults for a data folder.
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        TrainOptions {
            data_dir: data_dir.into(),
            seed: 20_261_126,
            tagger_epochs: 14,
            parser_epochs: 20,
            folds: 4,
            prune: 0.001,
            min_updates: 2,
            ensemble: 4,
            nonprojective: true,
            word_dropout: 0.25,
            score_test: true,
        }
    }
}

fn read(dir: &Path, name: &str) -> Result<Vec<ConlluSentence>, SyntaxError> {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).map_err(|e| SyntaxError::Io {
        path: path.display().to_string(),
        source: e,
    })?;
    read_conllu(&text).map_err(|e| SyntaxError::Conllu {
        path: path.display().to_string(),
        source: e,
    })
}

/// Frequency-ordered inventory (ties by name) so ids are deterministic.
fn inventory<'a>(items: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut c: HashMap<&str, usize> = HashMap::new();
    for x in items {
        *c.entry(x).or_default() += 1;
    }
    let mut v: Vec<(&str, usize)> = c.into_iter().collect();
    v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    v.into_iter().map(|(k, _)| k.to_string()).collect()
}

/// The joint (UPOS, XPOS) classes of the training data, most frequent first (at most 255),
/// and their ids.
type TagClasses = (Vec<(String, String)>, HashMap<(String, String), u16>);

fn tag_classes(train: &[ConlluSentence]) -> TagClasses {
    // A tab cannot occur inside a CoNLL-U column, so it joins the pair unambiguously.
    let pair_keys: Vec<String> = train
        .iter()
        .flat_map(|s| s.tokens.iter())
        .map(|t| format!("{}\t{}", t.upos, t.xpos))
        .collect();
    let mut classes: Vec<(String, String)> = inventory(pair_keys.iter().map(String::as_str))
        .into_iter()
        .map(|k| {
            let (u, x) = k.split_once('\t').unwrap_or((&k, "_"));
            (u.to_string(), x.to_string())
        })
        .collect();
    classes.truncate(255);
    let class_of = classes
        .iter()
        .enumerate()
        .map(|(i, c)| (c.clone(), i as u16))
        .collect();
    (classes, class_of)
}

fn tag_sentences(
    sents: &[ConlluSentence],
    class_of: &HashMap<(String, String), u16>,
) -> Vec<TagSentence> {
    sents
        .iter()
        .map(|s| TagSentence {
            words: s.tokens.iter().map(|t| t.form.clone()).collect(),
            lex: s.tokens.iter().map(|t| Lex::new(&t.form)).collect(),
            gold: s
                .tokens
                .iter()
                .map(|t| {
                    class_of
                        .get(&(t.upos.clone(), t.xpos.clone()))
                        .copied()
                        .unwrap_or(0)
                })
                .collect(),
        })
        .collect()
}

fn tag_accuracy(t: &Tagger, data: &[TagSentence]) -> f64 {
    let (mut ok, mut n) = (0usize, 0usize);
    let (mut amb, mut tags, mut feats, mut scores) =
        (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    for s in data {
        let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
        t.tag(&words, &s.lex, &mut amb, &mut tags, &mut feats, &mut scores);
        ok += tags.iter().zip(&s.gold).filter(|(a, b)| a == b).count();
        n += s.gold.len();
    }
    100.0 * ok as f64 / n.max(1) as f64
}

fn predict_tags(t: &Tagger, data: &[TagSentence]) -> Vec<Vec<u16>> {
    let (mut amb, mut feats, mut scores) = (Vec::new(), Vec::new(), Vec::new());
    data.iter()
        .map(|s| {
            let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
            let mut tags = Vec::new();
            t.tag(&words, &s.lex, &mut amb, &mut tags, &mut feats, &mut scores);
            tags
        })
        .collect()
}

/// Parses gold-tokenised sentences with `model` and scores them.
pub fn score_model(model: &Model, gold: &[ConlluSentence]) -> Scores {
    let sys = annotate(model, gold);
    evaluate(gold, &sys).map(|s| s.total).unwrap_or_default()
}

fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    // Civil-from-days (proleptic Gregorian), after H. Hinnant's public algorithm.
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Trains tagger, lemmatiser and parser; `log` receives progress lines.
pub fn train(opts: &TrainOptions, log: &mut dyn FnMut(&str)) -> Result<Model, SyntaxError> {
    let t0 = Instant::now();
    let dir = &opts.data_dir;
    let mut train = read(dir, "en_ewt-ud-train.conllu")?;
    train.extend(read(dir, "en_gum-ccby-train.conllu")?);
    let ewt_dev = read(dir, "en_ewt-ud-dev.conllu")?;
    let gum_dev = read(dir, "en_gum-ccby-dev.conllu")?;
    let mut dev = ewt_dev.clone();
    dev.extend(gum_dev.iter().cloned());
    log(&format!(
        "read {} train / {} dev sentences",
        train.len(),
        dev.len()
    ));

    let tokens = || train.iter().flat_map(|s| s.tokens.iter());
    let (classes, class_of) = tag_classes(&train);
    let labels: Vec<String> = inventory(tokens().map(|t| t.deprel.as_str()))
        .into_iter()
        .take(255)
        .collect();
    let label_of: HashMap<&str, u8> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i as u8))
        .collect();
    log(&format!(
        "{} tag classes, {} relations",
        classes.len(),
        labels.len()
    ));

    // Tagger, with early stopping on dev.
    let tag_train = tag_sentences(&train, &class_of);
    let tag_dev = tag_sentences(&dev, &class_of);
    let mut best_epoch = 0;
    let mut best_acc = -1.0;
    let tagger = train_tagger(
        &classes,
        &tag_train,
        opts.tagger_epochs,
        opts.seed,
        opts.prune,
        |e, t| {
            let acc = tag_accuracy(t, &tag_dev);
            log(&format!(
                "tagger epoch {e}: dev joint tag accuracy {acc:.2}; {} features ({:.0}s)",
                t.weights.len(),
                t0.elapsed().as_secs_f64()
            ));
            if acc > best_acc {
                best_acc = acc;
                best_epoch = e;
            }
            acc
        },
    );

    // Jackknifed tags for the parser's training data.
    let train_tags: Vec<Vec<u16>> = if opts.folds >= 2 {
        jackknife(
            &classes,
            &tag_train,
            opts.folds,
            best_epoch + 1,
            opts.seed,
            opts.prune,
        )
    } else {
        tag_train.iter().map(|s| s.gold.clone()).collect()
    };
    let jk_ok: usize = train_tags
        .iter()
        .zip(&tag_train)
        .map(|(p, s)| p.iter().zip(&s.gold).filter(|(a, b)| a == b).count())
        .sum();
    let jk_n: usize = tag_train.iter().map(|s| s.gold.len()).sum();
    log(&format!(
        "jackknifed tags: {:.2}% ({:.0}s)",
        100.0 * jk_ok as f64 / jk_n.max(1) as f64,
        t0.elapsed().as_secs_f64()
    ));

    let lemma_data: Vec<(String, u16, String, String)> = train
        .iter()
        .zip(&tag_train)
        .flat_map(|(s, ts)| {
            s.tokens
                .iter()
                .zip(&ts.gold)
                .map(|(t, &c)| (t.form.clone(), c, t.lemma.clone(), t.feats.clone()))
        })
        .collect();
    let lemmatizer = Lemmatizer::train(&classes, &lemma_data);

    let parse_train = parse_sentences(&train, tag_train, train_tags, &label_of, &tagger);
    let dev_tags = predict_tags(&tagger, &tag_dev);
    let parse_dev = parse_sentences(&dev, tag_dev, dev_tags, &label_of, &tagger);
    let popts = ParserTrainOpts {
        epochs: opts.parser_epochs,
        seed: opts.seed.wrapping_mul(31),
        explore_from: 1,
        explore: 0.9,
        prune: opts.prune,
        min_updates: opts.min_updates,
        nonprojective: opts.nonprojective,
        word_dropout: opts.word_dropout,
    };
    // Several parsers trained from different seeds, then their weights summed: for linear
    // models that is exactly the score-sum ensemble, at the inference cost of one model.
    let coarse = crate::parser::coarse_of(&classes);
    let members = opts.ensemble.max(1);
    let trained: Vec<(crate::parser::Parser, Vec<serde_json::Value>)> = std::thread::scope(
        |scope| {
            let handles: Vec<_> = (0..members)
            .map(|m| {
                let (labels, coarse, parse_train, parse_dev) = (&labels, &coarse, &parse_train, &parse_dev);
                let popts = ParserTrainOpts {
                    seed: popts.seed.wrapping_add(m as u64 * 7919),
                    ..popts
                };
                scope.spawn(move || {
                    let mut epochs = Vec::new();
                    let p = train_parser(labels, coarse, parse_train, &popts, |e, p| {
                        let (uas, las) = parser_dev_score(p, parse_dev);
                        epochs.push(serde_json::json!({"member": m, "epoch": e, "uas": uas, "las_full": las}));
                        las
                    });
                    (p, epochs)
                })
            })
            .collect();
            handles.into_iter().filter_map(|h| h.join().ok()).collect()
        },
    );
    let mut epochs_json = Vec::new();
    let mut parsers = Vec::new();
    for (p, epochs) in trained {
        for e in &epochs {
            log(&format!("parser {e}"));
        }
        let (uas, las) = parser_dev_score(&p, &parse_dev);
        log(&format!("member best: dev UAS {uas:.2} LAS(full) {las:.2}"));
        epochs_json.extend(epochs);
        parsers.push(p);
    }
    let parser = crate::parser::Parser::merge(parsers)
        .ok_or(SyntaxError::Format("no parser trained".into()))?;
    let (uas, las) = parser_dev_score(&parser, &parse_dev);
    log(&format!(
        "merged parser: dev UAS {uas:.2} LAS(full) {las:.2}; {} + {} features ({:.0}s)",
        parser.actions.len(),
        parser.labeler.len(),
        t0.elapsed().as_secs_f64()
    ));
    let train_secs = t0.elapsed().as_secs_f64();

    let mut model = Model::from_parts(ModelHeader::default(), tagger, lemmatizer, parser);
    let ewt = score_model(&model, &ewt_dev);
    let gum = score_model(&model, &gum_dev);
    log(&format!(
        "dev EWT: UPOS {:.2} LAS {:.2} UAS {:.2}; GUM: UPOS {:.2} LAS {:.2} UAS {:.2}",
        ewt.upos_pct(),
        ewt.las_pct(),
        ewt.uas_pct(),
        gum.upos_pct(),
        gum.las_pct(),
        gum.uas_pct()
    ));
    let test = if opts.score_test {
        let e = read(dir, "en_ewt-ud-test.conllu").map(|g| score_model(&model, &g).to_json());
        let g = read(dir, "en_gum-ccby-test.conllu").map(|g| score_model(&model, &g).to_json());
        serde_json::json!({"ewt": e.ok(), "gum": g.ok()})
    } else {
        serde_json::Value::Null
    };
    model.set_header(ModelHeader {
        format_version: FORMAT_VERSION,
        data: "UD English EWT train (UD 2.16, commit 15d613d8) + GUM CC-BY genres train (commit afb41ee9); dev for epoch selection".into(),
        date: today(),
        seed: opts.seed,
        training: serde_json::json!({
            "tagger_epochs_max": opts.tagger_epochs,
            "tagger_best_epoch": best_epoch,
            "parser_epochs_max": opts.parser_epochs,
            "jackknife_folds": opts.folds,
            "prune": opts.prune,
            "min_updates": opts.min_updates,
            "ensemble": opts.ensemble,
            "nonprojective": opts.nonprojective,
            "word_dropout": opts.word_dropout,
            "seconds": (train_secs * 10.0).round() / 10.0,
            "parser_epochs": epochs_json,
        }),
        dev: serde_json::json!({"ewt": ewt.to_json(), "gum": gum.to_json()}),
        test,
    });
    Ok(model)
}

/// Tags of `tag_train` predicted by taggers that did not see them: sentence `i` is tagged by
/// a tagger trained for `epochs` on the sentences of the other `k_folds - 1` folds (`i %
/// k_folds`). Later stages train on these so that they learn how far to trust predicted
/// tags.
fn jackknife(
    classes: &[(String, String)],
    tag_train: &[TagSentence],
    k_folds: usize,
    epochs: usize,
    seed: u64,
    prune: f32,
) -> Vec<Vec<u16>> {
    let k = k_folds;
    let mut out: Vec<Vec<u16>> = vec![Vec::new(); tag_train.len()];
    let results: Vec<Vec<(usize, Vec<u16>)>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..k)
            .map(|fold| {
                let (tag_train, classes) = (&tag_train, &classes);
                scope.spawn(move || {
                    let part: Vec<TagSentence> = tag_train
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| i % k != fold)
                        .map(|(_, s)| TagSentence {
                            words: s.words.clone(),
                            lex: s.lex.clone(),
                            gold: s.gold.clone(),
                        })
                        .collect();
                    let seed = seed ^ (fold as u64 + 1);
                    let t = train_tagger(classes, &part, epochs, seed, prune, |_, _| 0.0);
                    let held: Vec<usize> = (0..tag_train.len()).filter(|i| i % k == fold).collect();
                    let held_s: Vec<TagSentence> = held
                        .iter()
                        .map(|&i| TagSentence {
                            words: tag_train[i].words.clone(),
                            lex: tag_train[i].lex.clone(),
                            gold: Vec::new(),
                        })
                        .collect();
                    held.into_iter()
                        .zip(predict_tags(&t, &held_s))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_default())
            .collect()
    });
    for r in results {
        for (i, tags) in r {
            out[i] = tags;
        }
    }
    out
}

/// A sentence's words and their universal POS tags.
pub type WordsAndTags = (Vec<String>, Vec<String>);

/// Every sentence of UD EWT train and GUM CC-BY train (in that order, as in `data_dir`): its
/// words and their universal POS tags, each sentence tagged by a tagger trained on the other
/// folds' sentences (see [`jackknife`]), for stages that train on predicted tags; `epochs`
/// as the committed tagger's (its header).
pub fn jackknifed_upos(
    data_dir: &Path,
    k_folds: usize,
    epochs: usize,
    seed: u64,
) -> Result<Vec<WordsAndTags>, SyntaxError> {
    let mut train = read(data_dir, "en_ewt-ud-train.conllu")?;
    train.extend(read(data_dir, "en_gum-ccby-train.conllu")?);
    let (classes, class_of) = tag_classes(&train);
    let tag_train = tag_sentences(&train, &class_of);
    let tags = jackknife(&classes, &tag_train, k_folds.max(2), epochs, seed, 0.001);
    Ok(tag_train
        .into_iter()
        .zip(tags)
        .map(|(s, ts)| {
            let upos = ts
                .into_iter()
                .map(|t| {
                    classes
                        .get(t as usize)
                        .map_or("X", |c| c.0.as_str())
                        .to_string()
                })
                .collect();
            (s.words, upos)
        })
        .collect())
}

fn parse_sentences(
    sents: &[ConlluSentence],
    tag: Vec<TagSentence>,
    tags: Vec<Vec<u16>>,
    label_of: &HashMap<&str, u8>,
    tagger: &Tagger,
) -> Vec<ParseSentence> {
    sents
        .iter()
        .zip(tag)
        .zip(tags)
        .map(|((s, ts), tags)| {
            let n = s.tokens.len() as u32;
            ParseSentence {
                amb: ts.lex.iter().map(|l| tagger.ambiguity(l.lower)).collect(),
                lex: ts.lex,
                tags,
                heads: s
                    .tokens
                    .iter()
                    .map(|t| match t.head {
                        Some(0) | None => n,
                        Some(h) => (h as u32 - 1).min(n),
                    })
                    .collect(),
                labels: s
                    .tokens
                    .iter()
                    .map(|t| label_of.get(t.deprel.as_str()).copied().unwrap_or(u8::MAX))
                    .collect(),
            }
        })
        .collect()
}

/// (UAS, full-label LAS) of the parser alone on pre-tagged sentences.
fn parser_dev_score(p: &crate::parser::Parser, data: &[ParseSentence]) -> (f64, f64) {
    let mut sc = crate::parser::ParseScratch::default();
    let (mut u, mut l, mut n) = (0usize, 0usize, 0usize);
    for s in data {
        let nd = crate::parser::Nodes {
            lex: &s.lex,
            tags: &s.tags,
            coarse: &p.coarse,
            amb: &s.amb,
        };
        p.parse(&nd, &mut sc);
        for i in 0..s.lex.len() {
            n += 1;
            if sc.st.heads[i] == s.heads[i] {
                u += 1;
                if sc.st.labels[i] == s.labels[i] {
                    l += 1;
                }
            }
        }
    }
    let pct = |x: usize| 100.0 * x as f64 / n.max(1) as f64;
    (pct(u), pct(l))
}

/// `dyad train syntax`: trains and writes the model file, returning it.
pub fn train_to_file(
    opts: &TrainOptions,
    out: &Path,
    log: &mut dyn FnMut(&str),
) -> Result<Model, SyntaxError> {
    let model = train(opts, log)?;
    std::fs::write(out, model.to_bytes()).map_err(|e| SyntaxError::Io {
        path: out.display().to_string(),
        source: e,
    })?;
    Ok(model)
}
