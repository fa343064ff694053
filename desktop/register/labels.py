"""Display names of the register's coded values (purposes, outcomes, flags…) in Vietnamese and English.

The database stores stable codes (`welfare_check`); every screen, listing and report shows these labels.
"""

from __future__ import annotations

from desktop import i18n

_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "flag": {
        "poor": ("Hộ nghèo", "Poor household"),
        "near_poor": ("Hộ cận nghèo", "Near-poor household"),
        "elderly_alone": ("Người cao tuổi sống một mình", "Elderly living alone"),
        "disability": ("Người khuyết tật", "Disability"),
        "chronic_illness": ("Bệnh mãn tính", "Chronic illness"),
        "young_children": ("Có trẻ nhỏ", "Young children"),
        "policy_family": ("Gia đình chính sách", "Policy family"),
    },
    "purpose": {
        "welfare_check": ("Thăm hỏi", "Welfare check"),
        "food_support": ("Hỗ trợ lương thực", "Food support"),
        "medical_support": ("Hỗ trợ y tế", "Medical support"),
        "scam_awareness": ("Tuyên truyền phòng chống lừa đảo", "Scam awareness"),
        "mediation": ("Hòa giải", "Mediation"),
        "reintegration": ("Hỗ trợ tái hòa nhập", "Reintegration support"),
        "tip_follow_up": ("Xác minh tin báo", "Tip follow-up"),
        "other": ("Khác", "Other"),
    },
    "outcome": {
        "met": ("Gặp được", "Met"),
        "not_home": ("Vắng nhà", "Not home"),
        "refused": ("Từ chối", "Refused"),
    },
    "support": {
        "food": ("Lương thực", "Food"),
        "medical": ("Y tế", "Medical"),
        "cash": ("Tiền mặt", "Cash"),
        "other": ("Khác", "Other"),
    },
    "activity": {
        "meeting": ("Họp", "Meeting"),
        "forum": ("Đối thoại", "Forum"),
        "awareness_session": ("Tuyên truyền", "Awareness session"),
        "training": ("Tập huấn", "Training"),
        "patrol": ("Tuần tra", "Patrol"),
    },
    "case_kind": {
        "tip": ("Tin báo", "Tip"),
        "dispute": ("Tranh chấp", "Dispute"),
        "complaint": ("Khiếu nại, phản ánh", "Complaint"),
        "reintegration": ("Tái hòa nhập", "Reintegration"),
    },
    "case_status": {
        "open": ("Mới tiếp nhận", "Open"),
        "in_progress": ("Đang xử lý", "In progress"),
        "resolved": ("Đã giải quyết", "Resolved"),
        "referred": ("Đã chuyển", "Referred"),
        "closed": ("Đã đóng", "Closed"),
    },
    "tip_status": {
        "received": ("Mới tiếp nhận", "Received"),
        "verified": ("Đã xác minh", "Verified"),
        "forwarded_police": ("Đã chuyển công an", "Forwarded to the police"),
        "closed": ("Đã kết thúc", "Closed"),
    },
    "mediation_result": {
        "pending": ("Chưa có kết quả", "No result yet"),
        "successful": ("Hòa giải thành", "Successful"),
        "unsuccessful": ("Hòa giải không thành", "Not successful"),
        "referred": ("Chuyển cơ quan có thẩm quyền", "Referred"),
    },
    "model_kind": {
        "safe_area": ("Khu dân cư an toàn về ANTT", "Safe residential area"),
        "security_camera": ("Camera an ninh", "Security cameras"),
        "self_managed_group": ("Tổ tự quản", "Self-managed group"),
        "fire_safety": ("Tổ liên gia an toàn PCCC", "Fire safety group"),
        "other": ("Mô hình khác", "Other model"),
    },
    "model_status": {
        "building": ("Đang xây dựng", "Being set up"),
        "active": ("Đang hoạt động", "Active"),
        "stopped": ("Ngừng hoạt động", "Stopped"),
    },
    "commendation_status": {
        "proposed": ("Đề xuất", "Proposed"),
        "approved": ("Được duyệt", "Approved"),
        "declined": ("Không duyệt", "Declined"),
    },
    "gender": {"male": ("Nam", "Male"), "female": ("Nữ", "Female"), "other": ("Khác", "Other")},
    "area_kind": {"khu_pho": ("Khu phố", "Khu phố"), "to_dan_pho": ("Tổ dân phố", "Tổ dân phố"), "ap": ("Ấp", "Ấp")},
    "household_status": {"active": ("Đang cư trú", "Living here"), "moved_out": ("Đã chuyển đi", "Moved out")},
    "role": {
        "officer": ("Cán bộ", "Officer"),
        "team_lead": ("Tổ trưởng", "Team lead"),
        "admin": ("Quản trị", "Admin"),
    },
    "record": {
        "areas": ("Khu phố, tổ", "Area"),
        "households": ("Hộ", "Household"),
        "people": ("Nhân khẩu", "Person"),
        "visits": ("Lượt thăm", "Visit"),
        "support_items": ("Hỗ trợ", "Support given"),
        "activities": ("Hoạt động", "Activity"),
        "cases": ("Vụ việc", "Case"),
        "case_events": ("Diễn biến vụ việc", "Case event"),
        "commendations": ("Khen thưởng", "Commendation"),
        "reintegration": ("Hỗ trợ tái hòa nhập", "Reintegration support"),
        "community_models": ("Mô hình ở khu dân cư", "Community model"),
        "community_model_counts": ("Số thành viên mô hình", "Community model members"),
        "review_notes": ("Nội dung báo cáo", "Report text"),
        "users": ("Tài khoản", "Account"),
        "campaigns": ("Đợt rà soát", "Sweep"),
        "campaign_questions": ("Câu hỏi rà soát", "Sweep question"),
        "campaign_assignments": ("Phân công rà soát", "Sweep assignment"),
        "campaign_results": ("Kết quả rà soát hộ", "Household sweep status"),
        "campaign_answers": ("Câu trả lời rà soát", "Sweep answer"),
        "audit_log": ("Nhật ký truy cập", "Audit log entry"),
    },
    "change": {"insert": ("thêm", "add"), "update": ("sửa", "change"), "delete": ("xoá", "delete")},
}

i18n.register(
    {f"{group}.{code}": {"vi": vi, "en": en} for group, codes in _LABELS.items() for code, (vi, en) in codes.items()}
)
# A household's flag fields (`flag_poor`…) are named as the flags themselves.
i18n.register({f"field.flag_{code}": {"vi": vi, "en": en} for code, (vi, en) in _LABELS["flag"].items()})


def label(group: str, code: str | None, lang: str | None = None) -> str:
    """`label("purpose", "mediation")` → "Hòa giải"; unknown or empty codes show as themselves."""
    if not code:
        return ""
    msg_id = f"{group}.{code}"
    return i18n.tr(msg_id, lang) if i18n.has_message(msg_id) else code


def labels(group: str, codes: str | list[str] | None, lang: str | None = None) -> str:
    """Labels of a comma-separated set of codes, joined with ', '."""
    if not codes:
        return ""
    items = codes.split(",") if isinstance(codes, str) else codes
    return ", ".join(label(group, code, lang) for code in items)
