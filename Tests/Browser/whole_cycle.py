"""A whole audit cycle as the coordinator, in Chromium, with no command-line step after
's11 admin create': open the audit, upload the officers, send the invitations (which reach a
real SMTP server), two officers answer through the links in the received mails, upload the staff
survey export, score, moderate, draft the plan, change an action's wording, sign off version 1.0,
and download the Word plan and the board XML. On the way: a return reopened with a reason the
officer is mailed, a staff export imported twice on purpose and taken out again, a colleague
invited, the plan drafted again. Then every page the links reach must answer, read its moments in
words and have the way back, and every download must open (XML against its schema, CSV, JSON).

    python3 whole_cycle.py BASE_URL EMAIL PASSWORD SMTP_FOLDER EXAMPLES_DIR OUT_DIR

Writes OUT_DIR/plan.docx and OUT_DIR/plan.xml and prints OK and the new action wording; any
failure raises (non-zero exit) with what was wrong.
"""
import csv
import email
import email.policy
import html.parser
import io
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import zipfile
from collections import deque

import xmlschema

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from officer_and_staff import answer_page, browser, click_and_wait_for_next_page  # noqa: E402
from accessibility import page_key  # noqa: E402

WORDING = "Hotel Watch scheme to continue, with the police and the licensing team"


AUTHOR = "Jo Bloggs, Safeguarding Lead"
REASON = "S3.2 says Fully met, but the training records show 60% completion. Please check and submit again."


def main_text(driver):
    return driver.find_element(By.TAG_NAME, "main").text


def fits_both_widths(driver, out, name):
    """The page never scrolls sideways, at 1280 px or a phone's 375; a screenshot of each width
    is kept as OUT/NAME-WIDTH.png."""
    for width in (1280, 375):
        driver.set_window_size(width, 900)
        wide, window = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert wide <= window, "%s scrolls sideways at %d px: %d wide" % (name, width, wide)
        driver.save_screenshot(os.path.join(out, "%s-%d.png" % (name, width)))
    driver.set_window_size(1200, 900)                                 # as browser() opens it


def press(driver, text):
    """Clicks the button whose text contains `text` and waits for the next page."""
    click_and_wait_for_next_page(driver, driver.find_element(By.XPATH, "//button[contains(., %r)]" % text))


def fill(driver, field_id, value):
    box = driver.find_element(By.ID, field_id)
    box.clear()
    box.send_keys(value)


def received(folder, count, timeout=60):
    """The messages the SMTP server received, parsed by Python's e-mail package, once there are `count`."""
    deadline = time.time() + timeout
    while True:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".eml"))
        if len(names) >= count or time.time() > deadline:
            break
        time.sleep(0.2)
    assert len(names) == count, "the SMTP server received %d messages, not %d" % (len(names), count)
    messages = []
    for name in names:
        with open(os.path.join(folder, name), "rb") as source:
            messages.append(email.message_from_binary_file(source, policy=email.policy.default))
    return messages


def download(driver, url, path):
    """Fetches a download with the browser's session, as the browser would save it."""
    cookies = "; ".join("%s=%s" % (c["name"], c["value"]) for c in driver.get_cookies())
    request = urllib.request.Request(url, headers={"Cookie": cookies})
    with urllib.request.urlopen(request) as response, open(path, "wb") as out:
        disposition = response.headers.get("Content-Disposition", "")
        assert disposition.startswith("attachment"), "not a download: " + url
        out.write(response.read())


def answer_return(link, option_index):
    """One officer, in a browser of their own, answers every page from their mail's link and submits."""
    driver = browser()
    try:
        driver.get(link)
        while "/s/" in driver.current_url:
            answer_page(driver, option_index=option_index, evidence="Safeguarding log and supervision notes")
        assert driver.current_url.endswith("/check"), "the return ended at " + driver.current_url
        press(driver, "Accept and submit")
        assert "Return submitted" in driver.find_element(By.TAG_NAME, "h1").text, main_text(driver)[:300]
    finally:
        driver.quit()


def cycle(base, user, password, smtp, examples, out):
    driver = browser()
    try:
        driver.get(base + "/admin/login")
        fill(driver, "email", user)
        fill(driver, "password", password)
        press(driver, "Sign in")
        assert driver.current_url.endswith("/admin"), "sign-in ended at " + driver.current_url

        # Open the year's audit.
        driver.find_element(By.LINK_TEXT, "Open an audit").click()
        fill(driver, "year", "2026")
        fill(driver, "deadline", "2026-12-18")
        fill(driver, "contact", "Jo Bloggs, safeguarding lead, 01234 567890")
        press(driver, "Open the audit")
        audit = driver.current_url.split("#")[0]
        assert "/admin/audits/" in audit and "2026 audit" in main_text(driver), audit

        # Upload the officers.
        driver.get(audit + "/officers")
        driver.find_element(By.ID, "file").send_keys(os.path.join(examples, "officers.csv"))
        press(driver, "Upload the list")
        assert "Imported officers.csv: 10 officers added" in main_text(driver), main_text(driver)[:500]

        # Read the invitation, then send them all.
        driver.get(audit + "/invitations")
        assert "(their-own-link)" in main_text(driver) and "18 December 2026" in main_text(driver)
        press(driver, "Send invitations to 10 officers")
        assert "Sent 10 invitations; the mail program accepted every one." in main_text(driver), main_text(driver)[:500]
        links = {}
        for message in received(smtp, 10):
            body = message.get_body(preferencelist=("plain",)).get_content()
            links[message["To"].addresses[0].addr_spec] = next(line for line in body.splitlines() if "/r/" in line).strip()
        assert all(link.startswith(base + "/r/") for link in links.values()), links

        # Two officers answer through the links in their mails: one with gaps, one mostly met.
        answer_return(links["priya.raman@riverside.example"], option_index=2)
        answer_return(links["tomasz.nowak@riverside.example"], option_index=1)
        driver.get(audit)
        assert "2 of 10 submitted" in main_text(driver), main_text(driver)[:3000]

        # The lead reopens one return, saying why; the officer is sent the reason with a link, and submits again.
        driver.find_element(By.CSS_SELECTOR, "a[href*='reopen?email=tomasz']").click()
        assert "Reopen Tomasz Nowak's return?" in main_text(driver), main_text(driver)[:500]
        press(driver, "Reopen the return and tell Tomasz Nowak")
        assert "Say why the return is reopened" in main_text(driver), "a reopen without a reason was taken"
        fill(driver, "reason", REASON)
        press(driver, "Reopen the return and tell Tomasz Nowak")
        assert "they have been sent your reason and a link" in main_text(driver), main_text(driver)[:500]
        told = [m for m in received(smtp, 11) if "open again" in m["Subject"]]
        assert len(told) == 1 and told[0]["To"].addresses[0].addr_spec == "tomasz.nowak@riverside.example", [m["Subject"] for m in told]
        body = told[0].get_body(preferencelist=("plain",)).get_content()
        assert REASON in body and user in body, body
        answer_return(next(line for line in body.splitlines() if "/r/" in line).strip(), option_index=1)
        driver.get(audit)
        assert "2 of 10 submitted" in main_text(driver), main_text(driver)[:3000]

        # The staff survey's export: uploaded, its columns checked, then imported.
        driver.get(audit + "/staff")
        driver.find_element(By.ID, "file").send_keys(os.path.join(examples, "staff", "surveymonkey-2026.csv"))
        press(driver, "Upload and check")
        assert "Check the columns before importing" in main_text(driver)
        press(driver, "Import the answers")
        assert "Imported 140 anonymous answer sets" in main_text(driver), main_text(driver)[:3000]
        # The same file again is asked about, imported on purpose, then that import is taken out again.
        driver.find_element(By.ID, "file").send_keys(os.path.join(examples, "staff", "surveymonkey-2026.csv"))
        press(driver, "Upload and check")
        assert "Imported before" in main_text(driver), main_text(driver)[:1500]
        driver.find_element(By.ID, "again").click()
        press(driver, "Import the answers")
        assert "Imported 140 anonymous answer sets" in main_text(driver) and "280 anonymous answer sets so far" in main_text(driver)
        driver.find_elements(By.PARTIAL_LINK_TEXT, "Take out")[-1].click()
        assert "cannot be undone" in main_text(driver), main_text(driver)[:800]
        press(driver, "Take the answers out")
        assert "Took out the 140 anonymous answer sets" in main_text(driver) and "140 anonymous answer sets so far" in main_text(driver)

        # Another coordinator for the organisation, invited by mail; the lead's own name, the plan's author.
        driver.get(base + "/admin/team")
        fill(driver, "new-name", "Sam Deputy")
        fill(driver, "new-email", "sam.deputy@riverside.example")
        press(driver, "Send the invitation")
        assert "Invited sam.deputy@riverside.example" in main_text(driver), main_text(driver)[:800]
        joined = [m for m in received(smtp, 12) if m["To"].addresses[0].addr_spec == "sam.deputy@riverside.example"]
        assert len(joined) == 1 and "/admin/welcome/" in joined[0].get_body(preferencelist=("plain",)).get_content()
        fill(driver, "name", AUTHOR)
        press(driver, "Save your name")

        # Score and moderate one requirement.
        driver.get(audit + "/scorecard")
        assert "Staff confidence" in main_text(driver)
        driver.get(audit + "/moderation")
        # The first gap an officer answered, on a page of its own with the answers beside the form.
        driver.find_element(By.XPATH, "//tr[td[1][not(contains(., 'unrated'))]]//a[contains(@href, '/moderation/item')]").click()
        assert "The answers" in main_text(driver) and "Safeguarding log and supervision notes" in main_text(driver), main_text(driver)[:3000]
        Select(driver.find_element(By.NAME, "rating")).select_by_value("red")
        driver.find_element(By.NAME, "reason").send_keys("Challenge event: no evidence of board attendance")
        press(driver, "Save the moderation")
        assert "Saved the moderation of" in main_text(driver), main_text(driver)[:500]
        assert "Challenge event: no evidence of board attendance" in main_text(driver)

        # Draft the plan, change an action's wording, sign off version 1.0.
        driver.get(audit + "/plan")
        press(driver, "Draft the plan")
        assert "Drafted the plan: 20 objectives" in main_text(driver), main_text(driver)[:800]
        # Drafted again with fewer objectives, after the question that says what is lost.
        driver.find_element(By.LINK_TEXT, "Draft the plan again").click()
        assert "replaces version 0.1" in main_text(driver), main_text(driver)[:800]
        driver.find_element(By.TAG_NAME, "summary").click()
        fill(driver, "most", "15")
        press(driver, "Draft it again and replace version 0.1")
        assert "Drafted the plan again: 15 objectives" in main_text(driver), main_text(driver)[:800]
        driver.find_element(By.CSS_SELECTOR, "table a[href*='/plan/actions/']").click()      # one action at a time
        fill(driver, "input", WORDING)
        fill(driver, "timescale", "Quarterly meetings")
        press(driver, "Save the changes")
        assert WORDING in main_text(driver), "the new wording is not on the plan"
        driver.find_element(By.ID, "major-yes").click()
        fill(driver, "note", "Signed off by cabinet")
        press(driver, "Sign off the version")
        assert "The plan is now version 1.0." in main_text(driver), main_text(driver)[:500]

        # The year's changes: the page, and its CSV holding each kind the lead's year made (their sign-in too), none of the staff survey's.
        driver.get(audit)
        driver.find_element(By.LINK_TEXT, "Changes").click()
        assert "Every change to this audit's" in main_text(driver), main_text(driver)[:500]
        status, _, body = fetch(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Download them as CSV").get_attribute("href"))
        assert status == 200, status
        rows = list(csv.DictReader(io.StringIO(body.decode("utf-8"))))
        kinds = {row["what"] for row in rows}
        assert {"officer", "invitation", "answer", "evidence", "return", "moderation", "plan", "account"} <= kinds, kinds
        assert any(row["what"] == "officer" and row["who"] == user + ", from officers.csv" for row in rows)
        assert any(row["what"] == "return" and row["who"] == user and row["new"] == "in progress" for row in rows), "the reopen is not there"
        assert any(row["what"] == "moderation" and row["who"] == user and "no evidence of board attendance" in row["new"] for row in rows)
        assert any(row["what"] == "plan" and row["new"] == WORDING for row in rows), "the plan's new wording is not there"
        assert not any("surveymonkey" in " ".join(row.values()).lower() or row["what"] == "staff" for row in rows), "the staff survey is in the trail"

        # Download the Word plan and the board XML.
        driver.get(audit + "/downloads")
        for name, saved in (("plan-2026.docx", "plan.docx"), ("plan-2026.xml", "plan.xml")):
            href = driver.find_element(By.CSS_SELECTOR, "a[href$='/downloads/%s']" % name).get_attribute("href")
            download(driver, href, os.path.join(out, saved))
        the_year_holds_together(driver, base, audit, os.path.join(os.path.dirname(os.path.abspath(examples)), "Sources", "S11XML", "Schemas"), out)
    finally:
        driver.quit()


RAW_MOMENT = re.compile(r"\b\d{4}-\d{2}-\d{2}T\d{2}:\d{2}")


class PageText(html.parser.HTMLParser):
    """A page's text as a person reads it (not its scripts, styles or attributes) and its links."""

    def __init__(self):
        super().__init__()
        self.text, self.links, self._skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1
        if tag == "a" and dict(attrs).get("href"):
            self.links.append(dict(attrs)["href"])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.text.append(data)


def fetch(driver, url):
    """The status, headers and body of a GET with the browser's session."""
    cookies = "; ".join("%s=%s" % (c["name"], c["value"]) for c in driver.get_cookies())
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers={"Cookie": cookies}), timeout=60) as response:
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def the_year_holds_together(driver, base, audit, schemas, out):
    """Every page the lead's links reach answers, reads its moments in words and, about an audit,
    has the way back to its task list; every download opens as what it says it is."""
    audit_path = urllib.parse.urlsplit(audit).path
    queue, seen, downloads, problems = deque([base + "/admin"]), {page_key(base + "/admin")}, set(), []
    while queue:
        url = queue.popleft()
        status, headers, body = fetch(driver, url)
        path = urllib.parse.urlsplit(url).path
        if status != 200:
            problems.append("%s answered %d" % (url, status))
            continue
        if headers.get("Content-Disposition", "").startswith("attachment"):
            downloads.add(url)
            continue
        page = PageText()
        page.feed(body.decode("utf-8"))
        text = " ".join(page.text)
        if RAW_MOMENT.search(text):
            problems.append("%s shows a raw timestamp: %s" % (url, RAW_MOMENT.search(text).group(0)))
        if path.startswith(audit_path + "/") and audit_path not in [urllib.parse.urlsplit(link).path for link in page.links]:
            problems.append("%s has no way back to the audit's task list" % url)
        for href in page.links:
            link = urllib.parse.urldefrag(urllib.parse.urljoin(url, href))[0]
            parts = urllib.parse.urlsplit(link)
            if not parts.path.startswith("/admin") or parts.path in ("/admin/logout", "/admin/login"):
                continue
            if "/downloads/" in parts.path:
                downloads.add(link)
            elif page_key(link) not in seen and len(seen) < 120:
                seen.add(page_key(link))
                queue.append(link)
    assert not problems, "\n".join(problems)
    assert len(downloads) >= 8, downloads
    for link in sorted(downloads):
        name = urllib.parse.urlsplit(link).path.rsplit("/", 1)[-1]
        status, headers, body = fetch(driver, link)
        assert status == 200 and headers.get("Content-Disposition", "").startswith("attachment"), (link, status)
        saved = os.path.join(out, "year-" + name)
        with open(saved, "wb") as file:
            file.write(body)
        if name.endswith(".xml"):
            schema = "poam.xsd" if name.endswith("-poam.xml") else "plan.xsd"          # the board XML, however its link names it
            xmlschema.validate(saved, os.path.join(schemas, schema))
        elif name.endswith(".csv"):
            rows = list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))
            assert len(rows) >= 2 and all(len(row) == len(rows[0]) for row in rows), name
        elif name.endswith(".json"):
            json.loads(body)
        elif name.endswith(".docx"):
            with zipfile.ZipFile(saved) as docx:
                assert "word/document.xml" in docx.namelist(), name
        elif name.endswith(".html"):
            PageText().feed(body.decode("utf-8"))
            assert b"</html>" in body, name
        elif name.endswith(".zip"):                                                   # the evidence bundle
            with zipfile.ZipFile(saved) as bundle:
                assert "index.csv" in bundle.namelist() and bundle.testzip() is None, name
                index = list(csv.reader(io.StringIO(bundle.read("index.csv").decode("utf-8"))))
                assert index[0] == ["file", "requirement", "service_area", "uploaded", "sha256"], index[0]
                assert all(row[0] in bundle.namelist() for row in index[1:]), index
    print("     (the year: %d pages, %d downloads checked)" % (len(seen), len(downloads)))


if __name__ == "__main__":
    cycle(*sys.argv[1:7])
    print("OK " + WORDING)
