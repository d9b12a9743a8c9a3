"""Timing one whole process: wall time, CPU time and peak memory (getrusage
of the child through wait4), with a timeout; and fresh copies of a
repository for the commands that write.

Python 3 standard library only.
"""

import os
import shutil
import subprocess
import threading
import time


# GNU time, for the peak RSS of the command alone (see run).
GNU_TIME = "/usr/bin/time" if os.access("/usr/bin/time", os.X_OK) else None


class Failed(Exception):
    """A measured command exited non-zero (or timed out); carries what it printed."""


def run(argv, cwd, env, log_prefix, timeout):
    """Runs argv once; returns dict(wall=s, cpu=s, rss_kib=KiB, timed_out=bool).

    stdout and stderr go to log_prefix.out/.err. A non-zero exit raises
    Failed; a timeout kills the process and returns timed_out=True with the
    time it had run."""
    with open(log_prefix + ".out", "wb") as out, open(log_prefix + ".err", "wb") as err:
        # The peak RSS comes from GNU time: wait4's ru_maxrss of our own child
        # would be this Python's (exec records the high-water mark of the memory
        # it replaces, and a spawned child shares ours until then).
        rss_file = log_prefix + ".rss"
        prefix = [GNU_TIME, "-f", "%M", "-o", rss_file] if GNU_TIME else []
        started = time.perf_counter()
        pid = _spawn_in(cwd, prefix + list(argv), env, out, err)
        killed = []

        def kill():
            killed.append(True)
            try:
                os.killpg(pid, 9)
            except ProcessLookupError:
                pass

        timer = threading.Timer(timeout, kill)
        timer.start()
        _, status, usage = os.wait4(pid, 0)
        wall = time.perf_counter() - started
        timer.cancel()
        returncode = os.waitstatus_to_exitcode(status)
    rss = usage.ru_maxrss
    if GNU_TIME:
        try:
            with open(rss_file) as f:
                rss = int(f.read().split()[-1])
        except (OSError, ValueError, IndexError):
            pass  # killed before time wrote it
    if killed:
        return dict(wall=wall, cpu=usage.ru_utime + usage.ru_stime, rss_kib=rss, timed_out=True)
    if returncode != 0:
        with open(log_prefix + ".err", errors="replace") as f:
            errors = f.read()[-2000:]
        with open(log_prefix + ".out", errors="replace") as f:
            output = f.read()[-1000:]
        raise Failed("exit %d in %s: %s\n--- stderr:\n%s\n--- stdout:\n%s" % (
            returncode, cwd, " ".join(argv), errors, output))
    return dict(wall=wall, cpu=usage.ru_utime + usage.ru_stime, rss_kib=rss, timed_out=False)


def _spawn_in(cwd, argv, env, out, err):
    """Starts argv in cwd. posix_spawn has no working-directory action before
    Python 3.13, so the child goes through `env -C`, which execs it at once."""
    full = ["env", "-C", cwd, "--"] + list(argv)
    return os.posix_spawnp(full[0], full, env, setsid=True, file_actions=[
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_DUP2, out.fileno(), 1), (os.POSIX_SPAWN_DUP2, err.fileno(), 2)])


def fresh_copy(pristine, target):
    """A writable copy of the repository at pristine (`cp -a`, twice as fast
    as Python's copytree for 5,000 files), its index refreshed so that no
    command pays for the stat data the copy changed."""
    if os.path.exists(target):
        shutil.rmtree(target)
    subprocess.run(["cp", "-a", "--reflink=auto", pristine, target], check=True)
    subprocess.run(["git", "-C", target, "update-index", "-q", "--refresh"], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return target
