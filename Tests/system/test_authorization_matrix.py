"""The authorization matrix: every operation of the live server's OpenAPI document, called as
every role and scope, answers 2xx where the role may act and 401 (no token) or 403 otherwise,
and a refused call appends nothing to the log.

The operations come from `/openapi.json` itself, so a route added or moved is called too. What
each write needs (its edition's phase, a valid body, who may make it) is keyed by its request
schema. A write whose schema is not known here is still called as every role that may never
write (no token, a resident of another edition, a reviewer out of scope, an auditor), which must
be refused, and then fails the test by name: every write's allowed roles are checked. Path
parameters are filled by name.
"""

from __future__ import annotations

import itertools
import re

import pytest

from editions import (
    LOCAL_CONTRIBUTION, advance, expect, fund_assembly, key, local_agreement, local_application, local_initiatives, pesel, register,
    unlimited_server, village_fund, voting_edition,
)

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
        post("/api/v1/editions/az-vot/voting-points", {"id": "az-point", "name": "Urząd"})
        self.residents["az-pub"] = voting_edition(server, "az-pub", projects=2, residents=1, first_resident=next(people))[0]
        post("/api/v1/editions/az-pub/ballots", {"pool": "city", "projects": ["az-pub-p1"]}, self.residents["az-pub"]["token"])
        advance(server, "az-pub", "closed")
        advance(server, "az-pub", "published")
        village_fund(server, "az-fund0", stage="new")
        village_fund(server, "az-fund1", stage="resolution")
        village_fund(server, "az-fund")
        local_initiatives(server, "az-local0", criteria=False)
        local_initiatives(server, "az-local")
        self.residents["az-local"] = register(server, "az-local", next(people))
        self.tokens = {
            "none": None,
            "other_resident": self.residents["az-other"]["token"],
            "reviewer_in": server.add_staff("reviewer", "az-rev:city", "Radna w zakresie"),
            "reviewer_out": server.add_staff("reviewer", "az-other", "Radny spoza zakresu"),
            "auditor": server.add_staff("auditor", "*", "Audytorka"),
            "admin": admin,
        }
        self.people = people
        self.reviewers = {IN_SCOPE_DEFAULT: self.tokens["reviewer_in"]}

    @staticmethod
    def proposal(proposal_id: str) -> dict:
        return {"id": proposal_id, "pool": "city", "title": f"Projekt {proposal_id}", "description": "Opis", "cost_estimate": "500"}

    def token(self, role: str, edition: str, schema: str | None) -> str | None:
        """The bearer token of a role acting on an edition or fund; "resident" is a resident of
        that edition (of a civic budget, where it is a fund), "reviewer_in" a reviewer whose scope
        covers what the operation acts on."""
        if role == "resident":
            return self.residents.get(edition, self.residents["az-draft"])["token"]
        if role == "reviewer_in":
            scope = IN_SCOPE.get(schema, IN_SCOPE_DEFAULT)
            if scope not in self.reviewers:
                self.reviewers[scope] = self.server.add_staff("reviewer", scope, f"Recenzent {scope}")
            return self.reviewers[scope]
        return self.tokens[role]


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
    "NewVotingPoint": ("az-vot", {"admin"}, lambda w, role: {"id": fresh("point"), "name": "Biblioteka"}),
    "NewPaperProtocol": ("az-vot", {"admin"}, lambda w, role: {"cards_received": 10, "cards_issued": 5}),
    # The village fund: the wójt's and the council's acts and what was carried out are the admin's, the assembly, the
    # application and the referral the sołtys's (a reviewer of the sołectwo, or an admin).
    "NewFundResolution": ("az-fund0", {"admin"}, lambda w, role: {"number": "XL/1/2025", "adopted_on": "2025-03-27", "consents": True}),
    "NewFundAmounts": ("az-fund1", {"admin"}, lambda w, role: {
        "revenue": "1000000", "residents": 1000, "announced_on": "2025-07-20", "solectwa": [{"solectwo": "Kłodawa", "residents": 50}]}),
    "NewAssembly": ("az-fund", {"reviewer_in", "admin"}, lambda w, role: fund_assembly(fresh("z"), "Błotnica")),
    "NewFundApplication": ("az-fund", {"reviewer_in", "admin"}, lambda w, role: {
        "id": fresh("w"), "solectwo": "Fiszewo" if role == "admin" else "Błotnica",
        "assembly": "z-fiszewo" if role == "admin" else "z-blotnica",
        "projects": ["z-fiszewo-1" if role == "admin" else "z-blotnica-1"], "submitted_on": "2025-09-10"}),
    "FundDecision": ("az-fund", {"admin"}, lambda w, role: {"accepted": True, "decided_on": "2025-09-12"}),
    "FundReferral": ("az-fund", {"reviewer_in", "admin"}, lambda w, role: {"referred_on": "2025-09-15"}),
    "CouncilDecision": ("az-fund", {"admin"}, lambda w, role: {
        "resolution": "XLII/1/2025", "accepted": True, "reasons": "Gmina dzierżawi teren", "decided_on": "2025-09-20"}),
    "FundExecution": ("az-fund", {"admin"}, lambda w, role: {
        "project": "z-kamionka-1", "on": "2026-05-04", "spent": "100", "completed": False, "note": "Prace"}),
    # Local initiatives: residents (or an admin entering a paper one) apply; reviewers in scope
    # and admins score; the council's criteria, the decision, the agreement and progress are the admin's.
    "NewCriteria": ("az-local0", {"admin"}, lambda w, role: {
        "resolution": "XII/1/2026", "adopted_on": "2026-02-20", "tie_break": "submission",
        "criteria": [{"id": "wklad", "name": "Wkład", "weight": 1, "max_points": 5, "measures_contribution": True}]}),
    "NewLocalApplication": ("az-local", {"resident", "admin"}, lambda w, role: local_application(fresh("la"))),
    "NewScore": ("az-local", {"reviewer_in", "admin"}, lambda w, role: {"criterion": "wklad", "points": 4, "justification": "Ocena"}),
    "LocalDecision": ("az-local", {"admin"}, lambda w, role: {"approved": True, "justification": "Wkład", "decided_on": "2026-06-01"}),
    "NewAgreement": ("az-local", {"admin"}, lambda w, role: local_agreement()),
    "NewProgress": ("az-local", {"admin"}, lambda w, role: {
        "on": "2026-07-15", "note": "Prace", "contribution_given": LOCAL_CONTRIBUTION, "completed": False}),
}
# The scope of the reviewer in scope, by what the operation acts on.
IN_SCOPE_DEFAULT = "az-rev:city"
IN_SCOPE = {"NewAssembly": "az-fund:Błotnica", "NewFundApplication": "az-fund:Błotnica", "FundReferral": "az-fund:Hucisko", "NewScore": "az-local"}
# The application each operation on one acts on (by role where two roles each need their own).
APPLICATIONS = {
    "FundDecision": {"": "w-gdakowo"}, "FundReferral": {"": "w-hucisko", "admin": "w-iwno"}, "CouncilDecision": {"": "w-jeziory"}, "FundExecution": {"": "w-kamionka"},
    "NewScore": {"": "la-score"}, "LocalDecision": {"": "la-decide"}, "NewAgreement": {"": "la-agree"}, "NewProgress": {"": "la-progress"},
}


def path_values(world: World, path: str, schema: str | None, edition: str, role: str) -> dict[str, str]:
    """The value of each path parameter of an operation, by name."""
    proposal = {"ProposalChange": "sub-1", "Signature": "sub-1", "NewAppeal": "app-1"}.get(schema)
    if schema == "NewReview":
        proposal = world.reviewable.pop(0)
    values = {
        "edition": edition, "pool": "city", "seq": "1", "point": "az-point", "fund": edition if schema in WRITES else "az-fund",
        "id": "appeal-1" if "/appeals/{id}" in path else (proposal or "az-pub-p1"),
    }
    if schema in APPLICATIONS:
        targets = APPLICATIONS[schema]
        values["application"] = targets.get(role, targets[""])
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
                target = path.format(**path_values(world, path, schema, edition, role)) + query
                payload = body(world, role) if callable(body) else None
                before = server.get("/healthz").json["entries"]
                reply = server.request(method.upper(), target, json_body=payload, token=world.token(role, edition, schema), headers=key("matrix"))
                after = server.get("/healthz").json["entries"]
                if role in allowed:
                    ok = 200 <= reply.status < 300 and (method.upper() == "GET" or after > before)
                else:
                    ok = reply.status == (401 if role == "none" else 403) and after == before
                if not ok:
                    wrong.append(f"{method.upper()} {path} as {role}: {reply.status} (log {before} → {after}) {reply.text[:200]}")
    assert not wrong, "\n".join(wrong)
    assert not unchecked, f"writes the matrix cannot build (add them to WRITES): {unchecked}"
    assert cells >= 7 * 30
    print(f"\nFIGURES authorization-matrix: {cells} cells as expected, every operation with all {len(ROLES)} roles")
