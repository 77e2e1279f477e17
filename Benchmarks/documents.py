#!/usr/bin/env python3
"""Evidence documents, measured on a release build of s11 beside sqlite3 doing the same storing.

    swift build -c release --product s11
    python3 Benchmarks/documents.py [--s11 .build/release/s11] [--clamd-socket PATH] [--postgres URL] [--gigabytes 1]

1. Ten 20 MB uploads at once to `s11 serve` (the example council, the officer yet to return, one
   answer), then the ten downloaded at once and checked byte for byte: wall time and the server's
   peak resident memory (VmHWM) before and after. Anchor: sqlite3 storing the same ten files as
   blobs (readfile) and writing them out again (writefile), one after another.
2. A return with 1,000 documents, imported as one ZIP (`s11 responses import`), its documents page
   read through the officer's link, and the audit's evidence bundle (`s11 evidence export`).
3. An audit with GIGABYTES of documents (returns of nine 20 MB files each, imported as ZIPs): `s11
   backup` and `s11 migrate-store` (into a new SQLite file, and into PostgreSQL with --postgres),
   wall time and peak memory from /usr/bin/time. Anchor: sqlite3's own `.backup` of the same file.

Without --clamd-socket the server and the imports run with --no-scan (s11's own cost alone).
"""
import argparse
import concurrent.futures
import hashlib
import http.cookiejar
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
import zipfile

MB = 1_000_000
FILE_SIZE = 20 * MB - 1_000          # just under the 20 MB a document may be


def pdf_bytes(seed, size):
    """A PDF-headed file of `size` bytes that no other seed's shares (so none is kept once for two)."""
    head = b"%PDF-1.4\n% s11 benchmark " + str(seed).encode() + b"\n"
    body = hashlib.sha256(str(seed).encode()).digest() * ((size - len(head)) // 32 + 1)
    return head + body[: size - len(head)]


def random_pdf(size):
    head = b"%PDF-1.4\n"
    return head + os.urandom(size - len(head))


def peak_kib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def timed(command, cwd):
    """Runs `command` under /usr/bin/time -v; its wall seconds and peak RSS in MiB."""
    start = time.monotonic()
    result = subprocess.run(["/usr/bin/time", "-v"] + command, cwd=cwd, capture_output=True, text=True)
    wall = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"error: {' '.join(command)} exited {result.returncode}: {result.stderr[-2000:]}")
    rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr).group(1))
    return wall, rss / 1024, result.stdout


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Officer:
    """A browser at one officer's link: the cookie, and the documents page's form token."""

    def __init__(self, link):
        self.link = link
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def get(self, path):
        with self.opener.open(self.link + path) as response:
            return response.read()

    def documents_page(self, question):
        page = self.get(f"/documents?question={question}").decode()
        return page, re.search(r'name="csrf" value="([^"]+)"', page).group(1)

    def upload(self, question, csrf, name, data):
        boundary = "s11bench" + hashlib.sha256(name.encode()).hexdigest()[:16]
        body = (f'--{boundary}\r\nContent-Disposition: form-data; name="csrf"\r\n\r\n{csrf}\r\n'
                f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="{name}"\r\n'
                f'Content-Type: application/pdf\r\n\r\n').encode() + data + f"\r\n--{boundary}--\r\n".encode()
        request = urllib.request.Request(f"{self.link}/documents?question={question}", data=body, method="POST",
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        with self.opener.open(request) as response:
            response.read()
            return response.status


def serve(s11, work, port, scan):
    log = open(os.path.join(work, "serve.log"), "w")
    server = subprocess.Popen([s11, "serve", "--example", "--port", str(port)] + scan, cwd=work, stdout=log, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        text = open(os.path.join(work, "serve.log")).read()
        if "Ctrl-C stops it." in text:
            link = re.search(r"who has not returned yet: (\S+)", text).group(1)
            return server, link
        if server.poll() is not None:
            sys.exit(f"error: s11 serve stopped: {text[-2000:]}")
        time.sleep(0.2)
    sys.exit("error: s11 serve did not start within two minutes")


def stop(server):
    server.terminate()
    server.wait()


def first_question(s11, work):
    """The first question the example's officer yet to return (Samuel Adeyemi) answers, from his template."""
    template = subprocess.run([s11, "responses", "template", "--officer", "samuel.adeyemi@riverside.example",
                               "--db", os.path.join(work, "s11-example", "s11.sqlite")], cwd=work, check=True, capture_output=True, text=True)
    return re.search(r'<answer question="([^"]+)"', template.stdout).group(1)


def uploads_and_downloads(s11, work, scan):
    print("## 1. Ten 20 MB uploads at once, then the ten downloads at once\n")
    port = free_port()
    server, link = serve(s11, work, port, scan)
    try:
        officer = Officer(link)
        question = first_question(s11, work)
        _, csrf = officer.documents_page(question)
        files = {f"evidence-{n}.pdf": pdf_bytes(n, FILE_SIZE) for n in range(10)}
        before = peak_kib(server.pid)
        start = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(10) as pool:
            statuses = list(pool.map(lambda item: officer.upload(question, csrf, item[0], item[1]), files.items()))
        upload_wall = time.monotonic() - start
        after_up = peak_kib(server.pid)
        page, _ = officer.documents_page(question)
        links = dict((name, href) for href, name in re.findall(r'<a href="(/r/[^"]+/documents/\d+)" download>([^<]+)</a>', page))
        if sorted(links) != sorted(files) or any(status != 200 for status in statuses):
            sys.exit(f"error: the uploads were not all kept: {statuses}, {sorted(links)}")
        prefix = urllib.parse.urlparse(link).path
        start = time.monotonic()
        with concurrent.futures.ThreadPoolExecutor(10) as pool:
            read = dict(zip(links, pool.map(lambda href: officer.get(href[len(prefix):]), links.values())))
        download_wall = time.monotonic() - start
        after_down = peak_kib(server.pid)
        if any(read[name] != files[name] for name in files):
            sys.exit("error: a download differs from its upload")
    finally:
        stop(server)
    anchor = os.path.join(work, "anchor")
    os.makedirs(anchor)
    for name, data in files.items():
        with open(os.path.join(anchor, name), "wb") as out:
            out.write(data)
    inserts = "CREATE TABLE f(name TEXT, b BLOB);" + "".join(f"INSERT INTO f VALUES('{n}', readfile('{n}'));" for n in files)
    start = time.monotonic()
    subprocess.run(["sqlite3", "anchor.sqlite", inserts], cwd=anchor, check=True)
    anchor_in = time.monotonic() - start
    start = time.monotonic()
    subprocess.run(["sqlite3", "anchor.sqlite", "SELECT writefile('out-' || name, b) FROM f;"], cwd=anchor, check=True, capture_output=True)
    anchor_out = time.monotonic() - start
    total = sum(len(data) for data in files.values()) / MB
    print("| step | wall time | throughput | server peak RSS (VmHWM) | sqlite3, same bytes | ratio |")
    print("|---|---|---|---|---|---|")
    print(f"| ten uploads at once ({total:.0f} MB) | {upload_wall:.2f} s | {total / upload_wall:.0f} MB/s | "
          f"{before / 1024:.0f} MiB before, {after_up / 1024:.0f} MiB after | {anchor_in:.2f} s (readfile) | {upload_wall / anchor_in:.2f}x |")
    print(f"| ten downloads at once ({total:.0f} MB) | {download_wall:.2f} s | {total / download_wall:.0f} MB/s | "
          f"{after_down / 1024:.0f} MiB after | {anchor_out:.2f} s (writefile) | {download_wall / anchor_out:.2f}x |\n")
    shutil.rmtree(anchor)


def return_zip(work, name, officer_file, documents):
    """A ZIP of the officer's example return naming `documents` (name -> bytes) on its first answer."""
    text = open(officer_file).read()
    named = "<documents>" + "".join(f'<document file="evidence/{n}"/>' for n in documents) + "</documents>"
    text = text.replace("</answer>", named + "</answer>", 1)
    path = os.path.join(work, name)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as archive:
        archive.writestr(os.path.basename(officer_file), text)
        for n, data in documents.items():
            archive.writestr(f"evidence/{n}", data)
    return path


def thousand_documents(s11, work, scan):
    print("## 2. A return with 1,000 documents\n")
    db = os.path.join(work, "s11-example", "s11.sqlite")
    template = os.path.join(work, "samuel-adeyemi.xml")
    subprocess.run([s11, "responses", "template", "--officer", "samuel.adeyemi@riverside.example", "--db", db, "--out", template],
                   cwd=work, check=True, capture_output=True)
    question = re.search(r'<answer question="([^"]+)"', open(template).read()).group(1)
    documents = {f"minute-{n:04}.pdf": pdf_bytes(10_000 + n, 20_000) for n in range(1000)}
    archive = return_zip(work, "thousand.zip", template, documents)
    wall, rss, _ = timed([s11, "responses", "import", archive, "--db", db] + scan, work)
    print("| step | wall time | peak RSS |")
    print("|---|---|---|")
    print(f"| import the return and its 1,000 documents (20 MB, one ZIP) | {wall:.2f} s | {rss:.0f} MiB |")
    wall, rss, _ = timed([s11, "evidence", "export", "--db", db, "--out", os.path.join(work, "bundle.zip")], work)
    with zipfile.ZipFile(os.path.join(work, "bundle.zip")) as bundle:
        count = len([n for n in bundle.namelist() if n.endswith(".pdf")])
    if count != 1000:
        sys.exit(f"error: the bundle holds {count} documents, not 1,000")
    print(f"| `s11 evidence export`: the bundle of the 1,000 | {wall:.2f} s | {rss:.0f} MiB |")
    port = free_port()
    server = subprocess.Popen([s11, "serve", "--db", db, "--port", str(port)] + scan, cwd=work,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        invitation = open(os.path.join(work, "s11-example", "invitations", "samuel.adeyemi_riverside.example.eml")).read()
        token = re.search(r"/r/([A-Za-z0-9_-]+)", invitation).group(1)
        officer = Officer(f"http://127.0.0.1:{port}/r/{token}")
        deadline = time.monotonic() + 60
        while True:
            try:
                page, _ = officer.documents_page(question)
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)
        if page.count(" download>") != 1000:
            sys.exit(f"error: the documents page lists {page.count(' download>')} documents, not 1,000")
        timings = []
        for _ in range(7):
            start = time.monotonic()
            officer.documents_page(question)
            timings.append(time.monotonic() - start)
        timings.sort()
        print(f"| the answer's documents page, 1,000 listed (median of 7) | {timings[3] * 1000:.0f} ms | {peak_kib(server.pid) / 1024:.0f} MiB (the server) |")
    finally:
        stop(server)
    print()


def gigabyte(s11, work, scan, examples, gigabytes, postgres):
    print(f"## 3. An audit with {gigabytes:g} GB of documents: backup and migrate-store\n")
    db = os.path.join(work, "s11-example", "s11.sqlite")
    returns = sorted(f for f in os.listdir(os.path.join(examples, "returns")) if f.endswith(".xml"))
    wanted = int(gigabytes * 1000 * MB)
    stored = 0
    import_wall = 0.0
    import_rss = 0.0
    for n, name in enumerate(returns):
        if stored >= wanted:
            break
        count = min(9, (wanted - stored + FILE_SIZE - 1) // FILE_SIZE)
        documents = {f"scan-{n}-{k}.pdf": random_pdf(FILE_SIZE) for k in range(count)}
        archive = return_zip(work, f"big-{n}.zip", os.path.join(examples, "returns", name), documents)
        wall, rss, _ = timed([s11, "responses", "import", archive, "--db", db] + scan, work)
        import_wall += wall
        import_rss = max(import_rss, rss)
        stored += count * FILE_SIZE
        os.remove(archive)
    size = os.path.getsize(db) / MB
    print("| step | wall time | peak RSS | anchor: sqlite3 .backup of the same file | ratio |")
    print("|---|---|---|---|---|")
    print(f"| import {stored / MB:.0f} MB of documents (ZIPs of nine 20 MB files a return) | {import_wall:.1f} s | {import_rss:.0f} MiB | | |")
    start = time.monotonic()
    subprocess.run(["sqlite3", db, f".backup {os.path.join(work, 'anchor.sqlite')}"], check=True)
    anchor = time.monotonic() - start
    os.remove(os.path.join(work, "anchor.sqlite"))
    wall, rss, _ = timed([s11, "backup", "--db", db, "--out", os.path.join(work, "backup.sqlite")], work)
    print(f"| `s11 backup` ({size:.0f} MB file) | {wall:.1f} s | {rss:.0f} MiB | {anchor:.1f} s | {wall / anchor:.2f}x |")
    os.remove(os.path.join(work, "backup.sqlite"))
    wall, rss, _ = timed([s11, "migrate-store", "--from", db, "--to", os.path.join(work, "moved.sqlite")], work)
    print(f"| `s11 migrate-store` into a new SQLite file | {wall:.1f} s | {rss:.0f} MiB | {anchor:.1f} s | {wall / anchor:.2f}x |")
    os.remove(os.path.join(work, "moved.sqlite"))
    if postgres:
        schema = f"docbench{os.getpid()}"
        url = postgres + ("&" if "?" in postgres else "?") + f"schema={schema}"
        try:
            wall, rss, _ = timed([s11, "migrate-store", "--from", db, "--to", url], work)
            print(f"| `s11 migrate-store` into PostgreSQL | {wall:.1f} s | {rss:.0f} MiB | {anchor:.1f} s | {wall / anchor:.2f}x |")
        finally:
            subprocess.run(["psql", postgres.split("?")[0], "-XAtq", "-c", f"DROP SCHEMA IF EXISTS {schema} CASCADE"], capture_output=True)
    print()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--s11", default=".build/release/s11")
    parser.add_argument("--clamd-socket")
    parser.add_argument("--postgres")
    parser.add_argument("--gigabytes", type=float, default=1.0)
    parser.add_argument("--parts", default="1,2,3")
    arguments = parser.parse_args()
    s11 = os.path.abspath(arguments.s11)
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
    examples = os.path.join(root, "Examples")
    scan = ["--clamd-socket", arguments.clamd_socket] if arguments.clamd_socket else ["--no-scan"]
    work = tempfile.mkdtemp(prefix="s11-documents-bench-")
    try:
        parts = arguments.parts.split(",")
        print(f"s11: {s11}; {'scanned by clamd' if arguments.clamd_socket else '--no-scan'}\n")
        # Each part starts from the example council the server builds (./s11-example, afresh).
        if "1" in parts:
            uploads_and_downloads(s11, work, scan)
        if "2" in parts or "3" in parts:
            subprocess.run([s11, "example", "--out", "s11-example", "--content", root], cwd=work, check=True, capture_output=True)
        if "2" in parts:
            thousand_documents(s11, work, scan)
        if "3" in parts:
            gigabyte(s11, work, scan, examples, arguments.gigabytes, arguments.postgres)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
