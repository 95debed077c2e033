"""Peak memory of the OpenERP server while something runs.

VmHWM (the kernel's high-water mark of resident memory) is exact but counts
from the process's start, so the benchmark restarts OpenERP before each
measured sync; a sampler thread also records the largest VmRSS seen, summed
over the server and its worker processes (``--workers`` mode), every 0.2 s.
"""
import os
import threading
from pathlib import Path


def _status(pid, key):
    try:
        for line in Path("/proc/%d/status" % pid).read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1]) / 1024.0  # kB -> MB
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def children(pid):
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path("/proc/%s/stat" % entry).read_text()
        except OSError:
            continue
        # the command may hold spaces and parentheses: the ppid follows the last ")"
        fields = stat.rsplit(")", 1)[-1].split()
        if len(fields) > 1 and fields[1] == str(pid):
            found.append(int(entry))
    return found


def resident_mb(pid):
    """Resident memory of a process and its children (``--workers`` mode), in MB."""
    return sum(_status(p, "VmRSS") for p in [pid] + children(pid))


class PeakMemory:
    """``with PeakMemory(pid) as peak: ...``; then ``peak.rss_mb``, ``peak.hwm_mb``."""

    def __init__(self, pid, interval=0.2):
        self.pid = pid
        self.interval = interval
        self.rss_mb = 0.0
        self.hwm_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _pids(self):
        return [self.pid] + children(self.pid)

    def _sample(self):
        while not self._stop.is_set():
            self.rss_mb = max(self.rss_mb, resident_mb(self.pid))
            self.hwm_mb = max([self.hwm_mb] + [_status(pid, "VmHWM") for pid in self._pids()])
            self._stop.wait(self.interval)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()
