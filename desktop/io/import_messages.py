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
        "io.kept_entered": {
            "vi": "{whom}: giữ '{kept}' đã nhập trong ứng dụng, không thay bằng '{given}' của tệp. Nếu tệp đúng, "
                  "sửa trong sổ.",
            "en": "{whom}: keeps '{kept}' as entered in the app instead of the file's '{given}'. If the file is "
                  "right, correct it in the register.",
        },
        "io.kept_moved_out": {
            "vi": "{name} (hộ {household}) đã được đánh dấu chuyển đi trong ứng dụng: vẫn giữ là đã chuyển đi dù "
                  "tệp còn ghi. Nếu người này đã về lại, sửa trong sổ.",
            "en": "{name} (household {household}) was marked moved out in the app: kept so, though the file still "
                  "lists them. If they have come back, correct it in the register.",
        },
        "io.lookalike_matched": {
            "vi": "Hộ {given} trong tệp là hộ {code} đã có trong sổ ({registered}): cùng chủ hộ và nhân khẩu, chỉ "
                  "địa chỉ ghi khác; cập nhật hộ đó, không tạo hộ mới.",
            "en": "Household {given} of the file is household {code} of the register ({registered}): the same head "
                  "and members, only the address written differently; updates it, no new household.",
        },
        "io.lookalike": {
            "vi": "Hộ {given} giống hộ đã có trong sổ: {registered} (cùng chủ hộ và nhân khẩu). Chưa nhập để tránh "
                  "tạo hộ trùng: nếu là cùng một hộ, sửa địa chỉ trong tệp hoặc trong sổ cho khớp, hoặc ghi mã hộ "
                  "của sổ vào cột mã hộ; nếu là hộ khác, bỏ hộ này khỏi tệp và thêm trong ứng dụng.",
            "en": "Household {given} looks like one already in the register: {registered} (the same head and "
                  "members). Not imported, to avoid a duplicate: if it is the same household, make the address in "
                  "the file or the register agree, or write the register's household code in the code column; if "
                  "it is another family, leave it out of the file and add it in the app.",
        },
        "io.household_named": {"vi": "Hộ {household}", "en": "Household {household}"},
        "io.yes": {"vi": "có", "en": "yes"},
        "io.no": {"vi": "không", "en": "no"},
        "io.blank": {"vi": "(trống)", "en": "(empty)"},
    }
)
