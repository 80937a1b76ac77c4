"""Durability: the real `wiec serve`, killed with SIGKILL at random moments while clients cast
ballots, loses no acknowledged ballot and doubles none.

Several clients cast ballots as fast as the server takes them (a pool with re-voting, so every
resident keeps voting), each request with its own Idempotency-Key, retried with the same key
until it is answered. Meanwhile the server is killed at least 20 times and restarted over the
same files. At the end every ballot a client got a 201 for is in the log exactly once, at the
sequence its receipt named; no ballot is in the log twice; `wiec verify` passes; and the
published tally equals a tally of the acknowledged ballots (each resident's last one).
"""

from __future__ import annotations

import http.client
import random
import threading
import time
from collections import Counter

import pytest

from editions import advance, entries, expect, unlimited_server, voting_edition

KILLS = 20
CLIENTS = 6
RESIDENTS_PER_CLIENT = 6


@pytest.fixture
def crash_server(wiec_binary):
    with unlimited_server(wiec_binary) as server:
        yield server


def test_sigkill_under_load_loses_and_doubles_nothing(crash_server):
    server = crash_server
    edition = "crash"
    residents = voting_edition(server, edition, projects=6, residents=CLIENTS * RESIDENTS_PER_CLIENT, revoting=True)
    projects = [f"{edition}-p{n}" for n in range(1, 7)]
    acknowledged: dict[str, dict] = {}  # ballot id -> {"resident", "projects", "sequence", "order"}
    lock = threading.Lock()
    loading = threading.Event()
    loading.set()
    counters = Counter()
    failures: list[str] = []

    def client(number: int) -> None:
        try:
            cast_ballots(number)
        except Exception as error:  # noqa: BLE001 - reported below, a thread cannot fail the test itself
            failures.append(f"client {number}: {error!r}")

    def cast_ballots(number: int) -> None:
        rng = random.Random(number)
        mine = residents[number * RESIDENTS_PER_CLIENT:(number + 1) * RESIDENTS_PER_CLIENT]
        cast = 0
        while loading.is_set():
            resident = mine[cast % len(mine)]
            ballot = f"b-{number}-{cast}"
            choice = rng.sample(projects, rng.randint(1, 3))
            # Retry with the same key until the server answers: a retry of a ballot that was
            # committed before a kill gets its first receipt back, never a second entry.
            while True:
                try:
                    reply = server.post(
                        f"/api/v1/editions/{edition}/ballots", {"id": ballot, "pool": "city", "projects": choice},
                        token=resident["token"], headers={"Idempotency-Key": ballot}, timeout=10)
                except (OSError, http.client.HTTPException):
                    with lock:
                        counters["connection errors"] += 1
                    time.sleep(0.02)
                    continue
                if reply.status >= 500:
                    with lock:
                        counters[f"status {reply.status}"] += 1
                    time.sleep(0.02)
                    continue
                break
            assert reply.status == 201, reply.text
            with lock:
                acknowledged[ballot] = {
                    "resident": resident["resident_id"], "projects": choice, "sequence": reply.json["receipt"]["sequence"],
                    "order": cast,
                }
            cast += 1

    threads = [threading.Thread(target=client, args=(n,), daemon=True) for n in range(CLIENTS)]
    for thread in threads:
        thread.start()
    rng = random.Random(2027)
    started = time.monotonic()
    for _ in range(KILLS):
        time.sleep(rng.uniform(0.05, 0.6))
        server.kill()
        server.start()
    loading.clear()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    assert not failures, failures
    load_seconds = time.monotonic() - started

    log = entries(server)
    cast = [entry for entry in log if entry["type"] == "ballot_cast"]
    in_log = Counter(entry["body"]["ballot"] for entry in cast)
    assert not [ballot for ballot, count in in_log.items() if count > 1], "a ballot is in the log twice"
    assert set(acknowledged) <= set(in_log), f"acknowledged ballots lost: {set(acknowledged) - set(in_log)}"
    # Every client retried until answered, so nothing is in the log that was not acknowledged.
    assert set(in_log) == set(acknowledged)
    by_sequence = {entry["seq"]: entry for entry in log}
    for ballot, ack in acknowledged.items():
        assert by_sequence[ack["sequence"]]["body"]["ballot"] == ballot, f"receipt of {ballot} names another entry"

    # The tally of the acknowledged ballots: each resident's last ballot, by the order they were cast.
    last: dict[str, dict] = {}
    for ack in sorted(acknowledged.values(), key=lambda a: a["order"]):
        last[ack["resident"]] = ack
    expected = Counter(project for ack in last.values() for project in ack["projects"])
    advance(server, edition, "closed")
    advance(server, edition, "published")
    results = expect(server.get(f"/api/v1/editions/{edition}/results"), 200).json
    scores = {project["id"]: project["score"] for project in results["pools"][0]["projects"]}
    assert scores == {project: expected.get(project, 0) for project in projects}

    server.stop()
    verified = server.wiec("verify", "--db", str(server.db))
    assert "OK:" in verified.stdout, verified.stdout + verified.stderr
    print(f"\nFIGURES crash-under-load: {KILLS} kills survived in {load_seconds:.1f} s, {len(acknowledged)} acknowledged "
          f"ballots checked ({len(in_log)} in the log), {len(log)} entries verified, "
          f"{counters['connection errors']} connection errors retried, {dict(counters)}")
