"""Is a process still running? The host name, process ids and start times, stdlib only.

Used by the session lock (a lock of a dead process may be taken over) and by the clean-up of
temp files a killed writer left behind. POSIX asks the kernel with `os.kill(pid, 0)`; Windows
asks `OpenProcess` through ctypes, because `os.kill` there would end the process.
"""

from __future__ import annotations

import functools
import os
import sys
import zlib

_STILL_ACTIVE = 259
"""GetExitCodeProcess's answer for a process that has not ended (Windows)."""


@functools.cache
def host_name() -> str:
    """This computer's network name (cheap: no socket import on POSIX)."""
    uname = getattr(os, "uname", None)
    if uname is not None:
        return str(uname().nodename)
    name = os.environ.get("COMPUTERNAME", "")
    if name:
        return name
    import socket

    return socket.gethostname()


@functools.cache
def host_tag() -> str:
    """Eight hex digits for this computer, short enough for a temp file name."""
    return f"{zlib.crc32(host_name().encode('utf-8', 'replace')):08x}"


def pid_alive(pid: int) -> bool:
    """True when a process with this id runs on this computer (or cannot be ruled out)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _windows_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: it exists, it belongs to someone else
        return True
    return True


if sys.platform == "win32":

    def _windows_alive(pid: int) -> bool:
        """OpenProcess + GetExitCodeProcess; when Windows will not say, count it as alive."""
        import ctypes

        kernel32 = ctypes.windll.kernel32
        handle = kernel32.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return kernel32.GetLastError() != 87  # ERROR_INVALID_PARAMETER: no such process
        try:
            code = ctypes.c_ulong()
            if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
                return True
            return code.value == _STILL_ACTIVE
        finally:
            kernel32.CloseHandle(handle)

else:

    def _windows_alive(pid: int) -> bool:
        """Never called off Windows; present so that every platform has the name."""
        raise OSError("alleen op Windows")


def process_started(pid: int) -> float | None:
    """When the process started (seconds since the epoch), or None when this system cannot say.

    Linux only (from /proc). Lets a lock notice that its process id now belongs to another
    program, for example after a restart of the computer.
    """
    try:
        with open(f"/proc/{pid}/stat", "rb") as file:
            fields = file.read().rsplit(b")", 1)[1].split()
        with open("/proc/stat", "rb") as file:
            boot = next(int(line.split()[1]) for line in file if line.startswith(b"btime "))
        return boot + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None
