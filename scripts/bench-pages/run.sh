#!/usr/bin/env bash
# The residents' pages under load with wrk on loopback: the results page of an imported pool
# (Warszawa 2026 by default: 83 projects, 61,668 ballots) and the voting page of the largest
# shared pool (Kraków 2024: 119 projects), each as requests/s, p99 and HTML size.
#
#   scripts/bench-pages/run.sh [WIEC_BINARY]   # default: the release build in .build-release
#   CONNECTIONS=1 scripts/bench-pages/run.sh    # one request at a time: the latency is the server's time
set -euo pipefail
cd "$(dirname "$0")/../.."
wiec="${1:-.build-release/release/wiec}"
results_file="${RESULTS_FILE:-../shared/pabulib/Poland_Warszawa_2026.pb}"
voting_file="${VOTING_FILE:-../shared/pabulib/Poland_Krakow_2024.pb}"
connections="${CONNECTIONS:-8}"
threads=$(( connections < 2 ? connections : 2 ))
folder="$(mktemp -d)"
server=""
trap '[[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$folder"' EXIT
db="$folder/wiec.sqlite"
"$wiec" init --db "$db" >/dev/null
"$wiec" import "$results_file" --db "$db" --edition wyniki >/dev/null
admin="$("$wiec" staff add --db "$db" --role admin --scope '*' --name Bench | sed -n 's/^token: *//p')"
port=18931
"$wiec" serve --db "$db" --port "$port" --registrations-per-minute 0 >"$folder/log" 2>&1 &
server=$!
until curl -sf "http://127.0.0.1:$port/healthz" >/dev/null; do sleep 0.2; done
curl -sf -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -H 'Idempotency-Key: publish' \
  -d '{"to":"published"}' "http://127.0.0.1:$port/api/v1/editions/wyniki/phase" >/dev/null
pool="$(curl -sf "http://127.0.0.1:$port/api/v1/editions/wyniki" | python3 -c 'import json,sys; print(json.load(sys.stdin)["pools"][0]["id"])')"
token="$(python3 scripts/bench-pages/setup.py "http://127.0.0.1:$port" "$admin" "$voting_file" glosowanie)"
results="http://127.0.0.1:$port/edycje/wyniki/wyniki/$pool"
voting="http://127.0.0.1:$port/edycje/glosowanie/glosowanie/pula"
cookie="Cookie: wiec_sesja_glosowanie=$token"
for page in results voting; do
  url="${!page}"
  extra=()
  [[ $page == voting ]] && extra=(-H "$cookie")
  bytes="$(curl -sf "${extra[@]}" "$url" | wc -c)"
  curl -sf "${extra[@]}" "$url" >/dev/null  # warm: the results page counts its pool once
  echo "== $page page: $url ($bytes bytes of HTML)"
  wrk -t"$threads" -c"$connections" -d10s --latency "${extra[@]}" "$url" | grep -E "Requests/sec|50%|99%|Latency "
done
