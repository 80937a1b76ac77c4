"""The staff pages in a real browser, by clicking and typing, JavaScript on and off.

An admin signs in with the one-time code of `wiec staff add`, creates an edition with an
approval pool and a cumulative pool, and a third pool from an uploaded `.pb` file, and opens submission (the confirmation says what closes and
opens; the checkpoint written is shown); records a workshop and its initiative and turns the
initiative into a proposal; proposals come in; a reviewer in scope admits two and
rejects one with a justification, a reviewer out of scope is refused; the submitter (a resident who
registered and proposed on the residents' pages) appeals and an admin upholds the appeal; voting opens, a resident
votes online, and the official enters a paper batch whose card for that resident is refused
(nothing stored), then a good batch and the point's protocol; the admin closes, reads each pool's count with
"Dlaczego?" on the publish confirmation, and publishes; the results page gives the ballots by
channel and by voting point;
the audit page's bundle downloads and `wiec verify` passes on it. Every staff and audit page is
checked with axe-core at 360 px and 1280 px (the residents' tests' `Person`).
"""

from __future__ import annotations

import io
import random
import subprocess
import tarfile
import tempfile
from pathlib import Path

import time

import pytest
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import chrome
from test_pages_browser import Person, valid_pesel

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"


def staff_code(server, role: str, scope: str, name: str) -> tuple[str, str]:
    """A new account's one-time sign-in code and bearer token, as `wiec staff add` prints them."""
    out = server.wiec("staff", "add", "--db", str(server.db), "--role", role, "--scope", scope, "--name", name).stdout
    printed = dict(line.split(": ", 1) for line in out.splitlines() if ": " in line)
    return printed["code"], printed["token"]


def api(server, path: str, body, token: str) -> dict:
    reply = server.post(path, body, token=token, headers={"Idempotency-Key": f"k{random.random()}"})
    assert reply.status in (200, 201), (path, reply.status, reply.text)
    return reply.json


def page_text(person: Person) -> str:
    """The page's text, read again when the page was still being replaced (JavaScript on)."""
    for _ in range(20):
        try:
            return person.text()
        except (StaleElementReferenceException, WebDriverException):
            time.sleep(0.25)
    return person.text()


def sign_in(person: Person, code: str) -> None:
    person.driver.delete_all_cookies()
    person.open("/panel/logowanie")
    person.type("pole-kod", code)
    person.press("form#formularz button.primary")
    assert "Zalogowano jako" in page_text(person)


def choose(person: Person, field_id: str, value: str) -> None:
    Select(person.driver.find_element(By.ID, field_id)).select_by_value(value)


def submit(person: Person, action: str) -> None:
    person.press(f'form[action="{action}"] button[type="submit"]')


def shoot(person: Person, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in (360, 1280):
        person.driver.set_window_size(width, 900)
        height = person.driver.execute_script("return document.documentElement.scrollHeight")
        person.driver.set_window_size(width, min(height, 2400))
        person.driver.save_screenshot(str(SCREENSHOTS / f"{name}-{width}.png"))
    person.driver.set_window_size(1280, 900)


def change_phase(person: Person, base: str, label: str) -> None:
    person.open(base)
    person.link(label)
    assert "Tej zmiany nie można cofnąć" in page_text(person)
    person.press('form[action$="/faza"] button.primary')
    assert "Korzeń drzewa" in page_text(person)


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_an_edition_run_from_the_staff_pages(server, browser_tools, javascript):
    admin_code, admin_token = staff_code(server, "admin", "*", "Anna Urzędniczka")
    reviewer_code, _ = staff_code(server, "reviewer", "bo:miasto", "Radny Miejski")
    outsider_code, _ = staff_code(server, "reviewer", "inna", "Sołtys Spoza")
    driver = chrome(javascript=javascript)
    auditor = None if javascript else chrome(javascript=True)
    try:
        person = Person(driver, server.url, auditor)
        base = "/panel/edycje/bo"
        sign_in(person, admin_code)
        person.link("Nowa edycja")
        person.type("pole-id", "bo")
        person.type("pole-nazwa", "BO Panelowo 2027")
        person.press("form#formularz button.primary")
        for pool, name, budget, kind in [("miasto", "Cała gmina", "600 000", "approval"), ("park", "Osiedle Parkowe", "100 000", "cumulative")]:
            person.type("pole-id", pool)
            person.type("pole-nazwa", name)
            person.type("pole-budzet", budget)
            choose(person, "pole-typ", kind)
            if kind == "approval":
                person.type("pole-maks_projektow", "2")
            else:
                person.type("pole-maks_punktow", "3")
                person.type("pole-suma_punktow", "5")
            submit(person, f"{base}/pule")
            assert name in page_text(person)
        assert "Do rozdzielenia 5 punktów." in page_text(person)
        # A third pool from a .pb file upload (its META section: budget, ballot type, limits, rule).
        person.type("pole-plik_id", "srodmiescie")
        driver.find_element(By.ID, "pole-plik").send_keys(str(Path(__file__).resolve().parents[2] / "ballots" / "dzielnica_srodmiescie_2027.pb"))
        submit(person, f"{base}/pule/plik")
        assert "dzielnica Śródmieście" in page_text(person) and "1 000 000 zł" in page_text(person)
        person.open(base)
        person.link("Przejdź do etapu")
        shoot(person, "staff-phase")
        person.press('form[action$="/faza"] button.primary')
        assert "Korzeń drzewa" in page_text(person)

        # A workshop, its initiative, and the proposal the initiative becomes (in the park pool,
        # outside the reviewer's scope below).
        person.open(f"{base}/warsztaty")
        person.type("pole-warsztat_id", "w1")
        person.type("pole-temat", "Zieleń nad rzeką")
        person.type("pole-data", "2026-05-14")
        person.type("pole-miejsce", "Dom Kultury")
        person.type("pole-prowadzacy", "Ewa Moderator")
        person.type("pole-uczestnicy", "24")
        submit(person, f"{base}/warsztaty")
        assert "Warsztat zapisany w dzienniku." in page_text(person)
        choose(person, "pole-inicjatywa_warsztat", "w1")
        person.type("pole-inicjatywa_tytul", "Łąka kwietna")
        person.type("pole-inicjatywa_opis", "Zamiast trawnika łąka dla owadów.")
        submit(person, f"{base}/warsztaty/inicjatywy")
        assert "Inicjatywa zapisana w dzienniku." in page_text(person)
        choose(person, "pole-pula", "park")
        person.type("pole-koszt", "30 000")
        person.press('form[action*="/warsztaty/inicjatywy/"] button.primary')
        assert "Projekt z inicjatywy zgłoszony" in page_text(person)

        for title, cost in [("Ławki w rynku", 100000), ("Plac zabaw", 300000)]:
            api(server, "/api/v1/editions/bo/proposals", {
                "pool": "miasto", "title": title, "description": f"Opis: {title}.", "category": "zieleń", "cost_estimate": cost},
                server.admin_token)
        # A resident registers on the residents' pages and submits the proposal that will be
        # rejected and appealed; the sign-in code shown is kept to come back later.
        person.open("/edycje/bo")
        person.link("Zaloguj się")
        person.link("Zarejestruj się")
        person.type("pole-imie", "Zofia Wnioskodawczyni")
        submitter_pesel = valid_pesel("880312" + str(random.randrange(1000, 9999)))
        person.type("pole-pesel", submitter_pesel)
        person.press("form#formularz button.primary")
        submitter_code = driver.find_element(By.CSS_SELECTOR, ".code-big").text.strip()
        person.press("a.button")
        person.open("/edycje/bo/projekty/nowy")
        choose(person, "pole-pula", "miasto")
        person.type("pole-tytul", "Fontanna na dachu")
        person.type("pole-opis", "Fontanna na dachu ratusza.")
        person.type("pole-koszt", "250 000")
        person.press("form#formularz button.primary")
        assert "Projekt został zgłoszony." in page_text(person)
        sign_in(person, admin_token)
        change_phase(person, base, "Przejdź do etapu")

        sign_in(person, reviewer_code)
        person.open(f"{base}/weryfikacja")
        shoot(person, "staff-review-queue")
        for title, outcome in [("Ławki w rynku", "positive"), ("Plac zabaw", "positive"), ("Fontanna na dachu", "negative")]:
            stages = ["formal", "merit", "cost"] if outcome == "positive" else ["formal"]
            for stage in stages:
                person.open(f"{base}/weryfikacja")
                person.link(title)
                choose(person, "pole-etap", stage)
                choose(person, "pole-wynik", outcome)
                person.type("pole-uzasadnienie", "Niezgodny z zasadami." if outcome == "negative" else "Spełnia wymogi.")
                if stage == "cost":
                    person.type("pole-koszt", "100 000" if title == "Ławki w rynku" else "300 000")
                person.press('form[action*="/weryfikacja/"] button.primary')
                assert "Ocena została zapisana." in page_text(person)
        assert "Nie ma projektów czekających na ocenę." in page_text(person)

        sign_in(person, outsider_code)
        driver.get(server.url + base + "/weryfikacja")
        assert "Brak dostępu" in page_text(person) and "Twój zakres nie obejmuje" in page_text(person)

        sign_in(person, admin_token)  # the code was used up by the first sign-in
        change_phase(person, base, "Przejdź do etapu")

        # The submitter appeals the rejection on the residents' pages; an admin upholds it.
        person.driver.delete_all_cookies()
        person.open("/edycje/bo")
        person.link("Zaloguj się")
        person.type("pole-pesel", submitter_pesel)
        person.type("pole-kod", submitter_code)
        person.press("form#formularz button.primary")
        person.press("a.button")
        person.open("/edycje/bo/projekty")
        person.link("Fontanna na dachu")
        person.link("Odwołaj się od oceny")
        choose(person, "pole-etap", "formal")
        person.type("pole-uzasadnienie", "Dach ratusza jest płaski i nośny, opinia konstruktora w załączeniu.")
        person.press("form#formularz button.primary")
        assert "Odwołanie zostało złożone." in page_text(person) and "czeka na rozpatrzenie" in page_text(person)
        sign_in(person, admin_token)
        person.open(f"{base}/odwolania")
        person.link("Fontanna na dachu")
        assert "Dach ratusza jest płaski" in page_text(person) and "Niezgodny z zasadami." in page_text(person)
        choose(person, "pole-decyzja", "uwzglednij")
        person.type("pole-uzasadnienie", "Opinia konstruktora potwierdza nośność dachu.")
        person.press('form[action*="/odwolania/"] button.primary')
        assert "Decyzja w sprawie odwołania została zapisana." in page_text(person)
        person.open("/edycje/bo/projekty")
        person.link("Fontanna na dachu")
        assert "odwołanie uwzględnione" in page_text(person) and "Opinia konstruktora potwierdza" in page_text(person)
        change_phase(person, base, "Przejdź do etapu")
        pesel = valid_pesel("850215" + str(random.randrange(1000, 9999)))
        resident = server.post("/api/v1/editions/bo/voters", {"name": "Jan Kowalski", "pesel": pesel},
                               headers={"Idempotency-Key": f"r{random.random()}"}).json
        proposals = {p["title"]: p["id"] for p in server.get("/api/v1/editions/bo/proposals").json}
        api(server, "/api/v1/editions/bo/ballots", {"pool": "miasto", "projects": [proposals["Ławki w rynku"]]}, resident["token"])

        person.open(f"{base}/glosowanie-papierowe")
        person.type("pole-id", "urzad")
        person.type("pole-nazwa", "Urząd Miejski, sala 12")
        person.type("pole-adres", "Rynek 1")
        submit(person, f"{base}/punkty")
        other = valid_pesel("900101" + str(random.randrange(1000, 9999)))
        server.post("/api/v1/editions/bo/voters", {"name": "Ewa Nowak", "pesel": other}, headers={"Idempotency-Key": f"r{random.random()}"})
        person.type("pole-karty", f"{other}; miasto; {proposals['Plac zabaw']}\n{pesel}; miasto; {proposals['Plac zabaw']}")
        person.type("pole-niewazne", "1")
        submit(person, f"{base}/glosowanie-papierowe")
        assert "Odrzucone karty" in page_text(person) and "Linia 2" in page_text(person)
        shoot(person, "staff-paper-entry")
        person.type("pole-karty", f"{other}; miasto; {proposals['Plac zabaw']}")
        submit(person, f"{base}/glosowanie-papierowe")
        assert "Partia kart została zapisana." in page_text(person)
        person.link("Urząd Miejski, sala 12")
        person.type("pole-otrzymane", "10")
        person.type("pole-wydane", "2")
        submit(person, f"{base}/punkty/urzad/protokol")
        assert "Anna Urzędniczka" in page_text(person) and "Karty niewykorzystane" in page_text(person)

        change_phase(person, base, "Przejdź do etapu")
        person.open(base)
        person.link("Przejdź do etapu")
        text = page_text(person)
        assert "Dlaczego?" in text and "Ważnych kart: 2." in text and "Ławki w rynku" in text, text
        person.press('form[action$="/faza"] button.primary')
        assert "Korzeń drzewa" in page_text(person)
        # The results page gives the ballots by channel and the paper ones by voting point.
        person.open("/edycje/bo/wyniki/miasto")
        text = page_text(person)
        assert "w tym przez internet\n1" in text and "w tym na papierze\n1" in text, text
        assert "na papierze w punkcie Urząd Miejski, sala 12\n1" in text, text
        person.open("/audyt/edycje/bo")
        assert "wiec verify bundle" in page_text(person)
        shoot(person, "staff-audit")
        person.open("/audyt/dziennik")
        assert "result_published" in driver.page_source or "Późniejsze wpisy" in page_text(person)
        bundle = server.get("/api/v1/editions/bo/bundle")
        assert bundle.status == 200
        with tempfile.TemporaryDirectory() as folder:
            tarfile.open(fileobj=io.BytesIO(bundle.body)).extractall(folder)
            verified = server.wiec("verify", folder, check=False)
            assert verified.returncode == 0, verified.stdout + verified.stderr
    finally:
        driver.quit()
        if auditor:
            auditor.quit()
