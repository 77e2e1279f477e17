#!/usr/bin/env bash
# Wrong sign-ins against the pages everyone else uses: a release build of `s11 serve --example`
# on loopback, GET / timed on its own, then again while 32 clients, each from its own loopback
# address (127.0.0.2 to 127.0.0.33), send wrong passwords for the example's coordinator as fast
# as they are answered (half of them) or for e-mail addresses with no account (the other half).
#
#   bash Benchmarks/sign-in-flood.sh [SECONDS]      (default 20)
#
# Prints GET /'s median and 99th percentile both ways, and how the wrong sign-ins were answered
# (401 checked and wrong, 429 told to wait or turned away unchecked).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-20}
swift build -c release --product s11 >/dev/null
s11=$PWD/.build/release/s11
work=$(mktemp -d)
port=$((20000 + RANDOM % 20000))
cd "$work"
"$s11" serve --example --port "$port" > serve.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do grep -q "s11 is serving" serve.log 2>/dev/null && break; sleep 0.2; done
python3 - "$port" "$seconds" <<'PY'
import http.client, statistics, sys, threading, time
port, seconds = int(sys.argv[1]), float(sys.argv[2])

def page_times(duration):
    times, end = [], time.time() + duration
    while time.time() < end:
        c = http.client.HTTPConnection('127.0.0.1', port, timeout=30)
        t = time.perf_counter(); c.request('GET', '/'); c.getresponse().read(); times.append(time.perf_counter() - t)
        c.close(); time.sleep(0.02)
    times.sort()
    return statistics.median(times) * 1000, times[int(len(times) * 0.99) - 1] * 1000, len(times)

quiet = page_times(min(seconds, 10))
statuses, stop = {}, threading.Event()
lock = threading.Lock()
csrf = 'c' * 43
def guess(index):
    email = 'coordinator%40riverside.example' if index % 2 == 0 else f'nobody{index}%40riverside.example'
    body = f'csrf={csrf}&email={email}&password=wrong+password+{index}'
    while not stop.is_set():
        c = http.client.HTTPConnection('127.0.0.1', port, timeout=60, source_address=(f'127.0.0.{index + 2}', 0))
        c.request('POST', '/admin/login', body, {'Cookie': f's11_csrf={csrf}', 'Content-Type': 'application/x-www-form-urlencoded'})
        status = c.getresponse().status; c.close()
        with lock: statuses[status] = statuses.get(status, 0) + 1
threads = [threading.Thread(target=guess, args=(i,)) for i in range(32)]
for t in threads: t.start()
time.sleep(1)
flooded = page_times(seconds)
stop.set()
for t in threads: t.join()
print(f'GET / alone:                    median {quiet[0]:.1f} ms, p99 {quiet[1]:.1f} ms ({quiet[2]} requests)')
print(f'GET / with 32 wrong sign-ins:   median {flooded[0]:.1f} ms, p99 {flooded[1]:.1f} ms ({flooded[2]} requests)')
print('wrong sign-ins answered:', ', '.join(f'{n} x {s}' for s, n in sorted(statuses.items())))
PY
