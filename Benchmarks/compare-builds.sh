#!/usr/bin/env bash
# Two builds of s11 side by side in one run, on the figures BENCHMARKS.md tracks, so that a change
# can be held to "within 10% of before" with both builds measured under the same conditions:
#
#   - the national staff import: `s11-bench national --phases staff` (1,000,000 responses), its
#     "import + score, together" and the process's peak memory;
#   - the whole web respondent: `web-load.sh 10 1 serial` (one respondent at a time, p50 of each
#     GET + POST) and `web-load.sh 20 16 respondent` (whole respondents a second, 16 connections);
#   - the board's round page: `round-dashboard.sh county 20` and `national 10` (300 and 3,000
#     organisations; the median and the slowest request).
#
#   bash Benchmarks/compare-builds.sh [--quick] [--no-build] BEFORE_DIR AFTER_DIR [ROUNDS]
#
# BEFORE_DIR and AFTER_DIR are checkouts of s11 (a git worktree of the commit before is one:
# `git worktree add --detach /work/bench-before COMMIT`). Each is built first in release
# (`swift build -c release --product s11` and `--product s11-bench`, niced, before any run; a
# build that is up to date only checks); with --no-build their .build/release binaries are used
# as they are.
# Each figure is measured ROUNDS times (default 2) per build, the builds alternating (before,
# after, before, after, ...) so that the machine's drift falls on both; on SQLite, then, when
# S11_BENCH_DATABASE_URL=postgres://... is set, on that PostgreSQL server too (each run in a new
# schema, dropped when the run ends; the server must be on loopback).
#
# --quick uses small sizes (200,000 staff responses; 3 s of web load; the round page at 300
# organisations, 5 requests, and not at 3,000) to check in a few minutes that everything runs.
#
# Prints a line per run, then one table: each figure, each build's runs, their means and the
# ratio after/before, with whether after is within 10% of before. Every run's whole output is kept
# in a folder whose path it prints. Traffic goes to 127.0.0.1 only; every run is bounded in time,
# and the servers the runs start are stopped when they end (Ctrl-C included). Exits 1 when a run
# fails (its output is shown), 2 on wrong arguments.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

usage() { echo "usage: $(sed -n 12p "$0" | sed "s/^#  *//")" >&2; exit 2; }
quick=false
build=true
positional=()
for argument in "$@"; do
  case "$argument" in
    --quick) quick=true ;;
    --no-build) build=false ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) echo "error: unknown option $argument" >&2; usage ;;
    *) positional+=("$argument") ;;
  esac
done
[ "${#positional[@]}" -ge 2 ] && [ "${#positional[@]}" -le 3 ] || usage
rounds=${positional[2]:-2}
[[ "$rounds" =~ ^[1-9][0-9]*$ ]] || { echo "error: ROUNDS is a whole number of at least 1, not '$rounds'" >&2; exit 2; }

declare -A dir
for side in before after; do
  given=${positional[0]}; [ "$side" = after ] && given=${positional[1]}
  [ -f "$given/Package.swift" ] || { echo "error: $given is not a checkout of s11 (no Package.swift)" >&2; exit 2; }
  dir[$side]=$(cd "$given" && pwd)
done

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null || { echo "error: $tool is missing; install it with 'apt-get install -y $tool'" >&2; exit 1; }
done
db_url=${S11_BENCH_DATABASE_URL:-}
engines=(sqlite)
if [ -n "$db_url" ]; then
  command -v psql >/dev/null || { echo "error: psql is missing; install it with 'apt-get install -y postgresql-client'" >&2; exit 1; }
  host=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.urlsplit(sys.argv[1]).hostname or "")' "$db_url")
  case "$host" in
    127.*|localhost|::1|"") ;;
    *) echo "error: S11_BENCH_DATABASE_URL names $host; the benchmarks send traffic to this machine's loopback only" >&2; exit 2 ;;
  esac
  psql "${db_url%%\?*}" -XAtq -c 'SELECT 1' >/dev/null || { echo "error: cannot reach the PostgreSQL server of S11_BENCH_DATABASE_URL" >&2; exit 1; }
  engines+=(postgresql)
fi

if $quick; then
  staff_responses=200000; serial_seconds=3; respondent_seconds=3; round_sizes=(county); limit=300
  declare -A round_requests=([county]=5)
else
  staff_responses=1000000; serial_seconds=10; respondent_seconds=20; round_sizes=(county national); limit=1800
  declare -A round_requests=([county]=20 [national]=10)
fi

results=$(mktemp -d /tmp/s11-compare-builds-XXXXXX)
if $build; then
  for side in before after; do
    echo "building $side (${dir[$side]}) in release..."
    for product in s11 s11-bench; do
      log=$results/build-$side-$product.log
      (cd "${dir[$side]}" && nice -n 10 swift build -c release --product "$product" > "$log" 2>&1) \
        || { tail -n 40 "$log" >&2; echo "error: the $side build of $product failed (whole output: $log)" >&2; exit 1; }
    done
  done
fi
for side in before after; do
  for product in s11 s11-bench; do
    binary=${dir[$side]}/.build/release/$product
    [ -x "$binary" ] || { echo "error: $binary is not built; run without --no-build, or 'swift build -c release --product $product' in ${dir[$side]}" >&2; exit 1; }
    newer=$(find "${dir[$side]}/Sources" -newer "$binary" -type f -print -quit)
    [ -z "$newer" ] || echo "warning: $newer is newer than $binary: the $side binary may be older than its sources" >&2
  done
done

figures=$results/figures.tsv
: > "$figures"
# The runs' temporary files (s11-bench's CSV, the scripts' stores) go here, so that a run stopped
# before its own clean-up leaves nothing behind.
export TMPDIR=$results/scratch
mkdir "$TMPDIR"
running=
schema=
# On any exit: the PostgreSQL schema of a national import that did not finish dropped, the runs'
# temporary files removed.
finish() {
  [ -z "$schema" ] || psql "${db_url%%\?*}" -XAtq -c "DROP SCHEMA IF EXISTS $schema CASCADE" > /dev/null 2>&1 || true
  rm -rf "$results/scratch"
}
trap finish EXIT
# A run goes on in the background under `timeout` (its own process group: the run's server, wrk
# and clients with it), so that Ctrl-C or a TERM stops the run at once and the run's own clean-up
# stops its server.
stop() {
  if [ -n "$running" ]; then kill -TERM "$running" 2>/dev/null || true; wait "$running" 2>/dev/null || true; fi
  echo "stopped; the runs' output is in $results" >&2
  exit 130
}
trap stop INT TERM

started_all=$SECONDS
echo "before: ${dir[before]} at $(git -C "${dir[before]}" log --oneline -1 --format='%h %s' | cut -c1-80)"
echo "after:  ${dir[after]} at $(git -C "${dir[after]}" log --oneline -1 --format='%h %s' | cut -c1-80)"
for side in before after; do
  [ -z "$(git -C "${dir[$side]}" status --porcelain -- Sources 2>/dev/null)" ] || echo "        ($side has uncommitted changes in Sources/)"
done
echo "engines: ${engines[*]}; $rounds round(s) a figure, builds alternating; $( $quick && echo quick sizes || echo full sizes ); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "each run's output: $results"

# Runs one measurement, bounded in time, its output kept; fails the whole comparison when it fails.
# bounded LOG COMMAND...
bounded() {
  local log=$1; shift
  local status=0
  timeout --kill-after=30 "$limit" "$@" > "$log" 2>&1 &
  running=$!
  wait "$running" || status=$?
  running=
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$log" >&2
    [ "$status" -ne 124 ] || echo "error: the run took more than $limit s and was stopped" >&2
    echo "error: a run failed (exit $status): $* (whole output: $log)" >&2
    exit 1
  fi
}

# The value of a figure in a run's output, or a failure when it is not there.
# pick LOG FIGURE SED-EXPRESSION
pick() {
  local value
  value=$(sed -n "$3" "$1" | tail -n 1)
  [[ "$value" =~ ^[0-9]+(\.[0-9]+)?$ ]] || { tail -n 20 "$1" >&2; echo "error: no $2 in $1" >&2; exit 1; }
  echo "$value"
}

record() { printf '%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" >> "$figures"; }

# Runs a build's benchmark for one figure on one engine and records what it gives.
# measure ENGINE FIGURE SIDE ROUND
measure() {
  local engine=$1 figure=$2 side=$3 round=$4
  local build=${dir[$side]}
  local log=$results/$engine-$figure-$side-$round.log
  local clock=$SECONDS
  local environment=(env -u S11_BENCH_DATABASE_URL S11_BENCH_BUILD="$build")
  [ "$engine" = sqlite ] || environment+=(S11_BENCH_DATABASE_URL="$db_url")
  local said
  case "$figure" in
    import)
      local store=()
      if [ "$engine" = postgresql ]; then
        schema=compare_import_$$_$RANDOM
        case "$db_url" in *\?*) store=(--db "$db_url&schema=$schema") ;; *) store=(--db "$db_url?schema=$schema") ;; esac
      fi
      bounded "$log" "$build/.build/release/s11-bench" national --phases staff --staff-responses "$staff_responses" "${store[@]}"
      [ -z "$schema" ] || psql "${db_url%%\?*}" -XAtq -c "SET client_min_messages TO warning" -c "DROP SCHEMA IF EXISTS $schema CASCADE" > /dev/null
      schema=
      local seconds memory
      seconds=$(pick "$log" "import + score" 's/^ *import + score, together: \([0-9.]*\) s.*/\1/p')
      memory=$(pick "$log" "peak RSS" 's/.*peak RSS \([0-9]*\) MiB.*/\1/p')
      record "$engine" import "$side" "$seconds"
      record "$engine" import-memory "$side" "$memory"
      said="import + score $seconds s, peak $memory MiB"
      ;;
    serial)
      bounded "$log" "${environment[@]}" bash "$here/web-load.sh" "$serial_seconds" 1 serial
      local p50
      p50=$(pick "$log" "serial p50" 's/^respondents .* p50 \([0-9.]*\) ms.*/\1/p')
      record "$engine" serial "$side" "$p50"
      said="p50 $p50 ms a respondent"
      ;;
    respondent)
      bounded "$log" "${environment[@]}" bash "$here/web-load.sh" "$respondent_seconds" 16 respondent
      local rate
      rate=$(pick "$log" "respondent rate" 's/^whole respondents (page and answers) \([0-9.]*\)\/s.*/\1/p')
      record "$engine" respondent "$side" "$rate"
      said="$rate whole respondents/s"
      ;;
    round-county|round-national)
      local size=${figure#round-}
      bounded "$log" "${environment[@]}" bash "$here/round-dashboard.sh" "$size" "${round_requests[$size]}"
      local median slowest
      median=$(pick "$log" "round page median" "s/^$size: the round's page, .* median \([0-9]*\) ms.*/\1/p")
      slowest=$(pick "$log" "round page slowest" "s/^$size: the round's page, .* slowest \([0-9]*\) ms.*/\1/p")
      record "$engine" "$figure" "$side" "$median"
      record "$engine" "$figure-slowest" "$side" "$slowest"
      said="median $median ms, slowest $slowest ms"
      ;;
  esac
  printf '[%s] %-16s %-6s run %d: %s (%d s)\n' "$engine" "$figure" "$side" "$round" "$said" $((SECONDS - clock))
}

for engine in "${engines[@]}"; do
  for figure in import serial respondent "${round_sizes[@]/#/round-}"; do
    for round in $(seq 1 "$rounds"); do
      for side in before after; do
        measure "$engine" "$figure" "$side" "$round"
      done
    done
  done
done

echo
python3 - "$figures" "$staff_responses" "$serial_seconds" "$respondent_seconds" "${round_requests[county]}" "${round_requests[national]:-10}" <<'PY'
import statistics, sys
path, responses, serial, respondent, county, national = sys.argv[1], int(sys.argv[2]), *sys.argv[3:7]
# figure: (what it is, unit, whether lower is better)
figures = {
    "import": (f"national import + score, {responses:,} staff responses", "s", True),
    "import-memory": ("  its peak memory (VmHWM)", "MiB", True),
    "serial": (f"one respondent at a time, p50 (serial, {serial} s)", "ms", True),
    "respondent": (f"whole respondents, 16 connections ({respondent} s)", "/s", False),
    "round-county": (f"round page, 300 organisations, median of {county}", "ms", True),
    "round-county-slowest": ("  the slowest request", "ms", True),
    "round-national": (f"round page, 3,000 organisations, median of {national}", "ms", True),
    "round-national-slowest": ("  the slowest request", "ms", True),
}
runs = {}
for line in open(path):
    engine, figure, side, value = line.rstrip("\n").split("\t")
    runs.setdefault((engine, figure), {"before": [], "after": []})[side].append(float(value))
number = lambda v: f"{v:,.0f}" if v >= 100 or v == int(v) else f"{v:,.2f}"
rows = [("engine", "figure", "unit", "before: runs", "mean", "after: runs", "mean", "after/before", "")]
for engine in dict.fromkeys(e for e, _ in runs):
    for figure, (label, unit, lower_is_better) in figures.items():
        if (engine, figure) not in runs:
            continue
        before, after = runs[engine, figure]["before"], runs[engine, figure]["after"]
        b, a = statistics.mean(before), statistics.mean(after)
        ratio = a / b if b else float("nan")
        worse = round(100 * ((ratio - 1) if lower_is_better else (1 - ratio)))   # in whole per cent, as printed
        verdict = "within 10%" if abs(worse) <= 10 else (f"WORSE by {worse}%" if worse > 0 else f"better by {-worse}%")
        rows.append((engine, label, unit, ", ".join(number(v) for v in before), number(b),
                     ", ".join(number(v) for v in after), number(a), f"{ratio:.2f}", verdict))
widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
for index, row in enumerate(rows):
    print("  ".join(cell.ljust(width) if i in (0, 1, 2, 8) else cell.rjust(width) for i, (cell, width) in enumerate(zip(row, widths))).rstrip())
    if index == 0:
        print("  ".join("-" * width for width in widths))
PY
echo
echo "$(( (SECONDS - started_all) / 60 )) min $(( (SECONDS - started_all) % 60 )) s; each run's output: $results"
