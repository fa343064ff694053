<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi_VN">
<context>
    <name>ActivitiesPage</name>
    <message>
        <source>Held on</source>
        <translation>Ngày tổ chức</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Số người dự</translation>
    </message>
    <message>
        <source>Community activities</source>
        <translation>Hoạt động cộng đồng</translation>
    </message>
    <message>
        <source>New activity</source>
        <translation>Thêm hoạt động</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Xóa…</translation>
    </message>
    <message>
        <source>%1 activities</source>
        <translation>%1 hoạt động</translation>
    </message>
    <message>
        <source>Delete activity</source>
        <translation>Xóa hoạt động</translation>
    </message>
    <message>
        <source>Delete the activity “%1” of %2 from the register, on every laptop after the next sync? It will no longer be listed or counted in reviews.</source>
        <translation>Xóa hoạt động “%1” ngày %2 khỏi sổ, trên mọi máy sau lần đồng bộ tới? Hoạt động sẽ không còn được liệt kê hay tính trong báo cáo sơ kết, tổng kết.</translation>
    </message>
</context>
<context>
    <name>ActivityDialog</name>
    <message>
        <source>New community activity</source>
        <translation>Hoạt động cộng đồng mới</translation>
    </message>
    <message>
        <source>Edit community activity</source>
        <translation>Sửa hoạt động cộng đồng</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Held on</source>
        <translation>Ngày tổ chức</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Số người dự</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <source>Admin</source>
        <translation>Quản trị</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Ward settings</source>
        <translation>Thông tin phường</translation>
    </message>
    <message>
        <source>Backup and personal data</source>
        <translation>Sao lưu và dữ liệu cá nhân</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Thời hạn lưu trữ</translation>
    </message>
    <message>
        <source>Ward settings (printed on reports)</source>
        <translation>Thông tin phường (in trên báo cáo)</translation>
    </message>
    <message>
        <source>Superior body</source>
        <translation>Cơ quan cấp trên</translation>
    </message>
    <message>
        <source>Issuing body</source>
        <translation>Cơ quan ban hành</translation>
    </message>
    <message>
        <source>Place (on the date line)</source>
        <translation>Địa danh (dòng ngày tháng)</translation>
    </message>
    <message>
        <source>Signer&apos;s post</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <source>Signer&apos;s name</source>
        <translation>Họ tên người ký</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>Lưu thông tin</translation>
    </message>
    <message>
        <source>%1 households · %2 people · %3 visits · %4 open follow-ups · %5 open cases</source>
        <translation>%1 hộ · %2 nhân khẩu · %3 lượt thăm · %4 việc cần theo dõi · %5 vụ việc đang xử lý</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>Không có gì thay đổi để lưu.</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>The backup was restored. Start WardBook again.</source>
        <translation>Đã khôi phục bản sao lưu. Hãy mở lại WardBook.</translation>
    </message>
    <message>
        <source>The backup was restored; the register it replaced is kept as %1. Start WardBook again.</source>
        <translation>Đã khôi phục bản sao lưu; sổ bị thay thế được giữ tại %1. Hãy mở lại WardBook.</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Đang khôi phục bản sao lưu…</translation>
    </message>
</context>
<context>
    <name>ApproveDialog</name>
    <message>
        <source>Approve a laptop</source>
        <translation>Duyệt máy</translation>
    </message>
    <message>
        <source>Approve the laptop “%1”? Choose whose laptop it is: what it sends is accepted with that account&apos;s rights.</source>
        <translation>Duyệt máy “%1”? Chọn máy này của ai: dữ liệu máy gửi lên được nhận theo quyền của tài khoản đó.</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>&amp;Tài khoản</translation>
    </message>
    <message>
        <source>No account (an officer&apos;s laptop)</source>
        <translation>Không gắn tài khoản (máy của cán bộ)</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Record</source>
        <translation>Hồ sơ</translation>
    </message>
    <message>
        <source>All records</source>
        <translation>Mọi loại hồ sơ</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Nhật ký truy cập</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Thời gian</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Người dùng</translation>
    </message>
    <message>
        <source>Did</source>
        <translation>Thao tác</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Chi tiết</translation>
    </message>
    <message>
        <source>Show every record&apos;s entries</source>
        <translation>Xem nhật ký của mọi hồ sơ</translation>
    </message>
    <message>
        <source>Verify integrity</source>
        <translation>Kiểm tra toàn vẹn</translation>
    </message>
    <message>
        <source>viewed</source>
        <translation>đã xem</translation>
    </message>
    <message>
        <source>exported</source>
        <translation>đã xuất</translation>
    </message>
    <message>
        <source>printed</source>
        <translation>đã in</translation>
    </message>
    <message>
        <source>added</source>
        <translation>đã thêm</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>đã sửa</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>đã xoá</translation>
    </message>
    <message>
        <source>deleted for good</source>
        <translation>đã xoá vĩnh viễn</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>đã nhập</translation>
    </message>
    <message>
        <source>logged in</source>
        <translation>đăng nhập</translation>
    </message>
    <message>
        <source>failed to log in</source>
        <translation>đăng nhập không thành công</translation>
    </message>
    <message>
        <source>logged out</source>
        <translation>đăng xuất</translation>
    </message>
    <message>
        <source>backed up the register</source>
        <translation>đã sao lưu sổ</translation>
    </message>
    <message>
        <source>restored a backup</source>
        <translation>đã khôi phục bản sao lưu</translation>
    </message>
    <message>
        <source>encrypted the register</source>
        <translation>đã mã hoá sổ</translation>
    </message>
    <message>
        <source>other action</source>
        <translation>thao tác khác</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Nhân khẩu</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Lượt thăm</translation>
    </message>
    <message>
        <source>Support given</source>
        <translation>Hỗ trợ</translation>
    </message>
    <message>
        <source>Activity</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Vụ việc</translation>
    </message>
    <message>
        <source>Case update</source>
        <translation>Cập nhật vụ việc</translation>
    </message>
    <message>
        <source>Commendation</source>
        <translation>Khen thưởng</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Thiết lập</translation>
    </message>
    <message>
        <source>Khu phố</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>khu phố</source>
        <translation>khu phố</translation>
    </message>
    <message>
        <source>head of household</source>
        <translation>chủ hộ</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>điện thoại</translation>
    </message>
    <message>
        <source>status</source>
        <translation>tình trạng</translation>
    </message>
    <message>
        <source>gender</source>
        <translation>giới tính</translation>
    </message>
    <message>
        <source>birth year</source>
        <translation>năm sinh</translation>
    </message>
    <message>
        <source>relation to the head</source>
        <translation>quan hệ với chủ hộ</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>số định danh</translation>
    </message>
    <message>
        <source>occupation</source>
        <translation>nghề nghiệp</translation>
    </message>
    <message>
        <source>moved in on</source>
        <translation>ngày chuyển đến</translation>
    </message>
    <message>
        <source>moved out on</source>
        <translation>ngày chuyển đi</translation>
    </message>
    <message>
        <source>purposes</source>
        <translation>mục đích</translation>
    </message>
    <message>
        <source>outcome</source>
        <translation>kết quả</translation>
    </message>
    <message>
        <source>follow-up done</source>
        <translation>đã theo dõi</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>reason for voiding</source>
        <translation>lý do hủy</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>loại</translation>
    </message>
    <message>
        <source>attendance</source>
        <translation>số người dự</translation>
    </message>
    <message>
        <source>received on</source>
        <translation>ngày tiếp nhận</translation>
    </message>
    <message>
        <source>source</source>
        <translation>nguồn tin</translation>
    </message>
    <message>
        <source>assignee</source>
        <translation>người phụ trách</translation>
    </message>
    <message>
        <source>due on</source>
        <translation>hạn xử lý</translation>
    </message>
    <message>
        <source>resolved on</source>
        <translation>ngày giải quyết</translation>
    </message>
    <message>
        <source>resolution</source>
        <translation>kết quả giải quyết</translation>
    </message>
    <message>
        <source>role</source>
        <translation>vai trò</translation>
    </message>
    <message>
        <source>password</source>
        <translation>mật khẩu</translation>
    </message>
    <message>
        <source>active</source>
        <translation>đang hoạt động</translation>
    </message>
    <message>
        <source>officer</source>
        <translation>cán bộ</translation>
    </message>
    <message>
        <source>household</source>
        <translation>hộ</translation>
    </message>
    <message>
        <source>person</source>
        <translation>nhân khẩu</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n record(s)</source>
        <translation>
            <numerusform>%1: %n hồ sơ</numerusform>
        </translation>
    </message>
    <message>
        <source>(no longer in the register)</source>
        <translation>(không còn trong sổ)</translation>
    </message>
    <message numerus="yes">
        <source>%n other field(s)</source>
        <translation>
            <numerusform>%n trường khác</numerusform>
        </translation>
    </message>
    <message>
        <source>fields: %1</source>
        <translation>trường: %1</translation>
    </message>
    <message>
        <source>periodic review</source>
        <translation>báo cáo sơ kết, tổng kết</translation>
    </message>
    <message>
        <source>walk list</source>
        <translation>danh sách đi địa bàn</translation>
    </message>
    <message>
        <source>household sheet</source>
        <translation>phiếu hộ</translation>
    </message>
    <message>
        <source>a report</source>
        <translation>một báo cáo</translation>
    </message>
    <message>
        <source>period %1</source>
        <translation>kỳ %1</translation>
    </message>
    <message>
        <source>a person&apos;s own data, on request</source>
        <translation>dữ liệu của một người, theo yêu cầu của người đó</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n dòng</numerusform>
        </translation>
    </message>
    <message>
        <source>file %1</source>
        <translation>tệp %1</translation>
    </message>
    <message numerus="yes">
        <source>%n failed attempt(s)</source>
        <translation>
            <numerusform>%n lần sai</numerusform>
        </translation>
    </message>
    <message>
        <source>as %1</source>
        <translation>với tên %1</translation>
    </message>
    <message>
        <source>%1 newest entries</source>
        <translation>%1 mục mới nhất</translation>
    </message>
    <message>
        <source>Access history of %1 %2 (%3 entries)</source>
        <translation>Lịch sử truy cập của %1 %2 (%3 mục)</translation>
    </message>
    <message>
        <source>Checking every entry…</source>
        <translation>Đang kiểm tra từng mục…</translation>
    </message>
    <message>
        <source>entry edited</source>
        <translation>mục đã bị sửa</translation>
    </message>
    <message>
        <source>entry missing</source>
        <translation>thiếu mục</translation>
    </message>
    <message>
        <source>entry duplicated or moved</source>
        <translation>mục bị trùng hoặc bị đổi chỗ</translation>
    </message>
    <message>
        <source>chain broken</source>
        <translation>chuỗi băm bị đứt</translation>
    </message>
    <message>
        <source>newest entries removed</source>
        <translation>các mục mới nhất đã bị xoá</translation>
    </message>
    <message>
        <source>Intact: no entry was edited, removed or moved.</source>
        <translation>Nguyên vẹn: không mục nào bị sửa, xoá hay đổi chỗ.</translation>
    </message>
    <message>
        <source>%1 problem(s) found:</source>
        <translation>Phát hiện %1 vấn đề:</translation>
    </message>
    <message>
        <source>laptop %1, entry %2: %3</source>
        <translation>máy %1, mục số %2: %3</translation>
    </message>
</context>
<context>
    <name>BackupBox</name>
    <message>
        <source>Backup</source>
        <translation>Sao lưu</translation>
    </message>
    <message>
        <source>Backup cancelled: no file was written.</source>
        <translation>Đã hủy sao lưu: không tệp nào được ghi.</translation>
    </message>
    <message>
        <source>Back up to a file…</source>
        <translation>Sao lưu ra tệp…</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>Khôi phục từ bản sao lưu…</translation>
    </message>
    <message>
        <source>Back up to</source>
        <translation>Sao lưu vào</translation>
    </message>
    <message>
        <source>WardBook backups (*.db)</source>
        <translation>Bản sao lưu WardBook (*.db)</translation>
    </message>
    <message>
        <source>Writing the backup…</source>
        <translation>Đang ghi bản sao lưu…</translation>
    </message>
    <message>
        <source>Backup written: %1 (encrypted with this register&apos;s key).</source>
        <translation>Đã ghi bản sao lưu: %1 (được mã hoá bằng khóa của sổ này).</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>Restore from</source>
        <translation>Khôi phục từ</translation>
    </message>
    <message>
        <source>Replace the whole register by the backup %1?

Everything written since that backup leaves the register, which is kept as it is now in a copy beside it. WardBook closes to restore it; start it again afterwards.</source>
        <translation>Thay toàn bộ sổ bằng bản sao lưu %1?

Mọi dữ liệu ghi sau lần sao lưu đó sẽ không còn trong sổ; sổ như hiện nay được giữ trong một bản sao bên cạnh. WardBook sẽ đóng lại để khôi phục; sau đó hãy mở lại ứng dụng.</translation>
    </message>
</context>
<context>
    <name>CampaignBox</name>
    <message>
        <source>Sweep: %1</source>
        <translation>Đợt rà soát: %1</translation>
    </message>
    <message>
        <source>Status in the sweep</source>
        <translation>Tình trạng trong đợt rà soát</translation>
    </message>
    <message numerus="yes">
        <source>Before: %1, %n attempt(s)</source>
        <translation>
            <numerusform>Trước đó: %1, %n lần đến</numerusform>
        </translation>
    </message>
    <message>
        <source>Not visited in this sweep yet.</source>
        <translation>Chưa đến hộ này trong đợt rà soát.</translation>
    </message>
</context>
<context>
    <name>CampaignsPage</name>
    <message>
        <source>Written: %1</source>
        <translation>Đã ghi: %1</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Số hộ</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Số lần đến</translation>
    </message>
    <message>
        <source>Last attempt</source>
        <translation>Lần đến cuối</translation>
    </message>
    <message>
        <source>Sweeps</source>
        <translation>Đợt rà soát</translation>
    </message>
    <message>
        <source>&amp;Sweep</source>
        <translation>Đợt &amp;rà soát</translation>
    </message>
    <message>
        <source>Results (Excel)…</source>
        <translation>Kết quả (Excel)…</translation>
    </message>
    <message>
        <source>Walk list (PDF)…</source>
        <translation>Danh sách đi (PDF)…</translation>
    </message>
    <message>
        <source>Households not reached yet, of the khu phố or officer chosen in a table (none chosen: the whole sweep), with boxes to tick and the questions</source>
        <translation>Các hộ chưa gặp được, của khu phố hoặc cán bộ đang chọn trong bảng (không chọn: cả đợt), có ô để đánh dấu và các câu hỏi</translation>
    </message>
    <message>
        <source>Report (PDF)…</source>
        <translation>Báo cáo (PDF)…</translation>
    </message>
    <message>
        <source>Report (Word)…</source>
        <translation>Báo cáo (Word)…</translation>
    </message>
    <message>
        <source>The same report as a Word file, to finish before signing</source>
        <translation>Cùng báo cáo dưới dạng tệp Word, để hoàn thiện trước khi ký</translation>
    </message>
    <message>
        <source>New sweep from a file…</source>
        <translation>Lập đợt rà soát từ tệp…</translation>
    </message>
    <message>
        <source>By area</source>
        <translation>Theo khu phố</translation>
    </message>
    <message>
        <source>By officer</source>
        <translation>Theo cán bộ</translation>
    </message>
    <message>
        <source>Households done per day (bars) and the pace to finish on time (line)</source>
        <translation>Số hộ đã xong theo ngày (cột) và tiến độ cần đạt để xong đúng hạn (đường)</translation>
    </message>
    <message>
        <source>No sweep yet. A team lead defines one (wardbook campaign create).</source>
        <translation>Chưa có đợt rà soát nào. Tổ trưởng lập đợt rà soát trước.</translation>
    </message>
    <message>
        <source>%1 households: %2 reached, %3 to retry, %4 not started, %5 refused, moved or not found.</source>
        <translation>%1 hộ: %2 đã gặp, %3 cần đến lại, %4 chưa đến, %5 từ chối, chuyển đi hoặc không tìm thấy.</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) left; %1 households still to finish.</source>
        <translation>
            <numerusform>Còn %n ngày; còn %1 hộ chưa xong.</numerusform>
        </translation>
    </message>
    <message>
        <source>all</source>
        <translation>tất cả</translation>
    </message>
    <message>
        <source>Households: %1 — %2 (%3)</source>
        <translation>Hộ: %1 — %2 (%3)</translation>
    </message>
    <message>
        <source>Households (choose a figure above)</source>
        <translation>Danh sách hộ (chọn một số liệu ở trên)</translation>
    </message>
    <message>
        <source>Save results as</source>
        <translation>Lưu kết quả thành</translation>
    </message>
    <message>
        <source>Writing…</source>
        <translation>Đang ghi…</translation>
    </message>
    <message>
        <source>Save walk list as</source>
        <translation>Lưu danh sách đi thành</translation>
    </message>
    <message>
        <source>Save report as</source>
        <translation>Lưu báo cáo thành</translation>
    </message>
    <message>
        <source>Sweep definition</source>
        <translation>Tệp định nghĩa đợt rà soát</translation>
    </message>
</context>
<context>
    <name>CaseDialog</name>
    <message>
        <source>New case</source>
        <translation>Thêm vụ việc</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Household (optional)</source>
        <translation>Hộ (không bắt buộc)</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Ngày tiếp nhận</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>Hạn xử lý</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Nguồn tin</translation>
    </message>
    <message>
        <source>dd/mm/yyyy, empty if none</source>
        <translation>dd/mm/yyyy, để trống nếu không có</translation>
    </message>
    <message>
        <source>e.g. người dân, tổ dân phố, đường dây nóng</source>
        <translation>ví dụ: người dân, tổ dân phố, đường dây nóng</translation>
    </message>
    <message>
        <source>Pick the household from the search results (↓, Enter).</source>
        <translation>Chọn hộ trong kết quả tìm kiếm (↓, Enter).</translation>
    </message>
</context>
<context>
    <name>CaseView</name>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Case: %1</source>
        <translation>Vụ việc: %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Trạng thái: %1</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Kết quả: %1</translation>
    </message>
    <message>
        <source>none yet</source>
        <translation>chưa có</translation>
    </message>
    <message>
        <source>Received: %1</source>
        <translation>Tiếp nhận: %1</translation>
    </message>
    <message>
        <source>Due: %1</source>
        <translation>Hạn: %1</translation>
    </message>
    <message>
        <source>Household: %1</source>
        <translation>Hộ: %1</translation>
    </message>
    <message>
        <source>Resolution: %1</source>
        <translation>Kết quả giải quyết: %1</translation>
    </message>
    <message>
        <source>Mediation result</source>
        <translation>Kết quả hòa giải</translation>
    </message>
    <message>
        <source>Tip status</source>
        <translation>Kết quả xử lý tin báo</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Kết quả giải quyết</translation>
    </message>
    <message>
        <source>When resolving or closing</source>
        <translation>Khi giải quyết xong hoặc đóng</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Received</source>
        <translation>Tiếp nhận</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Tiêu đề</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Trạng thái</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ</translation>
    </message>
    <message>
        <source>Assignee</source>
        <translation>Người phụ trách</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Không được phép</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Vụ việc</translation>
    </message>
    <message>
        <source>Open and in progress</source>
        <translation>Mới và đang xử lý</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Tất cả vụ việc</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Thêm vụ việc</translation>
    </message>
    <message>
        <source>%1 case(s)</source>
        <translation>%1 vụ việc</translation>
    </message>
</context>
<context>
    <name>ClockWarning</name>
    <message>
        <source>This computer&apos;s date looks wrong: it says %1, but the register was written on this computer up to %2. Please set the right date and time, then start WardBook again. Until then the dates filled in for you (a new visit&apos;s day, due today, this quarter) follow the wrong date: check them before saving.</source>
        <translation>Ngày giờ của máy tính có vẻ sai: máy đang báo ngày %1, nhưng sổ đã được ghi trên máy này đến ngày %2. Hãy chỉnh lại ngày giờ cho đúng rồi mở lại WardBook. Trước khi chỉnh, các ngày được điền sẵn (ngày của lượt thăm mới, đến hạn hôm nay, quý này) theo ngày sai: hãy kiểm tra trước khi lưu.</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ẩn</translation>
    </message>
</context>
<context>
    <name>CommendationsDialog</name>
    <message>
        <source>Period</source>
        <translation>Kỳ</translation>
    </message>
    <message>
        <source>Proposed for</source>
        <translation>Người được đề xuất</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>Thành tích</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Commendations proposed for %1</source>
        <translation>Đề xuất khen thưởng kỳ %1</translation>
    </message>
    <message>
        <source>Record decision</source>
        <translation>Ghi kết quả xét duyệt</translation>
    </message>
    <message>
        <source>An officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>A resident</source>
        <translation>Người dân</translation>
    </message>
    <message>
        <source>Resident&apos;s name (accents optional)</source>
        <translation>Họ tên người dân (không cần dấu)</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>Achievement, e.g. reported a phone scam in time</source>
        <translation>Thành tích, ví dụ: kịp thời tố giác lừa đảo qua điện thoại</translation>
    </message>
    <message>
        <source>Propose for %1</source>
        <translation>Đề xuất cho kỳ %1</translation>
    </message>
    <message>
        <source>Nobody with that name.</source>
        <translation>Không có ai tên như vậy.</translation>
    </message>
    <message>
        <source>Choose a proposal in the list first.</source>
        <translation>Hãy chọn một đề xuất trong danh sách trước.</translation>
    </message>
</context>
<context>
    <name>CommunityModelDialog</name>
    <message>
        <source>Community model</source>
        <translation>Mô hình ở khu dân cư</translation>
    </message>
    <message>
        <source>New community model</source>
        <translation>Mô hình mới</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên mô hình</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Số thành viên</translation>
    </message>
    <message>
        <source>Members counted on</source>
        <translation>Ngày đếm số thành viên</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Recognised on</source>
        <translation>Ngày công nhận</translation>
    </message>
    <message>
        <source>Stopped on</source>
        <translation>Ngày ngừng hoạt động</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>Member counts</source>
        <translation>Các lần đếm</translation>
    </message>
    <message>
        <source>Remove this count…</source>
        <translation>Xóa lần đếm này…</translation>
    </message>
    <message>
        <source>e.g. Khu dân cư an toàn về ANTT khu phố 3</source>
        <translation>ví dụ: Khu dân cư an toàn về ANTT khu phố 3</translation>
    </message>
    <message>
        <source>dd/mm/yyyy, when it stopped</source>
        <translation>dd/mm/yyyy, ngày ngừng hoạt động</translation>
    </message>
    <message>
        <source>dd/mm/yyyy; empty: today</source>
        <translation>dd/mm/yyyy; để trống: hôm nay</translation>
    </message>
    <message>
        <source>dd/mm/yyyy; empty: the day it was recognised</source>
        <translation>dd/mm/yyyy; để trống: ngày công nhận</translation>
    </message>
    <message>
        <source>%1: %2 members</source>
        <translation>%1: %2 thành viên</translation>
    </message>
    <message>
        <source>Remove a member count</source>
        <translation>Xóa một lần đếm số thành viên</translation>
    </message>
    <message>
        <source>Remove the count “%1”? Reviews of the periods it covered will show the count before it.</source>
        <translation>Xóa lần đếm “%1”? Báo cáo của các kỳ có lần đếm này sẽ dùng lần đếm trước đó.</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>Pick from a calendar (Alt+↓)</source>
        <translation>Chọn trên lịch (Alt+↓)</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>dd/mm/yyyy</translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <source>WardBook could not finish this action because of an error in the program. What was saved before is safe; the action itself was not saved.</source>
        <translation>WardBook không thể hoàn tất thao tác này do lỗi của chương trình. Những gì đã lưu trước đó vẫn an toàn; riêng thao tác này chưa được lưu.</translation>
    </message>
    <message>
        <source>WardBook could not finish this action because of an error in the program. What was saved before is safe; the action itself was not saved. The details were written to %1 — please send that file to the person who supports WardBook.</source>
        <translation>WardBook không thể hoàn tất thao tác này do lỗi của chương trình. Những gì đã lưu trước đó vẫn an toàn; riêng thao tác này chưa được lưu. Chi tiết đã được ghi vào %1 — hãy gửi tệp đó cho người hỗ trợ WardBook.</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>This computer has no password store WardBook can use for its keys. Restart WardBook: it then offers a key file protected by a passphrase.</source>
        <translation>Máy này không có kho mật khẩu mà WardBook dùng được cho các khóa. Hãy mở lại WardBook: khi đó ứng dụng sẽ đề nghị dùng một tệp khóa có cụm mật khẩu bảo vệ.</translation>
    </message>
    <message>
        <source>The key file needs its passphrase.</source>
        <translation>Tệp khóa cần cụm mật khẩu.</translation>
    </message>
    <message>
        <source>This register is encrypted and its key is not on this computer (neither in its password store nor in the key file chosen).</source>
        <translation>Sổ này được mã hoá và khóa của nó không có trên máy này (không có trong kho mật khẩu, cũng không có trong tệp khóa đã chọn).</translation>
    </message>
    <message>
        <source>Choose the shared folder first.</source>
        <translation>Hãy chọn thư mục dùng chung trước.</translation>
    </message>
</context>
<context>
    <name>FigureList</name>
    <message numerus="yes">
        <source>%n row(s)</source>
        <translation>
            <numerusform>%n dòng</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FirstAdminDialog</name>
    <message>
        <source>First admin account</source>
        <translation>Tài khoản quản trị đầu tiên</translation>
    </message>
    <message>
        <source>Create the administrator account now. From then on everyone logs in, and the admin adds the officers&apos; and team leads&apos; accounts. Press “Skip for now” to try the app without accounts (for a demo ward): anyone at this computer can then do everything.</source>
        <translation>Hãy tạo tài khoản quản trị ngay bây giờ. Từ đó trở đi mọi người đều phải đăng nhập, và quản trị viên thêm tài khoản cho cán bộ và tổ trưởng. Bấm “Để sau” để dùng thử không cần tài khoản (cho phường mẫu): khi đó bất kỳ ai dùng máy này cũng làm được mọi việc.</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>Ward (printed on reports)</source>
        <translation>Phường (in trên báo cáo)</translation>
    </message>
    <message>
        <source>Create the admin account</source>
        <translation>Tạo tài khoản quản trị</translation>
    </message>
    <message>
        <source>Skip for now</source>
        <translation>Để sau</translation>
    </message>
</context>
<context>
    <name>FirstStart</name>
    <message>
        <source>Creating the demo ward…</source>
        <translation>Đang tạo phường mẫu…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to WardBook</source>
        <translation>Chào mừng đến với Sổ địa bàn</translation>
    </message>
    <message>
        <source>There is no register on this computer yet (%1).
How do you want to start?</source>
        <translation>Máy này chưa có sổ địa bàn (%1).
Anh/chị muốn bắt đầu thế nào?</translation>
    </message>
    <message>
        <source>Open a demo ward (invented households, to try the app)</source>
        <translation>Mở phường mẫu (hộ giả định, để dùng thử)</translation>
    </message>
    <message>
        <source>Start an empty register</source>
        <translation>Bắt đầu sổ trống</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <source>Due</source>
        <translation>Hạn</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>Ngày thăm</translation>
    </message>
    <message>
        <source>Purposes</source>
        <translation>Mục đích</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Support (VND)</source>
        <translation>Hỗ trợ (đồng)</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Ghi nhận</translation>
    </message>
    <message>
        <source>Visits &amp; follow-ups</source>
        <translation>Thăm hộ &amp; theo dõi</translation>
    </message>
    <message>
        <source>voided</source>
        <translation>đã hủy</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>Ghi lượt thăm</translation>
    </message>
    <message>
        <source>Follow-up done…</source>
        <translation>Đã theo dõi xong…</translation>
    </message>
    <message>
        <source>Open household</source>
        <translation>Mở hộ</translation>
    </message>
    <message>
        <source>Due today (%1)</source>
        <translation>Đến hạn hôm nay (%1)</translation>
    </message>
    <message>
        <source>Overdue (%1)</source>
        <translation>Quá hạn (%1)</translation>
    </message>
    <message>
        <source>Latest visits</source>
        <translation>Lượt thăm gần đây</translation>
    </message>
    <message>
        <source>Follow-up done</source>
        <translation>Đã theo dõi xong</translation>
    </message>
    <message>
        <source>Done on (dd/mm/yyyy):</source>
        <translation>Ngày hoàn thành (dd/mm/yyyy):</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Possible duplicate — already registered:
%1</source>
        <translation>Có thể trùng — đã có trong sổ:
%1</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>Có thể trùng</translation>
    </message>
    <message>
        <source>This person looks already registered (listed under the form). Add them anyway?</source>
        <translation>Người này có vẻ đã có trong sổ (xem danh sách dưới biểu mẫu). Vẫn thêm?</translation>
    </message>
</context>
<context>
    <name>GuardedDialog</name>
    <message>
        <source>Discard changes?</source>
        <translation>Bỏ các thay đổi?</translation>
    </message>
    <message>
        <source>What you typed in this form has not been saved. Close it and lose it?</source>
        <translation>Những gì bạn đã nhập trong biểu mẫu này chưa được lưu. Đóng và bỏ đi?</translation>
    </message>
</context>
<context>
    <name>HiddenEntries</name>
    <message>
        <source>Entries by other officers not shown: %1</source>
        <translation>%1 mục của cán bộ khác không hiển thị</translation>
    </message>
</context>
<context>
    <name>HouseholdDialog</name>
    <message>
        <source>New household</source>
        <translation>Thêm hộ</translation>
    </message>
    <message>
        <source>Area (khu phố)</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>House number</source>
        <translation>Số nhà</translation>
    </message>
    <message>
        <source>Street / alley</source>
        <translation>Đường / hẻm</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <source>Head&apos;s birth year</source>
        <translation>Năm sinh chủ hộ</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Vulnerabilities</source>
        <translation>Diện khó khăn</translation>
    </message>
    <message>
        <source>e.g. 123/45A</source>
        <translation>ví dụ: 123/45A</translation>
    </message>
</context>
<context>
    <name>HouseholdEditDialog</name>
    <message>
        <source>Edit household</source>
        <translation>Sửa thông tin hộ</translation>
    </message>
    <message>
        <source>Area (khu phố)</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>House number</source>
        <translation>Số nhà</translation>
    </message>
    <message>
        <source>Street / alley</source>
        <translation>Đường / hẻm</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>e.g. 123/45A</source>
        <translation>ví dụ: 123/45A</translation>
    </message>
</context>
<context>
    <name>HouseholdPage</name>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Relation</source>
        <translation>Quan hệ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>Chuyển đi</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Support given</source>
        <translation>Hỗ trợ đã trao</translation>
    </message>
    <message>
        <source>Follow-up / due</source>
        <translation>Theo dõi / hạn</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ</translation>
    </message>
    <message>
        <source>← Households</source>
        <translation>← Danh sách hộ</translation>
    </message>
    <message>
        <source>Edit address…</source>
        <translation>Sửa địa chỉ…</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>Ghi lượt thăm</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Thêm vụ việc</translation>
    </message>
    <message>
        <source>Access history</source>
        <translation>Lịch sử truy cập</translation>
    </message>
    <message>
        <source>Vulnerabilities</source>
        <translation>Diện khó khăn</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Nhân khẩu</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Thêm nhân khẩu</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Sửa</translation>
    </message>
    <message>
        <source>Moved out…</source>
        <translation>Chuyển đi…</translation>
    </message>
    <message>
        <source>Make head of household</source>
        <translation>Đặt làm chủ hộ</translation>
    </message>
    <message>
        <source>Visits and cases</source>
        <translation>Lượt thăm và vụ việc</translation>
    </message>
    <message>
        <source>Code: %1</source>
        <translation>Mã hộ: %1</translation>
    </message>
    <message>
        <source>Area: %1</source>
        <translation>Khu phố: %1</translation>
    </message>
    <message>
        <source>Head: %1</source>
        <translation>Chủ hộ: %1</translation>
    </message>
    <message>
        <source>Phone: %1</source>
        <translation>Điện thoại: %1</translation>
    </message>
    <message>
        <source>Members: %1</source>
        <translation>Nhân khẩu: %1</translation>
    </message>
    <message>
        <source>Last visit: %1</source>
        <translation>Lần thăm gần nhất: %1</translation>
    </message>
    <message>
        <source>Overdue follow-ups: %1</source>
        <translation>Theo dõi quá hạn: %1</translation>
    </message>
    <message>
        <source>Visit</source>
        <translation>Lượt thăm</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Vụ việc</translation>
    </message>
    <message>
        <source>voided: %1</source>
        <translation>đã hủy: %1</translation>
    </message>
    <message>
        <source>%1 (done %2)</source>
        <translation>%1 (xong %2)</translation>
    </message>
    <message>
        <source>Date %1 moved out (dd/mm/yyyy):</source>
        <translation>Ngày %1 chuyển đi (dd/mm/yyyy):</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
</context>
<context>
    <name>HouseholdPicker</name>
    <message>
        <source>Type a name, address or phone (accents optional)…</source>
        <translation>Gõ tên, địa chỉ hoặc số điện thoại (có dấu hay không đều được)…</translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <source>Code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Nhân khẩu</translation>
    </message>
    <message>
        <source>Vulnerabilities</source>
        <translation>Diện khó khăn</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Lần thăm gần nhất</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <source>Households</source>
        <translation>Hộ dân</translation>
    </message>
    <message>
        <source>Search a name, address or phone — accents optional (e.g. duong)</source>
        <translation>Tìm theo tên, địa chỉ, số điện thoại — không cần gõ dấu (ví dụ: duong)</translation>
    </message>
    <message>
        <source>New household</source>
        <translation>Thêm hộ</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>Ghi lượt thăm</translation>
    </message>
    <message>
        <source>Not visited in (days)</source>
        <translation>Chưa thăm trong (ngày)</translation>
    </message>
    <message>
        <source>Overdue follow-up</source>
        <translation>Có theo dõi quá hạn</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>Tất cả khu phố</translation>
    </message>
    <message>
        <source>Any vulnerability</source>
        <translation>Mọi diện</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message numerus="yes">
        <source>showing %1 of %n household(s)</source>
        <translation>
            <numerusform>hiển thị %1 / %n hộ</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n hộ</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import households from Excel / CSV</source>
        <translation>Nhập danh sách hộ từ Excel / CSV</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <source>Create the khu phố named in the file when missing</source>
        <translation>Tạo khu phố có trong tệp nếu chưa có</translation>
    </message>
    <message>
        <source>1. Check the file</source>
        <translation>1. Kiểm tra tệp</translation>
    </message>
    <message>
        <source>2. Import</source>
        <translation>2. Nhập</translation>
    </message>
    <message>
        <source>Household list</source>
        <translation>Danh sách hộ</translation>
    </message>
    <message>
        <source>Mark members the list no longer names as moved out</source>
        <translation>Đánh dấu chuyển đi những người không còn trong danh sách</translation>
    </message>
    <message>
        <source>Read every visible sheet (one sheet per khu phố)</source>
        <translation>Đọc mọi trang không ẩn (mỗi trang một khu phố)</translation>
    </message>
    <message>
        <source>Khu phố of rows that name none:</source>
        <translation>Khu phố cho các dòng không ghi khu phố:</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.txt)</source>
        <translation>Bảng tính (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <source>Choose the list to import first (Choose file…).</source>
        <translation>Hãy chọn danh sách cần nhập trước (Chọn tệp…).</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>Đang kiểm tra tệp…</translation>
    </message>
    <message>
        <source>%1 problem(s): fix the file and check again. Nothing was imported.</source>
        <translation>%1 lỗi: sửa tệp rồi kiểm tra lại. Chưa nhập gì.</translation>
    </message>
    <message>
        <source>Import cancelled: nothing was imported.</source>
        <translation>Đã hủy nhập: không có gì được nhập.</translation>
    </message>
    <message>
        <source>Check cancelled.</source>
        <translation>Đã hủy kiểm tra.</translation>
    </message>
    <message>
        <source>Stop the import?</source>
        <translation>Dừng nhập dữ liệu?</translation>
    </message>
    <message>
        <source>The import is still running. Stop it? Nothing will be imported; the checked file can be imported again later.</source>
        <translation>Việc nhập dữ liệu vẫn đang chạy. Dừng lại? Sẽ không có gì được nhập; tệp đã kiểm tra có thể nhập lại sau.</translation>
    </message>
</context>
<context>
    <name>JobProgress</name>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Đang hủy…</translation>
    </message>
</context>
<context>
    <name>KeyFileDialog</name>
    <message>
        <source>Database key</source>
        <translation>Khóa cơ sở dữ liệu</translation>
    </message>
    <message>
        <source>This computer has no password store that WardBook can use, so the keys that protect the station&apos;s sync are kept in a key file locked by a passphrase. Choose the key file (or where a new one will be made) and type its passphrase.</source>
        <translation>Máy này không có kho mật khẩu mà WardBook dùng được, nên các khóa bảo vệ việc đồng bộ của trạm được cất trong một tệp khóa có cụm mật khẩu. Hãy chọn tệp khóa (hoặc nơi sẽ tạo tệp mới) và nhập cụm mật khẩu của nó.</translation>
    </message>
    <message>
        <source>This computer has no password store that WardBook can use, so the key that locks the register is kept in a key file protected by a passphrase instead. WardBook never writes the key in plain text. Keep the passphrase safe: without it the register cannot be opened.</source>
        <translation>Máy này không có kho mật khẩu mà WardBook dùng được, nên khóa mã hoá sổ địa bàn sẽ được cất trong một tệp khóa có cụm mật khẩu bảo vệ. WardBook không bao giờ ghi khóa ở dạng văn bản thường. Hãy giữ kỹ cụm mật khẩu: không có nó thì không mở được sổ.</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>Tệp khóa</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Cụm mật khẩu</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Nhập lại cụm mật khẩu</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Key files (*.json)</source>
        <translation>Tệp khóa (*.json)</translation>
    </message>
    <message>
        <source>Choose where the key file is (or will be).</source>
        <translation>Hãy chọn nơi có (hoặc sẽ tạo) tệp khóa.</translation>
    </message>
    <message>
        <source>The two passphrases do not match.</source>
        <translation>Hai cụm mật khẩu không khớp.</translation>
    </message>
    <message>
        <source>The key file could not be read or made there. Choose another place, or check that the disk is connected.</source>
        <translation>Không đọc hoặc tạo được tệp khóa ở đó. Hãy chọn chỗ khác, hoặc kiểm tra ổ đĩa đã được cắm.</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>WardBook — Log in</source>
        <translation>WardBook — Đăng nhập</translation>
    </message>
    <message>
        <source>Log in to %1</source>
        <translation>Đăng nhập vào %1</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>Đăng nhập</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>System keyring</source>
        <translation>Kho khóa của hệ điều hành</translation>
    </message>
    <message>
        <source>Keep the database key in this computer&apos;s system keyring again, instead of the key file %1?

The key is copied into the keyring and checked before WardBook forgets the key file; from the next start no passphrase is asked. The key file stays where it is, still protected by its passphrase: keep it as a spare copy of the key, or delete it.</source>
        <translation>Cất lại khóa mã hoá sổ địa bàn trong kho khóa của hệ điều hành trên máy này, thay cho tệp khóa %1?

Khóa được chép vào kho khóa và kiểm tra lại trước khi WardBook thôi dùng tệp khóa; từ lần mở sau không phải nhập cụm mật khẩu nữa. Tệp khóa vẫn ở chỗ cũ, vẫn được bảo vệ bằng cụm mật khẩu: giữ lại làm bản dự phòng của khóa, hoặc xoá đi.</translation>
    </message>
    <message>
        <source>The database key is now kept in the system keyring.</source>
        <translation>Khóa mã hoá sổ địa bàn nay được cất trong kho khóa của hệ điều hành.</translation>
    </message>
    <message>
        <source>WardBook — Ward register</source>
        <translation>Sổ địa bàn — WardBook</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <source>New &amp;visit</source>
        <translation>Ghi lượt &amp;thăm</translation>
    </message>
    <message>
        <source>&amp;Find a household</source>
        <translation>T&amp;ìm hộ</translation>
    </message>
    <message>
        <source>&amp;Import households from Excel / CSV…</source>
        <translation>&amp;Nhập danh sách hộ từ Excel / CSV…</translation>
    </message>
    <message>
        <source>Log &amp;out</source>
        <translation>Đăng &amp;xuất</translation>
    </message>
    <message>
        <source>&amp;Audit log…</source>
        <translation>&amp;Nhật ký truy cập…</translation>
    </message>
    <message>
        <source>Use the system &amp;keyring again…</source>
        <translation>Dùng lại &amp;kho khóa của hệ điều hành…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Thoát</translation>
    </message>
    <message>
        <source>Undo void</source>
        <translation>Hoàn tác hủy</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <source>Database: %1</source>
        <translation>Dữ liệu: %1</translation>
    </message>
    <message>
        <source>User: %1</source>
        <translation>Người dùng: %1</translation>
    </message>
    <message>
        <source>(no login)</source>
        <translation>(chưa đăng nhập)</translation>
    </message>
    <message>
        <source>Quit WardBook</source>
        <translation>Thoát WardBook</translation>
    </message>
    <message>
        <source>A job is still running (a sync, an import, a report…). Stop it and quit? It stops as with its Cancel button: what it has not done can be done again later.</source>
        <translation>Một công việc vẫn đang chạy (đồng bộ, nhập dữ liệu, báo cáo…). Dừng lại và thoát? Công việc dừng như khi bấm nút Hủy của nó: phần chưa làm có thể làm lại sau.</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Không được phép</translation>
    </message>
    <message>
        <source>Visit restored.</source>
        <translation>Đã khôi phục lượt thăm.</translation>
    </message>
    <message>
        <source>Last sync: %1</source>
        <translation>Đồng bộ lần cuối: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>chưa</translation>
    </message>
</context>
<context>
    <name>ModelsTab</name>
    <message>
        <source>Model</source>
        <translation>Mô hình</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Số thành viên</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Recognised on</source>
        <translation>Ngày công nhận</translation>
    </message>
    <message>
        <source>All models</source>
        <translation>Tất cả mô hình</translation>
    </message>
    <message>
        <source>New model…</source>
        <translation>Thêm mô hình…</translation>
    </message>
    <message>
        <source>%1 model(s)</source>
        <translation>%1 mô hình</translation>
    </message>
</context>
<context>
    <name>NotesDialog</name>
    <message>
        <source>Text of the report: %1</source>
        <translation>Nội dung báo cáo: %1</translation>
    </message>
    <message>
        <source>Each section opens with what was written before or, where nothing was, a draft made from the figures. Edit it in your own words; a section left as the draft follows the figures.</source>
        <translation>Mỗi mục mở ra với nội dung đã viết trước đó, hoặc nếu chưa viết thì là bản dự thảo lập từ số liệu. Hãy sửa theo lời văn của mình; mục để nguyên bản dự thảo sẽ tự cập nhật theo số liệu.</translation>
    </message>
    <message>
        <source>Making a draft from the figures…</source>
        <translation>Đang lập bản dự thảo từ số liệu…</translation>
    </message>
    <message>
        <source>Making the drafts from the period&apos;s figures…</source>
        <translation>Đang lập các bản dự thảo từ số liệu của kỳ…</translation>
    </message>
</context>
<context>
    <name>OutcomesPage</name>
    <message>
        <source>Reintegration &amp; models</source>
        <translation>Tái hòa nhập, mô hình</translation>
    </message>
    <message>
        <source>Reintegration support</source>
        <translation>Hỗ trợ tái hòa nhập</translation>
    </message>
    <message>
        <source>Community models</source>
        <translation>Mô hình ở khu dân cư</translation>
    </message>
</context>
<context>
    <name>OverviewPage</name>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Quý này</translation>
    </message>
    <message>
        <source>This half-year</source>
        <translation>6 tháng này</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Năm nay</translation>
    </message>
    <message>
        <source>Whole ward</source>
        <translation>Toàn phường</translation>
    </message>
    <message>
        <source>&amp;Period</source>
        <translation>&amp;Kỳ</translation>
    </message>
    <message>
        <source>&amp;Khu phố</source>
        <translation>Khu &amp;phố</translation>
    </message>
    <message>
        <source>Households reached, by khu phố</source>
        <translation>Tỷ lệ hộ được thăm, theo khu phố</translation>
    </message>
    <message>
        <source>Visits, by officer</source>
        <translation>Lượt thăm, theo cán bộ</translation>
    </message>
    <message>
        <source>Previous period: %1</source>
        <translation>Kỳ trước: %1</translation>
    </message>
    <message>
        <source>%1, compared with %2 (figures as in the review)</source>
        <translation>%1, so với %2 (số liệu như trong báo cáo sơ kết, tổng kết)</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>Lượt thăm</translation>
    </message>
    <message>
        <source>Households reached</source>
        <translation>Hộ được thăm</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>Việc theo dõi quá hạn</translation>
    </message>
    <message>
        <source>Open cases</source>
        <translation>Vụ việc đang xử lý</translation>
    </message>
    <message>
        <source>Support given (đồng)</source>
        <translation>Hỗ trợ đã trao (đồng)</translation>
    </message>
    <message>
        <source>(no officer)</source>
        <translation>(chưa có cán bộ)</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Khu phố</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <source>Visits in %1</source>
        <translation>Lượt thăm trong %1</translation>
    </message>
    <message>
        <source>Month or purpose</source>
        <translation>Tháng hoặc mục đích</translation>
    </message>
    <message>
        <source>Households with overdue follow-ups</source>
        <translation>Hộ có việc theo dõi quá hạn</translation>
    </message>
    <message>
        <source>Due since</source>
        <translation>Quá hạn từ</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Chưa xong</translation>
    </message>
    <message>
        <source>Open cases by kind</source>
        <translation>Vụ việc đang xử lý, theo loại</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Support given in %1</source>
        <translation>Hỗ trợ đã trao trong %1</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Times given</source>
        <translation>Số lần trao</translation>
    </message>
    <message>
        <source>Value (đồng)</source>
        <translation>Giá trị (đồng)</translation>
    </message>
    <message>
        <source>Officers in %1</source>
        <translation>Cán bộ trong %1</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Cán bộ</translation>
    </message>
    <message>
        <source>Households</source>
        <translation>Hộ dân</translation>
    </message>
    <message>
        <source>Activities</source>
        <translation>Hoạt động</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Vụ việc</translation>
    </message>
    <message>
        <source>Households not visited in %1</source>
        <translation>Hộ chưa được thăm trong %1</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Lần thăm gần nhất</translation>
    </message>
    <message>
        <source>never</source>
        <translation>chưa thăm</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message numerus="yes">
        <source>%n page(s)</source>
        <translation>
            <numerusform>%n trang</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;In…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>Đó&amp;ng</translation>
    </message>
</context>
<context>
    <name>PdfPrinting</name>
    <message>
        <source>Printing…</source>
        <translation>Đang in…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Sent to the printer.</source>
        <translation>Đã gửi tới máy in.</translation>
    </message>
    <message>
        <source>Not printed.</source>
        <translation>Chưa in.</translation>
    </message>
    <message>
        <source>Printing cancelled: the pages not yet sent were dropped.</source>
        <translation>Đã hủy in: các trang chưa gửi đã bị bỏ.</translation>
    </message>
    <message>
        <source>The printer could not start. Check that it is connected and has paper.</source>
        <translation>Máy in không bắt đầu in được. Hãy kiểm tra máy in đã được kết nối và còn giấy.</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit member</source>
        <translation>Sửa nhân khẩu</translation>
    </message>
    <message>
        <source>New member</source>
        <translation>Thêm nhân khẩu</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <source>Relation to the head</source>
        <translation>Quan hệ với chủ hộ</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>e.g. con, vợ/chồng</source>
        <translation>ví dụ: con, vợ/chồng</translation>
    </message>
</context>
<context>
    <name>ReintegrationDialog</name>
    <message>
        <source>Reintegration support</source>
        <translation>Hỗ trợ tái hòa nhập</translation>
    </message>
    <message>
        <source>New person under reintegration support</source>
        <translation>Thêm người được hỗ trợ tái hòa nhập</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>Hộ</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Người được hỗ trợ</translation>
    </message>
    <message>
        <source>Support from</source>
        <translation>Hỗ trợ từ ngày</translation>
    </message>
    <message>
        <source>Support until</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Officer responsible</source>
        <translation>Cán bộ phụ trách</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Ghi chú</translation>
    </message>
    <message>
        <source>dd/mm/yyyy, empty while the support goes on</source>
        <translation>dd/mm/yyyy, để trống khi còn đang hỗ trợ</translation>
    </message>
    <message>
        <source>Personal data: write only what the support needs</source>
        <translation>Dữ liệu cá nhân: chỉ ghi điều cần cho việc hỗ trợ</translation>
    </message>
    <message>
        <source>Pick the household from the search results (↓, Enter).</source>
        <translation>Chọn hộ trong kết quả tìm kiếm (↓, Enter).</translation>
    </message>
    <message>
        <source>Pick the household, then the person.</source>
        <translation>Chọn hộ, rồi chọn người được hỗ trợ.</translation>
    </message>
</context>
<context>
    <name>ReintegrationTab</name>
    <message>
        <source>Person</source>
        <translation>Người được hỗ trợ</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>Support from</source>
        <translation>Hỗ trợ từ ngày</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <source>Officer responsible</source>
        <translation>Cán bộ phụ trách</translation>
    </message>
    <message>
        <source>Under support now</source>
        <translation>Đang được hỗ trợ</translation>
    </message>
    <message>
        <source>Everyone in the register</source>
        <translation>Tất cả trong sổ</translation>
    </message>
    <message>
        <source>Add a person…</source>
        <translation>Thêm người…</translation>
    </message>
    <message>
        <source>Correct or end…</source>
        <translation>Sửa hoặc kết thúc…</translation>
    </message>
    <message>
        <source>%1 person(s)</source>
        <translation>%1 người</translation>
    </message>
</context>
<context>
    <name>ReportSettingsDialog</name>
    <message>
        <source>Empty fields use the default shown in grey.</source>
        <translation>Ô để trống sẽ dùng giá trị mặc định (chữ màu xám).</translation>
    </message>
    <message>
        <source>Only an administrator can change these settings. Reports print them as shown here; an empty field prints the default shown in grey.</source>
        <translation>Chỉ quản trị viên được thay đổi các thông tin này. Báo cáo in đúng như dưới đây; ô để trống in giá trị mặc định (chữ màu xám).</translation>
    </message>
    <message>
        <source>Ward settings printed on reports</source>
        <translation>Thông tin phường in trên báo cáo</translation>
    </message>
    <message>
        <source>Ward name (Phường …)</source>
        <translation>Tên phường (Phường …)</translation>
    </message>
    <message>
        <source>Superior body</source>
        <translation>Cơ quan cấp trên</translation>
    </message>
    <message>
        <source>Issuing body (a new line where it should break)</source>
        <translation>Cơ quan ban hành (xuống dòng ở chỗ cần ngắt)</translation>
    </message>
    <message>
        <source>Sent to (Kính gửi)</source>
        <translation>Kính gửi</translation>
    </message>
    <message>
        <source>Symbol after /BC-</source>
        <translation>Ký hiệu sau /BC-</translation>
    </message>
    <message>
        <source>Place (on the date line)</source>
        <translation>Địa danh (dòng ngày tháng)</translation>
    </message>
    <message>
        <source>Signing for (TM. / KT.; - for none)</source>
        <translation>Thẩm quyền ký (TM. / KT.; gõ - nếu không có)</translation>
    </message>
    <message>
        <source>Signer&apos;s post</source>
        <translation>Chức vụ người ký</translation>
    </message>
    <message>
        <source>Signer&apos;s name</source>
        <translation>Họ tên người ký</translation>
    </message>
    <message>
        <source>Recipients (one per line)</source>
        <translation>Nơi nhận (mỗi dòng một nơi)</translation>
    </message>
    <message>
        <source>Target: visits</source>
        <translation>Chỉ tiêu: lượt thăm hộ</translation>
    </message>
    <message>
        <source>Target: households visited</source>
        <translation>Chỉ tiêu: số hộ được thăm</translation>
    </message>
    <message>
        <source>Target: share of households visited (%)</source>
        <translation>Chỉ tiêu: tỷ lệ hộ được thăm (%)</translation>
    </message>
    <message>
        <source>Target: support (thousand đồng)</source>
        <translation>Chỉ tiêu: giá trị hỗ trợ (nghìn đồng)</translation>
    </message>
    <message>
        <source>Target: follow-ups done</source>
        <translation>Chỉ tiêu: việc theo dõi hoàn thành</translation>
    </message>
    <message>
        <source>Target: community activities</source>
        <translation>Chỉ tiêu: hoạt động cộng đồng</translation>
    </message>
    <message>
        <source>Target: attendance</source>
        <translation>Chỉ tiêu: lượt người dự</translation>
    </message>
    <message>
        <source>A target must be a number: %1</source>
        <translation>Chỉ tiêu phải là một số: %1</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Nothing to save.</source>
        <translation>Không có gì thay đổi để lưu.</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Periodic review (sơ kết / tổng kết)</source>
        <translation>Báo cáo sơ kết / tổng kết</translation>
    </message>
    <message>
        <source>Walk list</source>
        <translation>Danh sách đi địa bàn</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Tháng trước</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Quý này</translation>
    </message>
    <message>
        <source>Last quarter</source>
        <translation>Quý trước</translation>
    </message>
    <message>
        <source>This half-year</source>
        <translation>6 tháng này</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Năm nay</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Năm trước</translation>
    </message>
    <message>
        <source>Dates…</source>
        <translation>Chọn ngày…</translation>
    </message>
    <message>
        <source>Whole ward</source>
        <translation>Toàn phường</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Lưu thành</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Make PDF</source>
        <translation>Tạo PDF</translation>
    </message>
    <message>
        <source>Word copy (DOCX)</source>
        <translation>Bản Word (DOCX)</translation>
    </message>
    <message>
        <source>Figures to Excel (XLSX)</source>
        <translation>Số liệu ra Excel (XLSX)</translation>
    </message>
    <message>
        <source>Figures to CSV</source>
        <translation>Số liệu ra CSV</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Write the report&apos;s text…</source>
        <translation>Viết nội dung báo cáo…</translation>
    </message>
    <message>
        <source>Ward settings…</source>
        <translation>Thông tin phường…</translation>
    </message>
    <message>
        <source>Commendations of this period…</source>
        <translation>Khen thưởng của kỳ này…</translation>
    </message>
    <message>
        <source>The ward&apos;s name is not set: reports print “ỦY BAN NHÂN DÂN PHƯỜNG ………………” for it to be written in by hand. An administrator enters it once under “Ward settings…”.</source>
        <translation>Chưa có tên phường: báo cáo in “ỦY BAN NHÂN DÂN PHƯỜNG ………………” để ghi tên bằng tay. Quản trị viên nhập tên phường một lần trong “Thông tin phường…”.</translation>
    </message>
    <message>
        <source>Save report as</source>
        <translation>Lưu báo cáo</translation>
    </message>
    <message>
        <source>Replace file?</source>
        <translation>Thay tệp đã có?</translation>
    </message>
    <message>
        <source>%1 already exists. Replace it?</source>
        <translation>Tệp %1 đã có. Thay bằng tệp mới?</translation>
    </message>
    <message>
        <source>Type a file name under “Save as”, or press “Choose…” to choose where the report is saved.</source>
        <translation>Hãy nhập tên tệp ở ô “Lưu thành”, hoặc bấm “Chọn…” để chọn nơi lưu báo cáo.</translation>
    </message>
    <message>
        <source>A walk list is made as a PDF only.</source>
        <translation>Danh sách đi địa bàn chỉ tạo được dưới dạng PDF.</translation>
    </message>
    <message>
        <source>Not replaced: %1</source>
        <translation>Không thay tệp: %1</translation>
    </message>
    <message>
        <source>The folder %1 cannot be made.</source>
        <translation>Không tạo được thư mục %1.</translation>
    </message>
    <message>
        <source>Generating…</source>
        <translation>Đang tạo…</translation>
    </message>
    <message>
        <source>The PDF %1 can no longer be read (moved, deleted or damaged). Make it again.</source>
        <translation>Tệp PDF %1 không còn đọc được (đã bị chuyển đi, xóa hoặc hỏng). Hãy làm lại báo cáo.</translation>
    </message>
    <message>
        <source>Done: %1</source>
        <translation>Xong: %1</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
</context>
<context>
    <name>RetentionBox</name>
    <message>
        <source>Code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <source>Moved out</source>
        <translation>Chuyển đi</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>Lần thăm gần nhất</translation>
    </message>
    <message>
        <source>Retention of households that moved out</source>
        <translation>Thời hạn lưu trữ hộ đã chuyển đi</translation>
    </message>
    <message>
        <source>Keep for (years after moving out):</source>
        <translation>Giữ lại (số năm sau khi chuyển đi):</translation>
    </message>
    <message>
        <source>Save rule</source>
        <translation>Lưu quy định</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Purge…</source>
        <translation>Xoá vĩnh viễn…</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <source>Rule saved: %1 years.</source>
        <translation>Đã lưu quy định: %1 năm.</translation>
    </message>
    <message>
        <source>Retention</source>
        <translation>Thời hạn lưu trữ</translation>
    </message>
    <message>
        <source>The copies earlier restores kept beside the register hold them too and are deleted with them: %1.</source>
        <translation>Các bản sao do lần khôi phục trước giữ lại bên cạnh sổ cũng chứa các hộ này và bị xoá cùng: %1.</translation>
    </message>
    <message>
        <source>Purge for good</source>
        <translation>Xoá vĩnh viễn</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Đã hủy.</translation>
    </message>
    <message>
        <source>Moved out before %1: %2 household(s), %3 people, %4 visits, %5 cases would be purged.</source>
        <translation>Chuyển đi trước %1: %2 hộ, %3 nhân khẩu, %4 lượt thăm, %5 vụ việc sẽ bị xoá vĩnh viễn.</translation>
    </message>
    <message>
        <source>Permanently delete %2 household(s) that moved out before %1, with %3 people, %4 visits and %5 cases about them, on every laptop? This cannot be undone.</source>
        <translation>Xoá vĩnh viễn %2 hộ đã chuyển đi trước %1, cùng %3 nhân khẩu, %4 lượt thăm và %5 vụ việc liên quan, trên mọi máy? Không thể hoàn tác.</translation>
    </message>
    <message>
        <source>Purged: %1 household(s).</source>
        <translation>Đã xoá vĩnh viễn: %1 hộ.</translation>
    </message>
</context>
<context>
    <name>SetupBox</name>
    <message>
        <source>Laptop</source>
        <translation>Máy</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>Tài khoản</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Số máy</translation>
    </message>
    <message>
        <source>Station set-up</source>
        <translation>Thiết lập trạm</translation>
    </message>
    <message>
        <source>Set up this folder for the station</source>
        <translation>Thiết lập thư mục này cho trạm</translation>
    </message>
    <message>
        <source>Ask to join the station</source>
        <translation>Xin tham gia trạm</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Kiểm tra lại</translation>
    </message>
    <message>
        <source>Load the ward from the newest snapshot</source>
        <translation>Nạp dữ liệu phường từ bản chụp mới nhất</translation>
    </message>
    <message>
        <source>Laptops of the station</source>
        <translation>Các máy của trạm</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>Duyệt…</translation>
    </message>
    <message>
        <source>Revoke…</source>
        <translation>Thu hồi…</translation>
    </message>
    <message>
        <source>Write a snapshot for new laptops</source>
        <translation>Ghi bản chụp cho máy mới</translation>
    </message>
    <message>
        <source>Remove request…</source>
        <translation>Xoá yêu cầu…</translation>
    </message>
    <message>
        <source>admin laptop</source>
        <translation>máy quản trị</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>đã duyệt</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>đã thu hồi</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>chờ duyệt</translation>
    </message>
    <message>
        <source>uses the number of a laptop of the station: cannot be approved</source>
        <translation>dùng số của một máy đã có trong trạm: không thể duyệt</translation>
    </message>
    <message>
        <source>Choose the shared folder the station&apos;s laptops use (a network folder or a shared drive).</source>
        <translation>Hãy chọn thư mục dùng chung của các máy trong trạm (thư mục mạng hoặc ổ đĩa dùng chung).</translation>
    </message>
    <message>
        <source>Checking the shared folder…</source>
        <translation>Đang kiểm tra thư mục dùng chung…</translation>
    </message>
    <message>
        <source>The shared folder cannot be reached. Check that the network folder or drive is connected, then press Check again.</source>
        <translation>Không truy cập được thư mục dùng chung. Hãy kiểm tra thư mục mạng hoặc ổ đĩa đã được kết nối, rồi bấm Kiểm tra lại.</translation>
    </message>
    <message>
        <source>This shared folder cannot be used as it is:</source>
        <translation>Thư mục dùng chung này chưa dùng được:</translation>
    </message>
    <message>
        <source>This folder is not a station sync folder yet. To start the station&apos;s sync here, press “Set up this folder for the station”. If another laptop already set the station up, choose the folder it uses instead.</source>
        <translation>Thư mục này chưa phải thư mục đồng bộ của trạm. Để bắt đầu đồng bộ của trạm tại đây, bấm “Thiết lập thư mục này cho trạm”. Nếu một máy khác đã thiết lập trạm, hãy chọn thư mục máy đó đang dùng.</translation>
    </message>
    <message>
        <source>This folder is not a station sync folder yet. Ask the admin which folder the station uses, or to set this one up.</source>
        <translation>Thư mục này chưa phải thư mục đồng bộ của trạm. Hãy hỏi quản trị viên trạm dùng thư mục nào, hoặc nhờ thiết lập thư mục này.</translation>
    </message>
    <message>
        <source>This laptop is not part of the station yet. Press “Ask to join the station”, then ask the admin to approve it.</source>
        <translation>Máy này chưa thuộc trạm. Bấm “Xin tham gia trạm”, rồi nhờ quản trị viên duyệt.</translation>
    </message>
    <message>
        <source>This laptop has asked to join. Once the admin approves it on the admin laptop&apos;s Sync page, press Check again.</source>
        <translation>Máy này đã xin tham gia. Khi quản trị viên đã duyệt trên trang Đồng bộ của máy quản trị, bấm Kiểm tra lại.</translation>
    </message>
    <message>
        <source>This laptop is part of the station: press Sync now to exchange changes.</source>
        <translation>Máy này đã thuộc trạm: bấm Đồng bộ ngay để trao đổi dữ liệu.</translation>
    </message>
    <message>
        <source>This is the station&apos;s admin laptop: it approves and revokes the other laptops.</source>
        <translation>Đây là máy quản trị của trạm: máy này duyệt và thu hồi các máy khác.</translation>
    </message>
    <message>
        <source>This laptop was revoked by the admin: it can no longer sync with the station.</source>
        <translation>Máy này đã bị quản trị viên thu hồi: không đồng bộ với trạm được nữa.</translation>
    </message>
    <message>
        <source>Choose the shared folder first.</source>
        <translation>Hãy chọn thư mục dùng chung trước.</translation>
    </message>
    <message>
        <source>This folder is already a station sync folder: the other laptops ask to join it.</source>
        <translation>Thư mục này đã là thư mục đồng bộ của trạm: các máy khác xin tham gia vào đó.</translation>
    </message>
    <message>
        <source>There is no snapshot in the shared folder yet. Ask the admin to write one (Sync page, “Write a snapshot for new laptops”).</source>
        <translation>Thư mục dùng chung chưa có bản chụp nào. Hãy nhờ quản trị viên ghi một bản (trang Đồng bộ, “Ghi bản chụp cho máy mới”).</translation>
    </message>
    <message>
        <source>This laptop already holds ward data: a snapshot is only loaded into a new, empty laptop. Press Sync now instead.</source>
        <translation>Máy này đã có dữ liệu phường: bản chụp chỉ nạp vào máy mới, còn trống. Hãy bấm Đồng bộ ngay.</translation>
    </message>
    <message>
        <source>This computer has no password store for the sync keys, and no key file was chosen.</source>
        <translation>Máy này không có kho mật khẩu cho khóa đồng bộ, và chưa chọn tệp khóa.</translation>
    </message>
    <message>
        <source>The key file needs its passphrase.</source>
        <translation>Tệp khóa cần cụm mật khẩu.</translation>
    </message>
    <message>
        <source>Setting up the folder for the station…</source>
        <translation>Đang thiết lập thư mục này cho trạm…</translation>
    </message>
    <message>
        <source>Asking the station to let this laptop join…</source>
        <translation>Đang gửi yêu cầu tham gia trạm cho máy này…</translation>
    </message>
    <message>
        <source>Select a laptop waiting for approval first.</source>
        <translation>Hãy chọn một máy đang chờ duyệt trước.</translation>
    </message>
    <message>
        <source>Approving the laptop…</source>
        <translation>Đang duyệt máy…</translation>
    </message>
    <message>
        <source>Giving the laptop to the account…</source>
        <translation>Đang giao máy cho tài khoản…</translation>
    </message>
    <message>
        <source>Choose the account this laptop is for.</source>
        <translation>Hãy chọn tài khoản dùng máy này.</translation>
    </message>
    <message>
        <source>Select a request to join first.</source>
        <translation>Hãy chọn một yêu cầu tham gia trước.</translation>
    </message>
    <message>
        <source>Remove a request</source>
        <translation>Xoá yêu cầu tham gia</translation>
    </message>
    <message>
        <source>Remove the request to join of “%1”? That laptop can ask again.</source>
        <translation>Xoá yêu cầu tham gia của “%1”? Máy đó có thể gửi yêu cầu lại.</translation>
    </message>
    <message>
        <source>Removing the request…</source>
        <translation>Đang xoá yêu cầu…</translation>
    </message>
    <message>
        <source>Select an approved laptop first (the admin laptop cannot be revoked).</source>
        <translation>Hãy chọn một máy đã duyệt trước (không thu hồi được máy quản trị).</translation>
    </message>
    <message>
        <source>Revoke a laptop</source>
        <translation>Thu hồi máy</translation>
    </message>
    <message>
        <source>Revoke the laptop “%1”? What it sent before stays; nothing it sends from now on is accepted, and new keys are made that it cannot read.</source>
        <translation>Thu hồi máy “%1”? Dữ liệu máy đã gửi trước đây được giữ; từ nay không nhận gì từ máy này nữa, và khóa mới được tạo mà máy này không đọc được.</translation>
    </message>
    <message>
        <source>Revoking the laptop…</source>
        <translation>Đang thu hồi máy…</translation>
    </message>
    <message>
        <source>Writing a snapshot…</source>
        <translation>Đang ghi bản chụp…</translation>
    </message>
    <message>
        <source>Loading the ward from the snapshot…</source>
        <translation>Đang nạp dữ liệu phường từ bản chụp…</translation>
    </message>
    <message>
        <source>Done.</source>
        <translation>Xong.</translation>
    </message>
</context>
<context>
    <name>SubjectExportBox</name>
    <message>
        <source>Personal data request (export everything about one person)</source>
        <translation>Yêu cầu về dữ liệu cá nhân (xuất mọi dữ liệu về một người)</translation>
    </message>
    <message>
        <source>Full name, accents optional</source>
        <translation>Họ và tên, có dấu hay không đều được</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>Tìm</translation>
    </message>
    <message>
        <source>Export as JSON…</source>
        <translation>Xuất ra tệp JSON…</translation>
    </message>
    <message>
        <source>moved out</source>
        <translation>đã chuyển đi</translation>
    </message>
    <message>
        <source>Nobody with that name.</source>
        <translation>Không có ai tên như vậy.</translation>
    </message>
    <message>
        <source>Export as</source>
        <translation>Xuất ra</translation>
    </message>
    <message>
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
</context>
<context>
    <name>SupportRow</name>
    <message>
        <source>Quantity</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>Unit (kg, bag…)</source>
        <translation>Đơn vị (kg, túi…)</translation>
    </message>
    <message>
        <source>Value (VND)</source>
        <translation>Giá trị (đồng)</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>Laptop</source>
        <translation>Máy</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <source>Last changeset</source>
        <translation>Gói thay đổi cuối</translation>
    </message>
    <message>
        <source>Behind by</source>
        <translation>Còn chậm</translation>
    </message>
    <message>
        <source>Clock offset (min)</source>
        <translation>Lệch giờ (phút)</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Đồng bộ lần cuối</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Lúc</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Sự cố</translation>
    </message>
    <message>
        <source>Detected</source>
        <translation>Phát hiện</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Which one</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <source>Value kept</source>
        <translation>Giá trị đang giữ</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Giá trị khác</translation>
    </message>
    <message>
        <source>Sync stopped. What was already applied is kept; the next sync goes on from there.</source>
        <translation>Đã dừng đồng bộ. Phần đã áp dụng được giữ lại; lần đồng bộ sau sẽ tiếp tục từ đó.</translation>
    </message>
    <message numerus="yes">
        <source>The station did not accept %n of this laptop&apos;s change(s): see the problems below.</source>
        <translation>
            <numerusform>Trạm không nhận %n thay đổi của máy này: xem các sự cố bên dưới.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <source>Shared folder:</source>
        <translation>Thư mục dùng chung:</translation>
    </message>
    <message>
        <source>e.g. \\station\wardbook, /mnt/share or smb://host/share</source>
        <translation>ví dụ: \\station\wardbook, /mnt/share hoặc smb://host/share</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chọn…</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <source>Laptops on the share</source>
        <translation>Các máy trên thư mục chung</translation>
    </message>
    <message>
        <source>Problems not over yet (%1)</source>
        <translation>Sự cố chưa hết (%1)</translation>
    </message>
    <message>
        <source>Conflicts to review (%1)</source>
        <translation>Xung đột cần xem xét (%1)</translation>
    </message>
    <message>
        <source>Keep the value kept</source>
        <translation>Giữ giá trị hiện tại</translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation>Dùng giá trị kia</translation>
    </message>
    <message>
        <source>Shared folder</source>
        <translation>Thư mục dùng chung</translation>
    </message>
    <message>
        <source>Choose the shared folder first.</source>
        <translation>Hãy chọn thư mục dùng chung trước.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <source>Synced. Last sync: %1</source>
        <translation>Đã đồng bộ. Lần cuối: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be applied yet: see the problems below.</source>
        <translation>
            <numerusform>%n tệp chưa áp dụng được: xem các sự cố bên dưới.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mật khẩu</translation>
    </message>
    <message>
        <source>Password again</source>
        <translation>Nhập lại mật khẩu</translation>
    </message>
    <message>
        <source>New account</source>
        <translation>Tài khoản mới</translation>
    </message>
    <message>
        <source>New password for %1</source>
        <translation>Mật khẩu mới cho %1</translation>
    </message>
</context>
<context>
    <name>UsersBox</name>
    <message>
        <source>Username</source>
        <translation>Tên đăng nhập</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Vai trò</translation>
    </message>
    <message>
        <source>Can log in</source>
        <translation>Đăng nhập được</translation>
    </message>
    <message>
        <source>Failed logins</source>
        <translation>Lần đăng nhập sai</translation>
    </message>
    <message>
        <source>Add account…</source>
        <translation>Thêm tài khoản…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Đổi vai trò…</translation>
    </message>
    <message>
        <source>Disable / enable</source>
        <translation>Khoá / mở tài khoản</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Đặt lại mật khẩu…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Mở khoá đăng nhập</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>đã khoá</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>có</translation>
    </message>
    <message>
        <source>no password</source>
        <translation>chưa có mật khẩu</translation>
    </message>
    <message>
        <source>locked until %1</source>
        <translation>bị khoá đến %1</translation>
    </message>
    <message>
        <source>Not saved</source>
        <translation>Chưa lưu</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Đổi vai trò</translation>
    </message>
    <message>
        <source>New role of %1:</source>
        <translation>Vai trò mới của %1:</translation>
    </message>
    <message>
        <source>Disable an account</source>
        <translation>Khoá tài khoản</translation>
    </message>
    <message>
        <source>Disable the account “%1”? It can no longer log in.</source>
        <translation>Khoá tài khoản “%1”? Tài khoản này sẽ không đăng nhập được nữa.</translation>
    </message>
    <message>
        <source>Enable an account</source>
        <translation>Mở tài khoản</translation>
    </message>
    <message>
        <source>Enable the account “%1”? It can log in again.</source>
        <translation>Mở lại tài khoản “%1”? Tài khoản này sẽ đăng nhập được trở lại.</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Void visit</source>
        <translation>Hủy lượt thăm</translation>
    </message>
    <message>
        <source>Why is this visit voided? (for example: wrong household)
It stays in the register, marked voided, and is no longer counted.</source>
        <translation>Vì sao hủy lượt thăm này? (ví dụ: ghi nhầm hộ)
Lượt thăm vẫn được giữ trong sổ, đánh dấu đã hủy, và không còn được tính.</translation>
    </message>
    <message>
        <source>Visit voided.</source>
        <translation>Đã hủy lượt thăm.</translation>
    </message>
    <message>
        <source>Visit restored.</source>
        <translation>Đã khôi phục lượt thăm.</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>Ghi lượt thăm</translation>
    </message>
    <message>
        <source>Voided visit</source>
        <translation>Lượt thăm đã hủy</translation>
    </message>
    <message>
        <source>Correct visit</source>
        <translation>Sửa lượt thăm</translation>
    </message>
    <message>
        <source>Void…</source>
        <translation>Hủy lượt thăm…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Khôi phục</translation>
    </message>
    <message>
        <source>Voided: %1</source>
        <translation>Đã hủy: %1</translation>
    </message>
    <message>
        <source>&amp;Household</source>
        <translation>&amp;Hộ</translation>
    </message>
    <message>
        <source>&amp;Date (dd/mm/yyyy)</source>
        <translation>&amp;Ngày (dd/mm/yyyy)</translation>
    </message>
    <message>
        <source>Purposes (Alt+1…8)</source>
        <translation>Mục đích (Alt+1…8)</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>Person &amp;met</source>
        <translation>Người &amp;gặp</translation>
    </message>
    <message>
        <source>&amp;Findings</source>
        <translation>Ghi &amp;nhận</translation>
    </message>
    <message>
        <source>Support given</source>
        <translation>Hỗ trợ đã trao</translation>
    </message>
    <message>
        <source>F&amp;ollow-up due</source>
        <translation>Hạn &amp;theo dõi</translation>
    </message>
    <message>
        <source>Personal data: write only what the follow-up needs.</source>
        <translation>Dữ liệu cá nhân: chỉ ghi điều cần cho việc theo dõi.</translation>
    </message>
    <message>
        <source>dd/mm/yyyy, empty if none</source>
        <translation>dd/mm/yyyy, để trống nếu không có</translation>
    </message>
    <message>
        <source>+ Support item</source>
        <translation>+ Khoản hỗ trợ</translation>
    </message>
    <message numerus="yes">
        <source>+%n day(s)</source>
        <translation>
            <numerusform>+%n ngày</numerusform>
        </translation>
    </message>
    <message>
        <source>Done on %1 (a later date opens it again)</source>
        <translation>Đã theo dõi xong ngày %1 (hẹn ngày sau đó thì mở lại)</translation>
    </message>
    <message>
        <source>Pick the household from the search results (↓, Enter).</source>
        <translation>Chọn hộ trong kết quả tìm kiếm (↓, Enter).</translation>
    </message>
    <message>
        <source>Visit corrected.</source>
        <translation>Đã sửa lượt thăm.</translation>
    </message>
    <message>
        <source>Changed elsewhere</source>
        <translation>Đã được sửa ở nơi khác</translation>
    </message>
    <message>
        <source>While this form was open, this visit was changed elsewhere (in another window or by a sync): %1.

Save what you typed over that change, or reload the visit as it is now (what you typed in this form is then dropped)?</source>
        <translation>Trong lúc biểu mẫu này đang mở, lượt thăm đã được sửa ở nơi khác (ở cửa sổ khác hoặc do đồng bộ): %1.

Lưu nội dung bạn đã nhập đè lên thay đổi đó, hay tải lại lượt thăm như hiện đang ghi trong sổ (những gì bạn đã nhập trong biểu mẫu này sẽ bị bỏ)?</translation>
    </message>
    <message>
        <source>Save mine</source>
        <translation>Lưu bản của tôi</translation>
    </message>
    <message>
        <source>Reload</source>
        <translation>Tải lại</translation>
    </message>
    <message>
        <source>This is the visit as it is recorded now.</source>
        <translation>Đây là lượt thăm như hiện đang ghi trong sổ.</translation>
    </message>
    <message>
        <source>Visit saved.</source>
        <translation>Đã lưu lượt thăm.</translation>
    </message>
</context>
</TS>
