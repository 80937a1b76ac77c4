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


def village_fund(server, fund: str, *, stage: str = "applications") -> None:
    """A village fund for 2026 (resolution of 2025-03-27, amounts of 2025-07-20) whose sołectwa
    stand where the authorization matrix needs them. `stage` "new" stops after opening it,
    "resolution" after the resolution; "applications" goes on: Błotnica, Fiszewo and Gdakowo have
    an assembly (`z-{sołectwo}`, one project `{sołectwo}-1` of 1,000 zł); Gdakowo's application
    `w-gdakowo` awaits the wójt; Hucisko's `w-hucisko` and Iwno's `w-iwno` are rejected;
    Jeziory's `w-jeziory` is referred to the council; Kamionka's `w-kamionka` is accepted."""
    admin = server.admin_token
    post = lambda path, body: expect(server.post(f"/api/v1/village-funds/{fund}{path}", body, token=admin, headers=key()), 200, 201)  # noqa: E731
    expect(server.post("/api/v1/village-funds", {"id": fund, "name": f"Fundusz {fund}", "budget_year": 2026}, token=admin, headers=key()), 201)
    if stage == "new":
        return
    post("/resolution", {"number": "XL/300/2025", "adopted_on": "2025-03-27", "consents": True})
    if stage == "resolution":
        return
    solectwa = {"Błotnica": "blotnica", "Fiszewo": "fiszewo", "Gdakowo": "gdakowo", "Hucisko": "hucisko", "Iwno": "iwno", "Jeziory": "jeziory",
                "Kamionka": "kamionka"}
    post("/amounts", {"revenue": "19886293.57", "residents": 5138, "announced_on": "2025-07-20",
                      "solectwa": [{"solectwo": name, "residents": 100} for name in solectwa]})
    for name, slug in solectwa.items():
        post("/assemblies", fund_assembly(f"z-{slug}", name))
    for name, slug in list(solectwa.items())[2:]:
        post("/applications", {"id": f"w-{slug}", "solectwo": name, "assembly": f"z-{slug}",
                               "projects": [f"z-{slug}-1"], "submitted_on": "2025-09-10"})
    for slug in list(solectwa.values())[3:6]:
        post(f"/applications/w-{slug}/decision", {"accepted": False, "reasons": "Teren prywatny", "decided_on": "2025-09-12"})
    post("/applications/w-jeziory/referral", {"referred_on": "2025-09-15"})
    post("/applications/w-kamionka/decision", {"accepted": True, "decided_on": "2025-09-12"})


def fund_assembly(assembly: str, solectwo: str) -> dict:
    """A village assembly called by the sołtys that adopted one project of 1,000 zł."""
    return {"id": assembly, "solectwo": solectwo, "convener": "soltys", "held_on": "2025-09-05", "attendance": 20,
            "projects": [{"id": f"{assembly}-1", "title": "Ławka", "cost_estimate": "1000", "justification": "Brak ławek",
                          "votes": {"for": 15, "against": 3, "abstaining": 2}}]}


LOCAL_CONTRIBUTION = {"work_hours": 40, "goods_and_services": "0", "money": "0"}


def local_initiatives(server, edition: str, *, criteria: bool = True) -> None:
    """An edition taking local initiatives: the council's criteria (`wklad`, measuring the
    contribution, and `celowosc`); application `la-score` unscored, `la-decide` scored on both,
    `la-agree` approved, `la-progress` approved with its agreement."""
    admin = server.admin_token
    post = lambda path, body: expect(server.post(f"/api/v1/editions/{edition}/local-initiatives{path}", body, token=admin, headers=key()), 200, 201)  # noqa: E731
    expect(server.post("/api/v1/editions", {"id": edition, "name": f"Inicjatywy {edition}"}, token=admin, headers=key()), 201)
    if not criteria:
        return
    post("/criteria", {"resolution": "XII/80/2026", "adopted_on": "2026-02-20", "tie_break": "submission", "criteria": [
        {"id": "wklad", "name": "Wkład pracy", "weight": 2, "max_points": 10, "measures_contribution": True},
        {"id": "celowosc", "name": "Celowość", "weight": 1, "max_points": 10, "measures_contribution": False}]})
    for application in ("la-score", "la-decide", "la-agree", "la-progress"):
        post("", local_application(application))
    for application in ("la-decide", "la-agree", "la-progress"):
        for criterion in ("wklad", "celowosc"):
            post(f"/{application}/scores", {"criterion": criterion, "points": 5, "justification": "Ocena"})
    for application in ("la-agree", "la-progress"):
        post(f"/{application}/decision", {"approved": True, "justification": "Wkład mieszkańców", "decided_on": "2026-06-01"})
    post("/la-progress/agreement", local_agreement())


def local_application(application: str) -> dict:
    """An application for a local initiative asking the gmina for 10,000 zł."""
    return {"id": application, "title": f"Inicjatywa {application}", "description": "Opis", "submitted_on": "2026-05-10",
            "contribution": LOCAL_CONTRIBUTION, "requested_from_gmina": "10000"}


def local_agreement() -> dict:
    """The agreement (umowa) of an approved local initiative."""
    return {"number": "U/1/2026", "signed_on": "2026-06-10", "ends_on": "2026-10-31", "gmina_share": "10000",
            "contribution": LOCAL_CONTRIBUTION}
