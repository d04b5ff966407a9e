#!/usr/bin/env python3
"""Soak: `helpcenter snapshot` of a large emulated team through steady injected faults.

Generates a synthetic team (10,000 articles and 10,000 posts with comments by default, with
`helpcenter-corpus`), serves it with `helpcenter emulate` injecting every kind of fault on a steady
share of requests (500s, 429s with Retry-After, truncated JSON, HTML in place of JSON, connections
dropped mid-body, requests never answered), each request getting at most two faults, and fetches it with
`helpcenter snapshot`. The snapshot must come out complete and equal to the source. Prints the time,
the requests and the faults the emulator logged; exit status 1 when the snapshot failed or differs.

    python3 Scripts/reliability/soak.py [--articles 10000] [--posts 10000] [--work /tmp/helpcenter-soak]
"""
import argparse, collections, json, re, shutil, subprocess, sys, time
from pathlib import Path

from processes import release_tools, start_server, stop

FAULTS = ["--fail-every", "7", "--rate-limit-every", "13", "--retry-after", "1", "--truncate-every", "11",
          "--malformed-every", "17", "--drop-every", "19", "--hang-every", "23", "--faults-per-request", "2"]
CLIENT = ["--concurrency", "16", "--timeout", "2", "--retries", "4"]


def comparable(path):
    """The snapshot without when and where it was fetched, and with its arrays in id order: the format
    keeps the API's order, which only `popular` and comments promise (shared/snapshot-format.md)."""
    data = json.loads(Path(path).read_text())
    data.pop("fetchedAt", None)
    data.pop("baseUrl", None)
    for section, key in [("library", "categories"), ("library", "articles"), ("community", "topics"), ("community", "posts")]:
        if isinstance(data.get(section), dict) and isinstance(data[section].get(key), list):
            data[section][key].sort(key=lambda item: item["id"])
    return data


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--posts", type=int, default=10_000)
    parser.add_argument("--work", default="/tmp/helpcenter-soak")
    args = parser.parse_args()
    work = Path(args.work)
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    bin_path = release_tools("helpcenter", "helpcenter-corpus")
    source, fetched, log = work / "source.json", work / "fetched.json", work / "emulator.log"
    subprocess.check_call([str(bin_path / "helpcenter-corpus"), "--articles", str(args.articles), "--posts",
                           str(args.posts), "-o", str(source)])
    team = json.loads(source.read_text())["team"]
    with open(log, "w") as log_file:
        emulator, url = start_server([str(bin_path / "helpcenter"), "emulate", "--snapshot", str(source), "--port", "0"]
                                     + FAULTS, stderr=log_file)
        try:
            print(f"emulating team '{team['slug']}' ({args.articles} articles, {args.posts} posts) at {url} with "
                  + " ".join(FAULTS))
            started = time.monotonic()
            result = subprocess.run([str(bin_path / "helpcenter"), "snapshot", "--team", team["slug"], "--team-name",
                                     team.get("name") or team["slug"], "--base-url", url, "-o", str(fetched)] + CLIENT,
                                    capture_output=True, text=True)
            seconds = time.monotonic() - started
        finally:
            stop(emulator)
    lines = log.read_text().splitlines()
    requests = [line for line in lines if " → " in line]
    faults = collections.Counter(m.group(1) for m in (re.search(r"\[fault: (\w+)\]", line) for line in requests) if m)
    print(f"snapshot exit status {result.returncode} after {seconds:.0f} s; {len(requests)} requests, "
          f"{sum(faults.values())} faults: " + ", ".join(f"{k} {v}" for k, v in sorted(faults.items())))
    if result.returncode != 0:
        print("FAIL the snapshot failed:\n" + result.stderr[-3000:])
        return 1
    if comparable(fetched) != comparable(source):
        print("FAIL the snapshot differs from the source")
        return 1
    print("PASS the snapshot is complete and equal to the source")
    return 0


if __name__ == "__main__":
    sys.exit(main())
