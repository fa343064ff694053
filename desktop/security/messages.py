"""Messages of the security layer, in Vietnamese and English."""

from desktop import i18n

i18n.register(
    {
        "security.no_keyring": {
            "vi": "Máy này không có kho khóa của hệ điều hành ({reason}). Khóa bí mật không được lưu dạng văn bản "
            "thường: hãy dùng tệp khóa có mật khẩu (--key-file TỆP, mật khẩu qua WARDBOOK_KEY_PASSPHRASE).",
            "en": "No OS keyring works on this machine ({reason}). Secret keys are never stored in plain text: "
            "use a passphrase-protected key file (--key-file FILE, passphrase in WARDBOOK_KEY_PASSPHRASE).",
        },
        "security.bad_passphrase": {
            "vi": "Sai mật khẩu tệp khóa hoặc tệp khóa {path} bị hỏng.",
            "en": "Wrong key-file passphrase, or the key file {path} is damaged.",
        },
        "security.forbidden": {
            "vi": "Người dùng {user} ({role}) không có quyền '{permission}'.",
            "en": "User {user} ({role}) lacks the permission '{permission}'.",
        },
        "security.login_required": {
            "vi": "Cần đăng nhập (--user TÊN; mật khẩu hỏi trên màn hình hoặc qua WARDBOOK_PASSWORD).",
            "en": "Log in first (--user NAME; the password is asked for, or read from WARDBOOK_PASSWORD).",
        },
        "security.first_user_admin": {
            "vi": "Người dùng đầu tiên phải là quản trị (admin).",
            "en": "The first user must be an admin.",
        },
        "security.weak_password": {
            "vi": "Mật khẩu phải có ít nhất {minimum} ký tự.",
            "en": "The password needs at least {minimum} characters.",
        },
        "security.user_exists": {"vi": "Đã có người dùng {user}.", "en": "User {user} already exists."},
        "security.bad_login": {
            "vi": "Sai tên đăng nhập hoặc mật khẩu.",
            "en": "Wrong user name or password.",
        },
        "security.locked": {
            "vi": "Tài khoản {user} tạm khóa do nhập sai nhiều lần; thử lại sau {seconds} giây.",
            "en": "Account {user} is locked after repeated failures; try again in {seconds} s.",
        },
        "security.audit_ok": {
            "vi": "Nhật ký truy cập nguyên vẹn: {entries} mục từ {devices} máy.",
            "en": "Audit log intact: {entries} entries from {devices} device(s).",
        },
        "security.audit_broken": {
            "vi": "Nhật ký bị can thiệp: máy {device}, mục {seq} ({reason}).",
            "en": "Audit log tampered with: device {device}, entry {seq} ({reason}).",
        },
        "security.user_added": {"vi": "Đã thêm người dùng {user} ({role}).", "en": "Added user {user} ({role})."},
        "security.empty_passphrase": {
            "vi": "Mật khẩu tệp khóa không được để trống.",
            "en": "The key-file passphrase cannot be empty.",
        },
    }
)
