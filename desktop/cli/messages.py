"""Messages of the command line, in Vietnamese and English."""

from desktop import i18n

i18n.register(
    {
        "cli.description": {
            "vi": "Sổ địa bàn (WardBook) — sổ hộ dân và nhật ký công tác của cán bộ phường.",
            "en": "WardBook — the ward officers' household register and field log.",
        },
        "cli.error": {"vi": "Lỗi: {message}", "en": "Error: {message}"},
        "cli.support_kind": {
            "vi": "loại hỗ trợ '{kind}' không có; chọn một trong: {kinds}",
            "en": "there is no support kind '{kind}'; choose one of: {kinds}",
        },
        "cli.support_parts": {
            "vi": "'{value}' có quá bốn phần; viết LOẠI:SỐ_LƯỢNG:ĐƠN_VỊ:GIÁ_TRỊ (ví dụ food:10:kg:200000)",
            "en": "'{value}' has more than four parts; write KIND:QUANTITY:UNIT:VALUE (e.g. food:10:kg:200000)",
        },
        "cli.usage_error": {
            "vi": "Lỗi cú pháp lệnh: {detail} (xem '{help}')",
            "en": "Usage error: {detail} (see '{help}')",
        },
        "cli.bad_encoding": {
            "vi": "Đối số '{value}' không phải văn bản UTF-8 hợp lệ; hãy gõ lại.",
            "en": "The argument '{value}' is not valid UTF-8 text; type it again.",
        },
        "cli.share_damaged": {
            "vi": "Thư mục đồng bộ {path} có tệp hỏng hoặc không đúng định dạng; hãy báo quản trị viên trạm.",
            "en": "The sync folder {path} holds a damaged or malformed file; tell the station admin.",
        },
        "cli.bad_mapping": {
            "vi": "Tệp ghép cột {path} không đọc được: cần một tệp JSON dạng {{\"tiêu đề cột\": \"trường\"}}.",
            "en": "The column mapping {path} cannot be read: it must be a JSON file "
            "{{\"column header\": \"field\"}}.",
        },

        "cli.clock_went_back": {
            "vi": "Cảnh báo: ngày giờ của máy tính có vẻ sai. Máy đang báo ngày {today}, nhưng sổ đã được ghi trên "
            "máy này đến ngày {last}. Hãy chỉnh lại ngày giờ của máy; trước khi chỉnh, ngày mặc định của lệnh "
            "(hôm nay, quá hạn, quý này) theo ngày sai.",
            "en": "Warning: this computer's date looks wrong. It says {today}, but the register was written on this "
            "computer up to {last}. Set the computer's date and time right; until then a command's default date "
            "(today, overdue, this quarter) follows the wrong date.",
        },
        "cli.interrupted": {"vi": "Đã dừng theo yêu cầu.", "en": "Stopped on request."},
        "cli.register_busy_waiting": {
            "vi": "Sổ {path} đang bận với một việc khác của WardBook (nhập dữ liệu hoặc đồng bộ); đang chờ việc đó "
                  "xong… (Ctrl+C để thôi)",
            "en": "The register {path} is busy with another WardBook task (an import or a sync); waiting for it "
                  "to finish… (Ctrl+C to stop)",
        },
        "cli.opt_db": {"vi": "đường dẫn cơ sở dữ liệu", "en": "path of the database"},
        "cli.opt_lang": {"vi": "ngôn ngữ hiển thị (vi, en)", "en": "display language (vi, en)"},
        "cli.opt_user": {
            "vi": "tên đăng nhập (mật khẩu hỏi từ bàn phím hoặc WARDBOOK_PASSWORD)",
            "en": "username (password asked at the terminal or from WARDBOOK_PASSWORD)",
        },
        "cli.opt_key_file": {
            "vi": "tệp khóa có mật khẩu thay cho kho khóa của hệ điều hành "
            "(mật khẩu: WARDBOOK_KEY_PASSPHRASE)",
            "en": "passphrase-protected key file instead of the OS keyring "
            "(passphrase: WARDBOOK_KEY_PASSPHRASE)",
        },
        "cli.prompt_password": {"vi": "Mật khẩu:", "en": "Password:"},
        "cli.prompt_new_password": {"vi": "Mật khẩu mới:", "en": "New password:"},
        "cli.prompt_again": {"vi": "Nhập lại:", "en": "Again:"},
        "cli.prompt_passphrase": {"vi": "Mật khẩu tệp khóa:", "en": "Key-file passphrase:"},
        "cli.init_done": {"vi": "Đã tạo cơ sở dữ liệu {path}.", "en": "Created the database {path}."},
        "cli.init_ward_hint": {
            "vi": "Chưa có tên phường để in trên báo cáo: wardbook setting report.ward_name \"Phường …\" (hoặc "
                  "init --ward \"Phường …\").",
            "en": "No ward name to print on reports yet: wardbook setting report.ward_name \"Phường …\" (or "
                  "init --ward \"Phường …\").",
        },
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
        "cli.household_updated": {"vi": "Đã sửa hộ {code}: {fields}.", "en": "Updated household {code}: {fields}."},
        "cli.household_unchanged": {"vi": "Hộ {code} không có gì thay đổi.",
                                    "en": "Household {code}: nothing changed."},
        "cli.visit_added": {"vi": "Đã ghi lượt thăm {id}.", "en": "Recorded visit {id}."},
        "cli.visit_updated": {"vi": "Đã sửa lượt thăm {id}.", "en": "Corrected visit {id}."},
        "cli.hidden_visits": {"vi": "{count} lượt thăm của cán bộ khác không hiển thị.",
                              "en": "Visits by other officers not shown: {count}."},
        "cli.voided": {"vi": "đã hủy", "en": "voided"},
        "cli.visit_voided": {"vi": "Đã hủy lượt thăm {id}.", "en": "Voided visit {id}."},
        "cli.visit_restored": {"vi": "Đã khôi phục lượt thăm {id}.", "en": "Restored visit {id}."},
        "cli.commendation_added": {"vi": "Đã ghi đề xuất khen thưởng {id}.", "en": "Proposed commendation {id}."},
        "cli.commendation_status": {"vi": "Đề xuất {id}: {status}.", "en": "Commendation {id}: {status}."},
        "cli.person_not_unique": {
            "vi": "'{name}' khớp với {count} người; hãy gõ đủ họ tên hoặc dùng id.",
            "en": "'{name}' matches {count} people; type the full name or use the id.",
        },
        "cli.none_found": {"vi": "Không có kết quả.", "en": "Nothing found."},
        "cli.more": {"vi": "… và {count} kết quả khác.", "en": "… and {count} more."},
        "cli.user_added": {
            "vi": "Đã tạo tài khoản {username} ({role}).", "en": "Created account {username} ({role}).",
        },
        "cli.done": {"vi": "Xong.", "en": "Done."},
        "cli.user_disabled_laptops": {
            "vi": "Máy gắn với tài khoản này sẽ thôi nhận dữ liệu mới của phường từ lần đồng bộ tới của máy quản trị "
            "trạm; nếu tài khoản được mở lại, máy sẽ nhận lại những gì đã bỏ lỡ.",
            "en": "The laptops bound to this account stop receiving the ward's new records at the next sync of the "
            "station's admin laptop; if the account is enabled again, they receive what they missed.",
        },
        "cli.audit_ok": {
            "vi": "Nhật ký truy cập nguyên vẹn: {count} mục, mọi chuỗi băm khớp.",
            "en": "The audit log is intact: {count} entries, every hash chain matches.",
        },
        "cli.audit_broken": {
            "vi": "Nhật ký truy cập đã bị can thiệp: {count} lỗi (xem trên).",
            "en": "The audit log has been tampered with: {count} problems (listed above).",
        },
        "cli.audit_edited": {"vi": "mục bị sửa", "en": "entry edited"},
        "cli.audit_missing": {"vi": "thiếu mục", "en": "entry missing"},
        "cli.audit_duplicate": {"vi": "mục trùng hoặc sai thứ tự", "en": "entry duplicated or out of order"},
        "cli.audit_broken_link": {
            "vi": "đứt chuỗi (mục bị xoá hoặc đổi chỗ)", "en": "chain broken (removed or moved)",
        },
        "cli.audit_truncated": {"vi": "mất các mục cuối", "en": "newest entries removed"},
        "cli.audit_rewritten": {
            "vi": "chuỗi không khớp với đầu chuỗi đã ký (nhật ký bị viết lại)",
            "en": "chain does not match its signed head (history rewritten)",
        },
        "cli.audit_bad_signature": {
            "vi": "chữ ký đầu chuỗi không đúng khóa của máy", "en": "signed head does not match the laptop's key",
        },
        "cli.audit_unknown_device": {
            "vi": "mục của một máy không có trong danh sách máy của trạm",
            "en": "entries of a laptop that is not in the station roster",
        },
        "cli.backup_done": {"vi": "Đã sao lưu (mã hoá) vào {path}.", "en": "Backed up (encrypted): {path}."},
        "cli.restore_done": {"vi": "Đã khôi phục {path} từ bản sao lưu.", "en": "Restored {path}."},
        "cli.restore_done_kept": {
            "vi": "Đã khôi phục {path} từ bản sao lưu; cơ sở dữ liệu bị thay thế được giữ tại {kept}.",
            "en": "Restored {path}; the database it replaced is kept as {kept}.",
        },
        "cli.retention_plan": {
            "vi": "Hộ đã chuyển đi trước {cutoff} (thời hạn {years} năm) và không được thăm từ đó:",
            "en": "Households moved out before {cutoff} ({years}-year rule) and not visited since:",
        },
        "cli.purged": {"vi": "Đã xoá vĩnh viễn {count} hộ.", "en": "Purged {count} households."},
        "cli.purge_copies": {
            "vi": "Các bản sao do lần khôi phục trước giữ lại bên cạnh sổ cũng chứa các hộ này và bị xoá cùng: "
                  "{copies}.",
            "en": "The copies earlier restores kept beside the register hold these households too and go with "
                  "them: {copies}.",
        },
        "cli.exported": {"vi": "Đã xuất vào {path}.", "en": "Exported to {path}."},
        "col.username": {"vi": "Tên đăng nhập", "en": "Username"},
        "col.role": {"vi": "Vai trò", "en": "Role"},
        "col.active": {"vi": "Đăng nhập được", "en": "Can log in"},
        "col.failures": {"vi": "Lần sai", "en": "Failures"},
        "col.device": {"vi": "Máy", "en": "Device"},
        "col.problem": {"vi": "Vấn đề", "en": "Problem"},
        "col.action": {"vi": "Thao tác", "en": "Action"},
        "col.target": {"vi": "Đối tượng", "en": "Target"},
        "col.moved_out": {"vi": "Chuyển đi", "en": "Moved out"},
        "col.when": {"vi": "Lúc", "en": "When"},
        "col.id": {"vi": "Mã", "en": "Id"},
        "col.period": {"vi": "Kỳ", "en": "Period"},
        "col.reason": {"vi": "Thành tích", "en": "Achievement"},
        "col.status": {"vi": "Tình trạng", "en": "Status"},
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
