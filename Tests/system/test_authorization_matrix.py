"""The authorization matrix: every operation of the live server's OpenAPI document, called as
every role and scope, answers 2xx where the role may act and 401 (no token) or 403 otherwise,
and a refused call appends nothing to the log.

The operations come from `/openapi.json` itself, so a route added or moved is called too. What
each write needs (its edition's phase, a valid body, who may make it) is keyed by its request
schema. A write whose schema is not known here is still called as every role that may never
write (no token, a resident of another edition, a reviewer out of scope, an auditor), which must
be refused; the test lists it as one whose allowed roles are not checked. Path parameters are
filled by name.
"""

from __future__ import annotations

import itertools
import re

import pytest

from editions import advance, expect, key, pesel, register, unlimited_server, voting_edition

ROLES = ["none", "resident", "other_resident", "reviewer_in", "reviewer_out", "auditor", "admin"]
# The roles no write accepts except registration, which anyone may make.
NEVER_WRITE = ["none", "other_resident", "reviewer_out", "auditor"]
_fresh = itertools.count(1)


def fresh(prefix: str) -> str:
    return f"{prefix}-{next(_fresh)}"


class World:
    """Editions in every phase, a resident of each, and staff of every role."""

    def __init__(self, server):
        self.server = server
        admin = server.admin_token
        post = lambda path, body, token=admin: expect(server.post(path, body, token=token, headers=key()), 200, 201)  # noqa: E731
        pool = {"id": "city", "name": "Miasto", "budget": "100000", "vote_type": "approval", "rule": "greedy", "allows_revoting": True}
        self.residents: dict[str, dict] = {}
        people = itertools.count(1000)
        for edition in ("az-draft", "az-phase", "az-other", "az-sub", "az-rev", "az-app"):
            post("/api/v1/editions", {"id": edition, "name": edition})
            post(f"/api/v1/editions/{edition}/pools", pool)
            self.residents[edition] = register(server, edition, next(people))
        for edition in ("az-sub", "az-rev", "az-app"):
            advance(server, edition, "submission")
        resident = lambda edition: self.residents[edition]["token"]  # noqa: E731
        post("/api/v1/editions/az-sub/proposals", self.proposal("sub-1"), resident("az-sub"))
        self.reviewable = [f"rev-{n}" for n in range(1, 9)]
        for proposal in self.reviewable:
            post("/api/v1/editions/az-rev/proposals", self.proposal(proposal))
        for proposal in ("app-1", "app-2"):
            post("/api/v1/editions/az-app/proposals", self.proposal(proposal), resident("az-app"))
        advance(server, "az-rev", "review")
        advance(server, "az-app", "review")
        for proposal in ("app-1", "app-2"):
            post(f"/api/v1/editions/az-app/proposals/{proposal}/reviews", {"stage": "formal", "outcome": "negative", "justification": "Braki"})
        advance(server, "az-app", "appeals")
        post("/api/v1/editions/az-app/proposals/app-2/appeals", {"id": "appeal-1", "stage": "formal", "grounds": "Uzupełniono"}, resident("az-app"))
        self.residents["az-vot"] = voting_edition(server, "az-vot", projects=2, residents=1, revoting=True, first_resident=next(people))[0]
        self.residents["az-pub"] = voting_edition(server, "az-pub", projects=2, residents=1, first_resident=next(people))[0]
        post("/api/v1/editions/az-pub/ballots", {"pool": "city", "projects": ["az-pub-p1"]}, self.residents["az-pub"]["token"])
        advance(server, "az-pub", "closed")
        advance(server, "az-pub", "published")
        post("/api/v1/village-funds", {"id": "az-fund", "name": "Fundusz sołecki", "budget_year": 2027})
        self.tokens = {
            "none": None,
            "other_resident": self.residents["az-other"]["token"],
            "reviewer_in": server.add_staff("reviewer", "az-rev:city", "Radna w zakresie"),
            "reviewer_out": server.add_staff("reviewer", "az-other", "Radny spoza zakresu"),
            "auditor": server.add_staff("auditor", "*", "Audytorka"),
            "admin": admin,
        }
        self.people = people

    @staticmethod
    def proposal(proposal_id: str) -> dict:
        return {"id": proposal_id, "pool": "city", "title": f"Projekt {proposal_id}", "description": "Opis", "cost_estimate": "500"}

    def token(self, role: str, edition: str) -> str | None:
        return self.residents[edition]["token"] if role == "resident" else self.tokens[role]


# What each write needs, by its request schema: the edition (so its phase) it acts on, the
# roles that may make it, and a valid body for a role (fresh ids, so that every allowed call
# succeeds). Anything else the document holds is a read that anyone may make.
WRITES = {
    "NewEdition": ("az-draft", {"admin"}, lambda w, role: {"id": fresh("ed"), "name": "Nowa edycja"}),
    "NewVillageFund": ("az-draft", {"admin"}, lambda w, role: {"id": fresh("fund"), "name": "Fundusz", "budget_year": 2028}),
    "NewPool": ("az-draft", {"admin"}, lambda w, role: {
        "id": fresh("pool"), "name": "Pula", "budget": "1000", "vote_type": "approval", "rule": "greedy"}),
    "PhaseChange": ("az-phase", {"admin"}, lambda w, role: {"to": "submission"}),
    "VoterAgeLimit": ("az-draft", {"admin"}, lambda w, role: {"minimum_age": 16}),
    "AmendmentPolicyChange": ("az-draft", {"admin"}, lambda w, role: {"policy": "review_again"}),
    "TimetableChange": ("az-draft", {"admin"}, lambda w, role: {"submission": "2027-03-01", "voting": "2027-06-01"}),
    "NewWorkshop": ("az-draft", {"admin"}, lambda w, role: {
        "id": fresh("w"), "theme": "Zieleń", "date": "2027-03-14", "place": "MDK", "facilitator": "K. Nowak", "participants": 12}),
    "NewInitiative": ("az-sub", {"resident", "admin"}, lambda w, role: {"id": fresh("i"), "title": "Inicjatywa", "description": "Opis"}),
    "NewProposal": ("az-sub", {"resident", "admin"}, lambda w, role: World.proposal(fresh("sub"))),
    "ProposalChange": ("az-sub", {"resident"}, lambda w, role: {"title": fresh("Nowy tytuł")}),
    "Signature": ("az-sub", {"resident", "admin"}, lambda w, role: {"signer": fresh("paper-signer")} if role == "admin" else {}),
    "NewReview": ("az-rev", {"reviewer_in", "admin"}, lambda w, role: {"stage": "formal", "outcome": "positive", "justification": "OK"}),
    "NewAppeal": ("az-app", {"resident"}, lambda w, role: {"id": fresh("appeal"), "stage": "formal", "grounds": "Uzupełniono"}),
    "Decision": ("az-app", {"admin"}, lambda w, role: {"upheld": False, "justification": "Nie uwzględniono"}),
    "Registration": ("az-vot", set(ROLES), lambda w, role: {"name": "Nowa osoba", "pesel": pesel(next(w.people))}),
    "NewBallot": ("az-vot", {"resident"}, lambda w, role: {"pool": "city", "projects": ["az-vot-p1"]}),
    "PaperBatch": ("az-vot", {"admin"}, lambda w, role: {
        "ballots": [{"resident": w.residents["az-vot"]["resident_id"], "pool": "city", "projects": ["az-vot-p2"]}]}),
}


def path_values(world: World, path: str, schema: str | None, edition: str) -> dict[str, str]:
    """The value of each path parameter of an operation, by name."""
    proposal = {"ProposalChange": "sub-1", "Signature": "sub-1", "NewAppeal": "app-1"}.get(schema)
    if schema == "NewReview":
        proposal = world.reviewable.pop(0)
    values = {
        "edition": edition, "pool": "city", "seq": "1", "fund": "az-fund",
        "id": "appeal-1" if "/appeals/{id}" in path else (proposal or "az-pub-p1"),
    }
    # Parameters of routes the matrix does not know: any value, since only refusals are expected.
    return {name: values.get(name, "az-unknown") for name in re.findall(r"{(\w+)}", path)}


@pytest.fixture
def matrix_server(wiec_binary):
    with unlimited_server(wiec_binary) as server:
        yield server


def test_every_operation_as_every_role(matrix_server):
    server = matrix_server
    world = World(server)
    document = expect(server.get("/openapi.json"), 200).json
    cells, unchecked, wrong = 0, [], []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if method == "parameters":
                continue
            schema_ref = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema", {}).get("$ref")
            schema = schema_ref.rsplit("/", 1)[-1] if schema_ref else None
            secured = bool(operation.get("security"))
            if method.upper() == "GET" and not secured:
                edition, allowed, body = "az-pub", set(ROLES), None
            elif schema in WRITES:
                edition, allowed, make = WRITES[schema]
                body = make
            else:
                unchecked.append(f"{method.upper()} {path}")
                edition, allowed, body = "az-draft", set(), lambda w, role: {}
            query = "?from=1&to=2" if any("Required" in p.get("$ref", "") for p in operation.get("parameters", [])) else ""
            # Refused roles first, so that an allowed call never changes what a refused one meets.
            roles = NEVER_WRITE if unchecked and unchecked[-1] == f"{method.upper()} {path}" else ROLES
            for role in sorted(roles, key=lambda r: r in allowed):
                cells += 1
                target = path.format(**path_values(world, path, schema, edition)) + query
                payload = body(world, role) if callable(body) else None
                before = server.get("/healthz").json["entries"]
                reply = server.request(method.upper(), target, json_body=payload, token=world.token(role, edition), headers=key("matrix"))
                after = server.get("/healthz").json["entries"]
                if role in allowed:
                    ok = 200 <= reply.status < 300 and (method.upper() == "GET" or after > before)
                else:
                    ok = reply.status == (401 if role == "none" else 403) and after == before
                if not ok:
                    wrong.append(f"{method.upper()} {path} as {role}: {reply.status} (log {before} → {after}) {reply.text[:200]}")
    assert not wrong, "\n".join(wrong)
    assert cells >= 7 * 30
    print(f"\nFIGURES authorization-matrix: {cells} cells as expected; refusals only (allowed roles not checked) for "
          f"{len(unchecked)} operations: {unchecked}")
