"""Signing in through the organisation's own accounts, in Chromium: the sign-in page's link to the
provider (a real OpenID Connect provider on loopback, oidc-provider-mock), the provider's own form,
and back to s11 signed in; then, with the provider told to spoil its next ID token, the page that
says why s11 refused it, and the way back.

    python3 sign_on.py BASE_URL PROVIDER_URL EMAIL OUT_DIR [AXE_JS]

Prints OK; any failure raises (non-zero exit) with what was wrong. Saves OUT_DIR/sign-in.png,
OUT_DIR/signed-in.png and OUT_DIR/refused.png. With AXE_JS, axe-core's WCAG 2.2 A and AA rules
run on the sign-in page with its provider link and on the refusal page.
"""
import json
import os
import sys
import time
import urllib.request

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from officer_and_staff import browser, click_and_wait_for_next_page  # noqa: E402
from whole_cycle import main_text, press  # noqa: E402
from accessibility import checker_for  # noqa: E402


def wait_for(driver, condition, what, timeout=30):
    end = time.time() + timeout
    while time.time() < end:
        if condition(driver):
            return
        time.sleep(0.2)
    raise AssertionError("waited %ds for %s; at %s: %s" % (timeout, what, driver.current_url, driver.find_element(By.TAG_NAME, "body").text[:800]))


def through_the_provider(driver, base, provider, email):
    """From s11's sign-in page, through the provider's form as `email`, to wherever s11 sends the browser."""
    driver.get(base + "/admin/login")
    link = driver.find_element(By.LINK_TEXT, "Sign in with Riverside's Microsoft account")
    click_and_wait_for_next_page(driver, link)
    assert driver.current_url.startswith(provider + "/oauth2/authorize?"), "the link went to " + driver.current_url
    box = driver.find_element(By.NAME, "sub")
    box.clear()
    box.send_keys(email)
    click_and_wait_for_next_page(driver, driver.find_element(By.XPATH, "//button[normalize-space()='Authorize']"))


def main(base, provider, email, out, axe_path=None):
    driver = browser()
    checker = checker_for(driver, axe_path)
    try:
        driver.get(base + "/admin/login")
        assert "With your organisation's account" in main_text(driver), main_text(driver)
        driver.save_screenshot(os.path.join(out, "sign-in.png"))
        if checker:
            checker.check("the sign-in page with a provider")

        through_the_provider(driver, base, provider, email)
        # s11 answers "Signed in" and refreshes to the audits: the session's SameSite=Strict cookie goes with it.
        wait_for(driver, lambda d: d.current_url == base + "/admin", "the audits page after signing in")
        text = main_text(driver)
        assert "Riverside District Council" in text, text
        assert email in driver.find_element(By.TAG_NAME, "body").text, "the bar does not name who is signed in"
        driver.save_screenshot(os.path.join(out, "signed-in.png"))
        press(driver, "Sign out")

        spoil = urllib.request.Request(provider + "/test/next-token", data=json.dumps({"fault": "tampered"}).encode(),
                                       headers={"Content-Type": "application/json"}, method="POST")
        assert urllib.request.urlopen(spoil).status == 204
        through_the_provider(driver, base, provider, email)
        wait_for(driver, lambda d: "/admin/sign-on/callback" in d.current_url, "s11's answer to the spoiled token")
        heading = driver.find_element(By.TAG_NAME, "h1").text
        assert heading == "You are not signed in", heading
        assert "signature does not match" in main_text(driver), main_text(driver)
        driver.save_screenshot(os.path.join(out, "refused.png"))
        if checker:
            checker.check("a sign-in refused")
            assert checker.violations == 0, "axe found %d violations" % checker.violations
            print("accessible: %d pages without violations" % checker.pages)
        click_and_wait_for_next_page(driver, driver.find_element(By.LINK_TEXT, "Back to sign in"))
        assert driver.current_url == base + "/admin/login", driver.current_url
        driver.get(base + "/admin")
        assert driver.current_url == base + "/admin/login", "the refused sign-in left a session: " + driver.current_url
    finally:
        driver.quit()
    print("OK")


if __name__ == "__main__":
    main(*sys.argv[1:6])
