"""A real Samba server on loopback for the SMB transport tests: started in a temporary folder, non-standard
port, one share, one user; stopped when the tests end."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

USER, PASSWORD = "root", "Wardbook-test-1"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def available() -> bool:
    return shutil.which("smbd") is not None and shutil.which("smbpasswd") is not None and os.geteuid() == 0


@contextmanager
def samba(folder: Path) -> Iterator[tuple[str, Path]]:
    """Yield (smb:// URL of the share, local folder behind it)."""
    port = _free_port()
    shared = folder / "shared"
    shared.mkdir()
    for sub in ("run", "lock", "state", "cache", "private", "log"):
        (folder / sub).mkdir()
    config = folder / "smb.conf"
    config.write_text(f"""[global]
smb ports = {port}
interfaces = lo
bind interfaces only = yes
disable netbios = yes
server role = standalone server
pid directory = {folder}/run
lock directory = {folder}/lock
state directory = {folder}/state
cache directory = {folder}/cache
private dir = {folder}/private
ncalog dir = {folder}/log
log file = {folder}/log/smbd.log
passdb backend = tdbsam:{folder}/private/passdb.tdb
server min protocol = SMB2_10
load printers = no
printing = bsd
printcap name = /dev/null
[ward]
path = {shared}
read only = no
valid users = {USER}
""")
    subprocess.run(["smbpasswd", "-c", str(config), "-s", "-a", USER], input=f"{PASSWORD}\n{PASSWORD}\n",
                   text=True, check=True, capture_output=True)
    server = subprocess.Popen(["smbd", "-F", "--no-process-group", "-s", str(config)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)  # smbd signals its whole process group on exit
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.5).close()
                break
            except OSError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError(f"smbd did not start: {(folder / 'log').glob('*')}") from None
                time.sleep(0.2)
        yield f"smb://{USER}:{PASSWORD}@127.0.0.1:{port}/ward", shared
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
