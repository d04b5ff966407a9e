#!/usr/bin/env bash
# Fuzzes the snapshot reader, the JSON parser and the Markdown renderer with seeded random inputs for a
# set time, with a release build of helpcenter-fuzz:
#
#   Scripts/reliability/fuzz.sh [SECONDS (default 60)] [SEED (default: the time)]
#
# It prints each failing input with its seed (helpcenter-fuzz --seed SEED --count 1 repeats it), saves
# the failing inputs under $TMPDIR/helpcenter-fuzz-failures, and exits 1 when any property failed.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product helpcenter-fuzz >/dev/null
exec "$(swift build -c release --show-bin-path)/helpcenter-fuzz" --seconds "${1:-60}" --seed "${2:-$(date +%s)}" \
  --failures "${TMPDIR:-/tmp}/helpcenter-fuzz-failures"
