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
        "security.empty_passphrase": {
            "vi": "Mật khẩu tệp khóa không được để trống.",
            "en": "The key-file passphrase cannot be empty.",
        },
    }
)
