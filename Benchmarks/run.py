#!/usr/bin/env python3
"""Benchmark helpcenter against Hugo (and Hugo + Pagefind) on the same synthetic help center.

One command, from a fresh clone:

    python3 Benchmarks/run.py [--sizes 1000,10000,50000] [--runs 3] [--skip-search] [--baseline-bin DIR] [--work DIR]

For each size N it generates a deterministic corpus (N articles and N community posts as a snapshot, the
same N articles alone as a second snapshot, and the same N articles as a Hugo site), then measures on this
machine: full builds (median wall time of --runs runs, peak RSS from /usr/bin/time -v), Pagefind over
Hugo's output, our no-change and one-article-change rebuilds, both search indexes on disk and (N <= 10,000)
the first query's transfer in headless Chromium; then `helpcenter snapshot` against `helpcenter emulate` on
loopback. With --baseline-bin, an older `helpcenter` binary is measured in the same rounds, interleaved with
this one, and a before/after table compares the two. Prints a table per size and the targets as PASS or
MISS, a growth table over the sizes, and writes every number to <work>/results.json. See
Benchmarks/README.md.

Python 3 standard library only (the search measurement imports Scripts/search-compare/compare.py, which
needs selenium; it is installed when missing).
"""
import argparse, hashlib, importlib.util, json, math, os, platform, queue, re, shlex, shutil, signal, statistics, subprocess
import sys, threading, time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
COMPARE = REPO / "Scripts/search-compare/compare.py"
TIME = "/usr/bin/time"
MARKER = ".helpcenter-bench"        # marks a work folder this script made (it only ever deletes inside one)
TEAM = "benchmark"                   # the corpus's team slug
SEARCH_MAX = 10_000                  # first-query transfer is measured up to this size (Chromium is slow beyond)
SNAPSHOT_MAX = 10_000                # the snapshot throughput runs at the largest size up to this
CONCURRENCIES = [1, 4, 8, 16]
EDIT_WORD = b"benchmarked"           # the word put in place of one word of one article for the one-change rebuild
MB, GB = 1_000_000, 1_000_000_000
BASELINE = "baseline_"               # the prefix of the --baseline-bin binary's keys and folders

# Issue 14's targets: a value at or below the limit passes (the 50k RSS must be strictly under it).
# ours_vs_hugo: ours with posts (and search) over Hugo's time for the articles; ours_articles_vs_hugo: ours
# with the articles alone; rss_vs_hugo: ours with posts; rss_50k_bytes: ours, articles alone, at 50,000;
# the rebuild shares are over our full --no-cache build with posts.
TARGETS = {
    "ours_vs_hugo": 0.5, "ours_articles_vs_hugo": 0.35, "rss_vs_hugo": 0.25,
    "rss_50k_bytes": GB, "one_change_share": 0.10, "no_change_share": 0.02,
}
RSS_50K_SIZE = 50_000


def log(message):
    print(message, file=sys.stderr, flush=True)


def fail(message):
    sys.exit(f"run.py: {message}")


def quote(command):
    return shlex.join(str(part) for part in command)


# MARK: - Tools

def as_root(command):
    if os.geteuid() == 0:
        return command
    if shutil.which("sudo"):
        return ["sudo", "-n", *command]
    fail(f"{quote(command)} needs root (and sudo is not available); run it yourself, then run this again")


def apt_install(packages):
    log(f"Installing {' '.join(packages)} with apt-get ...")
    command = as_root(["apt-get", "install", "-y", *packages])
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    if subprocess.run(command, env=env, stdout=sys.stderr).returncode != 0:
        subprocess.run(as_root(["apt-get", "update"]), env=env, stdout=sys.stderr)
        if subprocess.run(command, env=env, stdout=sys.stderr).returncode != 0:
            fail(f"{quote(command)} failed")


def pip_install(requirement):
    log(f"Installing {requirement} with pip ...")
    for extra in ([], ["--user"], ["--user", "--break-system-packages"]):
        if subprocess.run([sys.executable, "-m", "pip", "install", *extra, requirement], stdout=sys.stderr).returncode == 0:
            return
    fail(f"pip install {requirement} failed")


def pagefind_executable():
    """The Pagefind binary that `python3 -m pagefind_bin` runs (it execs it): called directly, so Pagefind's
    time does not include starting Python."""
    probe = subprocess.run([sys.executable, "-c", "import pagefind_bin; print(pagefind_bin.get_executable())"],
                           capture_output=True, text=True)
    if probe.returncode != 0:
        return None
    path = probe.stdout.strip()
    return path if subprocess.run([path, "--version"], capture_output=True).returncode == 0 else None


def prepare_tools(args):
    """Installs what is missing and builds helpcenter and helpcenter-corpus in release."""
    if not shutil.which("swift"):
        fail("swift is not on PATH: install Swift 6 (see README.md)")
    if not Path(TIME).exists():
        apt_install(["time"])
    if not shutil.which("hugo"):
        apt_install(["hugo"])
    if not args.skip_pagefind and subprocess.run([sys.executable, "-m", "pagefind_bin", "--version"],
                                                 capture_output=True).returncode != 0:
        pip_install("pagefind-bin")
    if not args.skip_search:
        if importlib.util.find_spec("selenium") is None:
            pip_install("selenium==4.51.0")
        missing = [package for path, package in (("/usr/bin/chromium", "chromium"), ("/usr/bin/chromedriver", "chromium-driver"))
                   if not Path(path).exists()]
        if missing:
            apt_install(missing)
    pagefind = None
    if not args.skip_pagefind:
        pagefind = pagefind_executable()
        if not pagefind:
            fail("Pagefind does not run: python3 -m pagefind_bin --version fails after pip install pagefind-bin")

    for product in ("helpcenter", "helpcenter-corpus"):
        command = ["swift", "build", "-c", "release", "--package-path", str(REPO), "--product", product]
        log(f"$ {quote(command)}")
        if subprocess.run(command, stdout=sys.stderr).returncode != 0:
            fail(f"{quote(command)} failed")
    bin_dir = Path(subprocess.run(["swift", "build", "-c", "release", "--package-path", str(REPO), "--show-bin-path"],
                                  check=True, capture_output=True, text=True).stdout.strip())
    tools = {"helpcenter": str(bin_dir / "helpcenter"), "corpus": str(bin_dir / "helpcenter-corpus"),
             "hugo": shutil.which("hugo"), "pagefind": pagefind}
    versions = {
        "hugo": first_line([tools["hugo"], "version"]),
        "pagefind": first_line([pagefind, "--version"]) if pagefind else None,
        "swift": first_line(["swift", "--version"]),
        "helpcenter_commit": first_line(["git", "-C", str(REPO), "rev-parse", "HEAD"]),
        "helpcenter_tree_modified": bool(first_line(["git", "-C", str(REPO), "status", "--porcelain", "--untracked-files=no"])),
        "helpcenter_sha256": file_sha256(tools["helpcenter"]),
    }
    if args.baseline_bin:
        baseline = Path(args.baseline_bin).expanduser().resolve() / "helpcenter"
        if not (baseline.is_file() and os.access(baseline, os.X_OK)):
            fail(f"--baseline-bin {args.baseline_bin}: no executable helpcenter in that folder")
        tools["baseline"] = str(baseline)
        versions["baseline"] = {"path": str(baseline), "version": first_line([baseline, "--version"]),
                                "sha256": file_sha256(baseline),
                                "modified": time.strftime("%Y-%m-%dT%H:%M:%S%z", time.localtime(baseline.stat().st_mtime))}
        if versions["baseline"]["sha256"] == versions["helpcenter_sha256"]:
            log(f"warning: {baseline} is the same file as the binary just built; before and after will match")
    return tools, versions


def file_sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def first_line(command):
    try:
        run = subprocess.run(command, capture_output=True, text=True)
    except OSError:
        return None
    lines = (run.stdout or run.stderr).strip().splitlines()
    return lines[0] if lines else ""


def machine():
    info = {"cores": os.cpu_count(), "platform": platform.platform()}
    try:
        cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
        info["cpu"] = cpu[1].strip() if cpu else None
        memory = re.search(r"MemTotal:\s*(\d+) kB", Path("/proc/meminfo").read_text())
        info["memory_bytes"] = int(memory[1]) * 1024 if memory else None
    except OSError:
        pass
    return info


# MARK: - Work folder

class Work:
    """The work folder: created with a marker file; nothing outside it is ever deleted."""

    def __init__(self, path):
        self.root = Path(path).expanduser().resolve()
        if self.root == REPO or REPO in self.root.parents:
            fail(f"--work {self.root} is inside the repository; choose a folder outside it")
        if self.root.exists():
            if not self.root.is_dir():
                fail(f"--work {self.root} is not a folder")
            if any(self.root.iterdir()) and not (self.root / MARKER).exists():
                fail(f"--work {self.root} is not empty and was not made by this script (no {MARKER}); choose another folder")
        self.root.mkdir(parents=True, exist_ok=True)
        (self.root / MARKER).write_text("helpcenter benchmark work folder: Benchmarks/run.py deletes and rewrites its contents\n")

    def remove(self, path):
        path = Path(path)
        resolved = path.resolve()
        if self.root not in resolved.parents:
            raise RuntimeError(f"refusing to delete {path}: it is not inside {self.root}")
        if path.is_symlink() or path.is_file():
            path.unlink()
        elif path.is_dir():
            shutil.rmtree(path)

    def fresh(self, path):
        self.remove(path)
        Path(path).mkdir(parents=True)
        return Path(path)


# MARK: - Measuring

def timed(command, time_file, check=True, **kwargs):
    """Runs a command under /usr/bin/time -v: wall time (perf_counter around it), peak RSS, CPU time."""
    full = [TIME, "-v", "-o", str(time_file), *[str(part) for part in command]]
    busy = machine_busy_seconds()
    start = time.perf_counter()
    run = subprocess.run(full, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kwargs)
    wall = time.perf_counter() - start
    busy = machine_busy_seconds() - busy
    if check and run.returncode != 0:
        fail(f"{quote(command)} failed (status {run.returncode}):\n{run.stdout[-3000:]}{run.stderr[-3000:]}")
    report = Path(time_file).read_text()

    def number(label):
        match = re.search(re.escape(label) + r":\s*([\d.]+)", report)
        return float(match[1]) if match else None

    user, system = number("User time (seconds)"), number("System time (seconds)")
    # CPU the rest of the machine used meanwhile: a busy machine makes wall times noisy.
    others = max(0.0, busy - (user or 0) - (system or 0))
    return {"wall": wall, "rss": int(number("Maximum resident set size (kbytes)") or 0) * 1024,
            "user": user, "sys": system, "others_cores": others / wall if wall else 0,
            "status": run.returncode, "stdout": run.stdout, "stderr": run.stderr}


def machine_busy_seconds():
    """CPU seconds the whole machine has spent busy (all but idle and iowait), from /proc/stat."""
    fields = [int(value) for value in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    return (sum(fields[:8]) - fields[3] - fields[4]) / os.sysconf("SC_CLK_TCK")


def summarize(measures):
    """Median wall time, the highest peak RSS, median CPU time, and every run's wall time."""
    walls = [m["wall"] for m in measures]
    cpus = [(m["user"] or 0) + (m["sys"] or 0) for m in measures]
    return {"median_seconds": statistics.median(walls), "runs_seconds": walls,
            "peak_rss_bytes": max(m["rss"] for m in measures), "median_cpu_seconds": statistics.median(cpus),
            "others_cores": [round(m["others_cores"], 2) for m in measures]}


def tree(path, keep=lambda relative: True):
    """Bytes and file count of the files under path."""
    files = total = 0
    path = Path(path)
    if not path.exists():
        return {"bytes": 0, "files": 0}
    if path.is_file():
        return {"bytes": path.stat().st_size, "files": 1}
    for root, _, names in os.walk(path):
        for name in names:
            full = Path(root) / name
            if keep(full.relative_to(path).as_posix()):
                files += 1
                total += full.stat().st_size
    return {"bytes": total, "files": files}


def is_code(relative):
    """Search code (js, css, wasm) as opposed to index data, as compare.py splits them."""
    return relative.endswith((".js", ".css", ".wasm")) or Path(relative).name.startswith("wasm.")


def our_build(folder, key, measures):
    """One of our full builds: its runs' summary, the output and what the build's report says."""
    out, details = folder / f"site-{key}", read_report(folder / f"report-{key}.json")
    return {**summarize(measures), "output": tree(out), "files_written": details.get("written"),
            "phases": details.get("phases"), "pages": details.get("pages"),
            "search_index": tree(out / "search/index"), "search_code_bytes": tree(out / "assets/search.js")["bytes"]}


def same_tree(a, b, most=20):
    """Whether two folders hold the same files with the same bytes, and the first paths that differ."""
    def files(root):
        return {p.relative_to(root).as_posix() for p in Path(root).rglob("*") if p.is_file() or p.is_symlink()}
    left, right = files(a), files(b)
    differing = sorted(left ^ right)
    for path in sorted(left & right):
        if len(differing) >= most:
            break
        if (Path(a) / path).read_bytes() != (Path(b) / path).read_bytes():
            differing.append(path)
    return {"identical": not differing, "files": len(left), "differing": differing[:most]}


def read_report(path):
    try:
        return json.loads(Path(path).read_text())
    except (OSError, ValueError):
        return {}


def edited_copy(source, destination, article):
    """Copies a snapshot with one word of article number `article`'s Markdown replaced, by editing the bytes
    (no JSON parsing, which would be slow and large at 50,000 articles): articles are the only objects with a
    "content" key, and the word is letters inside that JSON string, so the copy stays valid JSON."""
    data = Path(source).read_bytes()
    match = None
    for number, match in enumerate(re.finditer(rb'"content":"', data)):
        if number == article:
            break
    if match is None:
        fail(f"{source} has no article content to edit")
    start = match.end()
    end = re.compile(rb'(?<!\\)"').search(data, start).start()
    word = re.compile(rb" ([a-z]{5,})[ .,?]").search(data, start, end)
    if word is None:
        fail(f"no word to edit in article {article} of {source}")
    Path(destination).write_bytes(data[:word.start(1)] + EDIT_WORD + data[word.end(1):])
    return {"article": article, "old": word[1].decode(), "new": EDIT_WORD.decode()}


def load_compare():
    sys.dont_write_bytecode = True  # leave no __pycache__ in the repository
    spec = importlib.util.spec_from_file_location("search_compare", COMPARE)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def first_query(compare, name, site, page, prefixes, script):
    """compare.py's cold first-query measurement: a fresh headless Chromium per query opens `page`, runs one
    query (limit 10) and the search files the local server sent are summed from disk."""
    engine = compare.Engine(name, Path(site), prefixes, script)
    server = compare.serve(engine)
    try:
        runs = [compare.cold_transfer(engine, page, query) for query in compare.COLD_QUERIES]
    finally:
        server.shutdown()
    summary = compare.summarize_cold(runs)
    return {"page": page, "queries": compare.COLD_QUERIES, "median": summary["median"], "max": summary["max"],
            "runs": [{"query": run["query"], "files": run["total"]["files"], "raw": run["total"]["raw"],
                      "gzip": run["total"]["gzip"]} for run in runs]}


# MARK: - One size

class Bench:
    def __init__(self, args, work, tools):
        self.args, self.work, self.tools = args, work, tools
        self.commands = {}

    def note(self, key, command):
        """Records the exact command of a measurement (the first time) and echoes it."""
        if key not in self.commands:
            self.commands[key] = quote(command)
            log(f"$ {quote(command)}")

    def size(self, n):
        args, work, tools = self.args, self.work, self.tools
        folder = work.fresh(work.root / f"n{n}")
        posts = n if args.posts is None else args.posts
        result = {"articles": n, "posts": posts, "seed": args.seed}
        snapshot, articles_only, hugo_source = folder / "snapshot.json", folder / "snapshot-articles.json", folder / "hugo"

        log(f"\n=== N = {n:,}: generating the corpus ===")
        corpus = [tools["corpus"], "--articles", n, "--posts", posts, "--seed", args.seed, "-o", snapshot, "--hugo", hugo_source]
        self.note("corpus", corpus)
        generated = timed(corpus, work.root / "time.txt")
        corpus_alone = [tools["corpus"], "--articles", n, "--posts", 0, "--seed", args.seed, "-o", articles_only]
        self.note("corpus_articles_only", corpus_alone)
        timed(corpus_alone, work.root / "time.txt")
        result["corpus"] = {"seconds": generated["wall"], "snapshot_bytes": snapshot.stat().st_size,
                            "articles_only_snapshot_bytes": articles_only.stat().st_size,
                            "hugo_content": tree(hugo_source / "content")}

        # The full builds, interleaved round by round (Hugo, Pagefind over that output, ours with posts, ours
        # with articles alone, and with --baseline-bin the baseline's two builds) so that a machine that gets
        # busier or quieter affects all alike; ours and the baseline swap places every round. Every output
        # folder is deleted before its run, outside the timing, so every run writes every file.
        public = folder / "hugo-public"
        steps = [("hugo", [tools["hugo"], "--source", hugo_source, "--destination", public, "--cleanDestinationDir", "--quiet"], public)]
        if not args.skip_pagefind:
            steps.append(("pagefind", [tools["pagefind"], "--site", public], public / "pagefind"))
        variants = [[]]
        for binary, prefix in self.binaries():
            variants.append([])
            for key, source in (("ours", snapshot), ("ours_articles", articles_only)):
                out = folder / f"site-{prefix}{key}"
                variants[-1].append((prefix + key, [binary, "build", "--snapshot", source, "-o", out, "--no-cache",
                                                    "--report", folder / f"report-{prefix}{key}.json"], out))
        measures = {key: [] for key, _, _ in steps + [step for variant in variants for step in variant]}
        for number in range(args.runs):
            ordered = steps + [step for variant in (variants if number % 2 == 0 else variants[::-1]) for step in variant]
            log(f"--- full builds, round {number + 1} of {args.runs}: {', '.join(key for key, _, _ in ordered)} ---")
            for key, command, output in ordered:
                work.remove(output)
                self.note(key, command)
                measures[key].append(timed(command, work.root / "time.txt"))

        runs = measures["hugo"]
        messages = sorted({line for m in runs for line in (m["stdout"] + m["stderr"]).splitlines() if line.strip()})
        result["hugo"] = {**summarize(runs), "output": tree(public, lambda r: not r.startswith("pagefind/")),
                          "messages": messages[:20]}
        if args.skip_pagefind:
            result["pagefind"] = result["hugo_pagefind"] = {"skipped": "--skip-pagefind"}
        else:
            runs = measures["pagefind"]
            pages = re.search(r"Indexed (\d+) pages?", runs[-1]["stdout"])
            result["pagefind"] = {**summarize(runs), "pages": int(pages[1]) if pages else None,
                                  "index": tree(public / "pagefind"),
                                  "index_data": tree(public / "pagefind", lambda r: not is_code(r))}
            result["hugo_pagefind"] = {
                "median_seconds": result["hugo"]["median_seconds"] + result["pagefind"]["median_seconds"],
                "peak_rss_bytes": max(result["hugo"]["peak_rss_bytes"], result["pagefind"]["peak_rss_bytes"])}
        for key in ("ours", "ours_articles"):
            result[key] = our_build(folder, key, measures[key])

        rebuilds = self.rebuilds(n, folder, snapshot)
        result["rebuild"] = rebuilds[""]
        if BASELINE in rebuilds:
            result["baseline"] = {key: our_build(folder, BASELINE + key, measures[BASELINE + key])
                                  for key in ("ours", "ours_articles")}
            result["baseline"]["rebuild"] = rebuilds[BASELINE]
            result["baseline"]["same_output"] = {
                key: same_tree(folder / f"site-{key}", folder / f"site-{BASELINE}{key}") for key in ("ours", "ours_articles")}
        if not args.skip_search and n <= SEARCH_MAX:
            result["search"] = self.search(folder, public)
        else:
            result["search"] = {"skipped": "--skip-search" if args.skip_search else f"N > {SEARCH_MAX:,}"}
        return result

    def binaries(self):
        """The helpcenter binaries to measure and the prefix of their keys and folders: this one, the baseline."""
        yield self.tools["helpcenter"], ""
        if "baseline" in self.tools:
            yield self.tools["baseline"], BASELINE

    def rebuilds(self, n, folder, snapshot):
        """Our rebuilds with the build cache (beside the output folder): one build to fill it, then no-change
        rebuilds of the same snapshot file, then one-article-change rebuilds, alternating between a copy with
        one word of one article edited and the original, copied over the snapshot path before each (untimed).
        Each binary has its own folder and cache; their runs are interleaved, one binary after the other."""
        args, work, tools = self.args, self.work, self.tools
        log(f"--- helpcenter rebuilds with the cache, {args.runs} runs each ---")
        edited = folder / "snapshot-edited.json"
        edit = edited_copy(snapshot, edited, n // 3)
        state, results = {}, {}
        for binary, prefix in self.binaries():
            base = work.fresh(folder / f"incremental{'-' + prefix.rstrip('_') if prefix else ''}")
            current, site, report = base / "snapshot.json", base / "site", base / "report.json"
            shutil.copyfile(snapshot, current)
            build = [binary, "build", "--snapshot", current, "-o", site, "--report", report]
            self.note(prefix + "ours_cached_first", build)
            first = timed(build, work.root / "time.txt")
            state[prefix] = {"build": build, "current": current, "report": report, "no_change": [], "no_change_written": [],
                             "one_change": [], "one_change_written": []}
            results[prefix] = {"first_with_cache": {"seconds": first["wall"], "peak_rss_bytes": first["rss"],
                                                    "files_written": read_report(report).get("written")}}

        def measure(prefix, kind):
            s = state[prefix]
            self.note(f"{prefix}ours_{kind}", s["build"])
            s[kind].append(timed(s["build"], work.root / "time.txt"))
            s[kind + "_written"].append(read_report(s["report"]).get("written"))

        for _ in range(args.runs):
            for prefix in state:
                measure(prefix, "no_change")
        for number in range(args.runs):
            for prefix in state:
                shutil.copyfile(edited if number % 2 == 0 else snapshot, state[prefix]["current"])
                measure(prefix, "one_change")
        for prefix, s in state.items():
            results[prefix]["no_change"] = {**summarize(s["no_change"]), "files_written": s["no_change_written"]}
            results[prefix]["one_change"] = {**summarize(s["one_change"]), "files_written": s["one_change_written"], "edit": edit}
        return results

    def search(self, folder, public):
        """First-query transfer: ours on both builds, Pagefind on Hugo's output (its index from the timing runs)."""
        log("--- first query after a cold load, headless Chromium (compare.py) ---")
        try:
            compare = load_compare()
            compare.check_tools(building=False)
            results = {}
            for key in ("ours", "ours_articles"):
                site = folder / f"site-{key}"
                pages = sorted(site.glob("articles/*/index.html"))
                page = pages[0].parent.relative_to(site).as_posix() + "/" if pages else ""
                results[key] = first_query(compare, key, site, page, ("search/index/", "assets/search.js"), compare.OURS_JS)
            if not self.args.skip_pagefind:
                pages = sorted(p for p in public.glob("*/*/index.html") if not p.is_relative_to(public / "pagefind"))
                page = pages[0].parent.relative_to(public).as_posix() + "/" if pages else ""
                results["pagefind"] = first_query(compare, "pagefind", public, page, ("pagefind/",), compare.PAGEFIND_JS)
            return results
        except (SystemExit, Exception) as error:  # compare.py exits on a failed search; keep the other numbers
            log(f"search measurement failed: {error}")
            return {"error": str(error)}

    # MARK: - Snapshot throughput

    def snapshot_throughput(self, n, snapshot):
        """`helpcenter snapshot` against `helpcenter emulate` on loopback, at several concurrencies. Requests are
        counted from the emulator's log (a line per request); CPU time of the emulator from /proc, of the client
        from /usr/bin/time."""
        args, work, tools = self.args, self.work, self.tools
        log(f"\n=== snapshot throughput: {n:,} articles + {args.posts if args.posts is not None else n:,} posts ===")
        base = work.fresh(work.root / "snapshot-throughput")
        emulator_log = base / "emulator.log"
        emulate = [tools["helpcenter"], "emulate", "--snapshot", snapshot, "--port", "0"]
        self.note("emulate", emulate)
        with open(emulator_log, "w") as log_file:
            process = subprocess.Popen([str(part) for part in emulate], stdout=subprocess.PIPE, stderr=log_file, text=True)
        try:
            url = wait_for_url(process, timeout=600)
            results = {"articles": n, "url_host": "127.0.0.1", "runs": []}
            for concurrency in CONCURRENCIES:
                out = base / f"fetched-{concurrency}.json"
                fetch = [tools["helpcenter"], "snapshot", "--team", TEAM, "--base-url", url, "-o", out,
                         "--concurrency", concurrency]
                runs = []
                for _ in range(args.runs):
                    self.note("snapshot", fetch)
                    runs.append(self.fetch_once(fetch, out, process.pid, emulator_log))
                runs.sort(key=lambda run: run["seconds"])
                median = dict(runs[(len(runs) - 1) // 2])  # the median run (the lower middle one of an even count)
                median["concurrency"] = concurrency
                median["runs_seconds"] = [run["seconds"] for run in runs]
                median["complete"] = median["fetched"] is not None and median["fetched"]["articles"] == n
                results["runs"].append(median)
            results["emulator_peak_rss_bytes"] = process_peak_rss(process.pid)
            return results
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def fetch_once(self, fetch, out, pid, emulator_log):
        """One `helpcenter snapshot` run: wall time, requests the emulator logged, CPU of each side."""
        lines_before, cpu_before = count_requests(emulator_log), process_cpu(pid)
        measure = timed(fetch, self.work.root / "time.txt")
        time.sleep(0.2)  # let the emulator finish logging the last responses
        requests, emulator_cpu = count_requests(emulator_log) - lines_before, process_cpu(pid) - cpu_before
        client_cpu = (measure["user"] or 0) + (measure["sys"] or 0)
        wrote = re.search(r"(\d+) articles, (\d+) topics, (\d+) posts, (\d+) comments", measure["stderr"])
        wall = measure["wall"]
        others = max(0.0, measure["others_cores"] - emulator_cpu / wall)
        size = out.stat().st_size if out.exists() else None
        self.work.remove(out)
        return {
            "seconds": wall, "requests": requests, "requests_per_second": requests / wall if wall else None,
            "client_cpu_seconds": client_cpu, "emulator_cpu_seconds": emulator_cpu,
            "client_cores_used": client_cpu / wall, "emulator_cores_used": emulator_cpu / wall,
            "others_cores_used": others, "client_peak_rss_bytes": measure["rss"],
            "bound": bound(client_cpu, emulator_cpu, wall, others),
            "fetched": {"articles": int(wrote[1]), "posts": int(wrote[3]), "comments": int(wrote[4])} if wrote else None,
            "snapshot_bytes": size}


def wait_for_url(process, timeout):
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            fail(f"helpcenter emulate exited with status {process.returncode}")
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        match = re.search(r"Serving team .* at (http://\S+)", line)
        if match:
            return match[1]
    fail("helpcenter emulate did not print its URL in time")


def count_requests(path):
    with open(path, "rb") as file:
        return sum(1 for line in file if "→".encode() in line)


def process_cpu(pid):
    """User + system CPU seconds of a running process, from /proc/<pid>/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def process_peak_rss(pid):
    match = re.search(r"VmHWM:\s*(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(match[1]) * 1024 if match else None


def bound(client_cpu, emulator_cpu, wall, others):
    cores = os.cpu_count() or 1
    client, emulator = client_cpu / wall, emulator_cpu / wall
    busier = "client" if client >= emulator else "emulator"
    if client + emulator + others >= 0.85 * cores:
        return (f"machine CPU-saturated ({client + emulator + others:.2f} of {cores} cores busy"
                f"{', other processes included' if others > 0.1 else ''}); the {busier} uses more")
    if max(client, emulator) >= 0.85:
        return f"the {busier} is CPU-bound (about one core)"
    return f"neither is CPU-bound (latency-bound); the {busier} uses more"


# MARK: - Printing

def seconds(value):
    return "-" if value is None else f"{value:.3f} s" if value < 10 else f"{value:.1f} s"


def megabytes(value):
    return "-" if value is None else f"{value / MB:.1f} MB"


def kilobytes(value):
    return "-" if value is None else f"{value / 1000:.1f} KB"


def percent(value):
    return "-" if value is None else f"{value * 100:.1f} %"


def ratio(a, b):
    return a / b if a is not None and b else None


def ratios(r, builds=None):
    """Ratios of one size, of our builds (`builds`: this binary's by default, or the baseline's) against Hugo's
    and against our own full build."""
    builds = builds or r
    ours, alone, hugo, both = builds["ours"], builds["ours_articles"], r["hugo"], r["hugo_pagefind"]
    full = ours["median_seconds"]
    return {
        "ours_articles_vs_hugo": ratio(alone["median_seconds"], hugo["median_seconds"]),
        "ours_vs_hugo": ratio(full, hugo["median_seconds"]),
        "ours_articles_vs_hugo_pagefind": ratio(alone["median_seconds"], both.get("median_seconds")),
        "ours_vs_hugo_pagefind": ratio(full, both.get("median_seconds")),
        "ours_articles_rss_vs_hugo": ratio(alone["peak_rss_bytes"], hugo["peak_rss_bytes"]),
        "ours_rss_vs_hugo": ratio(ours["peak_rss_bytes"], hugo["peak_rss_bytes"]),
        "no_change_share": ratio(builds["rebuild"]["no_change"]["median_seconds"], full),
        "one_change_share": ratio(builds["rebuild"]["one_change"]["median_seconds"], full),
    }


def target_checks(r, builds, q):
    """Issue 14's targets at this size, for one binary's builds: key, label, value, limit, verdict. The RSS ratio
    is a target from 10,000 articles up (the issue sets it at 10,000 + 10,000), the 50k RSS from 50,000 up;
    below, the value is shown without a verdict."""
    n = r["articles"]
    checks = [
        ("ours_vs_hugo", "ours / hugo: with posts and search", q["ours_vs_hugo"], True),
        ("ours_articles_vs_hugo", "ours / hugo: articles alone", q["ours_articles_vs_hugo"], True),
        ("rss_vs_hugo", "ours RSS / hugo RSS: with posts", q["ours_rss_vs_hugo"], n >= 10_000),
    ]
    if n >= RSS_50K_SIZE:
        checks.append(("rss_50k_bytes", "ours peak RSS: articles alone", builds["ours_articles"]["peak_rss_bytes"], True))
    checks += [("one_change_share", "one-change rebuild / full (with posts)", q["one_change_share"], True),
               ("no_change_share", "no-change rebuild / full (with posts)", q["no_change_share"], True)]
    result = []
    for key, label, value, applies in checks:
        limit = TARGETS[key]
        passed = None if value is None or not applies else value < limit if key == "rss_50k_bytes" else value <= limit
        result.append({"key": key, "label": label, "value": value, "limit": limit, "applies": applies,
                       "verdict": None if passed is None else "PASS" if passed else "MISS"})
    return result


def shown(key, value):
    """A target's value as printed: bytes for the 50k RSS, a percentage for rebuild shares, else a ratio."""
    if value is None:
        return "-"
    return megabytes(value) if key == "rss_50k_bytes" else percent(value) if key.endswith("_share") else f"{value:.2f}"


def limit_text(key, limit):
    return "< 1 GB" if key == "rss_50k_bytes" else "<= " + shown(key, limit)


LABEL = 52                           # the width of the label column of the tables


def print_size(r):
    n, posts = r["articles"], r["posts"]
    baseline = r.get("baseline")
    print()
    print(f"N = {n:,} articles (seed {r['seed']}). Ours also builds {posts:,} community posts with comments in the first row;")
    print("Hugo has no community: its site is the same articles only, so the fair comparison is the second row.")
    print(f"{'':{LABEL}}{'wall (median)':>15}{'peak RSS':>12}{'CPU user+sys':>14}{'files':>9}")

    def row(label, m, files=None):
        print(f"{label:{LABEL}}{seconds(m.get('median_seconds')):>15}{megabytes(m.get('peak_rss_bytes')):>12}"
              f"{seconds(m.get('median_cpu_seconds')):>14}{'' if files is None else format(files, ','):>9}")

    row(f"ours: {n:,} articles + {posts:,} posts, --no-cache", r["ours"], r["ours"]["output"]["files"])
    row(f"ours: {n:,} articles, --no-cache", r["ours_articles"], r["ours_articles"]["output"]["files"])
    row("hugo", r["hugo"], r["hugo"]["output"]["files"])
    if "skipped" not in r["pagefind"]:
        row("pagefind over hugo's output (files: its own)", r["pagefind"], r["pagefind"]["index"]["files"])
        row("hugo + pagefind (sum of medians)", r["hugo_pagefind"])
    rebuild = r["rebuild"]
    row("ours: rebuild, no change", rebuild["no_change"])
    row("ours: rebuild, one article changed", rebuild["one_change"])
    print(f"  (runs per row: {len(r['hugo']['runs_seconds'])}; first build with the cache: "
          f"{seconds(rebuild['first_with_cache']['seconds'])}; files written by the rebuilds: no change "
          f"{rebuild['no_change']['files_written']}, one change {rebuild['one_change']['files_written']})")
    others = [value for m in timed_summaries(r) for value in m["others_cores"]]
    print(f"  (other processes used {min(others):.2f} to {max(others):.2f} of the {os.cpu_count()} cores during the timed runs"
          f"{': the machine was busy, so these times are noisy' if max(others) > 0.2 else ''})")
    if r["hugo"]["messages"]:
        print(f"  hugo printed: {' | '.join(r['hugo']['messages'][:3])}")

    print()
    checks = r["targets"]
    before = r["baseline_targets"] if baseline else None
    print(f"{'Targets (issue 14)':{LABEL}}{'value':>15}{'verdict':>9}" + (f"{'baseline':>12}{'verdict':>9}" if before else "")
          + f"{'target':>12}")
    for number, check in enumerate(checks):
        line = f"{check['label']:{LABEL}}{shown(check['key'], check['value']):>15}{check['verdict'] or '-':>9}"
        if before:
            line += f"{shown(check['key'], before[number]['value']):>12}{before[number]['verdict'] or '-':>9}"
        print(line + f"{limit_text(check['key'], check['limit']):>12}"
              + ("" if check["applies"] else "  (a target from 10,000 articles)"))
    q = r["ratios"]
    if q["ours_vs_hugo_pagefind"] is not None:
        print(f"  (not a target: ours / (hugo + pagefind) {q['ours_articles_vs_hugo_pagefind']:.2f} articles alone, "
              f"{q['ours_vs_hugo_pagefind']:.2f} with posts; ours RSS / hugo RSS, articles alone {q['ours_articles_rss_vs_hugo']:.2f})")
    if baseline:
        print_before_after(r)

    print()
    search = r.get("search", {})
    transfer = "first query: files, raw / gzip (median of 5)"
    print(f"{'Search index':{LABEL}}{'bytes':>15}{'files':>12}   {transfer}")

    def index_row(label, disk, cold):
        text = "-"
        if cold:
            median = cold["median"]["total"]
            text = f"{median['files']:g}, {kilobytes(median['raw'])} / {kilobytes(median['gzip'])}"
        print(f"{label:{LABEL}}{megabytes(disk['bytes']):>15}{disk['files']:>12,}   {text}")

    index_row("ours, search/index/ (articles + posts)", r["ours"]["search_index"], search.get("ours"))
    index_row("ours, search/index/ (articles alone)", r["ours_articles"]["search_index"], search.get("ours_articles"))
    if "skipped" not in r["pagefind"]:
        index_row("pagefind over hugo, pagefind/ (all)", r["pagefind"]["index"], search.get("pagefind"))
        index_row("pagefind over hugo, index data only", r["pagefind"]["index_data"], None)
    if "skipped" in search or "error" in search:
        print(f"  first-query transfer not measured: {search.get('skipped') or search.get('error')}")
    else:
        indexed = f"Pagefind indexed {r['pagefind']['pages']:,} pages; " if "pages" in r["pagefind"] else ""
        print(f"  (ours' transfer includes assets/search.js, {kilobytes(r['ours']['search_code_bytes'])}; "
              f"{indexed}queries: {', '.join(search['ours']['queries'])})")


def timed_summaries(r):
    """Every summary of timed runs at one size (ours, the baseline's, Hugo's, Pagefind's, the rebuilds)."""
    sources = [r, r["rebuild"]]
    if "baseline" in r:
        sources += [r["baseline"], r["baseline"]["rebuild"]]
    return [source[key] for source in sources for key in ("ours", "ours_articles", "hugo", "pagefind", "no_change", "one_change")
            if key in source and "others_cores" in source[key]]


def print_before_after(r):
    """The baseline binary against this one, measured in the same rounds."""
    n, posts, old = r["articles"], r["posts"], r["baseline"]
    q, p = r["ratios"], r["baseline_ratios"]
    print()
    print(f"{'Before / after':{LABEL}}{'baseline':>15}{'this build':>12}{'after/before':>14}")

    def line(label, before, after, show):
        print(f"{label:{LABEL}}{show(before):>15}{show(after):>12}{'-' if ratio(after, before) is None else format(ratio(after, before), '.2f'):>14}")

    for label, key in ((f"{n:,} articles + {posts:,} posts", "ours"), (f"{n:,} articles alone", "ours_articles")):
        line(f"full build, {label}: wall", old[key]["median_seconds"], r[key]["median_seconds"], seconds)
        line(f"full build, {label}: peak RSS", old[key]["peak_rss_bytes"], r[key]["peak_rss_bytes"], megabytes)
        line(f"full build, {label}: CPU", old[key]["median_cpu_seconds"], r[key]["median_cpu_seconds"], seconds)
    for label, key in (("rebuild, no change", "no_change"), ("rebuild, one article changed", "one_change")):
        line(f"{label}: wall", old["rebuild"][key]["median_seconds"], r["rebuild"][key]["median_seconds"], seconds)
        line(f"{label}: peak RSS", old["rebuild"][key]["peak_rss_bytes"], r["rebuild"][key]["peak_rss_bytes"], megabytes)
        line(f"{label}: % of full build", p[f"{key}_share"], q[f"{key}_share"], percent)
        written = lambda m: max(m["files_written"], key=lambda v: v or 0) if m["files_written"] else None
        line(f"{label}: files written (most)", written(old["rebuild"][key]), written(r["rebuild"][key]),
             lambda v: "-" if v is None else f"{v:,}")
    line("ours / hugo, with posts", p["ours_vs_hugo"], q["ours_vs_hugo"], lambda v: "-" if v is None else f"{v:.2f}")
    line("ours / hugo, articles alone", p["ours_articles_vs_hugo"], q["ours_articles_vs_hugo"], lambda v: "-" if v is None else f"{v:.2f}")
    line("ours RSS / hugo RSS, with posts", p["ours_rss_vs_hugo"], q["ours_rss_vs_hugo"], lambda v: "-" if v is None else f"{v:.2f}")
    for key, label in (("ours", "with posts"), ("ours_articles", "articles alone")):
        same = old["same_output"][key]
        print(f"  output of the --no-cache build, {label}: "
              + (f"identical to the baseline's ({same['files']:,} files)" if same["identical"]
                 else f"DIFFERS from the baseline's, first paths: {', '.join(same['differing'][:5])}"))


GROWTH_ROWS = [("ours, articles + posts", ("ours",)), ("ours, articles alone", ("ours_articles",)),
               ("baseline, articles + posts", ("baseline", "ours")), ("baseline, articles alone", ("baseline", "ours_articles")),
               ("hugo", ("hugo",))]


def growth(sizes):
    """Full-build wall time and peak RSS at each size, per 1,000 articles, and the growth exponent from the
    previous size: log(value ratio) / log(size ratio), 1.00 when the cost grows in proportion to the size."""
    table = []
    for label, path in GROWTH_ROWS:
        rows, previous = [], None
        for n in sorted(sizes, key=int):
            m = sizes[n]
            for key in path:
                m = m.get(key) if m else None
            if not m:
                continue
            n = int(n)
            wall, rss = m["median_seconds"], m["peak_rss_bytes"]
            exponent = lambda a, b: math.log(a / b) / math.log(n / previous[0]) if previous and a and b and n != previous[0] else None
            rows.append({"articles": n, "seconds": wall, "seconds_per_1k": wall / n * 1000, "seconds_growth": exponent(wall, previous and previous[1]),
                         "peak_rss_bytes": rss, "rss_bytes_per_1k": rss / n * 1000, "rss_growth": exponent(rss, previous and previous[2])})
            previous = (n, wall, rss)
        if rows:
            table.append({"label": label, "rows": rows})
    return table


def print_growth(table):
    print()
    print("Growth with size: full builds (--no-cache, median wall, peak RSS); per 1k = per 1,000 articles;")
    print("growth = log(value ratio) / log(size ratio) from the previous size: 1.00 = in proportion to the size")
    print(f"{'':28}{'N':>8}{'wall':>10}{'s per 1k':>10}{'growth':>8}{'peak RSS':>12}{'MB per 1k':>11}{'growth':>8}")
    growth_text = lambda v: "-" if v is None else f"{v:.2f}"
    for block in table:
        for number, row in enumerate(block["rows"]):
            print(f"{block['label'] if number == 0 else '':28}{row['articles']:>8,}{seconds(row['seconds']):>10}"
                  f"{row['seconds_per_1k']:>10.3f}{growth_text(row['seconds_growth']):>8}{megabytes(row['peak_rss_bytes']):>12}"
                  f"{row['rss_bytes_per_1k'] / MB:>11.1f}{growth_text(row['rss_growth']):>8}")


def print_throughput(t):
    print()
    print(f"helpcenter snapshot from helpcenter emulate on 127.0.0.1: {t['articles']:,} articles "
          f"(and the corpus's posts and comments); emulator peak RSS {megabytes(t.get('emulator_peak_rss_bytes'))}")
    print(f"{'concurrency':>11}{'wall':>10}{'requests':>10}{'req/s':>9}{'client CPU':>12}{'emulator CPU':>14}{'others':>8}  verdict")
    for run in t["runs"]:
        print(f"{run['concurrency']:>11}{seconds(run['seconds']):>10}{run['requests']:>10,}{run['requests_per_second']:>9.0f}"
              f"{run['client_cores_used']:>11.2f}c{run['emulator_cores_used']:>13.2f}c{run['others_cores_used']:>7.2f}c  {run['bound']}")
    print(f"  (the median of {len(t['runs'][0]['runs_seconds'])} runs each; c = cores of the {os.cpu_count()}: CPU seconds over "
          "wall seconds; others: the rest of the machine meanwhile)")
    for run in t["runs"]:
        if not run["complete"]:
            print(f"  WARNING: at concurrency {run['concurrency']} the fetched snapshot was not complete: {run['fetched']}")


# MARK: - Main

def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                     epilog="See Benchmarks/README.md for what each number means.")
    parser.add_argument("--sizes", default="1000,10000,50000", help="article counts, comma-separated (default: 1000,10000,50000)")
    parser.add_argument("--runs", type=int, default=3, help="timed runs per measurement; the median is reported (default: 3)")
    parser.add_argument("--posts-equal-articles", action="store_true",
                        help="N community posts for N articles (the default; kept for explicitness)")
    parser.add_argument("--posts", type=int, help="a fixed number of community posts instead of N")
    parser.add_argument("--seed", type=int, default=1, help="corpus seed (default: 1)")
    parser.add_argument("--skip-search", action="store_true", help="do not measure first-query transfer in Chromium")
    parser.add_argument("--skip-snapshot", action="store_true", help="do not measure snapshot throughput")
    parser.add_argument("--skip-pagefind", action="store_true",
                        help="do not run Pagefind over Hugo's output (it is in no target; saves most of the time at 10k and 50k)")
    parser.add_argument("--baseline-bin", metavar="DIR",
                        help="a folder with an older helpcenter binary, measured in the same rounds for a before/after table")
    parser.add_argument("--clean-after", action="store_true", help="delete each size's folder after measuring it (saves disk at 50k)")
    parser.add_argument("--work", default="/tmp/helpcenter-bench", help="work folder, outside the repository (default: /tmp/helpcenter-bench)")
    args = parser.parse_args()
    try:
        sizes = [int(part.replace("_", "")) for part in args.sizes.split(",") if part.strip()]
    except ValueError:
        parser.error("--sizes takes article counts separated by commas, e.g. 1000,10000")
    if not sizes or min(sizes) < 1 or args.runs < 1:
        parser.error("--sizes must be positive and --runs at least 1")
    if args.posts is not None and (args.posts_equal_articles or args.posts < 0):
        parser.error("--posts takes a count of at least 0 and cannot be combined with --posts-equal-articles")

    work = Work(args.work)
    tools, versions = prepare_tools(args)
    bench = Bench(args, work, tools)
    results = {"started": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "machine": machine(), "versions": versions,
               "tools": tools, "options": {"sizes": sizes, "runs": args.runs, "posts": args.posts, "seed": args.seed,
                                           "skip_pagefind": args.skip_pagefind, "baseline_bin": args.baseline_bin},
               "targets": TARGETS, "sizes": {}, "commands": bench.commands}
    output = work.root / "results.json"

    def save():
        output.write_text(json.dumps(results, indent=2, default=str) + "\n")

    throughput_size = max((n for n in sizes if n <= SNAPSHOT_MAX), default=None)
    for n in sizes:
        r = bench.size(n)
        r["ratios"] = ratios(r)
        r["targets"] = target_checks(r, r, r["ratios"])
        if "baseline" in r:
            r["baseline_ratios"] = ratios(r, r["baseline"])
            r["baseline_targets"] = target_checks(r, r["baseline"], r["baseline_ratios"])
        results["sizes"][str(n)] = r
        results["growth"] = growth(results["sizes"])
        save()
        print_size(r)
        sys.stdout.flush()
        if n == throughput_size and not args.skip_snapshot:
            results["snapshot_throughput"] = bench.snapshot_throughput(n, work.root / f"n{n}" / "snapshot.json")
            save()
            print_throughput(results["snapshot_throughput"])
        if args.clean_after:
            work.remove(work.root / f"n{n}")

    results["finished"] = time.strftime("%Y-%m-%dT%H:%M:%S%z")
    save()
    print_growth(results["growth"])
    print()
    print(f"Machine: {results['machine'].get('cpu')}, {results['machine']['cores']} cores; {versions['hugo']}; "
          f"{versions['pagefind'] or 'pagefind not run'}; helpcenter {versions['helpcenter_commit'][:12]}"
          f"{' (with uncommitted changes)' if versions['helpcenter_tree_modified'] else ''}")
    if "baseline" in versions:
        print(f"Baseline: {versions['baseline']['path']} (version {versions['baseline']['version']}, "
              f"sha256 {versions['baseline']['sha256'][:12]}, modified {versions['baseline']['modified']})")
    print(f"All numbers and the exact commands: {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
