#!/usr/bin/env bash
# Imports every approval, choose-1, cumulative and ordinal file of ../shared/pabulib and
# ../shared/pabulib-defects into a fresh ledger with the release CLI, verifies the ledger, and
# checks that `wiec tally --db` prints what `wiec tally FILE.pb` prints (the count on stdout; the
# warnings about published ballots that break their file's rules go to stderr). A file that does
# not import counts as a difference. (The debug test suite does the same for the files of up to
# 5,000 ballots; `swift test -c release --filter PabulibImportTests` does it for all.)
set -euo pipefail
cd "$(dirname "$0")/.."
folder=../shared/pabulib
[ -d "$folder" ] || { echo "$folder is absent: nothing to import"; exit 0; }
defects=../shared/pabulib-defects
# WIEC=path/to/wiec uses a binary already built.
if [ -z "${WIEC:-}" ]; then swift build -c release --scratch-path .build-release --product wiec >/dev/null; fi
wiec=${WIEC:-.build-release/release/wiec}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
same=0; differ=0; skipped=0
for path in "$folder"/*.pb "$defects"/*.pb; do
    [ -f "$path" ] || continue
    name=$(basename "$path" .pb)
    type=$(grep -m1 '^vote_type;' "$path" | cut -d';' -f2 | tr -d '\r')
    case "$type" in approval|choose-1|cumulative|ordinal) ;; *) skipped=$((skipped + 1)); continue ;; esac
    db="$scratch/$name.sqlite"
    "$wiec" init --db "$db" >/dev/null
    if ! "$wiec" import "$path" --db "$db" --edition e --pool "$name" >/dev/null 2>"$scratch/err"; then
        echo "NOT IMPORTED: $name: $(cat "$scratch/err")"; differ=$((differ + 1)); continue
    fi
    "$wiec" verify --db "$db" >/dev/null || { echo "VERIFY FAILED: $name"; differ=$((differ + 1)); continue; }
    direct=$("$wiec" tally "$path" 2>/dev/null || echo "exit $?")
    logged=$("$wiec" tally --db "$db" --edition e 2>/dev/null || echo "exit $?")
    if [ "$direct" == "$logged" ]; then same=$((same + 1)); else echo "TALLY DIFFERS: $name"; differ=$((differ + 1)); fi
    rm -f "$db"*
done
echo "$same imported, verified and tallied the same; $differ differ; $skipped skipped"
[ "$differ" -eq 0 ]
