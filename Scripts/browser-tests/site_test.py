#!/usr/bin/env python3
"""The built demo help center end to end, in a real headless Chromium, at a phone and a desktop width.

Visits the home page, a category, an article, the search page with a query, the community home, a
topic, a post with comments and a missing page, finding them from the site's own links. On every page
and width: no console errors or uncaught exceptions, a <title>, <html lang>, exactly one <h1>, no
horizontal overflow, alt on every <img>, and a full-page screenshot (`phone-article.png`, ...); once a
page, every internal link answers 200 and every #fragment has its target. Then keyboard-only use: the
first Tab reaches the skip link or the main navigation, Enter follows links, Tab walks the whole home
and article pages without a trap, the header search works with keys alone, and every focused element
shows a focus ring (present only when focused; an outline at least 3:1 against what is behind it).

Builds the demo with `swift run helpcenter build` (or checks `--site DIR`), serves it on 127.0.0.1
(a missing path answers 404 with the site's 404.html, as static hosts do), and prints one line per check
and a closing line 'N passed, N failed'. Exit status 1 on any failure. Needs Debian's chromium and
chromium-driver, and selenium==4.51.0 (installed with pip if missing).
"""
import argparse, base64, concurrent.futures, html.parser, re, sys, tempfile, time, urllib.error, urllib.parse, urllib.request
from pathlib import Path

import harness  # first: it installs selenium when missing
from selenium.common.exceptions import TimeoutException
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

# name, viewport width, height, whether the viewport behaves as a phone's (meta viewport, overlay scrollbars)
WIDTHS = [("phone", 390, 844, True), ("desktop", 1366, 900, False)]
QUERY = "password"
SCREENSHOT_MAX_HEIGHT = 15000  # Chromium draws at most about 16k pixels in one capture

# Run before any page script: uncaught exceptions and unhandled rejections, which the console log may word
# differently or (for rejections) drop.
ERROR_TRAP = """
window.__e2eErrors = [];
window.addEventListener("error", function (e) {
  window.__e2eErrors.push(String(e.message) + " at " + e.filename + ":" + e.lineno + ":" + e.colno);
});
window.addEventListener("unhandledrejection", function (e) {
  var r = e.reason;
  window.__e2eErrors.push("unhandled rejection: " + String(r && r.stack || r));
});
"""

# Everything a page check needs, read in one go.
PAGE_FACTS = """
const root = document.documentElement, limit = root.clientWidth + 1;
const describe = (e) => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") +
  (typeof e.className === "string" && e.className.trim() ? "." + e.className.trim().split(/\\s+/).join(".") : "");
const clipped = (e) => {
  for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
    if (getComputedStyle(p).overflowX !== "visible") return true;
  }
  return false;
};
const overflowing = root.scrollWidth > limit ? [...document.body.querySelectorAll("*")].filter((e) => {
  const r = e.getBoundingClientRect(), parent = e.parentElement;
  return r.width > 0 && r.right > limit && !clipped(e) && !(parent && parent.getBoundingClientRect().right > limit);
}).slice(0, 5).map((e) => describe(e) + " (right edge " + Math.round(e.getBoundingClientRect().right) + "px: " +
  JSON.stringify((e.textContent || "").trim().slice(0, 60)) + ")") : [];
const links = [], fragments = [];
const here = location.href.split("#")[0];
for (const e of document.querySelectorAll("a[href], area[href], link[href], script[src], img[src], iframe[src], source[src], video[src], audio[src]")) {
  const raw = e.getAttribute(e.hasAttribute("href") ? "href" : "src");
  let url;
  try { url = new URL(raw, document.baseURI); } catch (error) { links.push(["invalid", raw]); continue; }
  if (url.origin !== location.origin) continue;
  const page = url.href.split("#")[0];
  if (!(page === here && url.hash)) links.push([page, raw]);  // in-page anchors: the fragment check below
  if (url.hash.length > 1 && e.matches("a, area")) fragments.push([page, decodeURIComponent(url.hash.slice(1)), raw, page === here]);
}
return {
  title: document.title.trim(),
  lang: root.getAttribute("lang") || "",
  h1: [...document.querySelectorAll("h1")].map((e) => e.textContent.trim()),
  scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, innerWidth: window.innerWidth,
  overflowing: overflowing,
  noAlt: [...document.querySelectorAll("img:not([alt])")].map((e) => e.outerHTML.slice(0, 120)),
  links: links,
  fragments: fragments.map((f) => f.concat([f[3] ? !!(document.getElementById(f[1]) || document.getElementsByName(f[1]).length) : null])),
  errors: window.__e2eErrors || ["the error trap did not run"],
};
"""

# The words (runs of letters and digits) in the main content's table cells that the browser drew on more
# than one line: a word broken in the middle.
SPLIT_WORDS = """
const split = [];
for (const cell of document.querySelectorAll("main td, main th")) {
  const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.data.matchAll(/[\\p{L}\\p{N}]+/gu)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (lines.size > 1) split.push(match[0]);
    }
  }
}
return split;
"""

# What the header's search box and its suggestions show, for a failed search check.
SEARCH_STATE = """
const box = document.getElementById("site-search"), list = box && document.getElementById(box.id + "-suggestions");
return box && { value: box.value, expanded: box.getAttribute("aria-expanded"), focused: document.activeElement === box,
  listHidden: list && list.hidden, options: list && list.querySelectorAll("[role=option]").length,
  status: (document.getElementById(box.id + "-status") || {}).textContent, errors: window.__e2eErrors };
"""

# A name for an element that stays the same between calls: its path of tags and positions.
ELEMENT_KEY = """
const elementKey = (e) => {
  const parts = [];
  for (; e && e !== document.documentElement; e = e.parentElement) {
    parts.unshift(e.tagName.toLowerCase() + ":" + [...e.parentElement.children].indexOf(e));
  }
  return parts.join("/");
};
"""

# The elements Tab should stop at, in no particular order.
TABBABLE = ELEMENT_KEY + """
const selector = "a[href], area[href], button, input:not([type=hidden]), select, textarea, iframe, summary, [tabindex], [contenteditable]";
return [...document.querySelectorAll(selector)].filter((e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0 &&
  getComputedStyle(e).visibility !== "hidden" && !e.closest("[inert]")).map((e) => [elementKey(e), e.outerHTML.slice(0, 80)]);
"""

# The focused element and what draws its focus: an outline or a box-shadow on it or on its ::before/::after
# (the theme's cards draw the ring on a::after). With arguments[0], the element is also read unfocused,
# so that a permanent shadow does not count as a focus ring, and `drawn` tells whether focus shows: some
# indicator present only when focused, and, for an outline, at least 3:1 against the background it is
# drawn on (WCAG 1.4.11; the nearest ancestor backgrounds, unknown over an image or gradient).
FOCUS_FACTS = ELEMENT_KEY + """
const e = document.activeElement;
if (!e || e === document.body) return null;
const parseColor = (c) => {
  const m = /^rgba?\\(([\\d.]+),\\s*([\\d.]+),\\s*([\\d.]+)(?:,\\s*([\\d.]+))?\\)$/.exec(c);
  return m ? [+m[1], +m[2], +m[3], m[4] === undefined ? 1 : +m[4]] : null;
};
const over = (top, below) => [0, 1, 2].map((i) => top[i] * top[3] + below[i] * (1 - top[3])).concat([1]);
const backdrop = (start) => {
  const layers = [];
  for (let n = start; n; n = n.parentElement) {
    const s = getComputedStyle(n), c = parseColor(s.backgroundColor);
    if (s.backgroundImage !== "none" || !c) return null;
    if (c[3] > 0) layers.push(c);
    if (c[3] >= 1) break;
  }
  return layers.reverse().reduce((below, layer) => over(layer, below), [255, 255, 255, 1]);
};
const luminance = (c) => {
  const [r, g, b] = c.slice(0, 3).map((v) => (v /= 255) <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a, b) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
};
const ring = () => {
  const found = [];
  for (const pseudo of [null, "::before", "::after"]) {
    const s = getComputedStyle(e, pseudo);
    if (pseudo && s.content === "none") continue;
    const color = parseColor(s.outlineColor);
    if (s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0 && !(color && color[3] === 0)) {
      const behind = backdrop(!pseudo && parseFloat(s.outlineOffset) < 0 ? e : e.parentElement);
      const ratio = color && behind ? contrast(over(color, behind), behind) : null;
      found.push({ text: (pseudo || "") + "outline " + s.outlineStyle + " " + s.outlineWidth + " " + s.outlineColor +
        (ratio === null ? "" : " (" + ratio.toFixed(1) + ":1 on rgb(" + behind.slice(0, 3).map(Math.round).join(", ") + "))"),
        good: ratio === null || ratio >= 3 });
    }
    if (s.boxShadow !== "none") found.push({ text: (pseudo || "") + "box-shadow " + s.boxShadow, good: true });
  }
  return found;
};
const r = e.getBoundingClientRect();
const focused = ring();
const facts = {
  element: e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + (e.className && typeof e.className === "string" ? "." + e.className.trim().replace(/\\s+/g, ".") : ""),
  text: (e.textContent || e.value || "").trim().slice(0, 50),
  href: e.href || null,
  inNav: !!e.closest("nav"),
  inMain: !!e.closest("main"),
  inCard: !!e.closest(".card"),
  inHeaderSearch: !!e.closest("header form[role=search]"),
  isSkipLink: e.matches("a[href^='#']") && !e.closest("header, nav, main, footer") &&
    !!document.getElementById(decodeURIComponent(e.getAttribute("href").slice(1))),
  key: elementKey(e),
  onScreen: r.width > 1 && r.height > 1 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth,
  partlyOnScreen: r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
  focusVisible: e.matches(":focus-visible"),
  focused: focused.map((f) => f.text).join("; "),
};
if (arguments[0]) {
  e.blur();
  const unfocused = ring().map((f) => f.text);
  e.focus();
  facts.unfocused = unfocused.join("; ");
  facts.refocused = document.activeElement === e;
  facts.drawn = facts.refocused && focused.some((f) => f.good && !unfocused.includes(f.text));
}
return facts;
"""


class LinkParser(html.parser.HTMLParser):
    """An HTML page's text, the href of every <a> in it with the class of its list, and the ids and names it
    defines."""

    def __init__(self):
        super().__init__()
        self.links, self.ids, self.classes = [], set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("id", "name"):
            if attrs.get(key):
                self.ids.add(attrs[key])
        if tag == "a" and attrs.get("href"):
            self.links.append((attrs["href"], self.classes[-1] if self.classes else ""))
        if tag in ("ul", "ol"):
            self.classes.append(attrs.get("class") or "")

    def handle_endtag(self, tag):
        if tag in ("ul", "ol") and self.classes:
            self.classes.pop()


class Site:
    """Fetches the served site over HTTP, remembering each answer."""

    def __init__(self, base):
        self.base = base
        self.statuses, self.pages = {}, {}

    def status(self, url):
        if url not in self.statuses:
            try:
                with urllib.request.urlopen(urllib.request.Request(url, method="HEAD"), timeout=10) as response:
                    self.statuses[url] = response.status
            except urllib.error.HTTPError as error:
                self.statuses[url] = error.code
            except Exception as error:  # noqa: BLE001 - reported as the link's answer
                self.statuses[url] = repr(error)
        return self.statuses[url]

    def page(self, url):
        """The page at url, parsed (links, ids), or None when it does not answer 200."""
        if url not in self.pages:
            try:
                with urllib.request.urlopen(url, timeout=10) as response:
                    parser = LinkParser()
                    parser.text = response.read().decode("utf-8", "replace")
                    parser.feed(parser.text)
                    self.pages[url] = parser
            except Exception:  # noqa: BLE001
                self.pages[url] = None
        return self.pages[url]

    def links(self, url, list_class):
        """Absolute URLs of the links inside <ul>/<ol class=list_class> on the page at url."""
        page = self.page(url)
        return [urllib.parse.urljoin(url, href) for href, classes in (page.links if page else [])
                if list_class in classes.split()]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", help="a built site (default: build the demo)")
    parser.add_argument("--screenshots", help="where to save the screenshots (default: a new temporary folder)")
    args = parser.parse_args()
    started = time.monotonic()
    site_dir = args.site or harness.build_demo(prefix="site-test-")
    shots = Path(args.screenshots or tempfile.mkdtemp(prefix="site-test-screenshots-"))
    shots.mkdir(parents=True, exist_ok=True)

    server = harness.serve(site_dir, not_found=Path(site_dir) / "404.html")
    base = server.url
    site = Site(base)
    checks = harness.Checks()
    check = checks.check
    driver = harness.chrome(1366, 900)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": ERROR_TRAP})
    wait = WebDriverWait(driver, 10)

    def viewport(width, height, phone):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": phone})

    def console():
        """The console messages since the last call."""
        return driver.get_log("browser")

    def screenshot(name, full=True):
        if not full:  # what is on screen now, as the keyboard left it
            driver.get_screenshot_as_file(str(shots / f"{name}.png"))
            return
        height = min(driver.execute_script("return document.documentElement.scrollHeight"), SCREENSHOT_MAX_HEIGHT)
        width = driver.execute_script("return window.innerWidth")
        shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": width, "height": height, "scale": 1}})
        (shots / f"{name}.png").write_bytes(base64.b64decode(shot["data"]))

    def focus_facts(compare=False):
        return driver.execute_script(FOCUS_FACTS, compare)

    def press(*keys):
        actions = ActionChains(driver)
        for key in keys:
            actions.send_keys(key)
        actions.perform()

    def tab_until(predicate, most=40):
        """Presses Tab until the focused element satisfies predicate(facts); returns (facts, the path)."""
        path = []
        for _ in range(most):
            press(Keys.TAB)
            facts = focus_facts()
            path.append(facts and f"{facts['element']} {facts['text']!r}")
            if facts and predicate(facts):
                return facts, path
        return None, path

    def drawn(facts):
        """Whether the focused element shows its focus (see FOCUS_FACTS)."""
        return bool(facts and facts["drawn"])

    def ring(facts):
        return facts and {k: facts[k] for k in ("element", "text", "focused", "unfocused", "focusVisible")}

    def visibly_focused(name):
        facts = focus_facts(compare=True)
        check(name, drawn(facts), ring(facts))

    def follow_by_keyboard(reached, focused, opened, predicate, most, shot=None):
        """Tabs to the first link satisfying predicate, checks that it is visibly focused (and saves a
        screenshot named shot), presses Enter and checks that the link opened. The three names complete
        the checks' names. Returns whether the link was reached."""
        start = driver.current_url
        link, path = tab_until(predicate, most=most)
        check(f"keyboard: Tab reaches {reached}", link, path)
        if not link:
            return False
        visibly_focused(f"keyboard: {focused} is visibly focused")
        if shot:
            screenshot(shot, full=False)
        press(Keys.ENTER)
        try:
            wait.until(lambda d: d.current_url != start)
        except TimeoutException:
            pass
        check(f"keyboard: Enter on {opened} opens it", driver.current_url == link["href"],
              f"{driver.current_url} instead of {link['href']}")
        return True

    try:
        # ---------- Finding the pages from the site's own links ----------
        home = base
        driver.get(home)
        found = driver.execute_script("""
            const form = document.querySelector("main form[role=search]") || document.querySelector("form[role=search]");
            const nav = [...document.querySelectorAll("nav a")].filter((a) => a.getAttribute("aria-current") !== "page");
            return { search: form && form.action, categories: [...document.querySelectorAll("main .card a")].map((a) => a.href),
                     community: nav.length ? nav[0].href : null };
        """)
        # The article: the richest one (images first, then tables and code) among the categories' articles.
        best = None
        for category in found["categories"]:
            for article in site.links(category, "article-list"):
                page = site.page(article)
                if page is None:
                    continue
                text = page.text
                score = 100 * min(text.count("<img"), 1) + text.count("<table") + text.count("<pre")
                if best is None or score > best[0]:
                    best = (score, category, article)
        community = found["community"]
        topics = site.links(community, "card-grid") if community else []
        # The post: the one with the most comments among the community home's recent posts.
        post = None
        if community:
            driver.get(community)
            posts = driver.execute_script("""
                return [...document.querySelectorAll(".post-list li")].map((li) => {
                  const a = li.querySelector("a"), m = li.textContent.match(/(\\d+) comments?/);
                  return [a && a.href, m ? Number(m[1]) : 0];
                }).filter((p) => p[0]).sort((a, b) => b[1] - a[1]);
            """)
            post = posts[0][0] if posts and posts[0][1] > 0 else None
        pages = [
            ("home", home),
            ("category", best and best[1]),
            ("article", best and best[2]),
            ("search", found["search"] and found["search"] + "?" + urllib.parse.urlencode({"q": QUERY})),
            ("community", community),
            ("topic", topics[0] if topics else None),
            ("post", post),
            ("not-found", base + "this-page-does-not-exist/"),
        ]
        missing = [name for name, url in pages if not url]
        check("the pages are found from the site's links", not missing, f"not found: {missing}")
        pages = [(name, url) for name, url in pages if url]
        for name, url in pages:
            print(f"  {name}: {url[len(base) - 1:]}")
        console()

        # ---------- Every page, at every width ----------
        linked_once = set()
        for width_name, width, height, phone in WIDTHS:
            viewport(width, height, phone)
            for name, url in pages:
                label = f"{width_name} {name}"
                driver.get(url)
                if name == "search":
                    try:
                        wait.until(lambda d: d.execute_script(
                            "return document.querySelector('#search-results .search-result, #search-results .search-popular')"
                            " || /not available/.test(document.getElementById('search-status')?.textContent)"))
                    except TimeoutException:
                        pass
                    shown = driver.execute_script("return document.querySelectorAll('#search-results .search-result').length")
                    check(f"{label}: the query {QUERY!r} shows results", shown > 0,
                          driver.execute_script("return document.getElementById('search-status')?.textContent"))
                if name == "post":
                    comments = driver.execute_script("return document.querySelectorAll('.comment').length")
                    check(f"{label}: the post shows its comments", comments > 0, comments)
                facts = driver.execute_script(PAGE_FACTS)
                messages = console()
                severe = [m["message"] for m in messages if m.get("level") == "SEVERE"]
                if name == "not-found":  # the page's own 404 answer is the point of the page, not an error
                    severe = [m for m in severe if not (m.startswith(url + " - ") and "status of 404" in m)]
                check(f"{label}: no console errors", not severe, severe)
                for m in messages:
                    if m.get("level") == "WARNING":
                        print(f"  {label}: console warning: {m['message']}")
                check(f"{label}: no uncaught JavaScript errors", not facts["errors"], facts["errors"])
                check(f"{label}: has a <title>", facts["title"], repr(facts["title"]))
                check(f"{label}: <html lang> is set", re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", facts["lang"]),
                      repr(facts["lang"]))
                check(f"{label}: exactly one <h1>", len(facts["h1"]) == 1, facts["h1"])
                # innerWidth is checked too: a phone zooms out to fit a page wider than the screen, and then
                # innerWidth grows with the page.
                check(f"{label}: no horizontal overflow",
                      facts["scrollWidth"] <= facts["clientWidth"] + 1 and facts["scrollWidth"] <= facts["innerWidth"] + 1
                      and facts["innerWidth"] == width,
                      f"scrollWidth {facts['scrollWidth']}, clientWidth {facts['clientWidth']}, "
                      f"innerWidth {facts['innerWidth']} at a {width}px viewport; widest: {facts['overflowing']}")
                check(f"{label}: every <img> has alt", not facts["noAlt"], facts["noAlt"])
                if name not in linked_once:
                    linked_once.add(name)
                    targets = sorted({page for page, _ in facts["links"]})
                    with concurrent.futures.ThreadPoolExecutor(8) as pool:
                        answers = dict(zip(targets, pool.map(site.status, targets)))
                    broken = [f"{raw} -> {answers.get(page, 'invalid URL')}" for page, raw in facts["links"]
                              if answers.get(page) != 200]
                    check(f"{name}: every internal link answers 200 ({len(targets)} URLs)", not broken, sorted(set(broken)))
                    unmatched = []
                    for page, fragment, raw, same, present in facts["fragments"]:
                        if not same:
                            parsed = site.page(page)
                            present = parsed is not None and fragment in parsed.ids
                        if not present:
                            unmatched.append(raw)
                    check(f"{name}: every #fragment link has its target ({len(facts['fragments'])} links)",
                          not unmatched, sorted(set(unmatched)))
                screenshot(f"{width_name}-{name}")

        # ---------- Table cells keep their words whole (desktop) ----------
        viewport(1366, 900, False)
        with_tables = [article for category in found["categories"] for article in site.links(category, "article-list")
                       if (parsed := site.page(article)) is not None and "<table" in parsed.text]
        split = []
        for url in with_tables:
            driver.get(url)
            split += [f"{url[len(base) - 1:]}: {word}" for word in driver.execute_script(SPLIT_WORDS)]
        check(f"desktop: no word in a table cell is broken across lines ({len(with_tables)} articles with tables)",
              with_tables and not split, split[:8])

        # ---------- Keyboard only (desktop) ----------

        # The first Tab on a fresh page reaches the skip link (or the main navigation).
        driver.get(home)
        press(Keys.TAB)
        time.sleep(0.3)  # the skip link slides in
        first = focus_facts()
        check("keyboard: the first Tab reaches a skip link or the main navigation",
              first and (first["isSkipLink"] or first["inNav"]), first)
        if first and first["isSkipLink"]:
            check("keyboard: the focused skip link is on screen", first["onScreen"], first)
            visibly_focused("keyboard: the skip link is visibly focused")
            screenshot("keyboard-skip-link", full=False)
            press(Keys.ENTER)
            time.sleep(0.2)
            after = driver.execute_script("""
                const target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
                return { hash: location.hash, target: !!target,
                         focusInTarget: !!target && (target === document.activeElement || target.contains(document.activeElement)) };
            """)
            check("keyboard: Enter on the skip link moves focus to the content", after["target"] and after["focusInTarget"], after)
            press(Keys.TAB)
            inside = focus_facts()
            check("keyboard: the next Tab continues inside the content", inside and inside["inMain"], inside)

        # Enter follows links: the main navigation, then a card on the community home.
        driver.get(home)
        if follow_by_keyboard("a main navigation link", "the navigation link", "a navigation link",
                              lambda f: f["inNav"] and f["href"] and f["href"] != home, most=10):
            follow_by_keyboard("a card link in the content", "the card link", "a card link",
                               lambda f: f["inCard"] and f["href"], most=30, shot="keyboard-card-link")


        # Tab walks the whole home and article pages: every element once, no trap, each one visibly focused
        # and scrolled into view.
        viewport(1366, 900, False)
        article = dict(pages).get("article") or home
        for name, url in (("home", home), ("article", article)):
            driver.get(url)
            expected = dict(driver.execute_script(TABBABLE))
            visited, repeats, unseen_ring, off_screen = [], [], [], []
            for _ in range(len(expected) + 5):
                press(Keys.TAB)
                facts = focus_facts(compare=True)
                if facts is None:  # focus left the page after its last element
                    break
                if visited and facts["key"] == visited[-1]:
                    repeats.append(f"{facts['element']} {facts['text']!r}")
                    break
                visited.append(facts["key"])
                if not drawn(facts):
                    unseen_ring.append(ring(facts))
                    if len(unseen_ring) <= 3:
                        screenshot(f"keyboard-unseen-focus-{name}-{len(unseen_ring)}", full=False)
                if not facts["partlyOnScreen"]:  # a smooth scroll or a transition may still be under way
                    time.sleep(0.5)
                    settled = focus_facts()
                    if not (settled and settled["partlyOnScreen"]):
                        off_screen.append(f"{facts['element']} {facts['text']!r}")
            missed = [html for key, html in expected.items() if key not in visited]
            check(f"keyboard: Tab reaches all {len(expected)} focusable elements of the {name} page, each once, then leaves it",
                  not repeats and not missed and len(visited) == len(set(visited)) and facts is None,
                  f"stuck on {repeats}; never reached {missed[:5]}; {len(visited)} stops, {len(set(visited))} different")
            check(f"keyboard: every element Tab reaches on the {name} page is visibly focused", not unseen_ring, unseen_ring[:5])
            check(f"keyboard: every element Tab reaches on the {name} page is scrolled into view", not off_screen, off_screen[:5])

        # Searching with keys alone: Tab to the header's search box, type, ArrowDown, Enter.
        for width_name, width, height, phone in WIDTHS:
            viewport(width, height, phone)
            driver.get(article)
            label = f"keyboard search ({width_name})"
            box, path = tab_until(lambda f: f["inHeaderSearch"] and f["element"].startswith("input"), most=15)
            check(f"{label}: Tab reaches the header search box", box, path)
            if not box:
                continue
            visibly_focused(f"{label}: the search box is visibly focused")
            press(*QUERY)
            try:
                wait.until(lambda d: d.execute_script(
                    "return document.activeElement.getAttribute('aria-expanded') === 'true'"
                    " && document.querySelectorAll('[role=listbox]:not([hidden]) [role=option]').length > 0"))
                suggested = True
            except TimeoutException:
                suggested = False
            check(f"{label}: typing {QUERY!r} shows suggestions", suggested, suggested or driver.execute_script(SEARCH_STATE))
            if not suggested:
                continue
            press(Keys.ARROW_DOWN)
            chosen = driver.execute_script("""
                const id = document.activeElement.getAttribute("aria-activedescendant");
                const option = id && document.getElementById(id);
                const link = option && option.querySelector("a");
                return option && { selected: option.getAttribute("aria-selected"), href: link && link.href,
                                   title: link && link.textContent.trim(), focusStaysInBox: document.activeElement.matches("input") };
            """)
            check(f"{label}: ArrowDown selects the first suggestion",
                  chosen and chosen["selected"] == "true" and chosen["focusStaysInBox"] and chosen["href"], chosen)
            if not (chosen and chosen["href"]):
                continue
            screenshot(f"keyboard-search-{width_name}", full=False)
            press(Keys.ENTER)
            try:
                wait.until(lambda d: d.current_url.split("#")[0] != article)
            except TimeoutException:
                pass
            landed = driver.execute_script("""
                return { page: document.body.dataset.page, h1: [...document.querySelectorAll("h1")].map((h) => h.textContent.trim()) };
            """)
            check(f"{label}: Enter opens the chosen article",
                  driver.current_url == chosen["href"] and landed["page"] == "article" and landed["h1"] == [chosen["title"]],
                  f"{driver.current_url} ({landed}) instead of {chosen['href']} ({chosen['title']!r})")
        errors = [m["message"] for m in console() if m.get("level") == "SEVERE"]
        check("keyboard: no console errors", not errors, errors)
    finally:
        driver.quit()
        server.shutdown()
    print(f"  screenshots: {shots}")
    print(f"  took {time.monotonic() - started:.0f} s")
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
