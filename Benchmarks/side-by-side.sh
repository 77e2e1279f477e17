#!/usr/bin/env bash
# The side-by-side benchmark of the speed issue: s11, sqlite3's .import and DuckDB on the same
# deterministic staff survey file (12 service areas, 5 roles, 20 five-point statements), in one
# run, printing the ratios. See Benchmarks/side-by-side/run.py for what is timed.
#
#   bash Benchmarks/side-by-side.sh [RESPONSES...]        (default: 100000 1000000)
#
# Needs sqlite3 (Debian's `sqlite3`) and DuckDB (PyPI's `duckdb`).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v sqlite3 >/dev/null || { echo "error: sqlite3 is missing; install it with 'apt-get install -y sqlite3'" >&2; exit 1; }
python3 -c 'import duckdb' 2>/dev/null || { echo "error: DuckDB is missing; install it with 'pip install duckdb'" >&2; exit 1; }
swift build -c release --product s11 >/dev/null
exec python3 Benchmarks/side-by-side/run.py .build/release/s11 "$@"
