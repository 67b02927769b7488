#!/usr/bin/env python3
"""Times a console's first prompt in a pseudo-terminal.

Usage: first-prompt.py COLUMNS ROWS TIMEOUT_S -- COMMAND [ARG ...]

Starts COMMAND in a new pseudo-terminal of the given size, reads what it prints as a terminal
would, and prints the seconds from the start until '(pprof) ' first appears (or 'timeout'). It
then types `quit` and Enter, and waits for the command to leave (killing it after TIMEOUT_S).
"""
import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time

PROMPT = b'(pprof) '


def main():
    columns, rows, timeout = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
    command = sys.argv[sys.argv.index('--') + 1:]
    started = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack('HHHH', rows, columns, 0, 0))
        os.execvp(command[0], command)
    seen = b''
    elapsed = None
    deadline = started + timeout
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if not ready:
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        if elapsed is None:
            seen = (seen + data)[-4096:]
            if PROMPT in seen:
                elapsed = time.monotonic() - started
                os.write(fd, b'quit\r')
    print('timeout' if elapsed is None else f'{elapsed:.4f}')
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    os.waitpid(pid, 0)


main()
