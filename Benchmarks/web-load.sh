#!/usr/bin/env bash
# The web load benchmark: staff-survey submissions to a release build of `s11 serve` over loopback,
# driven by wrk (Debian's `wrk` package), then a count of what the database holds.
#
#   bash Benchmarks/web-load.sh [SECONDS] [CONNECTIONS] [post|respondent|serial]    (defaults: 30 s, 16, post)
#
# `post` sends the same prepared answers again and again; `respondent` is the whole respondent:
# a GET of the page (a new CSRF token each time), then the POST with that token; `serial` is
# one whole respondent at a time on new connections, timed GET + POST (Benchmarks/serial-respondent.py;
# CONNECTIONS is not used).
#
# On the embedded SQLite default; with S11_BENCH_DATABASE_URL=postgres://... the example council
# is moved (s11 migrate-store) into a new schema on that PostgreSQL database and served from it;
# the schema is dropped when the run ends.
#
# With S11_BENCH_BUILD=DIR it runs DIR/.build/release/s11 as it is built (another checkout, or a
# git worktree of an older commit) instead of building this checkout's; Benchmarks/compare-builds.sh
# uses it to run two builds side by side with the same drivers.
#
# Prints wrk's figures (throughput, latency percentiles) and checks that every submission the
# server acknowledged (303 See Other) is stored. Exits 1 when one is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
connections=${2:-16}
mode=${3:-post}
command -v wrk >/dev/null || { echo "error: wrk is missing; install it with 'apt-get install -y wrk'" >&2; exit 1; }
if [ -n "${S11_BENCH_BUILD:-}" ]; then
  s11=$(cd "$S11_BENCH_BUILD" && pwd)/.build/release/s11
  [ -x "$s11" ] || { echo "error: $s11 is not built; run 'swift build -c release --product s11' in $S11_BENCH_BUILD" >&2; exit 1; }
else
  swift build -c release --product s11 >/dev/null
  s11=$PWD/.build/release/s11
fi
case "$mode" in
  post) driver=$PWD/Benchmarks/staff-post.lua ;;
  respondent) driver=$PWD/Benchmarks/staff-respondent.lua ;;
  serial) driver=$PWD/Benchmarks/serial-respondent.py ;;
  *) echo "error: the mode is post, respondent or serial, not '$mode'" >&2; exit 1 ;;
esac
work=$(mktemp -d)
# A port below Linux's ephemeral ones (32768 and up): the clients' closed connections hold those
# for a minute, and the server could not listen on one.
port=$((20000 + RANDOM % 12768))
cd "$work"
db_url=${S11_BENCH_DATABASE_URL:-}
schema=
server=
# On exit: the server stopped (and waited for, so that its connections are closed), the schema
# dropped, the folder removed.
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  if [ -n "$schema" ]; then psql "${db_url%%\?*}" -XAtq -c "DROP SCHEMA IF EXISTS $schema CASCADE" >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
if [ -z "$db_url" ]; then
  "$s11" serve --example --port "$port" > serve.log 2>&1 &
  server=$!
  links=serve.log
  count() { python3 -c "import sqlite3; print(sqlite3.connect('s11-example/s11.sqlite').execute('SELECT COUNT(*) FROM staffAnswerSet').fetchone()[0])"; }
else
  schema=bench_$RANDOM$RANDOM
  case "$db_url" in *\?*) store="$db_url&schema=$schema" ;; *) store="$db_url?schema=$schema" ;; esac
  "$s11" example --out s11-example > example.log
  "$s11" migrate-store --from s11-example/s11.sqlite --to "$store" > /dev/null
  "$s11" serve --db "$store" --port "$port" > serve.log 2>&1 &
  server=$!
  # The example's links, at the server's port (in a file of their own: appended to serve.log they
  # could be overwritten by the server's own first lines).
  sed "s/127.0.0.1:8080/127.0.0.1:$port/" example.log > links.txt
  links=links.txt
  count() { psql "${db_url%%\?*}" -XAtq -c "SET search_path TO $schema" -c "SELECT COUNT(*) FROM staffAnswerSet"; }
fi
for _ in $(seq 1 100); do grep -q "Server started" serve.log 2>/dev/null && break; sleep 0.2; done
url=$(grep -o "http://127.0.0.1:$port/staff/[A-Za-z0-9_-]*" "$links" | head -1 || true)
[ -n "$url" ] && grep -q "Server started" serve.log || { cat serve.log >&2; echo "error: the server did not start" >&2; exit 1; }

# One real page: its CSRF cookie and form, answered with each question's first option.
curl -s -c jar.txt "$url" -o page.html
python3 - <<'PY'
import re, urllib.parse
html = open("page.html").read()
csrf = re.search(r'name="csrf" value="([^"]*)"', html).group(1)
fields = {}
for name, value in re.findall(r'name="((?:profile|answer)\.[^"]+)" value="([^"]*)"', html):
    fields.setdefault(name, value)
open("body.txt", "w").write(urllib.parse.urlencode([("csrf", csrf)] + list(fields.items())))
PY
csrf=$(awk '$6 == "s11_csrf" {print $7}' jar.txt)
before=$(count)

if [ "$mode" = serial ]; then
  python3 "$driver" "$url" body.txt "$seconds" | tee wrk.txt
else
  S11_BODY=body.txt S11_CSRF=$csrf wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$driver" "$url" | tee wrk.txt
fi
kill $server; wait $server 2>/dev/null || true
server=
after=$(count)
acknowledged=$(awk '/^acknowledged/ {print $2} /^pages/ {print $4}' wrk.txt)
stored=$((after - before))
echo "stored $stored answer sets; the server acknowledged $acknowledged (a request in flight when wrk stops may be stored without wrk seeing its answer)"
if [ "$stored" -lt "$acknowledged" ]; then echo "error: $((acknowledged - stored)) acknowledged submissions are missing" >&2; exit 1; fi
