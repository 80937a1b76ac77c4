"""Editions built through the public API for the reliability tests: valid PESELs, a pool with
admitted proposals, registered residents, and the log read back as an auditor reads it."""

from __future__ import annotations

import itertools
import json
import shutil
from contextlib import contextmanager

from conftest import make_server

_keys = itertools.count(1)


@contextmanager
def unlimited_server(binary):
    """A running `wiec serve` over a fresh store without rate limits, killed and removed afterwards."""
    server = make_server(binary, "--registrations-per-minute", "0", "--ballots-per-minute", "0")
    server.start()
    try:
        yield server
    finally:
        server.kill()
        shutil.rmtree(server.folder, ignore_errors=True)


def pesel(index: int) -> str:
    """A valid PESEL of someone born 1950–1999 (never too young), distinct for each index < 90,000."""
    year, month, day = 50 + index % 50, 1 + index // 50 % 12, 1 + index // 600 % 28
    serial = index // 16_800 % 10_000
    digits = [int(c) for c in f"{year:02d}{month:02d}{day:02d}{serial:04d}"]
    digits.append((10 - sum(d * w for d, w in zip(digits, [1, 3, 7, 9, 1, 3, 7, 9, 1, 3])) % 10) % 10)
    return "".join(map(str, digits))


def key(prefix: str = "k") -> dict[str, str]:
    """A fresh Idempotency-Key header."""
    return {"Idempotency-Key": f"{prefix}-{next(_keys)}"}


def expect(reply, *statuses: int):
    assert reply.status in statuses, f"{reply.status}: {reply.text}"
    return reply


def advance(server, edition: str, phase: str) -> None:
    expect(server.post(f"/api/v1/editions/{edition}/phase", {"to": phase}, token=server.admin_token, headers=key()), 200)


def voting_edition(server, edition: str, *, projects: int = 5, residents: int = 0, revoting: bool = False,
                   first_resident: int = 0) -> list[dict]:
    """An approval pool `city` (greedy, budget 1,000,000 zł, up to 3 projects a ballot) with
    projects `{edition}-p1…` admitted, in `voting`, and `residents` registered residents
    (their `token` and `resident_id`)."""
    admin = server.admin_token
    expect(server.post("/api/v1/editions", {"id": edition, "name": f"BO {edition}"}, token=admin, headers=key()), 201)
    expect(server.post(f"/api/v1/editions/{edition}/pools", {
        "id": "city", "name": "Miasto", "budget": "1000000", "vote_type": "approval", "rule": "greedy",
        "max_length": 3, "allows_revoting": revoting,
    }, token=admin, headers=key()), 201)
    advance(server, edition, "submission")
    ids = [f"{edition}-p{n}" for n in range(1, projects + 1)]
    for n, proposal in enumerate(ids, 1):
        expect(server.post(f"/api/v1/editions/{edition}/proposals", {
            "id": proposal, "pool": "city", "title": f"Projekt {n}", "description": "Opis", "cost_estimate": str(1000 * n),
        }, token=admin, headers=key()), 201)
    advance(server, edition, "review")
    for n, proposal in enumerate(ids, 1):
        for stage in ("formal", "merit", "cost"):
            body = {"stage": stage, "outcome": "positive", "justification": "Zgodny z zasadami"}
            if stage == "cost":
                body["reviewed_cost"] = str(1000 * n)
            expect(server.post(f"/api/v1/editions/{edition}/proposals/{proposal}/reviews", body, token=admin, headers=key()), 201)
    advance(server, edition, "appeals")
    advance(server, edition, "voting")
    return [register(server, edition, first_resident + n) for n in range(residents)]


def register(server, edition: str, index: int) -> dict:
    """Registers the resident of PESEL number `index` in an edition."""
    reply = expect(server.post(f"/api/v1/editions/{edition}/voters", {"name": f"Mieszkaniec {index}", "pesel": pesel(index)},
                               headers=key("register")), 201)
    return reply.json


def entries(server) -> list[dict]:
    """Every entry of the public log, read through /api/v1/audit/entries as an auditor reads it."""
    size = server.get("/healthz").json["entries"]
    out: list[dict] = []
    while len(out) < size:
        start = len(out) + 1
        reply = expect(server.get(f"/api/v1/audit/entries?from={start}&to={min(size, start + 9999)}"), 200)
        out += [json.loads(line)["entry"] for line in reply.text.splitlines() if line]
    return out
