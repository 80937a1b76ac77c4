#!/usr/bin/env bash
# Durable ballots/s and registrations/s over HTTP on loopback, for one or more `wiec` binaries
# measured one after another in the same run (e.g. the code before a change beside the code
# after it). For each binary: a fresh store, rate limits off, `setup.py` (an edition in voting,
# VOTERS registered residents), then `wrk --latency` with `ballots.lua` (each request a durable
# online ballot, re-voting allowed), then with `registrations.lua` (each request registers a new
# person with a PESEL of their own). Prints one line per binary and load.
# Usage: scripts/bench-http/compare.sh [-c CONNECTIONS] [-d SECONDS] [-v VOTERS] LABEL=BINARY...
# Needs wrk and release builds, e.g. `swift build -c release --product wiec`.
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=32
seconds=10
voters=500
while getopts "c:d:v:" option; do
    case $option in
        c) connections=$OPTARG ;;
        d) seconds=$OPTARG ;;
        v) voters=$OPTARG ;;
        *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -gt 0 ] || { echo "usage: $0 [-c N] [-d S] [-v N] LABEL=BINARY..." >&2; exit 2; }
port=${PORT:-18092}
scratch=$(mktemp -d)
server=
trap '[ -n "$server" ] && kill -TERM $server 2>/dev/null; rm -rf "$scratch"' EXIT

# Prints "requests/s p50 p99 created others" from a wrk report.
summary() {
    python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(label):
    m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s)\s*$" % label, text, re.M)
    if not m: return "?"
    value = float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)]
    return "%.1f ms" % value
rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
answers = re.search(r"201 answers: (\d+), other answers: (\d+)", text)
print("%8.0f/s  p50 %9s  p99 %9s  201: %s  other: %s" % (
    float(rate.group(1)) if rate else 0, ms("50"), ms("99"),
    answers.group(1) if answers else "?", answers.group(2) if answers else "?"))
PY
}

printf "%s connections, %s s per load, %s voters; load average %s\n" "$connections" "$seconds" "$voters" "$(cut -d' ' -f1-3 /proc/loadavg)"
for pair in "$@"; do
    label=${pair%%=*}
    wiec=${pair#*=}
    folder="$scratch/$label"
    mkdir -p "$folder"
    "$wiec" serve --db "$folder/wiec.sqlite" --port "$port" --registrations-per-minute 0 --ballots-per-minute 0 >"$folder/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
    admin=$("$wiec" staff add --db "$folder/wiec.sqlite" --role admin --scope '*' --name bench | sed -n 's/^token: //p')
    python3 scripts/bench-http/setup.py "http://127.0.0.1:$port" "$admin" "$voters" "$folder/tokens.txt"
    TOKENS="$folder/tokens.txt" wrk -t2 -c"$connections" -d"${seconds}s" --latency -s scripts/bench-http/ballots.lua \
        "http://127.0.0.1:$port" >"$folder/ballots.txt" 2>"$folder/ballots.err"
    wrk -t2 -c"$connections" -d"${seconds}s" --latency -s scripts/bench-http/registrations.lua \
        "http://127.0.0.1:$port" >"$folder/registrations.txt" 2>"$folder/registrations.err"
    ballots=$(curl -s "http://127.0.0.1:$port/metrics" | sed -n 's/^wiec_ballots_total \([0-9]*\).*/\1/p')
    kill -TERM $server; wait $server 2>/dev/null || true
    server=
    "$wiec" verify --db "$folder/wiec.sqlite" >/dev/null && verified=verifies || verified="DOES NOT VERIFY"
    printf "%-10s ballots        %s\n" "$label" "$(summary "$folder/ballots.txt")"
    printf "%-10s registrations  %s\n" "$label" "$(summary "$folder/registrations.txt")"
    printf "%-10s ledger: %s ballots counted by the server; the ledger %s\n" "$label" "${ballots:-?}" "$verified"
    head -3 "$folder/ballots.err" "$folder/registrations.err" | grep -v '^$' | grep -v '^==>' || true
done
