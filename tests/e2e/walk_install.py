"""README's install checklists walked by a person, with the web client: the stage and the browser.

Not a test (pytest collects ``test_*.py`` only): what the person of issue 15's
"Done when" used to walk README's *Install into an existing store* and
*Install into an existing OpenERP* by hand, kept so that the walk can be done
again. It prepares what a person has before README starts and nothing more:

- a plain Satchmo store made by ``clonesatchmo.py`` on PostgreSQL
  (tests/e2e/plain_store.py), in which the person types README's store steps;
- an OpenERP 7 server with no database at all and an empty folder on its
  ``addons_path`` (README's step 1 puts the connector's folders there), so the
  company's database is created with OpenERP's own web database manager;
- a headless Chromium kept running between steps (its DevTools port), which
  ``python3 -m tests.e2e.walk_install browser`` hands to Selenium in an
  interactive session, screenshots under ``var/walk/shots``.

Run with the harness's Python (``var/venvs/harness/bin/python -m
tests.e2e.walk_install prepare|browser|stop``) on the ports of the
*bench* instance variables (WALK uses BENCH_*_PORT: never the test's).
"""
import os
import re
import subprocess
import sys

from tests.harness import config
from tests.harness.browser import CHROMIUM, FLAGS
from tests.harness.erp import LAUNCHER, SERVER_WIDE_MODULES, THEME_ADDONS
from tests.harness.process import Daemon

from .plain_store import PlainStore

WALK = config.VAR / "walk"
SHOTS = WALK / "shots"
DEVTOOLS_PORT = int(os.environ.get("WALK_DEVTOOLS_PORT", "29751"))


def instance():
    return config.Instance("walk", config._port("BENCH_PG_PORT", 55571),
                           config._port("BENCH_SHOP_PORT", 18571),
                           config._port("BENCH_ERP_PORT", 18639))


def servers():
    from tests.harness.servers import Servers
    return Servers(instance())


def erp_daemon(walk):
    return Daemon("walk-erp", walk.instance.run_dir, walk.instance.log_dir / "walk-erp.log")


def start_erp(walk):
    """OpenERP serving every database (the database manager lists them), the demo's
    stylesheet loaded server-wide so that screenshots are readable."""
    addons = WALK / "addons"
    addons.mkdir(parents=True, exist_ok=True)
    conf = walk.erp.conf.read_text()
    paths = [walk.venvs["erp"].site_packages / "openerp" / "addons", addons, THEME_ADDONS]
    conf = re.sub(r"(?m)^addons_path = .*$",
                  "addons_path = %s" % ",".join(str(p) for p in paths), conf)
    conf = re.sub(r"(?m)^admin_passwd = .*$", "admin_passwd = admin", conf)
    walk_conf = WALK / "openerp-server.conf"
    walk_conf.write_text(conf)
    walk_conf.chmod(0o600)
    daemon = erp_daemon(walk)
    daemon.stop()
    daemon.start([str(walk.venvs["erp"].python), str(LAUNCHER), "-c", str(walk_conf),
                  "--log-level=info", "--load=%s" % ",".join(SERVER_WIDE_MODULES)],
                 env={"PYTHONDONTWRITEBYTECODE": "1"})
    daemon.wait_http(walk.instance.erp_url + "/xmlrpc/common", timeout=120)


def start_chromium():
    profile = WALK / "chromium-profile"
    profile.mkdir(parents=True, exist_ok=True)
    log = open(str(WALK / "chromium.log"), "a")
    process = subprocess.Popen([str(CHROMIUM)] + list(FLAGS) + [
        "--remote-debugging-port=%d" % DEVTOOLS_PORT, "--user-data-dir=%s" % profile,
        "about:blank"], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    (WALK / "chromium.pid").write_text(str(process.pid))


def browser():
    """Selenium on the running Chromium (its cookies, so the login, kept between steps)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from tests.harness.browser import CHROMEDRIVER
    options = webdriver.ChromeOptions()
    options.debugger_address = "127.0.0.1:%d" % DEVTOOLS_PORT
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)),
                              options=options)
    SHOTS.mkdir(parents=True, exist_ok=True)
    return driver


def shot(driver, name):
    path = SHOTS / ("%s.png" % name)
    driver.save_screenshot(str(path))
    return path


def prepare():
    walk = servers()
    store = PlainStore(walk, WALK / "store", "walk_store")
    if not (store.project / "manage.py").exists():
        store.make()
    start_erp(walk)
    start_chromium()
    print("store project %s (python %s)\nOpenERP %s (master password admin)\nshop url %s"
          % (store.project, store.python, walk.instance.erp_url, walk.instance.shop_url))


def stop():
    walk = servers()
    erp_daemon(walk).stop()
    PlainStore(walk, WALK / "store", "walk_store").stop()
    pid_file = WALK / "chromium.pid"
    if pid_file.exists():
        subprocess.run(["kill", pid_file.read_text().strip()])
        pid_file.unlink()
    walk.pg.stop()


if __name__ == "__main__":
    {"prepare": prepare, "stop": stop}[sys.argv[1]]()
