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

    def quit(self):
        try:
            self.driver.quit()
        finally:
            shutil.rmtree(self.profile, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.quit()
