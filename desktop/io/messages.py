"""Messages of import and export, in Vietnamese and English."""

from desktop import i18n

i18n.register(
    {
        "io.cannot_open": {
            "vi": "Không mở được tệp {path}: kiểm tra tên tệp và quyền đọc.",
            "en": "Cannot open the file {path}: check its name and that you may read it.",
        },
        "io.not_spreadsheet": {
            "vi": "Tệp {path} không phải bảng tính Excel (.xlsx) hay CSV đọc được (có thể bị hỏng hoặc bị đổi "
                  "đuôi). Mở bằng Excel và lưu lại dạng .xlsx.",
            "en": "The file {path} is not a readable Excel (.xlsx) or CSV spreadsheet (damaged or renamed?). Open "
                  "it in Excel and save it as .xlsx.",
        },
        "io.old_or_protected": {
            "vi": "Tệp {path} được đặt mật khẩu hoặc là tệp Excel cũ (.xls). Mở bằng Excel, bỏ mật khẩu rồi lưu "
                  "lại dạng .xlsx.",
            "en": "The file {path} is password-protected or an old Excel file (.xls). Open it in Excel, remove "
                  "the password and save it as .xlsx.",
        },
        "io.encoding_unsure": {
            "vi": "Không xác định chắc được bảng mã tiếng Việt của tệp {path} (Unicode, TCVN3 hay VNI): chưa nhập "
                  "gì để tránh lưu chữ lỗi. Mở tệp, chuyển sang Unicode (ví dụ bằng Unikey) rồi lưu lại.",
            "en": "Cannot tell for sure which Vietnamese encoding {path} uses (Unicode, TCVN3 or VNI): nothing "
                  "imported, to avoid storing garbled text. Convert the file to Unicode (e.g. with Unikey) and "
                  "save it again.",
        },
        "io.encoding_used": {
            "vi": "Tệp dùng mã {encoding}, đã chuyển sang Unicode.",
            "en": "The file uses the {encoding} encoding; converted to Unicode.",
        },
        "io.sheets": {
            "vi": "Tệp có các trang: {sheets} (ẩn: {hidden}); đọc trang: {read}.",
            "en": "The workbook's sheets: {sheets} (hidden: {hidden}); reading: {read}.",
        },
        "io.no_such_sheet": {
            "vi": "Tệp không có trang '{value}'. Các trang: {sheets} (ẩn: {hidden}); chọn theo tên hoặc số thứ tự.",
            "en": "The workbook has no sheet '{value}'. Its sheets: {sheets} (hidden: {hidden}); choose one by "
                  "name or number.",
        },
        "io.hidden_rows": {
            "vi": "Bỏ qua {count} dòng bị ẩn (trang {sheet}, dòng {rows}).",
            "en": "Skipped {count} hidden row(s) (sheet {sheet}, rows {rows}).",
        },
        "io.no_area": {
            "vi": "Tệp không có cột khu phố: các hộ mới sẽ không thuộc khu phố nào. Nếu cả tệp là một khu phố, "
                  "chọn khu phố đó khi nhập.",
            "en": "The file has no khu phố column: new households will belong to no khu phố. If the whole file "
                  "is one khu phố, choose it when importing.",
        },
        "io.header_only": {
            "vi": "Trang {sheet} chỉ có dòng tiêu đề, không có hộ nào để nhập.",
            "en": "Sheet {sheet} has only the header row: no household to import.",
        },
        "io.header_only_file": {
            "vi": "Tệp chỉ có dòng tiêu đề, không có hộ nào để nhập.",
            "en": "The file has only the header row: no household to import.",
        },
        "io.unknown_format": {
            "vi": "Chỉ nhập được tệp .xlsx hoặc .csv (nhận được: {path}).",
            "en": "Only .xlsx and .csv files can be imported (got: {path}).",
        },
        "io.no_header": {
            "vi": "Không tìm thấy dòng tiêu đề (cần ít nhất cột 'Họ và tên' hoặc 'Chủ hộ', 'Số nhà', 'Đường').",
            "en": "No header row found (needs at least 'Họ và tên' or 'Chủ hộ', 'Số nhà', 'Đường' columns).",
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
            "vi": "Hộ đã có trong sổ ({code}): cập nhật hộ đó, không tạo hộ mới.",
            "en": "Household already in the register ({code}): updates it, no new household.",
        },
        "io.code_conflict": {
            "vi": "Trong sổ, mã hộ {code} là hộ {registered}, còn tệp ghi {given}: có thể là một hộ khác trùng mã; "
                  "nếu là hộ khác, xoá mã hộ ở các dòng của hộ này để nhập thành hộ mới, nếu đúng là hộ đó, sửa chủ "
                  "hộ hoặc địa chỉ trong sổ trước.",
            "en": "In the register, household code {code} is {registered}, but the file gives {given}: probably "
                  "another household with the same code; if it is another household, clear the code on its rows to "
                  "import it as a new one, if it is the same, correct its head or address in the register first.",
        },
        "io.summary": {
            "vi": "Đã nhập: {added} hộ mới, {merged} hộ đã có, {people} nhân khẩu mới, {updated} nhân khẩu được "
                  "cập nhật, {skipped} nhân khẩu không đổi, {moved} nhân khẩu đánh dấu chuyển đi.",
            "en": "Imported: {added} new households, {merged} already there, {people} new people, {updated} "
                  "people updated, {skipped} unchanged, {moved} marked moved out.",
        },
        "io.dry_run_summary": {
            "vi": "Kiểm tra xong, không có lỗi: sẽ nhập {added} hộ mới, {merged} hộ đã có, {people} nhân khẩu mới, "
                  "{updated} nhân khẩu được cập nhật, {skipped} nhân khẩu không đổi, {moved} nhân khẩu đánh dấu "
                  "chuyển đi. Chưa ghi gì.",
            "en": "Checked, no problems: would add {added} households ({merged} already there), {people} new "
                  "people, update {updated}, leave {skipped} unchanged, mark {moved} moved out. Nothing written.",
        },
        "io.other_list": {
            "vi": "Tệp này là danh sách {kind} xuất từ WardBook, không phải danh sách hộ: không có gì để nhập.",
            "en": "This file is a list of {kind} exported from WardBook, not a household list: nothing to import.",
        },
        "io.list_visits": {"vi": "lượt thăm hộ", "en": "visits"},
        "io.list_cases": {"vi": "vụ việc", "en": "cases"},
        "io.list_activities": {"vi": "hoạt động cộng đồng", "en": "community activities"},
        "io.skipped_numbering": {
            "vi": "Bỏ qua dòng đánh số cột (1, 2, 3…): dòng {rows}.",
            "en": "Skipped the row numbering the columns (1, 2, 3…): row {rows}.",
        },
        "io.skipped_group": {
            "vi": "Bỏ qua {count} dòng tên nhóm (ví dụ \"TỔ 1\"): dòng {rows}.",
            "en": "Skipped {count} group row(s) (such as \"TỔ 1\"): rows {rows}.",
        },
        "io.skipped_total": {
            "vi": "Bỏ qua {count} dòng tổng cộng: dòng {rows}.",
            "en": "Skipped {count} totals row(s): rows {rows}.",
        },
        "io.skipped_signature": {
            "vi": "Bỏ qua phần ký tên dưới bảng ({count} dòng): dòng {rows}.",
            "en": "Skipped the signature block below the table ({count} rows): rows {rows}.",
        },
        "io.number_rounded": {
            "vi": "Số '{value}' đã bị Excel làm tròn nên mất chữ số: định dạng cột là Văn bản (Text) rồi gõ lại "
                  "số đầy đủ.",
            "en": "The number '{value}' was rounded by Excel and lost digits: format the column as Text and type "
                  "the full number again.",
        },
        "io.problem_row": {"vi": "Dòng {row}: {message}", "en": "Row {row}: {message}"},
        "io.row_label": {"vi": "ở dòng {row}", "en": "at row {row}"},
        "io.bad_choice": {
            "vi": "'{value}' không phải giới tính; ghi một trong: {choices}.",
            "en": "'{value}' is not a gender; write one of: {choices}.",
        },
        "io.no_name": {
            "vi": "Dòng có dữ liệu nhưng không có họ tên: điền họ tên hoặc xoá dòng.",
            "en": "The row has data but no name: fill in the name or delete the row.",
        },
        "io.required": {
            "vi": "Hộ mới cần '{header}': điền vào dòng đầu của hộ.",
            "en": "A new household needs '{header}': fill it in on the household's first row.",
        },
        "io.unknown_area": {
            "vi": "Khu phố '{value}' chưa có trong sổ ({count} dòng). Sửa tên cho đúng khu phố đã có, hoặc chọn "
                  "tạo khu phố mới khi nhập.",
            "en": "Khu phố '{value}' is not in the register ({count} rows). Correct the name to an existing khu "
                  "phố, or choose to create new khu phố when importing.",
        },
        "io.unknown_file_area": {
            "vi": "Khu phố '{value}' (cho cả tệp) chưa có trong sổ. Kiểm tra tên, hoặc chọn tạo khu phố mới.",
            "en": "Khu phố '{value}' (for the whole file) is not in the register. Check the name, or choose to "
                  "create new khu phố.",
        },
        "io.hint_create_areas": {
            "vi": "Nếu đây là khu phố mới: nhập lại với --create-areas.",
            "en": "If these are new khu phố: import again with --create-areas.",
        },
        "io.duplicate_row": {
            "vi": "Dòng này giống hệt một dòng trước của cùng hộ ({name}): chỉ nhập một lần.",
            "en": "This row repeats an earlier row of the same household ({name}) exactly: imported once.",
        },
        "io.absent_kept": {
            "vi": "{name} (hộ {household}) không có trong danh sách mới: vẫn giữ trong sổ. Nếu người này đã "
                  "chuyển đi, chọn đánh dấu chuyển đi khi nhập.",
            "en": "{name} (household {household}) is not in the new list: kept in the register. If they have "
                  "moved away, choose to mark them moved out when importing.",
        },
        "io.absent_moved_out": {
            "vi": "{name} (hộ {household}) không có trong danh sách mới: sẽ đánh dấu chuyển đi.",
            "en": "{name} (household {household}) is not in the new list: will be marked moved out.",
        },
        "io.absent_head": {
            "vi": "Chủ hộ {name} (hộ {household}) không có trong danh sách mới: vẫn giữ; đổi chủ hộ trong sổ nếu "
                  "cần.",
            "en": "Head {name} (household {household}) is not in the new list: kept; change the head in the "
                  "register if needed.",
        },
        "io.second_head": {
            "vi": "{name} được ghi là chủ hộ, nhưng trong sổ hộ {household} đã có chủ hộ {head}: vẫn nhập {name} như "
                  "một nhân khẩu ghi là chủ hộ; nếu danh sách đúng, đổi chủ hộ trong sổ.",
            "en": "{name} is written as head, but household {household} already has head {head} in the register: "
                  "{name} is imported as a member written as head; if the list is right, change the head in the "
                  "register.",
        },
        "io.second_spouse": {
            "vi": "{name} được ghi là vợ/chồng chủ hộ, nhưng trong sổ hộ {household} đã có {spouse} là vợ/chồng chủ "
                  "hộ: vẫn nhập; kiểm tra lại quan hệ với chủ hộ.",
            "en": "{name} is written as the head's spouse, but household {household} already has {spouse} as the "
                  "head's spouse in the register: imported anyway; check the relation to the head.",
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
        "io.bad_mark": {
            "vi": "'{value}' không phải dấu đánh dấu: để trống nếu không, ghi x (hoặc ✓, Có) nếu có.",
            "en": "'{value}' is not a mark: leave the cell empty for no, write x (or ✓, Có) for yes.",
        },
        "io.date_in_text": {
            "vi": "Excel đã đổi ô này thành ngày tháng ({value}) nên không biết chắc đã gõ gì: định dạng cột là "
                  "Văn bản (Text) rồi gõ lại.",
            "en": "Excel turned this cell into a date ({value}), so what was typed is not certain: format the "
                  "column as Text and type it again.",
        },
        "io.hidden_columns": {
            "vi": "Trang {sheet} có cột bị ẩn ({columns}): cột ẩn chỉ được đọc khi không có cột hiện nào cùng nội "
                  "dung (cùng tiêu đề).",
            "en": "Sheet {sheet} has hidden columns ({columns}): a hidden column is read only when no visible "
                  "column holds the same field (the same heading).",
        },
        "io.unknown_mapping_field": {
            "vi": "Tệp ghép cột {path} ghi '{value}', không phải tên trường nào: chưa nhập gì. Mỗi cột ghép với một "
                  "trong các trường: {fields}.",
            "en": "The column mapping {path} names '{value}', which is no field: nothing imported. Map each column "
                  "to one of the fields: {fields}.",
        },
        "io.sheets_without_header": {
            "vi": "Bỏ qua trang không có dòng tiêu đề của danh sách hộ: {sheets}.",
            "en": "Skipped the sheets without a household list's header row: {sheets}.",
        },
        "io.no_header_sheets": {
            "vi": "Không trang nào có dòng tiêu đề (cần ít nhất cột 'Họ và tên' hoặc 'Chủ hộ', 'Số nhà', 'Đường'); "
                  "đã xem các trang: {sheets}.",
            "en": "No sheet has a header row (needs at least 'Họ và tên' or 'Chủ hộ', 'Số nhà', 'Đường' columns); "
                  "sheets looked at: {sheets}.",
        },
        "io.two_genders": {
            "vi": "Đánh dấu cả hai cột Nam và Nữ: chỉ đánh dấu một cột.",
            "en": "Both the Nam and the Nữ columns are marked: mark only one.",
        },
        "io.excel_error": {
            "vi": "Ô có lỗi Excel {value} (công thức không tính được): sửa công thức hoặc gõ giá trị đúng.",
            "en": "The cell holds the Excel error {value} (a formula that could not be worked out): correct the "
                  "formula or type the right value.",
        },
        "io.households_updated": {
            "vi": "Trong các hộ đã có, {updated} hộ được cập nhật.",
            "en": "Of the households already there, {updated} updated.",
        },
        "io.households_to_update": {
            "vi": "Trong các hộ đã có, {updated} hộ sẽ được cập nhật.",
            "en": "Of the households already there, {updated} would be updated.",
        },
        "io.kept_summary": {
            "vi": "Giữ {kept} giá trị đã nhập trong ứng dụng ở {households} hộ, khác với tệp (xem từng dòng trong "
                  "danh sách kiểm tra).",
            "en": "Kept {kept} values entered in the app in {households} households where the file differs (see "
                  "each row in the check's list).",
        },
    }
)
