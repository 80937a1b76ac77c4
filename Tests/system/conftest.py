"""Fixtures for the system tests: a real `wiec serve` on loopback over a fresh store.

Every test here talks to the real binary over HTTP, as a browser, schemathesis or an auditor
would. `WIEC_BIN` names a built `wiec`; without it the debug build of this checkout is used
(`scripts/test-all` builds it first).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest

REPOSITORY = Path(__file__).resolve().parents[2]


def built_wiec() -> Path:
    """The `wiec` binary to test: `$WIEC_BIN`, else this checkout's debug build."""
    if os.environ.get("WIEC_BIN"):
        return Path(os.environ["WIEC_BIN"])
    bin_path = subprocess.run(
        ["swift", "build", "--show-bin-path"], cwd=REPOSITORY, check=True, capture_output=True, text=True
    ).stdout.strip()
    binary = Path(bin_path) / "wiec"
    if not binary.exists():
        subprocess.run(["swift", "build", "--product", "wiec"], cwd=REPOSITORY, check=True)
    return binary


def free_port() -> int:
    """A TCP port on loopback that nothing listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Reply:
    """An HTTP response: status, headers and body (parsed as JSON when it is JSON)."""

    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def json(self):
        return json.loads(self.body) if self.body else None

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


@dataclass
class Server:
    """One `wiec serve` process over a store in its own temporary folder.

    `start()` may be called again after `stop()` or `kill()`: the store is kept, so a test can
    crash and restart the server over the same files.
    """

    binary: Path
    folder: Path
    extra_args: list[str] = field(default_factory=list)
    #: The folder the processes run in (the server's relative paths: `ballots/`, `wiec-data/`).
    workdir: Path = REPOSITORY
    port: int = 0
    process: subprocess.Popen | None = None
    admin_token: str = ""

    @property
    def db(self) -> Path:
        return self.folder / "wiec.sqlite"

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wiec(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        """Runs a `wiec` command in the repository folder and returns its result."""
        return subprocess.run(
            [str(self.binary), *args], cwd=self.workdir, check=check, capture_output=True, text=True, timeout=300
        )

    def add_staff(self, role: str, scope: str = "*", name: str = "Test Staff") -> str:
        """Creates a staff account in the store and returns its bearer token."""
        out = self.wiec("staff", "add", "--db", str(self.db), "--role", role, "--scope", scope, "--name", name).stdout
        return next(line.split(":", 1)[1].strip() for line in out.splitlines() if line.startswith("token:"))

    def start(self, timeout: float = 60) -> None:
        """Starts the server (on a new free port unless one was chosen) and waits for /healthz."""
        if self.process and self.process.poll() is None:
            raise RuntimeError("server already running")
        if not self.port:
            self.port = free_port()
        log = open(self.folder / "server.log", "ab")
        self.process = subprocess.Popen(
            [str(self.binary), "serve", "--db", str(self.db), "--port", str(self.port), *self.extra_args],
            cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"wiec serve exited with {self.process.returncode}:\n{self.log()}")
            try:
                if self.get("/healthz").status == 200:
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise TimeoutError(f"wiec serve did not answer /healthz in {timeout} s:\n{self.log()}")

    def stop(self) -> None:
        """Stops the server with SIGTERM (in-flight requests finish) and waits for it."""
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def kill(self) -> None:
        """Kills the server with SIGKILL, as a power cut would, and waits for it to die."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def log(self) -> str:
        path = self.folder / "server.log"
        return path.read_text("utf-8", "replace")[-4000:] if path.exists() else ""

    def request(
        self, method: str, path: str, *, json_body=None, token: str | None = None,
        headers: dict[str, str] | None = None, body: bytes | None = None, timeout: float = 30,
    ) -> Reply:
        """Sends one request and returns the reply, whatever its status."""
        all_headers = dict(headers or {})
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        if json_body is not None:
            body = json.dumps(json_body).encode()
            all_headers.setdefault("Content-Type", "application/json")
        request = urllib.request.Request(self.url + path, data=body, method=method, headers=all_headers)
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                return Reply(response.status, dict(response.headers), response.read())
        except urllib.error.HTTPError as error:
            return Reply(error.code, dict(error.headers), error.read())

    def get(self, path: str, **options) -> Reply:
        return self.request("GET", path, **options)

    def post(self, path: str, json_body=None, **options) -> Reply:
        return self.request("POST", path, json_body=json_body, **options)


@pytest.fixture(scope="session")
def wiec_binary() -> Path:
    """The built `wiec` binary."""
    return built_wiec()


def make_server(binary: Path, *extra_args: str) -> Server:
    """A server over a new store in a new temporary folder, with an admin account; not started."""
    folder = Path(tempfile.mkdtemp(prefix="wiec-system-"))
    server = Server(binary=binary, folder=folder, extra_args=list(extra_args))
    server.admin_token = server.add_staff("admin", "*", "Anna Admin")
    return server


@pytest.fixture
def server(wiec_binary: Path):
    """A running `wiec serve` over a fresh store, stopped and removed after the test."""
    instance = make_server(wiec_binary)
    instance.start()
    yield instance
    instance.stop()
    shutil.rmtree(instance.folder, ignore_errors=True)


@pytest.fixture
def demo_server(wiec_binary: Path):
    """A running `wiec serve --demo` over a fresh store (the sample editions of `ballots/`)."""
    instance = make_server(wiec_binary, "--demo")
    instance.start(timeout=120)
    yield instance
    instance.stop()
    shutil.rmtree(instance.folder, ignore_errors=True)


def chrome(javascript: bool = True, width: int = 1280):
    """Debian's Chromium, headless, driven by its own chromedriver (Selenium downloads nothing),
    with JavaScript on or off."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},900"):
        options.add_argument(argument)
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(120)
    return driver


@pytest.fixture
def browser_tools():
    """Skips the test when Selenium or Chromium is missing (an error on CI)."""
    missing = [tool for tool in ("chromium", "chromedriver") if not shutil.which(tool)]
    try:
        import selenium  # noqa: F401
        import axe_selenium_python  # noqa: F401
    except ImportError:
        missing.append("selenium/axe-selenium-python")
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"missing {', '.join(missing)}: run scripts/install-test-deps")
        pytest.skip(f"missing {', '.join(missing)} (scripts/install-test-deps installs them)")
