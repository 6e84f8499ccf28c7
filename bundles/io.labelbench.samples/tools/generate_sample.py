#!/usr/bin/env python3
"""Writes the bundled sample project (src/io/labelbench/samples/project/) from the texts below.

Span offsets are never typed by hand: each annotation names its surface text (and, when the text occurs
more than once, which occurrence), and this script computes start/end as UTF-16 code units, end exclusive,
which is what GAL, Label Studio, JavaScript and Java String indices use. Python indexes code points, so an
emoji before a span would shift it by one; see utf16().

Run from anywhere:  python3 bundles/io.labelbench.samples/tools/generate_sample.py
"""
import json
import random
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "src" / "io" / "labelbench" / "samples" / "project"

ACUTE = "\u0301"  # combining acute accent: "e" + ACUTE renders as "é" but is two code units

# (id, domain, title, text, predicted spans, completion) where a span is (surface, label) or
# (surface, label, occurrence) and completion is None or a dict:
#   spans: the corrected spans; relations: (from surface, to surface, relation label)
TASKS = [
    # ---------------------------------------------------------------- clinical (posology, negations)
    (1, "clinical", "Diabetes follow-up",
     "Started metformin 500 mg oral tablet twice daily with meals for type 2 diabetes; "
     "recheck HbA1c in 3 months.",
     [("metformin", "DRUG"), ("500 mg", "STRENGTH"), ("oral", "ROUTE"), ("tablet", "FORM"),
      ("twice daily", "FREQUENCY"), ("type 2 diabetes", "PROBLEM")],
     {"spans": [("metformin", "DRUG"), ("500 mg", "STRENGTH"), ("oral", "ROUTE"), ("tablet", "FORM"),
                ("twice daily", "FREQUENCY"), ("type 2 diabetes", "PROBLEM")],
      "relations": [("metformin", "500 mg", "DRUG-STRENGTH"), ("metformin", "oral", "DRUG-ROUTE"),
                    ("metformin", "tablet", "DRUG-FORM"), ("metformin", "twice daily", "DRUG-FREQUENCY")]}),
    (2, "clinical", "Pneumonia, outpatient",
     "Amoxicillin 875 mg PO q12h x 10 days for community-acquired pneumonia. "
     "Patient denies penicillin allergy.",
     [("Amoxicillin", "DRUG"), ("875 mg", "STRENGTH"), ("PO", "ROUTE"), ("q12h", "FREQUENCY"),
      ("community-acquired pneumonia", "PROBLEM"), ("penicillin allergy", "PROBLEM")],
     # the model missed the duration and the negation; the annotator adds both
     {"spans": [("Amoxicillin", "DRUG"), ("875 mg", "STRENGTH"), ("PO", "ROUTE"), ("q12h", "FREQUENCY"),
                ("10 days", "DURATION"), ("community-acquired pneumonia", "PROBLEM"),
                ("penicillin allergy", "PROBLEM"), ("penicillin allergy", "ABSENT")],
      "relations": [("Amoxicillin", "875 mg", "DRUG-STRENGTH"), ("Amoxicillin", "q12h", "DRUG-FREQUENCY"),
                    ("Amoxicillin", "10 days", "DRUG-DURATION")]}),
    (3, "clinical", "Discharge medications",
     "Discharge meds: apixaban 5 mg tablet BID, atorvastatin 40 mg nightly, and furosemide 20 mg IV "
     "once today before transfer.",
     [("apixaban", "DRUG"), ("5 mg", "STRENGTH"), ("tablet", "FORM"), ("BID", "FREQUENCY"),
      ("atorvastatin", "DRUG"), ("40 mg", "STRENGTH"), ("nightly", "FREQUENCY"), ("furosemide", "DRUG"),
      ("20 mg", "STRENGTH"), ("IV", "ROUTE")], None),
    (4, "clinical", "Asthma exacerbation",
     "Take 2 puffs of albuterol inhaler every 4 hours as needed for wheezing. No fever, no chills.",
     [("2 puffs", "DOSAGE"), ("albuterol", "DRUG"), ("inhaler", "FORM"), ("every 4 hours", "FREQUENCY"),
      ("wheezing", "PROBLEM"), ("fever", "PROBLEM"), ("fever", "ABSENT"), ("chills", "PROBLEM"),
      ("chills", "ABSENT")],
     {"spans": [("2 puffs", "DOSAGE"), ("albuterol", "DRUG"), ("inhaler", "FORM"),
                ("every 4 hours", "FREQUENCY"), ("as needed", "FREQUENCY"), ("wheezing", "PROBLEM"),
                ("fever", "PROBLEM"), ("fever", "ABSENT"), ("chills", "PROBLEM"), ("chills", "ABSENT")],
      "relations": [("albuterol", "2 puffs", "DRUG-DOSAGE"), ("albuterol", "every 4 hours", "DRUG-FREQUENCY")]}),
    (5, "clinical", "Basal insulin",
     "Insulin glargine 18 units subcutaneously at bedtime; hold if fasting glucose is below 70 mg/dL.",
     [("Insulin glargine", "DRUG"), ("18 units", "DOSAGE"), ("subcutaneously", "ROUTE"),
      ("at bedtime", "FREQUENCY")], None),
    (6, "clinical", "Chest pain, ED",
     "Chest pain resolved after nitroglycerin 0.4 mg sublingual tablet x1. ECG shows no ST elevation.",
     [("Chest pain", "PROBLEM"), ("nitroglycerin", "DRUG"), ("0.4 mg", "STRENGTH"), ("sublingual", "ROUTE"),
      ("tablet", "FORM"), ("ST elevation", "PROBLEM"), ("ST elevation", "ABSENT")], None),
    (7, "clinical", "Steroid taper",
     "Prednisone taper: 40 mg daily for 5 days, then 20 mg daily for 5 days. No signs of infection.",
     [("Prednisone", "DRUG"), ("40 mg", "STRENGTH"), ("daily", "FREQUENCY"), ("5 days", "DURATION"),
      ("20 mg", "STRENGTH"), ("daily", "FREQUENCY", 2), ("5 days", "DURATION", 2), ("infection", "PROBLEM"),
      ("infection", "ABSENT")], None),
    (8, "clinical", "Post-chemo nausea",
     "Ondansetron 4 mg orally disintegrating tablet every 8 hours PRN nausea for 2 days.",
     [("Ondansetron", "DRUG"), ("4 mg", "STRENGTH"), ("orally", "ROUTE"), ("disintegrating tablet", "FORM"),
      ("every 8 hours", "FREQUENCY"), ("nausea", "PROBLEM"), ("2 days", "DURATION")], None),
    (9, "clinical", "Hypertension titration",
     "Lisinopril increased from 10 mg to 20 mg once daily. Patient denies cough or lightheadedness.",
     [], None),
    (10, "clinical", "Contact dermatitis",
     "Apply hydrocortisone 1% cream topically to the rash twice a day for one week.",
     [], None),
    (11, "clinical", "Inpatient antibiotics",
     "Vancomycin 1 g IV every 12 hours; draw a trough before the fourth dose. Blood cultures negative so far.",
     [], None),
    (12, "clinical", "Patient portal message",
     # CRLF line ends, an emoji (a surrogate pair in UTF-16) and CJK before the spans
     "Portal message \U0001F642\r\nMy mother takes \u5E03\u6D1B\u82AC (ibuprofen) 200 mg, 2 tablets by mouth "
     "three times a day since Monday.\r\nShe has no stomach pain.\r\n",
     [("\u5E03\u6D1B\u82AC", "DRUG"), ("ibuprofen", "DRUG"), ("200 mg", "STRENGTH"), ("2 tablets", "DOSAGE"),
      ("by mouth", "ROUTE"), ("three times a day", "FREQUENCY")],
     {"spans": [("\u5E03\u6D1B\u82AC", "DRUG"), ("ibuprofen", "DRUG"), ("200 mg", "STRENGTH"),
                ("2 tablets", "DOSAGE"), ("by mouth", "ROUTE"), ("three times a day", "FREQUENCY"),
                ("stomach pain", "PROBLEM"), ("stomach pain", "ABSENT")],
      "relations": [("ibuprofen", "200 mg", "DRUG-STRENGTH"), ("ibuprofen", "2 tablets", "DRUG-DOSAGE"),
                    ("ibuprofen", "three times a day", "DRUG-FREQUENCY")]}),
    (13, "clinical", "Post-operative analgesia",
     "Paracetamol 1 g every 6 hours, maximum 4 g per day, for 48 hours post-op.",
     [], None),
    (14, "clinical", "Anticoagulation clinic",
     "Warfarin 5 mg tablet orally once daily; INR goal 2-3. No bleeding reported.",
     [("Warfarin", "DRUG"), ("5 mg", "STRENGTH"), ("tablet", "FORM"), ("orally", "ROUTE"),
      ("once daily", "FREQUENCY"), ("bleeding", "PROBLEM"), ("bleeding", "ABSENT")], None),
    # ---------------------------------------------------------------- finance
    (15, "finance", "Quarterly results",
     "Acme Robotics reported third-quarter revenue of $412.6 million on October 28, 2025, up 14% from a "
     "year earlier.",
     [("Acme Robotics", "ORG"), ("$412.6 million", "MONEY"), ("October 28, 2025", "DATE"), ("14%", "PERCENT")],
     {"spans": [("Acme Robotics", "ORG"), ("$412.6 million", "MONEY"), ("October 28, 2025", "DATE"),
                ("14%", "PERCENT")],
      "relations": [("Acme Robotics", "$412.6 million", "ORG-MONEY")]}),
    (16, "finance", "Dividend increase",
     "Northwind Bank raised its quarterly dividend by 5.5% to $0.96 per share, payable on January 15, 2026.",
     [("Northwind Bank", "ORG"), ("5.5%", "PERCENT"), ("$0.96", "MONEY"), ("January 15, 2026", "DATE")], None),
    (17, "finance", "Acquisition",
     "Helios Energy agreed to acquire Pacific Grid Services for \u20AC2.3 billion in cash; the deal is "
     "expected to close in the second quarter of 2026.",
     [("Helios Energy", "ORG"), ("Pacific Grid Services", "ORG"), ("\u20AC2.3 billion", "MONEY")],
     {"spans": [("Helios Energy", "ORG"), ("Pacific Grid Services", "ORG"), ("\u20AC2.3 billion", "MONEY"),
                ("the second quarter of 2026", "DATE")],
      "relations": [("Helios Energy", "\u20AC2.3 billion", "ORG-MONEY")]}),
    (18, "finance", "Guidance cut",
     "Shares of Tidewater Logistics fell 8.2% after the company cut its full-year revenue guidance to "
     "$1.1 billion.",
     [("Tidewater Logistics", "ORG"), ("8.2%", "PERCENT"), ("$1.1 billion", "MONEY")], None),
    (19, "finance", "Rate decision",
     "The Federal Reserve held the federal funds rate at 4.25%\u20134.50% at its meeting on December 10, 2025.",
     [], None),
    (20, "finance", "Bond offering",
     "Ridgeview Capital priced a $750 million offering of 6.125% senior notes due 2032.",
     [("Ridgeview Capital", "ORG"), ("$750 million", "MONEY"), ("6.125%", "PERCENT"), ("2032", "DATE")], None),
    (21, "finance", "Annual results, Japan",
     "Kumo Systems (\u96F2\u30B7\u30B9\u30C6\u30E0\u682A\u5F0F\u4F1A\u793E) posted net income of "
     "\u00A518.4 billion for the fiscal year ended March 31, 2025, up 9.3%.",
     [("Kumo Systems", "ORG"), ("\u96F2\u30B7\u30B9\u30C6\u30E0\u682A\u5F0F\u4F1A\u793E", "ORG"),
      ("\u00A518.4 billion", "MONEY"), ("March 31, 2025", "DATE"), ("9.3%", "PERCENT")], None),
    (22, "finance", "Share buyback",
     "Orion Pharma's board approved a share repurchase of up to $200 million through June 30, 2026.",
     [], None),
    (23, "finance", "Earnings miss",
     "Greenleaf Foods posted earnings of $0.41 per share versus the $0.47 consensus, as gross margin narrowed "
     "to 31.2%.",
     [("Greenleaf Foods", "ORG"), ("$0.41", "MONEY"), ("$0.47", "MONEY"), ("31.2%", "PERCENT")], None),
    (24, "finance", "Fuel costs",
     "Bluebird Airlines said fuel costs rose 12% in November 2025, adding roughly $38 million to quarterly "
     "expenses.",
     [], None),
    (25, "finance", "Property sale",
     "Vantage REIT sold its Denver office portfolio to Crestline Partners for $310 million, a 6.8% cap rate.",
     [("Vantage REIT", "ORG"), ("Crestline Partners", "ORG"), ("$310 million", "MONEY"), ("6.8%", "PERCENT")],
     None),
    (26, "finance", "Regional bank, France",
     # decomposed accents (e + combining acute): one visible letter, two UTF-16 code units
     "La Banque R" + "e" + ACUTE + "gionale de l'Ouest a annonc" + "e" + ACUTE + " le 6 f" + "e" + ACUTE
     + "vrier 2025 un b" + "e" + ACUTE + "n" + "e" + ACUTE + "fice net de 1,2 milliard d'euros, en hausse de 4 %.",
     [("Banque R" + "e" + ACUTE + "gionale de l'Ouest", "ORG"), ("6 f" + "e" + ACUTE + "vrier 2025", "DATE"),
      ("1,2 milliard d'euros", "MONEY"), ("4 %", "PERCENT")],
     {"spans": [("Banque R" + "e" + ACUTE + "gionale de l'Ouest", "ORG"),
                ("6 f" + "e" + ACUTE + "vrier 2025", "DATE"), ("1,2 milliard d'euros", "MONEY"),
                ("4 %", "PERCENT")],
      "relations": [("Banque R" + "e" + ACUTE + "gionale de l'Ouest", "1,2 milliard d'euros", "ORG-MONEY")]}),
    # ---------------------------------------------------------------- legal
    (27, "legal", "Motion to dismiss",
     "On March 3, 2025, the United States District Court for the Northern District of California granted "
     "Brightline Inc.'s motion to dismiss the complaint filed by Harbor Analytics LLC.",
     [("March 3, 2025", "DATE"),
      ("United States District Court for the Northern District of California", "COURT"),
      ("Brightline Inc.", "PARTY"), ("Harbor Analytics LLC", "PARTY")],
     {"spans": [("March 3, 2025", "DATE"),
                ("United States District Court for the Northern District of California", "COURT"),
                ("Brightline Inc.", "PARTY"), ("Harbor Analytics LLC", "PARTY")],
      "relations": [("Harbor Analytics LLC", "United States District Court for the Northern District of California",
                     "PARTY-COURT")]}),
    (28, "legal", "Appeal affirmed",
     "The Supreme Court of Delaware affirmed the Court of Chancery's ruling in favor of Meridian Holdings.",
     [("Supreme Court of Delaware", "COURT"), ("Court of Chancery", "COURT"), ("Meridian Holdings", "PARTY")],
     None),
    (29, "legal", "Accessibility complaint",
     "Plaintiff Jane Doe alleges that Coastal Health Systems violated the Americans with Disabilities Act by "
     "failing to provide a sign language interpreter.",
     [("Jane Doe", "PARTY"), ("Coastal Health Systems", "PARTY"), ("Americans with Disabilities Act", "LAW")],
     None),
    (30, "legal", "License agreement",
     "This Agreement is entered into as of July 1, 2025, by and between Northgate Software Ltd. (the "
     "\"Licensor\") and Elm Street Media, Inc. (the \"Licensee\").",
     [("July 1, 2025", "DATE"), ("Northgate Software Ltd.", "PARTY"), ("Elm Street Media, Inc.", "PARTY")],
     None),
    (31, "legal", "Arbitration appeal",
     "The Court of Appeal of England and Wales dismissed the appeal brought by Kestrel Marine Ltd against "
     "Atlas Insurance plc under the Arbitration Act 1996.",
     [("Court of Appeal of England and Wales", "COURT"), ("Kestrel Marine Ltd", "PARTY"),
      ("Atlas Insurance plc", "PARTY"), ("Arbitration Act 1996", "LAW")], None),
    (32, "legal", "Securities fraud charges",
     "Citing Section 10(b) of the Securities Exchange Act of 1934, the SEC charged Quarry Point Advisors "
     "with fraud on September 9, 2025.",
     [], None),
    (33, "legal", "Trademark appeal",
     "The Ninth Circuit reversed the district court's summary judgment for Evergreen Apparel, holding that the "
     "Lanham Act claim was timely.",
     [("Ninth Circuit", "COURT"), ("Evergreen Apparel", "PARTY"), ("Lanham Act", "LAW")], None),
    (34, "legal", "Termination clause",
     "Either party may terminate this Agreement upon thirty (30) days' written notice. This Agreement shall be "
     "governed by the laws of the State of New York.",
     [], None),
    (35, "legal", "Security deposit claim",
     "Tenant Lucas Moreau filed a claim against Parkside Properties in the Superior Court of California, "
     "County of Los Angeles, under California Civil Code \u00A7 1950.5.",
     [("Lucas Moreau", "PARTY"), ("Parkside Properties", "PARTY"),
      ("Superior Court of California, County of Los Angeles", "COURT"),
      ("California Civil Code \u00A7 1950.5", "LAW")],
     {"spans": [("Lucas Moreau", "PARTY"), ("Parkside Properties", "PARTY"),
                ("Superior Court of California, County of Los Angeles", "COURT"),
                ("California Civil Code \u00A7 1950.5", "LAW")],
      "relations": [("Lucas Moreau", "Superior Court of California, County of Los Angeles", "PARTY-COURT")]}),
    (36, "legal", "Data protection ruling",
     "On 4 October 2024 the Court of Justice of the European Union held that the processing by Vireo Media "
     "breached Article 6 of the GDPR.",
     [("4 October 2024", "DATE"), ("Court of Justice of the European Union", "COURT"), ("Vireo Media", "PARTY"),
      ("Article 6 of the GDPR", "LAW")], None),
    (37, "legal", "Chapter 11 plan",
     "The Bankruptcy Court for the District of Delaware confirmed the Chapter 11 plan of Summit Retail Group "
     "on February 18, 2025.",
     [], None),
    (38, "legal", "Commercial judgment, France",
     "Le 12 mai 2025, la Cour d'appel de Paris a condamn" + "e" + ACUTE + " la soci" + "e" + ACUTE
     + "t" + "e" + ACUTE + " B" + "e" + ACUTE + "lier SA sur le fondement de l'article L. 442-1 du Code de commerce.",
     [("12 mai 2025", "DATE"), ("Cour d'appel de Paris", "COURT"), ("B" + "e" + ACUTE + "lier SA", "PARTY"),
      ("article L. 442-1 du Code de commerce", "LAW")], None),
]

# Older predictions for a few tasks, so a user can step through model versions.
OLDER_PREDICTIONS = {
    1: [("metformin", "DRUG"), ("500 mg", "DOSAGE"), ("twice daily", "FREQUENCY")],
    15: [("Acme Robotics", "ORG"), ("$412.6 million", "MONEY"), ("14%", "PERCENT")],
    27: [("United States District Court", "COURT"), ("Brightline Inc.", "PARTY")],
}

MODELS = {
    "clinical": ("server:clinical-posology", "ner_posology_clinical@2", "ner_posology_clinical@1"),
    "finance": ("server:finance-ner", "ner_finance_small@3", "ner_finance_small@2"),
    "legal": ("server:legal-ner", "ner_legal_small@2", "ner_legal_small@1"),
}
ANNOTATORS = ["ana", "ben", "chen"]


def utf16(text, index):
    """UTF-16 code units before code point index (Python str index)."""
    return len(text[:index].encode("utf-16-le")) // 2


def locate(text, surface, occurrence=1):
    index = -1
    for _ in range(occurrence):
        index = text.find(surface, index + 1)
        if index < 0:
            raise SystemExit(f"'{surface}' (occurrence {occurrence}) not in: {text!r}")
    return utf16(text, index), utf16(text, index + len(surface))


def region_id(rng):
    alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
    return "".join(rng.choice(alphabet) for _ in range(10))


def regions(task_id, text, spans, ids, rng, confidence=None):
    """Label results for spans; ids maps (start, end, label) to a region id shared by prediction and completion."""
    result = []
    for span in spans:
        surface, label = span[0], span[1]
        start, end = locate(text, surface, span[2] if len(span) > 2 else 1)
        key = (start, end, label)
        if key not in ids:
            ids[key] = region_id(rng)
        value = {"start": start, "end": end, "text": surface, "labels": [label]}
        if confidence is not None:
            value["confidence"] = round(confidence(), 4)
        result.append({"id": ids[key], "from_name": "label", "to_name": "text", "type": "labels",
                       "value": value})
    return result


def region_for(result, text, surface):
    start, end = locate(text, surface)
    for r in result:
        v = r.get("value", {})
        if v.get("start") == start and v.get("end") == end and v.get("labels") != ["ABSENT"]:
            return r["id"]
    raise SystemExit(f"relation end '{surface}' is no region")


def build(task_id, domain, title, text, predicted, completion):
    rng = random.Random(task_id * 7919)
    ids = {}
    task = {"id": task_id, "data": {"text": text, "title": title, "domain": domain},
            "predictions": [], "completions": []}
    user, current, older = MODELS[domain]
    day = 3 + task_id % 20
    prediction_id = task_id * 10
    if task_id in OLDER_PREDICTIONS:
        task["predictions"].append({
            "id": prediction_id, "created_username": user, "model_version": older,
            "created_ago": f"2025-10-{day:02d}T08:{task_id % 60:02d}:00Z",
            "score": round(rng.uniform(0.62, 0.78), 4),
            "result": regions(task_id, text, OLDER_PREDICTIONS[task_id], ids, rng,
                              lambda: rng.uniform(0.5, 0.85))})
        prediction_id += 1
    if predicted:
        task["predictions"].append({
            "id": prediction_id, "created_username": user, "model_version": current,
            "created_ago": f"2025-11-{day:02d}T09:{task_id % 60:02d}:00Z",
            "score": round(rng.uniform(0.81, 0.97), 4),
            "result": regions(task_id, text, predicted, ids, rng, lambda: rng.uniform(0.7, 0.995))})
    if completion:
        result = regions(task_id, text, completion["spans"], ids, rng)
        for source, target, label in completion.get("relations", []):
            result.append({"from_id": region_for(result, text, source), "to_id": region_for(result, text, target),
                           "type": "relation", "direction": "right", "labels": [label]})
        result.append({"id": region_id(rng), "from_name": "domain", "to_name": "text", "type": "choices",
                       "value": {"choices": [domain]}})
        task["completions"].append({
            "id": task_id * 10 + 5, "created_username": ANNOTATORS[task_id % len(ANNOTATORS)],
            "lead_time": round(rng.uniform(8, 95), 1), "copied_from": prediction_id,
            "submitted_at": f"2025-11-{day + 1:02d}T14:{task_id % 60:02d}:00Z", "result": result})
    return task


def main():
    tasks_dir = OUT / "tasks"
    tasks_dir.mkdir(parents=True, exist_ok=True)
    for old in tasks_dir.glob("*.json"):
        old.unlink()
    files = ["labeling-config.xml", "project.json"]
    seen = set()
    for spec in TASKS:
        if spec[0] in seen:
            raise SystemExit(f"duplicate task id {spec[0]}")
        seen.add(spec[0])
        task = build(*spec)
        name = f"tasks/{spec[0]}.json"
        with open(OUT / name, "w", encoding="utf-8", newline="\n") as out:
            json.dump(task, out, ensure_ascii=False, indent=2)
            out.write("\n")
        files.append(name)
    with open(OUT / "index.txt", "w", encoding="utf-8", newline="\n") as out:
        out.write("# files of the sample project, written by tools/generate_sample.py\n")
        out.write("\n".join(files) + "\n")
    print(f"{len(TASKS)} tasks -> {OUT}")


if __name__ == "__main__":
    main()
