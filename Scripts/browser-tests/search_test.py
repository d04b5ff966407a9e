#!/usr/bin/env python3
"""In-browser search of the built demo, in a real headless Chromium: the header combobox, keyboard
navigation, the /search/ page with its filters, window.helpcenterSearch, and a relevance set.

Builds the demo with `swift run helpcenter build` (or checks `--site DIR`), serves it on 127.0.0.1,
and prints one line per check and a closing line 'N passed, N failed'. Exit status 1 on any failure.
Needs Debian's chromium and chromium-driver, and selenium==4.51.0 (installed with pip if missing).
"""
import argparse, json, sys, tempfile, time
from pathlib import Path

import harness  # first: it installs selenium when missing
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

# (query, the article slug a reader wants), shared with Scripts/search-compare: the bar is in main().
RELEVANCE = [(r["query"], r["article"]) for r in json.loads((Path(__file__).parent / "relevance.json").read_text())]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", help="a built site (default: build the demo)")
    args = parser.parse_args()
    site_dir = args.site or harness.build_demo(prefix="search-test-")

    # The site is served twice: at the root, and under /docs/help/ as a host serving it from a sub-folder.
    hosting = Path(tempfile.mkdtemp(prefix="search-host-"))
    (hosting / "docs").mkdir()
    (hosting / "docs" / "help").symlink_to(Path(site_dir).resolve())
    server = harness.serve(site_dir)
    nested = harness.serve(hosting)
    base = server.url

    driver = harness.chrome(1280, 900)
    wait = WebDriverWait(driver, 10)
    checks = harness.Checks()
    check = checks.check

    def search(query, limit=3):
        return driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "helpcenterSearch(arguments[0], { limit: arguments[1] }).then(done, e => done(String(e)));", query, limit)

    try:
        # The header combobox: typing shows suggestions, arrows move, Enter opens, Escape closes.
        driver.get(base + "articles/offline-mode/")
        box = driver.find_element(By.ID, "site-search")
        box.send_keys("slack")
        wait.until(lambda d: box.get_attribute("aria-expanded") == "true")
        options_shown = driver.find_elements(By.CSS_SELECTOR, "#site-search-suggestions [role=option]")
        check("typing shows suggestions", len(options_shown) >= 2, len(options_shown))
        check("suggestions highlight the typed word", bool(driver.find_elements(By.CSS_SELECTOR, "#site-search-suggestions mark")))
        status = driver.find_element(By.ID, "site-search-status")
        check("a status region announces the suggestion count",
              status.get_attribute("role") == "status" and f"{len(options_shown)} suggestions" in status.get_attribute("textContent"),
              status.get_attribute("textContent"))
        # Focus leaving and coming straight back (a script that blurs and refocuses the box, as the site
        # test's focus check does) must not let the close armed by the blur shut the list.
        driver.execute_script("arguments[0].blur(); arguments[0].focus();", box)
        time.sleep(0.3)
        check("a blur and refocus keeps the suggestions open",
              box.get_attribute("aria-expanded") == "true" and driver.find_elements(By.CSS_SELECTOR, "#site-search-suggestions:not([hidden]) [role=option]"),
              box.get_attribute("aria-expanded"))
        box.send_keys(Keys.ARROW_DOWN)
        box.send_keys(Keys.ARROW_DOWN)
        active = box.get_attribute("aria-activedescendant")
        check("arrow keys set the active option", active == "site-search-suggestions-1", active)
        box.send_keys(Keys.ESCAPE)
        check("Escape closes the suggestions", box.get_attribute("aria-expanded") == "false")
        box.send_keys(Keys.ARROW_DOWN)
        expected = driver.find_element(By.CSS_SELECTOR, "#site-search-suggestions-0 a").get_attribute("href")
        box.send_keys(Keys.ENTER)
        wait.until(lambda d: d.current_url != base + "articles/offline-mode/")
        check("Enter opens the active result", driver.current_url == expected, driver.current_url)

        # Typing fast, one key at a time while chunks load: the suggestions end up matching the last query.
        driver.get(base + "community/")
        box = driver.find_element(By.ID, "site-search")
        for key in "reset password":
            box.send_keys(key)
        time.sleep(1)
        first = driver.find_elements(By.CSS_SELECTOR, "#site-search-suggestions-0 a")
        first = first[0].get_attribute("href") if first else None
        check("fast typing settles on the last query's results", first and "articles/reset-your-password/" in first, first)

        # The search page: the query in the URL, results with highlights, the type filter.
        driver.get(base + "search/?q=webhook")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-result"))
        titles = [e.text for e in driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result-title")]
        check("the search page shows results for ?q=", len(titles) >= 3, titles)
        check("results highlight the matched words", bool(driver.find_elements(By.CSS_SELECTOR, "#search-results mark")))
        driver.get(base + "search/?q=webhook&type=post")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-result"))
        kinds = {e.get_attribute("class") for e in driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result")}
        check("the type filter shows only posts", kinds == {"search-result search-result-post"}, kinds)
        driver.get(base + "search/?q=webhook&group=API+%26+developers")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#search-results .search-result"))
        metas = {e.text for e in driver.find_elements(By.CSS_SELECTOR, "#search-results .search-result-meta")}
        check("the category filter shows only that category",
              metas and all("· API & developers" in m for m in metas) and
              driver.find_element(By.ID, "search-group").get_attribute("value") == "API & developers", metas)
        driver.get(base)
        home_popular = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "[aria-labelledby=popular-heading] li > a")]
        driver.get(base + "search/?q=zzqxv")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".search-popular a"))
        check("no results offers popular articles", "No results" in driver.find_element(By.ID, "search-status").text)
        offered = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#search-results .search-popular a")]
        check("the popular articles offered are the home page's, in its order", home_popular and offered == home_popular,
              f"{offered} instead of {home_popular}")

        # The engine itself: absolute URLs in rank order, also when the site lives in a sub-folder.
        answer = search("offline", 5)
        check("helpcenterSearch answers in rank order",
              isinstance(answer, list) and answer and set(answer[0]) == {"url", "title", "type", "excerpt"}
              and answer[0]["url"] == base + "articles/offline-mode/", answer)
        nested_base = f"http://127.0.0.1:{nested.server_address[1]}/docs/help/"
        driver.get(nested_base + "community/topics/announcements/")
        answer = search("offline", 5)
        check("under a sub-folder, results point into it",
              isinstance(answer, list) and answer and all(r["url"].startswith(nested_base) for r in answer), answer)
        hits1 = hits3 = 0
        for query, slug in RELEVANCE:
            found = search(query, 3)
            urls = [r["url"] for r in found] if isinstance(found, list) else []
            top = [("articles/" + slug + "/") in u for u in urls]
            hits1 += bool(top[:1] and top[0])
            hits3 += any(top)
            if not (top[:1] and top[0]):
                print(f"  {'not first' if any(top) else 'miss'}: {query!r} -> {[r['title'] for r in found] if isinstance(found, list) else found}")
        total = len(RELEVANCE)
        print(f"  relevance: {hits1}/{total} first, {hits3}/{total} in the top 3")
        check("relevance: at least 90% in the top 3", hits3 >= 0.9 * total, f"{hits3}/{total}")
        check("relevance: at least 75% first", hits1 >= 0.75 * total, f"{hits1}/{total}")
        errors = [l for l in driver.get_log("browser") if l.get("level") == "SEVERE"]
        check("no console errors", not errors, errors)
    finally:
        driver.quit()
        server.shutdown()
        nested.shutdown()
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
