#!/usr/bin/env bash
# HTTP load benchmark: durable online ballots cast over loopback against a release `wiec serve`.
# Usage: scripts/bench-http/run.sh [connections] [seconds] [voters]
# Needs wrk (apt-get install -y wrk). Prints wrk's report (requests/s, latency percentiles) and
# the number of ballots the ledger holds afterwards, which must equal the 201 answers.
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=${1:-64}
seconds=${2:-20}
voters=${3:-2000}
port=${PORT:-18090}
swift build -c release --scratch-path .build-server --product wiec >/dev/null
wiec=.build-server/release/wiec
scratch=$(mktemp -d)
db="$scratch/wiec.sqlite"
"$wiec" serve --db "$db" --port "$port" --registrations-per-minute 0 --ballots-per-minute 0 >"$scratch/serve.log" 2>&1 &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$scratch"' EXIT
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
admin=$("$wiec" staff add --db "$db" --role admin --scope '*' --name bench | sed -n 's/^token: //p')
python3 scripts/bench-http/setup.py "http://127.0.0.1:$port" "$admin" "$voters" "$scratch/tokens.txt"
before=$(curl -s "http://127.0.0.1:$port/healthz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["entries"])')
TOKENS="$scratch/tokens.txt" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s scripts/bench-http/ballots.lua "http://127.0.0.1:$port"
after=$(curl -s "http://127.0.0.1:$port/healthz" | python3 -c 'import json,sys; print(json.load(sys.stdin)["entries"])')
echo "ledger entries appended during the run: $((after - before)) ($(( (after - before) / seconds )) per second)"
curl -s "http://127.0.0.1:$port/metrics" | grep -E '^wiec_ballots_total' || true
