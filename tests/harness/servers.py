"""The three servers of one instance, set up together."""
from . import config, venvs
from .erp import Erp
from .postgres import Postgres
from .shop import Shop

OTHER_SHOP_PORT_OFFSET = 50


class Servers:
    """PostgreSQL, the shop and OpenERP of one instance (demo or test)."""

    def __init__(self, instance, setup_log=None):
        self.instance = instance
        instance.log_dir.mkdir(parents=True, exist_ok=True)
        log = setup_log or instance.log_dir / "setup.log"
        self.venvs = venvs.ensure_all(log)
        self.pg = Postgres(instance).ensure()
        self.shop = Shop(instance, self.pg, self.venvs["shop"])
        # a second shop of the same company (two shops in two currencies, test_two_shops);
        # started only by the tests that need it
        self.other_shop = Shop(instance, self.pg, self.venvs["shop"], name="shop2",
                               port=instance.shop_port + OTHER_SHOP_PORT_OFFSET)
        self.erp = Erp(instance, self.pg, self.venvs["erp"])
        self.erp.write_conf()

    def stop(self):
        self.shop.stop()
        self.other_shop.stop()
        self.erp.stop()


def stop_instance(instance):
    """Stop every process the instance started, by pid; data stays in var/."""
    from .process import Daemon
    stopped = []
    if instance.run_dir.exists():
        for pidfile in sorted(instance.run_dir.glob("*.pid")):
            daemon = Daemon(pidfile.stem, instance.run_dir, instance.log_dir / "unused.log")
            pid = daemon.stop()
            if pid:
                stopped.append("%s (pid %d)" % (pidfile.stem, pid))
    if (instance.dir / "pg").exists():
        pg = Postgres(instance)
        if pg.running():
            pg.stop()
            stopped.append("postgresql (port %d)" % instance.pg_port)
    return stopped


def all_instances():
    """The demo, the test run, and any other instance folder under var/."""
    known = [factory() for factory in config.INSTANCES.values()]
    return known
