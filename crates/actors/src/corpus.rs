//! Readers for the NER training and evaluation corpora: GUM's entity layer (CoNLL-U MISC
//! `Entity=`), MEANTIME's CAT XML and CoNLL-2003 column files.
//!
//! GUM annotates every mention (named, nominal, pronominal) of ten entity types. A *named*
//! mention, for dyad, is a person, place or organization mention whose syntactic head is a
//! proper noun; its name is the run of proper nouns around the head (joined over `of`, `and`,
//! `&`, `de`, `for` when a proper noun follows), without leading titles for persons
//! ("Mayor Zohran Mamdani" → "Zohran Mamdani", which leaves "New York City" in "New York City
//! Mayor Zohran Mamdani" to its own place mention). Longer mentions claim their tokens first.
use std::collections::HashMap;

/// Entity types the tagger predicts.
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// A sentence of words with one IOB2 tag each (`O`, `B-PER`, `I-LOC`, …).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TaggedSentence {
    /// Words.
    pub words: Vec<String>,
    /// IOB2 tags, as many as words.
    pub tags: Vec<String>,
    /// Index of the document the sentence belongs to (0-based, in file order).
    pub doc: usize,
}

/// Title words that precede a person's name but are not part of it.
pub fn is_title(word: &str) -> bool {
    const TITLES: &[&str] = &[
        "president",
        "mayor",
        "senator",
        "sen.",
        "governor",
        "gov.",
        "rep.",
        "representative",
        "mr.",
        "mrs.",
        "ms.",
        "dr.",
        "mr",
        "mrs",
        "ms",
        "dr",
        "prof.",
        "professor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "judge",
        "justice",
        "general",
        "gen.",
        "col.",
        "colonel",
        "lt.",
        "captain",
        "capt.",
        "sgt.",
        "sergeant",
        "chancellor",
        "minister",
        "secretary",
        "chairman",
        "chairwoman",
        "ceo",
        "sir",
        "lord",
        "lady",
        "dame",
        "saint",
        "st.",
        "pastor",
        "reverend",
        "rev.",
        "father",
        "sister",
        "brother",
        "emperor",
        "sheikh",
        "ayatollah",
        "premier",
        "commissioner",
        "councilman",
        "councilwoman",
        "coach",
        "officer",
        "detective",
        "chief",
        "speaker",
        "ambassador",
        "spokesman",
        "spokeswoman",
        "director",
        "leader",
        "deputy",
        "vice",
        "prime",
        "attorney",
        "admiral",
        "marshal",
        "rabbi",
        "imam",
        "bishop",
        "cardinal",
        "archbishop",
        "president-elect",
        "mayor-elect",
        "sheriff",
    ];
    // Compared without lower-casing into a new string: the tagger asks for every word.
    TITLES.iter().any(|t| t.eq_ignore_ascii_case(word))
}

struct Word {
    form: String,
    upos: String,
    head: usize,
    deprel: String,
}

struct RawMention {
    start: usize,
    end: usize,
    etype: String,
}

/// Parses one MISC `Entity=` value into (opened: (id, type), closed ids) events in order.
/// `(12-person-new-…` opens, `12)` closes, `(12-person-…)` opens and closes.
fn entity_events(v: &str) -> Vec<(bool, String, String)> {
    let mut out = Vec::new();
    let b = v.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'(' {
            let s = i + 1;
            let mut j = s;
            while j < b.len() && b[j] != b'(' && b[j] != b')' {
                j += 1;
            }
            let desc = &v[s..j];
            let mut parts = desc.split('-');
            let id = parts.next().unwrap_or("").to_string();
            let etype = parts.next().unwrap_or("").to_string();
            out.push((true, id.clone(), etype));
            if j < b.len() && b[j] == b')' {
                out.push((false, id, String::new()));
                j += 1;
            }
            i = j;
        } else if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i] != b')' && b[i] != b'(' {
                i += 1;
            }
            let id = v[s..i].to_string();
            if i < b.len() && b[i] == b')' {
                out.push((false, id, String::new()));
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out
}

fn gum_type(t: &str) -> Option<&'static str> {
    match t {
        "person" => Some("PER"),
        "organization" => Some("ORG"),
        "place" => Some("LOC"),
        // Named works, events, products: MISC, so that a capitalised name the tagger does
        // not file under PER/ORG/LOC is not taught as "not a name".
        "event" | "object" | "abstract" | "substance" | "animal" | "plant" => Some("MISC"),
        _ => None,
    }
}

fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "and" | "&" | "de" | "for" | "the" | "du" | "la" | "von" | "van"
    )
}

fn label_sentence(words: &[Word], mentions: &[RawMention]) -> Vec<String> {
    let n = words.len();
    let mut tags = vec![String::from("O"); n];
    let mut taken = vec![false; n];
    let mut order: Vec<&RawMention> = mentions
        .iter()
        .filter(|m| gum_type(&m.etype).is_some())
        .collect();
    order.sort_by_key(|m| std::cmp::Reverse(m.end - m.start));
    for m in order {
        let ty = gum_type(&m.etype).unwrap_or("O");
        // The head: the first word whose head lies outside the mention.
        let Some(mut h) = (m.start..m.end).find(|&i| {
            let hd = words[i].head;
            hd == 0 || hd - 1 < m.start || hd > m.end
        }) else {
            continue;
        };
        // A common-noun head with the name attached to it ("the music critic Louis Ehlert",
        // "Republican Party nominee Ken Cuccinelli": GUM makes the name `flat` under the role
        // noun and annotates one mention for the whole phrase): the name is still a named
        // mention of the same entity.
        if words[h].upos != "PROPN"
            && let Some(j) = (m.start..m.end).find(|&j| {
                words[j].head == h + 1
                    && words[j].upos == "PROPN"
                    && matches!(words[j].deprel.as_str(), "flat" | "appos")
            })
        {
            h = j;
        }
        if words[h].upos != "PROPN" || taken[h] {
            continue;
        }
        // Capitalised non-determiners count too: GUM tags "New" in "New York" ADJ and
        // "United" in "United States" VERB.
        let ok = |i: usize| {
            !taken[i]
                && (words[i].upos == "PROPN"
                    || (words[i].form.chars().next().is_some_and(char::is_uppercase)
                        && !matches!(
                            words[i].upos.as_str(),
                            "DET" | "PRON" | "PUNCT" | "AUX" | "ADP" | "CCONJ"
                        )))
        };
        let mut s = h;
        while s > m.start && ok(s - 1) && !(ty == "PER" && is_title(&words[s - 1].form)) {
            s -= 1;
        }
        let mut e = h + 1;
        loop {
            if e < m.end && ok(e) {
                e += 1;
                continue;
            }
            // Join over a connector when a proper noun follows inside the mention.
            let mut k = e;
            while k < m.end && is_connector(&words[k].form) && !taken[k] {
                k += 1;
            }
            if k > e && k < m.end && ok(k) {
                e = k + 1;
                continue;
            }
            break;
        }
        if ty == "PER" {
            while s < h && is_title(&words[s].form) {
                s += 1;
            }
        }
        for (k, i) in (s..e).enumerate() {
            taken[i] = true;
            tags[i] = format!("{}-{ty}", if k == 0 { "B" } else { "I" });
        }
    }
    tags
}

/// Reads a GUM CoNLL-U file into sentences tagged with named person/organization/place
/// mentions (see the module docs for the rule). Multi-word token lines are skipped.
pub fn read_gum(text: &str) -> Vec<TaggedSentence> {
    let mut out = Vec::new();
    let mut words: Vec<Word> = Vec::new();
    let mut mentions: Vec<RawMention> = Vec::new();
    let mut open: Vec<(String, String, usize)> = Vec::new();
    let mut doc = 0;
    let mut seen_doc = false;
    let mut flush = |words: &mut Vec<Word>, mentions: &mut Vec<RawMention>, doc: usize| {
        if !words.is_empty() {
            let tags = label_sentence(words, mentions);
            out.push(TaggedSentence {
                words: words.drain(..).map(|w| w.form).collect(),
                tags,
                doc,
            });
        }
        mentions.clear();
    };
    for line in text.lines() {
        if line.starts_with("# newdoc") {
            if seen_doc {
                doc += 1;
            }
            seen_doc = true;
        }
        if line.is_empty() {
            flush(&mut words, &mut mentions, doc);
            // Mentions never cross sentences in GUM; drop anything left open.
            open.clear();
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 10 || f[0].contains('-') || f[0].contains('.') {
            continue;
        }
        let idx = words.len();
        words.push(Word {
            form: f[1].to_string(),
            upos: f[3].to_string(),
            head: f[6].parse().unwrap_or(0),
            deprel: f[7].to_string(),
        });
        if let Some(ent) = f[9].split('|').find_map(|kv| kv.strip_prefix("Entity=")) {
            for (is_open, id, etype) in entity_events(ent) {
                if is_open {
                    open.push((id, etype, idx));
                } else if let Some(p) = open.iter().rposition(|o| o.0 == id) {
                    let (_, etype, start) = open.remove(p);
                    mentions.push(RawMention {
                        start,
                        end: idx + 1,
                        etype,
                    });
                }
            }
        }
    }
    flush(&mut words, &mut mentions, doc);
    out
}

/// A MEANTIME document: sentences of words and the gold named mentions.
#[derive(Debug, Clone, Default)]
pub struct MeantimeDoc {
    /// Document name.
    pub name: String,
    /// Sentence number → words.
    pub sentences: Vec<(u32, Vec<String>)>,
    /// Gold NAM mentions: (sentence position in `sentences`, start word, end word, type).
    /// Type is PER/ORG/LOC, or another MEANTIME type (PRO, FIN, MIX) or `?` (no entity).
    pub mentions: Vec<(usize, usize, usize, String)>,
    /// Named pre-modifiers (`PRE.NAM`: "US" in "US airtanker contract", "German" in "German
    /// carmaker"), in the same form as `mentions`.
    pub premodifiers: Vec<(usize, usize, usize, String)>,
}

fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let pat = format!(" {name}=\"");
    let s = tag.find(&pat)? + pat.len();
    let e = tag[s..].find('"')? + s;
    Some(&tag[s..e])
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// Reads one MEANTIME CAT XML file.
pub fn read_meantime(name: &str, xml: &str) -> MeantimeDoc {
    let mut tokens: HashMap<String, (u32, usize)> = HashMap::new();
    let mut sentences: Vec<(u32, Vec<String>)> = Vec::new();
    let mut mentions: Vec<(String, String, Vec<String>)> = Vec::new();
    let mut entity_type: HashMap<String, String> = HashMap::new();
    let mut refers: HashMap<String, String> = HashMap::new();
    let mut cur_mention: Option<(String, String, Vec<String>)> = None;
    let mut rel_sources: Vec<String> = Vec::new();
    for raw in xml.split('<').skip(1) {
        let (tag, text) = raw.split_once('>').unwrap_or((raw, ""));
        if tag.starts_with("token ") {
            let (Some(s), Some(id)) = (attr(tag, "sentence"), attr(tag, "t_id")) else {
                continue;
            };
            let s: u32 = s.parse().unwrap_or(0);
            if sentences.last().map(|x| x.0) != Some(s) {
                sentences.push((s, Vec::new()));
            }
            let si = sentences.len() - 1;
            let wi = sentences[si].1.len();
            sentences[si].1.push(unescape(text));
            tokens.insert(id.to_string(), (s, wi));
        } else if tag.starts_with("ENTITY_MENTION ") {
            let id = attr(tag, "m_id").unwrap_or("").to_string();
            let st = attr(tag, "syntactic_type").unwrap_or("").to_string();
            cur_mention = Some((id, st, Vec::new()));
        } else if tag.starts_with("token_anchor ") {
            if let (Some(m), Some(t)) = (cur_mention.as_mut(), attr(tag, "t_id")) {
                m.2.push(t.to_string());
            }
        } else if tag.starts_with("/ENTITY_MENTION") {
            if let Some(m) = cur_mention.take() {
                mentions.push(m);
            }
        } else if tag.starts_with("/") {
            // Other closing tags end nothing we track (token anchors of events etc.).
            if !tag.starts_with("/REFERS_TO") {
                continue;
            }
            rel_sources.clear();
        } else if tag.starts_with("ENTITY ") {
            if let (Some(id), Some(t)) = (attr(tag, "m_id"), attr(tag, "ent_type")) {
                entity_type.insert(id.to_string(), t.to_string());
            }
        } else if tag.starts_with("EVENT_MENTION")
            || tag.starts_with("TIMEX3")
            || tag.starts_with("VALUE")
            || tag.starts_with("SIGNAL")
        {
            cur_mention = None;
        } else if tag.starts_with("REFERS_TO") {
            rel_sources.clear();
        } else if tag.starts_with("source ") {
            if let Some(m) = attr(tag, "m_id") {
                rel_sources.push(m.to_string());
            }
        } else if tag.starts_with("target ")
            && let Some(t) = attr(tag, "m_id")
        {
            for s in &rel_sources {
                refers.insert(s.clone(), t.to_string());
            }
        }
    }
    let pos: HashMap<u32, usize> = sentences
        .iter()
        .enumerate()
        .map(|(i, s)| (s.0, i))
        .collect();
    let mut out = Vec::new();
    let mut premodifiers = Vec::new();
    for (id, st, toks) in mentions {
        if !matches!(st.as_str(), "NAM" | "PRE.NAM") || toks.is_empty() {
            continue;
        }
        let locs: Vec<(u32, usize)> = toks.iter().filter_map(|t| tokens.get(t).copied()).collect();
        let Some(&(s, _)) = locs.first() else {
            continue;
        };
        if locs.iter().any(|l| l.0 != s) {
            continue;
        }
        let start = locs.iter().map(|l| l.1).min().unwrap_or(0);
        let end = locs.iter().map(|l| l.1).max().unwrap_or(0) + 1;
        let ty = refers
            .get(&id)
            .and_then(|t| entity_type.get(t))
            .cloned()
            .unwrap_or_else(|| "?".into());
        let m = (pos[&s], start, end, ty);
        if st == "NAM" {
            out.push(m);
        } else {
            premodifiers.push(m);
        }
    }
    MeantimeDoc {
        name: name.to_string(),
        sentences,
        mentions: out,
        premodifiers,
    }
}

/// Reads a CoNLL-2003-style file: one token a line, the word first and the tag last,
/// blank lines between sentences, `-DOCSTART-` lines skipped. Returns each sentence with the
/// original line of each token (for writing back unchanged).
pub fn read_conll(text: &str) -> Vec<(TaggedSentence, Vec<String>)> {
    let mut out = Vec::new();
    let mut cur = TaggedSentence::default();
    let mut lines = Vec::new();
    let mut doc = 0;
    for line in text.lines() {
        let t = line.trim_end();
        if t.is_empty() || t.starts_with("-DOCSTART-") {
            if !cur.words.is_empty() {
                out.push((std::mem::take(&mut cur), std::mem::take(&mut lines)));
            }
            if t.starts_with("-DOCSTART-") && !out.is_empty() {
                doc += 1;
            }
            cur.doc = doc;
            continue;
        }
        let mut cols = t.split_whitespace();
        let word = cols.next().unwrap_or("").to_string();
        let tag = t.split_whitespace().last().unwrap_or("O").to_string();
        cur.words.push(word);
        cur.tags.push(tag);
        lines.push(line.to_string());
    }
    if !cur.words.is_empty() {
        out.push((cur, lines));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entity_brackets() {
        let ev = entity_events(
            "(11-abstract-new-nnnnn-cf3-2-sgl(1-person-giv:act-sssss-cf1*-1-ana-Daniel_Bernoulli)",
        );
        assert_eq!(ev.len(), 3);
        assert!(ev[0].0 && ev[0].1 == "11" && ev[1].2 == "person" && !ev[2].0);
        let ev = entity_events("(5-time-new-nnnnn-cf7-1-sgl)4)3)");
        let closes: Vec<&str> = ev.iter().filter(|e| !e.0).map(|e| e.1.as_str()).collect();
        assert_eq!(closes, ["5", "4", "3"]);
    }

    #[test]
    fn gum_named_rule() {
        let conllu = "1\tNew\tNew\tPROPN\t_\t_\t3\t_\t_\tEntity=(1-person-new-x-x-x-x-x(2-place-new-x-x-x-x-x\n\
2\tYork\tYork\tPROPN\t_\t_\t3\t_\t_\t_\n\
3\tCity\tCity\tPROPN\t_\t_\t6\t_\t_\tEntity=2)\n\
4\tMayor\tMayor\tPROPN\t_\t_\t6\t_\t_\t_\n\
5\tZohran\tZohran\tPROPN\t_\t_\t6\t_\t_\t_\n\
6\tMamdani\tMamdani\tPROPN\t_\t_\t7\t_\t_\tEntity=1)\n\
7\tspoke\tspeak\tVERB\t_\t_\t0\t_\t_\t_\n\
8\tto\tto\tADP\t_\t_\t10\t_\t_\t_\n\
9\tthe\tthe\tDET\t_\t_\t10\t_\t_\tEntity=(3-organization-new-x-x-x-x-x\n\
10\tBank\tBank\tPROPN\t_\t_\t7\t_\t_\t_\n\
11\tof\tof\tADP\t_\t_\t12\t_\t_\t_\n\
12\tAmerica\tAmerica\tPROPN\t_\t_\t10\t_\t_\tEntity=(4-place-new-x-x-x-x-x)3)\n\
13\tand\tand\tCCONJ\t_\t_\t15\t_\t_\t_\n\
14\tthe\tthe\tDET\t_\t_\t15\t_\t_\tEntity=(5-person-new-x-x-x-x-x\n\
15\tmayor\tmayor\tNOUN\t_\t_\t10\t_\t_\tEntity=5)\n\n";
        let s = read_gum(conllu);
        assert_eq!(s.len(), 1);
        assert_eq!(
            s[0].tags,
            [
                "B-LOC", "I-LOC", "I-LOC", "O", "B-PER", "I-PER", "O", "O", "O", "B-ORG", "I-ORG",
                "I-ORG", "O", "O", "O"
            ]
        );
    }

    #[test]
    fn name_under_a_role_noun() {
        // One person mention headed by the common noun "editor", the name `flat` under it.
        let conllu = "1\tthe\tthe\tDET\t_\t_\t3\tdet\t_\tEntity=(1-person-new-x-x-x-x-x\n\
2\tnew\tnew\tADJ\t_\t_\t3\tamod\t_\t_\n\
3\teditor\teditor\tNOUN\t_\t_\t6\tnsubj\t_\t_\n\
4\tMira\tMira\tPROPN\t_\t_\t3\tflat\t_\t_\n\
5\tKovac\tKovac\tPROPN\t_\t_\t3\tflat\t_\tEntity=1)\n\
6\tresigned\tresign\tVERB\t_\t_\t0\troot\t_\t_\n\n";
        let s = read_gum(conllu);
        assert_eq!(s[0].tags, ["O", "O", "O", "B-PER", "I-PER", "O"]);
    }

    #[test]
    fn meantime_xml() {
        let xml = r#"<Document doc_id="1"><token number="0" sentence="0" t_id="1">Airbus</token>
<token number="1" sentence="0" t_id="2">wins</token><token number="2" sentence="2" t_id="3">The</token>
<token number="3" sentence="2" t_id="4">A&amp;B</token><Markables>
<ENTITY_MENTION m_id="5" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="6" syntactic_type="NAM"><token_anchor t_id="3"/><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY ent_type="ORG" m_id="9"/></Markables><Relations><REFERS_TO r_id="1"><source m_id="5"/><target m_id="9"/></REFERS_TO></Relations></Document>"#;
        let d = read_meantime("x", xml);
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(d.sentences[1].1[1], "A&B");
        assert_eq!(
            d.mentions,
            vec![(0, 0, 1, "ORG".into()), (1, 0, 2, "?".into())]
        );
    }

    #[test]
    fn conll_columns() {
        let c = read_conll(
            "-DOCSTART- -X- -X- O\n\nEU NNP B-NP B-ORG\nrejects VBZ B-VP O\n\nPeter NNP B-NP B-PER\n",
        );
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].0.tags, ["B-ORG", "O"]);
        assert_eq!(c[1].1[0], "Peter NNP B-NP B-PER");
    }
}
