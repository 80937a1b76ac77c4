#!/usr/bin/env bash
# Durable ballots/s and registrations/s over HTTP on loopback, on each engine, in one run:
# SQLite with one node, PostgreSQL with one node, PostgreSQL with three nodes on one database
# (one wrk per node, the connections shared out). For each: a fresh store, rate limits off,
# `setup.py` (an edition in voting, VOTERS residents), `wrk --latency` with `ballots.lua`, then
# with `registrations.lua`, then `wiec verify` on the store. PostgreSQL is a throwaway cluster
# (scripts/postgres-cluster: durable commits, fsync and synchronous_commit on) on this machine.
# Usage: scripts/bench-http/engines.sh [-c CONNECTIONS] [-d SECONDS] [-v VOTERS] BINARY
# Needs wrk, PostgreSQL and a release build (`swift build -c release --product wiec`).
set -euo pipefail
cd "$(dirname "$0")/../.."
connections=48
seconds=10
voters=600
while getopts "c:d:v:" option; do
    case $option in
        c) connections=$OPTARG ;;
        d) seconds=$OPTARG ;;
        v) voters=$OPTARG ;;
        *) exit 2 ;;
    esac
done
shift $((OPTIND - 1))
[ $# -eq 1 ] || { echo "usage: $0 [-c N] [-d S] [-v N] BINARY" >&2; exit 2; }
wiec=$(realpath "$1")
root=$(pwd)
scratch=$(mktemp -d)
servers=()
cluster=$(bash scripts/postgres-cluster start)
eval "$cluster"
trap 'for s in "${servers[@]}"; do kill -TERM "$s" 2>/dev/null; done; bash scripts/postgres-cluster stop "$WIEC_POSTGRES_CLUSTER"; rm -rf "$scratch"' EXIT
base=${WIEC_TEST_POSTGRES%/*}

# Sums requests/s and the 201/other answers of wrk reports; the p50 and p99 are the worst of them.
summary() {
    python3 - "$@" <<'PY'
import re, sys
rate = created = other = 0
p50 = p99 = 0.0
for path in sys.argv[1:]:
    text = open(path).read()
    def ms(label):
        m = re.search(r"^\s*%s%%\s+([\d.]+)(us|ms|s)\s*$" % label, text, re.M)
        return float(m.group(1)) * {"us": 0.001, "ms": 1, "s": 1000}[m.group(2)] if m else float("nan")
    r = re.search(r"Requests/sec:\s+([\d.]+)", text)
    a = re.search(r"201 answers: (\d+), other answers: (\d+)", text)
    rate += float(r.group(1)) if r else 0
    created += int(a.group(1)) if a else 0
    other += int(a.group(2)) if a else 0
    p50, p99 = max(p50, ms("50")), max(p99, ms("99"))
print("%8.0f/s  p50 %7.1f ms  p99 %7.1f ms  201: %d  other: %d" % (rate, p50, p99, created, other))
PY
}

# Runs one configuration: LABEL STORE NODES.
measure() {
    local label=$1 store=$2 nodes=$3 folder="$scratch/$1" ports=() n
    mkdir -p "$folder"
    cd "$folder"
    for ((n = 0; n < nodes; n++)); do
        ports+=($((18100 + n)))
        "$wiec" serve --store "$store" --port "${ports[n]}" --registrations-per-minute 0 --ballots-per-minute 0 >"serve$n.log" 2>&1 &
        servers+=($!)
        for _ in $(seq 100); do curl -sf "http://127.0.0.1:${ports[n]}/healthz" >/dev/null && break; sleep 0.2; done
    done
    local admin
    admin=$("$wiec" staff add --store "$store" --role admin --scope '*' --name bench | sed -n 's/^token: //p')
    python3 "$root/scripts/bench-http/setup.py" "http://127.0.0.1:${ports[0]}" "$admin" "$voters" tokens.txt
    # wrk runs from the repository, where the Lua scripts find their helper.
    cd "$root"
    for load in ballots registrations; do
        local pids=() reports=()
        for ((n = 0; n < nodes; n++)); do
            PESEL_BASE=$((n * 2000000)) TOKENS="$folder/tokens.txt" wrk -t$((nodes == 1 ? 2 : 1)) -c$((connections / nodes)) -d"${seconds}s" --latency \
                -s scripts/bench-http/$load.lua "http://127.0.0.1:${ports[n]}" >"$folder/$load$n.txt" 2>"$folder/$load$n.err" &
            pids+=($!)
            reports+=("$folder/$load$n.txt")
        done
        wait "${pids[@]}"
        printf "%-16s %-14s %s\n" "$label" "$load" "$(summary "${reports[@]}")"
        head -3 "$folder/$load"*.err | grep -v '^$' | grep -v '^==>' || true
    done
    cd "$folder"
    for s in "${servers[@]}"; do kill -TERM "$s" 2>/dev/null; wait "$s" 2>/dev/null || true; done
    servers=()
    "$wiec" verify --store "$store" >verify.txt 2>&1 && echo "$label: the store verifies ($(head -1 verify.txt))" || echo "$label: THE STORE DOES NOT VERIFY: $(cat verify.txt)"
    cd "$root"
}

printf "%s connections, %s s per load, %s voters; load average %s\n" "$connections" "$seconds" "$voters" "$(cut -d' ' -f1-3 /proc/loadavg)"
measure sqlite-1-node "sqlite:$scratch/sqlite.sqlite" 1
psql "$WIEC_TEST_POSTGRES" -q -c "CREATE DATABASE bench_one" -c "CREATE DATABASE bench_three"
measure postgres-1-node "$base/bench_one" 1
measure postgres-3-nodes "$base/bench_three" 3
