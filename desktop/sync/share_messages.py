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
        "sync.roster_name_taken": {
            "vi": "Trong thư mục dùng chung {path}, “station.json” (danh sách các máy của trạm) là một thư mục có "
            "nội dung do người hay chương trình khác đặt vào, nên máy quản trị không ghi lại được danh sách. Hãy "
            "chuyển thư mục đó ra chỗ khác rồi đồng bộ lại; không mất gì.",
            "en": "In the shared folder {path}, “station.json” (the station's list of laptops) is a folder with "
            "something in it, put there by someone or another program, so the admin's laptop cannot write the "
            "list again. Move that folder elsewhere, then sync again; nothing is lost.",
        },
        "sync.reason.ack_blocked": {
            "vi": "máy này chưa ghi được vào thư mục dùng chung tệp xác nhận những gì nó đã nhận (có một thư mục "
            "hoặc mục khác nằm đúng chỗ tệp đó, hoặc thư mục không cho ghi); việc đồng bộ vẫn xong, chỉ là máy quản "
            "trị chưa dọn được các tệp cũ máy này đã nhận: hãy nhờ quản trị viên xoá mục đó",
            "en": "this laptop could not write on the shared folder the file that acknowledges what it has received "
            "(a folder or other entry is where that file goes, or the folder refuses writing); the sync itself went "
            "through, only the admin's clean-up cannot yet remove the old files this laptop has received: ask the "
            "admin to remove that entry",
        },
        "sync.own_name_taken": {
            "vi": "Trong thư mục dùng chung {path}, “{entry}” không phải thứ máy này đã ghi mà là một thư mục, tệp "
            "hoặc mục khác do người hay chương trình khác đặt vào, đúng chỗ máy này ghi các tệp đồng bộ của mình; "
            "máy này chưa gửi được các thay đổi. Hãy nhờ quản trị viên xoá “{entry}”. Không mất gì: các thay đổi "
            "của máy này được gửi ở lần đồng bộ đầu tiên sau đó.",
            "en": "In the shared folder {path}, “{entry}” is not what this laptop wrote but a folder, file or other "
            "entry put there by someone or another program, where this laptop writes its sync files; this laptop's "
            "changes could not be sent. Ask the admin to remove “{entry}”. Nothing is lost: this laptop's changes "
            "are sent at the first sync after that.",
        },
    }
)
