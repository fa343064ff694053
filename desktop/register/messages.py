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
        "register.out_of_range": {
            "vi": "{name}: {value} nằm ngoài khoảng cho phép ({low} đến {high}).",
            "en": "{name}: {value} is outside the allowed range ({low} to {high}).",
        },
        "register.not_a_whole_number": {
            "vi": "{name} phải là số nguyên (nhận được: '{value}').",
            "en": "{name} must be a whole number (got: '{value}').",
        },
        "register.not_a_number": {
            "vi": "{name} phải là một số (nhận được: '{value}').",
            "en": "{name} must be a number (got: '{value}').",
        },
        "register.too_long": {
            "vi": "{name} dài {length} ký tự, quá giới hạn {limit} ký tự.",
            "en": "{name} is {length} characters long, over the limit of {limit}.",
        },
        "register.bad_characters": {
            "vi": "{name} chứa ký tự điều khiển hoặc ký tự không hợp lệ.",
            "en": "{name} contains control characters or invalid characters.",
        },
        **{f"field.{key}": {"vi": vi, "en": en} for key, (vi, en) in {
            "full_name": ("Họ và tên", "Full name"),
            "name": ("Tên", "Name"),
            "house_no": ("Số nhà", "House number"),
            "street": ("Đường", "Street"),
            "notes": ("Ghi chú", "Notes"),
            "code": ("Mã hộ", "Household code"),
            "findings": ("Ghi nhận", "Findings"),
            "person_met": ("Người tiếp", "Person met"),
            "reason": ("Lý do", "Reason"),
            "unit": ("Đơn vị tính", "Unit"),
            "description": ("Mô tả", "Description"),
            "quantity": ("Số lượng", "Quantity"),
            "value_vnd": ("Giá trị (đồng)", "Value (VND)"),
            "topic": ("Chủ đề", "Topic"),
            "title": ("Tiêu đề", "Title"),
            "period": ("Kỳ báo cáo", "Period"),
            "date": ("Ngày", "Date"),
            "visited_on": ("Ngày thăm", "Visit date"),
            "follow_up_due": ("Hạn theo dõi", "Follow-up due"),
            "held_on": ("Ngày tổ chức", "Date held"),
            "year": ("Năm", "Year"),
            "purposes": ("Mục đích thăm", "Purpose of the visit"),
            "note": ("Nội dung cập nhật (ghi chú, tình trạng hoặc kết quả)",
                     "What changed (a note, a status or an outcome)"),
            "done_on": ("Ngày hoàn thành", "Date done"),
            "text": ("Nội dung", "Text"),
            "section": ("Mục của báo cáo", "Section of the report"),
            "role": ("Vai trò", "Role"),
            "received_on": ("Ngày tiếp nhận", "Date received"),
            "on": ("Ngày", "Date"),
            "source": ("Nguồn tin", "Source"),
            "resolution": ("Kết quả giải quyết", "Resolution"),
            # The other fields of the register's records, as the conflicts inbox names them.
            "parent_id": ("Thuộc khu phố", "Within the area"),
            "ward_name": ("Tên phường", "Ward name"),
            "area_id": ("Khu phố, tổ", "Area"),
            "head_person_id": ("Chủ hộ", "Head of household"),
            "phone": ("Số điện thoại", "Phone"),
            "household_id": ("Hộ", "Household"),
            "gender": ("Giới tính", "Gender"),
            "birth_year": ("Năm sinh", "Year of birth"),
            "relation_to_head": ("Quan hệ với chủ hộ", "Relation to the head"),
            "id_number": ("Số CCCD", "ID number"),
            "occupation": ("Nghề nghiệp", "Occupation"),
            "moved_in_on": ("Ngày chuyển đến", "Date moved in"),
            "moved_out_on": ("Ngày chuyển đi", "Date moved out"),
            "visited_at": ("Ngày thăm", "Visit date"),
            "officer_id": ("Cán bộ", "Officer"),
            "follow_up_done_at": ("Ngày hoàn thành theo dõi", "Follow-up done on"),
            "voided": ("Đã hủy lượt thăm", "Visit voided"),
            "void_reason": ("Lý do hủy", "Reason for voiding"),
            "visit_id": ("Lượt thăm", "Visit"),
            "attendance": ("Số người tham dự", "Attendance"),
            "support": ("Hỗ trợ đã trao", "Support given"),
        }.items()},
        "register.code_taken": {
            "vi": "Mã hộ {code} đã có; hãy chọn mã khác hoặc bỏ trống để tạo mã tự động.",
            "en": "The household code {code} is taken; choose another or leave it out for an automatic one.",
        },
        "register.required": {
            "vi": "Thiếu thông tin bắt buộc: {name}.",
            "en": "Missing required field: {name}.",
        },
        "register.bad_choice": {
            "vi": "Giá trị '{value}' không hợp lệ cho {name}; chọn một trong: {choices}.",
            "en": "'{value}' is not valid for {name}; choose one of: {choices}.",
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
        # Any date of what happened (validation.not_in_future), whichever record module is loaded.
        "register.future_date": {
            "vi": "{name} ({value}) không được ở tương lai.",
            "en": "{name} ({value}) cannot be in the future.",
        },
        "register.done_before_visit": {
            "vi": "Ngày hoàn thành ({done}) không được trước ngày thăm ({visited}).",
            "en": "The date done ({done}) cannot be before the visit ({visited}).",
        },
        "register.moved_out_before_in": {
            "vi": "Ngày chuyển đi ({moved_out}) không được trước ngày chuyển đến ({moved_in}).",
            "en": "The date moved out ({moved_out}) cannot be before the date moved in ({moved_in}).",
        },
        "register.resolution_needs_closing": {
            "vi": "Kết quả giải quyết chỉ ghi khi vụ việc được giải quyết hoặc đóng: hãy chọn trạng thái "
                  "\"Đã giải quyết\" hoặc \"Đã đóng\", hoặc để trống ô này.",
            "en": "A resolution is recorded only when the case is resolved or closed: choose the status "
                  "\"Resolved\" or \"Closed\", or leave this field empty.",
        },
        "register.future_visit": {
            "vi": "Ngày thăm ({value}) không được ở tương lai.",
            "en": "The visit date ({value}) cannot be in the future.",
        },
        "register.unknown_visit": {
            "vi": "Không tìm thấy lượt thăm '{value}'.",
            "en": "No visit '{value}'.",
        },
        "register.visit_voided": {
            "vi": "Lượt thăm này đã bị hủy: khôi phục trước khi sửa.",
            "en": "This visit is voided: restore it before correcting it.",
        },
        "register.already_voided": {
            "vi": "Lượt thăm này đã được hủy (lý do: {reason}); lý do cũ được giữ nguyên.",
            "en": "This visit is already voided (reason: {reason}); the reason given then stays.",
        },
        "register.visit_changed_meanwhile": {
            "vi": "Lượt thăm này đã được sửa ở nơi khác (cửa sổ khác hoặc đồng bộ) sau khi bạn mở nó, ở chính những "
                  "mục bạn vừa sửa.",
            "en": "This visit was changed elsewhere (another window or a sync) after you opened it, in the very "
                  "fields you changed.",
        },
        "register.not_voided": {
            "vi": "Lượt thăm này chưa bị hủy: không có gì để khôi phục.",
            "en": "This visit is not voided: there is nothing to restore.",
        },
        "register.void_reason_required": {
            "vi": "Ghi lý do hủy lượt thăm (ví dụ: ghi nhầm hộ).",
            "en": "Give the reason for voiding the visit (for example: wrong household).",
        },
        "register.unknown_case": {
            "vi": "Không tìm thấy vụ việc '{value}'.",
            "en": "No case '{value}'.",
        },
        "register.support_before_birth": {
            "vi": "Ngày bắt đầu hỗ trợ ({start}) trước năm sinh của {name} ({born}).",
            "en": "The support's start ({start}) is before {name} was born ({born}).",
        },
        "register.head_moving_out": {
            "vi": "{name} là chủ hộ: hãy chọn một thành viên khác làm chủ hộ trước khi ghi {name} chuyển đi.",
            "en": "{name} is the head of the household: make another member the head before recording that "
                  "{name} moved out.",
        },
        "register.event_before_received": {
            "vi": "Ngày ghi ({on}) không được trước ngày tiếp nhận vụ việc ({received}).",
            "en": "The date ({on}) cannot be before the day the case was received ({received}).",
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
        "register.event_before_latest": {
            "vi": "Ngày ghi ({on}) không được trước lần cập nhật gần nhất của vụ việc ({latest}).",
            "en": "The date ({on}) cannot be before the case's latest update ({latest}).",
        },
        "register.visit_after_follow_up_done": {
            "vi": "Ngày thăm ({visited}) không được sau ngày đã theo dõi xong ({done}).",
            "en": "The visit date ({visited}) cannot be after the day its follow-up was done ({done}).",
        },
        "register.record_deleted": {
            "vi": "{record} {which} đã bị xóa khỏi sổ (trên máy này hoặc máy khác, qua đồng bộ); không ghi được gì "
            "vào đó nữa.",
            "en": "{record} {which} has been deleted from the register (here or on another laptop, through a sync); "
            "nothing more can be written to it.",
        },
        "register.record_deleted_unnamed": {
            "vi": "Mục này ({record}) đã bị xóa khỏi sổ (trên máy này hoặc máy khác, qua đồng bộ); không ghi được gì "
            "vào đó nữa.",
            "en": "This record ({record}) has been deleted from the register (here or on another laptop, through a "
            "sync); nothing more can be written to it.",
        },
    }
)
