"""The column vocabulary shared by import (header guessing) and export (header writing).

Headers are matched after folding (accents, đ, case, punctuation), so "Họ và tên", "HO VA TEN" and "ho ten:"
all map to `full_name`. Export writes the first (Vietnamese or English) header of each column, so an exported
file imports back without a mapping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop import i18n
from desktop.household_flags import HOUSEHOLD_FLAGS
from desktop.register.labels import label
from desktop.search.folding import fold


@dataclass(frozen=True)
class Column:
    field: str
    vi: str
    en: str
    aliases: tuple[str, ...] = ()

    def header(self, lang: str) -> str:
        return self.vi if lang == "vi" else self.en

    def names(self) -> set[str]:
        return {normalise_header(self.vi), normalise_header(self.en), *self.aliases}


def normalise_header(text: str) -> str:
    """Fold a header and drop punctuation, numbering and doubled spaces: ' 1. Họ và tên (*):' → 'ho va ten'."""
    folded = fold(text)
    folded = re.sub(r"^\d+[.)]\s*", "", folded)
    folded = re.sub(r"[^\w/ ]+", " ", folded)
    return re.sub(r"\s+", " ", folded).strip()


PERSON_COLUMNS = (
    Column("household_code", "Mã hộ", "Household code", ("ma so ho", "so ho", "code", "ma")),
    # "Tổ" / "Tổ dân phố" is not here: a tổ is a part of a khu phố, and its bare number ("5") read as the khu
    # phố put the household in another khu phố. A list's tổ column is left unread (the register keeps the khu
    # phố), like its "TỔ 1" group rows.
    Column("area", "Khu phố", "Area", ("kp", "ap", "khu pho/to dan pho")),
    Column("house_no", "Số nhà", "House number", ("so", "house no", "so nha/hem")),
    Column("street", "Đường", "Street", ("ten duong", "duong/hem", "duong pho", "duong hem")),
    Column("alley", "Hẻm", "Alley", ("kiet", "ngo", "ngach", "so hem", "hem/ngo")),  # joined to the street
    Column("household_phone", "SĐT hộ", "Household phone", ("dien thoai ho", "sdt gia dinh")),
    Column("full_name", "Họ và tên", "Full name", ("ho ten", "name", "ho va ten nhan khau")),
    # A name split over columns ("Họ và chữ lót" | "Tên") is joined into the full name (`desktop.io.rows`).
    Column("family_name", "Họ", "Family name",
           ("ho va chu lot", "ho va ten dem", "ho dem", "ho lot", "ho va dem", "ho chu dem", "ho va chu dem",
            "ho va ten lot", "family name", "surname", "last name")),
    Column("middle_name", "Tên đệm", "Middle name", ("chu lot", "chu dem", "ten lot", "dem")),
    Column("given_name", "Tên", "Given name", ("given name", "first name")),
    Column("head_name", "Chủ hộ", "Head of household", ("ho ten chu ho", "ho va ten chu ho", "head")),
    Column("relation", "Quan hệ với chủ hộ", "Relation to head", ("quan he", "quan he voi ch", "relation")),
    Column("birth_year", "Năm sinh", "Birth year",
           ("year of birth", "ngay sinh", "ngay thang nam sinh", "date of birth", "ns")),
    Column("birth_year_male", "Năm sinh (Nam)", "Birth year (male)"),  # the form's "Năm sinh" over "Nam" | "Nữ"
    Column("birth_year_female", "Năm sinh (Nữ)", "Birth year (female)"),
    Column("gender", "Giới tính", "Gender", ("sex", "gt", "nam/nu")),
    Column("gender_male", "Giới tính (Nam)", "Gender (male)"),  # "Giới tính" over "Nam" | "Nữ", a mark under one
    Column("gender_female", "Giới tính (Nữ)", "Gender (female)"),
    Column("phone", "SĐT", "Phone", ("so dien thoai", "dien thoai", "dt", "phone number", "sdt ca nhan")),
    Column("occupation", "Nghề nghiệp", "Occupation", ("nghe",)),
    Column("id_number", "Số CCCD", "ID number", ("cccd", "can cuoc", "so dinh danh", "cmnd")),
    *(Column(f"flag_{flag}", label("flag", flag, "vi"), label("flag", flag, "en")) for flag in HOUSEHOLD_FLAGS),
    Column("notes", "Ghi chú", "Notes", ("ghi chu ho",)),
)
BY_FIELD = {column.field: column for column in PERSON_COLUMNS}
_BY_NAME = {name: column.field for column in PERSON_COLUMNS for name in column.names()}
_EXTRA_FLAG_NAMES = {"ngheo": "flag_poor", "can ngheo": "flag_near_poor", "khuyet tat": "flag_disability",
                     "nguoi cao tuoi song mot minh": "flag_elderly_alone", "cao tuoi neo don": "flag_elderly_alone"}
_BY_NAME.update(_EXTRA_FLAG_NAMES)


def guess_field(header: str) -> str | None:
    """The field a header names, or None when it is not one the register keeps."""
    return _BY_NAME.get(normalise_header(header))

# The app's other exports, each known by two headers no household list has: read back, they are refused with
# their name instead of "no header" (they hold no households to import).
OTHER_LISTS = {
    "visits": ("col.person_met", "col.support_vnd"),
    "cases": ("col.received_on", "col.resolution"),
    "activities": ("col.topic", "col.attendance"),
}


def other_list(headers: list[str]) -> str | None:
    """Which of the app's other exports a header row is, if any."""
    names = {normalise_header(header) for header in headers}
    for kind, ids in OTHER_LISTS.items():
        if any(all(normalise_header(i18n.tr(msg_id, lang)) in names for msg_id in ids) for lang in i18n.LANGUAGES):
            return kind
    return None
