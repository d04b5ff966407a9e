#!/usr/bin/env python3
"""Compare the help center's own search with Pagefind on the same built site.

Builds the demo (or takes `--site DIR`), runs Pagefind over a copy of it, serves both on 127.0.0.1 and drives
headless Chromium to measure, for each engine: index size on disk, bytes fetched by the first query after a
cold page load, relevance on Scripts/browser-tests/relevance.json, and warm query latency. Prints a table;
`--json FILE` also writes the numbers. See README.md next to this file.
"""
import argparse, functools, gzip, http.server, importlib.util, json, re, shutil, statistics, subprocess, sys
import tempfile, threading, time, urllib.parse
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
RELEVANCE = [(r["query"], r["article"]) for r in json.loads((REPO / "Scripts/browser-tests/relevance.json").read_text())]
COLD_QUERIES = ["offline", "reset password", "webhook", "sso", "inv"]
LIMIT = 10          # results asked for in the cold and latency runs (Pagefind also loads .data() of each)
TIMED_PASSES = 3    # warm latency: passes over the relevance set after one warm-up pass
# Pagefind indexes the pages our index holds (articles and community posts), with its default content rules.
PAGEFIND_GLOB = "{articles,community/posts}/**/*.html"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"

# Each script takes (query, limit), resolves to {ms, urls} in rank order, or {error}. Only the search is timed.
OURS_JS = """
const [query, limit, done] = arguments;
const t0 = performance.now();
helpcenterSearch(query, { limit }).then(
  r => done({ ms: performance.now() - t0, urls: r.map(x => x.url) }), e => done({ error: String(e) }));
"""
PAGEFIND_JS = """
const [query, limit, done] = arguments;
(async () => {
  const pagefind = await import("/pagefind/pagefind.js");
  await pagefind.init?.();
  const t0 = performance.now();
  const search = await pagefind.search(query);
  const data = await Promise.all(search.results.slice(0, limit).map(r => r.data()));
  return { ms: performance.now() - t0, urls: data.map(d => d.url) };
})().then(done, e => done({ error: String(e) }));
"""


def fail(message):
    sys.exit(f"compare.py: {message}")


def progress(message):
    print(message, file=sys.stderr, flush=True)


def check_tools(building):
    if importlib.util.find_spec("selenium") is None:
        fail("selenium is missing: pip install selenium==4.51.0")
    if importlib.util.find_spec("pagefind_bin") is None:
        fail("Pagefind is missing: pip install pagefind-bin")
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not Path(path).exists():
            fail(f"{path} is missing: apt-get install {package}")
    if building and not shutil.which("swift"):
        fail("swift is not on PATH (or pass --site DIR with an already built site)")


def build_site(out, snapshot):
    """Build the site with the helpcenter binary, timing the build alone (not SwiftPM's own up-to-date check)."""
    subprocess.run(["swift", "build", "--package-path", str(REPO), "--product", "helpcenter"],
                   check=True, stdout=sys.stderr)
    bin_dir = subprocess.run(["swift", "build", "--package-path", str(REPO), "--show-bin-path"],
                             check=True, capture_output=True, text=True).stdout.strip()
    report = out.parent / "build-report.json"
    command = [str(Path(bin_dir) / "helpcenter"), "build", "-o", str(out), "--report", str(report)]
    if snapshot:
        command += ["--snapshot", snapshot]
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    seconds = time.perf_counter() - start
    phases = {p["name"]: p["seconds"] for p in json.loads(report.read_text()).get("phases", [])}
    return {"build_seconds": seconds, "search_index_phase_seconds": phases.get("search index")}


def run_pagefind(site, copy):
    """Copy the site and index the copy with Pagefind; returns the wall time and Pagefind's own summary."""
    shutil.copytree(site, copy)
    command = [sys.executable, "-m", "pagefind_bin", "--site", str(copy), "--output-subdir", "pagefind",
               "--glob", PAGEFIND_GLOB]
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if run.returncode:
        fail(f"pagefind failed:\n{run.stdout}{run.stderr}")
    pages = re.search(r"Indexed (\d+) pages", run.stdout)
    version = subprocess.run([sys.executable, "-m", "pagefind_bin", "--version"],
                             capture_output=True, text=True).stdout.strip()
    return {"seconds": seconds, "pages": int(pages[1]) if pages else None, "version": version, "glob": PAGEFIND_GLOB}


@functools.cache
def file_sizes(path):
    data = path.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=9))


def is_code(relative):
    """Search code (js, css, wasm) as opposed to index data; Pagefind's wasm files are named wasm.<lang>.pagefind."""
    return relative.endswith((".js", ".css", ".wasm")) or Path(relative).name.startswith("wasm.")


def tally(root, relatives):
    """Raw and gzip -9 bytes and file counts of files under root, split into index data and code."""
    totals = {kind: {"files": 0, "raw": 0, "gzip": 0} for kind in ("index", "code", "total")}
    for relative in relatives:
        raw, gz = file_sizes(root / relative)
        for kind in ("code" if is_code(relative) else "index", "total"):
            totals[kind]["files"] += 1
            totals[kind]["raw"] += raw
            totals[kind]["gzip"] += gz
    return totals


@dataclass
class Engine:
    name: str
    site: Path
    prefixes: tuple  # site-relative paths that belong to this engine's search
    script: str
    base: str = ""   # the URL it is served at, once serving
    requests: list = field(default_factory=list)  # paths the server was asked for, in order

    def files(self):
        return sorted(p.relative_to(self.site).as_posix() for p in self.site.rglob("*")
                      if p.is_file() and p.relative_to(self.site).as_posix().startswith(self.prefixes))


def serve(engine):
    """Serve the engine's site on a free port, recording every requested path (workers' fetches included)."""
    requests = engine.requests

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            requests.append(urllib.parse.unquote(urllib.parse.urlsplit(self.path).path))
            super().do_GET()

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(engine.site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    engine.base = f"http://127.0.0.1:{server.server_address[1]}/"
    return server


@contextmanager
def browser():
    """A fresh headless Chromium session: a new profile, so an empty cache and empty storage."""
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service
    options = Options()
    options.add_argument("--headless=new")
    options.add_argument("--no-sandbox")
    options.add_argument("--window-size=1280,900")
    options.binary_location = CHROMIUM
    driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    driver.set_script_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def search(driver, engine, query, limit):
    answer = driver.execute_async_script(engine.script, query, limit)
    if not isinstance(answer, dict) or "error" in answer:
        fail(f"{engine.name} search for {query!r} failed: {answer}")
    return answer


def cold_transfer(engine, page, query):
    """Load a page in a fresh browser, run one query, and tally the search files the server sent for it.
    The server's log is used rather than performance.getEntriesByType('resource') because Pagefind fetches
    its wasm and index from a Web Worker, whose requests never show in the page's resource timeline."""
    with browser() as driver:
        engine.requests.clear()
        driver.get(engine.base + page)
        search(driver, engine, query, LIMIT)
        fetched = [p.lstrip("/") for p in dict.fromkeys(engine.requests)]
    relatives = [p for p in fetched if p.startswith(engine.prefixes) and (engine.site / p).is_file()]
    return {"query": query, "fetched": relatives, **tally(engine.site, relatives)}


def summarize_cold(runs):
    """Median and max of each cold-load number over the runs."""
    def pick(aggregate):
        return {kind: {key: aggregate([run[kind][key] for run in runs]) for key in ("files", "raw", "gzip")}
                for kind in ("index", "code", "total")}
    return {"median": pick(statistics.median), "max": pick(max)}


def warm_runs(engine, page, queries):
    """Relevance from a warm-up pass, then latency over TIMED_PASSES more passes, in one browser session.
    Without relevance queries (another site than the demo), the warm-up and the timing use COLD_QUERIES."""
    hits1, hits3, misses = 0, 0, []
    timed = [query for query, _ in queries] or COLD_QUERIES
    with browser() as driver:
        driver.get(engine.base + page)
        if not queries:
            for query in timed:
                search(driver, engine, query, LIMIT)
        for query, slug in queries:
            urls = search(driver, engine, query, LIMIT)["urls"][:3]
            top = [f"articles/{slug}/" in url for url in urls]
            hits1 += bool(top and top[0])
            hits3 += any(top)
            if not any(top):
                misses.append({"query": query, "article": slug, "top3": urls})
        times = [search(driver, engine, query, LIMIT)["ms"] for _ in range(TIMED_PASSES) for query in timed]
    relevance = {"first": hits1, "top3": hits3, "total": len(queries), "misses": misses}
    latency = {"median_ms": statistics.median(times), "max_ms": max(times), "samples": len(times)}
    return relevance, latency


def kb(n):
    return f"{n / 1024:.1f} KB"


def print_report(results, timing, pagefind_info, site, page):
    ours, pf = results["ours"], results["pagefind"]
    rows = []

    def row(label, show):
        rows.append((label, show(ours), show(pf)))

    def sizes(pick):
        return lambda r: f"{kb(pick(r)['raw'])} / {kb(pick(r)['gzip'])}"

    def cold(kind, key, fmt):
        return lambda r: f"{fmt(r['cold']['median'][kind][key])} ({fmt(r['cold']['max'][kind][key])})"

    rows.append(("Index on disk (raw / gzip -9)", "", ""))
    for kind, label in (("index", "index data"), ("code", "code (js/wasm/css)"), ("total", "total")):
        row(f"  {label}", sizes(lambda r, k=kind: r["disk"][k]))
    row("  files (index data + code)", lambda r: f"{r['disk']['total']['files']} "
        f"({r['disk']['index']['files']} + {r['disk']['code']['files']})")
    rows.append((f"First query, cold load: median (max) of {len(COLD_QUERIES)}", "", ""))
    for kind, label in (("code", "code"), ("index", "index data"), ("total", "total")):
        row(f"  {label} raw", cold(kind, "raw", kb))
        row(f"  {label} gzip", cold(kind, "gzip", kb))
    row("  files fetched", cold("total", "files", str))
    total = ours["relevance"]["total"]
    rows.append((f"Relevance ({total} queries)" if total else "Relevance: n/a (the query set's articles are not in this site)", "", ""))
    if total:
        row("  first place", lambda r: f"{r['relevance']['first']}/{r['relevance']['total']}")
        row("  in the top 3", lambda r: f"{r['relevance']['top3']}/{r['relevance']['total']}")
    row(f"Warm latency, limit {LIMIT}: median (max)",
        lambda r: f"{r['latency']['median_ms']:.1f} ms ({r['latency']['max_ms']:.1f} ms)")
    build = timing.get("build_seconds")
    rows.append(("Indexing time",
                 f"{build:.2f} s whole build" if build is not None else "n/a (--site)",
                 f"{pagefind_info['seconds']:.2f} s"))

    print(f"Site: {site}")
    print(f"Pagefind: {pagefind_info['version']} over a copy, --glob '{PAGEFIND_GLOB}' "
          f"({pagefind_info['pages']} pages), default content rules")
    print(f"Cold loads open {page} in a fresh browser; gzip sizes are computed from the files on disk.")
    print()
    width = max(len(r[0]) for r in rows) + 2
    print(f"{'':{width}}{'ours':>24}{'pagefind':>24}")
    for label, a, b in rows:
        print(f"{label:{width}}{a:>24}{b:>24}")
    if timing.get("search_index_phase_seconds") is not None:
        print(f"(our build's own search index phase: {timing['search_index_phase_seconds']:.3f} s;"
              f" Pagefind's time includes starting Python for python3 -m pagefind_bin)")
    print()
    for name, r in results.items():
        print(f"Cold first queries, {name}: " + "; ".join(
            f"{run['query']!r} {run['total']['files']} files {kb(run['total']['gzip'])} gz" for run in r["cold"]["runs"]))
    for name, r in results.items():
        for miss in r["relevance"]["misses"]:
            print(f"Miss, {name}: {miss['query']!r} wants {miss['article']} -> {miss['top3']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", help="an already built site (default: build the demo into a temp folder)")
    parser.add_argument("--snapshot", help="build from this snapshot file instead of the demo")
    parser.add_argument("--json", help="also write the numbers to this file")
    args = parser.parse_args()
    if args.site and args.snapshot:
        parser.error("--snapshot builds a site; it cannot be combined with --site")
    check_tools(building=not args.site)

    work = Path(tempfile.mkdtemp(prefix="search-compare-"))
    try:
        if args.site:
            site, timing = Path(args.site).resolve(), {}
            if not (site / "assets/search.js").is_file():
                fail(f"{site} does not look like a built help center (no assets/search.js)")
        else:
            site = work / "site"
            progress(f"Building the site into {site} ...")
            timing = build_site(site, args.snapshot)
        progress("Indexing a copy with Pagefind ...")
        pagefind_info = run_pagefind(site, work / "site-pagefind")
        timing["pagefind_seconds"] = pagefind_info["seconds"]

        # The page cold loads open: the first article (the home page if there is none).
        articles = sorted(site.glob("articles/*/index.html"))
        page = articles[0].parent.relative_to(site).as_posix() + "/" if articles else ""
        # The relevance set is written for the demo: only its queries whose article this site has count.
        queries = [(query, slug) for query, slug in RELEVANCE if (site / "articles" / slug / "index.html").exists()]
        engines = [Engine("ours", site, ("search/index/", "assets/search.js"), OURS_JS),
                   Engine("pagefind", work / "site-pagefind", ("pagefind/",), PAGEFIND_JS)]
        servers = [serve(engine) for engine in engines]
        results = {}
        try:
            for engine in engines:
                progress(f"Measuring {engine.name} ...")
                runs = [cold_transfer(engine, page, query) for query in COLD_QUERIES]
                relevance, latency = warm_runs(engine, page, queries)
                results[engine.name] = {"disk": tally(engine.site, engine.files()),
                                        "cold": {"runs": runs, **summarize_cold(runs)},
                                        "relevance": relevance, "latency": latency}
        finally:
            for server in servers:
                server.shutdown()
    finally:
        shutil.rmtree(work, ignore_errors=True)

    label = args.site or f"{args.snapshot or 'the demo'}, built into a temp folder"
    print_report(results, timing, pagefind_info, label, page)
    if args.json:
        Path(args.json).write_text(json.dumps({"site": label, "page": page, "limit": LIMIT,
                                               "pagefind": pagefind_info, "timing": timing, "engines": results},
                                              indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
