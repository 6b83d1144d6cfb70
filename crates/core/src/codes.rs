//! CAMEO actor codes read as PLOVER's country and sector fields.

/// Maps a CAMEO agent or sector code (from a PETRARCH dictionary) to PLOVER's sector code;
/// `None` for a code PLOVER has no sector for. CAMEO's MED was media (PLOVER JRN) and HLH
/// health (PLOVER MED), the swap the PLOVER manual notes.
///
/// ```
/// assert_eq!(dyad_core::plover_sector("MED"), Some("JRN"));
/// assert_eq!(dyad_core::plover_sector("UNO"), None);
/// ```
pub fn plover_sector(code: &str) -> Option<&'static str> {
    Some(match code {
        "GOV" | "GOVT" => "GOV",
        "MIL" => "MIL",
        // PLOVER keeps CAMEO's "unidentified armed forces" ("gunmen", "armed group").
        "UAF" => "UAF",
        "COP" => "COP",
        "JUD" => "JUD",
        "LEG" => "LEG",
        "PTY" => "PTY",
        "REB" | "INS" | "SEP" => "REB",
        "OPP" => "OPP",
        // Phoenix's PPL ("people", "residents", "men") are PLOVER's unarmed civilians.
        "CVL" | "HRI" | "NGO" | "NGM" | "PPL" => "CVL",
        "BUS" | "MNC" => "BUS",
        "EDU" => "EDU",
        "HLH" => "MED",
        "MED" => "JRN",
        "REL" | "CHR" | "MUS" | "JEW" | "BUD" | "HIN" => "REL",
        "LAB" => "LAB",
        "REF" => "REF",
        "SPY" => "SPY",
        "ELI" => "ELI",
        "AGR" => "AGR",
        "CRM" => "CRM",
        "PRM" => "PRM",
        "SOC" => "SOC",
        _ => return None,
    })
}

/// PLOVER's country and sector of a CAMEO actor code ("PERGOV", "---MED", "IGOUNOWFP"):
/// the country is the first three letters (none for CAMEO's "---"), except that an
/// intergovernmental code names the UN (`UNO`) or the European Union (`EUR`) by its second
/// triple, as PLOVER's country list does; the sector is the next triple's PLOVER sector, if
/// it has one (an IGO's second triple is its organisation, no sector).
///
/// ```
/// use dyad_core::plover_country_sector as cs;
/// assert_eq!(cs("PERGOV"), (Some("PER"), Some("GOV")));
/// assert_eq!(cs("---MED"), (None, Some("JRN")));
/// assert_eq!(cs("IGOUNOWFP"), (Some("UNO"), None));
/// assert_eq!(cs("IGOWSTNAT"), (Some("IGO"), None));
/// ```
pub fn plover_country_sector(code: &str) -> (Option<&str>, Option<&'static str>) {
    let country = code
        .get(..3)
        .filter(|c| c.bytes().all(|b| b.is_ascii_uppercase()));
    let second = code.get(3..6).unwrap_or("");
    match country {
        Some("IGO") => match second {
            "UNO" => (Some("UNO"), None),
            "EUR" => (Some("EUR"), None),
            _ => (Some("IGO"), None),
        },
        _ => (country, plover_sector(second)),
    }
}
