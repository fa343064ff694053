#!/usr/bin/env bash
# Sets up WardBook on a fresh Debian/Ubuntu machine: system packages (when run as root), a virtual
# environment in .venv and the project with its development tools. Safe to run again: it skips what is there.
set -euo pipefail
cd "$(dirname "$0")/.."

APT_PACKAGES=(
  python3-venv
  # Qt offscreen and under Xvfb (screenshots)
  libglib2.0-0 libgl1 libegl1 libfontconfig1 libxkbcommon0 libdbus-1-3
  xvfb xauth libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libx11-xcb1
  # PDF checks, the SMB share tests, the OS keyring tests, the Windows installer check
  poppler-utils samba smbclient gnome-keyring dbus dbus-x11 nsis
)

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=()
  for pkg in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    # A fresh machine may still be running its own apt job (unattended upgrades): wait for its locks (the
    # option covers dpkg's lock; the package lists' lock is waited for by trying again).
    for attempt in $(seq 30); do
      apt-get -o DPkg::Lock::Timeout=600 update -qq && break
      [ "$attempt" = 30 ] && exit 1
      sleep 10
    done
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
elif [ "$(id -u)" != 0 ]; then
  echo "Not root: skipping system packages (${APT_PACKAGES[*]}); install them with sudo apt-get if tests need them."
fi

PYTHON=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PYTHON" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[dev]'
