#!/usr/bin/env python3
"""The hostile help center in a real headless Chromium: no script runs on any generated page.

Writes the hostile snapshot (`helpcenter-corpus --hostile`: script-injection vectors in every field that
reaches a page, pathological Markdown, right-to-left text, emoji, empty titles, duplicate slugs, missing
categories, a 10 MB article, thousands of comments), builds it with `helpcenter build`, serves the site
on 127.0.0.1 and opens every page at a phone width. Before any page script, `alert`, `confirm`, `prompt`
and `print` are replaced by recorders (every vector calls `alert`), and Content Security Policy
violations are recorded too. Then each page's DOM, as the browser parsed it, is audited: no event-handler
attribute, no script but the theme's, no frame, object, embed, base, style element or inline style, no
javascript:, vbscript: or data: URL in a link, image or form, no horizontal overflow.

Prints one line per check and 'N passed, N failed'; exit status 1 on any failure. `--site DIR` audits an
already built site instead. Needs Debian's chromium and chromium-driver, and selenium==4.51.0.
"""
import argparse, json, subprocess, sys, tempfile, time
from pathlib import Path

import harness
from selenium.common.exceptions import TimeoutException

RECORDER = """
window.__xss = [];
for (const name of ['alert', 'confirm', 'prompt', 'print']) {
  window[name] = function () { window.__xss.push(name + '(' + Array.from(arguments).join(',') + ')'); };
}
document.addEventListener('securitypolicyviolation', function (event) {
  window.__xss.push('CSP blocked ' + event.violatedDirective + ' ' + event.blockedURI);
});
"""

# Everything wrong with the page's DOM, as strings; the theme's own scripts and structured data are allowed.
AUDIT = """
const problems = [];
const describe = (el) => '<' + el.tagName.toLowerCase() + '> ' + el.outerHTML.slice(0, 120);
for (const el of document.querySelectorAll('*')) {
  for (const attr of el.attributes) {
    if (attr.name.toLowerCase().startsWith('on')) problems.push('event handler ' + attr.name + ' on ' + describe(el));
    if (attr.name.toLowerCase() === 'style') problems.push('inline style on ' + describe(el));
  }
  el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true}));
}
for (const el of document.querySelectorAll('script')) {
  const own = el.src && /\\/assets\\/(site|search)\\.js$/.test(new URL(el.src).pathname) && new URL(el.src).origin === location.origin;
  if (!own && el.type !== 'application/ld+json') problems.push('script ' + describe(el));
}
for (const el of document.querySelectorAll('iframe, frame, object, embed, base, style, svg, math, applet, portal')) {
  problems.push('element ' + describe(el));
}
for (const el of document.querySelectorAll('meta[http-equiv]')) {
  const equiv = el.httpEquiv.toLowerCase();
  if (equiv === 'refresh' && !/url=(\\.|\\/|http:\\/\\/127\\.0\\.0\\.1)/i.test(el.content)) problems.push('refresh ' + describe(el));
  if (equiv !== 'refresh' && equiv !== 'content-security-policy') problems.push('meta ' + describe(el));
}
for (const el of document.querySelectorAll('link[rel~=stylesheet]')) {
  if (new URL(el.href).origin !== location.origin) problems.push('foreign stylesheet ' + describe(el));
}
const urls = [];
for (const el of document.querySelectorAll('a[href], area[href]')) urls.push([el, el.href]);
for (const el of document.querySelectorAll('img[src], source[src], video[src], audio[src], input[src]')) urls.push([el, el.src]);
for (const el of document.querySelectorAll('form')) urls.push([el, el.action]);
for (const el of document.querySelectorAll('button[formaction], input[formaction]')) urls.push([el, el.formAction]);
for (const [el, url] of urls) {
  let protocol = '';
  try { protocol = new URL(url, location.href).protocol; } catch (e) { protocol = 'invalid:'; }
  if (!['http:', 'https:', 'mailto:'].includes(protocol)) problems.push(protocol + ' URL in ' + describe(el));
}
const root = document.documentElement;
if (root.scrollWidth > root.clientWidth + 1) problems.push('horizontal overflow: ' + root.scrollWidth + 'px in ' + root.clientWidth + 'px');
if (!document.title.trim()) problems.push('empty <title>');
return problems;
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--site", help="an already built hostile site (default: write the snapshot and build it)")
    args = parser.parse_args()
    checks = harness.Checks()
    site = args.site
    if not site:
        work = Path(tempfile.mkdtemp(prefix="hostile-test-"))
        snapshot, site, report = work / "hostile.json", str(work / "site"), work / "report.json"
        bin_path = harness.tools("helpcenter-corpus", "helpcenter")
        subprocess.check_call([str(bin_path / "helpcenter-corpus"), "--hostile", "-o", str(snapshot)])
        started = time.monotonic()
        build = subprocess.run([str(bin_path / "helpcenter"), "build", "--snapshot", str(snapshot), "-o", site,
                                "--report", str(report)], capture_output=True, text=True)
        seconds = time.monotonic() - started
        checks.check("the hostile help center builds (exit status 0)", build.returncode == 0, build.stderr[-2000:])
        print(f"  built in {seconds:.1f} s: {build.stderr.strip().splitlines()[0] if build.stderr.strip() else ''}")
        kinds = {w["kind"] for w in json.loads(report.read_text())["warnings"]} if report.exists() else set()
        for kind in ["duplicateSlug", "unsafeSlug", "unknownCategory", "unknownTopic", "markdownFallback"]:
            checks.check(f"the build report warns: {kind}", kind in kinds, sorted(kinds))

    pages = sorted(p for p in Path(site).rglob("*.html"))
    checks.check("the site has pages", len(pages) > 200, len(pages))
    server = harness.serve(site)
    driver = harness.chrome(1280, 900)
    driver.set_page_load_timeout(60)
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORDER})
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
    ran, audited, console, slow = [], [], [], []
    try:
        started = time.monotonic()
        for page in pages:
            path = page.relative_to(site).as_posix()
            opened = time.monotonic()
            try:
                driver.get(server.url + path)
            except TimeoutException:
                slow.append(f"{path}: not loaded in 60 s")
                continue
            if time.monotonic() - opened > 10:
                slow.append(f"{path}: {time.monotonic() - opened:.1f} s")
            for problem in driver.execute_script(AUDIT):
                audited.append(f"{path}: {problem}")
            for call in driver.execute_script("return window.__xss"):
                ran.append(f"{path}: {call}")
            for entry in driver.get_log("browser"):
                if entry["level"] == "SEVERE" and "Failed to load resource" not in entry["message"]:
                    console.append(f"{path}: {entry['message'][:200]}")
        print(f"  opened {len(pages)} pages in {time.monotonic() - started:.0f} s")
        checks.check(f"no script ran and no policy was violated on any of {len(pages)} pages", not ran, ran[:20])
        checks.check("no page has event handlers, foreign scripts, frames, dangerous URLs or overflow", not audited,
                     "\n  ".join(audited[:30]) + (f"\n  … and {len(audited) - 30} more" if len(audited) > 30 else ""))
        checks.check("no console errors", not console, console[:10])
        checks.check("every page loads within 10 s", not slow, slow)

        # Hostile text is shown as text: the first vector is the first article's title, word for word.
        driver.get(server.url + "articles/script-alert-1-script/")
        heading = driver.execute_script("return document.querySelector('h1') && document.querySelector('h1').textContent")
        checks.check("a <script> title is shown as text", heading == "<script>alert(1)</script>", heading)
        driver.get(server.url + "community/posts/thousands-of-comments/")
        count = driver.execute_script("return document.querySelectorAll('.comment-list > li').length")
        checks.check("the post with 3,000 comments shows them all", count == 3000, count)
    finally:
        driver.quit()
        server.shutdown()
    return checks.summary()


if __name__ == "__main__":
    sys.exit(main())
