"""Messages of import and export, in Vietnamese and English."""

from desktop import i18n

i18n.register(
    {
        "io.unreadable": {
            "vi": "Không đọc được tệp {path}: {reason}",
            "en": "Cannot read the file {path}: {reason}",
        },
        "io.unknown_format": {
            "vi": "Chỉ nhập được tệp .xlsx hoặc .csv (nhận được: {path}).",
            "en": "Only .xlsx and .csv files can be imported (got: {path}).",
        },
        "io.no_header": {
            "vi": "Không tìm thấy dòng tiêu đề (cần ít nhất cột 'Họ và tên' hoặc 'Chủ hộ', 'Số nhà', 'Đường').",
            "en": "No header row found (needs at least 'Họ và tên' or 'Chủ hộ', 'Số nhà', 'Đường' columns).",
        },
        "io.missing_column": {
            "vi": "Thiếu cột bắt buộc: {column}.",
            "en": "Required column missing: {column}.",
        },
        "io.problem": {
            "vi": "Dòng {row}, cột {column}: {message}",
            "en": "Row {row}, column {column}: {message}",
        },
        "io.missing_head": {
            "vi": "Hộ '{household}' không có chủ hộ (cột 'Quan hệ với chủ hộ' phải có một người là 'Chủ hộ').",
            "en": "Household '{household}' has no head ('Quan hệ với chủ hộ' must say 'Chủ hộ' for one person).",
        },
        "io.two_heads": {
            "vi": "Hộ '{household}' có nhiều hơn một chủ hộ.",
            "en": "Household '{household}' has more than one head.",
        },
        "io.has_problems": {
            "vi": "Tệp có {count} lỗi; chưa nhập gì. Sửa các dòng được nêu rồi nhập lại.",
            "en": "The file has {count} problem(s); nothing was imported. Fix the rows listed and import again.",
        },
        "io.duplicate": {
            "vi": "Trùng với hộ đã có {code} (cùng chủ hộ và địa chỉ): sẽ gộp vào hộ đó.",
            "en": "Same as existing household {code} (same head and address): will be merged into it.",
        },
        "io.summary": {
            "vi": "Đã nhập: {added} hộ mới, {merged} hộ gộp, {people} nhân khẩu mới, {skipped} nhân khẩu đã có.",
            "en": "Imported: {added} new households, {merged} merged, {people} new people, {skipped} already there.",
        },
        "io.dry_run_summary": {
            "vi": "Kiểm tra xong, không có lỗi: sẽ nhập {added} hộ mới, gộp {merged} hộ, {people} nhân khẩu mới, "
                  "{skipped} nhân khẩu đã có.",
            "en": "Checked, no problems: would add {added} households, merge {merged}, add {people} people, "
                  "{skipped} already there.",
        },
        "io.mapping_line": {"vi": "Cột '{header}' → {field}", "en": "Column '{header}' → {field}"},
        "io.exported": {
            "vi": "Đã xuất {count} dòng vào {path}.",
            "en": "Exported {count} rows to {path}.",
        },
        "col.person_met": {"vi": "Người tiếp", "en": "Person met"},
        "col.done": {"vi": "Ngày hoàn thành", "en": "Done on"},
        "col.support_vnd": {"vi": "Giá trị hỗ trợ (đồng)", "en": "Support value (VND)"},
        "col.received_on": {"vi": "Ngày tiếp nhận", "en": "Received on"},
        "col.kind": {"vi": "Loại", "en": "Kind"},
        "col.title": {"vi": "Nội dung", "en": "Title"},
        "col.source": {"vi": "Nguồn", "en": "Source"},
        "col.status": {"vi": "Tình trạng", "en": "Status"},
        "col.due_on": {"vi": "Hạn xử lý", "en": "Due on"},
        "col.resolved_on": {"vi": "Ngày giải quyết", "en": "Resolved on"},
        "col.resolution": {"vi": "Kết quả xử lý", "en": "Resolution"},
        "col.topic": {"vi": "Chủ đề", "en": "Topic"},
        "col.attendance": {"vi": "Số người dự", "en": "Attendance"},
        "col.notes": {"vi": "Ghi chú", "en": "Notes"},
        "io.unknown_kind": {
            "vi": "Không xuất được '{kind}'; chọn một trong: {choices}.",
            "en": "Cannot export '{kind}'; choose one of: {choices}.",
        },
    }
)
