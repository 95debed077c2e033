"""An existing OpenERP 7 server and database, as a company has them before the connector.

The database is a copy of the harness's real company (tests/harness/company.py:
no demo data, its own chart, sale and invoicing installed, no connector). The
server is the harness's OpenERP with a configuration file of its own whose
``addons_path`` holds OpenERP's addons and a scratch folder: the one README's
step 1 puts the connector's folders into.
"""
import re

from tests.harness.erp import ADMIN_LOGIN, LAUNCHER
from tests.harness.process import Daemon


class PlainErp:
    def __init__(self, servers, folder, db, template):
        self.servers = servers
        self.db = db
        self.template = template
        self.addons = folder / "addons"
        self.conf = folder / "openerp-server.conf"
        self.url = servers.instance.erp_url
        self.login = ADMIN_LOGIN
        self.daemon = Daemon("plain-erp", servers.instance.run_dir,
                             servers.instance.log_dir / "plain-erp-server.log")

    def make(self):
        """The company's database, and a server configuration whose addons_path already
        names the (still empty) folder for the connector."""
        self.servers.pg.create(self.db, owner="openerp", template=self.template)
        self.addons.mkdir(parents=True, exist_ok=True)
        openerp_addons = self.servers.venvs["erp"].site_packages / "openerp" / "addons"
        conf = self.servers.erp.conf.read_text()
        conf = re.sub(r"(?m)^addons_path = .*$",
                      "addons_path = %s,%s" % (openerp_addons, self.addons), conf)
        self.conf.write_text(conf)
        self.conf.chmod(0o600)

    def start(self):
        """(Re)start the server, as README's "Restart the OpenERP server" says."""
        self.stop()
        venv = self.servers.venvs["erp"]
        self.daemon.start([str(venv.python), str(LAUNCHER), "-c", str(self.conf), "-d", self.db,
                           "--db-filter=^%s$" % re.escape(self.db), "--log-level=info"],
                          env={"PYTHONDONTWRITEBYTECODE": "1"})
        self.daemon.wait_http(self.url + "/xmlrpc/common", timeout=120)

    def stop(self):
        self.daemon.stop()
