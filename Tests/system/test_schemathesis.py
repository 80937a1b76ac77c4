"""Schemathesis against /openapi.json on a live `wiec serve`, with an admin token.

Bounded in time (at most MAX_EXAMPLES cases an operation, MAX_SECONDS in all). Checks on:
- not_a_server_error: no 5xx;
- status_code_conformance, content_type_conformance, response_headers_conformance,
  response_schema_conformance: no response outside the document;
- negative_data_rejection: a request the document forbids is refused (4xx);
- unsupported_method, missing_required_header, ignored_auth: 405 with Allow, 401 without a token;
- valid_request_not_refused (schemathesis_checks.py), in place of positive_data_acceptance: a
  request the document allows is never refused for its form (400, 413, 422 invalid_text ...);
  a 422 for a rule of the domain no schema can state (an unknown pool named in a body, a
  PESEL's check digit, a pool's minimum above its maximum) is allowed, as are 401/403/404/409.
Path parameters are drawn mostly from editions seeded in every phase, so that requests reach
the checks behind the lookups.
"""
import json
import os
import pathlib
import subprocess
import sys
import textwrap

MAX_EXAMPLES = 40
MAX_SECONDS = 200
# One worker: hypothesis describing strategies from two threads at once can fail inside CPython's
# ast module ("AST constructor recursion depth mismatch"), an error of the tool, not of the API.
HERE = pathlib.Path(__file__).parent


def ok(reply):
    """A seeding request's reply, which must be a success."""
    assert 200 <= reply.status < 300, reply.text
    return reply.json


def pesel(year, month, day, serial=1234):
    """A valid PESEL of someone born on a day of the 1900s."""
    digits = [int(c) for c in f"{year % 100:02d}{month:02d}{day:02d}{serial:04d}"]
    check = (10 - sum(d * w for d, w in zip(digits, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3])) % 10) % 10
    return "".join(map(str, digits)) + str(check)


def seed(server):
    """Editions in draft, submission, review, appeals, voting and published, each with pool
    `city`, proposal p1 (with appeal a1 where appeals exist) and a registered resident."""
    phases = ["draft", "submission", "review", "appeals", "voting", "closed", "published"]
    for index, target in enumerate(["draft", "submission", "review", "appeals", "voting", "published"]):
        edition = target
        admin = server.admin_token
        ok(server.post("/api/v1/editions", {"id": edition, "name": "BO " + edition}, token=admin))
        ok(server.post(f"/api/v1/editions/{edition}/pools", {
            "id": "city", "name": "Miasto", "budget": "100000", "vote_type": "approval", "rule": "greedy", "allows_revoting": True,
        }, token=admin))
        token = ok(server.post(f"/api/v1/editions/{edition}/voters", {"name": "Osoba", "pesel": pesel(1980 + index, 1 + index, 10)}))["token"]
        for phase in phases[1:phases.index(target) + 1]:
            ok(server.post(f"/api/v1/editions/{edition}/phase", {"to": phase}, token=admin))
            if phase == "submission":
                ok(server.post(f"/api/v1/editions/{edition}/proposals", {
                    "id": "p1", "pool": "city", "title": "Ławki", "description": "", "cost_estimate": "1000",
                }, token=token))
            if phase == "review":
                ok(server.post(f"/api/v1/editions/{edition}/proposals/p1/reviews", {
                    "stage": "formal", "outcome": "negative", "justification": "Brak mapy",
                }, token=admin))
            if phase == "appeals":
                ok(server.post(f"/api/v1/editions/{edition}/proposals/p1/appeals", {
                    "id": "a1", "stage": "formal", "grounds": "Mapa jest",
                }, token=token))


def run_schemathesis(base, admin, folder):
    folder.mkdir(parents=True, exist_ok=True)
    config = folder / "schemathesis.toml"
    config.write_text(textwrap.dedent("""
        [dictionaries.editions]
        values = ["draft", "submission", "review", "appeals", "voting", "published"]
        [dictionaries.ids]
        values = ["p1", "a1"]
        [dictionaries.pools]
        values = ["city"]
        [checks.negative_data_rejection]
        expected-statuses = ["400", "401", "403", "404", "405", "409", "413", "422", "429"]
        [parameters]
        "path.edition" = { dictionary = "editions", probability = 0.9 }
        "path.id" = { dictionary = "ids", probability = 0.9 }
        "path.pool" = { dictionary = "pools", probability = 0.9 }
    """))
    report = folder / "report.json"
    command = [
        sys.executable, "-m", "schemathesis.cli", "--config-file", str(config), "run", base + "/openapi.json", "--url", base,
        "-H", "Authorization: Bearer " + admin,
        "--checks", "all", "--exclude-checks", "positive_data_acceptance,use_after_free,ensure_resource_availability",
        "--max-examples", str(MAX_EXAMPLES), "--max-time", str(MAX_SECONDS), "--seed", "10", "--workers", "1",
        "--generation-database", "none", "--no-color", "--request-timeout", "20",
        "--report", "json", "--report-json-path", str(report),
    ]
    environment = dict(os.environ, SCHEMATHESIS_HOOKS="schemathesis_checks", PYTHONPATH=str(HERE) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    result = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=MAX_SECONDS + 120, cwd=folder)
    (folder / "output.txt").write_text(result.stdout + result.stderr)
    return result, report


def test_schemathesis_finds_nothing(server, tmp_path):
    seed(server)
    result, report = run_schemathesis(server.url, server.admin_token, tmp_path)
    print(result.stdout[-6000:])
    assert result.returncode == 0, result.stdout[-20000:] + result.stderr[-4000:]
    cases = json.loads(report.read_text())["test_cases"]
    print(f"FIGURES schemathesis: {cases['generated']} cases, {cases['with_failures']} with failures")
    # The server is still up after every case.
    assert server.get("/healthz").status == 200
