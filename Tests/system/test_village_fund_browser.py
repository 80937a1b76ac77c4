"""The village fund's and the local initiatives' pages in a real browser, by clicking and typing,
JavaScript on and off.

The gmina's official opens a fund, records the council's resolution and announces the amounts;
the Błotnica sołtys enters the village assembly from its minutes (refused when 14 residents called
it, recorded with 15), submits an application over the amount (refused beside the field with the
excess), then a corrected one, and prints it; the official accepts it; a resident reads the fund,
the formula's steps and the sołectwo's page. In this year's fund, the official records what was
carried out and a resident reads it. A local initiative goes from the council's criteria
through a resident's application to the officials' scores and decision. Every page reached is checked with axe-core at 360 px
and 1280 px (the residents' tests' `Person`); the JavaScript-on run takes the screenshots.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from selenium.webdriver.common.by import By

from conftest import chrome
from test_pages_browser import Person
from test_staff_browser import choose, page_text, shoot, sign_in, staff_code, submit


def budget_year(today: datetime.date) -> int:
    """A budget year whose resolution (31 March of the year before) and application (30 September)
    deadlines are still ahead, since every act of the test is dated today."""
    return today.year + 1 if today.month <= 3 else today.year + 2


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_a_village_fund_year_from_the_pages(server, browser_tools, javascript):
    admin_code, admin_token = staff_code(server, "admin", "*", "Wójt Gminy")
    soltys_code, _ = staff_code(server, "reviewer", "fs:Błotnica", "Sołtys Błotnicy")
    year = budget_year(datetime.datetime.now(ZoneInfo("Europe/Warsaw")).date())
    driver = chrome(javascript=javascript)
    auditor = None if javascript else chrome(javascript=True)
    try:
        person = Person(driver, server.url, auditor)
        sign_in(person, admin_code)
        person.link("Przejdź do funduszy sołeckich")
        person.type("pole-fundusz_id", "fs")
        person.type("pole-fundusz_nazwa", f"Fundusz sołecki {year}")
        person.type("pole-rok", str(year))
        submit(person, "/panel/fundusze")
        assert "Fundusz otwarty" in page_text(person)
        person.type("pole-uchwala_numer", f"XXXIII/236/{year - 1}")
        choose(person, "pole-zgoda", "tak")
        submit(person, "/panel/fundusze/fs/uchwala")
        person.type("pole-dochody", "19 886 293,57")
        person.type("pole-mieszkancy", "5138")
        person.type("pole-solectwa", "Błotnica; 77\nFiszewo; 189; 5000; uchwała XII/80")
        submit(person, "/panel/fundusze/fs/kwoty")
        text = page_text(person)
        assert "Kb = 19 886 293,57 zł / 5 138 mieszkańców" in text and "10 721,09 zł" in text, text
        if javascript:
            shoot(person, "fund-staff")

        sign_in(person, soltys_code)
        person.open("/panel/fundusze")
        person.link(f"Fundusz sołecki {year}")
        person.link("Błotnica")
        minutes = ("wiata; Wiata przy boisku; 9 000; 30; 2; 1; Miejsce spotkań mieszkańców.\n"
                   "lampy; Lampy przy drodze; 3 000; 25; 5; 3; Bezpieczeństwo pieszych.")
        person.type("pole-zebranie_id", "z1")
        choose(person, "pole-zwolal", "mieszkancy")
        person.type("pole-inicjatorzy", "14")
        person.type("pole-obecni", "40")
        person.type("pole-przedsiewziecia", minutes)
        submit(person, "/panel/fundusze/fs/solectwa/1/zebrania")
        assert "co najmniej 15 pełnoletnich mieszkańców" in page_text(person)
        person.type("pole-inicjatorzy", "15")
        submit(person, "/panel/fundusze/fs/solectwa/1/zebrania")
        assert "Zebranie wiejskie zapisane w dzienniku." in page_text(person)
        person.type("pole-wniosek_id", "w1")
        submit(person, "/panel/fundusze/fs/solectwa/1/wnioski")
        assert "o 1 278,91 zł za dużo" in page_text(person)
        if javascript:
            shoot(person, "fund-soltys-refused")
        person.type("pole-numery", "wiata")
        submit(person, "/panel/fundusze/fs/solectwa/1/wnioski")
        text = page_text(person)
        assert "Lista obecności: 40 osób obecnych." in text and "Wiata przy boisku: 30 za, 2 przeciw" in text, text
        if javascript:
            shoot(person, "fund-application")

        sign_in(person, admin_token)  # the code was used up by the first sign-in
        person.open("/panel/fundusze/fs/wnioski/w1")
        choose(person, "pole-decyzja", "przyjmij")
        submit(person, "/panel/fundusze/fs/wnioski/w1/decyzja")
        assert "Decyzja wójta zapisana w dzienniku." in page_text(person)

        driver.delete_all_cookies()
        person.open("/")
        person.link(f"Fundusz sołecki {year}")
        text = page_text(person)
        assert "przyjęty przez wójta" in text and "2,77 × 3 870,43 zł = 10 721,0911 zł" in text, text
        assert "5 000 zł (uchwała XII/80)" in text
        if javascript:
            shoot(person, "fund-resident")
        person.link("Błotnica")
        text = page_text(person)
        assert "Wiata przy boisku" in text and "przyjęty przez wójta" in text, text
    finally:
        driver.quit()
        if auditor:
            auditor.quit()


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_what_a_village_fund_carried_out_from_the_pages(server, browser_tools, javascript):
    """This year's fund, its application accepted last autumn (set up through the API): the
    official records what was carried out of the shelter, an amount past the sołectwo's is
    refused beside the field, and a resident reads it on the sołectwo's page."""
    from editions import expect, key

    year = datetime.datetime.now(ZoneInfo("Europe/Warsaw")).date().year
    admin_code, _ = staff_code(server, "admin", "*", "Wójt Gminy")
    post = lambda path, body: expect(server.post(path, body, token=server.admin_token, headers=key()), 200, 201)  # noqa: E731
    post("/api/v1/village-funds", {"id": "fs", "name": f"Fundusz sołecki {year}", "budget_year": year})
    post("/api/v1/village-funds/fs/resolution", {"number": f"XXX/1/{year - 1}", "adopted_on": f"{year - 1}-03-20", "consents": True})
    post("/api/v1/village-funds/fs/amounts", {"revenue": "19886293.57", "residents": 5138, "announced_on": f"{year - 1}-07-15",
                                              "solectwa": [{"solectwo": "Błotnica", "residents": 77}]})
    post("/api/v1/village-funds/fs/assemblies", {
        "id": "z1", "solectwo": "Błotnica", "convener": "soltys", "held_on": f"{year - 1}-09-05", "attendance": 40,
        "projects": [{"id": "wiata", "title": "Wiata przy boisku", "cost_estimate": "9000", "justification": "Miejsce spotkań",
                      "votes": {"for": 30, "against": 2, "abstaining": 1}}]})
    post("/api/v1/village-funds/fs/applications", {"id": "w1", "solectwo": "Błotnica", "assembly": "z1", "projects": ["wiata"],
                                                   "submitted_on": f"{year - 1}-09-10"})
    post("/api/v1/village-funds/fs/applications/w1/decision", {"accepted": True, "decided_on": f"{year - 1}-09-14"})
    driver = chrome(javascript=javascript)
    auditor = None if javascript else chrome(javascript=True)
    try:
        person = Person(driver, server.url, auditor)
        sign_in(person, admin_code)
        person.open("/panel/fundusze/fs/wnioski/w1")
        choose(person, "pole-przedsiewziecie", "wiata")
        person.type("pole-opis_wykonania", "Wiata postawiona i odebrana.")
        person.type("pole-wydano", "11 000")
        choose(person, "pole-zakonczone", "tak")
        submit(person, "/panel/fundusze/fs/wnioski/w1/wykonanie")
        assert "Sołectwo ma 10 721,09 zł z funduszu, a zapłacono już 0 zł" in page_text(person)
        assert driver.find_element(By.ID, "pole-opis_wykonania").get_attribute("value") == "Wiata postawiona i odebrana."
        person.type("pole-wydano", "8 950,50")
        submit(person, "/panel/fundusze/fs/wnioski/w1/wykonanie")
        text = page_text(person)
        assert "Wykonanie zapisane w dzienniku." in text and "Z funduszu zapłacono dotąd 8 950,50 zł z 10 721,09 zł" in text, text
        assert "Zapisz wykonanie" not in text  # nothing is left to carry out

        driver.delete_all_cookies()
        person.open("/fundusze/fs")
        person.link("Błotnica")
        text = page_text(person)
        assert "Co wykonano" in text and "zakończone" in text and "Wiata postawiona i odebrana." in text, text
        if javascript:
            shoot(person, "fund-carried-out")
    finally:
        driver.quit()
        if auditor:
            auditor.quit()


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_a_local_initiative_from_the_pages(server, browser_tools, javascript):
    """The official records the council's criteria; a resident registers and applies (refused
    without a contribution, then with 40 hours of work); the official scores each criterion and
    approves; the public ranking and the application's page show the score and the decision."""
    from test_pages_browser import Official, valid_pesel
    import random

    Official(server).setup()
    admin_code, admin_token = staff_code(server, "admin", "*", "Anna Urzędniczka")
    driver = chrome(javascript=javascript)
    auditor = None if javascript else chrome(javascript=True)
    try:
        person = Person(driver, server.url, auditor)
        sign_in(person, admin_code)
        person.open("/panel/edycje/bo/inicjatywy-lokalne")
        person.type("pole-kryteria_uchwala", "XX/140/2026")
        person.type("pole-kryteria", "wklad; Wkład mieszkańców; 2; 10; tak\npotrzeba; Potrzeba; 1; 10")
        submit(person, "/panel/edycje/bo/inicjatywy-lokalne/kryteria")
        assert "Wiersz 2:" in page_text(person)
        person.type("pole-kryteria", "wklad; Wkład mieszkańców; 2; 10; tak\npotrzeba; Potrzeba; 1; 10; nie")
        submit(person, "/panel/edycje/bo/inicjatywy-lokalne/kryteria")
        assert "Kryteria uchwały zapisane w dzienniku." in page_text(person)

        driver.delete_all_cookies()
        person.open("/edycje/bo/rejestracja")
        person.type("pole-imie", "Anna Nowak")
        person.type("pole-pesel", valid_pesel("850215" + str(random.randrange(1000, 9999))))
        person.press("form#formularz button.primary")
        assert "Twój kod logowania" in page_text(person)
        person.open("/edycje/bo")
        person.link("Inicjatywy lokalne")
        person.link("Złóż wniosek o inicjatywę lokalną")
        person.type("pole-tytul", "Skwer przy rzece")
        person.type("pole-opis", "Posadzimy krzewy i postawimy ławki.")
        person.press("form#formularz button.primary")
        assert "wymaga wkładu mieszkańców" in page_text(person)
        person.type("pole-godziny", "40")
        person.type("pole-od_gminy", "2 000")
        person.press("form#formularz button.primary")
        assert "Wniosek złożony i zapisany w dzienniku." in page_text(person)

        sign_in(person, admin_token)
        person.open("/panel/edycje/bo/inicjatywy-lokalne")
        person.link("Skwer przy rzece")
        action = driver.current_url.split("?")[0].removeprefix(server.url)
        for criterion, points in [("wklad", "8"), ("potrzeba", "7")]:
            choose(person, "pole-ocena_kryterium", criterion)
            person.type("pole-ocena_punkty", points)
            person.type("pole-ocena_uzasadnienie", f"Ocena kryterium {criterion}.")
            submit(person, action + "/ocena")
            assert "Ocena zapisana w dzienniku." in page_text(person)
        choose(person, "pole-decyzja", "tak")
        person.type("pole-decyzja_uzasadnienie", "Wniosek spełnia kryteria uchwały.")
        submit(person, action + "/decyzja")
        assert "Decyzja zapisana w dzienniku." in page_text(person)
        if javascript:
            shoot(person, "local-initiative-staff")

        driver.delete_all_cookies()
        person.open("/edycje/bo/inicjatywy-lokalne")
        text = page_text(person)
        assert "Skwer przy rzece" in text and "23,00" in text and "przyjęty do realizacji" in text, text
        if javascript:
            shoot(person, "local-initiative-resident")
        person.link("Skwer przy rzece")
        assert "Ocena kryterium wklad." in page_text(person) and "Anna Urzędniczka" not in page_text(person)
    finally:
        driver.quit()
        if auditor:
            auditor.quit()
