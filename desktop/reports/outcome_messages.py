"""Texts of the review's outcome section (tips, mediation, reintegration, community models), vi and en."""

from desktop import i18n

_MESSAGES: dict[str, tuple[str, str]] = {
    "outcomes_heading": (
        "Kết quả xử lý tin báo, hòa giải, giúp đỡ người tái hòa nhập cộng đồng và xây dựng mô hình",
        "Tips, mediation, reintegration support and community models",
    ),
    "outcomes_tips": (
        "Trong kỳ tiếp nhận {total} tin báo; tính đến ngày {cutoff}: đã xác minh {verified}, đã chuyển cơ quan "
        "công an {forwarded}, đã kết thúc {closed}, còn {received} tin báo chưa xác minh.",
        "In the period, {total} tips were received; as of {cutoff}: {verified} verified, {forwarded} forwarded "
        "to the police, {closed} closed, {received} not yet verified.",
    ),
    "outcomes_mediation": (
        "Tiếp nhận {total} vụ tranh chấp, khiếu nại; đã hòa giải thành {successful} vụ, không thành "
        "{unsuccessful} vụ, chuyển cơ quan có thẩm quyền {referred} vụ, {pending} vụ chưa có kết quả; tỷ lệ hòa "
        "giải thành đạt {rate} số vụ đã có kết quả.",
        "{total} disputes and complaints were received; mediation succeeded in {successful}, failed in "
        "{unsuccessful}, {referred} were referred to the competent body and {pending} have no result yet; "
        "{rate} of those with a result were settled.",
    ),
    "outcomes_mediation_none": (
        "Tiếp nhận {total} vụ tranh chấp, khiếu nại; chưa vụ nào có kết quả hòa giải.",
        "{total} disputes and complaints were received; none has a mediation result yet.",
    ),
    "outcomes_reintegration": (
        "Tính đến ngày {cutoff}, có {active} người đang được giúp đỡ tái hòa nhập cộng đồng (đầu kỳ {at_start}); "
        "trong kỳ có {started} người bắt đầu và {ended} người kết thúc thời gian giúp đỡ.",
        "As of {cutoff}, {active} people are under reintegration support ({at_start} at the start of the "
        "period); {started} started and {ended} ended their support in the period.",
    ),
    "outcomes_models": (
        "Tính đến ngày {cutoff}, có {active} mô hình đang hoạt động với {members} thành viên, {building} mô hình "
        "đang xây dựng; trong kỳ công nhận mới {recognised} mô hình, {stopped} mô hình ngừng hoạt động.",
        "As of {cutoff}, {active} community models are active with {members} members and {building} are being "
        "set up; {recognised} were recognised and {stopped} stopped in the period.",
    ),
    "table_tips": ("Tin báo tiếp nhận trong kỳ theo kết quả xử lý", "Tips received in the period, by status"),
    "table_mediation": (
        "Tranh chấp, khiếu nại tiếp nhận trong kỳ theo kết quả hòa giải",
        "Disputes and complaints received in the period, by mediation result",
    ),
    "table_reintegration": ("Giúp đỡ người tái hòa nhập cộng đồng", "Reintegration support"),
    "table_models": (
        "Mô hình ở khu dân cư theo loại và tình trạng",
        "Community models, by kind and status",
    ),
    "col_tip_status": ("Kết quả xử lý", "Status"),
    "col_tips": ("Số tin báo", "Tips"),
    "col_result": ("Kết quả hòa giải", "Result"),
    "col_model_kind": ("Loại mô hình", "Kind of model"),
    "col_members": ("Thành viên", "Members"),
    "col_people": ("Số người", "People"),
    "reint_at_start": ("Đang được giúp đỡ đầu kỳ", "Under support at the start of the period"),
    "reint_started": ("Bắt đầu được giúp đỡ trong kỳ", "Started in the period"),
    "reint_ended": ("Kết thúc trong kỳ", "Ended in the period"),
    "reint_active": ("Đang được giúp đỡ tại ngày chốt số liệu", "Under support at the cut-off day"),
}

i18n.register({f"reports.{key}": {"vi": vi, "en": en} for key, (vi, en) in _MESSAGES.items()})
