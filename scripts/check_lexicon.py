#!/usr/bin/env python3
"""Validates data/lexicon.csv, the article importer's gazetteer.

Checks: the header; unique snake_case ids; known kinds; ISO-style country codes; a one-line
description; and, for names and aliases (compared as the gazetteer matches them: NFKC,
case-folded, spaces removed), no surface form shared by two entities, no Latin alias of one
or two characters, no alias of a single Hangul syllable or a single Han character, no empty
or duplicate alias within a row. Prints counts by kind and by country.

Usage: scripts/check_lexicon.py [data/lexicon.csv] [extra.csv ...]
Exit status 1 when an error is found.
"""
import collections
import csv
import re
import sys
import unicodedata

HEADER = ["id", "name", "kind", "aliases", "country", "description"]
KINDS = {"company", "university", "research_institute", "government", "investor", "person", "product",
         "consortium", "organization"}
# Aliases of one or two Latin characters that predate this check (kept; see the report).
GRANDFATHERED_SHORT = {("microsoft", "MS"), ("sk_group", "SK"), ("y_combinator", "YC")}


def key(text):
    return "".join(unicodedata.normalize("NFKC", text).casefold().split())


def script_of(ch):
    cp = ord(ch)
    if 0xAC00 <= cp <= 0xD7A3 or 0x1100 <= cp <= 0x11FF or 0x3130 <= cp <= 0x318F:
        return "hangul"
    if 0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0xF900 <= cp <= 0xFAFF:
        return "han"
    if 0x3040 <= cp <= 0x30FF:
        return "kana"
    if ch.isascii() and ch.isalnum():
        return "latin"
    return "other"


def main(paths, verbose=False):
    errors = []
    warnings = []
    rows = []
    for n, path in enumerate(paths):
        with open(path, newline="", encoding="utf-8") as f:
            reader = csv.reader(f)
            header = next(reader)
            if header != HEADER:
                errors.append(f"{path}: header is {header}, want {HEADER}")
            for line, row in enumerate(reader, start=2):
                if len(row) != len(HEADER):
                    errors.append(f"{path}:{line}: {len(row)} fields")
                    continue
                rows.append((f"{path}:{line}", dict(zip(HEADER, row))))
    ids = collections.Counter(r["id"] for _, r in rows)
    for where, r in rows:
        if ids[r["id"]] > 1:
            errors.append(f"{where}: duplicate id {r['id']}")
    owner = {}
    for where, r in rows:
        rid = r["id"]
        if not re.fullmatch(r"[a-z0-9]+(_[a-z0-9]+)*", rid):
            errors.append(f"{where}: id {rid!r} is not snake_case")
        if r["kind"] not in KINDS:
            errors.append(f"{where}: {rid}: unknown kind {r['kind']!r}")
        if r["country"] and not re.fullmatch(r"[A-Z]{2}", r["country"]):
            errors.append(f"{where}: {rid}: bad country {r['country']!r}")
        if not r["country"] and r["kind"] not in ("consortium", "organization"):
            errors.append(f"{where}: {rid}: no country")
        d = r["description"]
        if not d or not d.endswith(".") or "\n" in d:
            errors.append(f"{where}: {rid}: description must be one sentence ending with a period")
        if not r["name"].strip() or r["name"] != r["name"].strip():
            errors.append(f"{where}: {rid}: bad name {r['name']!r}")
        aliases = r["aliases"].split("|") if r["aliases"] else []
        seen = {}
        for surface in [r["name"]] + aliases:
            if surface != surface.strip() or not surface:
                errors.append(f"{where}: {rid}: empty or padded alias {surface!r}")
                continue
            k = key(surface)
            if k in seen:
                # Harmless (the gazetteer ignores spaces and ASCII case), only redundant.
                warnings.append(f"{where}: {rid}: {surface!r} repeats {seen[k]!r}")
                continue
            seen[k] = surface
            if k in owner and owner[k][0] != rid:
                errors.append(f"{where}: {rid}: {surface!r} also names {owner[k][0]} ({owner[k][1]!r})")
            else:
                owner[k] = (rid, surface)
            scripts = {script_of(c) for c in k} - {"other"}
            letters = [c for c in k if script_of(c) != "other"]
            is_alias = surface is not r["name"]
            if scripts == {"latin"} and len(k) <= 2 and is_alias and (rid, surface) not in GRANDFATHERED_SHORT:
                errors.append(f"{where}: {rid}: Latin alias {surface!r} is too short")
            if scripts in ({"hangul"}, {"han"}) and len(letters) == 1:
                errors.append(f"{where}: {rid}: single-character alias {surface!r}")
            if not letters:
                errors.append(f"{where}: {rid}: alias {surface!r} has no letters")
    kinds = collections.Counter(r["kind"] for _, r in rows)
    countries = collections.Counter(r["country"] or "-" for _, r in rows)
    print(f"{len(rows)} entities")
    print("by kind:", ", ".join(f"{k} {v}" for k, v in kinds.most_common()))
    print("by country:", ", ".join(f"{k} {v}" for k, v in countries.most_common()))
    kr = countries["KR"]
    cn = countries["CN"] + countries["HK"] + countries["TW"] * 0
    print(f"share: KR {kr / len(rows):.0%}, CN+HK {cn / len(rows):.0%}, other {(len(rows) - kr - cn) / len(rows):.0%}")
    print(f"{len(warnings)} warnings (redundant spellings within a row; -v lists them)")
    if verbose:
        for w in warnings:
            print("warning:", w)
    for e in errors:
        print("error:", e)
    print(f"{len(errors)} errors")
    return 1 if errors else 0


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    sys.exit(main(args or ["data/lexicon.csv"], verbose="-v" in sys.argv[1:]))
