"""Availability when the disk fills: the real `wiec serve` on a store in a size-limited tmpfs.

With the disk full, ballots are refused with 503 `storage_unavailable` (and Retry-After), never
a 500, and nothing of them is stored; /healthz and every read keep answering. When space comes
back, the same requests (same Idempotency-Keys) are accepted, each ballot is in the log once,
and `wiec verify` passes.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import tempfile
from collections import Counter
from pathlib import Path

import pytest

from conftest import Server
from editions import entries, expect, voting_edition

BALLOTS = 20


@pytest.fixture
def small_disk():
    """A 32 MiB tmpfs, unmounted afterwards; the test is skipped where mounting is not allowed."""
    mountpoint = Path(tempfile.mkdtemp(prefix="wiec-diskfull-"))
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=32m", "tmpfs", str(mountpoint)], capture_output=True, text=True)
    if mounted.returncode != 0:
        if os.environ.get("CI") == "true":
            pytest.fail(f"cannot mount a size-limited tmpfs: {mounted.stderr.strip()}")
        pytest.skip(f"cannot mount a size-limited tmpfs here (needs root): {mounted.stderr.strip()}")
    yield mountpoint
    subprocess.run(["umount", "-l", str(mountpoint)], check=False)
    shutil.rmtree(mountpoint, ignore_errors=True)


def fill(folder: Path) -> Path:
    """Writes a file until the filesystem has no byte left."""
    filler = folder / "filler"
    chunk = b"\0" * (1 << 16)
    with open(filler, "wb", buffering=0) as out:
        try:
            while True:
                out.write(chunk)
        except OSError:
            pass
        try:
            while True:
                out.write(b"\0")
        except OSError:
            pass
    return filler


def test_a_full_disk_refuses_ballots_with_503_and_recovers(wiec_binary, small_disk):
    server = Server(binary=wiec_binary, folder=small_disk / "store",
                    extra_args=["--registrations-per-minute", "0", "--ballots-per-minute", "0"])
    server.folder.mkdir()
    server.admin_token = server.add_staff("admin", "*", "Anna Admin")
    # The server's own log goes beside the mount, so that it can still be read afterwards.
    log_folder = Path(tempfile.mkdtemp(prefix="wiec-diskfull-log-"))
    (server.folder / "server.log").symlink_to(log_folder / "server.log")
    server.start()
    try:
        residents = voting_edition(server, "full", residents=BALLOTS)
        before = server.get("/healthz").json["entries"]
        # Empty the write-ahead log so that the next write needs new space, then take all of it.
        with sqlite3.connect(server.db) as connection:
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        filler = fill(small_disk)

        statuses = Counter()
        for index, resident in enumerate(residents):
            reply = server.post("/api/v1/editions/full/ballots", {"id": f"b-{index}", "pool": "city", "projects": ["full-p1"]},
                                token=resident["token"], headers={"Idempotency-Key": f"ballot-{index}"})
            statuses[reply.status] += 1
            if reply.status == 503:
                assert reply.json["code"] == "storage_unavailable"
                assert reply.headers.get("Retry-After")
        assert statuses[503] == BALLOTS, f"while the disk is full: {dict(statuses)}"
        # Reads and health keep working, and nothing was appended.
        health = expect(server.get("/healthz"), 200).json
        assert health["entries"] == before
        expect(server.get("/api/v1/editions/full"), 200)
        expect(server.get("/api/v1/editions/full/proposals"), 200)
        expect(server.get("/api/v1/audit/checkpoint"), 200)
        assert len(entries(server)) == before

        filler.unlink()
        for index, resident in enumerate(residents):
            reply = server.post("/api/v1/editions/full/ballots", {"id": f"b-{index}", "pool": "city", "projects": ["full-p1"]},
                                token=resident["token"], headers={"Idempotency-Key": f"ballot-{index}"})
            expect(reply, 201)
        log = entries(server)
        cast = Counter(entry["body"]["ballot"] for entry in log if entry["type"] == "ballot_cast")
        assert cast == Counter({f"b-{index}": 1 for index in range(BALLOTS)})
        server.stop()
        verified = server.wiec("verify", "--db", str(server.db))
        assert "OK:" in verified.stdout
        print(f"\nFIGURES disk-full: {statuses[503]} ballots refused with 503 while full, {BALLOTS} accepted after space "
              f"came back, {len(log)} entries verified")
    finally:
        server.kill()
        shutil.rmtree(log_folder, ignore_errors=True)
