#!/usr/bin/env python3
"""Screenshots of the residents' main pages at 360 px and 1280 px, for the README.

Runs against a `wiec serve --demo` (fresh store): signs in as the demo resident, votes in the
first pool of `demo-glosowanie`, and photographs home, a proposal, the ballot, the receipt and
a results page.

    scripts/screenshots.py --url http://127.0.0.1:8080 --out docs/screenshots
"""

import argparse
from pathlib import Path

import random
import shutil

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By



def pesel(base: str) -> str:
    """A valid PESEL from its first ten digits (the check digit added)."""
    weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3]
    return base + str((10 - sum(int(d) * w for d, w in zip(base, weights)) % 10) % 10)


def browser(width: int) -> webdriver.Chrome:
    """Debian's Chromium in headless mode, driven by its own chromedriver (nothing downloaded)."""
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", f"--window-size={width},900"):
        options.add_argument(argument)
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


def shoot(driver: webdriver.Chrome, width: int, name: str, out: Path) -> None:
    driver.set_window_size(width, 600)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(width, min(max(height, 600), 6000))
    driver.save_screenshot(str(out / f"{name}-{width}.png"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--url", default="http://127.0.0.1:8080")
    parser.add_argument("--out", default="docs/screenshots")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for width in (360, 1280):
        driver = browser(width)
        try:
            driver.get(args.url + "/")
            shoot(driver, width, "home", out)
            driver.get(args.url + "/edycje/demo/projekty")
            driver.find_element(By.CSS_SELECTOR, "table a").click()
            shoot(driver, width, "proposal", out)
            driver.get(args.url + "/edycje/demo-glosowanie/rejestracja")
            driver.find_element(By.ID, "pole-imie").send_keys("Anna Nowak")
            driver.find_element(By.ID, "pole-pesel").send_keys(pesel("850215" + str(random.randrange(1000, 9999))))
            driver.find_element(By.CSS_SELECTOR, "button.primary").click()
            driver.get(args.url + "/edycje/demo-glosowanie/glosowanie")
            driver.find_element(By.CSS_SELECTOR, ".cards a.button").click()
            boxes = driver.find_elements(By.CSS_SELECTOR, "input[type=checkbox]")
            for box in boxes[:3]:
                box.click()
            driver.find_element(By.CSS_SELECTOR, "button[value=przelicz]").click()
            shoot(driver, width, "voting", out)
            driver.find_element(By.CSS_SELECTOR, "button[value=sprawdz]").click()
            driver.find_element(By.CSS_SELECTOR, "button[value=oddaj]").click()
            shoot(driver, width, "receipt", out)
            driver.get(args.url + "/edycje/demo/wyniki")
            driver.find_element(By.CSS_SELECTOR, ".cards a").click()
            driver.find_element(By.CSS_SELECTOR, "details summary").click()
            shoot(driver, width, "results", out)
        finally:
            driver.quit()


if __name__ == "__main__":
    main()
