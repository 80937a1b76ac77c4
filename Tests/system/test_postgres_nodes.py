"""Several nodes on one PostgreSQL database: three `wiec serve` processes share one store,
clients cast ballots through all of them at once, and one node is killed with SIGKILL mid-load
while the others keep serving.

At the end every ballot that got a 201 is in the log exactly once, at the sequence its receipt
named; `wiec verify` passes on the database (every hash, the chain, every checkpoint); and the
published tally equals a tally of the acknowledged ballots (each resident's last one). The
database is a fresh one on the server of `WIEC_TEST_POSTGRES` (`scripts/test-all` starts a
throwaway cluster). Each node runs in a working folder of its own, so that everything they share
(the signing key, the staff accounts, the secret resident tokens are made with) is shared through
the database: the staff token is made through the first node's folder and used on all three, and
the residents registered on one node cast ballots through the others.
"""

from __future__ import annotations

import http.client
import os
import random
import shutil
import subprocess
import tempfile
import threading
import time
import uuid
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import Server
from editions import advance, entries, expect, voting_edition

NODES = 3
CLIENTS = 6
RESIDENTS_PER_CLIENT = 5
LOAD_SECONDS = 6.0


@dataclass
class Node(Server):
    """A `wiec serve` on a PostgreSQL store."""

    store: str = ""

    @property
    def db(self):  # the store's URL where the fixture passes `--db`
        return self.store


def fresh_database() -> str:
    """A new empty database on the test server, as a postgres:// URL."""
    url = os.environ.get("WIEC_TEST_POSTGRES")
    if not url:
        if os.environ.get("CI") == "true":
            pytest.fail("WIEC_TEST_POSTGRES is not set: scripts/test-all starts a PostgreSQL cluster")
        pytest.skip("WIEC_TEST_POSTGRES is not set (scripts/test-all starts a PostgreSQL cluster)")
    name = "wiec_nodes_" + uuid.uuid4().hex[:12]
    subprocess.run(["psql", url, "-q", "-c", f"CREATE DATABASE {name}"], check=True, capture_output=True)
    return url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture
def nodes(wiec_binary):
    store = fresh_database()
    workdir = Path(tempfile.mkdtemp(prefix="wiec-nodes-"))
    unlimited = ["--registrations-per-minute", "0", "--ballots-per-minute", "0"]
    group = []
    for number in range(NODES):
        folder = workdir / f"node{number}"
        folder.mkdir()
        group.append(Node(binary=wiec_binary, folder=folder, extra_args=unlimited, workdir=folder, store=store))
    token = group[0].add_staff("admin", "*", "Anna Admin")
    for node in group:
        node.admin_token = token
    # The first start makes the key; the others find it.
    for node in group:
        node.start()
    yield group
    for node in group:
        node.kill()
    shutil.rmtree(workdir, ignore_errors=True)


def test_three_nodes_one_killed_lose_and_double_nothing(nodes):
    edition = "nodes"
    residents = voting_edition(nodes[0], edition, projects=6, residents=CLIENTS * RESIDENTS_PER_CLIENT, revoting=True)
    projects = [f"{edition}-p{n}" for n in range(1, 7)]
    acknowledged: dict[str, dict] = {}
    by_node = Counter()
    lock = threading.Lock()
    loading = threading.Event()
    loading.set()
    failures: list[str] = []
    killed = nodes[-1]

    def client(number: int) -> None:
        try:
            cast_ballots(number)
        except Exception as error:  # noqa: BLE001 - reported below
            failures.append(f"client {number}: {error!r}")

    def cast_ballots(number: int) -> None:
        rng = random.Random(number)
        mine = residents[number * RESIDENTS_PER_CLIENT:(number + 1) * RESIDENTS_PER_CLIENT]
        cast = 0
        target = number % NODES
        while loading.is_set():
            resident = mine[cast % len(mine)]
            ballot = f"b-{number}-{cast}"
            choice = rng.sample(projects, rng.randint(1, 3))
            # Retry with the same key until some node answers; a node that is gone sends the
            # client to the next one, which returns the first receipt of a committed ballot.
            while True:
                node = nodes[target]
                try:
                    reply = node.post(
                        f"/api/v1/editions/{edition}/ballots", {"id": ballot, "pool": "city", "projects": choice},
                        token=resident["token"], headers={"Idempotency-Key": ballot}, timeout=10)
                except (OSError, http.client.HTTPException):
                    target = (target + 1) % NODES
                    time.sleep(0.01)
                    continue
                if reply.status >= 500:
                    time.sleep(0.02)
                    continue
                break
            assert reply.status == 201, reply.text
            with lock:
                acknowledged[ballot] = {
                    "resident": resident["resident_id"], "projects": choice, "sequence": reply.json["receipt"]["sequence"],
                    "order": (number, cast),
                }
                by_node[target] += 1
            cast += 1
            # Each client moves on to the next node now and then, so every node serves every resident.
            if cast % 7 == 0:
                target = (target + 1) % NODES

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    time.sleep(LOAD_SECONDS / 2)
    killed.kill()
    before_kill = sum(by_node.values())
    time.sleep(LOAD_SECONDS / 2)
    loading.clear()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    assert not failures, failures
    seconds = time.monotonic() - started
    assert sum(by_node.values()) > before_kill, "the other nodes kept serving after the kill"
    assert all(by_node[n] > 0 for n in range(NODES)), by_node

    log = entries(nodes[0])
    assert [entry["seq"] for entry in log] == list(range(1, len(log) + 1)), "the sequence has a gap"
    cast = [entry for entry in log if entry["type"] == "ballot_cast"]
    in_log = Counter(entry["body"]["ballot"] for entry in cast)
    assert not [ballot for ballot, count in in_log.items() if count > 1], "a ballot is in the log twice"
    assert set(in_log) == set(acknowledged), f"lost: {set(acknowledged) - set(in_log)}, unacknowledged: {set(in_log) - set(acknowledged)}"
    by_sequence = {entry["seq"]: entry for entry in log}
    for ballot, ack in acknowledged.items():
        assert by_sequence[ack["sequence"]]["body"]["ballot"] == ballot, f"receipt of {ballot} names another entry"

    # Each resident's last ballot counts: the last by log order, which is the order of commits.
    last: dict[str, list[str]] = {}
    for entry in cast:
        last[entry["body"]["voter"]] = entry["body"]["projects"]
    assert len(last) == len({ack["resident"] for ack in acknowledged.values()})
    expected = Counter(project for choice in last.values() for project in choice)
    advance(nodes[1], edition, "closed")
    advance(nodes[0], edition, "published")
    results = expect(nodes[1].get(f"/api/v1/editions/{edition}/results"), 200).json
    scores = {project["id"]: project["score"] for project in results["pools"][0]["projects"]}
    assert scores == {project: expected.get(project, 0) for project in projects}

    verified = nodes[0].wiec("verify", "--store", nodes[0].store)
    assert "OK:" in verified.stdout, verified.stdout + verified.stderr
    print(f"\nFIGURES postgres-nodes: {NODES} nodes, one killed mid-load, {len(acknowledged)} acknowledged ballots in "
          f"{seconds:.1f} s ({dict(by_node)} by node), {len(log)} entries verified")
