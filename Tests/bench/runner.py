#!/usr/bin/env python3
"""Run one command and measure it, for bench.sh.

    python3 runner.py TIMEOUT_S CWD STDOUT_FILE STDERR_FILE -- COMMAND...

Runs COMMAND in CWD with its output sent to the two files, and prints
`WALL_NS CPU_NS` on one line: the wall time from start to exit
(time.perf_counter_ns) and the CPU time the command used (user + system,
from wait4, children included). The CPU time hardly moves when other work
competes for the machine's cores, the wall time does. Exits with the
command's status, or 124 when it ran past TIMEOUT_S (it is killed then).

Python 3 standard library only. The interpreter's own start-up is outside
the measured interval.
"""

import os
import signal
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 7 or sys.argv[5] != "--":
        sys.exit(__doc__)
    timeout_s, cwd, out_path, err_path = float(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
    command = sys.argv[6:]
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.perf_counter_ns()
        child = subprocess.Popen(command, cwd=cwd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                 start_new_session=True)
        timed_out = []

        def kill(signum, frame):
            timed_out.append(True)
            os.killpg(child.pid, signal.SIGKILL)

        signal.signal(signal.SIGALRM, kill)
        signal.setitimer(signal.ITIMER_REAL, timeout_s)
        _, status, usage = os.wait4(child.pid, 0)  # retried after the alarm's handler
        signal.setitimer(signal.ITIMER_REAL, 0)
        wall = time.perf_counter_ns() - start
    child.returncode = 0  # reaped above; keep Popen from waiting again
    cpu = int((usage.ru_utime + usage.ru_stime) * 1e9)
    print(wall, cpu)
    if timed_out:
        sys.exit(124)
    if os.WIFEXITED(status):
        sys.exit(os.WEXITSTATUS(status))
    sys.exit(128 + os.WTERMSIG(status))


if __name__ == "__main__":
    main()
