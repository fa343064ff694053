"""A real Secret Service for keyring tests in this process: a private D-Bus session bus with gnome-keyring-daemon
on it (its keyring files in a temporary folder, unlocked with a throwaway password), `keyring` switched to its
SecretService backend while the test runs, and both processes stopped afterwards."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import keyring
from jeepney.bus_messages import message_bus
from jeepney.io.blocking import open_dbus_connection
from keyring.backends import SecretService

TOOLS = ("dbus-daemon", "gnome-keyring-daemon")
SECRETS_NAME = "org.freedesktop.secrets"


def missing_tools() -> list[str]:
    return [tool for tool in TOOLS if shutil.which(tool) is None]


def _wait_for_name(address: str, daemon: subprocess.Popen[bytes]) -> None:
    """Until gnome-keyring owns the Secret Service name (a call before that would make the bus start another,
    locked, daemon by activation)."""
    with open_dbus_connection(bus=address) as bus:
        for _ in range(400):
            if bus.send_and_get_reply(message_bus.NameHasOwner(SECRETS_NAME)).body[0]:
                return
            if daemon.poll() is not None:
                break
            time.sleep(0.025)
    raise RuntimeError("gnome-keyring-daemon did not start its Secret Service")


@contextmanager
def secret_service(folder: Path) -> Iterator[None]:
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    env = {**os.environ, "HOME": str(folder), "XDG_DATA_HOME": str(folder / "data"),
           "XDG_RUNTIME_DIR": str(folder)}
    bus = subprocess.Popen(["dbus-daemon", "--session", "--nofork", "--print-address=1"], env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    previous_address = os.environ.get("DBUS_SESSION_BUS_ADDRESS")
    previous_keyring = keyring.get_keyring()
    try:
        assert bus.stdout is not None
        address = bus.stdout.readline().strip()
        env["DBUS_SESSION_BUS_ADDRESS"] = address
        daemon = subprocess.Popen(["gnome-keyring-daemon", "--foreground", "--unlock", "--components=secrets"],
                                  env=env, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                  stderr=subprocess.DEVNULL)
        try:
            assert daemon.stdin is not None
            daemon.stdin.write(b"throwaway keyring password")
            daemon.stdin.close()
            _wait_for_name(address, daemon)
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = address  # secretstorage connects anew on every call
            keyring.set_keyring(SecretService.Keyring())
            yield
        finally:
            daemon.terminate()
            daemon.wait()
    finally:
        keyring.set_keyring(previous_keyring)
        if previous_address is None:
            os.environ.pop("DBUS_SESSION_BUS_ADDRESS", None)
        else:
            os.environ["DBUS_SESSION_BUS_ADDRESS"] = previous_address
        bus.terminate()
        bus.wait()
        if bus.stdout is not None:
            bus.stdout.close()
