"""The DuckDB anchor of the side-by-side benchmark: load the staff CSV into a database file
(CREATE TABLE ... AS SELECT * FROM read_csv(...)), then the counts s11's staff results are made of:
per statement, how many answered and how many agreed, overall and per service area, and how many
responded from each area. Prints the load, the counts and the two together in seconds.

    python3 duckdb_anchor.py load|counts STAFF.csv DATABASE.duckdb [COUNTS.json]

`load` loads then counts (the import-and-score anchor); `counts` only counts an existing database
(the statistics anchor). COUNTS.json receives, per statement, [answered, agreed] overall, for
the harness to check s11's figures against (written after the clock stops).
"""
import json
import sys
import time

import duckdb

mode, csv, database = sys.argv[1], sys.argv[2], sys.argv[3]
started = time.perf_counter()
connection = duckdb.connect(database)
if mode == "load":
    connection.execute(f"CREATE TABLE staff AS SELECT * FROM read_csv('{csv}', header = true, all_varchar = true)")
loaded = time.perf_counter()
statements = [name for (name,) in connection.execute(
    "SELECT column_name FROM information_schema.columns WHERE table_name = 'staff' AND column_name LIKE 'SC%' ORDER BY column_name").fetchall()]
agrees = "('strongly-agree', 'agree')"
select = ", ".join(f'count("{s}"), count(*) FILTER ("{s}" IN {agrees})' for s in statements)
overall = connection.execute(f"SELECT count(*), {select} FROM staff").fetchall()
by_area = connection.execute(f'SELECT "service-area", count(*), {select} FROM staff GROUP BY 1 ORDER BY 1').fetchall()
counted = time.perf_counter()
connection.close()
if len(sys.argv) > 4:
    figures = overall[0][1:]
    json.dump({s: figures[2 * n:2 * n + 2] for n, s in enumerate(statements)}, open(sys.argv[4], "w"))
print(f"duckdb rows {overall[0][0]} areas {len(by_area)} statements {len(statements)} "
      f"load {loaded - started:.3f} counts {counted - loaded:.3f} total {counted - started:.3f}")
