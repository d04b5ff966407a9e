#!/usr/bin/env python3
"""`helpcenter serve --base-path /help/` in a real headless Chromium: a template edit reloads the open
page where it was scrolled to, a broken template is shown over the page while the last good site stays
up, and the 404 page outside the base path loads its stylesheet.

Prints one line per check and 'N passed, N failed'; exit status 1 on any failure. Needs Debian's
chromium and chromium-driver, and selenium==4.51.0 (installed with pip if missing).
"""
import re, shutil, signal, subprocess, sys, tempfile, time
from pathlib import Path

import harness  # first: it installs selenium when missing
from selenium.webdriver.common.by import By
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.support.ui import WebDriverWait


def main() -> int:
    binary = harness.tools("helpcenter") / "helpcenter"
    work = Path(tempfile.mkdtemp(prefix="live-reload-test-"))
    subprocess.check_call([str(binary), "theme", "init", str(work / "theme")], stdout=subprocess.DEVNULL)
    footer = work / "theme" / "templates" / "footer.mustache"
    original = footer.read_text()
    server = subprocess.Popen([str(binary), "serve", "--port", "0", "--base-path", "/help/",
                               "--templates", str(work / "theme" / "templates")],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    checks = harness.Checks()
    check = checks.check
    driver = None
    try:
        line = server.stdout.readline()
        url = re.search(r"http://127\.0\.0\.1:\d+/help/", line).group(0)
        driver = harness.chrome(1000, 600)
        wait = WebDriverWait(driver, 15)
        driver.get(url + "articles/offline-mode/")
        driver.execute_script("window.scrollTo({top: 400, behavior: 'instant'}); window.__beforeReload = true;")
        scrolled = driver.execute_script("return window.scrollY")
        time.sleep(0.5)  # the event stream connects

        footer.write_text(original + '<p id="edited-footer">Edited</p>\n')
        wait.until(lambda d: d.find_elements(By.ID, "edited-footer"))
        check("a template edit reloads the open page", driver.execute_script("return window.__beforeReload === undefined"))
        restored = driver.execute_script("return window.scrollY")
        check("the page keeps its scroll position", scrolled == 400 and restored == scrolled, f"{scrolled} then {restored}")

        footer.write_text(original + "{{#unclosed}}\n")
        wait.until(lambda d: d.find_elements(By.ID, "helpcenter-build-problem"))
        problem = driver.find_element(By.ID, "helpcenter-build-problem")
        check("a broken template is shown over the page, naming the file",
              "footer.mustache" in problem.text and problem.get_attribute("role") == "alert", problem.text)
        check("the last good site is still served", driver.find_elements(By.ID, "edited-footer"))

        footer.write_text(original)
        try:
            wait.until(lambda d: not d.find_elements(By.ID, "edited-footer") and not d.find_elements(By.ID, "helpcenter-build-problem"))
            recovered = True
        except TimeoutException:
            recovered = False
        check("fixing the template reloads the page without the problem", recovered)
        errors = [l for l in driver.get_log("browser") if l.get("level") == "SEVERE"]
        check("no console errors", not errors, errors)

        driver.get(url.removesuffix("help/") + "articles/offline-mode/")
        styled = driver.execute_script("return [...document.styleSheets].some(s => s.href && s.href.endsWith('/help/assets/site.css') && s.cssRules.length > 0)")
        check("outside the base path, the 404 page loads its stylesheet", styled, driver.current_url)
    finally:
        if driver:
            driver.quit()
        server.send_signal(signal.SIGINT)
        try:
            check("serve stops on Ctrl-C with a page connected", server.wait(timeout=10) == 0)
        except subprocess.TimeoutExpired:
            server.kill()
            check("serve stops on Ctrl-C with a page connected", False, "still running after 10 s")
        shutil.rmtree(work, ignore_errors=True)
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
