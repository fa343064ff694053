"""Messages of the store, in Vietnamese and English."""

from desktop import i18n

i18n.register(
    {
        "store.missing": {
            "vi": "Không tìm thấy cơ sở dữ liệu {path}. Hãy chạy 'wardbook init' hoặc 'wardbook demo' trước.",
            "en": "No database at {path}. Run 'wardbook init' or 'wardbook demo' first.",
        },
        "store.unreadable": {
            "vi": "Không mở được cơ sở dữ liệu {path}: {reason}",
            "en": "Cannot open the database {path}: {reason}",
        },
        "store.not_wardbook": {
            "vi": "{path} không phải cơ sở dữ liệu WardBook; tệp được giữ nguyên, không mở, không sửa.",
            "en": "{path} is not a WardBook database; the file was left as it is, neither opened nor changed.",
        },
        "store.not_a_file": {
            "vi": "{path} không phải một tệp thường (thiết bị hay ống dẫn); hãy chỉ đường dẫn tới tệp cơ sở dữ liệu.",
            "en": "{path} is not an ordinary file (a device or a pipe); give the path of a database file.",
        },
        "store.is_directory": {
            "vi": "{path} là một thư mục, không phải tệp; hãy chỉ đường dẫn tới một tệp.",
            "en": "{path} is a folder, not a file; give the path of a file.",
        },
        "store.too_new": {
            "vi": "Cơ sở dữ liệu ở phiên bản {version}, mới hơn phiên bản ứng dụng hỗ trợ ({supported}). "
            "Hãy cập nhật ứng dụng.",
            "en": "The database is at version {version}, newer than this app supports ({supported}). "
            "Update the app.",
        },
        "store.no_such_row": {
            "vi": "Không có bản ghi {id} trong bảng {table}.",
            "en": "No record {id} in {table}.",
        },
        "store.row_deleted": {
            "vi": "Bản ghi {id} trong bảng {table} đã bị xoá.",
            "en": "Record {id} in {table} has been deleted.",
        },
        "store.not_a_number": {
            "vi": "Trường {field} phải là số (nhận được: {value}).",
            "en": "Field {field} must be a number (got: {value}).",
        },
        "store.app_already_open": {
            "vi": "WardBook đang mở sổ {path} rồi. Hãy dùng cửa sổ đang mở (tìm trên thanh tác vụ); hai cửa sổ cùng "
            "một sổ sẽ ghi đè công việc của nhau.",
            "en": "WardBook is already open with the register {path}. Use the window that is open (look for it on "
            "the taskbar); two windows on one register would undo each other's work.",
        },
        "store.app_open": {
            "vi": "WardBook đang mở sổ {path}. Hãy đóng WardBook trước, rồi chạy lại lệnh này.",
            "en": "WardBook is open with the register {path}. Close WardBook first, then run this again.",
        },
        "store.being_replaced": {
            "vi": "Sổ {path} đang được khôi phục hoặc thay thế. Hãy chờ việc đó xong rồi thử lại.",
            "en": "The register {path} is being restored or replaced right now. Wait until that is done, then try "
            "again.",
        },
        "store.sync_running": {
            "vi": "Máy này đang đồng bộ sổ {path}. Hãy chờ lần đồng bộ đó xong rồi thử lại; không có gì bị mất.",
            "en": "A sync is already running on this laptop for the register {path}. Wait until it is done, then "
            "try again; nothing was lost.",
        },
        "store.inside_share": {
            "vi": "Không dùng cơ sở dữ liệu {path}: nó nằm trong thư mục đồng bộ dùng chung {share}. Thư mục đó "
            "dùng chung cho mọi máy, và cơ sở dữ liệu đặt trên thư mục mạng sẽ bị hỏng. Hãy để cơ sở dữ liệu trên "
            "ổ đĩa của chính máy này (chuyển tệp ra khỏi thư mục đó) rồi mở lại.",
            "en": "Will not use the database {path}: it is inside the shared sync folder {share}. That folder is "
            "shared by every laptop, and a database kept on a network folder gets damaged. Keep the database on "
            "this laptop's own disk (move the file out of that folder), then open it there.",
        },
    }
)
