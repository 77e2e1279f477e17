"""The side-by-side benchmark: s11 against sqlite3's .import and DuckDB on the same staff survey
file, in one run, printing each figure and the ratios. Run it through Benchmarks/side-by-side.sh,
which builds s11 in release first.

    python3 run.py S11_BINARY RESPONSES [RESPONSES...]

For each size it generates the data set (generate.py, deterministic), then times, each as a whole
process with its peak resident memory:
  - s11: `responses import --staff` then `score --format json` (import and score), `score --format
    json` alone (statistics, median of 5) and `responses export --staff` (median of 3);
  - sqlite3: `.import` of the file into a new database file;
  - DuckDB (PyPI `duckdb`): `read_csv` into a new database file, then the counts per statement
    and per service area (import and score); the counts alone on that file (statistics, median
    of 5). DuckDB's own clock inside its process is printed too: its work without Python's start.
It checks that s11's agreeing counts per statement equal DuckDB's, and exits 1 when they differ.
"""
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))


def timed(command, cwd):
    """Runs the command; returns (wall seconds, peak RSS MiB, its standard output). Its peak
    memory comes from the kernel's account of the child (wait4), so nothing wraps the process."""
    started = time.perf_counter()
    child = subprocess.Popen(command, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    out, err = child.stdout.read(), child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - started
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"error: {' '.join(command)} failed ({child.returncode}):\n{err}")
    return wall, usage.ru_maxrss / 1024, out


def median_of(runs, command, cwd):
    results = [timed(command, cwd) for _ in range(runs)]
    return statistics.median(r[0] for r in results), max(r[1] for r in results), results[-1][2]


def content_folder(work):
    """Standards/ and Surveys/ of the checkout, with the benchmark's staff survey in place of s11's."""
    folder = os.path.join(work, "content")
    shutil.copytree(os.path.join(ROOT, "Standards"), os.path.join(folder, "Standards"))
    shutil.copytree(os.path.join(ROOT, "Surveys"), os.path.join(folder, "Surveys"))
    shutil.copy(os.path.join(HERE, "staff-confidence.xml"), os.path.join(folder, "Surveys", "staff-confidence.xml"))
    return folder


def row(name, s11, anchor, unit="s"):
    ratio = s11 / anchor if anchor else float("nan")
    print(f"  {name:<44} s11 {s11:8.3f} {unit}   anchor {anchor:8.3f} {unit}   s11/anchor {ratio:5.2f}")


def main():
    s11 = os.path.abspath(sys.argv[1])
    sizes = [int(size) for size in sys.argv[2:]] or [100_000, 1_000_000]
    python = sys.executable
    anchor = os.path.join(HERE, "duckdb_anchor.py")
    failed = False
    for size in sizes:
        work = tempfile.mkdtemp(prefix="s11-side-by-side-")
        try:
            csv = os.path.join(work, "staff.csv")
            subprocess.run([python, os.path.join(HERE, "generate.py"), str(size), csv], check=True)
            megabytes = os.path.getsize(csv) / 1_048_576
            print(f"{size:,} staff responses: 12 service areas, 5 roles, 20 five-point statements, a date ({megabytes:.1f} MiB)")
            content = content_folder(work)
            store = os.path.join(work, "s11.sqlite")
            subprocess.run([s11, "audit", "open", "--org", "Bench Council", "--year", "2026", "--content", content, "--db", store],
                           check=True, stdout=subprocess.DEVNULL)

            # Import and score.
            imported = timed([s11, "responses", "import", "--staff", csv, "--db", store], work)
            scored = timed([s11, "score", "--format", "json", "--db", store, "--out", "score.json"], work)
            sqlite_import = timed(["sqlite3", os.path.join(work, "import.sqlite"), ".mode csv", f".import {csv} staff"], work)
            duck = timed([python, anchor, "load", csv, os.path.join(work, "staff.duckdb"), os.path.join(work, "duck.json")], work)
            duck_inside = float(duck[2].split(" total ")[1])

            # Statistics alone, from what is stored.
            stats = median_of(5, [s11, "score", "--format", "json", "--db", store, "--out", "score.json"], work)
            duck_counts = median_of(5, [python, anchor, "counts", csv, os.path.join(work, "staff.duckdb")], work)
            duck_counts_inside = float(duck_counts[2].split(" counts ")[1].split()[0])

            # The export of every answer set as CSV.
            exported = median_of(3, [s11, "responses", "export", "--staff", "--db", store, "--out", "export.csv"], work)

            # s11's figures must be DuckDB's.
            with open(os.path.join(work, "score.json")) as file:
                staff = json.load(file)["staff"]
            with open(os.path.join(work, "duck.json")) as file:
                duck_figures = json.load(file)
            for statement in staff["statements"]:
                ours = statement["overall"]["agreeing"]
                theirs = duck_figures[statement["statementID"]]
                if [ours["total"], ours["count"]] != theirs:
                    print(f"  error: {statement['statementID']}: s11 {ours['count']} of {ours['total']} agree, DuckDB {theirs[1]} of {theirs[0]}")
                    failed = True

            total = imported[0] + scored[0]
            print(f"  s11 import {imported[0]:.3f} s ({imported[1]:.0f} MiB) + score {scored[0]:.3f} s ({scored[1]:.0f} MiB) = {total:.3f} s")
            print(f"  sqlite3 .import {sqlite_import[0]:.3f} s ({sqlite_import[1]:.0f} MiB)")
            print(f"  DuckDB load + counts {duck[0]:.3f} s whole process ({duck[1]:.0f} MiB), {duck_inside:.3f} s by its own clock")
            row("import + score vs DuckDB load + counts", total, duck[0])
            row("import + score vs DuckDB's own clock", total, duck_inside)
            row("import vs sqlite3 .import", imported[0], sqlite_import[0])
            row("peak memory vs DuckDB's", max(imported[1], scored[1]), duck[1], "MiB")
            print(f"  statistics: s11 score --format json {stats[0]:.3f} s ({stats[1]:.0f} MiB); "
                  f"DuckDB counts {duck_counts[0]:.3f} s whole process, {duck_counts_inside:.3f} s by its own clock")
            row("statistics vs DuckDB counts", stats[0], duck_counts[0])
            row("statistics vs DuckDB's own clock", stats[0], duck_counts_inside)
            print(f"  export: s11 responses export --staff {exported[0]:.3f} s, {exported[1]:.0f} MiB, "
                  f"{os.path.getsize(os.path.join(work, 'export.csv')) / 1_048_576:.1f} MiB written")
        finally:
            shutil.rmtree(work, ignore_errors=True)
    if failed:
        sys.exit(1)


main()
