"""Whether this laptop's clock agrees with the station's: told to the laptop itself, at each sync.

Every edit is stamped with the laptop's clock, and the newest stamp wins a merge. A laptop whose clock is ahead
(set by hand to the wall clock's time under the wrong time zone is seven hours; a wrong month is common too)
wins every merge against newer edits made elsewhere, until real time catches up: the others' corrections are
lost without a word. The others see that laptop's files dated ahead (`desktop.sync.apply.clock_offset`), but
the laptop itself could not tell: the stamps it receives from the others are old by however long those files
waited on the share, so "everyone else is behind" is also what a right clock sees at a quiet station.

The share gives an independent clock: a file server (the station computer, over SMB or a mapped drive) stamps
each file it receives with its own time. So each sync writes an empty file in this laptop's own folder, reads
the time the share gave it and removes it. On a local folder or a USB stick the stamp is this laptop's own clock:
the difference is nil, and nothing is told — no signal, but no false alarm either. The last measurement is kept
(`SHARE_OFFSET`) for the app to show until the next sync measures again.
"""

from __future__ import annotations

from contextlib import suppress
from typing import TYPE_CHECKING

from desktop import i18n
from desktop.clock import wall_ms
from desktop.store import Store
from desktop.sync import messages as _messages  # noqa: F401  (registers the sentences)
from desktop.sync.transport import temp_name

if TYPE_CHECKING:  # the app's window asks for the sentence at start, before anything reads a share
    from desktop.sync.folder import FolderShare

SHARE_OFFSET = "clock.share_offset_ms"  # local setting: this laptop's clock less the share's, at the last sync
# A difference told to the officer. Clocks set by hand or left to drift differ by minutes; an hour is a time zone
# set wrong or a wrong date, which is what loses edits. Below it, nothing is said: a warning telling an officer to
# change a clock must not come from a station computer a few minutes off.
OFF_MS = 60 * 60 * 1000
_DAY_MINUTES = 24 * 60


def measure(store: Store, share: FolderShare) -> int | None:
    """Compare this laptop's clock with the share's and keep the difference (ms, positive: this laptop is ahead);
    None, and the last measurement kept, when the share would not take the probe file.

    The share's stamp is taken between the two readings of this laptop's clock around the write, so the time the
    write takes over the network is no difference. The probe has a temporary file's name (`temp_name`: one a crash
    leaves is removed by `FolderShare.clean_temporaries`), in this laptop's own folder, where nobody else writes."""
    folder = f"devices/{store.device_id}"
    probe = temp_name(f"{folder}/clock")
    before = wall_ms()
    try:
        share.transport.makedirs(folder)
        share.transport.write_new(probe, b"")
        stamped = share.transport.modified_ms(probe)
    except OSError:
        return None
    finally:
        with suppress(OSError):
            share.transport.delete(probe)
    after = wall_ms()
    # File systems keep times to the second or coarser (FAT: two seconds): within that, the clocks agree.
    offset = before - stamped if stamped < before - 2000 else after - stamped if stamped > after + 2000 else 0
    store.set_setting(SHARE_OFFSET, str(offset))
    return offset


def clock_off(store: Store) -> int | None:
    """How far this laptop's clock was from the share's at the last sync (ms, positive: ahead), when by an hour or
    more; None when it agreed, or never measured."""
    offset = int(store.setting(SHARE_OFFSET) or 0)
    return offset if abs(offset) >= OFF_MS else None


def clock_off_message(store: Store) -> str | None:
    """`clock_off` as the sentence an officer reads, in the current language; None when there is nothing to say."""
    offset = clock_off(store)
    if offset is None:
        return None
    minutes = round(abs(offset) / 60_000)
    if minutes < 2 * _DAY_MINUTES:
        amount = i18n.tr("sync.clock_amount_hours", hours=minutes // 60, minutes=minutes % 60)
    else:
        amount = i18n.tr("sync.clock_amount_days", days=round(minutes / _DAY_MINUTES))
    return i18n.tr("sync.clock_ahead_of_share" if offset > 0 else "sync.clock_behind_share", amount=amount)
