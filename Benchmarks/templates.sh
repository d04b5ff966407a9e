#!/bin/sh
# Template rendering, pages per CPU second: the default theme's article, category and post (50 comments)
# pages, content template then layout, from fixed contexts, (a) as dictionaries through swift-mustache,
# (b) as TemplateValue through swift-mustache's MustacheParent, (b)+(c) with byte escaping through a
# registered content type, (d) through TemplateSet; each output checked against (a)'s.
# Usage: Benchmarks/templates.sh [pages per kind, default 2000]
set -e
cd "$(dirname "$0")/.."
swift build -c release --product template-bench >/dev/null
exec .build/release/template-bench "$@"
