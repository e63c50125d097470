#!/usr/bin/env python3
"""Write the sample scorecards: resources/sample_data/scorecards/ (deterministic).

Three assessors score two versions (2020, 2026) of Sample City's master plan and the 2026 plan of Riverton against
the built-in framework. The 2026 version improves participation, inclusion and monitoring; assessors differ a
little, and on two criteria a lot (as happens). Files are XLSX, CSV and JSON, to show all three formats.
"""

import csv
import json
import sys
from pathlib import Path

import numpy as np
from openpyxl import Workbook

ROOT = Path(__file__).resolve().parent.parent
FRAMEWORK = ROOT / "resources" / "frameworks" / "citywide_plan_assessment.json"
OUT = ROOT / "resources" / "sample_data" / "scorecards"
SEED = 20261124
ASSESSORS = [("Ana Lima", "xlsx"), ("Bo Chen", "csv"), ("Chen Jing", "json")]
NA_REASON = "Not applicable: the plan's terms of reference leave this theme to a separate sector plan."
# Typical score per theme (0..3) for each plan; NA where the theme does not apply to that plan.
PLANS = {
    ("Sample City Master Plan", "Sample City", 2020): {
        "participation": 0.8,
        "social_inclusion": 1.0,
        "gender_age": 0.5,
        "monitoring": 0.8,
        "default": 1.8,
    },
    ("Sample City Master Plan", "Sample City", 2026): {
        "participation": 2.5,
        "social_inclusion": 2.2,
        "gender_age": 1.8,
        "monitoring": 2.3,
        "default": 2.2,
    },
    ("Riverton Development Plan", "Riverton", 2026): {
        "economy_finance": 2.6,
        "climate_resilience": 0.7,
        "gender_age": None,
        "default": 1.5,
    },
}
COMMENTS = {
    "implementation_2": "Budget table in annex 4, but no responsible agencies.",
    "participation_1": "Two public hearings; no record of who attended.",
}


def main() -> int:
    rng = np.random.default_rng(SEED)
    framework = json.loads(FRAMEWORK.read_text(encoding="utf-8"))
    criteria = [(theme["id"], c["id"]) for theme in framework["themes"] for c in theme["criteria"]]
    # Plans are strong on some criteria and weak on others: each criterion gets its own level around the plan's.
    spread = {criterion: rng.uniform(-1.2, 1.2) for _, criterion in criteria}
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        old.unlink()
    for (plan, city, year), quality in PLANS.items():
        for number, (assessor, kind) in enumerate(ASSESSORS):
            rows = []
            for theme, criterion in criteria:
                typical = quality.get(theme, quality["default"])
                if typical is None:
                    score = "NA"
                else:
                    noise = rng.normal(0, 0.3) + (1.6 if number == 2 and criterion == "implementation_2" else 0)
                    score = int(np.clip(round(typical + spread[criterion] + noise), 0, 3))
                rows.append(
                    (
                        criterion,
                        score,
                        # An NA says why (without a reason it would count as not scored).
                        NA_REASON if score == "NA" else COMMENTS.get(criterion, "") if number == 0 else "",
                        f"ch. {rng.integers(1, 12)}" if score not in ("NA", 0) else "",
                    )
                )
            meta = {
                "framework": framework["id"],
                "framework_version": framework["version"],
                "plan": plan,
                "city": city,
                "year": year,
                "assessor": assessor,
            }
            stem = f"{city.lower().replace(' ', '_')}_{year}_{assessor.split()[0].lower()}"
            if kind == "json":
                data = dict(meta, scores={c: {"score": s, "comment": m, "evidence": e} for c, s, m, e in rows})
                (OUT / f"{stem}.json").write_text(
                    json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
                )
            elif kind == "csv":
                with open(OUT / f"{stem}.csv", "w", newline="", encoding="utf-8") as handle:
                    writer = csv.writer(handle)
                    writer.writerows(
                        [[k, v] for k, v in meta.items()]
                        + [[]]
                        + [["criterion", "score", "comment", "evidence"]]
                        + [list(r) for r in rows]
                    )
            else:
                book = Workbook()
                sheet = book.active
                for key, value in meta.items():
                    sheet.append([key, value])
                sheet.append([])
                sheet.append(["criterion", "score", "comment", "evidence"])
                for row in rows:
                    sheet.append(list(row))
                book.properties.created = book.properties.modified = __import__("datetime").datetime(2026, 11, 24)
                book.save(OUT / f"{stem}.xlsx")
    print(f"{OUT.relative_to(ROOT)}: {len(list(OUT.iterdir()))} scorecards")
    return 0


if __name__ == "__main__":
    sys.exit(main())
