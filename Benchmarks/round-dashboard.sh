#!/usr/bin/env bash
# The board's round page at scale: s11-bench builds a round of SIZE's organisations (county: 300,
# national: 3,000), every one submitted to the board, into a store; a board user signs in to a
# release `s11 serve` on it, and curl times the round's page (stages, the first hundred of the
# heatmap, spreads, themes)
# over loopback, page after page, each a whole request.
#
#   bash Benchmarks/round-dashboard.sh [county|national] [REQUESTS]     (defaults: county, 20)
#
# On the embedded SQLite default; with S11_BENCH_DATABASE_URL=postgres://... in a new schema there.
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-county}
requests=${2:-20}
swift build -c release --product s11 >/dev/null
swift build -c release --product s11-bench >/dev/null
s11=$PWD/.build/release/s11
bench=$PWD/.build/release/s11-bench
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
db_url=${S11_BENCH_DATABASE_URL:-}
if [ -z "$db_url" ]; then
  store=$work/bench.sqlite
else
  case "$db_url" in *\?*) store="$db_url&schema=round_$RANDOM$RANDOM" ;; *) store="$db_url?schema=round_$RANDOM$RANDOM" ;; esac
fi
trap 'kill $server 2>/dev/null || true; rm -rf "$work"' EXIT
server=
"$bench" "$size" --phases round --db "$store" | tee "$work/bench.txt"
round=$(awk '/kept in/ {print $2}' "$work/bench.txt")
password="correct horse battery staple"
echo "$password" | "$s11" admin create --email board@bench.example --board "Bench Safeguarding Partnership" --db "$store" > /dev/null
"$s11" serve --db "$store" --port "$port" > "$work/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 150); do grep -q "s11 is serving" "$work/serve.log" 2>/dev/null && break; sleep 0.2; done
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
