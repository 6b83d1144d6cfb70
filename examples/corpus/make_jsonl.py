#!/usr/bin/env python3
"""Rebuild corpus.jsonl from the NNN_slug.txt articles in this folder.

Each .txt file is `date YYYY-MM-DD ` followed by the article text (the seed
format). The JSONL `text` field is exactly the bytes after that prefix, so
byte spans computed on either form agree. Titles and outlets live in META
below because the .txt format has no room for them.

Usage: python3 make_jsonl.py   (run from anywhere; writes next to itself)
"""

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PREFIX = re.compile(r"date (\d{4}-\d{2}-\d{2}) ")

# id -> (title, source). Outlet names are invented for this corpus.
META = {
    "001_peru-ecuador-trade-pact": ("Peru and Ecuador sign trade and energy pact in Lima", "Andean Wire"),
    "002_india-japan-visit-meridian": ("Indian prime minister begins Tokyo visit", "Meridian News Agency"),
    "003_india-japan-visit-ledger": ("Japan and India vow closer ties after Tokyo talks", "Pacific Ledger"),
    "004_zurich-snowstorm": ("Late snowstorm snarls traffic around Zürich", "Lakeside Gazette"),
    "005_sao-paulo-metro-funding": ("São Paulo mayor accuses Brasília over metro funding cut", "Continental Desk"),
    "006_brasilia-threatens-sao-paulo": ("Federal government threatens to withhold São Paulo health transfers", "Capital Bulletin"),
    "007_bogota-diesel-protest-wire": ("Thousands protest diesel price rise in Bogotá", "Andean Wire"),
    "008_bogota-diesel-protest-dispatch": ("Colombian police detain dozens as diesel protests paralyse Bogotá", "Global Dispatch"),
    "009_colombia-blockade-appeal": ("Colombian minister urges truckers to lift blockades", "The Morning Courier"),
    "010_colombia-diesel-concession": ("Colombia suspends diesel price rise after two weeks of blockades", "Andean Wire"),
    "011_krakow-derby": ("Wisła beat Cracovia in Kraków derby", "Northern Star Daily"),
    "012_eu-belarus-sanctions-baltic": ("EU imposes sanctions on Belarus", "Baltic Wire"),
    "013_eu-belarus-sanctions-continental": ("EU freezes assets of 14 Belarusian officials", "Continental Desk"),
    "014_germany-poland-call": ("German and Polish leaders discuss eastern border by phone", "Baltic Wire"),
    "015_peru-accuses-ecuador": ("Peru accuses Ecuador of tolerating illegal gold mining on the border", "Pacific Ledger"),
    "016_peru-troops-cenepa": ("Peru sends troops to Cenepa valley", "Andean Wire"),
    "017_zurich-cargo-bike": ("Zürich start-up unveils folding cargo bike", "Lakeside Gazette"),
    "018_darfur-aid-convoy": ("WFP convoy reaches North Darfur", "Savanna Post"),
    "019_peru-ecuador-clash": ("Peruvian and Ecuadorian soldiers clash near Cenepa River", "Global Dispatch"),
    "020_north-kivu-attack": ("Rebels attack village in North Kivu", "Savanna Post"),
    "021_peru-ecuador-ceasefire-andean": ("Peru and Ecuador agree to ceasefire after talks in Brasília", "Andean Wire"),
    "022_peru-ecuador-ceasefire-meridian": ("Lima and Quito sign ceasefire in Brazil", "Meridian News Agency"),
    "023_peru-ecuador-ceasefire-courier": ("Guns fall silent on Peru–Ecuador frontier", "The Morning Courier"),
    "024_cenepa-withdrawal": ("Peru and Ecuador pull troops back from Cenepa River", "Pacific Ledger"),
    "025_sao-paulo-funding-deal": ("São Paulo and Brasília end funding feud", "Capital Bulletin"),
    "026_nairobi-opposition-arrest": ("Kenyan police arrest opposition leader in Nairobi", "Savanna Post"),
    "027_nairobi-court-bail": ("Nairobi court frees opposition leader on bail", "Harbour Times"),
    "028_unga-sidelines": ("Debt relief on the agenda at UN General Assembly", "Global Dispatch"),
    "029_krakow-exoplanet": ("Kraków astronomers find planet twice the size of Earth", "Northern Star Daily"),
    "030_imf-pakistan-loan": ("IMF approves $1.1 billion for Pakistan", "Meridian News Agency"),
    "031_uk-expels-russian-diplomats": ("Britain expels two Russian diplomats", "Harbour Times"),
    "032_suwalki-exercises": ("Polish and Lithuanian troops begin drills near Suwałki Gap", "Baltic Wire"),
    "033_thailand-closes-border": ("Thailand closes border with Cambodia after mine blast", "Pacific Ledger"),
    "034_colombia-teachers-strike": ("Teachers strike in Bogotá and Medellín over pay", "The Morning Courier"),
    "035_salcedo-quito-visit": ("Peru’s foreign minister apologises in Quito", "Andean Wire"),
    "036_north-kivu-humanitarian-pause": ("Humanitarian pause lets Red Cross evacuate wounded in North Kivu", "Savanna Post"),
    "037_border-accord-andean": ("Peru and Ecuador sign border accord, reopen crossings", "Andean Wire"),
    "038_border-accord-dispatch": ("Villacís and Quispe sign border treaty", "Global Dispatch"),
    "039_au-south-sudan": ("AU council warns South Sudan over detained opposition leader", "Savanna Post"),
    "040_sao-paulo-police-raid": ("Federal police raid São Paulo transport department", "Continental Desk"),
    "041_omondi-charges-dropped": ("Kenyan prosecutors drop charges against Omondi", "Harbour Times"),
    "042_thailand-cambodia-talks": ("Thai and Cambodian defence ministers meet in Kuala Lumpur", "Pacific Ledger"),
    "043_doha-ceasefire-savanna": ("Congo and rebels sign ceasefire in Doha", "Savanna Post"),
    "044_doha-ceasefire-meridian": ("Kinshasa and rebels sign truce in Qatar", "Meridian News Agency"),
    "045_eu-belarus-no-meeting": ("EU extends Belarus sanctions after planned meeting falls through", "Continental Desk"),
    "046_cenepa-joint-patrols": ("Peru and Ecuador launch joint border patrols", "Andean Wire"),
}


def slugify(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def main() -> int:
    files = sorted(HERE.glob("[0-9][0-9][0-9]_*.txt"))
    stems = {f.stem for f in files}
    if stems != set(META):
        print("META and .txt files disagree:", sorted(stems ^ set(META)), file=sys.stderr)
        return 1
    lines = []
    for path in files:
        raw = path.read_text(encoding="utf-8")
        m = PREFIX.match(raw)
        if not m:
            print(f"{path.name}: missing `date YYYY-MM-DD ` prefix", file=sys.stderr)
            return 1
        date, text = m.group(1), raw[m.end():]
        title, source = META[path.stem]
        slug = path.stem.split("_", 1)[1]
        url = f"https://example.org/{slugify(source)}/{date[:4]}/{date[5:7]}/{slug}"
        record = {
            "id": path.stem,
            "date": date,
            "text": text,
            "title": title,
            "source": source,
            "url": url,
            "language": "en",
        }
        lines.append(json.dumps(record, ensure_ascii=False))
    (HERE / "corpus.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} records to corpus.jsonl")
    return 0


if __name__ == "__main__":
    sys.exit(main())
