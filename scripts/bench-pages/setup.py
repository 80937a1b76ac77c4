"""Sets up a voting edition from a pabulib file on a running `wiec serve`, for the pages benchmark.

Usage: setup.py BASE_URL ADMIN_TOKEN FILE.pb EDITION

The file's projects become admitted proposals of one pool with the file's ballot rules, the
edition opens for voting, and one resident registers; their resident token (the pages' session
cookie) is printed.
"""
import csv
import hashlib
import io
import json
import sys
import urllib.request


def call(base, path, token, body, key=None):
    request = urllib.request.Request(base + path, method="POST", data=json.dumps(body).encode())
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    request.add_header("Idempotency-Key", key or hashlib.sha256((path + json.dumps(body, sort_keys=True)).encode()).hexdigest())
    with urllib.request.urlopen(request) as response:
        return json.loads(response.read())


def sections(path):
    """The META keys and the PROJECTS rows of a pabulib file."""
    meta, projects, section, header = {}, [], None, None
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if line in ("META", "PROJECTS", "VOTES"):
                section, header = line, None
                continue
            if section == "VOTES":
                break
            row = next(csv.reader(io.StringIO(line), delimiter=";"))
            if header is None:
                header = row
                continue
            if section == "META":
                meta[row[0]] = row[1]
            else:
                projects.append(dict(zip(header, row)))
    return meta, projects


def main():
    base, admin, path, edition = sys.argv[1:5]
    meta, projects = sections(path)
    pool = {"id": "pula", "name": meta.get("description", edition)[:200] or edition, "budget": meta["budget"],
            "vote_type": meta.get("vote_type", "approval"), "rule": "greedy"}
    for key in ("min_length", "max_length", "max_sum_points", "max_points"):
        if key in meta:
            pool[key] = int(meta[key])
    call(base, "/api/v1/editions", admin, {"id": edition, "name": "Benchmark " + edition})
    call(base, f"/api/v1/editions/{edition}/pools", admin, pool)
    call(base, f"/api/v1/editions/{edition}/phase", admin, {"to": "submission"})
    for project in projects:
        project["wiec_id"] = call(base, f"/api/v1/editions/{edition}/proposals", admin, {
            "pool": "pula", "title": (project.get("name") or project["project_id"])[:200],
            "description": "", "category": (project.get("category") or "")[:80] or None, "cost_estimate": project["cost"]})["resource"]["id"]
    call(base, f"/api/v1/editions/{edition}/phase", admin, {"to": "review"})
    for project in projects:
        for stage in ("formal", "merit", "cost"):
            body = {"stage": stage, "outcome": "positive", "justification": "OK"}
            if stage == "cost":
                body["reviewed_cost"] = project["cost"]
            call(base, f"/api/v1/editions/{edition}/proposals/{project['wiec_id']}/reviews", admin, body)
    call(base, f"/api/v1/editions/{edition}/phase", admin, {"to": "appeals"})
    call(base, f"/api/v1/editions/{edition}/phase", admin, {"to": "voting"})
    reply = call(base, f"/api/v1/editions/{edition}/voters", None, {"name": "Osoba Testowa", "pesel": "44051401359"})
    print(reply["token"])


if __name__ == "__main__":
    main()
