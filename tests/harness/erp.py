"""The OpenERP 7 server: its configuration, its databases, its process."""
import re
import secrets
import time

from . import config
from .process import Daemon, run

LAUNCHER = config.REPO / "tests" / "harness" / "py2" / "openerp_server.py"
BASE_MODULES = ("sale", "account_voucher")
# The demo's and the e2e tests' running server only (not installs, not the erp suite): a
# stylesheet of our own for the web client, which PyPI ships without any, loaded server-wide
# so that the login page (no database yet) is styled too.
THEME_ADDONS = config.REPO / "tests" / "erp_addons"
THEME_MODULE = "satchmo_demo_theme"
SERVER_WIDE_MODULES = ("web", "web_kanban", THEME_MODULE)  # OpenERP's default two, and ours
OUR_MODULES = ("product_m2mcategories", "openerp_addon")
ADMIN_LOGIN = ("admin", "admin")  # OpenERP's own default for a new database


class Erp:
    def __init__(self, instance, pg, venv):
        self.instance = instance
        self.pg = pg
        self.venv = venv
        self.dir = instance.dir / "erp"
        self.conf = self.dir / "openerp-server.conf"
        self.log = instance.log_dir / "erp-setup.log"
        self.daemon = Daemon("erp", instance.run_dir, instance.log_dir / "erp.log")

    def write_conf(self):
        """The server's configuration file: loopback only, a non-superuser role."""
        self.dir.mkdir(parents=True, exist_ok=True)
        dsn = self.pg.dsn("openerp")
        master = self.dir / "master-password"
        if not master.exists():
            master.write_text(secrets.token_urlsafe(18))
            master.chmod(0o600)
        addons = self.addons_path()
        lines = [
            "[options]",
            "db_host = %s" % dsn["host"],
            "db_port = %s" % dsn["port"],
            "db_user = %s" % dsn["user"],
            "db_password = %s" % dsn["password"],
            "admin_passwd = %s" % master.read_text(),
            "addons_path = %s" % ",".join(str(path) for path in addons),
            "xmlrpc_interface = 127.0.0.1",
            "xmlrpc_port = %d" % self.instance.erp_port,
            "netrpc = False",
            "xmlrpcs = False",
            "unaccent = False",
        ]
        self.conf.write_text("\n".join(lines) + "\n")
        self.conf.chmod(0o600)

    def addons_path(self, theme=False):
        paths = [self.venv.site_packages / "openerp" / "addons", config.ADDONS]
        return paths + [THEME_ADDONS] if theme else paths

    def argv(self, *extra):
        return [str(self.venv.python), str(LAUNCHER), "-c", str(self.conf)] + list(extra)

    def install(self, db, modules, log=None, test=False, timeout=900, demo=True):
        """Install ``modules`` into ``db`` and stop; with ``test``, run their tests too.

        ``demo=False``: without demo data, as on a real company's database
        (OpenERP would otherwise mark the new modules as having it).
        """
        args = ["-d", db, "-i", ",".join(modules), "--stop-after-init", "--log-level=%s"
                % ("test" if test else "warn")]
        if test:
            args.append("--test-enable")
        if not demo:
            args.append("--without-demo=all")
        return run(self.argv(*args), log=log or self.log, timeout=timeout,
                   env={"PYTHONDONTWRITEBYTECODE": "1"})

    def base_template(self, name="erp_base", demo=True):
        """A database with sale and account_voucher, built once and reused.

        Its comment holds a digest of what it was built from, so a change of
        the OpenERP virtualenv rebuilds it.
        """
        key = "%s demo=%s" % ((config.VENVS / "erp" / ".requirements-digest").read_text()[:16],
                              demo)
        if self.pg.exists(name) and self.pg.comment(name) == key:
            return name
        started = time.monotonic()
        self.pg.create(name, owner="openerp")
        args = ["-d", name, "-i", ",".join(BASE_MODULES), "--stop-after-init",
                "--log-level=warn"]
        if not demo:
            args.append("--without-demo=all")
        run(self.argv(*args), log=self.log, timeout=900)
        self.pg.set_comment(name, key)
        print("  OpenERP base database %s built in %.0fs" % (name, time.monotonic() - started),
              flush=True)
        return name

    def create_db(self, db, template, modules=OUR_MODULES, demo=True):
        """A database copied from ``template`` with ``modules`` installed."""
        self.pg.create(db, owner="openerp", template=template)
        if modules:
            self.install(db, modules, demo=demo)

    def start(self, db, workers=0, theme=True):
        """Serve ``db``; ``theme``: with the demo stylesheet (tests/erp_addons)."""
        self.stop()
        args = ["-d", db, "--db-filter=^%s$" % re.escape(db), "--log-level=info"]
        if theme:
            args += ["--addons-path=%s" % ",".join(str(p) for p in self.addons_path(theme=True)),
                     "--load=%s" % ",".join(SERVER_WIDE_MODULES)]
        if workers:
            args.append("--workers=%d" % workers)
        self.daemon.start(self.argv(*args), env={"PYTHONDONTWRITEBYTECODE": "1"})
        self.daemon.wait_http(self.instance.erp_url + "/xmlrpc/common", timeout=120)

    def stop(self):
        return self.daemon.stop()
