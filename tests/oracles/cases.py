#!/usr/bin/env python3
"""tests/oracles/cases.py: tables of the Global Report computed straight
from case files in palermo's CSV format, for the suite to compare with
what palermo writes.  Knows nothing of palermo but the file format
(docs/formats.md).

    cases.py TABLE FILE...   prints TABLE as the report's CSV writes it
                             (forms_by_age, minors_by_sex)
"""
import csv
import sys

FORMS = [("exploit_sexual", "Sexual exploitation"),
         ("exploit_labour", "Forced labour"),
         ("exploit_marriage", "Forced marriage"),
         ("exploit_military", "Forced military"),
         ("exploit_organ_removal", "Organ removal"),
         ("exploit_slavery", "Slavery and similar practices"),
         ("exploit_criminality", "Forced criminality"),
         ("exploit_begging", "Forced begging"),
         ("exploit_other", "Other exploitation")]
GENDERS = [("", "Not recorded"), ("female", "Female"), ("male", "Male"),
           ("trans_or_nonconforming", "Transgender or non-conforming")]
STAGES = [("majority_registration", "At registration"),
          ("majority_exploitation", "When exploitation began"),
          ("majority_entry", "On entering trafficking")]


def pct(part, whole):
    """One decimal, rounded half up, empty without a denominator."""
    if whole == 0:
        return ""
    tenths = (part * 2000 // whole + 1) // 2
    return f"{tenths // 10}.{tenths % 10}"


def forms_by_age(rows, out):
    out.writerow(["Form", "Children", "Children recorded", "Children percent",
                  "Adults", "Adults recorded", "Adults percent"])
    for field, label in FORMS:
        line = [label]
        for age in ("minor", "adult"):
            mine = [r[field] for r in rows
                    if r["majority_registration"] == age and r[field] != ""]
            yes = sum(v == "1" for v in mine)
            line += [yes, len(mine), pct(yes, len(mine))]
        out.writerow(line)


def minors_by_sex(rows, out):
    out.writerow(["Stage", "Gender", "Minor", "Adult", "Not recorded",
                  "Recorded (denominator)", "Percent minors"])
    for field, stage in STAGES:
        for gender, label in GENDERS:
            mine = [r[field] for r in rows if r["gender"] == gender]
            if not mine:
                continue
            minor = mine.count("minor")
            adult = mine.count("adult")
            out.writerow([stage, label, minor, adult, mine.count(""),
                          minor + adult, pct(minor, minor + adult)])


def main():
    table, files = sys.argv[1], sys.argv[2:]
    rows = []
    for name in files:
        with open(name, newline="", encoding="utf-8") as f:
            rows += list(csv.DictReader(f))
    out = csv.writer(sys.stdout, lineterminator="\n")
    {"forms_by_age": forms_by_age, "minors_by_sex": minors_by_sex}[table](
        rows, out)


main()
