#!/usr/bin/env python3
"""Markdown throughput: helpcenter's MarkdownRenderer against the `cmark-gfm` command, side by side.

    python3 Benchmarks/markdown.py                       # 10,000 synthetic articles, 3 runs each
    python3 Benchmarks/markdown.py --snapshot FILE --runs 5 --skip-per-file

It renders the `content` of every article of a snapshot (by default the one
`helpcenter-corpus --articles 10000` writes) with:
- `cmark-gfm` (the same extensions and options as the renderer) on all articles concatenated, one process;
- `cmark-gfm` once per article, one process each (what a tool calling the command per page pays);
- `helpcenter-markdown-bench` (Sources/helpcenter-markdown-bench): MarkdownRenderer.render on 1 and 2 threads,
  in one process, with what each step of a render costs on one thread.
Each row is the median of --runs by wall time, with the CPU time (user + system) of that run; measure on
an otherwise idle machine, and on a busy one read the CPU columns.
"""
import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CMARK = ["cmark-gfm", "-e", "table", "-e", "strikethrough", "-e", "autolink", "-e", "tagfilter", "-e", "tasklist",
         "-e", "footnotes", "--table-prefer-style-attributes"]


def run(command, **kwargs):
    return subprocess.run(command, check=True, cwd=ROOT, **kwargs)


def children_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed(command, runs, **kwargs):
    """The median wall time of `runs` runs of `command`, its output discarded, and its CPU time then."""
    times = []
    for _ in range(runs):
        start, cpu = time.perf_counter(), children_cpu()
        run(command, stdout=subprocess.DEVNULL, **kwargs)
        times.append((time.perf_counter() - start, children_cpu() - cpu))
    return sorted(times)[len(times) // 2]


def bench(binary, snapshot, runs, *arguments):
    """The median run of helpcenter-markdown-bench, by its `seconds`."""
    results = [json.loads(run([binary, str(snapshot), *arguments], capture_output=True, text=True).stdout)
               for _ in range(runs)]
    return sorted(results, key=lambda result: result.get("seconds", 0))[len(results) // 2]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--snapshot", type=Path, default=Path("/tmp/c10k.json"),
                        help="the snapshot; written with helpcenter-corpus when missing (default /tmp/c10k.json)")
    parser.add_argument("--articles", type=int, default=10000, help="articles of a snapshot to write (default 10000)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement; the median counts (default 3)")
    parser.add_argument("--skip-per-file", action="store_true", help="do not run cmark-gfm once per article")
    parser.add_argument("--work", type=Path, default=Path("/tmp/helpcenter-markdown-bench"),
                        help="where the articles are written as files (default as shown)")
    options = parser.parse_args()

    if not options.snapshot.exists():
        run(["swift", "run", "-c", "release", "helpcenter-corpus", "--articles", str(options.articles),
             "-o", str(options.snapshot)])
    run(["swift", "build", "-c", "release", "--product", "helpcenter-markdown-bench"], stdout=subprocess.DEVNULL)
    binary = Path(run(["swift", "build", "-c", "release", "--show-bin-path"], capture_output=True, text=True)
                  .stdout.strip()) / "helpcenter-markdown-bench"

    articles = [article["content"] for article in json.loads(options.snapshot.read_text())["library"]["articles"]]
    size = sum(len(article.encode()) for article in articles)
    files = options.work / "articles"
    files.mkdir(parents=True, exist_ok=True)
    for old in files.glob("*.md"):
        old.unlink()
    for index, article in enumerate(articles):
        (files / f"{index:06}.md").write_text(article)
    concatenated = options.work / "all.md"
    concatenated.write_text("\n\n".join(articles))

    rows = [("cmark-gfm, all articles in one input", timed([*CMARK, str(concatenated)], options.runs))]
    if not options.skip_per_file:
        script = f'for f in "$0"/*.md; do {" ".join(CMARK)} "$f" || exit 1; done'
        rows.append(("cmark-gfm, one process per article", timed(["sh", "-c", script, str(files)], 1)))
    for threads in (1, 2):
        result = bench(binary, options.snapshot, options.runs, "--threads", str(threads))
        rows.append((f"MarkdownRenderer, {threads} thread{'s' if threads > 1 else ''}",
                     (result["seconds"], result["cpuSeconds"])))
    stages = bench(binary, options.snapshot, 1, "--stages")

    print(f"{len(articles)} articles, {size / 1e6:.1f} MB of Markdown ({options.snapshot}); "
          f"median of {options.runs} runs; {os.cpu_count()} cores; load average at the end "
          f"{os.getloadavg()[0]:.2f}")
    print(f"{'':40} {'wall s':>7} {'docs/s':>7} {'MB/s':>6} {'vs cmark-gfm':>12} {'CPU s':>7} {'MB/CPU-s':>8}")
    reference = rows[0][1][0]
    for name, (seconds, cpu) in rows:
        print(f"{name:40} {seconds:7.2f} {len(articles) / seconds:7.0f} {size / 1e6 / seconds:6.1f} "
              f"{seconds / reference:11.2f}× {cpu:7.2f} {size / 1e6 / cpu:8.1f}")
    print("\nOne render's steps on one thread (CPU seconds over all articles, the least of three passes):")
    render = stages["render"]
    steps = [
        ("control-character replacement", stages["controlCharacters"]),
        ("input guard", stages["inputGuard"]),
        ("cmark parse (feed and finish)", stages["cmarkParse"]),
        ("cmark HTML render, freeing, copy to String", stages["cmarkHTML"]),
        ("HTMLFinisher", stages["htmlFinisher"]),
    ]
    walk = render - sum(seconds for _, seconds in steps)
    steps.append(("our node walk (the rest of a render)", walk))
    for name, seconds in steps:
        print(f"  {name:38} {seconds:6.2f} s {100 * seconds / render:5.1f} %")
    print(f"  {'MarkdownRenderer.render':38} {render:6.2f} s")


if __name__ == "__main__":
    sys.exit(main())
