"""Messages of sync, in Vietnamese and English."""

from desktop import i18n

i18n.register(
    {
        "sync.bad_file": {
            "vi": "Tệp đồng bộ {file} không hợp lệ ({reason}); chưa áp dụng.",
            "en": "Sync file {file} is not valid ({reason}); not applied.",
        },
        "sync.no_share": {
            "vi": "Không truy cập được thư mục dùng chung {path}.",
            "en": "Cannot reach the shared folder {path}.",
        },
        "sync.not_a_share": {
            "vi": "{path} không phải thư mục đồng bộ của trạm (thiếu station.json).",
            "en": "{path} is not a station sync folder (no station.json).",
        },
        "sync.clock_future": {
            "vi": "Đồng hồ máy {device} nhanh hơn {minutes} phút; dữ liệu vẫn được áp dụng.",
            "en": "The clock of device {device} is {minutes} minutes ahead; its data was applied anyway.",
        },
    }
)
