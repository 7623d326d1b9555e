#!/usr/bin/env python3
"""tests/oracles/ctdc-kanon.py COUNTRIES IN OUT: a file of the CTDC global
dataset as published k-anonymised, rewritten as palermo's CSV, for the
suite's oracles (cases-db.sh) to read.  The reading is the suite's own,
written from the format's description in docs/formats.md: the columns
renamed, values decoded, not recorded left empty, and the fields palermo
fills from others filled here the same way (minor or adult from the age
band, the merged means of control from their members).  The derived
concatenated columns are not read."""

import csv
import sys

FIELDS = """year data_source trafficking_status gender age_registration
age_exploitation majority_registration majority_exploitation majority_entry
citizenship country_recruitment country_transit country_exploitation duration
exploit_sexual exploit_labour exploit_marriage exploit_military
exploit_organ_removal exploit_slavery exploit_criminality exploit_begging
exploit_other labour_agriculture labour_aquafarming labour_begging
labour_construction labour_domestic_work labour_hospitality
labour_illicit_activities labour_manufacturing labour_mining_drilling
labour_peddling labour_transportation labour_other labour_not_specified
sex_prostitution sex_pornography sex_remote_interactive sex_private_services
control_debt_bondage control_takes_earnings control_restricts_finances
control_threats control_psychological_abuse control_physical_abuse
control_sexual_abuse control_false_promises control_psychoactive_substances
control_restricts_movement control_restricts_medical_care
control_excessive_working_hours control_uses_children
control_threat_of_law_enforcement control_withholds_necessities
control_withholds_documents control_other control_not_specified
control_group_debt_earnings control_group_threats control_group_abuse
control_group_deny_needs recruiter_intimate_partner recruiter_friend
recruiter_family recruiter_other recruiter_unknown abduction""".split()

# CTDC column -> (palermo field, how its value is read)
COLUMNS = {
    "yearOfRegistration": ("year", "year"),
    "Datasource": ("data_source", "source"),
    "gender": ("gender", "gender"),
    "ageBroad": ("age_registration", "band"),
    "majorityStatus": ("majority_registration", "majority"),
    "majorityStatusAtExploit": ("majority_exploitation", "majority"),
    "majorityEntry": ("majority_entry", "majority"),
    "citizenship": ("citizenship", "country"),
    "CountryOfExploitation": ("country_exploitation", "country"),
    "isForcedLabour": ("exploit_labour", "flag"),
    "isSexualExploit": ("exploit_sexual", "flag"),
    "isOtherExploit": ("exploit_other", "flag"),
    "isForcedMarriage": ("exploit_marriage", "flag"),
    "isForcedMilitary": ("exploit_military", "flag"),
    "isOrganRemoval": ("exploit_organ_removal", "flag"),
    "isSlaveryAndPractices": ("exploit_slavery", "flag"),
    "isAbduction": ("abduction", "flag"),
    "recruiterRelationIntimatePartner": ("recruiter_intimate_partner", "flag"),
    "recruiterRelationFriend": ("recruiter_friend", "flag"),
    "recruiterRelationFamily": ("recruiter_family", "flag"),
    "recruiterRelationOther": ("recruiter_other", "flag"),
    "recruiterRelationUnknown": ("recruiter_unknown", "flag"),
}
for ctdc, field in [
        ("DebtBondage", "debt_bondage"), ("TakesEarnings", "takes_earnings"),
        ("RestrictsFinancialAccess", "restricts_finances"),
        ("Threats", "threats"), ("PsychologicalAbuse", "psychological_abuse"),
        ("PhysicalAbuse", "physical_abuse"), ("SexualAbuse", "sexual_abuse"),
        ("FalsePromises", "false_promises"),
        ("PsychoactiveSubstances", "psychoactive_substances"),
        ("RestrictsMovement", "restricts_movement"),
        ("RestrictsMedicalCare", "restricts_medical_care"),
        ("ExcessiveWorkingHours", "excessive_working_hours"),
        ("UsesChildren", "uses_children"),
        ("ThreatOfLawEnforcement", "threat_of_law_enforcement"),
        ("WithholdsNecessities", "withholds_necessities"),
        ("WithholdsDocuments", "withholds_documents"), ("Other", "other"),
        ("NotSpecified", "not_specified")]:
    COLUMNS["meansOfControl" + ctdc] = ("control_" + field, "flag")
for ctdc, field in [
        ("Agriculture", "agriculture"), ("Aquafarming", "aquafarming"),
        ("Begging", "begging"), ("Construction", "construction"),
        ("DomesticWork", "domestic_work"), ("Hospitality", "hospitality"),
        ("IllicitActivities", "illicit_activities"),
        ("Manufacturing", "manufacturing"),
        ("MiningOrDrilling", "mining_drilling"), ("Peddling", "peddling"),
        ("Transportation", "transportation"), ("Other", "other"),
        ("NotSpecified", "not_specified")]:
    COLUMNS["typeOfLabour" + ctdc] = ("labour_" + field, "flag")
for ctdc, field in [
        ("Prostitution", "prostitution"), ("Pornography", "pornography"),
        ("RemoteInteractiveServices", "remote_interactive"),
        ("PrivateSexualServices", "private_services")]:
    COLUMNS["typeOfSex" + ctdc] = ("sex_" + field, "flag")

GROUPS = {
    "control_group_debt_earnings": ["debt_bondage", "takes_earnings"],
    "control_group_threats": ["threats", "uses_children",
                              "threat_of_law_enforcement"],
    "control_group_abuse": ["psychological_abuse", "physical_abuse",
                            "sexual_abuse"],
    "control_group_deny_needs": ["restricts_finances", "restricts_movement",
                                 "restricts_medical_care",
                                 "withholds_necessities"],
}
MINOR_BANDS = {"0-8", "9-17"}


def read(how, v, alpha3):
    v = v.strip()
    if v in ("", "-99"):
        return ""
    low = v.lower()
    if how == "year":
        return str(int(v))
    if how == "flag":
        return {"1": "1", "0": "0"}[v]
    if how == "source":
        return {"case management": "case_management",
                "hotline": "hotline"}[low]
    if how == "gender":
        return {"female": "female", "male": "male", "unknown": "",
                "transgender/nonconforming": "trans_or_nonconforming",
                "transgender": "trans_or_nonconforming"}[low]
    if how == "majority":
        return {"minor": "minor", "adult": "adult", "unknown": ""}[low]
    if how == "band":
        for dash in ("--", "\u2013", "\u2014"):
            v = v.replace(dash, "-")
        return v
    if how == "country":
        return "" if v.upper() in ("ZZ", "00") else alpha3[v.upper()]
    raise ValueError(how)


def main():
    countries, src, dst = sys.argv[1:4]
    with open(countries, newline="") as f:
        alpha3 = {r["alpha2"]: r["alpha3"] for r in csv.DictReader(f)}
    with open(src, newline="") as f, open(dst, "w", newline="") as o:
        out = csv.DictWriter(o, FIELDS, lineterminator="\n")
        out.writeheader()
        for row in csv.DictReader(f):
            c = dict.fromkeys(FIELDS, "")
            for col, v in row.items():
                if col in COLUMNS:
                    field, how = COLUMNS[col]
                    c[field] = read(how, v, alpha3)
            for m, band in (("majority_registration", "age_registration"),
                            ("majority_exploitation", "age_exploitation")):
                if c[m] == "" and c[band] != "":
                    c[m] = "minor" if c[band] in MINOR_BANDS else "adult"
            for g, members in GROUPS.items():
                vals = [c["control_" + m] for m in members]
                if c[g] == "":
                    c[g] = ("1" if "1" in vals else
                            "0" if all(x == "0" for x in vals) else "")
            out.writerow(c)


main()
