"""A private PostgreSQL 15 cluster per instance, on loopback only.

The server runs as the ``postgres`` OS user (initdb refuses root). Superuser
work goes through the unix socket with peer authentication; the shop and
OpenERP connect over 127.0.0.1 with a password, as non-superuser roles
(OpenERP refuses to run as ``postgres``).
"""
import glob
import hashlib
import json
import os
import pwd
import secrets
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

from .process import CommandFailed, run

ROLES = ("shop", "openerp")


def server_bindir():
    """Find the PostgreSQL *server* binaries through dpkg, not pg_config.

    pg_config belongs to libpq-dev, which can be a newer major version than the
    server package on some images.
    """
    try:
        listing = subprocess.run(["dpkg", "-L", "postgresql-15"], capture_output=True,
                                 text=True).stdout.splitlines()
    except OSError:
        listing = []
    found = [line for line in listing if line.endswith("/bin/initdb")]
    found += sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), reverse=True)
    if not found:
        raise SystemExit("PostgreSQL server binaries (initdb) not found: install the Debian "
                         "package postgresql-15 (apt-get install postgresql-15).")
    return Path(found[0]).parent


class Postgres:
    def __init__(self, instance):
        self.instance = instance
        self.port = instance.pg_port
        self.link = instance.dir / "pg"
        self.bindir = server_bindir()
        self.as_root = os.geteuid() == 0
        self.owner = "postgres" if self.as_root else pwd.getpwuid(os.geteuid()).pw_name

    # -- places -----------------------------------------------------------------------------
    @property
    def home(self):
        return self.link.resolve() if self.link.exists() else self.link

    @property
    def data(self):
        return self.home / "data"

    @property
    def socket_dir(self):
        return self.home / "socket"

    @property
    def log(self):
        return self.instance.log_dir / "postgresql.log"

    @property
    def secrets_file(self):
        return self.instance.dir / "db-roles.json"

    def _prepare_home(self):
        """Make the cluster folder, somewhere the postgres user can reach.

        It lives in var/INSTANCE/pg. When the checkout sits under a folder the
        postgres user cannot enter (say /root, mode 700), the cluster goes to a
        folder under the system's temp dir and var/INSTANCE/pg links to it.
        """
        self.instance.dir.mkdir(parents=True, exist_ok=True)
        if self.link.exists():
            return
        if self._reachable(self.instance.dir):
            self.link.mkdir()
        else:
            key = hashlib.sha256(str(self.link).encode()).hexdigest()[:12]
            elsewhere = Path(tempfile.gettempdir()) / ("satchmo-sync-pg-%s" % key)
            shutil.rmtree(elsewhere, ignore_errors=True)
            elsewhere.mkdir(mode=0o700)
            self.link.symlink_to(elsewhere)
        for sub in (self.home, self.home / "socket"):
            sub.mkdir(exist_ok=True)
            if self.as_root:
                shutil.chown(sub, self.owner, self.owner)

    def _reachable(self, folder):
        if not self.as_root:
            return True
        probe = subprocess.run(["runuser", "-u", self.owner, "--", "test", "-x", str(folder)])
        return probe.returncode == 0

    def _as_owner(self, argv, **kwargs):
        if self.as_root:
            argv = ["runuser", "-u", self.owner, "--"] + argv
        return run(argv, **kwargs)

    # -- life cycle -------------------------------------------------------------------------
    def running(self):
        pidfile = self.data / "postmaster.pid"
        try:
            pid = int(pidfile.read_text().split()[0])
            os.kill(pid, 0)
            return True
        except (OSError, ValueError, IndexError):
            return False

    def ensure(self):
        """Create the cluster if needed, start it if stopped, and make the roles."""
        self.instance.log_dir.mkdir(parents=True, exist_ok=True)
        self._prepare_home()
        if not (self.data / "PG_VERSION").exists():
            self._as_owner([str(self.bindir / "initdb"), "-D", str(self.data), "--encoding=UTF8",
                            "--locale=C", "--auth-local=peer", "--auth-host=scram-sha-256",
                            "-U", self.owner], log=self.log)
        if not self.running():
            if self.as_root:
                self.log.touch()
                shutil.chown(self.log, self.owner, self.owner)
            self._as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-l", str(self.log),
                            "-w", "-t", "60", "-o",
                            "-c listen_addresses=127.0.0.1 -p %d -k %s -c fsync=%s "
                            "-c synchronous_commit=%s -c full_page_writes=%s -c max_connections=200"
                            % ((self.port, self.socket_dir) + self._durability()),
                            "start"], log=self.log)
        self._ensure_roles()
        return self

    def _durability(self):
        """Tests trade durability for speed; the demo keeps PostgreSQL's defaults."""
        if self.instance.name != "demo":
            return ("off", "off", "off")
        return ("on", "on", "on")

    def stop(self):
        if self.running():
            self._as_owner([str(self.bindir / "pg_ctl"), "-D", str(self.data), "-m", "fast", "-w",
                            "stop"], log=self.log)

    # -- roles and databases ----------------------------------------------------------------
    def _ensure_roles(self):
        known = self.credentials()
        for role in ROLES:
            if role not in known:
                known[role] = secrets.token_urlsafe(18)
                self.sql("DO $$BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '%s')"
                         " THEN CREATE ROLE %s LOGIN CREATEDB; END IF; END$$;" % (role, role))
                self.sql("ALTER ROLE %s PASSWORD '%s'" % (role, known[role]))
        self.secrets_file.write_text(json.dumps(known))
        os.chmod(self.secrets_file, 0o600)

    def credentials(self):
        try:
            return json.loads(self.secrets_file.read_text())
        except (OSError, ValueError):
            return {}

    def dsn(self, role):
        """Connection settings for a role, as the servers' environment expects them."""
        return {"host": "127.0.0.1", "port": str(self.port), "user": role,
                "password": self.credentials()[role]}

    def sql(self, statement, db="postgres", capture=True):
        return self._as_owner([str(self.bindir / "psql"), "-h", str(self.socket_dir), "-p",
                               str(self.port), "-U", self.owner, "-d", db, "-v", "ON_ERROR_STOP=1",
                               "-qAtX", "-c", statement], capture=capture)

    def exists(self, db):
        return self.sql("SELECT 1 FROM pg_database WHERE datname = '%s'" % db).strip() == "1"

    def comment(self, db):
        """The comment on a database: where templates keep the digest they were built from."""
        return self.sql("SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                        "WHERE datname = '%s'" % db).strip()

    def set_comment(self, db, text):
        self.sql("COMMENT ON DATABASE \"%s\" IS '%s'" % (db, text))

    def drop(self, db):
        if self.exists(db):
            self.sql("DROP DATABASE \"%s\" WITH (FORCE)" % db)

    def create(self, db, owner, template="template0"):
        self.drop(db)
        for attempt in range(20):
            try:
                self.sql("CREATE DATABASE \"%s\" OWNER %s TEMPLATE \"%s\" ENCODING 'UTF8'"
                         % (db, owner, template))
                return
            except CommandFailed as error:
                # a template still has a session for a moment after its server stopped
                if "being accessed by other users" not in str(error) or attempt == 19:
                    raise
                time.sleep(0.5)
