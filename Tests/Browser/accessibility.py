"""Accessibility checks of s11 serve in real Chromium: axe-core's WCAG 2.2 A and AA rules on every kind of
page, and a keyboard-only walk through an officer's return.

    python3 accessibility.py BASE_URL COORDINATOR_EMAIL PASSWORD OFFICER_LINK STAFF_LINK AXE_JS

AXE_JS is axe.min.js (Tests/Browser/fetch_axe.sh puts it at ~/.cache/s11/axe.min.js). The pages checked:
the landing page, an unknown page and an unknown link; the officer's first section, empty and submitted
empty (the error summary), "save and come back later", check your answers and its errors; the staff
survey, its errors and its thanks; sign-in and a wrong password (once: more would be throttled); then,
signed in, every page under /admin that links reach from /admin (breadth first, forms never submitted,
downloads skipped, pages differing only in ids checked once), so that new coordinator pages are checked
without changing this script. After those, the officer's return is answered and submitted with the
keyboard alone (TAB, SPACE, arrows, typing, ENTER; never a click), checking that the focused radio and
button show where the focus is, and the submitted pages are checked too.

The officer must not have submitted yet, and the walk submits the return: use a store made for the run.
Prints each page with its number of violations and, for each violation, the rule, its impact, what it
asks and the first elements it found; prints OK and the number of pages when all is clean, else exits 1.
"""
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections import deque

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

sys.dont_write_bytecode = True                  # no __pycache__ in the checkout from the import below
from officer_and_staff import browser, click_and_wait_for_next_page  # noqa: E402

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
CRAWL_LIMIT = 60
DOWNLOAD_SUFFIXES = (".xml", ".docx", ".csv", ".json", ".pdf", ".zip", ".eml", ".txt")

RUN_AXE = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
  .then(result => done({
    violations: result.violations.map(v => ({
      id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
      targets: v.nodes.map(n => n.target.map(String).join(' ')),
      html: v.nodes.length ? v.nodes[0].html : '',
      summary: v.nodes.length ? (v.nodes[0].failureSummary || '') : ''})),
    incomplete: result.incomplete.map(v => v.id)}))
  .catch(error => done({error: String(error && error.stack || error)}));
"""


def checker_for(driver, axe_path):
    """A Checker on `driver` with axe-core read from `axe_path` (s11's CSP, which allows no
    scripts, set aside for it); None without a path."""
    if not axe_path:
        return None
    with open(axe_path, encoding="utf-8") as file:
        checker = Checker(driver, file.read())
    driver.set_script_timeout(120)
    driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})
    return checker


class Checker:
    """Runs axe on the page the browser shows and keeps what it found."""

    def __init__(self, driver, axe_source):
        self.driver = driver
        self.axe_source = axe_source
        self.pages = 0
        self.violations = 0

    def check(self, label):
        driver = self.driver
        assert driver.execute_script("return document.contentType") == "text/html", label + " is not an HTML page"
        if not driver.execute_script("return typeof window.axe === 'object'"):
            driver.execute_script(self.axe_source)
        result = driver.execute_async_script(RUN_AXE, WCAG_TAGS)
        if "error" in result:
            raise RuntimeError("axe failed on %s (%s): %s" % (label, driver.current_url, result["error"]))
        found = result["violations"]
        self.pages += 1
        self.violations += len(found)
        path = urllib.parse.urlsplit(driver.current_url).path
        print("%-3d violation%s  %s  %s" % (len(found), " " if len(found) == 1 else "s", label, shorten(path)), flush=True)
        for v in found:
            print("     %s (%s): %s  %s" % (v["id"], v["impact"], v["help"], v["helpUrl"]))
            for target in v["targets"][:3]:
                print("       at %s" % target)
            if len(v["targets"]) > 3:
                print("       and %d more" % (len(v["targets"]) - 3))
            print("       e.g. %s" % v["html"][:200])
            if v["summary"]:
                print("       " + v["summary"].replace("\n", "\n       ")[:600])
        if result["incomplete"]:
            print("     (for a person to review, axe could not decide: %s)" % ", ".join(sorted(set(result["incomplete"]))))


def shorten(path):
    """A link's path with its long token cut, for printing."""
    return re.sub(r"/(r|staff)/([^/]{8})[^/]+", r"/\1/\2…", path)


def load(driver, url):
    driver.get(url)
    WebDriverWait(driver, 30).until(lambda d: d.execute_script("return document.readyState") == "complete")


def submit(driver, css=None, xpath=None):
    button = driver.find_element(By.CSS_SELECTOR, css) if css else driver.find_element(By.XPATH, xpath)
    click_and_wait_for_next_page(driver, button)


def heading(driver):
    return driver.find_element(By.TAG_NAME, "h1").text


def has_error_summary(driver):
    return bool(driver.find_elements(By.CSS_SELECTOR, ".error-summary"))


# MARK: The pages

def public_pages(checker, base, officer_link, staff_link):
    driver = checker.driver
    load(driver, base + "/")
    checker.check("landing page")
    load(driver, base + "/no-such-page")
    checker.check("page not found")
    load(driver, base + "/r/not-a-real-link-0000000000000000")
    checker.check("unknown officer link")

    load(driver, officer_link)
    assert "/s/" in driver.current_url, \
        "the officer link opened %s, not a section: give the link of an officer who has not started" % driver.current_url
    checker.check("officer: first section")
    submit(driver, css="button[value=continue]")
    assert has_error_summary(driver), "continuing with nothing chosen showed no error summary"
    checker.check("officer: first section submitted empty")
    submit(driver, css="button[value=save]")
    checker.check("officer: saved to come back later")
    load(driver, officer_link.rstrip("/") + "/check")
    checker.check("officer: check your answers")
    submit(driver, xpath="//button[contains(., 'Accept and submit')]")
    assert has_error_summary(driver), "submitting an unanswered return showed no error summary"
    checker.check("officer: check your answers submitted unanswered")

    load(driver, staff_link)
    checker.check("staff survey")
    submit(driver, xpath="//form//button[@type='submit']")
    if has_error_summary(driver):
        checker.check("staff survey submitted empty")
    else:
        print("     (the staff survey accepted an empty submission: no error state to check)")
    if "/staff/" in driver.current_url and driver.find_elements(By.CSS_SELECTOR, "form input[type=radio]"):
        for fieldset in driver.find_elements(By.CSS_SELECTOR, "form fieldset:not(.improvement)"):
            driver.execute_script("arguments[0].click();", fieldset.find_element(By.CSS_SELECTOR, "input[type=radio]"))
        submit(driver, xpath="//form//button[@type='submit']")
    checker.check("staff survey: thanks")


def sign_in(checker, base, email, password):
    driver = checker.driver
    load(driver, base + "/admin")
    assert driver.find_elements(By.ID, "password"), "/admin did not ask to sign in: " + driver.current_url
    checker.check("sign in")

    def attempt(typed_password):
        box = driver.find_element(By.ID, "email")
        box.clear()
        box.send_keys(email)
        driver.find_element(By.ID, "password").send_keys(typed_password)
        submit(driver, xpath="//form[@action='/admin/login']//button[@type='submit']")

    attempt("not the password, typed once")               # once only: after 5 the account waits
    assert driver.find_elements(By.ID, "password"), "a wrong password signed in"
    checker.check("sign in with a wrong password")
    attempt(password)
    assert not driver.find_elements(By.ID, "password"), "could not sign in as " + email + ": " + heading(driver)


def page_key(url):
    """A page's path and query's names, with ids (numbers, UUIDs, tokens) generalised."""
    parts = urllib.parse.urlsplit(url)
    segments = []
    for segment in parts.path.rstrip("/").split("/"):
        if re.fullmatch(r"\d+", segment) or re.fullmatch(r"[0-9a-fA-F-]{32,36}", segment) \
                or re.fullmatch(r"[A-Z]\d+(\.\d+)*", segment) \
                or (len(segment) >= 16 and re.fullmatch(r"[A-Za-z0-9_-]+", segment) and re.search(r"\d", segment)):
            segment = "{id}"
        segments.append(segment)
    names = sorted(urllib.parse.parse_qs(parts.query, keep_blank_values=True))
    return "/".join(segments) + ("?" + "&".join(names) if names else "")


def content_type(driver, url):
    """The Content-Type a HEAD request with the browser's cookies gets (every s11 page answers HEAD)."""
    cookies = "; ".join("%s=%s" % (c["name"], c["value"]) for c in driver.get_cookies())
    request = urllib.request.Request(url, method="HEAD", headers={"Cookie": cookies})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.headers.get("Content-Type", "")
    except urllib.error.HTTPError as error:
        return error.headers.get("Content-Type", "") if error.code != 405 else "text/html"


def crawl(checker, base):
    """Every coordinator page reachable by links from /admin, breadth first."""
    driver = checker.driver
    origin = urllib.parse.urlsplit(base)[:2]
    start = base + "/admin"
    queue, seen, skipped = deque([start]), {page_key(start)}, []
    while queue:
        url = queue.popleft()
        kind = content_type(driver, url)
        if not kind.startswith("text/html"):
            skipped.append("%s (%s)" % (urllib.parse.urlsplit(url).path, kind or "no Content-Type"))
            continue
        load(driver, url)
        here = urllib.parse.urlsplit(driver.current_url)
        assert here.path != "/admin/login", "signed out while crawling, at " + url
        checker.check("coordinator: " + (heading(driver) if driver.find_elements(By.TAG_NAME, "h1") else "(no h1)"))
        for href in driver.execute_script("return Array.from(document.querySelectorAll('a[href]'), a => a.href)"):
            link = urllib.parse.urldefrag(href)[0]
            parts = urllib.parse.urlsplit(link)
            if parts[:2] != origin or not (parts.path == "/admin" or parts.path.startswith("/admin/")):
                continue
            lowered = parts.path.lower()
            if lowered in ("/admin/logout", "/admin/login"):
                continue
            key = page_key(link)
            if lowered.endswith(DOWNLOAD_SUFFIXES) or "/downloads/" in lowered or "export" in lowered:
                if key not in seen:
                    seen.add(key)
                    skipped.append(parts.path + " (a download, by its name)")
                continue
            if key not in seen and len(seen) < CRAWL_LIMIT:
                seen.add(key)
                queue.append(link)
    if skipped:
        print("     (not pages, so not checked: %s)" % ", ".join(skipped))


def form_states(checker, base):
    """The coordinator's pages that only a form reaches: error summaries, the staff export's check
    page, and a plan not yet drafted (on a new audit, opened here for it)."""
    driver = checker.driver
    examples = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Examples")
    load(driver, base + "/admin")
    audit = driver.find_element(By.CSS_SELECTOR, "a[href^='/admin/audits/']:not([href$='/new'])").get_attribute("href")
    load(driver, audit + "/officers")
    submit(driver, xpath="//button[contains(., 'Add the officer')]")
    assert has_error_summary(driver), "adding an empty officer showed no error summary"
    checker.check("coordinator: officers, with errors")
    load(driver, audit + "/staff")
    driver.find_element(By.ID, "file").send_keys(os.path.abspath(os.path.join(examples, "staff", "forms-export.csv")))
    submit(driver, xpath="//button[contains(., 'Upload and check')]")
    checker.check("coordinator: staff export, its columns to check")
    submit(driver, xpath="//button[contains(., 'Import the answers')]")
    assert has_error_summary(driver), "importing unmatched columns showed no error summary"
    checker.check("coordinator: staff export, with errors")
    submit(driver, xpath="//button[contains(., 'Cancel')]")
    # The same export again: asked about as imported before (then cancelled).
    driver.find_element(By.ID, "file").send_keys(os.path.abspath(os.path.join(examples, "staff", "surveymonkey-2026.csv")))
    submit(driver, xpath="//button[contains(., 'Upload and check')]")
    if "Imported before" in driver.find_element(By.TAG_NAME, "main").text:
        submit(driver, xpath="//button[contains(., 'Import the answers')]")
        assert has_error_summary(driver), "importing a file again without saying so showed no error summary"
        checker.check("coordinator: staff export imported before, with errors")
    submit(driver, xpath="//button[contains(., 'Cancel')]")
    # Questions only a form or a chosen value reaches: merging one action into another, removing one,
    # reopening without a reason, a moderation without one.
    load(driver, audit + "/plan/actions/A1.1/merge?into=A2.1")
    checker.check("coordinator: merge one action into another?")
    load(driver, audit + "/plan/actions/A1.1/remove")
    checker.check("coordinator: remove an action?")
    load(driver, audit + "/moderation/item?scope=requirement%3AS1.1")
    submit(driver, xpath="//button[contains(., 'Save the moderation')]")
    assert has_error_summary(driver), "a moderation without a band showed no error summary"
    checker.check("coordinator: a moderation, with errors")
    load(driver, audit)
    load(driver, driver.find_element(By.CSS_SELECTOR, "a[href*='/reopen?email=']").get_attribute("href"))
    submit(driver, xpath="//button[contains(., 'Reopen the return')]")
    assert has_error_summary(driver), "a reopening without a reason showed no error summary"
    checker.check("coordinator: reopening a return, with errors")
    load(driver, base + "/admin/team")
    submit(driver, xpath="//button[contains(., 'Send the invitation')]")
    assert has_error_summary(driver), "an invitation without an address showed no error summary"
    checker.check("coordinator: inviting a coordinator, with errors")
    load(driver, base + "/admin/audits/new")
    driver.find_element(By.ID, "year").clear()
    driver.find_element(By.ID, "year").send_keys("next year")
    submit(driver, xpath="//button[contains(., 'Open the audit')]")
    assert has_error_summary(driver), "a bad year showed no error summary"
    checker.check("coordinator: open an audit, with errors")
    driver.find_element(By.ID, "year").clear()
    driver.find_element(By.ID, "year").send_keys("2099")
    for radio in driver.find_elements(By.ID, "carry-no"):
        radio.click()
    submit(driver, xpath="//button[contains(., 'Open the audit')]")
    load(driver, driver.current_url.split("#")[0] + "/plan")
    checker.check("coordinator: a plan not drafted yet")


# MARK: The keyboard

def press(driver, *keys):
    ActionChains(driver).send_keys(*keys).perform()


def focused(driver):
    """What has the focus: tag, type, id, name, value, checked, text, and its outline and shadow."""
    return driver.execute_script("""
        const e = document.activeElement, s = getComputedStyle(e);
        return {tag: e.tagName.toLowerCase(), type: e.type || '', id: e.id || '', name: e.name || '',
                value: e.value || '', checked: !!e.checked, text: (e.innerText || '').trim(),
                outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor, shadow: s.boxShadow,
                outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth};""")


def unfocused_style(driver, element):
    return driver.execute_script("""
        const s = getComputedStyle(arguments[0]);
        return {outline: s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.outlineColor, shadow: s.boxShadow};""", element)


def shows_focus(now, before):
    """A visible outline, or an outline or shadow the element does not have unfocused."""
    outline = now["outlineStyle"] != "none" and now["outlineWidth"] not in ("0px", "")
    return outline or now["outline"] != before["outline"] or now["shadow"] != before["shadow"]


def tab_to(driver, wanted, what, limit=400):
    """Presses TAB until wanted(focused) holds; returns what has the focus then."""
    for _ in range(limit):
        press(driver, Keys.TAB)
        now = focused(driver)
        if wanted(now):
            return now
    raise AssertionError("%d presses of TAB never reached %s on %s" % (limit, what, driver.current_url))


def press_and_wait_for_next_page(driver, key):
    driver.execute_script("window.__s11OldPage = true;")
    press(driver, key)

    def next_page_loaded(driver):
        try:
            return driver.execute_script("return window.__s11OldPage === undefined && document.readyState === 'complete';")
        except WebDriverException:
            return False

    WebDriverWait(driver, 30).until(next_page_loaded)


def keyboard_section(driver, focus_seen):
    """Answers every question of the section on screen with the keyboard, then continues with ENTER."""
    groups = driver.execute_script("""
        return Array.from(new Set(Array.from(document.querySelectorAll('form input[type=radio]'), r => r.name)));""")
    assert groups, "no questions on " + driver.current_url
    radio_before = unfocused_style(driver, driver.find_element(By.CSS_SELECTOR, "form input[type=radio]"))
    continue_button = driver.find_element(By.CSS_SELECTOR, "button[value=continue]")
    continue_before = unfocused_style(driver, continue_button)
    answered = set()
    for _ in range(2000):
        press(driver, Keys.TAB)
        now = focused(driver)
        if now["tag"] == "input" and now["type"] == "radio" and now["name"] not in answered:
            if not focus_seen.get("radio"):
                assert shows_focus(now, radio_before), "a focused radio shows no focus: outline %s, shadow %s" % (now["outline"], now["shadow"])
                focus_seen["radio"] = now["outline"] if now["outline"] != radio_before["outline"] else now["shadow"]
            press(driver, Keys.SPACE)                      # chooses the first answer (or keeps last year's)
            press(driver, Keys.ARROW_DOWN)                 # then the next one, as answer_page's option 1
            chosen = driver.execute_script(
                "return Array.from(document.getElementsByName(arguments[0])).filter(r => r.checked).map(r => r.value);", now["name"])
            assert len(chosen) == 1, "SPACE and the down arrow chose %r in %s" % (chosen, now["name"])
            answered.add(now["name"])
        elif now["tag"] == "textarea" and now["id"].endswith("-evidence") and not now["value"].strip():
            press(driver, "Kept in the safeguarding file; typed with the keyboard alone")
        elif now["tag"] == "textarea" and now["id"].endswith("-reason") and not now["value"].strip():
            chosen_na = driver.execute_script("""
                const group = arguments[0].closest('.form-group');
                const r = group && group.querySelector('input[type=radio]:checked');
                return !!r && /^(na|n\\/a|not.?applicable)$/i.test(r.value);""", driver.switch_to.active_element)
            if chosen_na:
                press(driver, "Not a service this officer's team provides")
        elif now["tag"] == "button" and now["value"] == "continue":
            missing = set(groups) - answered
            assert not missing, "TAB reached Save and continue before the questions %s" % sorted(missing)
            if not focus_seen.get("continue"):
                assert shows_focus(now, continue_before), "the focused continue button shows no focus: outline %s, shadow %s" % (now["outline"], now["shadow"])
                focus_seen["continue"] = now["outline"]
            title = heading(driver)
            press_and_wait_for_next_page(driver, Keys.ENTER)
            assert not has_error_summary(driver), "%s was refused: %s" % (title, driver.find_element(By.CSS_SELECTOR, ".error-summary").text)
            return title
    raise AssertionError("TAB never reached Save and continue on " + driver.current_url)


def keyboard_walk(driver, officer_link):
    """The officer's whole return with the keyboard alone; returns where the focus showed."""
    focus_seen = {}
    load(driver, officer_link)
    sections = []
    while "/s/" in urllib.parse.urlsplit(driver.current_url).path:
        assert len(sections) < 50, "more than 50 sections: " + driver.current_url
        sections.append(keyboard_section(driver, focus_seen))
    assert urllib.parse.urlsplit(driver.current_url).path.endswith("/check"), "after the sections the browser is at " + driver.current_url
    assert "Check your answers" in heading(driver), heading(driver)
    assert "Not answered" not in driver.find_element(By.TAG_NAME, "main").text, "the check page shows unanswered questions"
    button = driver.find_element(By.XPATH, "//button[contains(., 'Accept and submit')]")
    before = unfocused_style(driver, button)
    now = tab_to(driver, lambda f: f["tag"] == "button" and "Accept and submit" in f["text"], "Accept and submit")
    assert shows_focus(now, before), "the focused submit button shows no focus: outline %s, shadow %s" % (now["outline"], now["shadow"])
    focus_seen["submit"] = now["outline"]
    press_and_wait_for_next_page(driver, Keys.ENTER)
    assert "Return submitted" in heading(driver), "after submitting: " + heading(driver)
    print("keyboard: %d sections answered and the return submitted with TAB, SPACE, arrows, typing and ENTER alone" % len(sections))
    for what, style in focus_seen.items():
        print("keyboard: the focused %s shows %s" % (what, style))


def main(base, email, password, officer_link, staff_link, axe_path):
    base = base.rstrip("/")
    with open(axe_path, encoding="utf-8") as file:
        axe_source = file.read()
    driver = browser()
    checker = Checker(driver, axe_source)
    failures = []
    try:
        driver.set_script_timeout(120)
        driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})    # s11's CSP allows no scripts, axe's included
        public_pages(checker, base, officer_link, staff_link)
        sign_in(checker, base, email, password)
        crawl(checker, base)
        form_states(checker, base)
        try:
            keyboard_walk(driver, officer_link)
            checker.check("officer: return submitted")
            load(driver, officer_link.rstrip("/") + "/check")
            checker.check("officer: the submitted return")
        except AssertionError as failure:
            failures.append("keyboard walk: %s" % failure)
        except WebDriverException as failure:
            failures.append("keyboard walk: %s" % failure.msg)
    finally:
        driver.quit()
    if checker.violations:
        failures.append("%d violation%s of WCAG 2.2 A/AA rules on %d pages" % (
            checker.violations, "" if checker.violations == 1 else "s", checker.pages))
    for failure in failures:
        print("FAILED: " + failure)
    if failures:
        sys.exit(1)
    print("OK: %d pages without violations of WCAG 2.2 A and AA rules (axe-core); the keyboard walk submitted the return" % checker.pages)


if __name__ == "__main__":
    if len(sys.argv) != 7:
        sys.exit(__doc__.split("\n\n")[1])
    main(*sys.argv[1:])
