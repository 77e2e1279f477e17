"""A board's round in Chromium, on a Pan-Cheshire style content (0-3 scores, no Blue), with no
command-line step after 's11 admin create --board': the board opens the round for three
organisations (the leads' invitations reach a real SMTP server), two leads set their passwords,
name an officer who answers through the link in their mail, and submit to the board; the third
is overdue. The board pairs one organisation to review the other: the peer proposes a score and
the board accepts it. A challenge event moderates a requirement from 1 to 2, and the moderated
percentage changes. The dashboard and the board report show it all; the round's XML and the
report are downloaded.

    python3 round_cycle.py BASE_URL BOARD_EMAIL PASSWORD SMTP_FOLDER OUT_DIR [AXE_JS]

Writes OUT_DIR/round.xml and OUT_DIR/board-report.html and prints OK; any failure raises
(non-zero exit) with what was wrong. With AXE_JS, axe-core's WCAG 2.2 A and AA rules then run on
every board page reachable by links from /admin and on the peer's review page.
"""
import datetime
import os
import sys

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from officer_and_staff import answer_page, browser, click_and_wait_for_next_page  # noqa: E402
from whole_cycle import download, fill, fits_both_widths, main_text, press, received  # noqa: E402
from accessibility import Checker, crawl, load  # noqa: E402

PASSWORD = "correct horse battery staple"
MEMBERS = """organisation,sector,lead_name,lead_email
Cheshire Constabulary,Police,Ann Lee,ann.lee@police.example
Cheshire and Wirral NHS Trust,NHS trust,Raj Patel,raj.patel@nhs.example
Cheshire Fire and Rescue,Fire,Sue Day,sue.day@fire.example
"""


def sign_in(driver, base, email, password):
    driver.get(base + "/admin/login")
    fill(driver, "email", email)
    fill(driver, "password", password)
    press(driver, "Sign in")
    assert driver.current_url.endswith("/admin"), "sign-in ended at " + driver.current_url


def link_in(message, marker):
    body = message.get_body(preferencelist=("plain",)).get_content()
    return next(line for line in body.splitlines() if marker in line).strip()


def by_recipient(messages):
    return {message["To"].addresses[0].addr_spec: message for message in messages}


def lead_runs_the_audit(driver, base, smtp, welcome, officer, expected_mail):
    """A lead sets their password through the invitation, names one officer who answers every
    question 1 (Partly compliant) through their mail's link, and submits to the board."""
    driver.get(welcome)
    fill(driver, "password", PASSWORD)
    fill(driver, "confirm", PASSWORD)
    press(driver, "Set the password and sign in")
    assert driver.current_url.endswith("/admin"), "the welcome ended at " + driver.current_url
    audit = next(a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main a[href^='/admin/audits/']")
                 if a.get_attribute("href").rstrip("/").split("/")[-1].isdigit())
    driver.get(audit + "/officers")
    fill(driver, "add-name", "Kim Ng")
    fill(driver, "add-email", officer)
    fill(driver, "add-service_area", "Safeguarding")
    Select(driver.find_element(By.ID, "add-role")).select_by_value("senior-lead")
    press(driver, "Add the officer")
    driver.get(audit + "/invitations")
    press(driver, "Send invitations to 1 officer")
    link = link_in(by_recipient(received(smtp, expected_mail))[officer], "/r/")
    officer_browser = browser()
    try:
        officer_browser.get(link)
        while "/s/" in officer_browser.current_url:
            answer_page(officer_browser, option_index=2, evidence="Safeguarding report to the board, March")
        press(officer_browser, "Accept and submit")
        assert "Return submitted" in officer_browser.find_element(By.TAG_NAME, "h1").text
    finally:
        officer_browser.quit()
    driver.get(audit + "/board")
    driver.find_element(By.ID, "declare").click()
    press(driver, "Submit to the board")
    assert "submitted" in main_text(driver).lower(), main_text(driver)[:500]
    return audit.rstrip("/").split("/")[-1]


def event_overall(driver, name):
    """The self-assessed and moderated overall of organisation `name` on the event's page."""
    row = driver.find_element(By.XPATH, "//tr[th[contains(., %r)]]" % name)
    cells = row.find_elements(By.TAG_NAME, "td")
    return cells[0].text, cells[1].text


def accessible(drivers, base, axe_path, peer_review):
    """axe on the board's pages (found by links from /admin) and on the peer's review page."""
    with open(axe_path, encoding="utf-8") as file:
        axe_source = file.read()
    board, peer = (Checker(driver, axe_source) for driver in drivers)
    for driver in drivers:
        driver.set_script_timeout(120)
        driver.execute_cdp_cmd("Page.setBypassCSP", {"enabled": True})    # s11's CSP allows no scripts, axe's included
    crawl(board, base)
    load(peer.driver, peer_review)
    peer.check("peer: the return under review")
    violations = board.violations + peer.violations
    assert violations == 0, "%d violations of WCAG 2.2 A/AA rules on %d pages" % (violations, board.pages + peer.pages)
    print("accessible: %d pages without violations" % (board.pages + peer.pages))


def heatmap_fits(driver, round_url, out):
    """The round page never scrolls sideways, at 1280 px or on a phone: at 1280 the whole heatmap is on
    screen, on a phone it scrolls in its own box with every standard reachable; each standard's full
    title shows on focus; its rows come lowest overall first, then by name. Screenshots of both
    widths are kept in OUT_DIR."""
    for width in (1280, 375):
        driver.set_window_size(width, 900)
        driver.get(round_url)
        wide, window = driver.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert wide <= window, "the round page scrolls sideways at %d px: %d wide" % (width, wide)
        box = driver.find_element(By.CSS_SELECTOR, ".heatmap-box")
        assert box.get_attribute("role") == "region" and box.get_attribute("tabindex") == "0"
        inside, shown = driver.execute_script("return [arguments[0].scrollWidth, arguments[0].clientWidth]", box)
        if width == 1280:
            assert inside <= shown, "the heatmap does not fit at 1280 px: %d wide in a box of %d" % (inside, shown)
        last = driver.find_elements(By.CSS_SELECTOR, ".heatmap thead th")[-1]
        driver.execute_script("arguments[0].scrollLeft = arguments[0].scrollWidth", box)
        right, box_right = driver.execute_script(
            "return [arguments[0].getBoundingClientRect().right, arguments[1].getBoundingClientRect().right]", last, box)
        assert right <= box_right + 1, "the last standard cannot be reached at %d px" % width
        driver.execute_script("arguments[0].scrollLeft = 0; arguments[1].scrollIntoView()", box, box)
        driver.save_screenshot(os.path.join(out, "round-%d.png" % width))
    anchor = driver.find_elements(By.CSS_SELECTOR, ".heatmap .tip-anchor")[0]
    tip = driver.find_element(By.ID, anchor.get_attribute("aria-describedby"))
    assert not tip.is_displayed()
    driver.execute_script("arguments[0].focus()", anchor)
    assert tip.is_displayed() and tip.text.startswith(anchor.text.split()[0] + " "), (anchor.text, tip.text)
    rows = driver.find_elements(By.CSS_SELECTOR, ".heatmap tbody.organisations tr")
    # Each cell says the whole of it in its title: "33.3% Red", or "moderated 58.3% Amber; self-assessed 33.3% Red" (58.3 counts).
    overall = [row.find_elements(By.TAG_NAME, "td")[0].get_attribute("title") for row in rows]
    board = [float(cell.replace("moderated ", "").split("%")[0]) if "%" in cell.split(";")[0] else 1000.0 for cell in overall]
    assert board == sorted(board), "the heatmap is not lowest overall first: %s" % overall
    driver.set_window_size(1200, 900)                                 # as browser() opens it


def what_changed(driver, round_url, out):
    """The board follows the police's "What changed" link: the round's steps, the event's
    moderation and the submission are there, no officer is, and the page fits a phone."""
    driver.get(round_url)
    driver.find_element(By.XPATH, "//a[contains(@href, '/trail')][contains(., 'Cheshire Constabulary')]").click()
    text = main_text(driver)
    for step in ("opened in the board's round", "peer review began", "challenge event", "submitted to the board",
                 "Board minutes show the lead reports quarterly", "Back to the round"):
        assert step in text, (step, text[:3000])
    assert "kim.ng" not in text and not driver.find_elements(By.ID, "officer"), text[:3000]
    fits_both_widths(driver, out, "board-trail")
    driver.find_element(By.LINK_TEXT, "Back to the round").click()
    assert driver.current_url == round_url, driver.current_url


def run(base, board_email, password, smtp, out, axe_path=None):
    deadline = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()   # past: who has not submitted is overdue
    members = os.path.join(out, "members.csv")
    with open(members, "w", encoding="utf-8") as handle:
        handle.write(MEMBERS)

    board = browser()
    police_lead = browser()
    nhs_lead = browser()
    try:
        # The board opens the round for three organisations; each lead's invitation arrives by mail.
        sign_in(board, base, board_email, password)
        board.get(base + "/admin/rounds")
        fill(board, "year", str(datetime.date.today().year))
        fill(board, "deadline", deadline)
        board.find_element(By.ID, "file").send_keys(members)
        press(board, "Open the round")
        round_url = board.current_url
        assert "/admin/rounds/" in round_url and "3 member organisations" in main_text(board), main_text(board)[:500]
        invitations = by_recipient(received(smtp, 3))
        assert set(invitations) == {"ann.lee@police.example", "raj.patel@nhs.example", "sue.day@fire.example"}, invitations

        # Two leads run their audits and submit; the fire service does nothing and is overdue.
        police = lead_runs_the_audit(police_lead, base, smtp, link_in(invitations["ann.lee@police.example"], "/admin/welcome/"),
                                     "kim.ng@police.example", 4)
        lead_runs_the_audit(nhs_lead, base, smtp, link_in(invitations["raj.patel@nhs.example"], "/admin/welcome/"),
                            "kim.ng@nhs.example", 5)
        board.get(round_url)
        stages = board.find_element(By.XPATH, "//table[caption[contains(., 'member organisations')]]").text
        assert "Submitted to the board Overdue" in stages and stages.strip().endswith("0 0 2 1"), stages

        # Peer challenge: the NHS trust reviews the police's return and proposes 2 for PC2.1; the board accepts.
        board.find_element(By.LINK_TEXT, "Pair organisations for a peer review").click()
        Select(board.find_element(By.ID, "reviewer")).select_by_visible_text("Cheshire and Wirral NHS Trust")
        Select(board.find_element(By.ID, "reviewee")).select_by_visible_text("Cheshire Constabulary")
        press(board, "Pair them")
        assert "Cheshire and Wirral NHS Trust now reviews Cheshire Constabulary's return." in main_text(board), main_text(board)[:500]
        nhs_lead.get(base + "/admin")
        nhs_lead.find_element(By.PARTIAL_LINK_TEXT, "Review Cheshire Constabulary").click()
        peer_review = nhs_lead.current_url
        assert "1: Partly compliant" in main_text(nhs_lead), main_text(nhs_lead)[:500]
        form = nhs_lead.find_element(By.XPATH, "//tr[@id='q-requirement-PC2-1']//form")
        Select(form.find_element(By.NAME, "score")).select_by_value("score-2")
        form.find_element(By.NAME, "reason").send_keys("Training records seen for most teams")
        click_and_wait_for_next_page(nhs_lead, form.find_element(By.TAG_NAME, "button"))
        assert "Mostly" in main_text(nhs_lead) or "Amber (score score-2)" in main_text(nhs_lead), main_text(nhs_lead)[:800]
        board.get(round_url)
        board.find_element(By.PARTIAL_LINK_TEXT, "reviews Cheshire Constabulary").click()
        press(board, "Accept")
        assert "Accepted the proposal for requirement PC2.1" in main_text(board), main_text(board)[:500]

        # A challenge event for the police: the panel moves PC1.1 from 1 to 2, and the moderated overall moves with it.
        board.get(round_url)
        board.find_element(By.LINK_TEXT, "Schedule a challenge event").click()
        fill(board, "title", "Police challenge")
        fill(board, "heldOn", datetime.date.today().isoformat())
        fill(board, "panel", "Jo Smith; Raj Patel")
        board.find_element(By.ID, "audit-%s" % police).click()
        press(board, "Schedule the event")
        event_url = board.current_url
        self_overall, before = event_overall(board, "Cheshire Constabulary")
        assert self_overall.startswith("33.3%") and before.startswith("50%"), (self_overall, before)
        board.find_element(By.PARTIAL_LINK_TEXT, "Moderate").click()
        board.find_element(By.XPATH, "//tr[@id='q-requirement-PC1-1']//a").click()
        Select(board.find_element(By.NAME, "score")).select_by_value("score-2")
        board.find_element(By.NAME, "reason").send_keys("Board minutes show the lead reports quarterly")
        press(board, "Save the moderation")
        board.get(event_url)
        _, after = event_overall(board, "Cheshire Constabulary")
        assert after.startswith("58.3%"), after

        # The dashboard shows it all: stages, the moderated heatmap, the review.
        board.get(round_url)
        text = main_text(board)
        assert board.find_elements(By.CSS_SELECTOR, "td[title='moderated 58.3% Amber; self-assessed 33.3% Red']"), text[:2000]
        assert "read through crosswalk" not in text and "Returned:" not in text, text[:3000]
        assert "Cheshire Fire and Rescue" in text and "overdue" in text
        assert "Cheshire and Wirral NHS Trust reviews Cheshire Constabulary" in text
        heatmap_fits(board, round_url, out)
        what_changed(board, round_url, out)
        for link, saved in (("/round.xml", "round.xml"), ("/report.html", "board-report.html")):
            download(board, round_url + link, os.path.join(out, saved))
        if axe_path:
            accessible((board, nhs_lead), base, axe_path, peer_review)
    finally:
        for driver in (board, police_lead, nhs_lead):
            driver.quit()


if __name__ == "__main__":
    run(*sys.argv[1:7])
    print("OK")
