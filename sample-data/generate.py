#!/usr/bin/env python3
"""Generate the bundled sample programme: three nights of partner feeds.

    python3 sample-data/generate.py

Writes sample-data/nights/<D>/*.csv for D = 2026-11-23, 2026-11-24, 2026-11-25 and
sample-data/EXPECTED.md, then re-reads the CSVs it wrote and replays them night by night with a
small evaluator of the rules of DOMAIN.md (default catalogue of CATALOG.md). The evaluator's result
is compared with the designed story (DESIGN below) and the script fails if they differ, or if an
outcome depends on a point the specification leaves open (see AMBIGUITY CHECKS in EXPECTED.md).

Standard library only; a fixed seed; rerunning reproduces byte-identical files.
"""
import csv
import datetime as dt
import io
import os
import random
import sys
import unicodedata

SEED = 20261123
HERE = os.path.dirname(os.path.abspath(__file__))
NIGHTS = ["2026-11-23", "2026-11-24", "2026-11-25"]
UTC = dt.timezone.utc

rng = random.Random(SEED)


# ----------------------------------------------------------------------------------------------
# Small helpers
# ----------------------------------------------------------------------------------------------

def d(s):
    return dt.date.fromisoformat(s)


def ts(s):
    """An aware datetime from ISO-8601 (Z or offset)."""
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))


def fmt_instant(t, offset_hours=0.0):
    """ISO-8601 with Z (offset 0) or a +hh:mm offset, seconds precision."""
    if offset_hours == 0:
        return t.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    tz = dt.timezone(dt.timedelta(hours=offset_hours))
    return t.astimezone(tz).isoformat(timespec="seconds")


def rand_instant(start, end):
    """A random UTC instant between two dates (inclusive start, exclusive end), whole minutes."""
    a = dt.datetime.combine(d(start), dt.time(), UTC)
    b = dt.datetime.combine(d(end), dt.time(), UTC)
    minutes = int((b - a).total_seconds() // 60)
    t = a + dt.timedelta(minutes=rng.randrange(minutes))
    # keep to office-ish hours (06:00-19:59 UTC) to look like real exam sittings
    return t.replace(hour=6 + rng.randrange(14))


def add_years(day, n):
    try:
        return day.replace(year=day.year + n)
    except ValueError:  # 29 February
        return day.replace(year=day.year + n, day=28)


def add_months(day, n):
    m = day.month - 1 + n
    y, m = day.year + m // 12, m % 12 + 1
    for dd in (day.day, 30, 29, 28):
        try:
            return dt.date(y, m, dd)
        except ValueError:
            pass
    raise ValueError(day)


def ascii_slug(s):
    s = s.replace("ł", "l").replace("Ł", "L").replace("ø", "o").replace("æ", "ae")
    s = unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode()
    return "".join(ch for ch in s.lower() if ch.isalnum())


# ----------------------------------------------------------------------------------------------
# The programme: organisations
# ----------------------------------------------------------------------------------------------

# org_id, name, market, country, e-mail domain, UTC offset used by its test centres (November)
ORGS = [
    ("ORG-001", "Kestrel Cloudworks Ltd", "DEVELOPED", "GB", "kestrel-cloudworks.example", 0),
    ("ORG-002", "Bluefjord Data AS", "DEVELOPED", "NO", "bluefjord.example", 1),
    ("ORG-003", "Andes Digital S.A.C.", "DEVELOPING", "PE", "andesdigital.example", -5),
    ("ORG-004", "Sahyadri Infotech Pvt Ltd", "DEVELOPING", "IN", "sahyadri.example", 5.5),
    ("ORG-005", "Harbourline Consulting Pty Ltd", "DEVELOPED", "AU", "harbourline.example", 11),
    ("ORG-006", "Baltazar, Kowalski & Partnerzy sp. z o.o.", "DEVELOPED", "PL", "bkp.example", 1),
    ("ORG-007", "Maple Ridge Solutions Inc.", "DEVELOPED", "CA", "mapleridge.example", -5),
    ("ORG-008", "Rheinwerk IT-Beratung GmbH", "DEVELOPED", "DE", "rheinwerk.example", 1),
    ("ORG-009", "Polaris Nordic Oy", "DEVELOPED", "FI", "polarisnordic.example", 2),
    ("ORG-010", "Sertão Sistemas Ltda", "DEVELOPING", "BR", "sertao.example", -3),
    ("ORG-011", "Vltava Systémy s.r.o.", "DEVELOPED", "CZ", "vltava.example", 1),
    ("ORG-012", "Mekong Data Co., Ltd.", "DEVELOPING", "VN", "mekongdata.example", 7),
    ("ORG-013", "Tamarind Tech Sdn Bhd", "DEVELOPING", "MY", "tamarind.example", 8),
    ("ORG-014", "Atacama Cloud SpA", "DEVELOPING", "CL", "atacamacloud.example", -3),
    ("ORG-015", 'Nairobi Cloud Hub "NCH" Ltd', "DEVELOPING", "KE", "nch.example", 3),
    ("ORG-016", "Zephyr Labs K.K.", "DEVELOPED", "JP", "zephyrlabs.example", 9),
    ("ORG-017", "Cedar & Pine Consulting Ltd", "DEVELOPED", "IE", "cedarpine.example", 0),
    ("ORG-018", "Isthmus Software S.A.", "DEVELOPING", "PA", "isthmus.example", -5),
    ("ORG-019", "Sahara Networks SARL", "DEVELOPING", "MA", "saharanet.example", 1),
    ("ORG-020", "Lumen & Slate, Inc.", "DEVELOPED", "US", "lumenslate.example", -5),
]
ORG = {o[0]: o for o in ORGS}

FIRST = {
    "en": ["Oliver", "Amelia", "Harry", "Isla", "Jack", "Sophie", "Noah", "Grace", "Liam", "Chloe",
           "Ethan", "Emily", "Mason", "Ava", "Lucas", "Mia", "James", "Ella", "Henry", "Ruby",
           "Aidan", "Niamh", "Connor", "Saoirse"],
    "no": ["Lars", "Ingrid", "Sindre", "Marit", "Eero", "Aino", "Mikko", "Sanna", "Jonas", "Kari",
           "Henrik", "Silje"],
    "de": ["Lukas", "Anna", "Felix", "Lea", "Jonas", "Marie", "Paul", "Hannah", "Tobias", "Laura"],
    "pl": ["Jan", "Katarzyna", "Piotr", "Agnieszka", "Tomasz", "Magdalena", "Michał", "Zofia"],
    "cz": ["Tomáš", "Jana", "Petr", "Lucie", "Jakub", "Tereza", "Ondřej", "Klára"],
    "in": ["Aarav", "Priya", "Rohan", "Ananya", "Vikram", "Kavya", "Arjun", "Sneha", "Rahul", "Divya"],
    "es": ["Mateo", "Valentina", "Diego", "Camila", "Santiago", "Lucía", "Andrés", "Sofía", "Javier",
           "Daniela"],
    "pt": ["João", "Ana", "Rafael", "Beatriz", "Gustavo", "Larissa", "Thiago", "Camila"],
    "vn": ["Minh", "Lan", "Huy", "Thao", "Duc", "Linh", "Quang", "Mai"],
    "my": ["Aisyah", "Hafiz", "Mei", "Jie", "Nurul", "Arif", "Kavitha", "Farid"],
    "ke": ["Wanjiru", "Otieno", "Achieng", "Kamau", "Njeri", "Mwangi", "Akinyi", "Kiprop"],
    "jp": ["Haruto", "Yui", "Sota", "Hina", "Ren", "Aoi", "Kenji", "Sakura"],
    "ma": ["Youssef", "Salma", "Mehdi", "Imane", "Amine", "Khadija", "Karim", "Nadia"],
}
LAST = {
    "en": ["Smith", "Taylor", "Brown", "Wilson", "Evans", "Walsh", "Byrne", "Murphy", "Clarke",
           "Hughes", "Patel", "Campbell", "Reid", "Foster", "Bennett", "Hayes", "Ward", "Price",
           "Doyle", "Kelly", "O'Brien", "Fletcher"],
    "no": ["Hansen", "Johansen", "Berg", "Haugen", "Korhonen", "Virtanen", "Nieminen", "Lindqvist",
           "Dahl", "Solberg", "Bakke", "Lehtonen"],
    "de": ["Müller", "Schmidt", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter",
           "Wolf", "Neumann"],
    "pl": ["Kowalski", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
           "Dąbrowski"],
    "cz": ["Novák", "Svoboda", "Dvořák", "Černý", "Procházka", "Kučera", "Veselý", "Horák"],
    "in": ["Sharma", "Iyer", "Patil", "Reddy", "Nair", "Kulkarni", "Menon", "Deshpande", "Rao",
           "Joshi"],
    "es": ["García", "Rojas", "Flores", "Muñoz", "Castillo", "Vargas", "Mendoza", "Quispe",
           "Herrera", "Torres"],
    "pt": ["Silva", "Souza", "Pereira", "Oliveira", "Costa", "Almeida", "Ribeiro", "Carvalho"],
    "vn": ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui"],
    "my": ["Abdullah", "Tan", "Lim", "Rahman", "Wong", "Ismail", "Lee", "Othman"],
    "ke": ["Odhiambo", "Mutua", "Kariuki", "Wafula", "Cheruiyot", "Njoroge", "Omondi", "Kimani"],
    "jp": ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura"],
    "ma": ["Benali", "Alaoui", "Bennani", "Tazi", "Chraibi", "Idrissi", "Berrada", "Fassi"],
}
LANG = {"GB": "en", "IE": "en", "US": "en", "CA": "en", "AU": "en", "NO": "no", "FI": "no",
        "DE": "de", "PL": "pl", "CZ": "cz", "IN": "in", "PE": "es", "CL": "es", "PA": "es",
        "BR": "pt", "VN": "vn", "MY": "my", "KE": "ke", "JP": "jp", "MA": "ma"}

# ----------------------------------------------------------------------------------------------
# Credentials (the default catalogue's codes) and the "families" people are given
# ----------------------------------------------------------------------------------------------

AZ_POOL = ["ASMT-CLOUD-PLATFORM", "ASMT-AZURE-DATA-ANALYTICS", "ASMT-AZURE-APP-DEV", "ASMT-AZURE-IOT",
           "ASMT-AZURE-RDS", "70-535", "70-473", "MCSA-LINUX-ON-AZURE"]
DC_POOL = ["74-409", "70-410", "70-411", "70-412", "70-413", "70-414", "70-417", "70-740", "70-741",
           "70-742", "70-743", "70-744"]
APPDEV_POOL = ["70-480", "70-483", "70-486", "70-357", "70-487"]
EMS_SECOND = ["ASMT-EMS-MDM", "ASMT-EMS-IDENTITY-ACCESS", "ASMT-EMS-INFORMATION-PROTECTION",
              "ASMT-EMS-CLOUD-APP-SECURITY"]
DP_SECOND = ["ASMT-SQL-2016", "ASMT-AZURE-DATA-WAREHOUSE", "ASMT-AZURE-DATA-SERVICES"]
CBA_SECOND = ["MB2-717", "MB2-718", "MB2-877"]
DEVOPS_OFWHOM = ["70-497", "PMI-ACP", "PSM-I", "CSM"]
SH_GOLD_EXTRA = ["70-697", "70-398", "70-334"]
# later-era exams and vendor trainings the 2017-2018 catalogue does not know: stored, count for nothing
UNKNOWN_POOL = ["AZ-900", "AZ-104", "AZ-204", "AZ-305", "AZ-400", "AZ-500", "DP-900", "DP-203",
                "DP-300", "PL-900", "PL-300", "PL-200", "MS-900", "MS-102", "MS-700", "SC-900",
                "SC-300", "MB-910", "MB-210", "AI-900", "AI-102", "XYZ-100", "XYZ-210"]
ASSESSMENTS = {c for c in AZ_POOL + EMS_SECOND + DP_SECOND if c.startswith("ASMT-")} | {
    "ASMT-EMS-OVERVIEW", "ASMT-DATA-PLATFORM-FOUNDATIONAL", "ASMT-DATA-ANALYTICS-FOUNDATIONAL",
    "ASMT-BI", "ASMT-ADVANCED-ANALYTICS", "ASMT-BIG-DATA", "ASMT-SURFACE-HUB"}
RETIRED_EARN_WINDOW = {"70-534": ("2016-03-01", "2017-12-01"), "70-354": ("2015-09-01", "2017-09-01"),
                       "70-355": ("2015-09-01", "2017-09-01"), "70-246": ("2014-01-01", "2017-06-01"),
                       "70-247": ("2014-01-01", "2017-06-01")}


def pick(pool, lo, hi):
    return rng.sample(pool, rng.randint(lo, hi))


def role_codes(role):
    """Catalogue credentials a person of this role holds (valid, counting)."""
    if role == "az":
        return pick(AZ_POOL, 2, 7)
    if role == "az535":
        return ["70-535"]
    if role == "dc":
        return pick(DC_POOL, 2, 8)
    if role == "dc_mcsa":
        return ["MCSA-WINDOWS-SERVER-2016", "70-740", "70-741", "70-742"]
    if role == "appdev":
        return pick(APPDEV_POOL, 1, 4)
    if role == "devops":
        return ["70-496", "70-498"]
    if role == "devops_plus":
        return ["70-496", "70-498", rng.choice(DEVOPS_OFWHOM)]
    if role == "o365":
        return ["70-346", "MCSA-OFFICE-365"]
    if role == "o365_full":
        return ["70-346", "70-347", "MCSA-OFFICE-365"]
    if role == "mcse_prod":
        # MCSA Office 365 plus the MCSE elective; the 70-347 exam record is not in the feed (a partial
        # holding such as 70-347 alone would make "progress" depend on how it is read)
        return ["70-346", "MCSA-OFFICE-365", "MCSE-PRODUCTIVITY", rng.choice(["70-339", "70-345"])]
    if role == "mcsd_dev":
        return ["MCSD-APP-BUILDER", "70-480", "70-486"]
    if role == "collab_exam":
        return ["70-346", "70-347", "70-339"]
    if role == "ems":
        return ["ASMT-EMS-OVERVIEW"] + pick(EMS_SECOND, 1, 4)
    if role == "dp":
        return ["ASMT-DATA-PLATFORM-FOUNDATIONAL"] + pick(DP_SECOND, 1, 3)
    if role == "dp_found_only":
        return ["ASMT-DATA-PLATFORM-FOUNDATIONAL"]
    if role == "da_spec_bi":
        return ["ASMT-DATA-ANALYTICS-FOUNDATIONAL", "70-767", "70-768"]
    if role == "da_beg":
        return ["ASMT-DATA-ANALYTICS-FOUNDATIONAL", "ASMT-ADVANCED-ANALYTICS"]
    if role == "da_found_only":
        return ["ASMT-DATA-ANALYTICS-FOUNDATIONAL"]
    if role == "bi":
        return ["ASMT-BI"]
    if role == "cba_full":
        return ["MB2-715", "MB2-716"] + pick(CBA_SECOND, 1, 2)
    if role == "cba_core":
        return ["MB2-715", "MB2-716"]
    if role == "sh":
        return ["ASMT-SURFACE-HUB"]
    if role == "sh_gold":
        return ["ASMT-SURFACE-HUB", rng.choice(SH_GOLD_EXTRA)]
    if role in ("filler", "nomsa"):
        return []
    if role == "appdev_retired":
        return [rng.choice(["70-354", "70-355"])]
    if role == "cp_retired":
        return ["70-534"]
    if role == "dc_retired":
        return pick(["70-246", "70-247"], 1, 2)
    raise ValueError(role)


# ----------------------------------------------------------------------------------------------
# DESIGN: who works where. P(role, n, **flags); flags:
#   tag=...       a name the story refers to
#   link=...      "linked" (default), "unlinked" (UNLINKed on 2025-09-01), "none" (no MSA at all)
#   deleted=...   the user was DELETED on this date (employee left; the link ends then)
# ----------------------------------------------------------------------------------------------

def P(role, n=1, **flags):
    return [dict(role=role, **flags) for _ in range(n)]


PLAN = {
    "ORG-001": (P("az", 2) + P("az", tag="revoke_n3") + P("az", link="unlinked")
                + P("devops_plus", 2) + P("devops", tag="repeat_link") + P("devops")
                + P("appdev", 3) + P("az", deleted="2025-06-30") + P("filler", 3)
                + P("nomsa", link="none")),
    "ORG-002": (P("dp", 2) + P("dp", tag="relink_same_org") + P("dp_found_only", tag="gold_gain")
                + P("da_spec_bi") + P("filler", 7) + P("nomsa", link="none")),
    "ORG-003": P("az", 2) + P("filler", 4) + P("nomsa", link="none"),
    "ORG-004": (P("o365", 2) + P("o365", link="unlinked") + P("dc") + P("filler", 6)
                + P("nomsa", 2, link="none")),
    "ORG-005": (P("mcse_prod") + P("mcse_prod", tag="moved_in_2025") + P("mcsd_dev")
                + P("filler", 6) + P("nomsa", link="none")),
    "ORG-006": P("dc", 3) + P("dc_mcsa") + P("ems", 2) + P("filler", 4) + P("nomsa", link="none"),
    "ORG-007": (P("sh_gold", 4) + P("sh", deleted="2025-05-01") + P("cba_full", 5) + P("cba_core")
                + P("filler", 2) + P("nomsa", link="none")),
    "ORG-008": (P("dc") + P("dc", tag="mover") + P("dc_retired") + P("filler", 5)
                + P("nomsa", link="none")),
    "ORG-009": P("dc") + P("dc", tag="revoked_only") + P("filler", 5) + P("nomsa", link="none"),
    "ORG-010": P("devops_plus") + P("filler", 6) + P("nomsa", link="none"),
    "ORG-011": (P("az") + P("appdev") + P("appdev", tag="departure") + P("filler", 6)
                + P("nomsa", link="none")),
    "ORG-012": (P("bi") + P("bi", tag="expiry") + P("bi", deleted="2026-02-15") + P("az")
                + P("filler", 4) + P("nomsa", link="none")),
    "ORG-013": P("dp", 5) + P("ems", 2) + P("filler", 4) + P("nomsa", link="none"),
    "ORG-014": P("sh") + P("filler", 4) + P("nomsa", link="none"),
    "ORG-015": (P("ems") + P("ems", tag="contractor") + P("filler", tag="org_changer")
                + P("filler", 4) + P("nomsa", link="none")),
    "ORG-016": (P("da_beg") + P("da_found_only", tag="latency_n3") + P("az535") + P("cp_retired")
                + P("filler", 4) + P("nomsa", link="none")),
    "ORG-017": (P("mcse_prod", 4) + P("filler", 3) + P("nomsa", link="none")
                + P("nomsa", link="none", tag="moved_out_user")),
    "ORG-018": (P("cba_full", 5) + P("filler", tag="no_email") + P("filler", 4)
                + P("nomsa", link="none") + P("nomsa", link="none", tag="contractor_target")),
    "ORG-019": P("dc", 2) + P("dc_retired", 2) + P("o365") + P("filler", 3) + P("nomsa", link="none"),
    "ORG-020": (P("appdev_retired", 2) + P("cp_retired") + P("dc_retired")
                + P("filler", tag="revoked_unknown") + P("nomsa", link="none", tag="future_target")),
}

# ----------------------------------------------------------------------------------------------
# Build people (user accounts), MSAs, link events and achievements
# ----------------------------------------------------------------------------------------------

people = []          # one dict per user account
links = []           # (instant, msa, user_id, action); event ids are given after sorting
achievements = []    # dicts; record ids are given after sorting
used_emails = set()
TAG = {}             # tag -> person


def make_email(first, last, domain):
    base = f"{ascii_slug(first)}.{ascii_slug(last)}"
    email, k = f"{base}@{domain}", 2
    while email in used_emails:
        email, k = f"{base}{k}@{domain}", k + 1
    used_emails.add(email)
    return email


def add_ach(msa, code, earned, expires=None, status="ACTIVE", source=None, offset=0.0, night=1,
            rid=None):
    a = dict(msa=msa, code=code, earned=earned, expires=expires, status=status, source=source,
             offset=offset, night=night, rid=rid)
    achievements.append(a)
    return a


def source_for(code):
    if code.startswith("ASMT-"):
        return rng.choice(["Partner Portal", "Learning Portal"])
    return {"PMI-ACP": "PMI", "PSM-I": "Scrum.org", "CSM": "Scrum Alliance"}.get(
        code, rng.choice(["Pearson VUE", "Certiport"]))


def give_role_achievements(p, codes):
    """Valid records for the role's credentials (assessments sometimes with an earlier sitting that
    has expired, and sometimes with a far expiry date), plus a few later-era (unknown) exams."""
    for code in codes:
        if code in RETIRED_EARN_WINDOW:
            earned = rand_instant(*RETIRED_EARN_WINDOW[code])
            add_ach(p["msa"], code, earned, source=source_for(code),
                    offset=p["offset"] if rng.random() < .3 else 0)
            continue
        earned = rand_instant("2018-01-15", "2026-10-15")
        expires = None
        if code.startswith("ASMT-"):
            if rng.random() < 0.7:
                # earlier sittings that expired after two years, then the retake that counts
                first = rand_instant("2017-06-01", "2019-06-01")
                for k in range(rng.randint(1, 2)):
                    sitting = first + dt.timedelta(days=731 * k)
                    add_ach(p["msa"], code, sitting, expires=add_years(sitting.date(), 2),
                            source=source_for(code))
                earned = rand_instant("2022-01-10", "2026-10-15")
            if rng.random() < 0.3:
                expires = dt.date(2028 + rng.randrange(3), 1 + rng.randrange(12), 1)
        add_ach(p["msa"], code, earned, expires=expires, source=source_for(code),
                offset=p["offset"] if rng.random() < .3 else 0)
    for code in sorted(rng.sample(UNKNOWN_POOL, rng.randint(0, 3))):
        add_ach(p["msa"], code, rand_instant("2019-03-01", "2026-10-15"), source=source_for(code))
    give_expired_assessments(p, 1, 3)


def give_expired_assessments(p, lo, hi):
    """Old assessments of any area that expired long ago (count for nothing now)."""
    for code in sorted(rng.sample(sorted(ASSESSMENTS), rng.randint(lo, hi))):
        first = rand_instant("2017-06-01", "2021-06-01")
        add_ach(p["msa"], code, first, expires=add_years(first.date(), 2), source=source_for(code))


def give_filler_achievements(p):
    for code in sorted(rng.sample(UNKNOWN_POOL, rng.randint(2, 5))):
        add_ach(p["msa"], code, rand_instant("2019-03-01", "2026-10-15"), source=source_for(code))
    give_expired_assessments(p, 1, 4)


def new_user(number, org_id, first, last, status, changed_at, tag=None):
    o = ORG[org_id]
    p = dict(user_id=f"u-{number:04d}", org=org_id, first=first, last=last,
             email=make_email(first, last, o[4]), offset=o[5], msa=None, tag=tag,
             status=status, changed_at=changed_at)
    people.append(p)
    if tag:
        TAG[tag] = p
    return p


number = 0
for org_id, _, _, country, _, _ in ORGS:
    lang = LANG[country]
    for spec in PLAN[org_id]:
        number += 1
        mode = spec.get("link", "linked")
        if spec.get("deleted"):
            linked_at = rand_instant("2019-01-10", "2024-12-31")
        elif mode == "unlinked":
            linked_at = rand_instant("2019-01-10", "2025-06-30")
        else:
            linked_at = rand_instant("2019-01-10", "2026-10-10")
        created = linked_at - dt.timedelta(hours=1 + rng.randrange(72))
        p = new_user(number, org_id, rng.choice(FIRST[lang]), rng.choice(LAST[lang]), "ACTIVE",
                     created, spec.get("tag"))
        p["role"] = spec["role"]
        if spec.get("deleted"):
            p["status"] = "DELETED"
            p["changed_at"] = dt.datetime.combine(d(spec["deleted"]), dt.time(17, 0), UTC)
        if mode == "none":
            continue
        p["msa"] = f"msa-{number:04d}"
        links.append((linked_at, p["msa"], p["user_id"], "LINK"))
        if mode == "unlinked":
            links.append((ts("2025-09-01T08:30:00Z"), p["msa"], p["user_id"], "UNLINK"))
        if spec["role"] == "filler":
            give_filler_achievements(p)
        else:
            give_role_achievements(p, role_codes(spec["role"]))
assert number == 198, number


def drop_records(msa, codes):
    achievements[:] = [a for a in achievements if not (a["msa"] == msa and a["code"] in codes)]


def relink(p, events, created):
    """Replace the generated link history of p's MSA with designed events."""
    links[:] = [x for x in links if x[1] != p["msa"]]
    links.extend(events)
    p["changed_at"] = created


# --- designed particulars (night 1 history) ------------------------------------------------------

# ORG-001: a repeated LINK of an MSA to the user it is already linked to (changes nothing)
rl = TAG["repeat_link"]
relink(rl, [(ts("2023-03-06T10:00:00Z"), rl["msa"], rl["user_id"], "LINK"),
            (ts("2024-01-15T10:00:00Z"), rl["msa"], rl["user_id"], "LINK")], ts("2023-03-06T09:00:00Z"))

# ORG-001: the Azure person whose 70-473 record is REVOKED on night 3 (keeps ASMT-CLOUD-PLATFORM)
rv = TAG["revoke_n3"]
drop_records(rv["msa"], AZ_POOL)
add_ach(rv["msa"], "ASMT-CLOUD-PLATFORM", ts("2023-05-09T09:30:00Z"), source="Partner Portal")
REVOKE_N3 = add_ach(rv["msa"], "70-473", ts("2024-02-20T13:00:00Z"), source="Pearson VUE")

# ORG-002: an MSA moves to a replacement account of the same organisation (u-0199) on 2025-02-28;
# the old account is DELETED on 2025-03-01. Same organisation: no org move, still counts.
rs = TAG["relink_same_org"]
relink(rs, [(ts("2021-09-06T09:00:00Z"), rs["msa"], rs["user_id"], "LINK")], ts("2021-09-06T08:00:00Z"))
rs["status"], rs["changed_at"] = "DELETED", ts("2025-03-01T00:00:00Z")
repl = new_user(199, "ORG-002", rs["first"], rs["last"], "ACTIVE", ts("2025-02-27T16:00:00Z"),
                "relink_same_org_new")
links.append((ts("2025-02-28T09:00:00Z"), rs["msa"], repl["user_id"], "LINK"))

# ORG-002: the 4th Data Platform person passes ASMT-AZURE-DATA-WAREHOUSE on 2026-11-23 09:45 CET:
# delivered on night 1, counting only from night 2 (24-hour latency)
gg = TAG["gold_gain"]
add_ach(gg["msa"], "ASMT-AZURE-DATA-WAREHOUSE", ts("2026-11-23T09:45:00+01:00"),
        source="Partner Portal", offset=1)

# ORG-005 <- ORG-017: an MSA moved on 2025-03-10 from a Cedar & Pine account (still ACTIVE) to a
# Harbourline account; it counts for Harbourline only
mi, mo = TAG["moved_in_2025"], TAG["moved_out_user"]
old_msa, mi["msa"] = mi["msa"], f"msa-{int(mo['user_id'][2:]):04d}"
for a in achievements:
    if a["msa"] == old_msa:
        a["msa"] = mi["msa"]
links[:] = [x for x in links if x[1] != old_msa]
links.append((ts("2022-04-04T08:15:00Z"), mi["msa"], mo["user_id"], "LINK"))
links.append((ts("2025-03-10T22:40:00Z"), mi["msa"], mi["user_id"], "LINK"))
mo["changed_at"] = ts("2022-04-01T10:00:00Z")
mi["changed_at"] = ts("2025-03-10T21:00:00Z")

# ORG-009: a Windows Server person whose only exam record was REVOKED
ro = TAG["revoked_only"]
drop_records(ro["msa"], DC_POOL)
add_ach(ro["msa"], "70-740", ts("2025-08-14T10:00:00Z"), status="REVOKED", source="Pearson VUE")

# ORG-012: one of the two Power BI people holds ASMT-BI with expires_on 2026-11-25: it counts while
# expires_on is after the business date (nights 2026-11-23 and -24), not on night 2026-11-25
ex = TAG["expiry"]
drop_records(ex["msa"], ["ASMT-BI"])
add_ach(ex["msa"], "ASMT-BI", ts("2024-11-25T10:20:00+07:00"), expires=d("2026-11-25"),
        source="Partner Portal", offset=7)

# ORG-015 -> ORG-018: a contractor's MSA joins Nairobi Cloud Hub on 2026-06-01 and tries to hop to
# Isthmus 19 days later: LINK_COOL_OFF (night 1 reject); the MSA stays with Nairobi Cloud Hub
ct, tgt = TAG["contractor"], TAG["contractor_target"]
relink(ct, [(ts("2026-06-01T07:00:00Z"), ct["msa"], ct["user_id"], "LINK"),
            (ts("2026-06-20T07:00:00Z"), ct["msa"], tgt["user_id"], "LINK")], ts("2026-05-31T12:00:00Z"))
tgt["changed_at"] = ts("2026-06-18T12:00:00Z")

# ORG-016: the second Data Analytics person holds the Foundational assessment since February
lt = TAG["latency_n3"]
drop_records(lt["msa"], ["ASMT-DATA-ANALYTICS-FOUNDATIONAL"])
add_ach(lt["msa"], "ASMT-DATA-ANALYTICS-FOUNDATIONAL", ts("2026-02-17T14:00:00+09:00"),
        source="Partner Portal", offset=9)

# ORG-020: a REVOKED record of an unknown code; ORG-018: a user without an e-mail address
add_ach(TAG["revoked_unknown"]["msa"], "XYZ-100", ts("2024-01-10T10:00:00Z"), status="REVOKED",
        source="Learning Portal")
TAG["no_email"]["email"] = ""

# MSAs never linked to any partner user (people outside the partners, or who never linked their
# MSA): their records are stored and count for nothing. msa-0401 .. msa-0520.
ORPHAN_ROLES = ["az", "dc", "appdev", "ems", "dp", "cba_full", "da_spec_bi", "devops_plus", "mcse_prod",
                "sh_gold", "o365_full", "filler"]
for k in range(120):
    orphan = dict(msa=f"msa-{401 + k:04d}", offset=0)
    role = ORPHAN_ROLES[k % len(ORPHAN_ROLES)]
    if role == "filler":
        give_filler_achievements(orphan)
    else:
        give_role_achievements(orphan, role_codes(role))
# two records of never-linked MSAs were REVOKED by the exam provider
for m in ("msa-0401", "msa-0405"):
    next(a for a in achievements if a["msa"] == m)["status"] = "REVOKED"

# ORG-010's new hire of night 2: MSA msa-0200 already holds 70-496 and 70-498; the records arrive
# on night 1, while the MSA is linked to nobody
NEW_HIRE_MSA = "msa-0200"
add_ach(NEW_HIRE_MSA, "AZ-400", ts("2024-10-01T12:00:00-03:00"), source="Pearson VUE", offset=-3)
add_ach(NEW_HIRE_MSA, "70-496", ts("2025-03-12T14:00:00-03:00"), source="Pearson VUE", offset=-3)
add_ach(NEW_HIRE_MSA, "70-498", ts("2025-06-05T15:30:00-03:00"), source="Pearson VUE", offset=-3)

# ----------------------------------------------------------------------------------------------
# Metrics: TTM = 2025-12 .. 2026-11 on all three nights; 2025-06 .. 2025-11 are older months that
# must not count. (org, metric, association, TTM total, older total, fixed 2026-11 value or None)
# ----------------------------------------------------------------------------------------------
TTM_MONTHS = ["2025-12"] + [f"2026-{m:02d}" for m in range(1, 12)]
OLD_MONTHS = [f"2025-{m:02d}" for m in range(6, 12)]
AZ, O365E, PBI, O365N = ("AZURE_CONSUMED_REVENUE_USD", "O365_ACTIVE_ENTITLEMENTS",
                         "POWERBI_DEPLOYED_SEATS", "O365_NEW_CUSTOMERS")
EMSN, EMSE, CRM, SHD = ("EMS_NEW_CUSTOMERS", "EMS_ACTIVE_ENTITLEMENTS", "CRM_NET_NEW_REVENUE_USD",
                        "SURFACE_HUB_DEVICES_SHIPPED")
MONEY = {AZ, CRM}
SERIES = [
    ("ORG-001", AZ, "DPOR", 120000, 30000, None), ("ORG-001", AZ, "TRANSACTING", 62000, 15000, None),
    ("ORG-001", AZ, "TRIAL", 4000, 0, None),
    ("ORG-002", AZ, "TRANSACTING", 6200, 2000, None),
    ("ORG-003", AZ, "DPOR", 5100, 1500, None), ("ORG-003", AZ, "TRANSACTING", 4300, 2400, 600),
    ("ORG-003", AZ, "TRIAL", 3000, 0, None),
    ("ORG-004", O365E, "TRANSACTING", 980, 500, None), ("ORG-004", O365E, "DELEGATED_ADMIN", 400, 0, None),
    ("ORG-004", O365E, "TRIAL", 700, 0, None),
    ("ORG-004", O365N, "DPOR", 3, 1, None), ("ORG-004", O365N, "DELEGATED_ADMIN", 4, 1, None),
    ("ORG-006", EMSN, "TRANSACTING", 4, 1, None), ("ORG-006", EMSE, "TRANSACTING", 820, 300, None),
    ("ORG-007", SHD, "TRANSACTING", 64, 20, None), ("ORG-007", CRM, "DPOR", 165000, 40000, None),
    ("ORG-007", CRM, "TRIAL", 20000, 0, None),
    ("ORG-008", O365N, "DPOR", 2, 1, None), ("ORG-008", O365N, "DELEGATED_ADMIN", 3, 1, None),
    ("ORG-009", AZ, "TRANSACTING", 5000, 1000, None),
    ("ORG-011", AZ, "DPOR", 24000, 6000, None),
    ("ORG-012", PBI, "TRANSACTING", 900, 200, None), ("ORG-012", PBI, "FASTTRACK", 250, 0, None),
    ("ORG-012", AZ, "DPOR", 12500, 3000, None),
    ("ORG-013", EMSN, "DPOR", 14, 3, None), ("ORG-013", EMSN, "TRANSACTING", 10, 2, None),
    ("ORG-013", EMSE, "TRANSACTING", 310, 100, None),
    ("ORG-014", SHD, "TRANSACTING", 8, 5, None), ("ORG-014", AZ, "TRIAL", 30000, 0, None),
    ("ORG-015", EMSN, "TRANSACTING", 2, 1, None), ("ORG-015", EMSE, "TRANSACTING", 300, 120, None),
    ("ORG-015", O365N, "TRANSACTING", 3, 2, None),
    ("ORG-016", AZ, "DPOR", 7000, 2000, None), ("ORG-016", AZ, "TRANSACTING", 5000, 0, None),
    ("ORG-016", AZ, "DELEGATED_ADMIN", 6000, 0, None),
    ("ORG-018", CRM, "DPOR", 42000, 10000, None), ("ORG-018", CRM, "TRANSACTING", 18000, 0, None),
    ("ORG-019", O365E, "TRANSACTING", 600, 200, None),
    ("ORG-020", AZ, "TRIAL", 2000, 0, None), ("ORG-020", O365E, "TRIAL", 600, 0, None),
]


def split(total, months, money, fixed_last=None):
    """Split total over months with random weights: whole numbers, or cents for money."""
    unit = 100 if money else 1
    units = int(round(total * unit))
    n = len(months)
    vals = [0] * n
    if fixed_last is not None:
        vals[-1] = int(round(fixed_last * unit))
        units -= vals[-1]
        n -= 1
    weights = [rng.random() + 0.3 for _ in range(n)]
    alloc = [int(units * w / sum(weights)) for w in weights]
    alloc[0] += units - sum(alloc)
    vals[:n] = alloc
    return [v / unit for v in vals]


def fmt_value(v, metric):
    return f"{v:.2f}" if metric in MONEY else str(int(round(v)))


METRIC_N1 = {}   # (org, metric, month, assoc) -> value
for org_id, metric, assoc, ttm, old, last in SERIES:
    money = metric in MONEY
    vals = (split(old, OLD_MONTHS, money) if old else [None] * 6) + split(ttm, TTM_MONTHS, money, last)
    for month, v in zip(OLD_MONTHS + TTM_MONTHS, vals):
        if v is not None:
            METRIC_N1[(org_id, metric, month, assoc)] = v

# ----------------------------------------------------------------------------------------------
# Night 2 (2026-11-24) and night 3 (2026-11-25): deltas
# ----------------------------------------------------------------------------------------------
mv, dep = TAG["mover"], TAG["departure"]
# ORG-010 new hire, ORG-009 account for the mover
hire = new_user(200, "ORG-010", "Gustavo", "Almeida", "ACTIVE", ts("2026-11-23T09:00:00-03:00"), "new_hire")
mv_new = new_user(201, "ORG-009", mv["first"], mv["last"], "ACTIVE", ts("2026-11-23T08:00:00Z"), "mover_new")
n3_hire = new_user(203, "ORG-001", "Ruby", "Fletcher", "ACTIVE", ts("2026-11-24T09:00:00Z"), "n3_hire")
for p in (hire, mv_new, n3_hire):
    people.remove(p)          # not part of night 1

N2_LINKS = [(ts("2026-11-23T10:00:00-03:00"), NEW_HIRE_MSA, hire["user_id"], "LINK", -3),
            (ts("2026-11-23T11:20:00Z"), mv["msa"], mv_new["user_id"], "LINK", 0)]
N3_LINKS = [(ts("2026-11-24T09:30:00Z"), "msa-0203", n3_hire["user_id"], "LINK", 0)]

N2_ACH = [
    # ORG-016: ASMT-BIG-DATA on 2026-11-24 10:00Z: delivered tonight, counts from night 3
    add_ach(lt["msa"], "ASMT-BIG-DATA", ts("2026-11-24T19:00:00+09:00"), source="Partner Portal",
            offset=9, night=2),
    add_ach(rv["msa"], "70-535", ts("2026-11-22T14:10:00Z"), source="Pearson VUE", night=2),
    add_ach(TAG["no_email"]["msa"], "PL-300", ts("2026-11-20T15:00:00-05:00"), source="Pearson VUE",
            offset=-5, night=2),
    add_ach(TAG["org_changer"]["msa"], "AZ-900", ts("2026-11-21T08:00:00+03:00"), source="Certiport",
            offset=3, night=2),
    add_ach(NEW_HIRE_MSA, "AZ-204", ts("2026-11-22T11:00:00-03:00"),
            source="Pearson VUE", offset=-3, night=2),
]
N3_ACH = [
    add_ach("msa-0203", "AZ-104", ts("2025-04-02T10:00:00Z"), source="Pearson VUE", night=3),
    add_ach("msa-0203", "AZ-900", ts("2023-09-14T10:00:00Z"), source="Certiport", night=3),
    add_ach(TAG["gold_gain"]["msa"], "DP-203", ts("2026-11-24T14:00:00+01:00"), source="Pearson VUE",
            offset=1, night=3),
]

# ----------------------------------------------------------------------------------------------
# Give ids and write the files
# ----------------------------------------------------------------------------------------------
night1_ach = sorted((a for a in achievements if a["night"] == 1), key=lambda a: (a["earned"], a["msa"], a["code"]))
for i, a in enumerate(night1_ach, 1):
    a["rid"] = f"ach-{i:05d}"
next_rid = len(night1_ach) + 1
for a in N2_ACH:
    a["rid"] = f"ach-{next_rid:05d}"
    next_rid += 1
N2_BAD_RIDS = [f"ach-{next_rid + k:05d}" for k in range(3)]   # duplicate key, malformed, missing field
next_rid += 3
for a in N3_ACH:
    a["rid"] = f"ach-{next_rid:05d}"
    next_rid += 1

links.sort(key=lambda x: (x[0], x[1]))
LINK_ROWS = []
for i, (t, m, u, act) in enumerate(links, 1):
    LINK_ROWS.append([f"ev-{i:05d}", m, u, act, fmt_instant(t)])
next_ev = len(links) + 1


def ev_id():
    global next_ev
    next_ev += 1
    return f"ev-{next_ev - 1:05d}"


def ach_row(a):
    return [a["rid"], a["msa"], a["code"], fmt_instant(a["earned"], a["offset"]),
            a["expires"].isoformat() if a["expires"] else "", a["status"], a["source"] or ""]


def user_row(p):
    return [p["user_id"], p["org"], p["email"], p["status"], fmt_instant(p["changed_at"])]


HEADERS = {
    "organizations.csv": ["org_id", "name", "market", "country"],
    "users.csv": ["user_id", "org_id", "email", "status", "changed_at"],
    "msa-links.csv": ["event_id", "msa_id", "user_id", "action", "occurred_at"],
    "achievements.csv": ["record_id", "msa_id", "credential", "earned_at", "expires_on", "status", "source"],
    "metrics.csv": ["org_id", "metric", "month", "value", "association"],
    "memberships.csv": ["order_id", "org_id", "level", "purchased_on"],
    "overrides.csv": ["override_id", "org_id", "competency", "level", "valid_from", "valid_until",
                      "reason", "granted_by"],
}


def csv_line(row):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(row)
    return buf.getvalue()


def write_feed(night, name, rows):
    """rows: lists of cells, or a str for a raw (deliberately malformed) line."""
    folder = os.path.join(HERE, "nights", night)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="") as f:
        f.write(csv_line(HEADERS[name]))
        for r in rows:
            f.write(r if isinstance(r, str) else csv_line(r))


def metric_row(key, v):
    org_id, metric, month, assoc = key
    return [org_id, metric, month, fmt_value(v, metric), "" if org_id == "ORG-019" else assoc]


# --- night 1: the initial load -----------------------------------------------------------------
N1 = NIGHTS[0]
write_feed(N1, "organizations.csv", [[o[0], o[1], o[2], o[3]] for o in ORGS])
write_feed(N1, "users.csv", [user_row(p) for p in sorted(people, key=lambda p: p["user_id"])])
write_feed(N1, "msa-links.csv", LINK_ROWS)
write_feed(N1, "achievements.csv", [ach_row(a) for a in night1_ach])
write_feed(N1, "metrics.csv", [metric_row(k, v) for k, v in sorted(METRIC_N1.items())])
ORDERS_N1 = [("ORG-019", "SILVER", "2024-12-05"), ("ORG-006", "SILVER", "2025-10-25"),
             ("ORG-005", "SILVER", "2025-11-12"), ("ORG-019", "SILVER", "2025-12-20"),
             ("ORG-007", "GOLD", "2026-01-20"), ("ORG-001", "GOLD", "2026-03-10"),
             ("ORG-008", "SILVER", "2026-04-02"), ("ORG-002", "GOLD", "2026-04-14"),
             ("ORG-011", "SILVER", "2026-05-18"), ("ORG-013", "SILVER", "2026-06-15"),
             ("ORG-012", "GOLD", "2026-07-01")]
write_feed(N1, "memberships.csv", [[f"ord-{i:04d}", o, lv, p] for i, (o, lv, p) in enumerate(ORDERS_N1, 1)])
write_feed(N1, "overrides.csv", [["ovr-0001", "ORG-014", "WINDOWS_DEVICES", "SILVER", "2026-10-01", "",
                                  "Surface Hub launch partner, devices on back-order",
                                  "programme.operations"]])

# --- night 2 -------------------------------------------------------------------------------------
N2 = NIGHTS[1]
write_feed(N2, "organizations.csv", [
    ["ORG-016", "Zephyr Labs Kabushiki Kaisha", "DEVELOPED", "JP"],          # a rename (correction)
    ["ORG-021", "Quokka Quantum Pty Ltd", "EMERGING", "AU"],                 # BAD_ENUM
])
oc = TAG["org_changer"]
write_feed(N2, "users.csv", [
    user_row(hire), user_row(mv_new),
    ["u-0202", "ORG-099", "lena.hartmann@unknown-partner.example", "ACTIVE", "2026-11-23T10:00:00Z"],  # UNKNOWN_ORG
    [oc["user_id"], "ORG-016", oc["email"], "ACTIVE", "2026-11-23T12:00:00Z"],  # USER_ORG_CHANGED
])
N2_LINK_ROWS = [[ev_id(), m, u, a, fmt_instant(t, off)] for t, m, u, a, off in N2_LINKS]
N2_LINK_ROWS.append([ev_id(), "msa-0307", "u-0999", "LINK", "2026-11-22T09:00:00Z"])            # UNKNOWN_USER
N2_LINK_ROWS.append([ev_id(), "msa-0306", TAG["future_target"]["user_id"], "LINK",
                     "2026-11-25T08:30:00Z"])                                                    # FUTURE_DATED
write_feed(N2, "msa-links.csv", N2_LINK_ROWS)
dup_id, bad_ids = N2_BAD_RIDS[0], N2_BAD_RIDS[1:]
write_feed(N2, "achievements.csv", [ach_row(a) for a in N2_ACH] + [
    [dup_id, TAG["departure"]["msa"], "AZ-204", "2026-11-21T10:00:00Z", "", "ACTIVE", "Pearson VUE"],
    f"{bad_ids[0]},{TAG['no_email']['msa']},MB2-716,2026-11-22T10:00:00Z,,ACTIVE,Pearson VUE,late entry\n",  # MALFORMED_ROW
    [bad_ids[1], TAG["org_changer"]["msa"], "", "2026-11-22T10:00:00Z", "", "ACTIVE", "Pearson VUE"],  # MISSING_FIELD
    [dup_id, TAG["departure"]["msa"], "AZ-305", "2026-11-21T10:00:00Z", "", "ACTIVE", "Pearson VUE"],  # DUPLICATE_KEY_IN_FILE
])


def bump(key, delta):
    return [metric_row(key, METRIC_N1[key] + delta)]


write_feed(N2, "metrics.csv",
           [metric_row(("ORG-003", AZ, "2026-11", "TRANSACTING"), 1850.0)]          # Andes crosses 10,000
           + bump(("ORG-001", AZ, "2026-11", "DPOR"), 1234.5)
           + bump(("ORG-007", SHD, "2026-11", "TRANSACTING"), 1)
           + bump(("ORG-015", EMSE, "2026-11", "TRANSACTING"), 15)
           + [["ORG-015", O365N, "2026-11", "-1", "TRANSACTING"]])                    # NEGATIVE_METRIC
write_feed(N2, "memberships.csv", [["ord-0012", "ORG-005", "SILVER", "2026-11-24"],    # renewal in window
                                   ["ord-0013", "ORG-017", "SILVER", "2026-11-31"]])   # BAD_DATE

# --- night 3 -------------------------------------------------------------------------------------
N3 = NIGHTS[2]
dep_row = user_row(dep)
dep_row[3], dep_row[4] = "DELETED", "2026-11-24T16:30:00+01:00"
write_feed(N3, "users.csv", [dep_row, user_row(n3_hire)])
write_feed(N3, "msa-links.csv", [[ev_id(), m, u, a, fmt_instant(t, off)] for t, m, u, a, off in N3_LINKS])
revoked = dict(REVOKE_N3, status="REVOKED")
write_feed(N3, "achievements.csv", [ach_row(revoked)] + [ach_row(a) for a in N3_ACH])
write_feed(N3, "metrics.csv", bump(("ORG-011", AZ, "2026-11", "DPOR"), 800.0)
           + bump(("ORG-012", PBI, "2026-11", "TRANSACTING"), 10)
           + bump(("ORG-013", EMSE, "2026-11", "TRANSACTING"), 5))
write_feed(N3, "memberships.csv", [["ord-0014", "ORG-013", "GOLD", "2026-11-25"]])        # upgrade


# ==============================================================================================
# EVALUATOR: re-read the files just written and apply DOMAIN.md night by night
# ==============================================================================================

LEVELS = ["NONE", "SILVER", "GOLD"]
RANK = {lv: i for i, lv in enumerate(LEVELS)}
MARKETS = {"DEVELOPED", "DEVELOPING"}
ASSOCS = ["DPOR", "TRANSACTING", "DELEGATED_ADMIN", "FASTTRACK", "TRIAL"]
DEFAULT_ASSOCS = tuple(a for a in ASSOCS if a != "TRIAL")

# --- the default catalogue (CATALOG.md), as the evaluator reads it ----------------------------
ACCEPTED_UNTIL = {"70-534": d("2018-12-31"), "70-354": d("2017-09-30"), "70-355": d("2017-09-30"),
                  "70-246": d("2018-12-31"), "70-247": d("2018-12-31")}
CATALOG_CODES = set(
    "ASMT-CLOUD-PLATFORM ASMT-AZURE-DATA-ANALYTICS ASMT-AZURE-APP-DEV ASMT-AZURE-IOT ASMT-AZURE-RDS "
    "ASMT-DATA-ANALYTICS-FOUNDATIONAL ASMT-BI ASMT-ADVANCED-ANALYTICS ASMT-BIG-DATA ASMT-EMS-OVERVIEW "
    "ASMT-EMS-MDM ASMT-EMS-IDENTITY-ACCESS ASMT-EMS-INFORMATION-PROTECTION ASMT-EMS-CLOUD-APP-SECURITY "
    "ASMT-DATA-PLATFORM-FOUNDATIONAL ASMT-SQL-2016 ASMT-AZURE-DATA-WAREHOUSE ASMT-AZURE-DATA-SERVICES "
    "ASMT-SURFACE-HUB MCSA-LINUX-ON-AZURE MCSA-OFFICE-365 MCSD-APP-BUILDER MCSA-WINDOWS-SERVER-2012 "
    "MCSA-WINDOWS-SERVER-2016 MCSE-PRODUCTIVITY PMI-ACP PSM-I CSM 70-532 70-533 70-534 70-535 70-473 "
    "70-475 70-346 70-347 70-767 70-768 70-773 70-774 70-775 70-480 70-483 70-486 70-357 70-354 70-355 "
    "70-487 70-246 70-247 74-409 70-410 70-411 70-412 70-413 70-414 70-417 70-740 70-741 70-742 70-743 "
    "70-744 70-339 70-345 MB2-715 MB2-716 MB2-717 MB2-718 MB2-877 70-496 70-497 70-498 70-334 70-398 "
    "70-697".split())


def ANY(*xs):
    return ("any", xs)


def ALL(*xs):
    return ("all", xs)


def PEOPLE(n, expr, of_whom=None):
    return ("people", n, expr, of_whom)


def METRIC(name, at_least, assocs=DEFAULT_ASSOCS, alt_assocs=None):
    """alt_assocs: a second reading of CATALOG.md (where it does not say which associations a Gold
    threshold counts); outcomes must not depend on it (checked)."""
    return ("metric", name, at_least, tuple(assocs), tuple(alt_assocs) if alt_assocs else None)


def TH(dev, deving=None):
    return {"DEVELOPED": dev, "DEVELOPING": dev if deving is None else deving}


AZ_LIST = ANY("ASMT-CLOUD-PLATFORM", "ASMT-AZURE-DATA-ANALYTICS", "ASMT-AZURE-APP-DEV", "ASMT-AZURE-IOT",
              "ASMT-AZURE-RDS", "70-532", "70-533", "70-534", "70-535", "70-473", "70-475", "MCSA-LINUX-ON-AZURE")
O365_EXPR = ANY(ALL("70-346", "70-347"), "MCSA-OFFICE-365")
DA_SPEC = ALL("ASMT-DATA-ANALYTICS-FOUNDATIONAL", ANY(ALL("70-767", "70-768"), ALL("70-773", "70-774"),
                                                      ALL("70-475", "70-775")))
DA_BEG = ALL("ASMT-DATA-ANALYTICS-FOUNDATIONAL", ANY("ASMT-BI", "ASMT-ADVANCED-ANALYTICS", "ASMT-BIG-DATA"))
APP_SILVER = ANY("70-480", "70-483", "70-486", "70-357", "70-354", "70-355", "70-532", "70-487", "70-533")
DC_SILVER = ANY("70-246", "70-247", "74-409", "70-410", "70-411", "70-412", "70-413", "70-414", "70-417",
                "70-740", "70-741", "70-742", "70-743", "70-744")
COLLAB = ANY(ALL("70-347", "70-339"), "MCSE-PRODUCTIVITY", "MCSD-APP-BUILDER")
MSG = ANY(ALL("70-347", "70-345"), "MCSE-PRODUCTIVITY")
EMS_EXPR = ALL("ASMT-EMS-OVERVIEW", ANY("ASMT-EMS-MDM", "ASMT-EMS-IDENTITY-ACCESS",
                                        "ASMT-EMS-INFORMATION-PROTECTION", "ASMT-EMS-CLOUD-APP-SECURITY"))
DP_EXPR = ALL("ASMT-DATA-PLATFORM-FOUNDATIONAL", ANY("ASMT-SQL-2016", "ASMT-AZURE-DATA-WAREHOUSE",
                                                     "ASMT-AZURE-DATA-SERVICES"))
DEVOPS_EXPR = ALL("70-496", "70-498")
DEVOPS_OF = ANY("70-497", "PMI-ACP", "PSM-I", "CSM")
DT = ("DPOR", "TRANSACTING")
DTD = ("DPOR", "TRANSACTING", "DELEGATED_ADMIN")

CATALOG = [
    ("CLOUD_PLATFORM", {
        "SILVER": [("AZURE_CONSUMPTION", [METRIC(AZ, TH(15000, 10000), DT), PEOPLE(1, AZ_LIST)])],
        "GOLD": [("AZURE_CONSUMPTION", [METRIC(AZ, TH(100000), DEFAULT_ASSOCS, DT), PEOPLE(2, AZ_LIST)])]}),
    ("CLOUD_PRODUCTIVITY", {
        "SILVER": [("MANAGED_SERVICES", [METRIC(O365E, TH(2000, 1000)), PEOPLE(1, O365_EXPR)])],
        "GOLD": [("MANAGED_SERVICES", [METRIC(O365E, TH(4000)), PEOPLE(2, O365_EXPR)])]}),
    ("DATA_ANALYTICS", {
        "SILVER": [("SPECIALIST", [PEOPLE(1, DA_SPEC)]), ("BEGINNERS", [PEOPLE(2, DA_BEG)]),
                   ("POWER_BI", [PEOPLE(1, "ASMT-BI"), METRIC(PBI, TH(250))])],
        "GOLD": [("SPECIALIST", [PEOPLE(2, DA_SPEC)]), ("BEGINNERS", [PEOPLE(4, DA_BEG)]),
                 ("POWER_BI", [PEOPLE(2, "ASMT-BI"), METRIC(PBI, TH(1000))])]}),
    ("APPLICATION_DEVELOPMENT", {
        "SILVER": [("APP_BUILDER", [PEOPLE(2, APP_SILVER)])],
        "GOLD": [("APP_BUILDER", [PEOPLE(4, "MCSD-APP-BUILDER")])]}),
    ("DATACENTER", {
        "SILVER": [("DATACENTER_SOLUTIONS", [PEOPLE(2, DC_SILVER)])],
        "GOLD": [("DATACENTER_SOLUTIONS", [PEOPLE(4, ANY("MCSA-WINDOWS-SERVER-2012", "MCSA-WINDOWS-SERVER-2016"))])]}),
    ("SMALL_MIDMARKET_CLOUD", {
        "SILVER": [("O365_SERVICES", [METRIC(O365N, TH(4), DTD)])],
        "GOLD": [("O365_SERVICES", [METRIC(O365N, TH(25), DEFAULT_ASSOCS, DTD), PEOPLE(2, "70-347")])]}),
    ("COLLABORATION_CONTENT", {
        "SILVER": [("SHAREPOINT_SERVICES", [PEOPLE(2, COLLAB)])],
        "GOLD": [("SHAREPOINT_SERVICES", [PEOPLE(4, COLLAB)])]}),
    ("MESSAGING", {
        "SILVER": [("HYBRID_SERVICES", [PEOPLE(2, MSG)])],
        "GOLD": [("HYBRID_SERVICES", [PEOPLE(4, MSG)])]}),
    ("ENTERPRISE_MOBILITY", {
        "SILVER": [("ENTERPRISE", [METRIC(EMSN, TH(3)), METRIC(EMSE, TH(500)), PEOPLE(2, EMS_EXPR)]),
                   ("SMB", [METRIC(EMSN, TH(20)), METRIC(EMSE, TH(125)), PEOPLE(2, EMS_EXPR)])],
        "GOLD": [("ENTERPRISE", [METRIC(EMSN, TH(5)), METRIC(EMSE, TH(4000)), PEOPLE(4, EMS_EXPR)])]}),
    ("CLOUD_BUSINESS_APPLICATIONS", {
        "SILVER": [("CUSTOMER_ENGAGEMENT", [METRIC(CRM, TH(100000, 50000), ("DPOR",)),
                                            PEOPLE(5, ALL("MB2-715", "MB2-716")),
                                            PEOPLE(5, ANY("MB2-717", "MB2-718", "MB2-877"))])],
        "GOLD": [("CUSTOMER_ENGAGEMENT", [METRIC(CRM, TH(300000, 150000), ("DPOR",), DEFAULT_ASSOCS),
                                          PEOPLE(15, ALL("MB2-715", "MB2-716")),
                                          PEOPLE(15, ANY("MB2-717", "MB2-718", "MB2-877"))])]}),
    ("DATA_PLATFORM", {
        "SILVER": [("BIG_DATA", [PEOPLE(2, DP_EXPR)])],
        "GOLD": [("BIG_DATA", [PEOPLE(4, DP_EXPR)])]}),
    ("DEVOPS", {
        "SILVER": [("DEVOPS_PARTNER", [PEOPLE(2, DEVOPS_EXPR, (1, DEVOPS_OF))])],
        "GOLD": [("DEVOPS_PARTNER", [PEOPLE(4, DEVOPS_EXPR, (2, DEVOPS_OF))])]}),
    ("WINDOWS_DEVICES", {
        "SILVER": [("SURFACE_HUB", [METRIC(SHD, TH(12)), PEOPLE(2, "ASMT-SURFACE-HUB")])],
        "GOLD": [("SURFACE_HUB", [METRIC(SHD, TH(52)),
                                  PEOPLE(4, ALL("ASMT-SURFACE-HUB", ANY("70-347", "70-334", "70-398", "70-697")))])]}),
]
COMPETENCY_CODES = [c for c, _ in CATALOG]


def sat(expr, held):
    if isinstance(expr, str):
        return expr in held
    kind, parts = expr
    return (any if kind == "any" else all)(sat(x, held) for x in parts)


def codes_of(expr):
    if isinstance(expr, str):
        return {expr}
    return set().union(*(codes_of(x) for x in expr[1]))


COMPETENCY_CREDENTIALS = {}
for comp, levels in CATALOG:
    cs = set()
    for paths in levels.values():
        for _, reqs in paths:
            for r in reqs:
                if r[0] == "people":
                    cs |= codes_of(r[2]) | (codes_of(r[3][1]) if r[3] else set())
    COMPETENCY_CREDENTIALS[comp] = cs


# --- feed reading and validation --------------------------------------------------------------
class Reject(Exception):
    def __init__(self, reason, detail=""):
        super().__init__(reason)
        self.reason, self.detail = reason, detail


def parse_instant(s):
    try:
        t = dt.datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        raise Reject("BAD_TIMESTAMP", s)
    return t if t.tzinfo else t.replace(tzinfo=UTC)


def parse_date(s):
    try:
        if len(s) != 10:
            raise ValueError
        return dt.date.fromisoformat(s)
    except ValueError:
        raise Reject("BAD_DATE", s)


def parse_month(s):
    try:
        y, m = s.split("-")
        assert len(y) == 4 and len(m) == 2 and 1 <= int(m) <= 12
        return (int(y), int(m))
    except (ValueError, AssertionError):
        raise Reject("BAD_DATE", s)


def parse_enum(s, allowed):
    if s not in allowed:
        raise Reject("BAD_ENUM", s)
    return s


FEEDS = [  # file, key columns, required columns
    ("organizations.csv", ["org_id"], ["org_id", "name", "market"]),
    ("users.csv", ["user_id"], ["user_id", "org_id", "status", "changed_at"]),
    ("msa-links.csv", ["event_id"], ["event_id", "msa_id", "user_id", "action", "occurred_at"]),
    ("achievements.csv", ["record_id"], ["record_id", "msa_id", "credential", "earned_at"]),
    ("metrics.csv", ["org_id", "metric", "month", "association"], ["org_id", "metric", "month", "value"]),
    ("memberships.csv", ["order_id"], ["order_id", "org_id", "level", "purchased_on"]),
    ("overrides.csv", ["override_id"], ["override_id", "org_id", "competency", "level", "valid_from"]),
]


class Store:
    def __init__(self):
        self.orgs, self.users, self.links, self.ach = {}, {}, {}, {}
        self.metrics, self.orders, self.overrides = {}, {}, {}


def read_rows(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        text = f.read()
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert "\r" not in text
    return rows[0], [(i + 2, r) for i, r in enumerate(rows[1:])]


def ingest(store, night, folder):
    """Apply one night's feeds; return the rejects [(feed, line, key, reason, detail)]."""
    D = d(night)
    cutoff = dt.datetime.combine(D + dt.timedelta(days=1), dt.time(), UTC)
    rejects = []
    new_link_events = []
    for name, key_cols, required in FEEDS:
        path = os.path.join(folder, name)
        if not os.path.exists(path):
            continue
        header, rows = read_rows(path)
        seen = {}
        for line, raw in rows:
            if len(raw) != len(header):
                rejects.append((name, line, "", "MALFORMED_ROW", f"{len(raw)} fields, header has {len(header)}"))
                continue
            rec = {h: (v if v != "" else None) for h, v in zip(header, raw)}
            if name == "metrics.csv" and rec.get("association") is None:
                rec["association"] = "TRANSACTING"
            if name == "achievements.csv" and rec.get("status") is None:
                rec["status"] = "ACTIVE"
            key = "|".join(rec.get(k) or "" for k in key_cols)
            try:
                for c in required:
                    if rec.get(c) is None:
                        raise Reject("MISSING_FIELD", c)
                if key in seen:
                    if seen[key] != raw:
                        raise Reject("DUPLICATE_KEY_IN_FILE", f"first at line {seen[key + '#']}")
                    continue
                seen[key], seen[key + "#"] = raw, line
                apply_record(store, name, rec, D, cutoff, new_link_events)
            except Reject as r:
                rejects.append((name, line, key, r.reason, r.detail))
    return rejects, new_link_events


def apply_record(store, name, rec, D, cutoff, new_link_events):
    if name == "organizations.csv":
        parse_enum(rec["market"], MARKETS)
        store.orgs[rec["org_id"]] = dict(name=rec["name"], market=rec["market"], country=rec.get("country"))
    elif name == "users.csv":
        status = parse_enum(rec["status"], {"ACTIVE", "DELETED"})
        t = parse_instant(rec["changed_at"])
        if rec["org_id"] not in store.orgs:
            raise Reject("UNKNOWN_ORG", rec["org_id"])
        old = store.users.get(rec["user_id"])
        if old and old["org"] != rec["org_id"]:
            raise Reject("USER_ORG_CHANGED", f"{old['org']} -> {rec['org_id']}")
        if t > cutoff:
            raise Reject("FUTURE_DATED", rec["changed_at"])
        store.users[rec["user_id"]] = dict(org=rec["org_id"], status=status, changed_at=t)
    elif name == "msa-links.csv":
        action = parse_enum(rec["action"], {"LINK", "UNLINK"})
        t = parse_instant(rec["occurred_at"])
        if rec["user_id"] not in store.users:
            raise Reject("UNKNOWN_USER", rec["user_id"])
        if t > cutoff:
            raise Reject("FUTURE_DATED", rec["occurred_at"])
        new_link_events.append((rec["event_id"], dict(t=t, msa=rec["msa_id"], user=rec["user_id"], action=action)))
    elif name == "achievements.csv":
        t = parse_instant(rec["earned_at"])
        exp = parse_date(rec["expires_on"]) if rec.get("expires_on") else None
        status = parse_enum(rec["status"], {"ACTIVE", "REVOKED"})
        if t > cutoff:
            raise Reject("FUTURE_DATED", rec["earned_at"])
        store.ach[rec["record_id"]] = dict(msa=rec["msa_id"], code=rec["credential"], t=t, expires=exp,
                                           status=status)
    elif name == "metrics.csv":
        month = parse_month(rec["month"])
        assoc = parse_enum(rec["association"], set(ASSOCS))
        try:
            v = float(rec["value"])
        except ValueError:
            raise Reject("BAD_NUMBER", rec["value"])
        if v < 0:
            raise Reject("NEGATIVE_METRIC", rec["value"])
        if rec["org_id"] not in store.orgs:
            raise Reject("UNKNOWN_ORG", rec["org_id"])
        store.metrics[(rec["org_id"], rec["metric"], month, assoc)] = v
    elif name == "memberships.csv":
        level = parse_enum(rec["level"], {"SILVER", "GOLD"})
        p = parse_date(rec["purchased_on"])
        if rec["org_id"] not in store.orgs:
            raise Reject("UNKNOWN_ORG", rec["org_id"])
        if p > D:
            raise Reject("FUTURE_DATED", rec["purchased_on"])
        store.orders[rec["order_id"]] = dict(org=rec["org_id"], level=level, p=p)
    elif name == "overrides.csv":
        level = parse_enum(rec["level"], {"SILVER", "GOLD"})
        vf = parse_date(rec["valid_from"])
        vu = parse_date(rec["valid_until"]) if rec.get("valid_until") else add_months(vf, 3)
        if rec["org_id"] not in store.orgs:
            raise Reject("UNKNOWN_ORG", rec["org_id"])
        if rec["competency"] not in COMPETENCY_CODES:
            raise Reject("UNKNOWN_COMPETENCY", rec["competency"])
        store.overrides[rec["override_id"]] = dict(org=rec["org_id"], comp=rec["competency"], level=level,
                                                   vf=vf, vu=vu)


# --- effective links ---------------------------------------------------------------------------
def deleted_at(store, user):
    u = store.users[user]
    return u["changed_at"] if u["status"] == "DELETED" else None


def replay(store, new_events):
    """Replay stored and tonight's link events per MSA in (occurred_at, event_id) order, applying the
    anti-abuse rules; tonight's events that fail are rejected. Returns rejects and, per MSA, the list of
    link intervals (user, start, end or None)."""
    rejects = []
    candidates = dict(store.links)
    for eid, e in new_events:
        candidates[eid] = dict(e, new=True)
    by_msa = {}
    for eid, e in sorted(candidates.items(), key=lambda kv: (kv[1]["t"], kv[0])):
        by_msa.setdefault(e["msa"], []).append((eid, e))
    intervals = {}
    for msa in sorted(by_msa):
        cur, moves, ivs = None, [], []   # cur = [user, start]

        def current_user(at):
            if cur is None:
                return None
            dl = deleted_at(store, cur[0])
            return None if (dl is not None and dl <= at) else cur[0]

        for eid, e in by_msa[msa]:
            t, u = e["t"], e["user"]
            if e["action"] == "UNLINK":
                if cur and cur[0] == u:
                    ivs.append((cur[0], cur[1], t))
                    cur = None
                store.links[eid] = e
                continue
            dl = deleted_at(store, u)
            if dl is not None and dl <= t:
                reason = "LINK_TO_DELETED_USER"
            else:
                reason = None
                now_user = current_user(t)
                if now_user == u:
                    store.links[eid] = e            # repeated LINK: changes nothing
                    continue
                now_org = store.users[now_user]["org"] if now_user else None
                if store.users[u]["org"] != now_org:   # an org move
                    recent = [m for m in moves if t - m < dt.timedelta(days=365)]
                    if len(recent) >= 3:
                        reason = "LINK_LIMIT"
                    elif moves and t - moves[-1] < dt.timedelta(days=30):
                        reason = "LINK_COOL_OFF"
                    else:
                        moves.append(t)
            if reason:
                assert e.get("new"), f"stored event {eid} would now be rejected"
                rejects.append((eid, reason))
                continue
            if cur:
                ivs.append((cur[0], cur[1], t))
            cur = [u, t]
            store.links[eid] = e
        if cur:
            ivs.append((cur[0], cur[1], None))
        intervals[msa] = ivs
    return rejects, intervals


def user_of_msa(store, intervals, msa, at):
    """The ACTIVE user account an MSA is effectively linked to at instant `at`, or None."""
    for u, start, end in intervals.get(msa, []):
        if start <= at and (end is None or at < end):
            dl = deleted_at(store, u)
            if dl is not None and dl <= at:
                return None
            return u
    return None


# --- evaluation of one night -------------------------------------------------------------------
def month_index(ym):
    return ym[0] * 12 + ym[1] - 1


def ttm(store, org, metric, assocs, D):
    last = D.year * 12 + D.month - 1
    return sum(v for (o, m, ym, a), v in store.metrics.items()
               if o == org and m == metric and a in assocs and last - 11 <= month_index(ym) <= last)


def held_credentials(store, msa_list, D, at, as_of=None):
    """msa -> set of credential codes that count (as_of: judge expiry/acceptance on this date)."""
    day = as_of or D
    held = {m: set() for m in msa_list}
    for a in store.ach.values():
        if a["msa"] not in held or a["t"] > at or a["status"] == "REVOKED":
            continue
        if a["expires"] is not None and not a["expires"] > day:
            continue
        if a["code"] not in CATALOG_CODES:
            continue
        if a["code"] in ACCEPTED_UNTIL and day > ACCEPTED_UNTIL[a["code"]]:
            continue
        held[a["msa"]].add(a["code"])
    return held


def eval_requirement(req, org, market, people, store, D, alt):
    if req[0] == "people":
        _, n, expr, of_whom = req
        who = sorted(m for m, h in people.items() if sat(expr, h))
        ok = len(who) >= n
        if of_whom:
            ok = ok and sum(1 for m in who if sat(of_whom[1], people[m])) >= of_whom[0]
        return ok, len(who) > 0, set(who)
    _, metric, th, assocs, alt_assocs = req
    total = ttm(store, org, metric, alt_assocs if (alt and alt_assocs) else assocs, D)
    return total >= th[market], total > 0, set()


def evaluate(store, org, people, D, alt=False):
    """Per competency: attained level/path, met paths per level, progress, qualifying people."""
    market = store.orgs[org]["market"]
    out = {}
    for comp, levels in CATALOG:
        met, progress, qual = {}, False, {}
        for lv in ("SILVER", "GOLD"):
            met[lv] = []
            for path, reqs in levels.get(lv, []):
                results = [eval_requirement(r, org, market, people, store, D, alt) for r in reqs]
                progress = progress or any(r[1] for r in results)
                if all(r[0] for r in results):
                    met[lv].append(path)
                    qual[(lv, path)] = set().union(*(r[2] for r in results))
        ovr = [o for o in store.overrides.values()
               if o["org"] == org and o["comp"] == comp and o["vf"] <= D <= o["vu"]]
        ovr_level = max((o["level"] for o in ovr), key=RANK.get, default="NONE")
        attained, path, qp = "NONE", "", None
        for lv in ("GOLD", "SILVER"):
            if met[lv]:
                attained, path = lv, met[lv][0]
                qp = len(qual[(lv, path)])
                break
            if RANK[ovr_level] >= RANK[lv]:
                attained, path = lv, "OVERRIDE"
                break
        out[comp] = dict(attained=attained, path=path, met=met, progress=progress, qp=qp)
    return out


# --- memberships ------------------------------------------------------------------------------
def terms_of(store, org, D):
    """Membership terms from the orders known on D, chronologically."""
    terms = []
    for oid, o in sorted(store.orders.items(), key=lambda kv: (kv[1]["p"], kv[0])):
        if o["org"] != org or o["p"] > D:
            continue
        p, lv = o["p"], o["level"]
        live = [t for t in terms if t["end"] is None and p <= t["anniv"] + dt.timedelta(days=30)]
        cur = live[-1] if live else None
        if cur is None:
            terms.append(dict(order=oid, level=lv, start=p, anniv=add_years(p, 1), end=None, chain=p))
        elif cur["anniv"] < p:                                  # renewal inside the window
            cur["end"] = p - dt.timedelta(days=1)
            terms.append(dict(order=oid, level=lv, start=p, anniv=add_years(cur["anniv"], 1), end=None,
                              chain=cur["chain"], renewal_of=cur["order"]))
        elif lv == "GOLD" and cur["level"] == "SILVER":          # upgrade
            cur["end"] = p - dt.timedelta(days=1)
            terms.append(dict(order=oid, level=lv, start=p, anniv=add_years(p, 1), end=None,
                              chain=cur["chain"], upgrade_of=cur["order"], silver=cur))
        else:
            raise AssertionError(f"order {oid} fits no rule")
    for t in terms:
        t["close"] = t["anniv"] + dt.timedelta(days=30)
        t["last_day"] = t["end"] if t["end"] else t["close"]
    return terms


def active_term(terms, D):
    act = [t for t in terms if t["start"] <= D <= t["last_day"]]
    return max(act, key=lambda t: (RANK[t["level"]], t["start"])) if act else None


# --- the run ----------------------------------------------------------------------------------
def run_all():
    store = Store()
    history = {}            # night -> {org: {comp: attained}}
    snapshots = {}          # night -> {org: {msa: (user, codes)}}
    alerts_open, alerts_seen, alert_opened = {}, set(), {}
    results = []
    checks = []
    for night in NIGHTS:
        D = d(night)
        at = dt.datetime.combine(D, dt.time(), UTC)     # cut-off - 24 h
        rejects, new_links = ingest(store, night, os.path.join(HERE, "nights", night))
        link_rejects, intervals = replay(store, new_links)
        line_of = {}
        header, rows = read_rows(os.path.join(HERE, "nights", night, "msa-links.csv"))
        for line, raw in rows:
            line_of[raw[0]] = line
        for eid, reason in link_rejects:
            rejects.append(("msa-links.csv", line_of[eid], eid, reason, ""))
        rejects.sort(key=lambda r: (r[0], r[1]))
        # who counts where
        org_people = {o: {} for o in store.orgs}
        all_msas = sorted(set(a["msa"] for a in store.ach.values()) | set(intervals))
        held = held_credentials(store, all_msas, D, at)
        user_at = {}
        for m in all_msas:
            u = user_of_msa(store, intervals, m, at)
            user_at[m] = u
            if u:
                org_people[store.users[u]["org"]][m] = held[m]
        snapshots[night] = {o: {m: (user_at[m], set(h)) for m, h in ps.items()} for o, ps in org_people.items()}
        ev = {o: evaluate(store, o, org_people[o], D) for o in sorted(store.orgs)}
        ev_alt = {o: evaluate(store, o, org_people[o], D, alt=True) for o in sorted(store.orgs)}
        history[night] = {o: {c: ev[o][c]["attained"] for c in COMPETENCY_CODES} for o in ev}
        rows, expiry_rows, conditions = [], [], {}
        for org in sorted(store.orgs):
            terms = terms_of(store, org, D)
            term = active_term(terms, D)
            for comp in COMPETENCY_CODES:
                e, ea = ev[org][comp], ev_alt[org][comp]
                if (e["attained"], e["path"]) != (ea["attained"], ea["path"]):
                    checks.append(f"{night} {org} {comp}: depends on the associations of a Gold metric")
                lv = e["attained"]
                if lv != "NONE" and e["path"] != "OVERRIDE" and len(e["met"][lv]) > 1:
                    checks.append(f"{night} {org} {comp}: several {lv} paths met {e['met'][lv]}")
                if e["met"]["GOLD"] and not e["met"]["SILVER"]:
                    checks.append(f"{night} {org} {comp}: GOLD met but SILVER not")
                held_lv, held_chain = "NONE", "NONE"
                if term:
                    for n2 in NIGHTS[:NIGHTS.index(night) + 1]:
                        a2 = history[n2][org][comp]
                        if d(n2) >= term["start"]:
                            held_lv = max(held_lv, a2, key=RANK.get)
                        if d(n2) >= term["chain"]:
                            held_chain = max(held_chain, a2, key=RANK.get)
                    if held_lv != held_chain:
                        checks.append(f"{night} {org} {comp}: held level depends on whether a renewal/"
                                      f"upgrade starts a new term ({held_lv} vs {held_chain})")
                if not term or held_lv == "NONE":
                    shown = "NONE"
                else:
                    shown = "SILVER" if term["level"] == "SILVER" else held_lv
                if shown != "NONE":
                    status = "ACTIVE" if RANK[lv] >= RANK[shown] else "AT_RISK"
                elif lv != "NONE":
                    status = "QUALIFIED"
                elif e["progress"]:
                    status = "STARTED"
                else:
                    status = "NONE"
                if status == "NONE":
                    # another reading of "progress": someone holds a credential the competency names
                    # without satisfying a whole expression; the outcome must not depend on it
                    if any(h & COMPETENCY_CREDENTIALS[comp] for h in org_people[org].values()):
                        checks.append(f"{night} {org} {comp}: NONE only if partial holdings are no progress")
                    continue
                rows.append(dict(org=org, name=store.orgs[org]["name"], comp=comp, attained=lv,
                                 mlevel=term["level"] if term else "",
                                 path=e["path"], held=held_lv, shown=shown, status=status, qp=e["qp"]))
                tid = term["order"] if term else ""
                if status == "AT_RISK":
                    conditions[(org, "RENEWAL_AT_RISK", comp, shown, tid)] = "causes"
                if term and term["level"] == "SILVER" and lv == "GOLD":
                    conditions[(org, "UPGRADE_AVAILABLE", comp, "GOLD", tid)] = ""
                if not term and lv != "NONE":
                    conditions[(org, "QUALIFIED_NOT_MEMBER", comp, lv, "")] = ""
                if shown != "NONE":
                    # PROJECTED_AT_RISK: as of the anniversary, expiries/retirements by then left out
                    heldA = held_credentials(store, sorted(org_people[org]), D, at, as_of=term["anniv"])
                    eA = evaluate(store, org, heldA, D)[comp]
                    if RANK[eA["attained"]] < RANK[shown]:
                        conditions[(org, "PROJECTED_AT_RISK", comp, shown, tid)] = ""
            # membership-wide
            if term:
                days = (term["anniv"] - D).days
                if term["anniv"] - dt.timedelta(days=15) <= D:
                    conditions[(org, "RENEWAL_DUE", "", "", term["order"])] = ""
                if term["anniv"] + dt.timedelta(days=23) <= D:
                    conditions[(org, "RENEWAL_WINDOW_CLOSING", "", "", term["order"])] = ""
                for t in terms:
                    if t["start"] <= D <= t["last_day"]:
                        dd = (t["anniv"] - D).days
                        if 0 <= dd <= 90 or t["anniv"] < D <= t["close"]:
                            mine = [r for r in rows if r["org"] == org]
                            expiry_rows.append(dict(
                                org=org, name=store.orgs[org]["name"], level=t["level"],
                                order=t["order"], purchased=t["start"], anniv=t["anniv"], close=t["close"],
                                **({"renewal_of": t["renewal_of"]} if "renewal_of" in t else {}),
                                days=dd,
                                renewal=any(RANK[r["attained"]] >= RANK[t["level"]] for r in mine),
                                upgrade=t["level"] == "SILVER" and any(r["attained"] == "GOLD" for r in mine),
                                at_risk=";".join(r["comp"] for r in mine if r["status"] == "AT_RISK")))
            elif terms and terms[-1]["close"] < D:
                conditions[(org, "MEMBERSHIP_LAPSED", "", "", terms[-1]["order"])] = ""
        # causes of RENEWAL_AT_RISK: what changed since the last night the displayed level was met
        for key in list(conditions):
            org, typ, comp, shown, tid = key
            if typ != "RENEWAL_AT_RISK":
                continue
            last_met = max(n2 for n2 in NIGHTS[:NIGHTS.index(night)]
                           if RANK[history[n2][org][comp]] >= RANK[shown])
            then, now = snapshots[last_met][org], snapshots[night][org]
            rel = COMPETENCY_CREDENTIALS[comp]
            causes = []
            for m, (u, codes) in sorted(then.items()):
                if not codes & rel:
                    continue
                if m not in now:
                    dl = deleted_at(store, u)
                    if dl is not None and dl <= at:
                        causes.append(f"USER_DELETED:{u}")
                    elif user_at[m]:
                        causes.append(f"MSA_MOVED:{m}")
                    else:
                        causes.append(f"MSA_UNLINKED:{m}")
                    continue
                for c in sorted((codes - now[m][1]) & rel):
                    recs = [a for a in store.ach.values() if a["msa"] == m and a["code"] == c and a["t"] <= at]
                    if any(a["status"] == "REVOKED" for a in recs):
                        causes.append(f"ACHIEVEMENT_REVOKED:{m}/{c}")
                    elif c in ACCEPTED_UNTIL and D > ACCEPTED_UNTIL[c]:
                        causes.append(f"CREDENTIAL_RETIRED:{m}/{c}")
                    else:
                        causes.append(f"CREDENTIAL_EXPIRED:{m}/{c}")
            conditions[key] = ";".join(causes)
        # alert life cycle
        alerts = []
        for key in sorted(set(conditions) | set(alerts_open)):
            if key in conditions and key in alerts_open:
                state = "OPEN"
            elif key in conditions:
                if key in alerts_seen:
                    continue
                state = "NEW"
                alerts_seen.add(key)
                alert_opened[key] = night
            else:
                state = "RESOLVED"
            if state == "RESOLVED":
                causes = alerts_open.pop(key)
            else:
                causes = conditions[key]
                alerts_open[key] = causes
            alerts.append(dict(org=key[0], type=key[1], comp=key[2], level=key[3], term=key[4],
                               state=state, opened=alert_opened[key], causes=causes))
        results.append(dict(night=night, rows=rows, rejects=rejects, expiry=expiry_rows, alerts=alerts,
                            store_counts=dict(orgs=len(store.orgs), users=len(store.users),
                                              links=len(store.links), ach=len(store.ach),
                                              metrics=len(store.metrics), orders=len(store.orders))))
    return results, checks


RESULTS, CHECKS = run_all()

# ==============================================================================================
# The designed story, checked against the evaluator
# ==============================================================================================
# Night 1, every organisation x competency whose status is not NONE:
# "ORG comp attained path held displayed status"
DESIGN_N1 = """
ORG-001 CLOUD_PLATFORM GOLD AZURE_CONSUMPTION GOLD GOLD ACTIVE
ORG-001 APPLICATION_DEVELOPMENT SILVER APP_BUILDER SILVER SILVER ACTIVE
ORG-001 DEVOPS GOLD DEVOPS_PARTNER GOLD GOLD ACTIVE
ORG-002 CLOUD_PLATFORM NONE - NONE NONE STARTED
ORG-002 DATA_ANALYTICS SILVER SPECIALIST SILVER SILVER ACTIVE
ORG-002 DATA_PLATFORM SILVER BIG_DATA SILVER SILVER ACTIVE
ORG-003 CLOUD_PLATFORM NONE - NONE NONE STARTED
ORG-004 CLOUD_PRODUCTIVITY SILVER MANAGED_SERVICES NONE NONE QUALIFIED
ORG-004 DATACENTER NONE - NONE NONE STARTED
ORG-004 SMALL_MIDMARKET_CLOUD SILVER O365_SERVICES NONE NONE QUALIFIED
ORG-005 APPLICATION_DEVELOPMENT NONE - NONE NONE STARTED
ORG-005 CLOUD_PRODUCTIVITY NONE - NONE NONE STARTED
ORG-005 COLLABORATION_CONTENT SILVER SHAREPOINT_SERVICES SILVER SILVER ACTIVE
ORG-005 MESSAGING SILVER HYBRID_SERVICES SILVER SILVER ACTIVE
ORG-006 DATACENTER SILVER DATACENTER_SOLUTIONS SILVER SILVER ACTIVE
ORG-006 ENTERPRISE_MOBILITY SILVER ENTERPRISE SILVER SILVER ACTIVE
ORG-007 CLOUD_BUSINESS_APPLICATIONS SILVER CUSTOMER_ENGAGEMENT SILVER SILVER ACTIVE
ORG-007 WINDOWS_DEVICES GOLD SURFACE_HUB GOLD GOLD ACTIVE
ORG-008 DATACENTER SILVER DATACENTER_SOLUTIONS SILVER SILVER ACTIVE
ORG-008 SMALL_MIDMARKET_CLOUD SILVER O365_SERVICES SILVER SILVER ACTIVE
ORG-009 CLOUD_PLATFORM NONE - NONE NONE STARTED
ORG-009 DATACENTER NONE - NONE NONE STARTED
ORG-010 DEVOPS NONE - NONE NONE STARTED
ORG-011 CLOUD_PLATFORM SILVER AZURE_CONSUMPTION SILVER SILVER ACTIVE
ORG-011 APPLICATION_DEVELOPMENT SILVER APP_BUILDER SILVER SILVER ACTIVE
ORG-012 CLOUD_PLATFORM SILVER AZURE_CONSUMPTION SILVER SILVER ACTIVE
ORG-012 DATA_ANALYTICS GOLD POWER_BI GOLD GOLD ACTIVE
ORG-013 ENTERPRISE_MOBILITY SILVER SMB SILVER SILVER ACTIVE
ORG-013 DATA_PLATFORM GOLD BIG_DATA GOLD SILVER ACTIVE
ORG-014 WINDOWS_DEVICES SILVER OVERRIDE NONE NONE QUALIFIED
ORG-015 SMALL_MIDMARKET_CLOUD NONE - NONE NONE STARTED
ORG-015 ENTERPRISE_MOBILITY NONE - NONE NONE STARTED
ORG-016 CLOUD_PLATFORM NONE - NONE NONE STARTED
ORG-016 DATA_ANALYTICS NONE - NONE NONE STARTED
ORG-017 CLOUD_PRODUCTIVITY NONE - NONE NONE STARTED
ORG-017 COLLABORATION_CONTENT GOLD SHAREPOINT_SERVICES NONE NONE QUALIFIED
ORG-017 MESSAGING GOLD HYBRID_SERVICES NONE NONE QUALIFIED
ORG-018 CLOUD_BUSINESS_APPLICATIONS NONE - NONE NONE STARTED
ORG-019 CLOUD_PRODUCTIVITY NONE - NONE NONE STARTED
ORG-019 DATACENTER SILVER DATACENTER_SOLUTIONS SILVER SILVER ACTIVE
"""
# Nights 2 and 3: exactly these rows change (new value), nothing else does
DESIGN_CHANGES = {
    "2026-11-24": """
ORG-002 DATA_PLATFORM GOLD BIG_DATA GOLD GOLD ACTIVE
ORG-003 CLOUD_PLATFORM SILVER AZURE_CONSUMPTION NONE NONE QUALIFIED
ORG-008 DATACENTER NONE - SILVER SILVER AT_RISK
ORG-009 DATACENTER SILVER DATACENTER_SOLUTIONS NONE NONE QUALIFIED
ORG-010 DEVOPS SILVER DEVOPS_PARTNER NONE NONE QUALIFIED
""",
    "2026-11-25": """
ORG-006 DATACENTER SILVER DATACENTER_SOLUTIONS NONE NONE QUALIFIED
ORG-006 ENTERPRISE_MOBILITY SILVER ENTERPRISE NONE NONE QUALIFIED
ORG-011 APPLICATION_DEVELOPMENT NONE - SILVER SILVER AT_RISK
ORG-012 DATA_ANALYTICS SILVER POWER_BI GOLD GOLD AT_RISK
ORG-013 DATA_PLATFORM GOLD BIG_DATA GOLD GOLD ACTIVE
ORG-016 DATA_ANALYTICS SILVER BEGINNERS NONE NONE QUALIFIED
"""}
DESIGN_REJECTS = {
    "2026-11-23": {("msa-links.csv", "LINK_COOL_OFF")},
    "2026-11-24": {("organizations.csv", "BAD_ENUM"), ("users.csv", "UNKNOWN_ORG"),
                   ("users.csv", "USER_ORG_CHANGED"), ("msa-links.csv", "UNKNOWN_USER"),
                   ("msa-links.csv", "FUTURE_DATED"), ("achievements.csv", "MALFORMED_ROW"),
                   ("achievements.csv", "MISSING_FIELD"), ("achievements.csv", "DUPLICATE_KEY_IN_FILE"),
                   ("metrics.csv", "NEGATIVE_METRIC"), ("memberships.csv", "BAD_DATE")},
    "2026-11-25": set(),
}


def parse_design(text):
    out = {}
    for line in text.strip().splitlines():
        org, comp, att, path, held, shown, status = line.split()
        out[(org, comp)] = (att, "" if path == "-" else path, held, shown, status)
    return out


def table_of(result):
    return {(r["org"], r["comp"]): (r["attained"], r["path"], r["held"], r["shown"], r["status"])
            for r in result["rows"]}


def check_design():
    problems = list(CHECKS)
    expected = parse_design(DESIGN_N1)
    for res in RESULTS:
        if res["night"] in DESIGN_CHANGES:
            expected = {**expected, **parse_design(DESIGN_CHANGES[res["night"]])}
        got = table_of(res)
        for k in sorted(set(expected) | set(got)):
            if expected.get(k) != got.get(k):
                problems.append(f"{res['night']} {k}: designed {expected.get(k)}, evaluated {got.get(k)}")
        rej = [(r[0], r[3]) for r in res["rejects"]]
        if set(rej) != DESIGN_REJECTS[res["night"]] or len(rej) != len(set(rej)):
            problems.append(f"{res['night']} rejects: designed {sorted(DESIGN_REJECTS[res['night']])}, got {rej}")
    return problems


PROBLEMS = check_design()

# ==============================================================================================
# EXPECTED.md
# ==============================================================================================


def md_table(header, rows):
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for r in rows:
        out.append("| " + " | ".join(str(c).replace("|", "\\|") for c in r) + " |")
    return "\n".join(out)


def feed_counts(night):
    out = []
    for name, _, _ in FEEDS:
        path = os.path.join(HERE, "nights", night, name)
        if os.path.exists(path):
            out.append(f"{name} {len(read_rows(path)[1])}")
    return ", ".join(out)


def write_expected():
    L = ["# Expected outcomes of the sample programme",
         "",
         "Generated by `generate.py` (do not edit by hand): its evaluator re-reads the feed files and",
         "applies DOMAIN.md with the default catalogue (CATALOG.md), night after night, each night",
         "building on the stored state of the previous ones. README.md tells the story behind it.",
         "",
         "Reading notes:",
         "- Tables list every organisation x competency whose status is not `NONE`, sorted by org_id then",
         "  competency (the order of `competency-status.csv`).",
         "- `qualifying_people` is given where a level is attained through a path with requirements (the",
         "  distinct people satisfying at least one `people` requirement of that path; 0 for a path without",
         "  one); `-` where it is not asserted (no level met, or the `OVERRIDE` path).",
         "- Reject line numbers count the header as line 1. The record key of a `MALFORMED_ROW` is not asserted.",
         "- Alerts: key = org, type, competency, level, membership term (named here by the order that",
         "  started the term). `opened_on` is the night the alert was first raised. One state is a",
         "  reading, not a rule: ORG-006's `RENEWAL_DUE` (\"until renewal\") is taken to resolve when the",
         "  membership lapses on 2026-11-25.",
         ""]
    for res in RESULTS:
        night = res["night"]
        L += [f"## Night {night}", "", f"Feeds read (data rows): {feed_counts(night)}.", "",
              f"Stored after the night: {res['store_counts']['orgs']} organisations, {res['store_counts']['users']} "
              f"users, {res['store_counts']['links']} accepted link events, {res['store_counts']['ach']} "
              f"achievements, {res['store_counts']['metrics']} metric rows, {res['store_counts']['orders']} "
              f"membership orders.", "",
              "### competency-status", ""]
        rows = sorted(res["rows"], key=lambda r: (r["org"], r["comp"]))
        L.append(md_table(["org_id", "org_name", "competency", "attained_level", "attained_path", "held_level",
                           "displayed_level", "status", "qualifying_people"],
                          [[r["org"], r["name"], r["comp"], r["attained"], r["path"], r["held"], r["shown"],
                            r["status"], "-" if r["qp"] is None else r["qp"]] for r in rows]))
        L += ["", "### marketing-profile (displayed competencies)", ""]
        L.append(md_table(["org_id", "org_name", "membership_level", "competency", "displayed_level"],
                          [[r["org"], r["name"], r["mlevel"], r["comp"], r["shown"]] for r in rows
                           if r["shown"] != "NONE"]))
        L += ["", "### membership-expiry (anniversary within 90 days, or renewal window open)", ""]
        L.append(md_table(["org_id", "membership_level", "purchased_on", "anniversary", "renewal_window_closes",
                           "days_to_anniversary", "renewal_eligible", "upgrade_eligible", "at_risk_competencies"],
                          [[e["org"], e["level"],
                            f"{e['purchased']} (renewal order; not asserted)" if "renewal_of" in e else e["purchased"],
                            e["anniv"], e["close"], e["days"], str(e["renewal"]).lower(),
                            str(e["upgrade"]).lower(), e["at_risk"]] for e in res["expiry"]]))
        L += ["", "### rejects", ""]
        L.append(md_table(["feed", "line", "record_key", "reason", "detail (informative)"],
                          [[r[0], r[1], r[2] if r[3] != "MALFORMED_ROW" else "(not asserted)", r[3], r[4]]
                           for r in res["rejects"]]) if res["rejects"] else "(none)")
        L += ["", "### alerts", ""]
        L.append(md_table(["org_id", "type", "competency", "level", "term (order)", "state", "opened_on", "causes"],
                          [[a["org"], a["type"], a["comp"], a["level"], a["term"], a["state"], a["opened"],
                            a["causes"]] for a in res["alerts"]]))
        L.append("")
    L += ["## Ambiguity checks", "",
          "The evaluator re-ran every night under the other plausible readings of points the specification",
          "leaves open, and checked that no outcome above depends on them:",
          "- associations counted by a Gold metric threshold where CATALOG.md names them only for Silver",
          "  (Cloud Platform, Small & Midmarket Cloud, Cloud Business Applications);",
          "- more than one path met at the attained level (the attained path would depend on path order);",
          "- Gold met while Silver is not (\"still met at the displayed level\" for a Silver display);",
          "- whether a renewal or an upgrade order starts a new term for the held level;",
          "- whether holding part of an expression (e.g. only the Foundational assessment) is progress.",
          "",
          "Result: " + ("no dependency found." if not CHECKS else "DEPENDENCIES FOUND:\n- " + "\n- ".join(CHECKS)),
          ""]
    with open(os.path.join(HERE, "EXPECTED.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(L))


write_expected()
if PROBLEMS:
    print("The generated data does not tell the designed story:", *PROBLEMS, sep="\n  ")
    sys.exit(1)
if __name__ == "__main__":
    print("sample-data written; the evaluator agrees with the designed story (see EXPECTED.md).")
    for k in ("mover", "departure", "expiry", "gold_gain", "latency_n3", "contractor", "moved_in_2025",
              "relink_same_org", "revoked_only", "revoke_n3", "org_changer"):
        p = TAG[k]
        print(f"  {k:16} {p['user_id']} {p['org']} {p['msa']}")
