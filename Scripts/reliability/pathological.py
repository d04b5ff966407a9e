#!/usr/bin/env python3
"""Each pathological Markdown shape of the hostile corpus, rendered alone by a release `helpcenter
markdown FILE` under `/usr/bin/time -v`: wall time, peak memory, and whether it was shown as plain text.

Exit status 1 when any document takes more than a second.

    python3 Scripts/reliability/pathological.py
"""
import json, re, subprocess, sys, tempfile, time
from pathlib import Path

from processes import release_tools

LIMIT_SECONDS = 1.0


def main() -> int:
    bin_path = release_tools("helpcenter", "helpcenter-corpus")
    work = Path(tempfile.mkdtemp(prefix="pathological-"))
    snapshot = work / "hostile.json"
    subprocess.check_call([str(bin_path / "helpcenter-corpus"), "--hostile", "-o", str(snapshot)])
    articles = [a for a in json.loads(snapshot.read_text())["library"]["articles"] if a["slug"].startswith("pathological-")]
    slow = 0
    print(f"{'shape':40} {'bytes':>9} {'wall':>8} {'peak RSS':>10}  shown as")
    for article in articles:
        source = work / "doc.md"
        source.write_text(article["content"])
        started = time.monotonic()
        result = subprocess.run(["/usr/bin/time", "-v", str(bin_path / "helpcenter"), "markdown", str(source)],
                                capture_output=True, text=True)
        seconds = time.monotonic() - started
        rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", result.stderr)
        shown = "plain text" if "shown as plain text" in result.stderr else "Markdown"
        slow += seconds > LIMIT_SECONDS or result.returncode != 0
        name = article["title"].removeprefix("Pathological: ")
        print(f"{name:40} {len(article['content'].encode()):>9,} {seconds:>7.2f}s {int(rss.group(1)) / 1024 if rss else 0:>8.1f} MB  {shown}"
              + ("" if result.returncode == 0 else f"  (exit status {result.returncode})"))
    print(f"{len(articles)} documents; {slow} over {LIMIT_SECONDS:.0f} s or failed")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
