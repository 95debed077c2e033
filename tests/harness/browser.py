"""Debian's headless Chromium driven by Selenium, for the browser tests.

Only Debian's packages are used: ``chromium`` and ``chromium-driver`` from
apt (installed here when missing and we are root), Selenium pointed at
``/usr/bin/chromedriver`` through a Service, so Selenium Manager never
downloads a browser or a driver from anywhere.
"""
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PACKAGES = ("chromium", "chromium-driver")
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
         "--disable-dev-shm-usage", "--window-size=1400,1000")


class BrowserMissing(RuntimeError):
    """Chromium or its driver is not installed and cannot be installed here."""


def ensure_chromium(log=None):
    """Install Debian's chromium and chromium-driver if either is missing (root only)."""
    if CHROMIUM.exists() and CHROMEDRIVER.exists():
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        raise BrowserMissing("%s or %s is missing; install the Debian packages %s"
                             % (CHROMIUM, CHROMEDRIVER, " ".join(PACKAGES)))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    out = open(log, "a") if log else subprocess.DEVNULL
    try:
        for argv in (["apt-get", "update"],
                     ["apt-get", "install", "-y", "--no-install-recommends"] + list(PACKAGES)):
            done = subprocess.run(argv, env=env, stdout=out, stderr=subprocess.STDOUT,
                                  stdin=subprocess.DEVNULL, timeout=900)
            if done.returncode:
                raise BrowserMissing("%s failed with exit code %d%s" % (
                    " ".join(argv), done.returncode, log and ", see %s" % log or ""))
    finally:
        if log:
            out.close()
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        raise BrowserMissing("apt-get installed %s but %s or %s is still missing"
                             % (" ".join(PACKAGES), CHROMIUM, CHROMEDRIVER))


class Browser:
    """A headless Chromium with a fresh profile; ``driver`` is Selenium's WebDriver."""

    def __init__(self, artifacts, log=None):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        ensure_chromium(log)
        self.artifacts = Path(artifacts)
        self.artifacts.mkdir(parents=True, exist_ok=True)
        self.profile = tempfile.mkdtemp(prefix="chromium-profile-")
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in FLAGS:
            options.add_argument(flag)
        options.add_argument("--user-data-dir=%s" % self.profile)
        service = Service(executable_path=str(CHROMEDRIVER),
                          log_output=str(log) if log else subprocess.DEVNULL)
        self.driver = webdriver.Chrome(service=service, options=options)
        self.driver.set_page_load_timeout(60)

    def screenshot(self, name):
        path = self.artifacts / ("browser-%s.png" % name)
        self.driver.save_screenshot(str(path))
        return path

    def wait(self, find, timeout=60, what="the page"):
        """Poll ``find(driver)`` until it returns something truthy; that value."""
        return wait(self.driver, find, timeout, what)

    def visible(self, selector):
        """Displayed elements matching a CSS selector (what a person sees: with a
        stylesheet, what the client hides by class is not displayed)."""
        from selenium.webdriver.common.by import By
        return [e for e in self.driver.find_elements(By.CSS_SELECTOR, selector)
                if e.is_displayed()]

    def login(self, url, db, login, password, shot=None):
        """The web client's login form, filled as a person does and sent; returns once the
        top menu shows (navigating away before the session is established loses the
        login). ``shot`` names a screenshot of the filled form."""
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import Select
        self.driver.get(url + "/")
        # under load the client may still be loading and draw the form again after it was
        # typed into (seen: the login emptied, the password kept): type once nothing loads,
        # and again until the form holds what was typed
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, "input[name=login]")
                  and not self.visible(".oe_loading"), what="the login form")

        def filled(driver):
            field = driver.find_element(By.CSS_SELECTOR, "input[name=login]")
            field.clear()
            field.send_keys(login)
            secret = driver.find_element(By.CSS_SELECTOR, "input[name=password]")
            secret.clear()
            secret.send_keys(password)
            for databases in driver.find_elements(By.CSS_SELECTOR, "select[name=db]"):
                Select(databases).select_by_value(db)
            time.sleep(0.5)
            kept = (field.get_attribute("value") == login
                    and secret.get_attribute("value") == password)
            return kept and secret

        secret = self.wait(filled, what="a login form that keeps what was typed")
        if shot:
            self.screenshot(shot)
        secret.submit()
        # the menu's elements may be in the page before the session is: wait until the
        # login form is gone and the menu is shown, then until nothing is loading
        self.wait(lambda d: not self.visible("input[name=login]")
                  and self.visible(".oe_topbar .oe_menu li"), what="the web client's menu")
        self.wait(lambda d: not self.visible(".oe_loading"), what="the home page loaded")

    def open_action(self, url, action_id, view_type=None):
        """Open a window action by its id, as its menu does (optionally in one view)."""
        fragment = "action=%d" % action_id
        if view_type:
            fragment += "&view_type=%s" % view_type
        self.driver.get("%s/#%s" % (url, fragment))
        self.driver.refresh()

    def quit(self):
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.quit()


def wait(driver, find, timeout=60, what="the page"):
    """Poll ``find(driver)`` until it returns something truthy (the DOM may be rebuilt
    under us meanwhile: errors count as not yet)."""
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        try:
            found = find(driver)
            if found:
                return found
        except Exception as error:
            last = error
        time.sleep(0.2)
    raise AssertionError("timed out waiting for %s (%s)" % (what, last))
