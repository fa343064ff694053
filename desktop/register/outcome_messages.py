"""Messages of the outcome records (a case's outcome, the reintegration register, community models), vi and en."""

from desktop import i18n

i18n.register(
    {
        "register.no_outcome_for_kind": {
            "vi": "Vụ việc loại “{kind}” không có kết quả xử lý tin báo hay kết quả hòa giải.",
            "en": "A case of kind “{kind}” has no tip status or mediation result.",
        },
        "register.bad_outcome": {
            "vi": "Kết quả '{value}' không dùng được cho vụ việc loại “{kind}”; chọn một trong: {choices}.",
            "en": "'{value}' is not an outcome of a case of kind “{kind}”; choose one of: {choices}.",
        },
        "register.unknown_reintegration": {
            "vi": "Không tìm thấy hồ sơ hỗ trợ tái hòa nhập '{value}'.",
            "en": "No reintegration support record '{value}'.",
        },
        "register.reintegration_open": {
            "vi": "{name} đang được hỗ trợ tái hòa nhập (từ {since}); kết thúc đợt đó trước khi mở đợt mới.",
            "en": "{name} is already under reintegration support (since {since}); end it before starting another.",
        },
        "register.end_before_start": {
            "vi": "Ngày kết thúc ({end}) không được trước ngày bắt đầu ({start}).",
            "en": "The end date ({end}) cannot be before the start date ({start}).",
        },
        "register.already_ended": {
            "vi": "Đợt hỗ trợ này đã kết thúc ngày {end}.",
            "en": "This support already ended on {end}.",
        },
        "register.person_not_unique": {
            "vi": "'{name}' khớp với {count} người; hãy gõ đủ họ tên hoặc chọn đúng người.",
            "en": "'{name}' matches {count} people; type the full name or pick the person.",
        },
        "register.unknown_officer": {
            "vi": "Không tìm thấy cán bộ '{value}'.",
            "en": "No officer '{value}'.",
        },
        "register.unknown_model": {
            "vi": "Không tìm thấy mô hình '{value}'.",
            "en": "No community model '{value}'.",
        },
        "register.unknown_model_count": {
            "vi": "Không tìm thấy lần đếm số thành viên '{value}' (có thể đã được xóa).",
            "en": "No member count '{value}' (it may have been removed already).",
        },
        "register.count_before_recognised": {
            "vi": "Ngày đếm số thành viên ({day}) không được trước ngày công nhận mô hình ({recognised}).",
            "en": "The day the members were counted ({day}) cannot be before the day the model was recognised "
            "({recognised}).",
        },
        "register.count_needs_members": {
            "vi": "Ngày đếm số thành viên đi cùng một số thành viên: hãy nhập cả số thành viên.",
            "en": "A day of counting goes with a number of members: enter the number too.",
        },
        "register.stopped_needs_status": {
            "vi": "Ngày ngừng hoạt động chỉ dùng cho mô hình đã ngừng hoạt động: hãy chọn cả tình trạng đó.",
            "en": "The date stopped is only for a model that has stopped: choose that status too.",
        },
        "register.model_needs_date": {
            "vi": "Mô hình “{status}” cần có {name}.",
            "en": "A model that is “{status}” needs this date: {name}.",
        },
        **{f"field.{key}": {"vi": vi, "en": en} for key, (vi, en) in {
            "outcome": ("Kết quả", "Outcome"),
            "person": ("Người được hỗ trợ", "Person supported"),
            "officer": ("Cán bộ phụ trách", "Officer responsible"),
            "started_on": ("Ngày bắt đầu", "Start date"),
            "ended_on": ("Ngày kết thúc", "End date"),
            "members": ("Số thành viên", "Members"),
            "members_on": ("Ngày đếm số thành viên", "Date the members were counted"),
            "recognised_on": ("Ngày công nhận", "Date recognised"),
            "stopped_on": ("Ngày ngừng hoạt động", "Date stopped"),
            "kind": ("Loại", "Kind"),
            "status": ("Tình trạng", "Status"),
            # The other fields of cases, their events, commendations and models, as the conflicts inbox names them.
            "person_id": ("Người liên quan", "Person concerned"),
            "assignee_id": ("Cán bộ thụ lý", "Officer in charge"),
            "due_on": ("Hạn giải quyết", "Due date"),
            "resolved_on": ("Ngày giải quyết xong", "Date resolved"),
            "tip_status": ("Kết quả xử lý tin báo", "Tip status"),
            "mediation_result": ("Kết quả hòa giải", "Mediation result"),
            "case_id": ("Vụ việc", "Case"),
            "at": ("Ngày cập nhật", "Date of the update"),
            "new_status": ("Tình trạng mới", "New status"),
            "new_outcome": ("Kết quả mới", "New outcome"),
            "model_id": ("Mô hình", "Community model"),
            "counted_on": ("Ngày đếm số thành viên", "Date the members were counted"),
            "reintegration.person_id": ("Người được hỗ trợ", "Person supported"),
            "commendations.person_id": ("Người được khen thưởng", "Person commended"),
        }.items()},
        "register.record_kept_by_other": {
            "vi": "{name} đã có hồ sơ do cán bộ khác phụ trách; hãy hỏi tổ trưởng trước khi lập hồ sơ mới.",
            "en": "{name} already has a record kept by another officer; ask your team lead before making a new one.",
        },
    }
)
