"""A plain Satchmo store made the way Satchmo's own docs make one, in a scratch folder.

``clonesatchmo.py`` copies Satchmo's project skeleton and runs its first
``syncdb``, l10n data and sample store: the store a shop owner already has.
Only two things differ from a new store out of the box, both preconditions
README states: it runs on PostgreSQL (here the harness's cluster; the
skeleton's ``local_settings.py`` names SQLite), and its Python environment
already holds Satchmo, Django and Django REST framework (here a virtualenv of
its own that sees the harness's shop packages through a ``.pth`` file, so
nothing is downloaded or rebuilt; ``satchmo_api`` is not among them and is
installed into this environment by README's own ``pip`` command).
"""
import shutil
import subprocess

from tests.harness import config
from tests.harness.process import Daemon, run

SITE, LOCAL_SITE = "store", "localsite"
PG_SETTINGS = """
# the store runs on PostgreSQL (README: the feed needs it)
DATABASES = {"default": {
    "ENGINE": "django.db.backends.postgresql_psycopg2", "NAME": %(db)r, "USER": %(user)r,
    "PASSWORD": %(password)r, "HOST": %(host)r, "PORT": %(port)r}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
"""


class PlainStore:
    """A clonesatchmo store in ``folder`` on database ``db`` of the instance's cluster."""

    def __init__(self, servers, folder, db):
        self.servers = servers
        self.folder = folder
        self.db = db
        self.venv = folder / "venv"
        self.python = self.venv / "bin" / "python"
        self.project = folder / SITE
        self.log = servers.instance.log_dir / "plain-store.log"
        self.url = servers.instance.shop_url
        self.daemon = Daemon("plain-store", servers.instance.run_dir,
                             servers.instance.log_dir / "plain-store-server.log")

    # -- the store as its owner has it ---------------------------------------------------------
    def make(self):
        shop_venv = self.servers.venvs["shop"]
        tool = config.VENVS / ".virtualenv-py2"
        run([str(shop_venv.interpreter), "-m", "virtualenv", "--quiet", "-p",
             str(shop_venv.interpreter), str(self.venv)], log=self.log,
            env={"PYTHONPATH": str(tool)})
        (self.site_packages() / "store-packages.pth").write_text(
            str(shop_venv.site_packages) + "\n")
        skeleton = self.folder / "skeleton"
        shutil.copytree(str(shop_venv.site_packages / "satchmo_skeleton"), str(skeleton),
                        ignore=shutil.ignore_patterns("*.pyc"))
        dsn = self.servers.pg.dsn("shop")
        with open(str(skeleton / "local_settings.py"), "a") as local:
            local.write(PG_SETTINGS % dict(dsn, db=self.db, port=str(dsn["port"])))
        self.servers.pg.create(self.db, owner="shop")
        clone = subprocess.run(
            [str(self.python), str(shop_venv.path / "bin" / "clonesatchmo.py"), "--skel",
             str(skeleton), "-s", SITE, "-l", LOCAL_SITE], cwd=str(self.folder),
            input="no\n", capture_output=True, text=True, timeout=600)
        with open(str(self.log), "a") as log:
            log.write(clone.stdout + clone.stderr)
        assert "Store installation complete." in clone.stdout, clone.stdout + clone.stderr[-3000:]

    def site_packages(self):
        return self.venv / "lib" / "python2.7" / "site-packages"

    # -- the owner at the shell --------------------------------------------------------------
    def shell(self, command, capture=True):
        """One command line of README, run in the project folder with the store's python
        first on PATH (as in an activated virtualenv); its output."""
        env = {"PATH": "%s:/usr/bin:/bin" % (self.venv / "bin"), "VIRTUAL_ENV": str(self.venv),
               "PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": ""}
        return run(["/bin/sh", "-c", command], log=self.log, env=env, cwd=str(self.project),
                   capture=capture, timeout=600)

    def start(self):
        self.daemon.start([str(self.python), "manage.py", "runserver",
                           "127.0.0.1:%d" % self.servers.instance.shop_port, "--noreload"],
                          cwd=str(self.project), env={"PYTHONDONTWRITEBYTECODE": "1", "PYTHONPATH": ""})
        self.daemon.wait_http(self.url + "/", timeout=120)

    def stop(self):
        self.daemon.stop()
