#!/usr/bin/env bash
# Imports every approval, choose-1, cumulative and ordinal file of ../shared/pabulib into a fresh
# ledger with the release CLI, verifies the ledger, and checks that `wiec tally --db` prints what
# `wiec tally FILE.pb` prints. (The debug test suite does the same for the files of up to 5,000
# ballots; `swift test -c release --filter PabulibImportTests` does it for all.)
set -euo pipefail
cd "$(dirname "$0")/.."
folder=../shared/pabulib
[ -d "$folder" ] || { echo "$folder is absent: nothing to import"; exit 0; }
swift build -c release --scratch-path .build-release --product wiec >/dev/null
wiec=.build-release/release/wiec
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
same=0; differ=0; skipped=0
for path in "$folder"/*.pb; do
    name=$(basename "$path" .pb)
    type=$(grep -m1 '^vote_type;' "$path" | cut -d';' -f2 | tr -d '\r')
    case "$type" in approval|choose-1|cumulative|ordinal) ;; *) skipped=$((skipped + 1)); continue ;; esac
    db="$scratch/$name.sqlite"
    "$wiec" init --db "$db" >/dev/null
    if ! "$wiec" import "$path" --db "$db" --edition e --pool "$name" >/dev/null 2>"$scratch/err"; then
        echo "not imported: $name: $(cat "$scratch/err")"; skipped=$((skipped + 1)); continue
    fi
    "$wiec" verify --db "$db" >/dev/null || { echo "VERIFY FAILED: $name"; differ=$((differ + 1)); continue; }
    direct=$("$wiec" tally "$path" 2>&1 || true)
    logged=$("$wiec" tally --db "$db" --edition e 2>&1 || true)
    if [ "$direct" == "$logged" ]; then same=$((same + 1)); else echo "TALLY DIFFERS: $name"; differ=$((differ + 1)); fi
    rm -f "$db"*
done
echo "$same imported, verified and tallied the same; $differ differ; $skipped skipped"
[ "$differ" -eq 0 ]
