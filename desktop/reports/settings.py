"""Ward settings that fill an official report's title block, signature and recipients.

Stored with `store.set_setting(key, value)` (text; a list has one item per line):

- `report.ward_name`: the ward's name as it is written ("Phường Chợ Lớn", "Phường 14"); it makes the default
  issuing body and place. Asked for by `wardbook init --ward`; default: the name most areas carry
  (`areas.ward_name`, set by the demo). With neither, the title block prints "PHƯỜNG ……………" for the clerk
  to write the name by hand, as wards do on a paper form, and `missing_ward_name` lets the report say so
  before it is printed: the bare "ỦY BAN NHÂN DÂN PHƯỜNG" read as a finished heading and went out signed.
- `report.superior_body`: the governing body above the issuer (upper case, not bold); default: left out.
- `report.issuing_body`: the issuing body (upper case, bold, short rule under it);
  default: "ỦY BAN NHÂN DÂN" + the ward name.
- `report.addressee`: the superior the report is sent to, printed "Kính gửi: …" under the title; default:
  left out.
- `report.symbol`: the issuer's abbreviation after "/BC-" in the number line; default "UBND".
- `report.place`: the place name of the date line; default: the ward name.
- `report.signer_capacity`: "TM. …" / "KT. …" above the post, when signing for a body; default
  "TM. ỦY BAN NHÂN DÂN" (the chairperson signs a ward's report on behalf of the committee); "-" leaves it out.
- `report.signer_post`: the signer's post (upper case, bold); default "CHỦ TỊCH".
- `report.signer_name`: the signer's full name (bold, under the space to sign); default: blank, by hand.
- `report.recipients`: the "Nơi nhận" lines; default "Lãnh đạo đơn vị (để báo cáo);" and "Lưu: VT.".
- `report.target.<figure>`: the ward's target for a key figure of a period (`TARGETED`), e.g.
  `report.target.coverage` = 90; the review compares the figure with it (`desktop.reports.compare`).

Defaults make a usable document on a fresh install, and the admin fills the real names in once.
"""

from __future__ import annotations

from dataclasses import dataclass

from desktop import i18n
from desktop.store.store import Store
from desktop.text import nfc, nfc_lines

# The key figures (`desktop.reports.indicators`) a ward may set a target for.
TARGETED = ("visits", "households_visited", "coverage", "support_value", "follow_ups_done", "activities",
            "attendance")
TARGET_KEYS = tuple(f"report.target.{key}" for key in TARGETED)
KEYS = (
    "report.ward_name",
    "report.superior_body",
    "report.issuing_body",
    "report.addressee",
    "report.symbol",
    "report.place",
    "report.signer_capacity",
    "report.signer_post",
    "report.signer_name",
    "report.recipients",
    *TARGET_KEYS,
)


@dataclass(frozen=True)
class ReportSettings:
    superior_body: str
    issuing_body: str  # in capitals, as the title block prints it
    issuer_name: str  # as typed, on one line: "của Ủy ban nhân dân phường …" in an annex's reference line
    addressee: str
    symbol: str
    place: str
    signer_capacity: str
    signer_post: str
    signer_name: str
    recipients: tuple[str, ...]


def _unless_dash(value: str) -> str:
    """A setting that has a default but may be left out: "-" means none."""
    shown = nfc(value).upper()
    return "" if shown == "-" else shown


def ward_name(store: Store) -> str:
    """The ward's name: the setting, else the one most areas carry; "" when neither says."""
    typed = nfc(store.setting("report.ward_name") or "").strip()
    if typed:
        return typed
    row = store.conn.execute(
        "SELECT ward_name FROM areas WHERE deleted_hlc IS NULL AND ward_name IS NOT NULL AND ward_name != '' "
        "GROUP BY ward_name ORDER BY COUNT(*) DESC, ward_name LIMIT 1"
    ).fetchone()
    return nfc(row[0]) if row else ""


def missing_ward_name(store: Store) -> bool:
    """The title block would name no ward: no ward name and no issuing body typed in (it prints a dotted line to
    fill in by hand; the report warns before it is printed)."""
    issuer = store.setting("report.issuing_body")
    return not ward_name(store) and not (issuer and issuer.strip())


def report_settings(store: Store, lang: str | None = None) -> ReportSettings:
    """The settings with their defaults filled in (defaults in the report's language)."""
    ward = ward_name(store)

    def get(key: str, default: str) -> str:
        value = store.setting(key)
        return value if value is not None and value.strip() else default

    recipients = get(
        "report.recipients",
        "\n".join(
            (
                i18n.tr("reports.default_recipient_above", lang),
                i18n.tr("reports.default_recipient_archive", lang),
            )
        ),
    )
    issuer = i18n.tr("reports.default_issuing_body", lang, ward=ward or i18n.tr("reports.default_ward", lang))
    return ReportSettings(
        superior_body=nfc_lines(get("report.superior_body", "")).upper(),
        issuing_body=nfc_lines(get("report.issuing_body", issuer)).upper(),  # a line break where the ward put it
        issuer_name=nfc(
            get(
                "report.issuing_body",
                i18n.tr("reports.default_issuer_name", lang,
                        ward=ward or i18n.tr("reports.default_ward_in_text", lang)),
            )
        ),
        addressee=nfc(get("report.addressee", "")),
        symbol=nfc(get("report.symbol", i18n.tr("reports.default_symbol", lang))),
        place=nfc(get("report.place", ward or i18n.tr("reports.default_place", lang))),
        signer_capacity=_unless_dash(get("report.signer_capacity", i18n.tr("reports.default_signer_capacity", lang))),
        signer_post=nfc(get("report.signer_post", i18n.tr("reports.default_signer_post", lang))).upper(),
        signer_name=nfc(get("report.signer_name", "")),
        recipients=tuple(nfc(line) for line in recipients.splitlines() if line.strip()),
    )
