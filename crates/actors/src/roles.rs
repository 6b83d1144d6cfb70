//! Role and title words and the PLOVER sector each implies; office-holder records.
use jiff::civil::Date;

/// Sector of a role noun or title (lower case, singular or plural), dyad's own table.
/// Multi-word roles are looked up joined by a space ("prime minister", "immigration agents").
pub fn role_sector(role: &str) -> Option<&'static str> {
    Some(match role {
        "president" | "president-elect" | "vice president" | "prime minister" | "premier"
        | "chancellor" | "minister" | "ministers" | "foreign minister" | "defence minister"
        | "defense minister" | "secretary" | "secretary of state" | "mayor" | "mayor-elect"
        | "governor" | "official" | "officials" | "government" | "administration" | "spokesman"
        | "spokeswoman" | "spokesperson" | "diplomat" | "diplomats" | "ambassador" | "envoy"
        | "king" | "queen" | "monarch" | "emperor" | "authorities" | "ministry" | "cabinet"
        | "regime" | "leader" | "leaders" | "aide" | "aides" | "adviser" | "advisers"
        | "advisor" | "department" | "agency" | "commissioner" | "council" | "city hall"
        | "white house" | "kremlin" | "state department" | "foreign ministry" | "crown prince"
        | "negotiator" | "negotiators" | "delegation" | "delegates" | "emir" | "sultan"
        | "sheikh" | "foreign secretary" | "interior minister" | "police chief"
        | "secretary general" | "secretary-general" | "ruler" | "rulers" | "administrator"
        | "administrators" | "governing council" => "GOV",
        "police"
        | "policeman"
        | "policemen"
        | "police officer"
        | "police officers"
        | "sheriff"
        | "detective"
        | "detectives"
        | "immigration agents"
        | "immigration agent"
        | "immigration officers"
        | "federal agents"
        | "border patrol"
        | "border guards"
        | "fbi"
        | "ice" => "COP",
        "army"
        | "military"
        | "troops"
        | "soldier"
        | "soldiers"
        | "forces"
        | "armed forces"
        | "navy"
        | "air force"
        | "marines"
        | "general"
        | "commander"
        | "commanders"
        | "defence ministry"
        | "defense ministry"
        | "pentagon"
        | "military officials"
        | "peacekeepers"
        | "peacekeeping forces" => "MIL",
        "judge" | "judges" | "court" | "supreme court" | "justice" | "prosecutor"
        | "prosecutors" | "attorney general" | "tribunal" => "JUD",
        "lawmaker" | "lawmakers" | "legislator" | "legislators" | "senator" | "senators"
        | "congressman" | "congresswoman" | "parliament" | "congress" | "senate" | "assembly"
        | "mp" | "mps" | "representative" | "speaker" | "legislature" | "parliamentarians" => "LEG",
        "party" | "parties" => "PTY",
        "rebel" | "rebels" | "insurgent" | "insurgents" | "militant" | "militants"
        | "guerrilla" | "guerrillas" | "separatists" | "gunmen" | "militia" => "REB",
        "opposition" | "dissident" | "dissidents" => "OPP",
        "protester" | "protesters" | "protestors" | "demonstrator" | "demonstrators"
        | "activist" | "activists" | "civilian" | "civilians" | "residents" | "villagers"
        | "citizens" | "voters" => "CVL",
        "company" | "companies" | "firm" | "firms" | "business" | "businesses" | "businessman"
        | "executive" | "executives" | "ceo" | "bank" | "corporation" | "inc." | "corp."
        | "ltd." | "group" | "airline" | "investors" | "bankers" => "BUS",
        "university" | "college" | "school" | "schools" | "student" | "students" | "professor"
        | "professors" | "teacher" | "teachers" | "academy" | "institute" => "EDU",
        "hospital" | "hospitals" | "doctor" | "doctors" | "nurse" | "nurses"
        | "health officials" => "MED",
        "journalist" | "journalists" | "reporter" | "reporters" | "newspaper" | "media"
        | "broadcaster" | "editor" => "JRN",
        "church" | "cleric" | "clerics" | "priest" | "priests" | "imam" | "bishop" | "pope"
        | "rabbi" | "mosque" | "diocese" | "vatican" => "REL",
        "union" | "unions" | "workers" | "worker" | "labor" | "labour" | "strikers" => "LAB",
        "refugee" | "refugees" | "asylum seekers" | "displaced" => "REF",
        "intelligence" | "spy" | "spies" | "cia" => "SPY",
        _ => return None,
    })
}

/// Sector of a word inside an organisation's name: a role word, or a word that names news
/// organisations only as part of a name ("Toronto Star", "Sky News", "The Hindu Times"),
/// where in running text it is no one ("welcomed the news", "the post of mayor").
pub fn name_word_sector(word: &str) -> Option<&'static str> {
    role_sector(word).or(match word {
        "times" | "post" | "news" | "herald" | "tribune" | "gazette" | "journal" | "chronicle"
        | "telegraph" | "star" | "sun" | "daily" => Some("JRN"),
        _ => None,
    })
}

/// Maps a CAMEO agent or sector code to PLOVER's sector code (see
/// [`dyad_core::plover_sector`], shared with the event records).
pub use dyad_core::plover_sector as cameo_to_plover_sector;

/// One office held by one person over a date range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfficeHolder {
    /// Full name.
    pub name: String,
    /// Other names that refer to the same person.
    pub aliases: Vec<String>,
    /// ISO3 or PLOVER group code.
    pub country: String,
    /// PLOVER sector.
    pub sector: String,
    /// The office.
    pub role: String,
    /// First day in office.
    pub from: Option<Date>,
    /// Last day in office; `None` while in office.
    pub to: Option<Date>,
}

impl OfficeHolder {
    /// Whether the office was held on `date`.
    pub fn holds_on(&self, date: Date) -> bool {
        self.from.is_none_or(|f| date >= f) && self.to.is_none_or(|t| date <= t)
    }
}

/// A fault in an office-holder file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{source_name}:{line}: {message}")]
pub struct OfficeError {
    /// File or label.
    pub source_name: String,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

/// Reads office holders from the TSV format of `data/actors/officeholders.tsv`.
pub fn parse_officeholders(text: &str, source: &str) -> Result<Vec<OfficeHolder>, OfficeError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() || line.starts_with("name\t") {
            continue;
        }
        let err = |m: &str| OfficeError {
            source_name: source.to_string(),
            line: i + 1,
            message: m.to_string(),
        };
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 6 {
            return Err(err("expected at least 6 tab-separated fields"));
        }
        let date = |s: &str| -> Result<Option<Date>, OfficeError> {
            if s.trim().is_empty() {
                Ok(None)
            } else {
                s.trim()
                    .parse::<Date>()
                    .map(Some)
                    .map_err(|_| err(&format!("bad date {s:?}")))
            }
        };
        if f[0].trim().is_empty() || f[2].trim().len() != 3 {
            return Err(err("missing name or 3-letter country"));
        }
        out.push(OfficeHolder {
            name: f[0].trim().to_string(),
            aliases: f[1]
                .split(';')
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .map(String::from)
                .collect(),
            country: f[2].trim().to_string(),
            sector: f[3].trim().to_string(),
            role: f[4].trim().to_string(),
            from: date(f[5])?,
            to: date(f.get(6).copied().unwrap_or(""))?,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn committed_file_parses() {
        let text = include_str!("../../../data/actors/officeholders.tsv");
        let v = parse_officeholders(text, "officeholders.tsv").unwrap();
        assert!(v.len() > 80);
        let t = v
            .iter()
            .find(|o| o.name == "Donald Trump" && o.to.is_none())
            .unwrap();
        assert!(t.holds_on(jiff::civil::date(2026, 2, 26)));
        assert!(!t.holds_on(jiff::civil::date(2024, 2, 26)));
        let e = parse_officeholders("X\t\tUSA\tGOV\tr\t2020-13-01\n", "f").unwrap_err();
        assert_eq!(e.line, 1);
    }
}
