"""Sets up a voting edition on a running `wiec serve` for the HTTP load benchmark.

Usage: setup.py BASE_URL ADMIN_TOKEN VOTERS TOKENS_FILE

Creates edition `bench` with pool `city` (approval, greedy, re-voting allowed so that every
request is a real, durable ballot), ten admitted proposals, and VOTERS registered residents
whose tokens are written one per line to TOKENS_FILE.
"""
import json
import sys
import urllib.request


def call(base, method, path, token=None, body=None, key=None):
    request = urllib.request.Request(base + path, method=method, data=json.dumps(body).encode() if body is not None else None)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    if key:
        request.add_header("Idempotency-Key", key)
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def main():
    base, admin, voters, tokens_file = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
    call(base, "POST", "/api/v1/editions", admin, {"id": "bench", "name": "BO Benchmark"})
    call(base, "POST", "/api/v1/editions/bench/pools", admin, {
        "id": "city", "name": "Miasto", "budget": "1000000", "vote_type": "approval", "rule": "greedy",
        "max_length": 5, "allows_revoting": True})
    call(base, "POST", "/api/v1/editions/bench/phase", admin, {"to": "submission"})
    tokens = []
    for index in range(voters):
        # Valid PESELs: 1980-1999 birth dates, a serial, the check digit.
        digits = [int(c) for c in "%02d%02d%02d%04d" % (80 + index % 20, 1 + index % 12, 1 + index % 28, index % 10000)]
        digits.append((10 - sum(d * w for d, w in zip(digits, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3])) % 10) % 10)
        reply = call(base, "POST", "/api/v1/editions/bench/voters", None,
                     {"name": "Osoba %d" % index, "pesel": "".join(map(str, digits))}, key="bench-voter-%d" % index)
        tokens.append(reply["token"])
    for number in range(1, 11):
        call(base, "POST", "/api/v1/editions/bench/proposals", tokens[0], {
            "id": "p%d" % number, "pool": "city", "title": "Projekt %d" % number, "description": "", "cost_estimate": 1000 * number})
    call(base, "POST", "/api/v1/editions/bench/phase", admin, {"to": "review"})
    for number in range(1, 11):
        for stage in ["formal", "merit", "cost"]:
            body = {"stage": stage, "outcome": "positive", "justification": "OK"}
            if stage == "cost":
                body["reviewed_cost"] = 1000 * number
            call(base, "POST", "/api/v1/editions/bench/proposals/p%d/reviews" % number, admin, body)
    call(base, "POST", "/api/v1/editions/bench/phase", admin, {"to": "appeals"})
    call(base, "POST", "/api/v1/editions/bench/phase", admin, {"to": "voting"})
    with open(tokens_file, "w") as out:
        out.write("\n".join(tokens) + "\n")


if __name__ == "__main__":
    main()
