"""Messages of the command line, in Vietnamese and English."""

from desktop import i18n

i18n.register(
    {
        "cli.description": {
            "vi": "Sổ địa bàn (WardBook) — sổ hộ dân và nhật ký công tác của cán bộ phường.",
            "en": "WardBook — the ward officers' household register and field log.",
        },
        "cli.error": {"vi": "Lỗi: {message}", "en": "Error: {message}"},
        "cli.usage_error": {"vi": "Lỗi cú pháp lệnh: {detail}", "en": "Usage error: {detail}"},
        "cli.interrupted": {"vi": "Đã dừng theo yêu cầu.", "en": "Stopped on request."},
        "cli.opt_db": {"vi": "đường dẫn cơ sở dữ liệu", "en": "path of the database"},
        "cli.opt_lang": {"vi": "ngôn ngữ hiển thị (vi, en)", "en": "display language (vi, en)"},
        "cli.init_done": {"vi": "Đã tạo cơ sở dữ liệu {path}.", "en": "Created the database {path}."},
        "cli.init_exists": {
            "vi": "Cơ sở dữ liệu {path} đã có; đã cập nhật lược đồ nếu cần.",
            "en": "The database {path} exists; its schema is up to date.",
        },
        "cli.demo_not_empty": {
            "vi": "Cơ sở dữ liệu {path} đã có {count} hộ; dữ liệu mẫu chỉ tạo trên cơ sở dữ liệu trống.",
            "en": "The database {path} already holds {count} households; demo data goes into an empty one.",
        },
        "cli.demo_done": {
            "vi": "Đã tạo phường mẫu: {households} hộ, {people} nhân khẩu, {visits} lượt thăm "
            "trong {seconds:.1f} giây.",
            "en": "Demo ward created: {households} households, {people} people, {visits} visits in {seconds:.1f} s.",
        },
        "cli.progress": {"vi": "{done}/{total} {what}", "en": "{done}/{total} {what}"},
        "cli.household_added": {"vi": "Đã thêm hộ {code} ({id}).", "en": "Added household {code} ({id})."},
        "cli.visit_added": {"vi": "Đã ghi lượt thăm {id}.", "en": "Recorded visit {id}."},
        "cli.none_found": {"vi": "Không có kết quả.", "en": "Nothing found."},
        "cli.more": {"vi": "… và {count} kết quả khác.", "en": "… and {count} more."},
        "heading.members": {"vi": "Nhân khẩu", "en": "Members"},
        "heading.visits": {"vi": "Lượt thăm", "en": "Visits"},
        "heading.cases": {"vi": "Vụ việc", "en": "Cases"},
        "stats.areas": {"vi": "Khu phố", "en": "Areas"},
        "stats.households": {"vi": "Hộ đang cư trú", "en": "Active households"},
        "stats.people": {"vi": "Nhân khẩu", "en": "People"},
        "stats.visits": {"vi": "Lượt thăm", "en": "Visits"},
        "stats.households_visited_365d": {
            "vi": "Hộ được thăm trong 365 ngày", "en": "Households visited in 365 days",
        },
        "stats.follow_ups_open": {"vi": "Việc cần theo dõi", "en": "Open follow-ups"},
        "stats.follow_ups_overdue": {"vi": "Theo dõi quá hạn", "en": "Overdue follow-ups"},
        "stats.cases_open": {"vi": "Vụ việc đang xử lý", "en": "Open cases"},
        "stats.activities": {"vi": "Hoạt động cộng đồng", "en": "Community activities"},
    }
)
