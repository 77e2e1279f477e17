"""Real-browser checks of s11 serve, driven by Selenium with Debian's chromium and chromium-driver.

    python3 officer_and_staff.py officer OFFICER_LINK
    python3 officer_and_staff.py staff SURVEY_LINK

officer: answers two pages, closes the browser, opens the link in a new one and finds the answers
there, answers the rest, checks and submits. staff: fills in the survey. Prints OK on success;
any failure raises (non-zero exit) with what was wrong.
"""
import sys
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait


def browser():
    options = webdriver.ChromeOptions()
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1200,900"):
        options.add_argument(flag)
    options.binary_location = "/usr/bin/chromium"
    try:
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    except Exception:                               # a busy machine can miss the driver's start-up deadline once
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(60)
    return driver


def click_and_wait_for_next_page(driver, button):
    """Clicks button and waits until a new document has replaced this one and finished loading.

    The old page is marked with a script variable the new one does not have. Checking an old element
    for staleness is not enough: while Chromium swaps documents it can answer with errors other than
    "stale element", which Selenium's staleness_of does not expect.
    """
    driver.execute_script("window.__s11OldPage = true;")
    button.click()

    def next_page_loaded(driver):
        try:
            return driver.execute_script(
                "return window.__s11OldPage === undefined && document.readyState === 'complete';")
        except WebDriverException:                  # mid-navigation: ask again
            return False

    WebDriverWait(driver, 30).until(next_page_loaded)


def answer_page(driver, option_index=1, evidence="Team meeting minutes, March"):
    """Chooses the option at option_index in every question on the page, gives evidence, continues."""
    fieldsets = driver.find_elements(By.CSS_SELECTOR, "form fieldset:not(.improvement)")
    assert fieldsets, "no questions on " + driver.current_url
    for fieldset in fieldsets:
        radios = fieldset.find_elements(By.CSS_SELECTOR, "input[type=radio]")
        driver.execute_script("arguments[0].click();", radios[option_index])
    for box in driver.find_elements(By.CSS_SELECTOR, "textarea[id$='-evidence']"):
        box.clear()
        box.send_keys(evidence)
    text = driver.find_element(By.TAG_NAME, "h1").text
    click_and_wait_for_next_page(driver, driver.find_element(By.CSS_SELECTOR, "button[value=continue]"))
    return text


def fields_follow_the_answer(driver):
    """What a question asks for follows the answer chosen: no improvement under the top answer, the
    N/A reason only with N/A (and then no evidence needed); with nothing chosen, everything shows."""
    group = driver.find_element(By.CSS_SELECTOR, ".form-group")
    shown = lambda css: any(e.is_displayed() for e in group.find_elements(By.CSS_SELECTOR, css))
    assert shown(".improvement"), "the improvement fields are hidden before an answer is chosen"
    radios = group.find_elements(By.CSS_SELECTOR, "input[type=radio]")
    top = group.find_element(By.CSS_SELECTOR, ".radio.top input")
    driver.execute_script("arguments[0].click();", top)
    assert not shown(".improvement"), "the improvement fields show under the top answer"
    driver.execute_script("arguments[0].click();", radios[1])
    assert shown(".improvement"), "the improvement fields are hidden under an answer short of the top"
    na = group.find_elements(By.CSS_SELECTOR, "input[value=na]")
    if na:
        assert not shown(".na-reason"), "the N/A reason shows under an answer that is not N/A"
        driver.execute_script("arguments[0].click();", na[0])
        assert shown(".na-reason") and not shown(".needed") and not shown(".improvement"), "N/A shows the wrong fields"
        options = group.find_elements(By.CSS_SELECTOR, ".radio")
        reason = group.find_element(By.CSS_SELECTOR, ".na-reason")
        assert reason.location["y"] - options[-1].location["y"] < 150, "the N/A reason is far from the N/A choice"


def officer(link):
    driver = browser()
    try:
        driver.get(link)
        fields_follow_the_answer(driver)
        first = answer_page(driver)
        second = answer_page(driver, evidence="Safeguarding log reviewed monthly")
        third_url = driver.current_url
        assert third_url.endswith("/s/3"), "after two pages the browser is at " + third_url
    finally:
        driver.quit()

    driver = browser()                              # a new browser: no cookies, nothing cached
    try:
        driver.get(link)
        assert driver.current_url.endswith("/s/3"), "the link resumed at " + driver.current_url
        driver.get(link.rstrip("/") + "/check")
        page = driver.find_element(By.TAG_NAME, "main").text
        assert "Team meeting minutes, March" in page and "Safeguarding log reviewed monthly" in page, "saved answers missing"
        assert first.split(". ", 1)[-1] in page and second.split(". ", 1)[-1] in page
        driver.get(link)
        while "/s/" in driver.current_url:
            answer_page(driver)
        assert driver.current_url.endswith("/check"), "ended at " + driver.current_url
        assert "Not answered" not in driver.find_element(By.TAG_NAME, "main").text
        button = driver.find_element(By.XPATH, "//button[contains(., 'Accept and submit')]")
        click_and_wait_for_next_page(driver, button)
        assert "Return submitted" in driver.find_element(By.TAG_NAME, "h1").text, driver.page_source[:500]
    finally:
        driver.quit()


def staff(link):
    driver = browser()
    try:
        driver.get(link)
        assert "Staff safeguarding confidence survey" in driver.title
        for fieldset in driver.find_elements(By.CSS_SELECTOR, "form fieldset:not(.improvement)"):
            radios = fieldset.find_elements(By.CSS_SELECTOR, "input[type=radio]")
            driver.execute_script("arguments[0].click();", radios[0])
        button = driver.find_element(By.XPATH, "//button[contains(., 'Send my answers')]")
        click_and_wait_for_next_page(driver, button)
        assert "Thank you" in driver.find_element(By.TAG_NAME, "h1").text
    finally:
        driver.quit()


if __name__ == "__main__":
    {"officer": officer, "staff": staff}[sys.argv[1]](sys.argv[2])
    print("OK")
