"""Messages of `wardbook case`, `wardbook reintegration` and `wardbook model`, in Vietnamese and English."""

from desktop import i18n
from desktop.register import outcome_messages  # noqa: F401  (the register's messages these commands show)

i18n.register({
    "cli.case_added": {"vi": "Đã mở vụ việc {id}.", "en": "Opened case {id}."},
    "cli.case_updated": {"vi": "Đã ghi diễn biến vụ việc {id}.", "en": "Recorded an event of case {id}."},
    "cli.unknown_user": {"vi": "Không có tài khoản '{value}'.", "en": "No account '{value}'."},
    "cli.reintegration_added": {"vi": "Đã ghi hỗ trợ tái hòa nhập {id}.", "en": "Recorded reintegration support {id}."},
    "cli.reintegration_ended": {"vi": "Đã kết thúc hỗ trợ tái hòa nhập {id}.",
                                "en": "Ended reintegration support {id}."},
    "cli.model_added": {"vi": "Đã ghi mô hình {id}.", "en": "Recorded community model {id}."},
    "cli.model_updated": {"vi": "Đã sửa mô hình {id}: {fields}.", "en": "Updated community model {id}: {fields}."},
    "cli.model_unchanged": {"vi": "Mô hình {id} không có gì thay đổi.", "en": "Community model {id}: nothing changed."},
    "cli.model_count_removed": {"vi": "Đã xóa lần đếm {id}.", "en": "Removed member count {id}."},
    "col.case_kind": {"vi": "Loại", "en": "Kind"},
    "col.case_title": {"vi": "Nội dung", "en": "Title"},
    "col.case_outcome": {"vi": "Kết quả xử lý", "en": "Outcome"},
    "col.received": {"vi": "Tiếp nhận", "en": "Received"},
    "col.person": {"vi": "Người được hỗ trợ", "en": "Person"},
    "col.started": {"vi": "Bắt đầu", "en": "Started"},
    "col.ended": {"vi": "Kết thúc", "en": "Ended"},
    "col.officer_responsible": {"vi": "Cán bộ phụ trách", "en": "Officer"},
    "col.model_name": {"vi": "Tên mô hình", "en": "Model"},
    "col.model_kind": {"vi": "Loại mô hình", "en": "Kind"},
    "col.model_members": {"vi": "Thành viên", "en": "Members"},
    "col.counted_on": {"vi": "Ngày đếm", "en": "Counted on"},
    "col.recognised": {"vi": "Ngày công nhận", "en": "Recognised"},
})
