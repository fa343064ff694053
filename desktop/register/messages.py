"""Messages of the register, in Vietnamese and English."""

from desktop import i18n

i18n.register(
    {
        "col.code": {"vi": "Mã hộ", "en": "Code"},
        "col.address": {"vi": "Địa chỉ", "en": "Address"},
        "col.area": {"vi": "Khu phố", "en": "Area"},
        "col.head": {"vi": "Chủ hộ", "en": "Head"},
        "col.phone": {"vi": "Điện thoại", "en": "Phone"},
        "col.members": {"vi": "Nhân khẩu", "en": "Members"},
        "col.last_visit": {"vi": "Lần thăm cuối", "en": "Last visit"},
        "col.flags": {"vi": "Diện", "en": "Flags"},
        "col.overdue": {"vi": "Quá hạn", "en": "Overdue"},
        "col.date": {"vi": "Ngày", "en": "Date"},
        "col.purposes": {"vi": "Mục đích", "en": "Purposes"},
        "col.outcome": {"vi": "Kết quả", "en": "Outcome"},
        "col.follow_up": {"vi": "Hạn theo dõi", "en": "Follow-up due"},
        "col.name": {"vi": "Họ và tên", "en": "Full name"},
        "col.birth_year": {"vi": "Năm sinh", "en": "Birth year"},
        "col.relation": {"vi": "Quan hệ", "en": "Relation"},
        "col.findings": {"vi": "Ghi nhận", "en": "Findings"},
        "register.bad_date": {
            "vi": "Ngày không hợp lệ: '{value}' (dùng dd/mm/yyyy hoặc yyyy-mm-dd).",
            "en": "Invalid date: '{value}' (use dd/mm/yyyy or yyyy-mm-dd).",
        },
        "register.bad_phone": {
            "vi": "Số điện thoại không hợp lệ: '{value}' (di động 10 chữ số, máy bàn 11 chữ số, bắt đầu bằng 0).",
            "en": "Invalid phone number: '{value}' (10 digits for a mobile, 11 for a landline, starting with 0).",
        },
        "register.bad_birth_year": {
            "vi": "Năm sinh không hợp lệ: '{value}' (từ 1900 đến năm nay).",
            "en": "Invalid birth year: '{value}' (1900 to this year).",
        },
        "register.required": {
            "vi": "Thiếu thông tin bắt buộc: {field}.",
            "en": "Missing required field: {field}.",
        },
        "register.bad_choice": {
            "vi": "Giá trị '{value}' không hợp lệ cho {field}; chọn một trong: {choices}.",
            "en": "'{value}' is not valid for {field}; choose one of: {choices}.",
        },
        "register.unknown_household": {
            "vi": "Không tìm thấy hộ '{value}'.",
            "en": "No household '{value}'.",
        },
        "register.unknown_area": {
            "vi": "Không tìm thấy khu phố / tổ dân phố '{value}'.",
            "en": "No khu phố / tổ dân phố '{value}'.",
        },
        "register.unknown_person": {
            "vi": "Không tìm thấy nhân khẩu '{value}'.",
            "en": "No person '{value}'.",
        },
        "register.follow_up_before_visit": {
            "vi": "Hạn theo dõi ({due}) phải sau ngày thăm ({visited}).",
            "en": "The follow-up due date ({due}) must be after the visit ({visited}).",
        },
        "register.future_visit": {
            "vi": "Ngày thăm ({value}) không được ở tương lai.",
            "en": "The visit date ({value}) cannot be in the future.",
        },
        "register.bad_quantity": {
            "vi": "Số lượng / giá trị hỗ trợ phải là số không âm: '{value}'.",
            "en": "Support quantity / value must be a non-negative number: '{value}'.",
        },
        "register.unknown_visit": {
            "vi": "Không tìm thấy lượt thăm '{value}'.",
            "en": "No visit '{value}'.",
        },
        "register.visit_voided": {
            "vi": "Lượt thăm này đã bị hủy: khôi phục trước khi sửa.",
            "en": "This visit is voided: restore it before correcting it.",
        },
        "register.void_reason_required": {
            "vi": "Ghi lý do hủy lượt thăm (ví dụ: ghi nhầm hộ).",
            "en": "Give the reason for voiding the visit (for example: wrong household).",
        },
        "register.unknown_case": {
            "vi": "Không tìm thấy vụ việc '{value}'.",
            "en": "No case '{value}'.",
        },
        "register.due_before_received": {
            "vi": "Hạn xử lý ({due}) không được trước ngày tiếp nhận ({received}).",
            "en": "The due date ({due}) cannot be before the day the case was received ({received}).",
        },
        "register.future_activity": {
            "vi": "Ngày tổ chức ({value}) không được ở tương lai.",
            "en": "The activity date ({value}) cannot be in the future.",
        },
        "register.unknown_activity": {
            "vi": "Không tìm thấy hoạt động '{value}'.",
            "en": "No activity '{value}'.",
        },
        "register.bad_attendance": {
            "vi": "Số người tham dự phải là số nguyên không âm: '{value}'.",
            "en": "Attendance must be a whole number, zero or more: '{value}'.",
        },
    }
)
