#!/usr/bin/env bash
# Ledger benchmarks (issue 4): ballot appends (one per commit and batched), `wiec import` of the
# largest shared pabulib file, and `wiec verify --db` of a log of one million entries.
# Usage: scripts/bench-ledger.sh [extra bench-ledger options]
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --scratch-path .build-release --product wiec >/dev/null
wiec=.build-release/release/wiec
largest=$(ls -S ../shared/pabulib/*.pb | head -1)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

echo "== wiec import $(basename "$largest") (CLI, wall clock; user+sys is CPU)"
"$wiec" init --db "$scratch/import.sqlite" >/dev/null
/usr/bin/env time -f "   %e s wall, %U s user, %S s sys" "$wiec" import "$largest" --db "$scratch/import.sqlite" --edition bench
echo "== wiec verify --db of that import"
/usr/bin/env time -f "   %e s wall, %U s user, %S s sys" "$wiec" verify --db "$scratch/import.sqlite" | head -1

echo "== wiec bench-ledger (appends, import in-process, verify of 1,000,000 entries)"
"$wiec" bench-ledger --import "$largest" --scratch "$scratch" "$@"
