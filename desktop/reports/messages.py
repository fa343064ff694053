"""Texts of the reports (labels, sentences, column titles, errors), Vietnamese first, then English."""

from desktop import i18n

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)

_MESSAGES: dict[str, tuple[str, str]] = {
    # errors and progress
    "bad_period": (
        "Kỳ báo cáo không hợp lệ: ngày bắt đầu {start} sau ngày kết thúc {end}.",
        "Invalid period: the start {start} is after the end {end}.",
    ),
    "bad_period_code": (
        "Kỳ báo cáo không hợp lệ: '{value}' (ví dụ 2026-06, 2026-Q2, 2026-H1, 2026).",
        "Invalid period: '{value}' (e.g. 2026-06, 2026-Q2, 2026-H1, 2026).",
    ),
    "cancelled": ("Đã hủy lập báo cáo; không có tệp nào được ghi.", "Report cancelled; no file was written."),
    "commendation_whom": (
        "Đề xuất khen thưởng cho một người dân hoặc một cán bộ (chọn một).",
        "A commendation is proposed for one resident or one officer (choose one).",
    ),
    "no_such_officer": ("Không tìm thấy cán bộ '{value}'.", "No officer '{value}'."),
    "unknown_commendation": ("Không tìm thấy đề xuất khen thưởng '{value}'.", "No commendation '{value}'."),
    "progress_figures": ("Đang tính số liệu", "Computing figures"),
    "progress_layout": ("Đang dàn trang", "Laying out pages"),
    "none": ("Không có", "None"),
    # periods and dates
    "period_month": ("tháng {month} năm {year}", "month {month} of {year}"),
    "period_quarter": ("quý {roman} năm {year}", "quarter {roman} of {year}"),
    "period_half1": ("6 tháng đầu năm {year}", "the first half of {year}"),
    "period_half2": ("6 tháng cuối năm {year}", "the second half of {year}"),
    "period_year": ("năm {year}", "the year {year}"),
    "period_range": ("từ ngày {start} đến ngày {end}", "from {start} to {end}"),
    "date_line": ("{place}, ngày {day} tháng {month} năm {year}", "{place}, {day_plain} {month_name} {year}"),
    "written_date": ("ngày {day} tháng {month} năm {year}", "{day_plain} {month_name} {year}"),
    "addressee": ("Kính gửi: {to}", "To: {to}"),
    # the title block and the closing block
    "national_title": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "number_line": ("Số:        /{kind}-{symbol}", "No.:        /{kind}-{symbol}"),
    "recipients": ("Nơi nhận:", "Recipients:"),
    "default_recipient_above": ("Lãnh đạo đơn vị (để báo cáo);", "Unit leadership (for information);"),
    "default_recipient_archive": ("Lưu: VT.", "Archive: VT."),
    "default_issuing_body": ("ỦY BAN NHÂN DÂN {ward}", "PEOPLE'S COMMITTEE OF {ward}"),
    "default_issuer_name": ("Ủy ban nhân dân {ward}", "the People's Committee of {ward}"),
    "default_symbol": ("UBND", "UBND"),
    "default_place": ("Thành phố Hồ Chí Minh", "Ho Chi Minh City"),
    # no ward name yet: a dotted line for the clerk to write it by hand, as on a paper form
    "default_ward": ("PHƯỜNG ………………", "WARD ………………"),
    "default_ward_in_text": ("phường ………………", "ward ………………"),
    "missing_ward_name": (
        "Cảnh báo: chưa có tên phường: tiêu đề báo cáo in “ỦY BAN NHÂN DÂN PHƯỜNG ………………” để ghi tay. Quản trị viên "
        "nhập tên phường một lần: wardbook setting report.ward_name \"Phường …\".",
        "Warning: the ward's name is not set: the report's heading prints “WARD ………………” to be filled in by hand. An "
        "administrator sets it once: wardbook setting report.ward_name \"Phường …\".",
    ),
    "default_signer_post": ("CHỦ TỊCH", "CHAIRPERSON"),
    "default_signer_capacity": ("TM. ỦY BAN NHÂN DÂN", "ON BEHALF OF THE PEOPLE'S COMMITTEE"),
    # the review's text
    "kind_report": ("BÁO CÁO", "REPORT"),
    "review_summary_interim": (
        "Sơ kết công tác địa bàn {period}{scope}",
        "Review of the field work, {period}{scope}",
    ),
    "review_summary_annual": (
        "Tổng kết công tác địa bàn {period}{scope}",
        "Annual review of the field work, {period}{scope}",
    ),
    "scope_area": (" tại {area}", " in {area}"),
    "intro": (
        "Thực hiện nhiệm vụ được giao, đơn vị báo cáo kết quả công tác địa bàn {period}{scope} (từ ngày "
        "{start} đến ngày {end}; số liệu tính đến ngày {cutoff}) như sau:",
        "As assigned, the unit reports the results of its field work for {period}{scope} (from {start} to "
        "{end}; figures as of {cutoff}) as follows:",
    ),
    "sec_general": ("I. TÌNH HÌNH CHUNG", "I. OVERVIEW"),
    "text_general": (
        "Địa bàn hiện có {households} hộ đang cư trú với {people} nhân khẩu, thuộc {areas} khu phố.",
        "The area has {households} resident households with {people} people in {areas} neighbourhoods.",
    ),
    "sec_results": ("II. KẾT QUẢ THỰC HIỆN", "II. RESULTS"),
    "sub_visits": ("1. Thăm hộ và mức độ bao phủ", "1. Household visits and coverage"),
    "text_visits_no_households": (
        "Trong kỳ, cán bộ đã thực hiện {visits} lượt thăm hộ; tính đến ngày {cutoff}, địa bàn không có hộ đang cư "
        "trú nên không có tỷ lệ hộ được thăm.",
        "In the period, officers made {visits} household visits; as of {cutoff} the area had no resident "
        "household, so there is no coverage rate.",
    ),
    "text_visits_none": (
        "Trong kỳ không có lượt thăm hộ nào; tính đến ngày {cutoff}, địa bàn không có hộ đang cư trú.",
        "No household was visited in the period; as of {cutoff} the area had no resident household.",
    ),
    "text_visits": (
        "Trong kỳ, cán bộ đã thực hiện {visits} lượt thăm hộ, đến được {visited}/{households} hộ, đạt "
        "{rate}; còn {not_visited} hộ chưa được thăm trong kỳ, trong đó {never} hộ chưa từng được thăm.",
        "In the period, officers made {visits} household visits, reaching {visited}/{households} "
        "households ({rate}); {not_visited} households were not visited in the period, {never} of them "
        "never.",
    ),
    "purpose_note": (
        "Một lượt thăm có thể có nhiều mục đích nên tổng theo mục đích có thể lớn hơn tổng số lượt thăm.",
        "A visit may have several purposes, so the purposes may add up to more than the visits.",
    ),
    "sub_support": ("2. Hỗ trợ hộ dân", "2. Support to households"),
    "text_support": (
        "Trong kỳ đã trao {items} lượt hỗ trợ với tổng giá trị {value} đồng.",
        "In the period, {items} support items were delivered, worth {value} VND in total.",
    ),
    "text_no_support": (
        "Trong kỳ không có hỗ trợ nào được ghi nhận.",
        "No support was recorded in the period.",
    ),
    "sub_follow_ups": ("3. Theo dõi sau thăm", "3. Follow-ups"),
    "text_follow_ups": (
        "Các lượt thăm trong kỳ đặt ra {total} việc cần theo dõi: đã hoàn thành {done}, chưa hoàn "
        "thành {open}, trong đó {overdue} việc quá hạn. Tính đến ngày {cutoff}, có {households} hộ "
        "có việc theo dõi quá hạn (Bảng 2).",
        "The period's visits set {total} follow-ups: {done} done, {open} not done, of which "
        "{overdue} overdue. As of {cutoff}, {households} households have an overdue follow-up "
        "(Table 2).",
    ),
    "sub_cases": ("4. Tiếp nhận và giải quyết vụ việc", "4. Cases received and resolved"),
    "text_cases": (
        "Trong kỳ tiếp nhận {total} vụ việc; đã giải quyết, kết thúc {resolved} vụ việc với thời gian "
        "giải quyết trung bình {mean} ngày.",
        "In the period, {total} cases were received; {resolved} were resolved or closed, in {mean} "
        "days on average.",
    ),
    "text_cases_unresolved": (
        "Trong kỳ tiếp nhận {total} vụ việc; chưa có vụ việc nào được giải quyết xong.",
        "In the period, {total} cases were received; none has been resolved yet.",
    ),
    "sub_activities": ("5. Hoạt động cộng đồng", "5. Community activities"),
    "text_activities": (
        "Trong kỳ đã tổ chức {count} hoạt động với {attendance} lượt người tham dự (Phụ lục {annex}).",
        "In the period, {count} activities were held with {attendance} attendees (Annex {annex}).",
    ),
    "text_no_activities": (
        "Trong kỳ không tổ chức hoạt động cộng đồng nào.",
        "No community activities were held in the period.",
    ),
    "sub_officers": ("6. Kết quả công tác của cán bộ", "6. Work of the officers"),
    "sub_commendations": ("7. Đề xuất khen thưởng", "7. Proposed commendations"),
    "text_no_commendations": ("Trong kỳ không có đề xuất khen thưởng.", "No commendation was proposed."),
    "sec_issues": ("III. TỒN TẠI, HẠN CHẾ", "III. SHORTCOMINGS"),
    "text_issues": (
        "Còn {not_visited} hộ chưa được thăm trong kỳ và {overdue} hộ có việc theo dõi quá hạn (số hộ "
        "theo khu phố tại Bảng 2; danh sách hộ in theo danh sách hộ cần thăm của từng khu phố). Đề nghị "
        "các tổ công tác bố trí đến thăm và hoàn thành các việc theo dõi trong kỳ tới.",
        "{not_visited} households were not visited in the period and {overdue} households have an "
        "overdue follow-up (counts by neighbourhood in Table 2; the households are listed in each "
        "neighbourhood's walk list). The teams should visit them and complete the follow-ups in the "
        "next period.",
    ),
    "closing": (
        "Trên đây là báo cáo kết quả công tác địa bàn {period}{scope}.",
        "This concludes the report on the field work for {period}{scope}.",
    ),
    "annex_label": ("Phụ lục {number}", "Annex {number}"),
    "annex_reference": (
        "(Kèm theo Báo cáo số{blank}/{kind}-{symbol} {date} của {issuer})",
        "(Attached to report No.{blank}/{kind}-{symbol} of {date} by {issuer})",
    ),
    "table_caption": ("Bảng {number}. {title}", "Table {number}. {title}"),
    "chart_caption": ("Biểu đồ {number}. {title}", "Chart {number}. {title}"),
    "chart_coverage": ("Tỷ lệ hộ được thăm theo khu phố", "Share of households visited, by neighbourhood"),
    "chart_visits_month": ("Số lượt thăm theo tháng", "Visits per month"),
    # tables
    "table_summary": ("Các chỉ tiêu chính", "Key figures"),
    "table_coverage": ("Kết quả thăm hộ theo khu phố", "Households visited, by neighbourhood"),
    "table_month": ("Số lượt thăm theo tháng", "Visits per month"),
    "table_purpose": ("Lượt thăm theo mục đích", "Visits by purpose"),
    "table_outcome": ("Lượt thăm theo kết quả", "Visits by outcome"),
    "table_support": ("Hỗ trợ đã trao", "Support delivered"),
    "table_follow_ups": ("Việc theo dõi sau thăm", "Follow-ups"),
    "table_cases": ("Vụ việc tiếp nhận theo loại và tình trạng", "Cases received, by kind and status"),
    "table_activities": ("Hoạt động cộng đồng", "Community activities"),
    "table_officers": ("Kết quả công tác của cán bộ", "Work of the officers"),
    "table_commendations": ("Đề xuất khen thưởng", "Proposed commendations"),
    "annex_not_visited": ("Danh sách hộ chưa được thăm trong kỳ", "Households not visited in the period"),
    "annex_overdue": ("Danh sách hộ có việc theo dõi quá hạn", "Households with an overdue follow-up"),
    "annex_activities": ("Danh sách hoạt động cộng đồng", "Community activities held"),
    "total": ("Cộng", "Total"),
    "no_area": ("(Chưa có khu phố)", "(No neighbourhood)"),
    "never": ("Chưa từng thăm", "Never visited"),
    "unknown_officer": ("(Không rõ cán bộ)", "(Unknown officer)"),
    "col_indicator": ("Nội dung", "Figure"),
    "col_now": ("Kỳ này", "This period"),
    "col_previous": ("Kỳ trước", "Previous period"),
    "col_previous_year": ("Năm trước", "Previous year"),
    "col_last_year": ("Cùng kỳ năm trước", "Same period last year"),
    "col_change": ("Tăng (+), giảm (-)", "Change"),
    "col_target": ("Chỉ tiêu giao", "Target"),
    "col_value": ("Số liệu", "Value"),
    "col_unit": ("Đơn vị tính", "Unit"),
    "col_area": ("Khu phố", "Neighbourhood"),
    "col_households": ("Số hộ", "Households"),
    "col_visited": ("Hộ đã thăm", "Visited"),
    "col_rate": ("Tỷ lệ", "Share"),
    "col_never_visited": ("Hộ chưa từng thăm", "Never visited"),
    "col_not_visited": ("Hộ chưa thăm trong kỳ", "Not visited in the period"),
    "col_households_overdue": ("Hộ có việc quá hạn", "With an overdue follow-up"),
    "col_last_officer": ("Cán bộ thăm lần gần nhất", "Officer of the last visit"),
    "table_not_visited_by_officer": (
        "Hộ chưa được thăm trong kỳ theo cán bộ phụ trách lần thăm gần nhất",
        "Households not visited in the period, by the officer of their last visit",
    ),
    "col_purpose": ("Mục đích", "Purpose"),
    "col_outcome": ("Kết quả", "Outcome"),
    "col_month": ("Tháng", "Month"),
    "col_visits": ("Lượt thăm", "Visits"),
    "col_kind": ("Loại hỗ trợ", "Kind"),
    "col_items": ("Số lượt", "Items"),
    "col_quantity": ("Số lượng", "Quantity"),
    "col_value_vnd": ("Giá trị (đồng)", "Value (VND)"),
    "col_follow_ups_total": ("Tổng số việc", "Follow-ups"),
    "col_done": ("Đã hoàn thành", "Done"),
    "col_open": ("Chưa hoàn thành", "Not done"),
    "col_overdue": ("Trong đó quá hạn", "Of which overdue"),
    "col_case_kind": ("Loại vụ việc", "Kind of case"),
    "col_total": ("Tổng", "Total"),
    "col_mean_days": ("Số ngày giải quyết trung bình", "Mean days to resolve"),
    "col_activity_kind": ("Loại hoạt động", "Kind"),
    "col_sessions": ("Số buổi", "Sessions"),
    "col_attendance": ("Lượt người dự", "Attendance"),
    "col_officer": ("Cán bộ", "Officer"),
    "col_households_visited": ("Hộ được thăm", "Households"),
    "col_activities": ("Hoạt động", "Activities"),
    "col_cases": ("Vụ việc được giao", "Cases assigned"),
    "col_no": ("STT", "No."),
    "col_name": ("Họ và tên", "Full name"),
    "col_reason": ("Thành tích", "Achievement"),
    "col_status": ("Tình trạng", "Status"),
    "col_code": ("Mã hộ", "Code"),
    "col_address": ("Địa chỉ", "Address"),
    "col_head": ("Chủ hộ", "Head of household"),
    "col_last_visit": ("Lần thăm gần nhất", "Last visit"),
    "col_first_due": ("Hạn sớm nhất", "Earliest due"),
    "col_open_count": ("Số việc", "Count"),
    "col_date": ("Ngày", "Date"),
    "col_topic": ("Nội dung", "Topic"),
    "reprint_changed": (
        "Số liệu khác với bản in lúc {at} ({who}), cùng tính đến ngày chốt: {changes}. Nếu bản đó đã được ký và "
        "gửi đi, hãy đối chiếu trước khi dùng bản này.",
        "The figures differ from the copy printed at {at} ({who}), counted as of the same day: {changes}. If that "
        "copy was signed and sent, compare the two before using this one.",
    ),
    "reprint_change": ("{figure} {before} → {after}", "{figure} {before} → {after}"),
    "fact_households": ("Hộ đang cư trú", "Resident households"),
    "fact_people": ("Nhân khẩu", "People"),
    "fact_visits": ("Lượt thăm hộ trong kỳ", "Visits in the period"),
    "fact_households_visited": ("Hộ được thăm ít nhất một lần", "Households visited at least once"),
    "fact_coverage": ("Tỷ lệ hộ được thăm", "Share of households visited"),
    "fact_not_visited": ("Hộ chưa được thăm trong kỳ", "Households not visited in the period"),
    "fact_never_visited": ("Hộ chưa từng được thăm", "Households never visited"),
    "fact_support_value": ("Giá trị hỗ trợ đã trao", "Value of support delivered"),
    "fact_follow_ups_total": ("Việc theo dõi phát sinh", "Follow-ups set"),
    "fact_follow_ups_done": ("Việc theo dõi đã hoàn thành", "Follow-ups done"),
    "fact_follow_ups_open": ("Việc theo dõi chưa hoàn thành", "Follow-ups not done"),
    "fact_follow_ups_overdue": (
        "Việc theo dõi quá hạn (trong số việc phát sinh trong kỳ)",
        "Follow-ups overdue (of those set in the period)",
    ),
    "fact_households_overdue": (
        "Hộ có việc theo dõi quá hạn (mọi kỳ, tính đến ngày chốt số liệu)",
        "Households with an overdue follow-up (set in any period, as of the cut-off)",
    ),
    "fact_cases_received": ("Vụ việc tiếp nhận", "Cases received"),
    "fact_activities": ("Hoạt động cộng đồng", "Community activities"),
    "fact_attendance": ("Lượt người dự hoạt động", "Attendance at activities"),
    "fact_tips_received": ("Tin báo, tố giác tiếp nhận", "Tips received"),
    "fact_tips_forwarded": ("Tin báo đã chuyển cơ quan công an", "Tips forwarded to the police"),
    "fact_mediations_decided": ("Vụ hòa giải đã có kết quả", "Mediations with a result"),
    "fact_mediation_success": ("Tỷ lệ hòa giải thành (trong số vụ có kết quả)",
                               "Mediations that succeeded (of those with a result)"),
    "fact_reintegration_active": ("Người đang được hỗ trợ tái hòa nhập (ngày chốt số liệu)",
                                  "People under reintegration support (at the cut-off)"),
    "fact_models_active": ("Mô hình ở khu dân cư đang hoạt động", "Community models active"),
    "fact_model_members": ("Thành viên các mô hình đang hoạt động", "Members of the active models"),
    "unit_household": ("hộ", "households"),
    "unit_person": ("người", "people"),
    "unit_visit": ("lượt", "visits"),
    "unit_percent": ("%", "%"),
    "unit_thousand_vnd": ("nghìn đồng", "thousand VND"),
    "unit_task": ("việc", "tasks"),
    "unit_case": ("vụ việc", "cases"),
    "unit_session": ("buổi", "sessions"),
    "unit_attendee": ("lượt người", "attendees"),
    "unit_model": ("mô hình", "models"),
    # walk list
    "kind_list": ("DANH SÁCH", "LIST"),
    "walk_summary": ("Hộ dân cần đến thăm tại {area}", "Households to visit in {area}"),
    "walk_summary_ward": ("Hộ dân cần đến thăm toàn phường", "Households to visit in the whole ward"),
    "walk_filters": ("Điều kiện lọc: {filters}.", "Filters: {filters}."),
    "walk_no_filter": ("tất cả các hộ đang cư trú", "all resident households"),
    "walk_not_visited_days": (
        "chưa được thăm trong {days} ngày (tính đến ngày {today})",
        "not visited in {days} days (as of {today})",
    ),
    "walk_never_visited": ("chưa từng được thăm", "never visited"),
    "walk_overdue": ("có việc theo dõi quá hạn", "with an overdue follow-up"),
    "walk_overdue_count": ("{count} quá hạn", "{count} overdue"),
    "walk_count": ("Tổng số: {count} hộ.", "Total: {count} households."),
    "col_open_follow_ups": ("Việc theo dõi chưa xong", "Open follow-ups"),
    "col_flags": ("Diện hộ", "Flags"),
    "col_visited_tick": ("Đã đến", "Visited"),
    "col_notes": ("Ghi chú", "Notes"),
    "walk_prepared_by": ("NGƯỜI LẬP", "PREPARED BY"),
    "sign_and_name": ("(Ký, ghi rõ họ tên)", "(Signature and full name)"),
    # household sheet
    "kind_sheet": ("PHIẾU THÔNG TIN HỘ", "HOUSEHOLD SHEET"),
    "sheet_summary": ("Hộ {code}, {address}", "Household {code}, {address}"),
    "sheet_privacy": (
        "Tài liệu có thông tin cá nhân, chỉ sử dụng cho công tác; không sao chép, cung cấp cho người "
        "không có trách nhiệm.",
        "This document holds personal data: for official use only; do not copy or pass it on.",
    ),
    "sheet_general": ("I. THÔNG TIN CHUNG", "I. GENERAL"),
    "sheet_members": ("II. NHÂN KHẨU", "II. MEMBERS"),
    "sheet_visits": ("III. LỊCH SỬ THĂM HỘ", "III. VISITS"),
    "sheet_cases": ("IV. VỤ VIỆC LIÊN QUAN", "IV. CASES"),
    "col_gender": ("Giới tính", "Gender"),
    "col_birth_year": ("Năm sinh", "Born"),
    "col_relation": ("Quan hệ với chủ hộ", "Relation to head"),
    "col_phone": ("Điện thoại", "Phone"),
    "col_id_number": ("Số định danh", "ID number"),
    "col_purposes": ("Mục đích", "Purposes"),
    "col_findings": ("Ghi nhận", "Findings"),
    "col_follow_up": ("Hạn theo dõi", "Follow-up due"),
    "col_support": ("Hỗ trợ (đồng)", "Support (VND)"),
    "col_title": ("Nội dung", "Title"),
    "col_received": ("Ngày tiếp nhận", "Received"),
    "col_due": ("Hạn xử lý", "Due"),
    "field_code": ("Mã hộ", "Code"),
    "field_address": ("Địa chỉ", "Address"),
    "field_area": ("Khu phố", "Neighbourhood"),
    "field_head": ("Chủ hộ", "Head of household"),
    "field_phone": ("Điện thoại", "Phone"),
    "field_flags": ("Diện hộ", "Flags"),
    "field_members": ("Số nhân khẩu", "Members"),
    "field_last_visit": ("Lần thăm gần nhất", "Last visit"),
    "moved_out": ("đã chuyển đi {date}", "moved out {date}"),
    "voided": ("đã hủy", "voided"),
    # command line
    "cli_period_or_range": (
        "Cần chọn kỳ báo cáo: --period, hoặc cả --from và --to.",
        "Choose the period: --period, or both --from and --to.",
    ),
    "cli_written": ("Đã ghi {path}.", "Wrote {path}."),
    "cli_written_rows": ("Đã ghi {path} ({count} hộ).", "Wrote {path} ({count} households)."),
    "cli_review_figures": (
        "{visits} lượt thăm; {visited}/{households} hộ được thăm; {not_visited} hộ chưa được "
        "thăm; {overdue} hộ có việc theo dõi quá hạn.",
        "{visits} visits; {visited}/{households} households visited; {not_visited} not "
        "visited; {overdue} with an overdue follow-up.",
    ),
    # CSV/XLSX
    "export_period": ("Kỳ báo cáo", "Period"),
    "export_scope": ("Phạm vi", "Scope"),
    "export_ward": ("Toàn phường", "Whole ward"),
    "export_cutoff": ("Số liệu tính đến ngày", "Figures as of"),
    "csv_table": ("bảng", "table"),
    "csv_row": ("dòng", "row"),
    "csv_column": ("cột", "column"),
    "csv_value": ("giá trị", "value"),
}
# the narrative of a sơ kết / tổng kết: headings, section titles and the drafts the figures give
_MESSAGES.update(
    {
        "sec_situation": ("I. TÌNH HÌNH CHUNG VÀ CÔNG TÁC LÃNH ĐẠO, CHỈ ĐẠO", "I. SITUATION AND LEADERSHIP"),
        "sec_situation_annual": ("I. ĐẶC ĐIỂM TÌNH HÌNH", "I. THE SITUATION"),
        "sub_area": ("1. Tình hình địa bàn", "1. The area"),
        "sub_leadership": ("2. Công tác lãnh đạo, chỉ đạo", "2. Leadership and direction"),
        "sec_results_annual": ("II. KẾT QUẢ THỰC HIỆN NHIỆM VỤ {period}", "II. RESULTS OF {period}"),
        "sec_assessment": ("III. ĐÁNH GIÁ CHUNG", "III. ASSESSMENT"),
        "sub_strengths": ("1. Ưu điểm", "1. Strengths"),
        "sub_limitations": ("2. Hạn chế, tồn tại", "2. Limitations"),
        "sub_causes": ("3. Nguyên nhân", "3. Causes"),
        "causes_internal": ("a) Nguyên nhân chủ quan: ", "a) Internal causes: "),
        "causes_external": ("b) Nguyên nhân khách quan: ", "b) External causes: "),
        "sub_lessons": ("4. Bài học kinh nghiệm", "4. Lessons learned"),
        "sec_emulation": ("IV. CÔNG TÁC THI ĐUA, KHEN THƯỞNG", "IV. EMULATION AND COMMENDATIONS"),
        "sec_tasks": ("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ {next}", "IV. DIRECTION AND TASKS FOR {next}"),
        "sec_tasks_annual": ("V. PHƯƠNG HƯỚNG, NHIỆM VỤ {next}", "V. DIRECTION AND TASKS FOR {next}"),
        "sec_proposals": ("V. ĐỀ XUẤT, KIẾN NGHỊ", "V. PROPOSALS"),
        "sec_proposals_annual": ("VI. ĐỀ XUẤT, KIẾN NGHỊ", "VI. PROPOSALS"),
        "next_period": ("KỲ TỚI", "THE NEXT PERIOD"),
        "commendation_exists": (
        "Đề nghị khen thưởng này (cùng người, cùng kỳ, cùng lý do) đã có trong danh sách.",
        "This proposal (the same person, period and reason) is already on the list.",
    ),
    "section_plan": ("Kế hoạch, chỉ đạo được sơ kết, tổng kết", "The plan or directive reviewed"),
        "section_leadership": ("Công tác lãnh đạo, chỉ đạo", "Leadership and direction"),
        "section_results": ("Kết quả thực hiện (lời dẫn trước các bảng)", "Results (words before the tables)"),
        "section_strengths": ("Ưu điểm", "Strengths"),
        "section_limitations": ("Hạn chế, tồn tại", "Limitations"),
        "section_causes_internal": ("Nguyên nhân chủ quan", "Internal causes"),
        "section_causes_external": ("Nguyên nhân khách quan", "External causes"),
        "section_lessons": ("Bài học kinh nghiệm", "Lessons learned"),
        "section_tasks": ("Phương hướng, nhiệm vụ kỳ tới", "Direction and tasks for the next period"),
        "section_proposals": ("Đề xuất, kiến nghị", "Proposals"),
        "draft_leadership": (
            "Đơn vị đã phân công {officers} cán bộ phụ trách {areas} khu phố; chỉ đạo cán bộ bám sát địa bàn, "
            "thăm hộ theo kế hoạch, theo dõi sau thăm và tiếp nhận, giải quyết kịp thời các vụ việc phát sinh; "
            "phối hợp tổ chức {activities} hoạt động cộng đồng.",
            "The unit assigned {officers} officers to {areas} neighbourhoods and directed them to keep close to "
            "their areas, visit households as planned, follow up after visits and deal promptly with the cases "
            "received; {activities} community activities were held.",
        ),
        "draft_strengths": (
            "Cán bộ đã đến được {rate} số hộ trên địa bàn với {visits} lượt thăm; hoàn thành {done}/{total} việc "
            "theo dõi sau thăm; giải quyết, kết thúc {resolved}/{cases} vụ việc tiếp nhận trong kỳ.",
            "Officers reached {rate} of the households with {visits} visits; {done}/{total} follow-ups were "
            "completed; {resolved}/{cases} cases received in the period were resolved or closed.",
        ),
        "draft_causes_uneven": (
            "việc bố trí lịch thăm hộ chưa đều giữa các khu phố (thấp nhất {low_area} đạt {low_rate}, cao nhất "
            "{high_area} đạt {high_rate})",
            "visits were not spread evenly across neighbourhoods (lowest {low_area} at {low_rate}, highest "
            "{high_area} at {high_rate})",
        ),
        "draft_causes_overdue": (
            "còn {overdue} việc theo dõi quá hạn chưa được hoàn thành",
            "{overdue} overdue follow-ups remain to be completed",
        ),
        "draft_causes_no_visits": ("Trong kỳ không có lượt thăm hộ nào.", "No household was visited in the period."),
        "draft_causes_none": (
            "Không có việc theo dõi quá hạn chưa được hoàn thành.",
            "No overdue follow-up remains to be completed.",
        ),
        "draft_strengths_none": (
            "Trong kỳ không có lượt thăm hộ, việc theo dõi sau thăm hay vụ việc nào để đánh giá.",
            "The period had no household visit, follow-up or case to assess.",
        ),
        "draft_causes_external": (
            "{not_home} lượt đến thăm không gặp được người trong hộ và {refused} lượt hộ từ chối tiếp; một số hộ "
            "thường xuyên vắng nhà do đi làm xa.",
            "{not_home} visits found nobody at home and {refused} were refused; some households are often away "
            "working.",
        ),
        "draft_lessons": (
            "Bám sát địa bàn, lập danh sách hộ cần thăm theo từng khu phố và theo dõi đến cùng các việc sau thăm "
            "là cách giữ được mức độ bao phủ và giải quyết dứt điểm vụ việc.",
            "Keeping close to the area, planning rounds from each neighbourhood's walk list and following every "
            "visit through is what keeps the coverage up and settles cases for good.",
        ),
        "draft_tasks": (
            "Trong {next}, tập trung đến thăm {not_visited} hộ chưa được thăm (trong đó {never} hộ chưa từng được "
            "thăm), hoàn thành {overdue} việc theo dõi quá hạn, tiếp tục giải quyết {open_cases} vụ việc chưa kết "
            "thúc và duy trì các hoạt động cộng đồng.",
            "In {next}, visit the {not_visited} households not visited (of which {never} never visited), "
            "complete the {overdue} overdue follow-ups, settle the {open_cases} open cases and keep up the "
            "community activities.",
        ),
        "draft_proposals": (
            "Đề nghị cấp trên tiếp tục quan tâm chỉ đạo, bố trí kinh phí và nguồn lực hỗ trợ cho công tác địa "
            "bàn; phối hợp giải quyết các vụ việc vượt thẩm quyền của đơn vị.",
            "The unit asks its superiors to keep up their direction, to fund and staff the field work, and to "
            "help with the cases beyond the unit's competence.",
        ),
        "next_lower": ("kỳ tới", "the next period"),
        "draft_compare": ("So với {period}: {changes}.", "Compared with {period}: {changes}."),
        "draft_same_period": ("cùng kỳ năm trước", "the same period last year"),
        "draft_up": ("{figure} tăng {amount} {unit}", "{figure} up {amount} {unit}"),
        "draft_down": ("{figure} giảm {amount} {unit}", "{figure} down {amount} {unit}"),
        "draft_same": ("{figure} không thay đổi", "{figure} unchanged"),
        "draft_points": ("điểm phần trăm", "percentage points"),
        "draft_targets": ("Chỉ tiêu được giao: {items}.", "Targets: {items}."),
        "draft_target": ("{figure} đạt {now}/{target} {unit} ({share})", "{figure} {now}/{target} {unit} ({share})"),
        "quarter_label": ("Quý {roman}/{year}", "Q{roman} {year}"),
        "table_quarter": ("Số lượt thăm theo quý", "Visits per quarter"),
        "col_quarter": ("Quý", "Quarter"),
        "cli_note_written": ("Đã ghi mục {section} của kỳ {period}.", "Wrote section {section} of {period}."),
        "cli_note_removed": (
            "Đã xóa mục {section} của kỳ {period}; báo cáo sẽ in bản dự thảo.",
            "Removed section {section} of {period}; the review will print the draft.",
        ),
        "cli_out_or_docx": (
            "Cần chọn tệp ra: --out (PDF) hoặc --docx (Word).",
            "Choose an output: --out (PDF) or --docx (Word).",
        ),
        "cli_note_text_or_file": ("Cần --text hoặc --file (chọn một).", "Give --text or --file (one of them)."),
        "note_written": ("(đã viết)", "(written)"),
        "cli_note_unreadable": ("Không đọc được tệp {path} (cần văn bản UTF-8).", "Cannot read {path} (UTF-8 text)."),
        "bad_target": (
            "Chỉ tiêu '{value}' không dùng được: cần một số không âm (với tỷ lệ %: không quá 100).",
            "The target '{value}' cannot be used: it must be a number, not negative (a percentage: at most 100).",
        ),
        "cli_note_empty_file": (
            "Tệp {path} trống: mục đã viết được giữ nguyên. Để xóa mục, dùng --text \"\".",
            "{path} is empty: the section written stays as it is. To remove the section, use --text \"\".",
        ),
        "cli_notes_section": ("Mã mục", "Section"),
        "cli_notes_title": ("Mục", "Title"),
        "cli_notes_state": ("Trạng thái", "State"),
        "cli_notes_text": ("Nội dung", "Text"),
        "note_draft": ("(dự thảo từ số liệu)", "(draft from the figures)"),
    }
)
_MESSAGES.update({f"month_{n}": (f"tháng {n}", name) for n, name in enumerate(_MONTHS_EN, start=1)})

i18n.register({f"reports.{key}": {"vi": vi, "en": en} for key, (vi, en) in _MESSAGES.items()})
# A report's own dates as a refusal names them ("Từ ngày: 1800 nằm ngoài…", not "start").
i18n.register({"field.start": {"vi": "Từ ngày", "en": "From"}, "field.end": {"vi": "Đến ngày", "en": "To"},
               "field.period": {"vi": "Kỳ báo cáo", "en": "Period"}})
# Each section of a review's narrative as a refusal names it ("Ưu điểm dài 25.000 ký tự…", not "text").
i18n.register({f"field.review_notes.{key[len('section_'):]}": {"vi": vi, "en": en}
               for key, (vi, en) in _MESSAGES.items() if key.startswith("section_")})
