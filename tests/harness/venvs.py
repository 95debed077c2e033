"""The three virtualenvs, built from the pinned files in requirements/.

Each virtualenv is created on first use and reused after; a stamp holding the
digest of everything its contents depend on (requirements file, patches, the
interpreter) makes it rebuild itself when one of those changed.
"""
import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import config
from .process import run

VIRTUALENV_PIN = "virtualenv==20.15.1"  # the last release that builds 2.7 environments
PATCHES = config.REPO / "patches" / "openerp"


def python2():
    """Path of CPython 2.7, or a clear explanation of what is missing."""
    candidates = []
    if os.environ.get("PYTHON2"):
        candidates.append(Path(os.environ["PYTHON2"]))
    try:
        root = subprocess.run(["pyenv", "root"], capture_output=True, text=True,
                              check=True).stdout.strip()
        candidates.append(Path(root) / "versions" / "2.7.18" / "bin" / "python")
    except (OSError, subprocess.CalledProcessError):
        pass
    candidates.append(Path.home() / ".pyenv" / "versions" / "2.7.18" / "bin" / "python")
    for path in candidates:
        if path.is_file() and os.access(path, os.X_OK):
            return path
    raise SystemExit(
        "CPython 2.7 is needed for the shop and OpenERP, and none was found.\n"
        "Looked at: %s\nInstall it with `pyenv install 2.7.18`, or set PYTHON2 to "
        "its interpreter." % ", ".join(str(p) for p in candidates))


class Venv:
    """A virtualenv under var/venvs/NAME built from requirements/NAME.txt."""

    def __init__(self, name, interpreter, python2=False, pip_args=(), extra_inputs=(),
                 after_install=None):
        self.name = name
        self.interpreter = interpreter
        self.is_python2 = python2
        self.path = config.VENVS / name
        self.requirements = config.REQUIREMENTS / ("%s.txt" % name)
        self.pip_args = list(pip_args)
        self.extra_inputs = list(extra_inputs)
        self.after_install = after_install

    @property
    def python(self):
        return self.path / "bin" / "python"

    @property
    def site_packages(self):
        return Path(run([str(self.python), "-c",
                         "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                        capture=True).strip())

    def digest(self):
        sha = hashlib.sha256(str(self.interpreter).encode())
        for path in [self.requirements] + self.extra_inputs:
            sha.update(path.read_bytes())
        return sha.hexdigest()

    def ensure(self, log):
        stamp = self.path / ".requirements-digest"
        digest = self.digest()
        if stamp.exists() and stamp.read_text() == digest and self.python.exists():
            return self
        print("setting up the %s virtualenv (%s)..." % (self.name, self.path), flush=True)
        shutil.rmtree(self.path, ignore_errors=True)
        self.create(log)
        run([str(self.python), "-m", "pip", "install", "--quiet", "-r", str(self.requirements)]
            + self.pip_args, log=log)
        if self.after_install:
            self.after_install(self, log)
        stamp.write_text(digest)
        return self

    def create(self, log):
        if not self.is_python2:
            run([str(self.interpreter), "-m", "venv", str(self.path)], log=log)
            return
        tool = config.VENVS / ".virtualenv-py2"
        if not (tool / "virtualenv").exists():
            run([str(self.interpreter), "-m", "pip", "install", "--quiet", "--target", str(tool),
                 VIRTUALENV_PIN], log=log)
        run([str(self.interpreter), "-m", "virtualenv", "--quiet", "-p", str(self.interpreter),
             str(self.path)], log=log, env={"PYTHONPATH": str(tool)})


def apply_openerp_patches(venv, log):
    """Apply patches/openerp/*.patch to the installed OpenERP, once each."""
    target = venv.site_packages
    for patch in sorted(PATCHES.glob("*.patch")):
        already = subprocess.run(["patch", "-p0", "--reverse", "--dry-run", "--force",
                                  "--silent", "-d", str(target), "-i", str(patch)],
                                 capture_output=True)
        if already.returncode == 0:
            continue
        run(["patch", "-p0", "--forward", "--silent", "-d", str(target), "-i", str(patch)],
            log=log)


def install_satchmo_api(venv, log):
    """The shop runs satchmo_api from the work tree, as a shop would after pip install."""
    run([str(venv.python), "-m", "pip", "install", "--quiet", "--no-deps", "-e",
         str(config.REPO / "satchmo_api")], log=log)


def erp_venv():
    return Venv("erp", python2(), python2=True, pip_args=["--no-deps"],
                extra_inputs=sorted(PATCHES.glob("*.patch")), after_install=apply_openerp_patches)


def shop_venv():
    return Venv("shop", python2(), python2=True, extra_inputs=[config.REPO / "satchmo_api" / "setup.py"],
                after_install=install_satchmo_api)


def harness_venv():
    # the base interpreter, also when called from inside the harness venv itself: there
    # sys._base_executable names python3.11 where the outer run saw python3 (a symlink to
    # it), and a digest of the unresolved path made the e2e suite rebuild - delete - the
    # venv it was running in. The resolved path is the same from both sides.
    return Venv("harness", Path(getattr(sys, "_base_executable", sys.executable)).resolve())


def ensure_all(log):
    """Every virtualenv, up to date; one process at a time builds them."""
    config.VENVS.mkdir(parents=True, exist_ok=True)
    with open(config.VENVS / ".lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        return {venv.name: venv.ensure(log) for venv in (erp_venv(), shop_venv(), harness_venv())}
