"""The demo Satchmo store: its database, its data, its server."""
import json
import time

from . import config
from .process import Daemon, run


class Shop:
    """A shop server; ``name`` and ``port`` tell a second shop of the instance from the first
    (its own pid file and log, e.g. "shop2" on the shop port + 50, servers.py)."""

    def __init__(self, instance, pg, venv, name="shop", port=None):
        self.instance = instance
        self.pg = pg
        self.venv = venv
        self.name = name
        self.port = port or instance.shop_port
        self.url = "http://127.0.0.1:%d" % self.port
        self.var = instance.dir / "shop"
        self.log = instance.log_dir / "shop-setup.log"
        self.daemon = Daemon(name, instance.run_dir, instance.log_dir / ("%s.log" % name))
        # Satchmo's currency setting (settings.py's L10N_SETTINGS); None: its default, USD
        self.currency = None

    def env(self, db):
        dsn = self.pg.dsn("shop")
        env = {"SHOP_DB_NAME": db, "SHOP_DB_USER": dsn["user"],
               "SHOP_DB_PASSWORD": dsn["password"], "SHOP_DB_HOST": dsn["host"],
               "SHOP_DB_PORT": dsn["port"], "SHOP_VAR_DIR": str(self.var),
               "PYTHONDONTWRITEBYTECODE": "1"}
        if self.currency:
            env["SHOP_CURRENCY"] = self.currency
        return env

    def manage(self, db, *args, capture=False, timeout=None):
        argv = [str(self.venv.python), str(config.SHOP_PROJECT / "manage.py")] + list(args)
        return run(argv, log=self.log, env=self.env(db), cwd=str(config.SHOP_PROJECT),
                   capture=capture, timeout=timeout)

    def build(self, db, generate=None):
        """A fresh store database: Satchmo's l10n data, its sample store, generated data.

        ``generate`` holds the generator's sizes (see demo_store's
        generate_demo_data command); None leaves the sample store alone.
        """
        started = time.monotonic()
        for sub in ("media", "mail"):
            (self.var / sub).mkdir(parents=True, exist_ok=True)
        self.pg.create(db, owner="shop")
        self.manage(db, "syncdb", "--noinput")
        # syncdb installs the capture triggers already; say so loudly if not
        self.manage(db, "satchmo_api_capture", "install")
        self.manage(db, "satchmo_load_l10n")
        self.manage(db, "satchmo_load_store")
        self.manage(db, "satchmo_rebuild_pricing")
        if generate is not None:
            # a True value is a flag (--fast), anything else a --size=value
            options = ["--%s" % key if value is True else "--%s=%s" % (key, value)
                       for key, value in sorted(generate.items())]
            self.manage(db, "generate_demo_data", *options)
        return time.monotonic() - started

    def api_token(self, db):
        """Create (or rotate) the API user's token and return it."""
        out = self.manage(db, "satchmo_api_token", "--rotate", capture=True)
        return out.strip().splitlines()[-1]

    def start(self, db):
        self.stop()
        self.daemon.start([str(self.venv.python), str(config.SHOP_PROJECT / "manage.py"),
                           "runserver", "127.0.0.1:%d" % self.port, "--noreload"],
                          env=self.env(db), cwd=str(config.SHOP_PROJECT))
        self.daemon.wait_http(self.url + "/api/v1/", timeout=60)
        (self.instance.run_dir / ("%s.json" % self.name)).write_text(json.dumps({"db": db}))

    def stop(self):
        return self.daemon.stop()
