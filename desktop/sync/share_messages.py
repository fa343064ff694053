"""Sentences about what does not belong on the shared folder (a folder, a pipe or another entry under a name
WardBook uses), in Vietnamese and English. Imported by `desktop.sync.folder`, which every sync goes through."""

from desktop import i18n

i18n.register(
    {
        "sync.reason.not_a_file": {
            "vi": "dưới tên này trên thư mục dùng chung không phải một tệp mà là một thư mục hoặc một mục đặc biệt "
            "(ống dẫn, thiết bị) do người hay chương trình khác đặt vào; không đọc nó: hãy nhờ quản trị viên xoá nó "
            "khỏi thư mục dùng chung",
            "en": "what is under this name on the shared folder is not a file but a folder or a special entry (a "
            "pipe, a device) put there by someone or another program; it was not read: ask the admin to remove it "
            "from the shared folder",
        },
    }
)
