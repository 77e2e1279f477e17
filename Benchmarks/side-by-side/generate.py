"""The side-by-side benchmark's data set, deterministic (fixed seed): N staff responses in s11's CSV
layout for Benchmarks/side-by-side/staff-confidence.xml (LimeSurvey's benchmark shape: 12 service
areas, 5 roles, 20 five-point statements), with the day each was given.

    python3 generate.py N OUT.csv
"""
import random
import re
import sys


def main():
    count, out = int(sys.argv[1]), sys.argv[2]
    survey = open(__file__.rsplit("/", 1)[0] + "/staff-confidence.xml", encoding="utf-8").read()
    choice = lambda name: re.findall(r'<option value="([^"]+)"', survey.split(f'<choice id="{name}">')[1].split("</choice>")[0])
    areas, roles = choice("service-area"), choice("role")
    statements = re.findall(r'<statement id="([^"]+)"', survey)
    scale = ["strongly-agree", "agree", "neutral", "disagree", "strongly-disagree", ""]
    weights = [35, 40, 12, 7, 3, 3]          # 3 in 100 statements left unanswered
    rng = random.Random(2026)
    days = [f"2026-{month:02d}-{day:02d}" for month in (10, 11) for day in range(1, 31)]
    columns = [rng.choices(areas, k=count), rng.choices(roles, k=count)]
    columns += [rng.choices(scale, weights, k=count) for _ in statements]
    columns.append(sorted(rng.choices(days, k=count)))
    with open(out, "w", encoding="utf-8", newline="") as file:
        file.write(",".join(["service-area", "role"] + statements + ["date"]) + "\n")
        rows = zip(*columns)
        while True:
            chunk = [",".join(row) for _, row in zip(range(50_000), rows)]
            if not chunk:
                break
            file.write("\n".join(chunk) + "\n")


main()
