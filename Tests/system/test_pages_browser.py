"""The residents' pages in a real browser, as a person uses them, with JavaScript on and off.

One story per run over a fresh `wiec serve`: an official sets up an edition through the API; a
resident registers, submits a proposal (correcting a validation error on the way), supports
another; the official reviews and opens the vote; the resident votes in an approval pool and a
cumulative pool (told when a choice breaks the limits), checks the receipt; the official
publishes; the resident reads the results and one project's "Dlaczego?". Every page reached is
checked with axe-core at 360 px and 1280 px: no violation of impact serious or critical.
"""

from __future__ import annotations

import json
import random
import time

import pytest
from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import chrome

WIDTHS = (360, 1280)

# Runs axe-core on the page and hands back only the serious and critical violations, small.
AXE_RUN = """
var done = arguments[arguments.length - 1];
axe.run(document, {resultTypes: ["violations"]}).then(function (results) {
  done(results.violations.filter(function (v) { return v.impact === "serious" || v.impact === "critical"; })
    .map(function (v) { return [v.id, v.impact, v.help, v.nodes.slice(0, 3).map(function (n) { return n.target.join(" "); })]; }));
}).catch(function (error) { done([["axe-error", "critical", String(error), []]]); });
"""


def valid_pesel(base: str) -> str:
    """A valid PESEL from its first ten digits (the check digit added)."""
    weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return base + str((10 - sum(int(d) * w for d, w in zip(base, weights)) % 10) % 10)


class Official:
    """The official's side, through the JSON API, with paths as the server documents them."""

    def __init__(self, server):
        self.server = server
        self.paths = set(server.get("/openapi.json").json["paths"])

    def call(self, path: str, body) -> dict:
        reply = self.server.post(path, body, token=self.server.admin_token, headers={"Idempotency-Key": f"k{random.random()}"})
        assert reply.status in (200, 201), (path, reply.status, reply.text)
        return reply.json

    def path(self, *templates: str, **values: str) -> str:
        """The first of the candidate paths that the OpenAPI document lists, filled in."""
        for template in templates:
            if "/api/v1" + template in self.paths:
                return "/api/v1" + template.format(**values)
        raise AssertionError(f"none of {templates} is documented")

    def phase(self, to: str) -> None:
        self.call("/api/v1/editions/bo/phase", {"to": to})

    def setup(self) -> None:
        self.call("/api/v1/editions", {"id": "bo", "name": "BO Przeglądarkowo 2027"})
        self.call("/api/v1/editions/bo/pools", {
            "id": "miasto", "name": "Cała gmina", "budget": 600000, "vote_type": "approval", "rule": "greedy",
            "max_length": 2, "max_sum_cost": 500000})
        self.call("/api/v1/editions/bo/pools", {
            "id": "park", "name": "Osiedle Parkowe", "budget": 100000, "vote_type": "cumulative", "rule": "greedy",
            "max_points": 3, "max_sum_points": 5})
        self.phase("submission")
        for pool, title, cost in [("miasto", "Ławki w rynku", 100000), ("miasto", "Plac zabaw przy szkole", 300000),
                                  ("park", "Nowe drzewa", 40000), ("park", "Fontanna", 70000)]:
            self.call("/api/v1/editions/bo/proposals", {
                "pool": pool, "title": title, "description": f"Opis: {title}.", "category": "zieleń", "cost_estimate": cost})

    def review_all(self) -> None:
        self.phase("review")
        for proposal in self.server.get("/api/v1/editions/bo/proposals").json:
            path = self.path("/editions/{edition}/proposals/{id}/reviews", "/proposals/{id}/reviews", edition="bo", id=proposal["id"])
            for stage in ("formal", "merit", "cost"):
                body = {"stage": stage, "outcome": "positive", "justification": "Spełnia wymogi."}
                if stage == "cost":
                    body["reviewed_cost"] = proposal["cost_estimate"]
                self.call(path, body)
        self.phase("appeals")
        self.phase("voting")


def replaced(element) -> bool:
    """Whether the document `element` belonged to is gone. Chromium answers either "stale element"
    or, while the new document is being attached, "node does not belong to the document"."""
    try:
        element.tag_name
        return False
    except StaleElementReferenceException:
        return True
    except WebDriverException as error:
        if "does not belong to the document" in str(error) or "No node with given id" in str(error):
            return True
        raise


class Person:
    """A resident in a browser, clicking and typing; every page reached is checked by axe.

    axe-core needs JavaScript, so with JavaScript off the page as the person sees it is copied
    into a second browser, at the same address, and checked there.
    """

    def __init__(self, driver, url: str, auditor=None):
        self.driver, self.url, self.auditor = driver, url, auditor
        self.checked: dict[str, list] = {}

    def open(self, path: str) -> None:
        self.driver.get(self.url + path)
        self.audit()

    def text(self) -> str:
        """The page's visible text, no-break spaces as spaces."""
        return self.driver.find_element(By.TAG_NAME, "body").text.replace("\u00a0", " ")

    def type(self, field_id: str, value: str) -> None:
        field = self.driver.find_element(By.ID, field_id)
        field.clear()
        field.send_keys(value)

    def navigate(self, element) -> None:
        """Clicks something that loads a page, and waits for the new page."""
        old = self.driver.find_element(By.TAG_NAME, "html")
        element.click()
        WebDriverWait(self.driver, 15).until(lambda _: replaced(old))
        WebDriverWait(self.driver, 15, ignored_exceptions=(WebDriverException,)).until(
            lambda d: d.execute_script("return document.readyState") == "complete")
        self.audit()

    def press(self, selector: str) -> None:
        self.navigate(self.driver.find_element(By.CSS_SELECTOR, selector))

    def link(self, text: str) -> None:
        self.navigate(self.driver.find_element(By.PARTIAL_LINK_TEXT, text))

    def audit(self) -> None:
        """axe-core at both widths on the page now shown (once per path)."""
        from axe_selenium_python import Axe

        path = self.driver.current_url.split("?")[0]
        if path in self.checked:
            return
        checker = self.auditor or self.driver
        if self.auditor:
            self.auditor.get(self.driver.current_url)
            self.auditor.execute_script("document.open(); document.write(arguments[0]); document.close();", self.driver.page_source)
            WebDriverWait(self.auditor, 15).until(lambda d: d.execute_script("return document.readyState") == "complete")
        found = []
        for width in WIDTHS:
            checker.set_window_size(width, 900)
            Axe(checker).inject()
            found += [(width, *violation) for violation in checker.execute_async_script(AXE_RUN)]
            scroll = checker.execute_script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if width == 360:
                assert scroll <= 0, f"{path}: horizontal scroll of {scroll} px at {width} px"
        checker.set_window_size(1280, 900)
        self.checked[path] = found
        assert not found, f"{path}: {json.dumps(found, ensure_ascii=False)}"


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_a_resident_from_registration_to_results(server, browser_tools, javascript):
    official = Official(server)
    official.setup()
    driver = chrome(javascript=javascript)
    auditor = None if javascript else chrome(javascript=True)
    try:
        person = Person(driver, server.url, auditor)
        wait = WebDriverWait(driver, 10)
        # Home, the edition, registering.
        person.open("/")
        person.link("BO Przeglądarkowo 2027")
        assert "Wybierz najwyżej 2 projekty." in person.text()
        person.link("Zaloguj się")
        person.link("Zarejestruj się")
        person.type("pole-imie", "Anna Nowak")
        person.type("pole-pesel", "85021512345")
        person.press("form#formularz button.primary")
        assert "cyfra kontrolna" in person.text()
        person.type("pole-pesel", valid_pesel("850215" + str(random.randrange(1000, 9999))))
        person.press("form#formularz button.primary")
        assert "Twój kod logowania" in person.text()
        person.press("a.button")

        # A proposal, with one error corrected on the way.
        person.open("/edycje/bo/projekty/nowy")
        Select(driver.find_element(By.ID, "pole-pula")).select_by_value("miasto")
        person.type("pole-tytul", "Stojaki na rowery")
        person.type("pole-opis", "Dwadzieścia stojaków przy dworcu.")
        person.type("pole-koszt", "dużo")
        person.press("form#formularz button.primary")
        assert "Popraw, proszę, zaznaczone pola" in person.text()
        assert "Koszt musi być kwotą" in person.text()
        driver.find_element(By.CSS_SELECTOR, ".error-summary a[href='#pole-koszt']")
        assert driver.find_element(By.ID, "pole-tytul").get_attribute("value") == "Stojaki na rowery"
        person.type("pole-koszt", "45 000")
        person.press("form#formularz button.primary")
        assert "Projekt został zgłoszony." in person.text()
        assert "45 000 zł" in person.text()

        # Supporting another proposal.
        person.open("/edycje/bo/projekty")
        person.link("Ławki w rynku")
        person.press("button.primary")
        assert "Dziękujemy, Twoje poparcie jest zapisane." in person.text()
        assert "1 osoba poparła ten projekt." in person.text()

        # Voting: the approval pool, told when the choice breaks the limits.
        official.review_all()
        person.open("/edycje/bo/glosowanie")
        person.link("Cała gmina")
        boxes = driver.find_elements(By.CSS_SELECTOR, "input[type=checkbox][name=projekt]")
        assert len(boxes) == 3
        for box in boxes:
            box.click()
        if javascript:
            wait.until(lambda d: "a można najwyżej 2" in d.find_element(By.ID, "stan-tekst").text)
        else:
            person.press("button[value=przelicz]")
        assert "Wybrano 3 projekty, a można najwyżej 2." in person.text()
        driver.find_elements(By.CSS_SELECTOR, "input[type=checkbox][name=projekt]")[1].click()
        if javascript:
            wait.until(lambda d: "Wybrano 2 projekty" in d.find_element(By.ID, "stan-tekst").text)
        person.press("button[value=sprawdz]")
        assert "Sprawdź swój głos" in person.text()
        person.press("button[value=oddaj]")
        assert "Twój głos został oddany i zapisany." in person.text()

        # The cumulative pool.
        person.open("/edycje/bo/glosowanie/park")
        fields = driver.find_elements(By.CSS_SELECTOR, "input[type=number]")
        fields[0].send_keys("3")
        fields[1].send_keys("3")
        if javascript:
            wait.until(lambda d: "do rozdzielenia jest 5" in d.find_element(By.ID, "stan-tekst").text)
        else:
            person.press("button[value=przelicz]")
        assert "Rozdano 6 punktów, a do rozdzielenia jest 5." in person.text()
        fields = driver.find_elements(By.CSS_SELECTOR, "input[type=number]")
        fields[1].clear()
        fields[1].send_keys("2")
        if javascript:
            wait.until(lambda d: "zostaje 0 punktów" in d.find_element(By.ID, "stan-tekst").text)
        person.press("button[value=sprawdz]")
        person.press("button[value=oddaj]")
        assert "Pokwitowanie" in person.text()

        # Checking the receipt: the downloaded file's content, pasted.
        download = driver.find_element(By.PARTIAL_LINK_TEXT, "Pobierz pokwitowanie").get_attribute("href")
        receipt = server.get(download.replace(server.url, "")).text
        person.link("Sprawdź pokwitowanie")
        driver.find_element(By.ID, "pole-pokwitowanie").send_keys(receipt)
        person.press("form#formularz button.primary")
        assert "Pokwitowanie jest prawdziwe" in person.text()

        # Results and one project's "Dlaczego?".
        official.phase("closed")
        official.phase("published")
        person.open("/edycje/bo")
        person.link("Wyniki")
        person.link("Cała gmina")
        assert driver.find_element(By.CSS_SELECTOR, "svg.chart")
        summary = driver.find_element(By.CSS_SELECTOR, "details summary")
        summary.click()
        why = driver.find_element(By.CSS_SELECTOR, "details .why").text
        assert "Wybrany: miał" in why or "Niewybrany" in why, why
    finally:
        driver.quit()
        if auditor:
            auditor.quit()
