"""Who this process is, and whether a process recorded in a file is still running.

Lock files and recovery files name the process that wrote them.  A process id alone is not
enough to tell whether that process still runs: after it dies (or after a reboot) the same number
is soon given to another program.  So each record also carries a *start token*, something that
differs between two processes that had the same id: on Linux the boot id plus the process's start
time from ``/proc``, on Windows the process creation time.  Where no token can be read (macOS), the
process id alone decides.
"""

from __future__ import annotations

import getpass
import os
import sys
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class ProcessId:
    pid: int
    host: str
    user: str
    token: str = ""

    def to_data(self) -> dict:
        return {"pid": self.pid, "host": self.host, "user": self.user, "token": self.token}

    @classmethod
    def from_data(cls, data: Any) -> ProcessId | None:
        """The record in a dict read from a file, or None when it is not a valid record."""
        if not isinstance(data, dict):
            return None
        pid, host = data.get("pid"), data.get("host")
        user, token = data.get("user", ""), data.get("token", "")
        if (not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0
                or not all(isinstance(v, str) for v in (host, user, token))):
            return None
        assert isinstance(host, str)  # checked above, with user and token
        return cls(pid, host, user, token)

    def on_this_host(self) -> bool:
        return self.host == host_name()

    def is_running(self) -> bool | None:
        """True or False for a process on this computer; None when it ran on another one."""
        if not self.on_this_host():
            return None
        return process_running(self.pid, self.token)


def host_name() -> str:
    if hasattr(os, "uname"):
        # What socket.gethostname() returns, without importing socket (7 ms of every start).
        return os.uname().nodename
    import socket
    return socket.gethostname()


def user_name() -> str:
    try:
        return getpass.getuser()
    except Exception:
        return ""


def this_process() -> ProcessId:
    return ProcessId(os.getpid(), host_name(), user_name(), start_token(os.getpid()) or "")


def process_running(pid: int, token: str = "") -> bool:
    """Whether process ``pid`` runs, and is the same process that had ``token`` (when given)."""
    if not isinstance(pid, int) or pid <= 0:
        # 0 and negative numbers name process groups in os.kill, never one process.
        return False
    current = start_token(pid)
    if current is None:
        return False
    return not (token and current and token != current)


def start_token(pid: int) -> str | None:
    """A token of the process's start; "" when it runs but none can be read; None when no
    process with this id runs (a zombie counts as ended)."""
    if pid <= 0:
        return None
    if sys.platform == "win32":
        return _windows_token(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return None
    except PermissionError:
        pass  # it exists, owned by another user
    except OSError:
        return None
    return _linux_token(pid)


def _linux_token(pid: int) -> str | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as handle:
            stat = handle.read().decode("ascii", "replace")
        with open("/proc/sys/kernel/random/boot_id", "rb") as handle:
            boot = handle.read().decode("ascii", "replace").strip()
    except OSError:
        return ""  # not Linux (or no /proc): the pid alone decides
    # The command name in parentheses may hold spaces and parentheses: split after the last ')'.
    fields = stat[stat.rfind(")") + 2:].split()
    if len(fields) < 20:
        return ""
    if fields[0] in ("Z", "X"):
        return None  # a zombie has ended; only its exit status is waiting to be collected
    return f"{boot}:{fields[19]}"


def _windows_token(pid: int) -> str | None:  # pragma: no cover - runs on Windows only
    import ctypes
    from ctypes import wintypes

    kernel32 = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    kernel32.OpenProcess.restype = wintypes.HANDLE
    kernel32.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
    kernel32.GetExitCodeProcess.argtypes = (wintypes.HANDLE, ctypes.POINTER(wintypes.DWORD))
    filetime = ctypes.POINTER(wintypes.FILETIME)
    kernel32.GetProcessTimes.argtypes = (wintypes.HANDLE, filetime, filetime, filetime, filetime)
    kernel32.CloseHandle.argtypes = (wintypes.HANDLE,)
    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return "" if ctypes.get_last_error() == access_denied else None  # type: ignore[attr-defined]
    try:
        code = wintypes.DWORD()
        if kernel32.GetExitCodeProcess(handle, ctypes.byref(code)) and code.value != still_active:
            return None
        times = [wintypes.FILETIME() for _ in range(4)]
        if not kernel32.GetProcessTimes(handle, *(ctypes.byref(t) for t in times)):
            return ""
        return str((times[0].dwHighDateTime << 32) | times[0].dwLowDateTime)
    finally:
        kernel32.CloseHandle(handle)
