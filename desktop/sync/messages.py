"""Messages of sync, in Vietnamese and English."""

from desktop import i18n
from desktop.failures import causes

i18n.register(
    {
        "sync.bad_file": {
            "vi": "Tệp đồng bộ {file} chưa được áp dụng: {why}.",
            "en": "Sync file {file} was not applied: {why}.",
        },
        "sync.no_share": {
            "vi": "Không truy cập được thư mục dùng chung {path}.",
            "en": "Cannot reach the shared folder {path}.",
        },
        "sync.share_unreachable": {
            "vi": "Không kết nối được với máy {host} để mở thư mục dùng chung {path}: máy đó có thể đang tắt, không "
            "cùng mạng với máy này, hoặc địa chỉ bị gõ sai.",
            "en": "Cannot connect to the computer {host} to open the shared folder {path}: it may be switched off or "
            "not on this network, or the address may be mistyped.",
        },
        "sync.share_relative": {
            "vi": "“{path}” chưa phải đường dẫn đầy đủ của một thư mục: hãy chọn thư mục bằng nút Chọn… hoặc gõ cả "
                  "đường dẫn (ví dụ \\\\tram\\wardbook hoặc /mnt/wardbook).",
            "en": "“{path}” is not the full path of a folder: choose the folder with Choose… or type the whole path "
                  "(for example \\\\station\\wardbook or /mnt/wardbook).",
        },
        "sync.share_missing": {
            "vi": "Không thấy thư mục {path}: hãy kiểm tra ổ mạng hoặc USB đã được kết nối, hoặc chọn lại thư mục.",
            "en": "There is no folder {path}: check that the network drive or USB stick is connected, or choose "
                  "the folder again.",
        },
        "sync.share_not_folder": {
            "vi": "{path} là một tệp, không phải thư mục: hãy chọn thư mục dùng chung.",
            "en": "{path} is a file, not a folder: choose the shared folder.",
        },
        "sync.share_address": {
            "vi": "“{path}” chưa phải địa chỉ đầy đủ của một thư mục dùng chung: hãy viết smb://tên-máy/tên-thư-mục.",
            "en": "“{path}” is not the full address of a shared folder: write it as smb://computer/folder.",
        },
        "sync.share_login_refused": {
            "vi": "Máy {host} không chấp nhận tên đăng nhập hoặc mật khẩu của thư mục dùng chung {path}. Hãy hỏi lại "
            "người quản lý máy đó.",
            "en": "The computer {host} did not accept the user name or password for the shared folder {path}. Check "
            "them with whoever looks after that computer.",
        },
        "sync.share_not_found": {
            "vi": "Máy {host} không có thư mục dùng chung tên “{share}” ({path}); hãy kiểm tra lại tên.",
            "en": "The computer {host} has no shared folder named “{share}” ({path}); check the name.",
        },
        "sync.share_incomplete": {
            "vi": "Thư mục đồng bộ {path} thiếu thư mục devices (bị xoá hoặc chọn nhầm thư mục); không đồng bộ. "
            "Hãy báo quản trị viên.",
            "en": "The sync folder {path} has no devices folder (deleted, or the wrong folder); nothing was synced. "
            "Please tell the admin.",
        },
        "sync.not_a_share": {
            "vi": "{path} không phải thư mục đồng bộ của trạm (thiếu station.json).",
            "en": "{path} is not a station sync folder (no station.json).",
        },
        "sync.already_in_station": {
            "vi": "Máy này đã thuộc trạm {station}; một máy chỉ thuộc một trạm. Muốn lập trạm mới, hãy dùng một cơ sở "
            "dữ liệu mới.",
            "en": "This laptop already belongs to station {station}; a laptop belongs to one station only. To set up "
            "a new station, use a new database.",
        },
        "sync.other_station": {
            "vi": "Máy này thuộc trạm {station}, còn thư mục này là của một trạm khác ({other}): chưa ghi gì vào "
            "đây, và máy vẫn đồng bộ với trạm của mình như cũ. Hãy chọn đúng thư mục đồng bộ của trạm mình. Nếu máy "
            "quản trị của trạm cũ thật sự đã mất và trạm đã được lập lại, máy này chưa tự chuyển sang trạm mới được: "
            "những gì máy chưa gửi vẫn nằm trên máy; đừng xoá gì và báo cho quản trị viên.",
            "en": "This laptop belongs to station {station}, and this folder is another station's ({other}): nothing "
            "was written here, and this laptop syncs with its own station as before. Choose your station's sync "
            "folder. If the old station's admin laptop is really lost and the station was set up again, this laptop "
            "cannot move to the new station by itself yet: what it has not sent stays on it; delete nothing and tell "
            "the admin.",
        },
        "sync.share_exists": {
            "vi": "{path} đã là thư mục đồng bộ của một trạm.",
            "en": "{path} is already a station sync folder.",
        },
        "sync.no_request": {
            "vi": "Không có yêu cầu tham gia của máy {device}.",
            "en": "No enrollment request from device {device}.",
        },
        "sync.request_id_taken": {
            "vi": "Yêu cầu tham gia “{request}” dùng số máy {device} của máy “{name}” đã có trong trạm: không thể "
            "duyệt (duyệt sẽ thay khóa của máy đó). Hãy xoá yêu cầu này; một máy được cài lại sẽ xin tham gia với số "
            "máy mới.",
            "en": "The request to join “{request}” uses the number {device} of the laptop “{name}”, already in the "
            "station: it cannot be approved (that would replace that laptop's keys). Remove this request; a laptop "
            "set up again asks to join with a new number.",
        },
        "sync.cli_id_taken": {
            "vi": "dùng số máy của “{name}”: không thể duyệt, hãy xoá",
            "en": "uses the number of “{name}”: cannot be approved, remove it",
        },
        "sync.unknown_device": {
            "vi": "Máy {device} không có trong danh sách của trạm.",
            "en": "Device {device} is not on the station roster.",
        },
        "sync.not_enrolled": {
            "vi": "Máy này ({device}) chưa được quản trị viên duyệt; hãy chờ duyệt rồi đồng bộ lại.",
            "en": "This laptop ({device}) has not been approved by the admin yet; sync again once approved.",
        },
        "sync.no_share_set": {
            "vi": "Chưa chọn thư mục dùng chung: dùng --share ĐƯỜNG_DẪN.",
            "en": "No shared folder chosen: use --share PATH.",
        },
        "sync.cli_initialised": {
            "vi": "Đã tạo thư mục đồng bộ {path} (trạm {station}); máy này là máy đầu tiên.",
            "en": "Created the sync folder {path} (station {station}); this laptop is its first device.",
        },
        "sync.cli_requested": {
            "vi": "Đã gửi yêu cầu tham gia của máy {device}; chờ quản trị viên duyệt rồi chạy 'wardbook sync'.",
            "en": "Asked to join as device {device}; once the admin approves, run 'wardbook sync'.",
        },
        "sync.cli_approved": {"vi": "Đã duyệt máy {device}.", "en": "Approved device {device}."},
        "sync.cli_revoked": {
            "vi": "Đã thu hồi máy {device}; khóa dữ liệu mới (kỳ {epoch}) chỉ các máy còn lại đọc được.",
            "en": "Revoked device {device}; the new data key (epoch {epoch}) is readable by the others only.",
        },
        "sync.revoke_sync_running": {
            "vi": "Máy này đang đồng bộ nên chưa thu hồi máy nào. Hãy thử lại sau giây lát.",
            "en": "A sync is running on this laptop, so nothing was revoked. Try again in a moment.",
        },
        "sync.revoke_unsent": {
            "vi": "Đã thu hồi máy {device}. Lần đồng bộ ngay trước đó không thực hiện được: {cause} Những gì máy "
            "này chưa gửi vẫn nằm trên máy và sẽ được gửi ở lần đồng bộ sau; những gì máy bị thu hồi đã gửi mà máy "
            "này chưa nhận thì không được nhận nữa.",
            "en": "Device {device} was revoked. The sync just before it did not go through: {cause} What this "
            "laptop had not sent stays on it and is sent at its next sync; what the revoked laptop sent that this "
            "laptop had not received yet is no longer accepted.",
        },
        "sync.cli_request_removed": {
            "vi": "Đã xoá yêu cầu tham gia của máy {device}.",
            "en": "Removed the request to join from device {device}.",
        },
        "sync.cli_enrolled": {"vi": "đã tham gia", "en": "enrolled"},
        "sync.cli_pending": {"vi": "chờ duyệt", "en": "waiting for approval"},
        "sync.cli_done": {
            "vi": "Đồng bộ xong: gửi {published} tệp, nhận {applied} tệp.",
            "en": "Sync done: {published} file(s) published, {applied} applied.",
        },
        "sync.col_device": {"vi": "Máy", "en": "Device"},
        "sync.col_name": {"vi": "Tên", "en": "Name"},
        "sync.col_on_share": {"vi": "Đã gửi", "en": "Published"},
        "sync.col_applied": {"vi": "Đã nhận", "en": "Applied"},
        "sync.col_lag": {"vi": "Chậm", "en": "Lag"},
        "sync.col_errors": {"vi": "Lỗi", "en": "Errors"},
        "sync.col_conflicts": {"vi": "Xung đột", "en": "Conflicts"},
        "sync.col_refused": {"vi": "Bị từ chối", "en": "Refused"},
        "sync.refused_change": {
            "vi": "Không nhận thay đổi của {user} ({change} {record}): {why}",
            "en": "Change by {user} not accepted ({change} {record}): {why}",
        },
        "sync.own_refused_change": {
            "vi": "Trạm không nhận thay đổi của máy này ({change} {record}): {why}",
            "en": "The station did not accept this laptop's change ({change} {record}): {why}",
        },
        "sync.own_refused_written": {"vi": "Nội dung đã ghi: {written}", "en": "What was written: {written}"},
        "sync.cli_own_refused": {
            "vi": "{count} thay đổi của máy này không được trạm nhận: tài khoản không còn quyền làm (chẳng hạn vai trò "
            "vừa bị hạ). Các máy khác không có chúng; xem từng thay đổi: wardbook sync status.",
            "en": "{count} of this laptop's changes were not accepted by the station: the account no longer had the "
            "right to make them (its role was lowered, say). No other laptop has them; each one: wardbook sync "
            "status.",
        },
        "sync.col_at": {"vi": "Lúc", "en": "At"},
        "sync.col_record": {"vi": "Thay đổi", "en": "Change"},
        "sync.col_why": {"vi": "Lý do", "en": "Why"},
        "sync.col_user": {"vi": "Tài khoản", "en": "Account"},
        "sync.cli_refused": {
            "vi": "{count} thay đổi bị từ chối vì máy gửi không có quyền (không áp dụng, được giữ lại để quản trị "
            "viên xem: wardbook sync refused).",
            "en": "{count} changes refused because the sending laptop had no right to make them (not applied, kept "
            "for the admin: wardbook sync refused).",
        },
        "sync.cli_bound": {
            "vi": "Máy {device} từ nay dùng cho tài khoản {user} ({role}).",
            "en": "Laptop {device} now acts for account {user} ({role}).",
        },
        "sync.cli_approved_as": {
            "vi": "Đã duyệt máy {device} cho tài khoản {user} ({role}).",
            "en": "Approved laptop {device} for account {user} ({role}).",
        },
        "sync.col_clock": {"vi": "Lệch giờ (phút)", "en": "Clock (min)"},
        "sync.no_conflict": {"vi": "Không có xung đột số {id}.", "en": "No conflict number {id}."},
        "sync.conflict_not_yours": {
            "vi": "Xung đột số {id} thuộc hồ sơ bạn không có quyền xem; bạn không thể quyết định thay.",
            "en": "Conflict number {id} concerns a record you may not see; you cannot decide it.",
        },
        # How the conflicts inbox writes a record's field and its two values.
        "field.deleted_hlc": {"vi": "Xoá bản ghi", "en": "Deletion of the record"},
        "sync.conflict.other_field": {"vi": "Một thông tin khác của bản ghi", "en": "Another detail of the record"},
        "sync.conflict.empty": {"vi": "(trống)", "en": "(empty)"},
        "sync.conflict.deleted": {"vi": "đã xoá", "en": "deleted"},
        "sync.conflict.not_deleted": {"vi": "không xoá", "en": "not deleted"},
        "sync.conflict.edited": {"vi": "sửa {changes}", "en": "edited: {changes}"},
        "sync.conflict.yes": {"vi": "Có", "en": "Yes"},
        "sync.conflict.no": {"vi": "Không", "en": "No"},
        "sync.conflict.password_changed": {"vi": "mật khẩu đã được đổi", "en": "the password was changed"},
        "sync.conflict.not_here": {"vi": "(bản ghi không có trên máy này)", "en": "(a record not on this laptop)"},
        "sync.cannot_restore": {
            "vi": "Bản ghi đã bị xoá trên máy khác; không thể khôi phục từ đây.",
            "en": "The record was deleted on another laptop; it cannot be restored from here.",
        },
        "sync.roster_refused": {
            "vi": "Danh sách máy của trạm (station.json) không mang chữ ký hợp lệ của máy quản trị ({why}); "
            "chưa đồng bộ gì. Báo cho quản trị viên.",
            "en": "The station roster (station.json) is not validly signed by the admin laptop ({why}); "
            "nothing was synced. Tell the admin.",
        },
        "sync.roster_damaged": {
            "vi": "Danh sách máy của trạm (station.json) trong thư mục dùng chung {path} bị hỏng (bị cắt cụt hoặc bị "
            "sửa); máy quản trị sẽ ghi lại ở lần đồng bộ tới của nó: hãy nhờ quản trị viên đồng bộ.",
            "en": "The station's list of laptops (station.json) in the shared folder {path} is damaged (cut short or "
            "changed); the admin's laptop writes it again at its next sync: ask the admin to sync.",
        },
        "sync.cli_roster_damaged": {
            "vi": "Danh sách máy của trạm trong thư mục dùng chung {path} bị hỏng: máy này đã gửi các thay đổi của "
            "nó nhưng chưa nhận tệp nào của các máy khác (danh sách hỏng có thể che việc thu hồi một máy). Hãy nhờ "
            "quản trị viên đồng bộ: máy quản trị sẽ ghi lại danh sách.",
            "en": "The station's list of laptops in the shared folder {path} is damaged: this laptop sent its own "
            "changes but took no other laptop's files (a damaged list could hide a laptop's revocation). Ask the "
            "admin to sync: the admin's laptop writes the list again.",
        },
        "sync.reason.stray_folder": {
            "vi": "thư mục này không phải thư mục của một máy trong trạm (được chép hoặc đổi tên bằng tay?); không "
            "đọc các tệp trong đó: hãy xoá nó hoặc chuyển ra khỏi thư mục devices",
            "en": "this folder is no laptop's folder of the station (copied or renamed by hand?); its files are not "
            "read: delete it or move it out of the devices folder",
        },
        "sync.reason.list_damaged": {
            "vi": "danh sách máy của trạm bị hỏng; máy này vẫn gửi các thay đổi của nó nhưng không nhận tệp của máy "
            "khác cho tới khi máy quản trị ghi lại danh sách ở lần đồng bộ tới của nó: hãy nhờ quản trị viên đồng bộ",
            "en": "the station's list of laptops is damaged; this laptop still sends its own changes but takes no "
            "other laptop's files until the admin's laptop writes the list again at its next sync: ask the admin "
            "to sync",
        },
        "sync.roster_rollback": {
            "vi": "Danh sách máy của trạm bị thay bằng bản cũ (phiên bản {found}, máy này đã thấy {pinned}); "
            "chưa đồng bộ gì. Báo cho quản trị viên.",
            "en": "The station roster was replaced by an older one (version {found}, this laptop has seen "
            "{pinned}); nothing was synced. Tell the admin.",
        },
        "sync.roster_forked": {
            "vi": "Danh sách máy của trạm trên thư mục dùng chung không phải bản máy này đã nhận với cùng số phiên "
            "bản {version}: một bản cũ đã được đặt lại rồi bị sửa (có thể để xoá việc thu hồi một máy); chưa đồng "
            "bộ và chưa sửa gì. Báo cho quản trị viên.",
            "en": "The station roster on the shared folder is not the one this laptop accepted under the same version "
            "number {version}: an old copy was put back and changed (perhaps to undo a laptop's revocation); "
            "nothing was synced or changed. Tell the admin.",
        },
        "sync.reason.forked": {
            "vi": "danh sách máy của trạm không phải bản máy này đã nhận với cùng số phiên bản (một bản cũ đã được "
            "đặt lại rồi bị sửa)",
            "en": "the station roster is not the one this laptop accepted under the same version number (an old "
            "copy was put back and changed)",
        },
        "sync.not_admin": {
            "vi": "Chỉ máy quản trị của trạm mới được sửa danh sách máy.",
            "en": "Only the station's admin laptop may change the roster.",
        },
        "sync.bad_snapshot": {
            "vi": "Bản chụp dữ liệu trên thư mục dùng chung không hợp lệ ({why}); không dùng.",
            "en": "The snapshot on the shared folder is not valid ({why}); not used.",
        },
        "sync.no_snapshot": {
            "vi": "Chưa có bản chụp dữ liệu nào trên {path}: máy quản trị chạy 'wardbook share snapshot' trước.",
            "en": "No snapshot on {path} yet: run 'wardbook share snapshot' on the admin laptop first.",
        },
        "sync.bootstrap_not_empty": {
            "vi": "Máy này đã có dữ liệu; chỉ máy mới (hoặc vừa cài lại) mới khởi tạo từ bản chụp.",
            "en": "This laptop already holds data; only a new (or re-imaged) laptop starts from a snapshot.",
        },
        "sync.cli_snapshot": {
            "vi": "Đã ghi bản chụp {id} lên thư mục dùng chung.",
            "en": "Wrote snapshot {id} to the shared folder.",
        },
        "sync.restored_copy": {
            "vi": "Cơ sở dữ liệu của máy này đã được khôi phục từ một bản cũ hơn: đã lấy lại từ thư mục dùng chung "
            "{files} tệp với {changes} thay đổi mà máy này gửi sau khi bản đó được tạo. Không mất hồ sơ nào.",
            "en": "This laptop's database had been restored from an older copy: {files} file(s) with {changes} "
            "change(s) it sent after that copy was made were taken back from the shared folder. No record was lost.",
        },
        "sync.restored_recoded": {
            "vi": "Mã hộ {old} đã được cấp hai lần (trước và sau khi khôi phục): hộ ghi sau khi khôi phục nay có "
            "mã {new}.",
            "en": "Household code {old} had been given twice (before and after the restore): the household "
            "recorded after the restore now has code {new}.",
        },
        "sync.cli_caught_up": {
            "vi": "Máy này vắng lâu hơn thời gian giữ tệp trên thư mục dùng chung: đã cập nhật từ bản chụp nền {id} "
            "(các thay đổi của máy này đã được gửi trước).",
            "en": "This laptop was away longer than the shared folder keeps files: it caught up from base snapshot "
            "{id} (its own changes were sent first).",
        },
        "sync.cli_compacted": {
            "vi": "Đã ghi bản chụp nền {id}; đã xoá {files} tệp đồng bộ và {snapshots} bản chụp cũ mà mọi máy đã "
            "nhận.",
            "en": "Wrote base snapshot {id}; removed {files} sync files and {snapshots} older snapshots that every "
            "laptop has applied.",
        },
        "sync.cli_compact_plan": {
            "vi": "Sẽ xoá {files} tệp đồng bộ mà mọi máy đã nhận (chưa xoá gì).",
            "en": "Would remove {files} sync files that every laptop has applied (nothing removed yet).",
        },
        "sync.cli_compact_waiting": {
            "vi": "Máy {device} chưa đồng bộ với phiên bản này: chưa xoá được gì cho tới khi máy đó đồng bộ (hoặc "
            "quản trị viên để máy đó lại sau).",
            "en": "Laptop {device} has not synced with this version yet: nothing can be removed until it syncs (or "
            "the admin leaves it behind).",
        },
        "sync.cli_bootstrapped": {
            "vi": "Đã khởi tạo từ bản chụp {id}; lần đồng bộ sau chỉ nhận các tệp mới hơn.",
            "en": "Started from snapshot {id}; the next sync applies only the files after it.",
        },
        "sync.own_file_unreadable": {
            "vi": "Không đọc lại được tệp đồng bộ {file} của chính máy này trên thư mục dùng chung ({why}); "
            "sẽ thử lại ở lần đồng bộ sau.",
            "en": "This laptop's own sync file {file} on the shared folder could not be read back ({why}); "
            "the next sync tries again.",
        },
        "sync.file_warning": {
            "vi": "Tệp đồng bộ {file}: {why}.",
            "en": "Sync file {file}: {why}.",
        },
        "sync.cli_problems": {
            "vi": "Sự cố chưa hết ({count}):",
            "en": "Problems not over yet ({count}):",
        },
        "sync.reason.gap": {
            "vi": "thiếu một tệp trước nó trên thư mục dùng chung; sẽ áp dụng khi tệp đó xuất hiện",
            "en": "an earlier file is missing from the shared folder; it is applied once that file appears",
        },
        "sync.reason.clock_future": {
            "vi": "đồng hồ của máy gửi nhanh hơn máy này quá 10 phút; dữ liệu vẫn được áp dụng, hãy chỉnh lại "
            "đồng hồ máy đó",
            "en": "the sending laptop's clock is more than 10 minutes ahead of this one; its data was applied "
            "anyway, set that laptop's clock right",
        },
        "sync.clock_ahead_of_share": {
            "vi": "Đồng hồ của máy này nhanh hơn đồng hồ của máy giữ thư mục dùng chung khoảng {amount} (đo ở lần "
            "đồng bộ gần nhất). Hãy kiểm tra ngày, giờ và múi giờ của máy này (Việt Nam là UTC+07:00): khi đồng hồ "
            "nhanh, sửa đổi trên máy này đè lên cả những sửa đổi mới hơn của các máy khác. Nếu ngày giờ của máy này "
            "đúng thì đồng hồ của máy giữ thư mục dùng chung sai: hãy báo quản trị viên.",
            "en": "This laptop's clock is about {amount} ahead of the clock of the computer that keeps the shared "
            "folder (measured at the last sync). Check this laptop's date, time and time zone (Vietnam is "
            "UTC+07:00): while its clock is ahead, its edits win even over newer edits made on the other laptops. If "
            "they are right, the clock of the computer that keeps the shared folder is wrong: tell the admin.",
        },
        "sync.clock_behind_share": {
            "vi": "Đồng hồ của máy này chậm hơn đồng hồ của máy giữ thư mục dùng chung khoảng {amount} (đo ở lần "
            "đồng bộ gần nhất). Hãy kiểm tra ngày, giờ và múi giờ của máy này (Việt Nam là UTC+07:00): khi đồng hồ "
            "chậm, sửa đổi trên máy này thua cả những sửa đổi cũ hơn của các máy khác. Nếu ngày giờ của máy này "
            "đúng thì đồng hồ của máy giữ thư mục dùng chung sai: hãy báo quản trị viên.",
            "en": "This laptop's clock is about {amount} behind the clock of the computer that keeps the shared "
            "folder (measured at the last sync). Check this laptop's date, time and time zone (Vietnam is "
            "UTC+07:00): while its clock is behind, its edits lose even to older edits made on the other laptops. If "
            "they are right, the clock of the computer that keeps the shared folder is wrong: tell the admin.",
        },
        "sync.clock_amount_hours": {"vi": "{hours} giờ {minutes} phút", "en": "{hours} h {minutes} min"},
        "sync.clock_amount_days": {"vi": "{days} ngày", "en": "{days} days"},
        "sync.reason.clock_ahead": {
            "vi": "đồng hồ của máy gửi nhanh hơn máy này hơn một năm; tệp chưa được áp dụng (không mất gì) và sẽ "
            "được áp dụng khi đồng hồ máy này tới thời điểm đó; hãy chỉnh lại đồng hồ máy gửi và báo quản trị viên",
            "en": "the sending laptop's clock is more than a year ahead of this one; the file is not applied yet "
            "(nothing is lost) and will be once this laptop's clock gets there; set the sending laptop's clock "
            "right and tell the admin",
        },
        "sync.reason.unreadable": {
            "vi": "không đọc được tệp",
            "en": "the file could not be read",
        },
        "sync.reason.unenrolled": {
            "vi": "tệp do một máy chưa được duyệt hoặc đã bị thu hồi ký",
            "en": "it was signed by a laptop that is not approved or was revoked",
        },
        "sync.reason.not_admin_snapshot": {
            "vi": "bản chụp không do máy của quản trị viên ghi",
            "en": "the snapshot was not written by an admin's laptop",
        },
        "sync.reason.audit_head": {
            "vi": "chữ ký đầu chuỗi nhật ký truy cập trong tệp không đúng",
            "en": "the signed head of the audit log in the file does not check out",
        },
        "sync.reason.revoked": {
            "vi": "tệp do một máy đã bị thu hồi ghi sau khi bị thu hồi",
            "en": "it was written by a revoked laptop after its revocation",
        },
        "sync.reason.replaced": {
            "vi": "tệp đã bị thay bằng nội dung khác sau khi máy ghi nó bị thu hồi: đây không phải tệp máy quản "
            "trị đã nhận, nên không được áp dụng; hãy báo quản trị viên",
            "en": "the file was replaced with other contents after its laptop was revoked: it is not the file the "
            "admin's laptop accepted, so it is not applied; please tell the admin",
        },
        "sync.reason.revoked_diverged": {
            "vi": "máy này đã nhận một phiên bản tệp của máy đã bị thu hồi khác với tệp máy quản trị đã nhận: dữ liệu "
            "từ máy đó trên máy này có thể khác với máy quản trị; hãy báo quản trị viên để kiểm tra",
            "en": "this laptop applied a version of the revoked laptop's file other than the one the admin's laptop "
            "accepted: what that laptop sent may differ here from the admin's laptop; please tell the admin to "
            "check it",
        },
        "sync.reason.revoked_beyond": {
            "vi": "máy này đã nhận các tệp mà máy đã bị thu hồi ghi sau điểm thu hồi (trước khi biết việc thu hồi): "
            "máy quản trị không có các thay đổi đó; hãy báo quản trị viên để kiểm tra",
            "en": "this laptop applied files the revoked laptop wrote after the point of its revocation (before it "
            "learned of the revocation): the admin's laptop does not have those changes; please tell the admin to "
            "check them",
        },
        "sync.revoked": {
            "vi": "Máy này ({device}) đã bị quản trị viên thu hồi: không đồng bộ được nữa. Hãy liên hệ quản trị viên.",
            "en": "This laptop ({device}) was revoked by the admin: it can no longer sync. Please contact the admin.",
        },
        "sync.account_disabled": {
            "vi": "Tài khoản gắn với máy này đã bị khóa: máy không nhận dữ liệu mới của phường và không gửi được thay "
            "đổi nữa. Nếu tài khoản được mở lại, lần đồng bộ sau sẽ chạy bình thường. Hãy liên hệ quản trị viên.",
            "en": "The account this laptop is bound to was disabled: the laptop no longer receives the ward's new "
            "records nor sends changes. If the account is enabled again, the next sync works as before. Please "
            "contact the admin.",
        },
        "sync.cannot_revoke_admin": {
            "vi": "Không thu hồi được máy của quản trị viên trạm: máy này ký danh sách máy của trạm.",
            "en": "The station admin's laptop cannot be revoked: it signs the station's roster.",
        },
        "sync.cli_revoked_mark": {"vi": "đã thu hồi", "en": "revoked"},
        "sync.reason.waiting": {
            "vi": "tệp sửa hồ sơ mà máy này chưa có; sẽ nhận sau khi có tệp của các máy khác mà máy gửi đã thấy",
            "en": "it changes records this laptop does not have yet; it applies once the other laptops' files its "
            "writer had seen are here",
        },
        "sync.reason.apply_failed": {
            "vi": "tệp không áp dụng được (dữ liệu bất thường); các tệp của máy khác vẫn được nhận",
            "en": "the file could not be applied (unusual data); other laptops' files still apply",
        },
        "sync.reason.renamed": {
            "vi": "tệp đã bị đổi tên hoặc chép sang chỗ khác (số thứ tự hoặc máy không khớp nội dung)",
            "en": "the file was renamed or copied elsewhere (its number or laptop does not match its contents)",
        },
        "sync.reason.station": {
            "vi": "tệp thuộc về một trạm khác",
            "en": "the file belongs to another station",
        },
        "sync.reason.chain": {
            "vi": "tệp không nối tiếp tệp trước của cùng máy (bị thay thế hoặc gửi lại)",
            "en": "the file does not follow that laptop's previous file (replaced or replayed)",
        },
        "sync.reason.format": {
            "vi": "nội dung không theo định dạng đã biết (có thể từ một phiên bản WardBook khác)",
            "en": "its contents are not in a known layout (perhaps from another WardBook version)",
        },
        "sync.reason.magic": {
            "vi": "đây không phải tệp đồng bộ của WardBook",
            "en": "this is not a WardBook sync file",
        },
        "sync.reason.truncated": {
            "vi": "tệp bị cắt cụt (chép chưa xong?); máy đã ghi tệp sẽ ghi lại ở lần đồng bộ tới của nó",
            "en": "the file is cut short (copying not finished?); the laptop that wrote it writes it again at its "
            "next sync",
        },
        "sync.reason.damaged": {
            "vi": "tệp bị hỏng (có byte bị đổi); máy đã ghi tệp sẽ ghi lại ở lần đồng bộ tới của nó",
            "en": "the file is damaged (bytes changed); the laptop that wrote it writes it again at its next sync",
        },
        "sync.reason.too_big": {
            "vi": "tệp lớn hơn rất nhiều so với mọi tệp một máy ghi ra (có thể máy đó đã bị can thiệp); tệp không "
            "được đọc, các tệp sau của máy đó dừng lại; hãy báo quản trị viên kiểm tra và thu hồi máy nếu cần",
            "en": "the file is far larger than any file a laptop writes (that laptop may have been tampered with); "
            "it was not read and that laptop's later files wait; please ask the admin to check it and revoke the "
            "laptop if need be",
        },
        "sync.reason.signature": {
            "vi": "chữ ký không khớp: tệp đã bị sửa; máy đã ghi tệp sẽ ghi lại ở lần đồng bộ tới của nó",
            "en": "the signature does not match: the file was altered; the laptop that wrote it writes it again at "
            "its next sync",
        },
        "sync.reason.decrypt": {
            "vi": "không giải mã được: tệp đã bị sửa hoặc máy này không có khóa",
            "en": "it could not be decrypted: the file was altered or this laptop lacks the key",
        },
        "sync.reason.unrepairable": {
            "vi": "tệp của máy này trên thư mục dùng chung bị hỏng hoặc mất và không ghi lại được như cũ (dữ liệu "
            "đã bị xoá theo thời hạn lưu trữ); hãy báo quản trị viên",
            "en": "this laptop's file on the shared folder is damaged or lost and cannot be written again as it was "
            "(its data was purged under the retention rules); please tell the admin",
        },
        "sync.reason.epoch": {
            "vi": "tệp được mã hoá bằng một khóa của trạm mà máy này chưa nhận được; hãy nhờ quản trị viên bấm "
            "Đồng bộ trên máy quản trị một lần rồi đồng bộ lại máy này",
            "en": "it is encrypted with a key of the station this laptop has not received yet; ask the admin to "
            "sync the admin laptop once, then sync this laptop again",
        },
        "sync.reason.schema": {
            "vi": "bản chụp được tạo bởi một phiên bản WardBook khác",
            "en": "the snapshot was made by another WardBook version",
        },
        "sync.reason.admin_key": {
            "vi": "được ký bằng khóa khác với khóa quản trị mà máy này đã ghi nhận khi tham gia",
            "en": "it is signed by another key than the admin key this laptop noted when it joined",
        },
        "sync.reason.rollback": {
            "vi": "đây là một bản cũ hơn bản máy này đã thấy",
            "en": "it is older than the one this laptop has already seen",
        },
    }
)

# A file this laptop could not apply because of its own environment (`desktop.sync.errors.failure_kind`): the cause
# in words, for each cause the environment's errors are told with.
i18n.register({f"sync.reason.here_{cause.removeprefix('env.')}": {
    "vi": f"máy này chưa lưu được tệp: {i18n.tr(cause, 'vi')}; không mất gì, tệp sẽ được áp dụng ở lần đồng bộ sau "
    "khi đã khắc phục",
    "en": f"this laptop could not store it: {i18n.tr(cause, 'en')}; nothing is lost, it applies at a later sync "
    "once that is fixed",
} for cause in causes()})
i18n.register({"sync.reason.here_other": {
    "vi": "máy này chưa lưu được tệp do một lỗi hệ thống; không mất gì, lần đồng bộ sau sẽ thử lại",
    "en": "this laptop could not store it because of a system error; nothing is lost, the next sync tries again",
}})
