#!/usr/bin/env bash
# Durability under load: casts ballots over HTTP as run.sh does, kills the server with SIGKILL
# halfway through, restarts it on the same file, verifies the ledger, and checks that it holds
# at least as many new ballots as were answered 201 (an acknowledged ballot is never lost).
# Usage: scripts/bench-http/crash.sh [connections] [seconds] [voters]
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-32}
seconds=${2:-10}
voters=${3:-500}
port=${PORT:-18091}
swift build -c release --scratch-path .build-server --product wiec >/dev/null
wiec=.build-server/release/wiec
scratch=$(mktemp -d)
db="$scratch/wiec.sqlite"
start() {
    "$wiec" serve --db "$db" --port "$port" --registrations-per-minute 0 --ballots-per-minute 0 >>"$scratch/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
}
entries() { curl -s "http://127.0.0.1:$port/healthz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["entries"])'; }
start
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$scratch"' EXIT
admin=$("$wiec" staff add --db "$db" --role admin --scope '*' --name bench | sed -n 's/^token: //p')
python3 scripts/bench-http/setup.py "http://127.0.0.1:$port" "$admin" "$voters" "$scratch/tokens.txt"
before=$(entries)
TOKENS="$scratch/tokens.txt" wrk -t2 -c"$connections" -d"${seconds}s" -s scripts/bench-http/ballots.lua "http://127.0.0.1:$port" >"$scratch/wrk.txt" 2>/dev/null &
client=$!
sleep $((seconds / 2))
kill -KILL $server
wait $server 2>/dev/null || true
wait $client || true
answered=$(sed -n 's/^201 answers: \([0-9]*\).*/\1/p' "$scratch/wrk.txt")
start
kept=$(( $(entries) - before ))
kill -TERM $server; wait $server 2>/dev/null || true
"$wiec" verify --db "$db" >/dev/null && echo "ledger verifies after the crash"
echo "201 answers before the kill: $answered; ballots in the ledger after restart: $kept"
[ "$kept" -ge "$answered" ] && echo "every acknowledged ballot survived" || { echo "LOST ACKNOWLEDGED BALLOTS"; exit 1; }
