#!/usr/bin/env python3
"""`helpcenter serve` under load: wrk on loopback for a fixed time against the demo's pages and assets.

Starts a release `helpcenter serve --port 0` on the built-in demo, runs `wrk` (Debian's package,
installed with apt-get when missing) with several connection counts against a page, an article, the
stylesheet and a search index file, and prints requests per second, latency percentiles, errors and
the server's resident memory before and after. Then checks that the server still answers every path
with the right bytes. Exit status 1 on any non-2xx answer, socket error or wrong byte.

    python3 Scripts/reliability/serve_load.py [--seconds 10] [--connections 16,64,256]
"""
import argparse, os, re, shutil, subprocess, sys, time, urllib.request
from pathlib import Path

from processes import release_tools, start_server, stop

PATHS = ["", "articles/reset-your-password/", "assets/site.css", "search/index/manifest.json"]


def ensure_wrk():
    if shutil.which("wrk"):
        return
    sudo = [] if os.geteuid() == 0 else ["sudo", "-n"]
    subprocess.check_call(sudo + ["apt-get", "install", "-y", "wrk"], stdout=subprocess.DEVNULL)


def rss_mb(pid):
    match = re.search(r"VmRSS:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text())
    return int(match.group(1)) / 1024 if match else float("nan")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", default="16,64,256")
    args = parser.parse_args()
    ensure_wrk()
    binary = release_tools("helpcenter") / "helpcenter"
    server, base = start_server([str(binary), "serve", "--port", "0"])
    failures = 0
    try:
        if not base:
            print("FAIL the server did not start")
            return 1
        time.sleep(0.5)
        expected = {path: urllib.request.urlopen(base + path).read() for path in PATHS}
        print(f"serving {base}; resident memory {rss_mb(server.pid):.1f} MB")
        print(f"{'path':34} {'conns':>5} {'req/s':>9} {'p50':>8} {'p99':>8} {'non-2xx':>8} {'errors':>7}")
        for connections in [int(c) for c in args.connections.split(",")]:
            for path in PATHS:
                threads = str(min(2, connections))
                out = subprocess.run(["wrk", "-t", threads, "-c", str(connections), "-d", f"{args.seconds}s", "--latency",
                                      base + path], capture_output=True, text=True).stdout
                rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
                p50 = re.search(r"50%\s+(\S+)", out)
                p99 = re.search(r"99%\s+(\S+)", out)
                non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
                errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
                error_count = sum(int(n) for n in errors.groups()) if errors else 0
                bad = int(non2xx.group(1)) if non2xx else 0
                failures += bad + error_count
                print(f"{'/' + path:34} {connections:>5} {float(rps.group(1)) if rps else 0:>9.0f} "
                      f"{p50.group(1) if p50 else '-':>8} {p99.group(1) if p99 else '-':>8} {bad:>8} {error_count:>7}")
        print(f"resident memory after: {rss_mb(server.pid):.1f} MB")
        for path, body in expected.items():
            again = urllib.request.urlopen(base + path).read()
            if again != body:
                failures += 1
                print(f"FAIL /{path} answers different bytes after the load")
        print("PASS no errors, and every path still answers its bytes" if not failures else f"FAIL {failures} errors")
        return 0 if not failures else 1
    finally:
        stop(server, timeout=10)


if __name__ == "__main__":
    sys.exit(main())
