"""Evidence documents in Chromium, through an officer's link on `s11 serve --clamd-socket`: the
officer types evidence, presses "Attach documents" (what was typed is saved), chooses a PDF and a
Word file at once and attaches them, then a file carrying EICAR's test string, which ClamAV names
and s11 refuses; back on the answers, both documents are listed; the PDF downloads as an
attachment. The page fits a phone's width.

    python3 evidence.py OFFICER_LINK OUT_DIR [AXE_JS]

Prints OK; any failure raises (non-zero exit) with what was wrong. With AXE_JS, axe-core's WCAG
2.2 A and AA rules run on the documents page, empty, with documents and with the refusal.
"""
import os
import sys
import urllib.request
import zipfile

from selenium.webdriver.common.by import By

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from officer_and_staff import browser, click_and_wait_for_next_page  # noqa: E402
from whole_cycle import fits_both_widths, main_text  # noqa: E402
from accessibility import checker_for  # noqa: E402

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"


def files(out):
    """A PDF, a Word document (a ZIP holding word/document.xml) and EICAR's test file, in OUT_DIR."""
    pdf, word, eicar = (os.path.join(out, name) for name in ("Safeguarding policy 2026.pdf", "Training record.docx", "training.txt"))
    with open(pdf, "wb") as handle:
        handle.write(PDF)
    with zipfile.ZipFile(word, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    with open(eicar, "w", encoding="ascii") as handle:
        handle.write(EICAR)
    return pdf, word, eicar


def main(link, out, axe_path=None):
    pdf, word, eicar = files(out)
    driver = browser()
    checker = checker_for(driver, axe_path)
    try:
        driver.get(link.rstrip("/") + "/s/1")
        box = driver.find_element(By.CSS_SELECTOR, "textarea[id$='-evidence']")
        box.send_keys("Policy approved by cabinet, attached")
        assert "Documents attached: none yet" in main_text(driver), main_text(driver)[:800]
        click_and_wait_for_next_page(driver, driver.find_elements(By.XPATH, "//button[@name='attach']")[0])
        documents = driver.current_url
        assert "/documents?question=" in documents, documents
        assert "No documents are attached to this answer yet" in main_text(driver), main_text(driver)[:800]
        if checker:
            checker.check("documents: none yet")
        driver.find_element(By.ID, "files").send_keys(pdf + "\n" + word)
        click_and_wait_for_next_page(driver, driver.find_element(By.XPATH, "//button[text()='Attach']"))
        text = main_text(driver)
        assert "Attached: Safeguarding policy 2026.pdf, Training record.docx." in text, text[:800]
        if checker:
            checker.check("documents: two attached")
        driver.find_element(By.ID, "files").send_keys(eicar)
        click_and_wait_for_next_page(driver, driver.find_element(By.XPATH, "//button[text()='Attach']"))
        text = main_text(driver)
        assert "training.txt was not kept: a virus scanner named it: Eicar-" in text, text[:800]
        if checker:
            checker.check("documents: refused by the scanner")
        fits_both_widths(driver, out, "documents")
        href = driver.find_element(By.LINK_TEXT, "Safeguarding policy 2026.pdf").get_attribute("href")
        with urllib.request.urlopen(href) as answer:
            assert answer.headers["Content-Disposition"].startswith("attachment;"), answer.headers["Content-Disposition"]
            assert answer.headers["X-Content-Type-Options"] == "nosniff"
            assert answer.read() == PDF
        click_and_wait_for_next_page(driver, driver.find_element(By.LINK_TEXT, "Back to your answers"))
        text = main_text(driver)
        assert "Documents attached: Safeguarding policy 2026.pdf (77 bytes), Training record.docx (" in text, text[:1500]
        typed = driver.find_element(By.CSS_SELECTOR, "textarea[id$='-evidence']").get_attribute("value")
        assert typed == "Policy approved by cabinet, attached", typed          # saved on the way to the documents
        if checker:
            assert checker.violations == 0, "axe found %d violations" % checker.violations
            print("accessible: %d pages without violations" % checker.pages)
    finally:
        driver.quit()


if __name__ == "__main__":
    main(*sys.argv[1:4])
    print("OK")
