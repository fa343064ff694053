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
        "sync.share_exists": {
            "vi": "{path} đã là thư mục đồng bộ của một trạm.",
            "en": "{path} is already a station sync folder.",
        },
        "sync.no_request": {
            "vi": "Không có yêu cầu tham gia của máy {device}.",
            "en": "No enrollment request from device {device}.",
        },
        "sync.unknown_device": {
            "vi": "Máy {device} không có trong danh sách của trạm.",
            "en": "Device {device} is not on the station roster.",
        },
        "sync.not_enrolled": {
            "vi": "Máy này ({device}) chưa được quản trị viên duyệt; hãy chờ duyệt rồi đồng bộ lại.",
            "en": "This laptop ({device}) has not been approved by the admin yet; sync again once approved.",
        },
        "sync.no_share_set": {
            "vi": "Chưa chọn thư mục dùng chung: dùng --share ĐƯỜNG_DẪN.",
            "en": "No shared folder chosen: use --share PATH.",
        },
        "sync.clock_future": {
            "vi": "Đồng hồ máy {device} nhanh hơn {minutes} phút; dữ liệu vẫn được áp dụng.",
            "en": "The clock of device {device} is {minutes} minutes ahead; its data was applied anyway.",
        },
    }
)
