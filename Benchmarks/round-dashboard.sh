#!/usr/bin/env bash
# The board's round page at scale: s11-bench builds a round of SIZE's organisations (county: 300,
# national: 3,000), every one submitted to the board, into a store; a board user signs in to a
# release `s11 serve` on it, and curl times the round's page (stages, the first hundred of the
# heatmap, spreads, themes)
# over loopback, page after page, each a whole request.
#
#   bash Benchmarks/round-dashboard.sh [county|national] [REQUESTS]     (defaults: county, 20)
#
# On the embedded SQLite default; with S11_BENCH_DATABASE_URL=postgres://... in a new schema there,
# dropped when the run ends (psql needed).
#
# With S11_BENCH_BUILD=DIR it runs DIR/.build/release/s11 and s11-bench as they are built (another
# checkout, or a git worktree of an older commit) instead of building this checkout's;
# Benchmarks/compare-builds.sh uses it to run two builds side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-county}
requests=${2:-20}
if [ -n "${S11_BENCH_BUILD:-}" ]; then
  build=$(cd "$S11_BENCH_BUILD" && pwd)
  for product in s11 s11-bench; do
    [ -x "$build/.build/release/$product" ] || { echo "error: $build/.build/release/$product is not built; run 'swift build -c release --product $product' in $build" >&2; exit 1; }
  done
else
  swift build -c release --product s11 >/dev/null
  swift build -c release --product s11-bench >/dev/null
  build=$PWD
fi
s11=$build/.build/release/s11
bench=$build/.build/release/s11-bench
work=$(mktemp -d)
# A port below Linux's ephemeral ones (32768 and up): the clients' closed connections hold those
# for a minute, and the server could not listen on one.
port=$((20000 + RANDOM % 12768))
db_url=${S11_BENCH_DATABASE_URL:-}
schema=
if [ -z "$db_url" ]; then
  store=$work/bench.sqlite
else
  command -v psql >/dev/null || { echo "error: psql is missing; install it with 'apt-get install -y postgresql-client'" >&2; exit 1; }
  schema=round_$RANDOM$RANDOM
  case "$db_url" in *\?*) store="$db_url&schema=$schema" ;; *) store="$db_url?schema=$schema" ;; esac
fi
server=
# On exit: the server stopped (and waited for, so that its connections are closed), the schema
# dropped, the folder removed.
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$schema" ]; then psql "${db_url%%\?*}" -XAtq -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
"$bench" "$size" --phases round --db "$store" | tee "$work/bench.txt"
round=$(awk '/kept in/ {print $2}' "$work/bench.txt")
password="correct horse battery staple"
echo "$password" | "$s11" admin create --email board@bench.example --board "Bench Safeguarding Partnership" --db "$store" > /dev/null
"$s11" serve --db "$store" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do grep -q "s11 is serving" "$work/serve.log" 2>/dev/null && break; sleep 0.2; done
grep -q "s11 is serving" "$work/serve.log" || { cat "$work/serve.log" >&2; echo "error: the server did not start" >&2; exit 1; }
base=http://127.0.0.1:$port
curl -s -c "$work/jar" "$base/admin/login" -o "$work/login.html"
csrf=$(grep -o 'name="csrf" value="[^"]*"' "$work/login.html" | head -1 | sed 's/.*value="//; s/"$//')
curl -s -b "$work/jar" -c "$work/jar" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "email=board@bench.example" \
  --data-urlencode "password=$password" "$base/admin/login"
for i in $(seq 1 "$requests"); do
  curl -s -b "$work/jar" -o "$work/page.html" -w '%{http_code} %{time_total} %{size_download}\n' "$base/admin/rounds/$round"
done > "$work/times.txt"
python3 - "$work/times.txt" "$size" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1])]
codes = {r[0] for r in rows}
times = sorted(float(r[1]) for r in rows)
assert codes == {"200"}, f"the page did not answer 200: {codes}"
print(f"{sys.argv[2]}: the round's page, {len(times)} requests: median {statistics.median(times)*1000:.0f} ms, "
      f"slowest {times[-1]*1000:.0f} ms, {int(rows[0][2])//1024} KiB")
PY
grep -c '<th scope="row">Member ' "$work/page.html" | sed 's/^/organisations on the heatmap: /'
