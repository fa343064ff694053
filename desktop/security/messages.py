"""Messages of the security layer, in Vietnamese and English."""

from desktop import i18n

i18n.register(
    {
        "security.export_text_withheld": {
            "vi": "{count} đoạn ghi chép tự do (nhận xét khi thăm hộ, lý do hủy lượt thăm, ghi chú và câu trả lời "
            "bằng lời khi rà soát) không được đưa vào: hộ có nhiều người, các đoạn này có thể nói về người khác. "
            "Cơ quan có thể đọc lại và cung cấp phần liên quan đến người yêu cầu.",
            "en": "{count} free-text entries (visit findings, reasons a visit was voided, sweep notes and answers in "
            "words) were left out: the household has several people, and these may be about someone else. The "
            "office can read them and provide what concerns the person asking.",
        },
        "security.no_keyring": {
            "vi": "Máy này không có kho khóa của hệ điều hành. Khóa bí mật không được lưu dạng "
            "văn bản thường: hãy dùng tệp khóa có mật khẩu (--key-file TỆP, mật khẩu qua "
            "WARDBOOK_KEY_PASSPHRASE).",
            "en": "No OS keyring works on this machine. Secret keys are never stored in plain "
            "text: use a passphrase-protected key file (--key-file FILE, passphrase in "
            "WARDBOOK_KEY_PASSPHRASE).",
        },
        "security.bad_passphrase": {
            "vi": "Sai mật khẩu tệp khóa hoặc tệp khóa {path} bị hỏng.",
            "en": "Wrong key-file passphrase, or the key file {path} is damaged.",
        },
        "security.unknown_setting": {
            "vi": "Không có thiết lập '{key}'; các thiết lập: {keys}.",
            "en": "No setting '{key}'; the settings are: {keys}.",
        },
        "security.weak_passphrase": {
            "vi": "Mật khẩu tệp khóa quá yếu: cần ít nhất {length} ký tự, trong đó ít nhất {distinct} ký tự khác "
            "nhau (nên dùng một câu dài dễ nhớ).",
            "en": "The key-file passphrase is too weak: it needs at least {length} characters, {distinct} of them "
            "different (a long sentence you remember is best).",
        },
        "security.not_key_file": {
            "vi": "{path} không phải tệp khóa của WardBook (hỏng hoặc là tệp khác); tệp được giữ nguyên.",
            "en": "{path} is not a WardBook key file (damaged, or another file); it was left as it is.",
        },
        "security.empty_passphrase": {
            "vi": "Mật khẩu tệp khóa không được để trống.",
            "en": "The key-file passphrase cannot be empty.",
        },
        "security.role.officer": {"vi": "cán bộ", "en": "officer"},
        "security.role.team_lead": {"vi": "tổ trưởng", "en": "team lead"},
        "security.role.admin": {"vi": "quản trị", "en": "admin"},
        "security.role.inactive": {"vi": "tài khoản đã khóa", "en": "account disabled"},
        "security.denied": {
            "vi": "Tài khoản '{user}' ({role}) không có quyền {action}.",
            "en": "Account '{user}' ({role}) has no right to {action}.",
        },
        "security.login_required": {
            "vi": "Cần đăng nhập (trong ứng dụng: hộp đăng nhập; dòng lệnh: --user TÊN, mật khẩu nhập từ bàn phím "
            "hoặc biến WARDBOOK_PASSWORD).",
            "en": "Login required (in the app: the login dialog; command line: --user NAME, password typed at the "
            "prompt or in WARDBOOK_PASSWORD).",
        },
        "security.no_password": {
            "vi": "Không có mật khẩu: không có bàn phím để hỏi và biến {variable} không được đặt.",
            "en": "No password: there is no terminal to ask on and {variable} is not set.",
        },
        "security.password_mismatch": {
            "vi": "Hai lần nhập mật khẩu không khớp.",
            "en": "The two passwords do not match.",
        },
        "security.bad_login": {
            "vi": "Sai tên đăng nhập hoặc mật khẩu, hoặc tài khoản đã bị khoá.",
            "en": "Wrong username or password, or the account is disabled.",
        },
        "security.logged_out_disabled": {
            "vi": "Tài khoản {user} đã bị quản trị khoá nên phiên làm việc đã đóng. "
                  "Những gì đã lưu trước đó vẫn còn.",
            "en": "The account {user} was disabled by an admin, so the session was closed. "
                  "What was saved before is kept.",
        },
        "security.locked": {
            "vi": "Đăng nhập sai quá nhiều lần: thử lại sau {seconds} giây hoặc nhờ quản trị mở khoá.",
            "en": "Too many failed logins: try again in {seconds} s or ask an admin to unlock the account.",
        },
        "security.password_too_short": {
            "vi": "Mật khẩu phải có ít nhất {length} ký tự.",
            "en": "The password must have at least {length} characters.",
        },
        "security.password_has_username": {
            "vi": "Mật khẩu không được là tên đăng nhập hoặc chứa tên đăng nhập: ai biết tên là đoán được ngay.",
            "en": "The password must not be or contain the username: whoever knows the name would guess it.",
        },
        "security.password_one_character": {
            "vi": "Mật khẩu không được chỉ lặp lại một ký tự (như 11111111): đây là mật khẩu bị thử đầu tiên.",
            "en": "The password must not repeat one character (like 11111111): such passwords are tried first.",
        },
        "security.password_sequence": {
            "vi": "Mật khẩu không được là một dãy số hoặc chữ liên tiếp (như 12345678, abcdefgh): "
                  "đây là mật khẩu bị thử đầu tiên.",
            "en": "The password must not be a run of consecutive digits or letters (like 12345678, abcdefgh): "
                  "such passwords are tried first.",
        },
        "security.session_ended": {
            "vi": "Mật khẩu của tài khoản {user} đã được đổi sau lần đăng nhập này: hãy đăng nhập lại.",
            "en": "The password of the account {user} was changed since this login: log in again.",
        },
        "security.bad_username": {
            "vi": "Tên đăng nhập không hợp lệ: '{value}' (3–32 ký tự: chữ thường không dấu, số, . _ -).",
            "en": "Invalid username: '{value}' (3–32 characters: lower-case letters, digits, . _ -).",
        },
        "security.unknown_user": {"vi": "Không có tài khoản '{value}'.", "en": "No account '{value}'."},
        "security.user_exists": {"vi": "Tài khoản '{value}' đã có.", "en": "The account '{value}' exists."},
        "security.admin_exists": {
            "vi": "Đã có tài khoản đăng nhập; quản trị thêm tài khoản bằng 'wardbook user add'.",
            "en": "Login accounts exist already; an admin adds accounts with 'wardbook user add'.",
        },
        "security.last_admin": {
            "vi": "Không thể bỏ quyền hoặc khoá quản trị cuối cùng.",
            "en": "The last admin cannot be demoted or disabled.",
        },
        "security.needs_key": {
            "vi": "{path} được mã hoá: cần khóa (kho khóa của hệ điều hành hoặc --key-file).",
            "en": "{path} is encrypted: its key is needed (the OS keyring or --key-file).",
        },
        "security.key_not_kept": {
            "vi": "Kho khóa mới không giữ đúng khóa {name}; vẫn dùng tệp khóa như trước.",
            "en": "The new key store did not keep the key {name} intact; the key file stays in use.",
        },
        "security.backup_missing": {
            "vi": "Không tìm thấy tệp sao lưu {path}.",
            "en": "There is no backup file {path}.",
        },
        "security.not_a_backup": {
            "vi": "{path} không phải một bản sao lưu WardBook (tệp trống hoặc không có nội dung): không khôi phục "
                  "gì cả.",
            "en": "{path} is not a WardBook backup (the file is empty or holds nothing): nothing was restored.",
        },
        "security.backup_damaged": {
            "vi": "Bản sao lưu {path} bị hỏng (có phần không đọc được, có thể do thiết bị lưu trữ): không khôi phục "
                  "gì cả; sổ hiện tại vẫn giữ nguyên. Hãy dùng một bản sao lưu khác.",
            "en": "The backup {path} is damaged (parts of it cannot be read, perhaps because of the drive it is "
                  "on): nothing was restored and the register is as it was. Use another backup.",
        },
        "security.restore_self": {
            "vi": "{path} là chính sổ đang dùng, không phải một bản sao lưu: không khôi phục gì cả.",
            "en": "{path} is the register itself, not a backup of it: nothing was restored.",
        },
        "security.no_db_key": {
            "vi": "Không tìm thấy khóa của cơ sở dữ liệu {path} trong kho khóa đã chọn.",
            "en": "The key of the database {path} is not in the chosen key store.",
        },
        "security.no_key_passphrase": {
            "vi": "Tệp khóa cần mật khẩu: đặt biến WARDBOOK_KEY_PASSPHRASE hoặc nhập từ bàn phím.",
            "en": "The key file needs its passphrase: set WARDBOOK_KEY_PASSPHRASE or type it at the prompt.",
        },
        "security.migration_mismatch": {
            "vi": "Mã hoá {path} bị dừng: bản mã hoá không khớp số dòng; tệp cũ được giữ nguyên.",
            "en": "Encrypting {path} stopped: the encrypted copy's row counts differ; the old file is kept.",
        },
        "security.backup_exists": {
            "vi": "Tệp {path} đã có; chọn tên khác cho bản sao lưu.",
            "en": "{path} exists; choose another name for the backup.",
        },
        "security.restore_other_register": {
            "vi": "{path} không phải bản sao lưu của sổ này (đó là cơ sở dữ liệu của một máy hoặc một phường "
            "khác); không khôi phục gì cả.",
            "en": "{path} is not a backup of this register (it is another laptop's or another ward's database); "
            "nothing was restored.",
        },
        "security.restore_no_admin": {
            "vi": "Bản sao lưu {path} không có tài khoản quản trị nào đang hoạt động: khôi phục nó sẽ để sổ không "
            "có người quản trị (hoặc ai cũng dùng được mà không cần đăng nhập); không khôi phục gì cả.",
            "en": "The backup {path} has no active admin account: restoring it would leave the register without "
            "an admin (or open to anyone without a login); nothing was restored.",
        },
        "security.unencrypted_warning": {
            "vi": "Cảnh báo: WARDBOOK_UNENCRYPTED=1 — cơ sở dữ liệu không được mã hoá (chỉ để thử nghiệm).",
            "en": "Warning: WARDBOOK_UNENCRYPTED=1 — the database is not encrypted (for testing only).",
        },
        "security.no_retention_rule": {
            "vi": "Chưa đặt thời hạn lưu trữ: 'wardbook retention set --moved-out-years N' hoặc --years N.",
            "en": "No retention rule yet: 'wardbook retention set --moved-out-years N' or --years N.",
        },
        "security.bad_years": {
            "vi": "Số năm không hợp lệ: {value} (1–100).",
            "en": "Invalid number of years: {value} (1–100).",
        },
        "security.purge_changed": {
            "vi": "Danh sách hộ sẽ xoá đã thay đổi từ lúc xem trước ({confirmed} hộ, nay {count} hộ): chưa xoá gì. "
                  "Hãy xem trước lại rồi xác nhận.",
            "en": "The list of households to purge changed since the preview ({confirmed} then, {count} now): "
                  "nothing was purged. Preview again, then confirm.",
        },
        "security.confirm_purge": {
            "vi": "Thêm --yes để xoá vĩnh viễn những gì liệt kê ở trên.",
            "en": "Add --yes to purge what is listed above for good.",
        },
        "security.ambiguous_person": {
            "vi": "Có {count} người tên '{value}'; dùng mã (id): {ids}",
            "en": "{count} people are named '{value}'; use an id: {ids}",
        },
            "security.write_refused": {
            "vi": "Không ghi được: {why}",
            "en": "Not written: {why}",
        },
        "security.refusal.unknown_table": {
            "vi": "bảng dữ liệu không có trong phiên bản này.",
            "en": "the table does not exist in this version.",
        },
        "security.refusal.unknown_field": {
            "vi": "trường dữ liệu không có trong phiên bản này.",
            "en": "the field does not exist in this version.",
        },
        "security.refusal.bad_value": {
            "vi": "giá trị không hợp lệ (sai kiểu, quá dài hoặc không nằm trong các lựa chọn).",
            "en": "a value is not valid (wrong type, too long or not one of the choices).",
        },
        "security.refusal.append_only": {
            "vi": "nhật ký truy cập chỉ được ghi thêm, không được sửa hay xoá.",
            "en": "the audit log can only be added to, never changed or deleted.",
        },
        "security.refusal.foreign_chain": {
            "vi": "một máy chỉ được ghi nhật ký truy cập của chính nó.",
            "en": "a laptop may only write its own audit log entries.",
        },
        "security.refusal.no_rights": {
            "vi": "vai trò của tài khoản không cho phép thay đổi này.",
            "en": "the account's role does not allow this change.",
        },
        "security.refusal.accounts": {
            "vi": "chỉ quản trị viên được thay đổi tài khoản, vai trò và mật khẩu (mỗi người tự đổi mật khẩu "
            "của mình trên máy được cấp cho mình).",
            "en": "only an admin may change accounts, roles and passwords (each user may change their own "
            "password on the laptop enrolled for them).",
        },
        "security.refusal.unbound": {
            "vi": "máy này chưa được quản trị viên gắn với tài khoản của bạn (máy được kết nạp từ phiên bản trước); "
            "hãy nhờ quản trị viên gắn máy với tài khoản của bạn rồi đồng bộ lại.",
            "en": "this laptop has not been bound to your account by the admin yet (it was enrolled by an earlier "
            "version); ask the admin to bind it to your account, then sync again.",
        },
        "security.refusal.not_owner": {
            "vi": "hồ sơ này thuộc cán bộ khác; chỉ tổ trưởng hoặc quản trị viên được sửa.",
            "en": "the record belongs to another officer; only a team lead or an admin may change it.",
        },
        "security.refusal.answered": {
            "vi": "câu hỏi đã có câu trả lời nên không được đổi loại câu trả lời (có thể thêm câu hỏi mới và "
            "ngừng dùng câu hỏi cũ).",
            "en": "the question has answers, so its kind of answer cannot change (add a new question and retire "
            "the old one).",
        },
    }
)

# The fields of an account, as the conflicts inbox names them (a password shows as changed, never as its hash).
i18n.register({f"field.{key}": {"vi": vi, "en": en} for key, (vi, en) in {
    "username": ("Tên đăng nhập", "User name"),
    "password_hash": ("Mật khẩu", "Password"),
    "active": ("Tài khoản còn hoạt động", "Account active"),
}.items()})

# The ward settings, as a refusal names them (never by their key, `report.issuing_body`).
i18n.register({f"field.{key}": {"vi": vi, "en": en} for key, (vi, en) in {
    "report.ward_name": ("Tên phường", "Ward name"),
    "report.superior_body": ("Cơ quan cấp trên", "Superior body"),
    "report.issuing_body": ("Cơ quan ban hành", "Issuing body"),
    "report.addressee": ("Kính gửi", "Sent to"),
    "report.symbol": ("Ký hiệu sau /BC-", "Symbol after /BC-"),
    "report.place": ("Địa danh (dòng ngày tháng)", "Place (on the date line)"),
    "report.signer_capacity": ("Thẩm quyền ký", "Signing for"),
    "report.signer_post": ("Chức vụ người ký", "Signer's post"),
    "report.signer_name": ("Họ tên người ký", "Signer's name"),
    "report.recipients": ("Nơi nhận", "Recipients"),
    "report.target.visits": ("Chỉ tiêu: lượt thăm hộ", "Target: visits"),
    "report.target.households_visited": ("Chỉ tiêu: số hộ được thăm", "Target: households visited"),
    "report.target.coverage": ("Chỉ tiêu: tỷ lệ hộ được thăm (%)", "Target: share of households visited (%)"),
    "report.target.support_value": ("Chỉ tiêu: giá trị hỗ trợ (nghìn đồng)", "Target: support (thousand đồng)"),
    "report.target.follow_ups_done": ("Chỉ tiêu: việc theo dõi hoàn thành", "Target: follow-ups done"),
    "report.target.activities": ("Chỉ tiêu: hoạt động cộng đồng", "Target: community activities"),
    "report.target.attendance": ("Chỉ tiêu: lượt người dự", "Target: attendance"),
    "sync.share": ("Thư mục dùng chung", "Shared folder"),
}.items()})
