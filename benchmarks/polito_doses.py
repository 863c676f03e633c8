"""Check the dose parser against the Polito & Stevenson (2019) diary dose strings and their coders' values.

    .venv/bin/python benchmarks/polito_doses.py [--csv PATH] [--examples N]

Data: ../shared/corpus/polito2019_self_reported_dose_strings.csv (see that folder's README, section 2):
free-text doses typed by microdosers in a diary study (`md_dose`), the substance as they typed it
(`md_substance`), the study's substance group, and the researchers' numeric recoding
(`Recoded_Dose`: ug for LSD, grams of dried material for psilocybin). The script prints to the
terminal only; the data may not be copied into the repository.

What is fair, and what this script does:
- Rows: substance group LSD or Psilocybin with a non-empty `md_dose` are "rows scored"; the few
  of them with no coder value (`Recoded_Dose` empty) are counted and left out of the scores.
- Input: the diary form asked for the substance and the dose in two fields, so each row is read
  as the phrase f"{md_substance} dose: {md_dose}" (e.g. "Psilocybin dose: 0.2") and run
  through the full extraction pipeline, unchanged. Nothing in the rules is specific to this file.
- Which amount: the first dose found for the row's substance (else the first dose found at all).
- Units: the dose is converted to the coders' implied unit. ug stays ug; a fraction of a tab or
  hit becomes ug at 100 ug per tab, the convention the coders used (half a tab -> 50); grams
  stay grams. Any other unit (g for an LSD row, ml, capsules) is a unit mismatch.
- Ranges count as their midpoint, as the coders recoded ranges to midpoints ("8~12 micrograms"
  -> 10).
- mg of LSD: the pipeline follows the extraction contract, so a sub-milligram amount converts
  literally (0.01 mg -> 10 ug, hence ".3mg" -> 300 ug, where the coders would write 30); a
  whole-mg amount right after an LSD name ("LSD dose: 15mg") is read as a slip for ug, as the
  coders did.
  The disagreements this leaves are listed as their own kind.
- Some strings were turned into dates by a spreadsheet before the file was published (a
  fraction such as 1/10 shown as a day-month or month-year date): what the participant typed is
  lost, so no parser can read them.
  They stay in "rows scored"; the agreement without them is printed on a separate line, and
  again without the rows that give a count or size of mushrooms and no weight (which the coders
  turned into an estimated weight).

Exact agreement: equal within 1e-6 relative. Within 10%: |ours - coders'| <= 10% of the coders' value.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from experiences.settings import PROJECT_ROOT

DEFAULT_CSV = PROJECT_ROOT.parent / "shared" / "corpus" / "polito2019_self_reported_dose_strings.csv"
GROUPS = {"LSD": "lsd", "Psilocybin": "psilocybin"}
UG_PER_TAB = 100.0  # the coders' convention for fractions of a tab or hit
MONTHS = "jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec"
SPREADSHEET_DATE = re.compile(rf"^\s*(?:\d{{1,2}}-(?:{MONTHS})|(?:{MONTHS})-\d{{1,2}})\s*$", re.IGNORECASE)


def implied_value(dose: dict, substance: str) -> float | None:
    """The dose's midpoint in the coders' unit for the substance, or None if the unit cannot map."""
    mid = (dose["low"] + dose["high"]) / 2
    if substance == "lsd":
        return {"ug": mid, "tab": mid * UG_PER_TAB}.get(dose["unit"])
    return mid if dose["unit"] == "g" else None


def agrees(ours: float, theirs: float, tolerance: float) -> bool:
    return abs(ours - theirs) <= tolerance * max(abs(theirs), 1e-12)


def kind_of_disagreement(row: dict, doses: list[dict], substance: str, value: float | None, coded: float) -> str:
    typed = row["md_dose"]
    if not doses:
        if SPREADSHEET_DATE.match(typed):
            return "no dose found: text turned into a date by a spreadsheet"
        if re.search(r"\b(?:small|tiny|medium|large|big)\b|\bmushrooms?\b|\bshrooms?\b|\bones?\b", typed, re.I):
            return "no dose found: a count or size of mushrooms, no weight"
        return "no dose found: other"
    if value is None:
        return f"unit mismatch ({doses[0]['unit']} for {substance})"
    others = [implied_value(d, substance) for d in doses[1:]]
    if any(v is not None and agrees(v, coded, 0.1) for v in others):
        return "several amounts: the coders chose another one"
    first = doses[0]
    if first["low"] != first["high"] and agrees(first["low"] + first["high"], coded, 1e-6):
        return "range: coders summed its ends instead of the midpoint"
    if len(doses) > 1 and agrees(sum(implied_value(d, substance) or 0 for d in doses), coded, 0.1):
        return "several amounts: coders summed them"
    if substance == "lsd" and re.search(r"\bmg\b|\dmg", typed, re.I) and agrees(value / 10, coded, 0.1):
        return "mg of LSD: contract reads it literally, coders read it as a tenth"
    ratio = value / coded if coded else float("inf")
    for factor in (10, 100, 1000):
        if agrees(ratio, factor, 0.1) or agrees(ratio, 1 / factor, 0.1):
            return f"off by a factor of {factor}"
    return "other value"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", default=str(DEFAULT_CSV))
    parser.add_argument("--examples", type=int, default=3, help="examples printed per disagreement kind")
    args = parser.parse_args()
    path = Path(args.csv)
    if not path.exists():
        print(f"skipped: {path} not found (the shared corpus folder is absent)")
        return

    from experiences.nlp import shared_nlp  # late import: the skip above needs no pipeline

    with path.open(encoding="utf-8-sig", newline="") as handle:
        rows = [r for r in csv.DictReader(handle)
                if r["substanceGroup"] in GROUPS and r["md_dose"].strip()]
    nlp = shared_nlp()
    texts = [f"{r['md_substance'].strip()} dose: {r['md_dose'].strip()}" for r in rows]
    exact = within = no_dose = uncoded = mangled = mangled_within = unstated = 0
    kinds: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    per_group: Counter[tuple[str, str]] = Counter()
    for row, doc in zip(rows, nlp.pipe(texts)):
        substance = GROUPS[row["substanceGroup"]]
        coded_raw = row["Recoded_Dose"].strip()
        if not coded_raw:
            uncoded += 1
            continue
        coded = float(coded_raw)
        is_mangled = bool(SPREADSHEET_DATE.match(row["md_dose"]))
        mangled += is_mangled
        doses = [{"substance": d.substance, "low": d.low, "high": d.high, "unit": d.unit} for d in doc._.doses]
        doses.sort(key=lambda d: d["substance"] != substance)  # stable: the row's substance first
        value = implied_value(doses[0], substance) if doses else None
        per_group[(substance, "rows")] += 1
        if not doses:
            no_dose += 1
        if value is not None and agrees(value, coded, 1e-6):
            exact += 1
        if value is not None and agrees(value, coded, 0.1):
            within += 1
            per_group[(substance, "within")] += 1
            mangled_within += is_mangled
            continue
        kind = kind_of_disagreement(row, doses, substance, value, coded)
        kinds[kind] += 1
        unstated += kind.startswith("no dose found: a count") and not is_mangled
        if len(examples[kind]) < args.examples:
            found = f"{value:g}" if value is not None else (doses[0]["unit"] if doses else "-")
            examples[kind].append(f"{row['md_dose'].strip()!r} -> ours {found}, coders {coded:g}")

    scored = sum(per_group[(s, "rows")] for s in GROUPS.values())
    total = scored + uncoded

    def share(n: int, d: int) -> str:
        return f"{n} ({n / d:.1%})" if d else "0"

    print(f"rows scored (LSD and Psilocybin, non-empty dose): {total}")
    print(f"  without a coder value, left out: {uncoded}; compared: {scored}")
    print(f"exact agreement (1e-6 relative):  {share(exact, scored)}")
    print(f"agreement within 10%:             {share(within, scored)}")
    for substance in GROUPS.values():
        agreeing, rows_of = per_group[(substance, "within")], per_group[(substance, "rows")]
        print(f"  {substance:<11} within 10%: {share(agreeing, rows_of)}")
    print(f"no dose found:                    {share(no_dose, scored)}")
    print(f"within 10% without the {mangled} rows a spreadsheet turned into dates: "
          f"{share(within - mangled_within, scored - mangled)}")
    print(f"within 10% of the rows that state an amount (neither a date nor a count of mushrooms, "
          f"{scored - mangled - unstated}): {share(within - mangled_within, scored - mangled - unstated)}")
    print("disagreements by kind:")
    for kind, n in kinds.most_common():
        print(f"  {n:4d}  {kind}")
        for example in examples[kind]:
            print(f"          e.g. {example}")


if __name__ == "__main__":
    sys.exit(main())
