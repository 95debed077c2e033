"""Running commands and long-lived servers, and stopping them by pid."""
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path


class CommandFailed(SystemExit):
    """A set-up step failed; the message carries the tail of its log."""


def tail(path, lines=40):
    try:
        return "".join(Path(path).read_text(errors="replace").splitlines(True)[-lines:])
    except OSError:
        return "(no log at %s)" % path


def run(argv, log=None, env=None, cwd=None, capture=False, timeout=None, check=True):
    """Run a command to completion; its output goes to ``log`` (appended) or is returned."""
    full_env = dict(os.environ, **(env or {}))
    if capture:
        done = subprocess.run(argv, env=full_env, cwd=cwd, capture_output=True, text=True,
                              timeout=timeout)
        if check and done.returncode:
            raise CommandFailed("%s failed (%s):\n%s%s" % (argv[0], done.returncode,
                                                            done.stdout, done.stderr))
        return done.stdout
    with open(log or os.devnull, "a") as out:
        out.write("\n$ %s\n" % " ".join(str(a) for a in argv))
        out.flush()
        done = subprocess.run(argv, env=full_env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT,
                              stdin=subprocess.DEVNULL, timeout=timeout)
    if check and done.returncode:
        raise CommandFailed("%s failed with exit code %s; the end of %s:\n%s"
                            % (" ".join(str(a) for a in argv[:3]), done.returncode, log, tail(log)))
    return done.returncode


class Daemon:
    """A server process started in its own session, known by a pid file."""

    def __init__(self, name, run_dir, log):
        self.name = name
        self.pidfile = Path(run_dir) / ("%s.pid" % name)
        self.log = Path(log)

    def pid(self):
        try:
            pid = int(self.pidfile.read_text())
        except (OSError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        if _is_zombie(pid):
            return None
        return pid

    def start(self, argv, env=None, cwd=None):
        self.pidfile.parent.mkdir(parents=True, exist_ok=True)
        self.log.parent.mkdir(parents=True, exist_ok=True)
        out = open(self.log, "a")
        out.write("\n==== %s starting: %s\n" % (time.strftime("%Y-%m-%d %H:%M:%S"),
                                               " ".join(str(a) for a in argv)))
        out.flush()
        proc = subprocess.Popen(argv, env=dict(os.environ, **(env or {})), cwd=cwd, stdout=out,
                                stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                start_new_session=True)
        out.close()
        self.pidfile.write_text(str(proc.pid))
        self._proc = proc
        return proc.pid

    def wait_http(self, url, timeout=120):
        """Wait until ``url`` answers anything over HTTP; fail early if the process died."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.pid() is None:
                raise CommandFailed("%s exited while starting; the end of %s:\n%s"
                                    % (self.name, self.log, tail(self.log)))
            try:
                urllib.request.urlopen(url, timeout=5).close()
                return
            except urllib.error.HTTPError:
                return
            except (urllib.error.URLError, OSError):
                time.sleep(0.3)
        raise CommandFailed("%s did not answer at %s within %ss; the end of %s:\n%s"
                            % (self.name, url, timeout, self.log, tail(self.log)))

    def stop(self, timeout=20, sig=signal.SIGTERM):
        pid = self.pid()
        if pid is not None:
            _signal_group(pid, sig)
            deadline = time.monotonic() + timeout
            while self.pid() is not None and time.monotonic() < deadline:
                time.sleep(0.1)
            if self.pid() is not None:
                _signal_group(pid, signal.SIGKILL)
                while self.pid() is not None:
                    time.sleep(0.1)
        self.pidfile.unlink(missing_ok=True)
        return pid

    def kill(self):
        """SIGKILL, as a crash would."""
        return self.stop(timeout=0, sig=signal.SIGKILL)


def _signal_group(pid, sig):
    try:
        os.killpg(pid, sig)
    except (ProcessLookupError, PermissionError):
        try:
            os.kill(pid, sig)
        except ProcessLookupError:
            pass
    _reap(pid)


def _reap(pid):
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        pass


def _is_zombie(pid):
    _reap(pid)
    try:
        with open("/proc/%d/stat" % pid) as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] == "Z"
    except (OSError, IndexError):
        return False


def log_line(message):
    print(message, flush=True, file=sys.stdout)
