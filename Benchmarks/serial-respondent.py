"""One respondent at a time, each on new connections, as LimeSurvey's figure is taken: GET the staff
survey page as a new visitor (its CSRF token in the form and its cookie), then POST the answers
with that token; time each GET + POST pair. Prints the percentiles and how many were answered
303 (acknowledged). Run by `bash Benchmarks/web-load.sh SECONDS 1 serial`.

    python3 serial-respondent.py URL BODY_FILE SECONDS
"""
import http.client
import re
import statistics
import sys
import time
import urllib.parse

url, body_file, seconds = sys.argv[1], sys.argv[2], float(sys.argv[3])
parts = urllib.parse.urlsplit(url)
answers = re.sub(r"^csrf=[^&]*", "", open(body_file).read())
timings, acknowledged, refused = [], 0, 0
deadline = time.perf_counter() + seconds
while time.perf_counter() < deadline:
    started = time.perf_counter()
    connection = http.client.HTTPConnection(parts.hostname, parts.port)
    connection.request("GET", parts.path)
    page = connection.getresponse()
    html = page.read().decode()
    connection.close()
    token = re.search(r'name="csrf" value="([^"]+)"', html).group(1)
    connection = http.client.HTTPConnection(parts.hostname, parts.port)
    connection.request("POST", parts.path, body="csrf=" + token + answers,
                       headers={"Content-Type": "application/x-www-form-urlencoded", "Cookie": "s11_csrf=" + token})
    answer = connection.getresponse()
    answer.read()
    connection.close()
    timings.append(time.perf_counter() - started)
    if page.status == 200 and answer.status == 303:
        acknowledged += 1
    else:
        refused += 1
timings.sort()
percentile = lambda p: timings[min(len(timings) - 1, int(p / 100 * len(timings)))] * 1000
print(f"respondents {len(timings)} serial, each GET + POST on new connections: "
      f"p50 {percentile(50):.2f} ms, p90 {percentile(90):.2f} ms, p99 {percentile(99):.2f} ms, max {timings[-1] * 1000:.2f} ms")
print(f"acknowledged {acknowledged}")
print(f"refused {refused}")
