"""Messages of door-to-door sweeps, in Vietnamese and English."""

from desktop import i18n

i18n.register(
    {
        "campaign.unknown": {
            "vi": "Không tìm thấy đợt rà soát '{value}'.",
            "en": "No sweep '{value}'.",
        },
        "campaign.ambiguous": {
            "vi": "Có nhiều đợt rà soát khớp với '{value}'; hãy ghi rõ hơn.",
            "en": "Several sweeps match '{value}'; be more specific.",
        },
        "campaign.closed": {
            "vi": "Đợt rà soát '{name}' đã kết thúc; không ghi thêm kết quả.",
            "en": "The sweep '{name}' is closed; no more results can be recorded.",
        },
        "campaign.dates": {
            "vi": "Ngày kết thúc ({ends}) phải sau ngày bắt đầu ({starts}).",
            "en": "The end date ({ends}) must come after the start date ({starts}).",
        },
        "campaign.not_json": {
            "vi": "{path} không phải tệp định nghĩa đợt rà soát (JSON): nội dung sai từ dòng {line}.",
            "en": "{path} is not a sweep definition file (JSON): its content is wrong from line {line}.",
        },
        "campaign.too_big": {
            "vi": "{path} quá lớn để là tệp định nghĩa đợt rà soát (tối đa {limit} byte).",
            "en": "{path} is too large to be a sweep definition file (at most {limit} bytes).",
        },
        "campaign.bad_definition": {
            "vi": "Tệp định nghĩa đợt rà soát không đúng: {part}.",
            "en": "The sweep definition file is not valid: {part}.",
        },
        "campaign.bad_question": {
            "vi": "Tệp định nghĩa đợt rà soát không đúng: ở câu hỏi số {number}, {part}.",
            "en": "The sweep definition file is not valid: in question {number}, {part}.",
        },
        # What is wrong in a definition file, in words (its JSON names are the file's, not the officer's).
        "campaign.part.shape": {"vi": "nội dung không mô tả một đợt rà soát",
                                "en": "its content does not describe a sweep"},
        "campaign.part.target_questions": {
            "vi": "thiếu danh sách câu hỏi, hoặc phần hộ được rà soát viết sai",
            "en": "the list of questions is missing, or the households swept are written wrongly"},
        "campaign.part.entries": {"vi": "có mục lạ hoặc không đọc được",
                                  "en": "an entry is unknown or cannot be read"},
        "campaign.part.label": {"vi": "nội dung câu hỏi phải là chữ", "en": "the question's text must be text"},
        "campaign.part.kind": {"vi": "loại câu trả lời phải là chữ", "en": "the kind of answer must be text"},
        "campaign.part.code": {"vi": "mã câu hỏi phải là chữ", "en": "the question's code must be text"},
        "campaign.part.unit": {"vi": "đơn vị phải là chữ", "en": "the unit must be text"},
        "campaign.part.help": {"vi": "lời hướng dẫn phải là chữ", "en": "the help text must be text"},
        "campaign.part.low": {"vi": "giới hạn dưới phải là số", "en": "the lower bound must be a number"},
        "campaign.part.high": {"vi": "giới hạn trên phải là số", "en": "the upper bound must be a number"},
        "campaign.part.required": {"vi": "mục bắt buộc phải là đúng hoặc sai",
                                   "en": "whether it is required must be true or false"},
        "campaign.part.choices": {"vi": "các lựa chọn phải là chữ hoặc số",
                                  "en": "the choices must be texts or numbers"},
        "campaign.part.target_areas": {"vi": "các khu phố được rà soát phải là một danh sách tên khu phố",
                                       "en": "the areas swept must be a list of area names"},
        "campaign.part.target_flag": {"vi": "diện hộ được rà soát phải là chữ",
                                      "en": "the households swept must be text"},
        "campaign.part.assignments": {"vi": "phần phân công phải ghi tên đăng nhập của một cán bộ cho mỗi khu phố",
                                      "en": "the assignments must give an officer's username for each area"},
        "campaign.part.name": {"vi": "tên đợt phải là chữ", "en": "the sweep's name must be text"},
        "campaign.part.purpose": {"vi": "mục đích phải là chữ", "en": "the purpose must be text"},
        "campaign.part.starts_on": {"vi": "ngày bắt đầu phải là một ngày viết thành chữ",
                                    "en": "the start date must be a date written as text"},
        "campaign.part.ends_on": {"vi": "ngày kết thúc phải là một ngày viết thành chữ",
                                  "en": "the end date must be a date written as text"},
        "campaign.no_questions": {
            "vi": "Đợt rà soát cần ít nhất một câu hỏi.",
            "en": "A sweep needs at least one question.",
        },
        "campaign.no_choices": {
            "vi": "Câu hỏi '{question}' cần ít nhất hai lựa chọn khác nhau.",
            "en": "The question '{question}' needs at least two different choices.",
        },
        "campaign.bad_bounds": {
            "vi": "Câu hỏi '{question}': giới hạn dưới ({low}) lớn hơn giới hạn trên ({high}).",
            "en": "Question '{question}': the lower bound ({low}) is above the upper bound ({high}).",
        },
        "campaign.duplicate_code": {
            "vi": "Hai câu hỏi cùng mã '{code}'.",
            "en": "Two questions have the code '{code}'.",
        },
        "campaign.unknown_question": {
            "vi": "Đợt rà soát không có câu hỏi '{value}'.",
            "en": "The sweep has no question '{value}'.",
        },
        "campaign.question_retired": {
            "vi": "Câu hỏi '{question}' đã ngừng dùng; không ghi thêm câu trả lời.",
            "en": "The question '{question}' is retired; it takes no more answers.",
        },
        "campaign.kind_answered": {
            "vi": "Câu hỏi '{question}' đã có câu trả lời nên không đổi được loại câu trả lời; hãy thêm câu hỏi "
            "mới và ngừng dùng câu hỏi này.",
            "en": "The question '{question}' has answers, so its kind of answer cannot change; add a new question "
            "and retire this one.",
        },
        "campaign.unknown_area": {
            "vi": "Không có khu phố, tổ '{value}'.",
            "en": "No area '{value}'.",
        },
        "campaign.unknown_officer": {
            "vi": "Không có cán bộ '{value}'.",
            "en": "No officer '{value}'.",
        },
        "campaign.not_targeted": {
            "vi": "Hộ này không thuộc đợt rà soát '{name}'.",
            "en": "This household is not part of the sweep '{name}'.",
        },
        "campaign.not_assigned": {
            "vi": "Hộ này thuộc địa bàn được phân công cho cán bộ khác trong đợt rà soát '{name}'.",
            "en": "This household is in an area assigned to another officer in the sweep '{name}'.",
        },
        "campaign.required_answer": {
            "vi": "Câu hỏi '{question}' là bắt buộc khi đã gặp được hộ.",
            "en": "The question '{question}' must be answered when the household was reached.",
        },
        "campaign.bad_answer": {
            "vi": "{question}: '{value}' không phải câu trả lời hợp lệ ({expected}).",
            "en": "{question}: '{value}' is not a valid answer ({expected}).",
        },
        "campaign.expect.yes_no": {"vi": "có hoặc không", "en": "yes or no"},
        "campaign.bad_choice": {
            "vi": "{question}: '{value}' không phải câu trả lời hợp lệ (chọn một trong: {choices}).",
            "en": "{question}: '{value}' is not a valid answer (choose one of: {choices}).",
        },
        "campaign.bad_choices": {
            "vi": "{question}: '{value}' không phải câu trả lời hợp lệ (chọn một hay nhiều trong: {choices}, "
            "cách nhau bằng dấu ;).",
            "en": "{question}: '{value}' is not a valid answer (choose one or more of: {choices}, separated by ;).",
        },
        "campaign.cancelled": {
            "vi": "Đã hủy; không có tệp nào được ghi.",
            "en": "Cancelled; no file was written.",
        },
        "campaign.cli.bad_set": {
            "vi": "'{value}' không đúng dạng MÃ=GIÁ_TRỊ.",
            "en": "'{value}' is not of the form CODE=VALUE.",
        },
        "campaign.cli.created": {"vi": "Đã lập đợt rà soát '{name}' ({id}).", "en": "Sweep '{name}' defined ({id})."},
        "campaign.cli.assigned": {"vi": "Đã phân công {area} cho {officer}.", "en": "{area} assigned to {officer}."},
        "campaign.cli.recorded": {"vi": "Đã ghi hộ {household}: {status}.", "en": "Recorded {household}: {status}."},
        "campaign.cli.closed": {"vi": "Đã kết thúc đợt rà soát '{name}'.", "en": "Sweep '{name}' closed."},
        "campaign.cli.walk_list": {"vi": "Đã ghi {path} ({count} hộ)", "en": "Wrote {path} ({count} households)"},
        "campaign.cli.question_added": {
            "vi": "Đã thêm câu hỏi vào đợt rà soát '{name}'.",
            "en": "Question added to the sweep '{name}'.",
        },
        "campaign.cli.question_retired": {
            "vi": "Đã ngừng dùng câu hỏi {question}; các câu trả lời vẫn giữ trong kết quả.",
            "en": "Question {question} retired; its answers stay in the results.",
        },
        "campaign.cli.written": {"vi": "Đã ghi {path}", "en": "Wrote {path}"},
        "campaign.cli.out_or_docx": {
            "vi": "Cần chọn tệp ra: --out (PDF) hoặc --docx (Word).",
            "en": "Choose an output: --out (PDF) or --docx (Word).",
        },
        "campaign.cli.all": {"vi": "Toàn đợt", "en": "All"},
        "campaign.cli.col.id": {"vi": "Mã", "en": "Id"},
        "campaign.cli.col.name": {"vi": "Tên đợt", "en": "Name"},
        "campaign.cli.col.dates": {"vi": "Thời gian", "en": "Dates"},
        "campaign.cli.col.status": {"vi": "Trạng thái", "en": "Status"},
        "campaign.cli.col.number": {"vi": "STT", "en": "No."},
        "campaign.cli.col.code": {"vi": "Mã câu hỏi", "en": "Code"},
        "campaign.cli.col.question": {"vi": "Câu hỏi", "en": "Question"},
        "campaign.cli.col.kind": {"vi": "Loại", "en": "Kind"},
        "campaign.cli.col.detail": {"vi": "Chi tiết", "en": "Detail"},
        "campaign.cli.col.day": {"vi": "Ngày", "en": "Day"},
        "campaign.cli.col.done": {"vi": "Xong trong ngày", "en": "Done that day"},
        "campaign.cli.col.cumulative": {"vi": "Cộng dồn", "en": "Cumulative"},
        "campaign.cli.col.planned": {"vi": "Kế hoạch", "en": "Planned"},
        "campaign.cli.col.total": {"vi": "Số hộ", "en": "Households"},
        "campaign.doc.walk_summary": {
            "vi": "Hộ cần đến trong đợt rà soát {name} – {scope}",
            "en": "Households to visit in the sweep {name} – {scope}",
        },
        "campaign.doc.walk_count": {
            "vi": "Còn {count} hộ chưa gặp được; đợt rà soát kết thúc ngày {ends}. Đánh dấu một ô tình trạng cho "
            "mỗi lần đến và ghi câu trả lời vào phiếu.",
            "en": "{count} households not reached yet; the sweep ends on {ends}. Tick one status box per attempt "
            "and write the answers on the checklist.",
        },
        "campaign.doc.checklist": {"vi": "Các câu hỏi (* bắt buộc)", "en": "Questions (* required)"},
        "campaign.doc.whole_sweep": {"vi": "toàn đợt", "en": "whole sweep"},
        "campaign.doc.report_summary": {"vi": "Kết quả đợt rà soát {name}", "en": "Results of the sweep {name}"},
        "campaign.doc.intro": {
            "vi": "Thực hiện đợt rà soát \u201c{purpose}\u201d từ ngày {starts} đến ngày {ends}, kết quả như sau:",
            "en": "The sweep \u201c{purpose}\u201d ran from {starts} to {ends}, with the following results:",
        },
        "campaign.doc.coverage": {
            "vi": "Tổng số hộ thuộc đợt rà soát: {total}; đã gặp {reached} hộ ({share}); cần đến lại {retry} hộ; "
            "chưa đến {left} hộ; từ chối, đã chuyển đi hoặc không tìm thấy {other} hộ.",
            "en": "Households in the sweep: {total}; reached {reached} ({share}); to retry {retry}; not started "
            "{left}; refused, moved away or not found {other}.",
        },
        "campaign.doc.by_area": {"vi": "1. Kết quả theo khu phố", "en": "1. Results by area"},
        "campaign.doc.answers": {"vi": "2. Tổng hợp câu trả lời", "en": "2. Answers"},
        "campaign.doc.narrative": {"vi": "3. Nhận xét, đề xuất", "en": "3. Assessment and proposals"},
        "campaign.doc.total": {"vi": "Cộng", "en": "Total"},
        "campaign.doc.question": {"vi": "Câu hỏi", "en": "Question"},
        "campaign.doc.answer": {"vi": "Câu trả lời", "en": "Answer"},
        "campaign.doc.count": {"vi": "Số hộ", "en": "Households"},
        "campaign.doc.sum": {"vi": "Tổng", "en": "Sum"},
        "campaign.doc.mean": {"vi": "Trung bình mỗi hộ", "en": "Mean per household"},
        "campaign.yes": {"vi": "Có", "en": "Yes"},
        "campaign.no": {"vi": "Không", "en": "No"},
        "campaign.kind.yes_no": {"vi": "Có/không", "en": "Yes/no"},
        "campaign.kind.one_choice": {"vi": "Chọn một", "en": "One choice"},
        "campaign.kind.several_choices": {"vi": "Chọn nhiều", "en": "Several choices"},
        "campaign.kind.number": {"vi": "Số", "en": "Number"},
        "campaign.kind.text": {"vi": "Chữ ngắn", "en": "Short text"},
        "campaign.kind.date": {"vi": "Ngày", "en": "Date"},
        "campaign.status.open": {"vi": "Đang diễn ra", "en": "Open"},
        "campaign.status.closed": {"vi": "Đã kết thúc", "en": "Closed"},
        "sweep.reached": {"vi": "Đã gặp", "en": "Reached"},
        "sweep.not_home": {"vi": "Vắng nhà", "en": "Not at home"},
        "sweep.refused": {"vi": "Từ chối", "en": "Refused"},
        "sweep.moved_away": {"vi": "Đã chuyển đi", "en": "Moved away"},
        "sweep.not_found": {"vi": "Không tìm thấy", "en": "Not found"},
        "sweep.state.reached": {"vi": "Đã gặp", "en": "Reached"},
        "sweep.state.to_retry": {"vi": "Cần đến lại", "en": "To retry"},
        "sweep.state.not_started": {"vi": "Chưa đến", "en": "Not started"},
        "sweep.state.other": {"vi": "Từ chối, khác", "en": "Refused, other"},
        "sweep.col.household": {"vi": "Mã hộ", "en": "Household"},
        "sweep.col.address": {"vi": "Địa chỉ", "en": "Address"},
        "sweep.col.head": {"vi": "Chủ hộ", "en": "Head"},
        "sweep.col.area": {"vi": "Khu phố", "en": "Area"},
        "sweep.col.officer": {"vi": "Cán bộ", "en": "Officer"},
        "sweep.col.status": {"vi": "Tình trạng", "en": "Status"},
        "sweep.col.attempts": {"vi": "Số lần đến", "en": "Attempts"},
        "sweep.col.last_on": {"vi": "Lần đến cuối", "en": "Last attempt"},
        "sweep.col.retired": {"vi": "(ngừng dùng)", "en": "(retired)"},
        "sweep.sheet.results": {"vi": "Kết quả", "en": "Results"},
        "sweep.sheet.questions": {"vi": "Câu hỏi", "en": "Questions"},
        "sweep.unassigned": {"vi": "(chưa phân công)", "en": "(not assigned)"},
        "sweep.no_area": {"vi": "(không rõ khu phố)", "en": "(no area)"},
    }
)

# The fields of a sweep, its questions, assignments, results and answers, as the conflicts inbox names them.
i18n.register({f"field.{key}": {"vi": vi, "en": en} for key, (vi, en) in {
    "purpose": ("Mục đích", "Purpose"),
    "starts_on": ("Ngày bắt đầu", "Start date"),
    "ends_on": ("Ngày kết thúc", "End date"),
    "target_area_ids": ("Khu phố được rà soát", "Areas swept"),
    "target_flag": ("Diện hộ được rà soát", "Households swept"),
    "narrative": ("Nhận xét, đề xuất", "Assessment and proposals"),
    "campaign_id": ("Đợt rà soát", "Sweep"),
    "position": ("Thứ tự câu hỏi", "Order of the question"),
    "label": ("Câu hỏi", "Question"),
    "choices": ("Các lựa chọn", "Choices"),
    "low": ("Giá trị nhỏ nhất", "Lowest value"),
    "high": ("Giá trị lớn nhất", "Highest value"),
    "required": ("Bắt buộc trả lời", "Answer required"),
    "help": ("Hướng dẫn trả lời", "Help text"),
    "retired": ("Ngừng dùng", "Retired"),
    "attempts": ("Số lần đến", "Attempts"),
    "last_on": ("Lần đến cuối", "Last attempt"),
    "question_id": ("Câu hỏi", "Question"),
    "value": ("Câu trả lời", "Answer"),
    "answered_on": ("Ngày trả lời", "Date answered"),
    "campaign_questions.code": ("Mã câu hỏi", "Question code"),
    "campaign_questions.kind": ("Kiểu câu trả lời", "Kind of answer"),
    "campaign_results.note": ("Ghi chú", "Note"),
}.items()})
