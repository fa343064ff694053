"""Messages of matching a list to the register on a re-import, in Vietnamese and English."""

from desktop import i18n

i18n.register(
    {
        "io.ambiguous_person": {
            "vi": "Không xác định được {name} ở dòng này là ai trong {count} người cùng tên của hộ {household} "
                  "trong sổ: không ghi dòng này. Ghi năm sinh, giới tính hoặc số CCCD để phân biệt rồi nhập lại.",
            "en": "Cannot tell which of the {count} people named {name} in household {household} this row is: "
                  "the row is not written. Give the birth year, gender or ID number to tell them apart and import "
                  "again.",
        },
    }
)
