"""Which khu phố a file means: folded names and the abbreviations clerks type.

A ward's lists write the same khu phố as "Khu phố 3", "KP3", "KP 3", "KP.3", "Khu pho 03" or a bare "3";
matched on the folded text alone each would become a new area beside the real one. `area_key` reduces all of
them to one key, so the file finds the register's area, and an area the import creates gets the full name.
"""

from __future__ import annotations

import re
from functools import lru_cache

from desktop.search.folding import fold
from desktop.store import Store

_NUMBERED = re.compile(r"(?:khu pho|khupho|kp)?\s*0*(\d+)")
AREA_PREFIX = "Khu phố"


@lru_cache(maxsize=4096)  # a list repeats its few khu phố on every row
def area_key(name: str) -> str:
    """`Khu phố 3`, `KP.3`, `kp 03`, `3` → `kp:3`; any other name → its folded text without punctuation."""
    folded = re.sub(r"\s+", " ", re.sub(r"[^\w ]+", " ", fold(name))).strip()
    numbered = _NUMBERED.fullmatch(folded)
    return f"kp:{int(numbered.group(1))}" if numbered else folded


def area_name(name: str) -> str:
    """The name an import gives a new area: "KP3" becomes "Khu phố 3" like the areas made by hand."""
    key = area_key(name)
    return f"{AREA_PREFIX} {key.removeprefix('kp:')}" if key.startswith("kp:") else name.strip()


def known_areas(store: Store) -> dict[str, str]:
    """The register's live areas by key → id."""
    return {area_key(name): area_id for area_id, name in
            store.conn.execute("SELECT id, name FROM areas WHERE deleted_hlc IS NULL")}
