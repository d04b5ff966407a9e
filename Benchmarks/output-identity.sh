#!/usr/bin/env bash
# Builds a fixed set of sites with one helpcenter binary, so that two binaries' output can be compared
# byte for byte:
#
#   Benchmarks/output-identity.sh OLD_BIN_DIR /tmp/out-old
#   Benchmarks/output-identity.sh NEW_BIN_DIR /tmp/out-new
#   diff -r /tmp/out-old /tmp/out-new && echo identical
#
# BIN_DIR holds `helpcenter` and `helpcenter-corpus` (e.g. `swift build -c release --show-bin-path`).
# The sites: the demo with default options, with a site URL and feedback, and under a base path with
# raw HTML allowed; a 1,000-article, 1,000-post synthetic corpus with a site URL; the hostile corpus.
# Each is built clean (--no-cache) and then rebuilt with the cache after an edit, so the incremental
# path is compared too. Build reports are kept without their timings.
set -euo pipefail

bin=${1:?usage: output-identity.sh BIN_DIR OUT_DIR}
out=${2:?usage: output-identity.sh BIN_DIR OUT_DIR}
root=$(cd "$(dirname "$0")/.." && pwd)
demo="$root/Demo/quillpad.json"

if [ -e "$out" ] && [ ! -e "$out/.output-identity" ]; then
    echo "output-identity.sh: $out exists and was not written by this script; choose another folder" >&2
    exit 1
fi
rm -rf "$out"
mkdir -p "$out/inputs"
touch "$out/.output-identity"

"$bin/helpcenter-corpus" --articles 1000 --posts 1000 --seed 1 -o "$out/inputs/corpus.json"
"$bin/helpcenter-corpus" --hostile -o "$out/inputs/hostile.json"

# A report without the fields that differ from run to run, and any other keys named after the file.
strip_report() {
    python3 - "$@" <<'EOF'
import json, sys
path = sys.argv[1]
report = json.load(open(path))
for key in ("phases", "output", *sys.argv[2:]):
    report.pop(key, None)
json.dump(report, open(path, "w"), indent=1, sort_keys=True)
EOF
}

build() {
    local name=$1
    shift
    "$bin/helpcenter" build -o "$out/$name" --no-cache --report "$out/$name.report.json" "$@" > /dev/null 2>&1 || true
    strip_report "$out/$name.report.json"
}

build demo --snapshot "$demo"
build demo-site-url --snapshot "$demo" --site-url https://help.example.com/ --feedback-api https://api.example.com
build demo-base-path --snapshot "$demo" --base-path /help/ --allow-html
build corpus --snapshot "$out/inputs/corpus.json" --site-url https://help.example.com/docs
build hostile --snapshot "$out/inputs/hostile.json"

# The incremental path: build with a cache, edit one article's Markdown, rebuild.
mkdir -p "$out/incremental"
cp "$out/inputs/corpus.json" "$out/incremental/snapshot.json"
"$bin/helpcenter" build --snapshot "$out/incremental/snapshot.json" -o "$out/incremental/site" > /dev/null 2>&1
python3 - "$out/incremental/snapshot.json" <<'EOF'
import json, sys
path = sys.argv[1]
snapshot = json.load(open(path))
articles = snapshot["library"]["articles"]
articles[len(articles) // 3]["content"] += "\n\nAn edited paragraph.\n"
articles[len(articles) // 2]["title"] += " (edited)"
json.dump(snapshot, open(path, "w"))
EOF
"$bin/helpcenter" build --snapshot "$out/incremental/snapshot.json" -o "$out/incremental/site" \
    --report "$out/incremental/report.json" > /dev/null 2>&1
# How much a rebuild wrote is the engine's business; what it left must equal a clean build.
strip_report "$out/incremental/report.json" written removed
rm -rf "$out/incremental/.helpcenter-cache" "$out/incremental/snapshot.json"
echo "built into $out"
