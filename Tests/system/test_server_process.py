"""The real `wiec serve` process: it starts over a fresh store, answers, and stops cleanly."""

import signal


def test_fresh_store_serves_health_and_openapi(server):
    assert server.get("/healthz").status == 200
    document = server.get("/openapi.json").json
    assert document["openapi"].startswith("3.1")
    assert any(path.startswith("/api/v1/") for path in document["paths"])


def test_sigterm_stops_the_server_and_a_restart_keeps_the_store(server):
    created = server.post(
        "/api/v1/editions", {"id": "bo-test", "name": "BO test"}, token=server.admin_token,
        headers={"Idempotency-Key": "create-bo-test"},
    )
    assert created.status == 201, created.text
    server.process.send_signal(signal.SIGTERM)
    assert server.process.wait(timeout=30) == 0
    server.start()
    assert server.get("/api/v1/editions/bo-test").status == 200
