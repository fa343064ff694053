<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="vi_VN">
<context>
    <name>AddMemberDialog</name>
    <message>
        <location filename="../../ui/household_dialogs.py" line="128" />
        <source>Add member</source>
        <translation>Thêm nhân khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="132" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="132" />
        <source>Birth year</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="133" />
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="133" />
        <source>Relation to head</source>
        <translation>Quan hệ với chủ hộ</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="134" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
</context>
<context>
    <name>FollowUpsPage</name>
    <message>
        <location filename="../../ui/follow_ups_page.py" line="34" />
        <source>Follow-up due</source>
        <translation>Hạn theo dõi</translation>
    </message>
    <message>
        <location filename="../../ui/follow_ups_page.py" line="34" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/follow_ups_page.py" line="34" />
        <source>Purposes</source>
        <translation>Mục đích</translation>
    </message>
    <message>
        <location filename="../../ui/follow_ups_page.py" line="34" />
        <source>Visit date</source>
        <translation>Ngày thăm</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/follow_ups_page.py" line="40" />
        <source>%n overdue follow-up(s)</source>
        <translation>
            <numerusform>%n việc theo dõi quá hạn</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HouseholdTableModel</name>
    <message>
        <location filename="../../ui/household_model.py" line="39" />
        <source>Code</source>
        <translation>Mã hộ</translation>
    </message>
    <message>
        <location filename="../../ui/household_model.py" line="39" />
        <source>Address</source>
        <translation>Địa chỉ</translation>
    </message>
    <message>
        <location filename="../../ui/household_model.py" line="39" />
        <source>Area</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <location filename="../../ui/household_model.py" line="40" />
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <location filename="../../ui/household_model.py" line="40" />
        <source>Members</source>
        <translation>Nhân khẩu</translation>
    </message>
    <message>
        <location filename="../../ui/household_model.py" line="41" />
        <source>Last visit</source>
        <translation>Lần thăm cuối</translation>
    </message>
    <message>
        <location filename="../../ui/household_model.py" line="41" />
        <source>Vulnerabilities</source>
        <translation>Diện cần quan tâm</translation>
    </message>
</context>
<context>
    <name>HouseholdsPage</name>
    <message>
        <location filename="../../ui/households_page.py" line="126" />
        <source>Search:</source>
        <translation>Tìm:</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="127" />
        <source>name, street, house number or phone — accents optional</source>
        <translation>họ tên, đường, số nhà hoặc số điện thoại — không cần dấu</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="128" />
        <source>Area:</source>
        <translation>Khu phố:</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="129" />
        <source>All areas</source>
        <translation>Tất cả khu phố</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="130" />
        <source>Not visited in (days):</source>
        <translation>Chưa thăm trong (ngày):</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="131" />
        <source>any</source>
        <translation>bất kỳ</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="132" />
        <source>Overdue follow-up</source>
        <translation>Có việc quá hạn</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="133" />
        <source>New visit… (Ctrl+N)</source>
        <translation>Ghi lượt thăm… (Ctrl+N)</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="134" />
        <source>New household…</source>
        <translation>Thêm hộ…</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="135" />
        <source>Add member…</source>
        <translation>Thêm nhân khẩu…</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="136" />
        <source>Moved out today</source>
        <translation>Chuyển đi hôm nay</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="137" />
        <source>Make head of household</source>
        <translation>Đặt làm chủ hộ</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="138" />
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="138" />
        <source>Birth year</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="138" />
        <source>Relation to head</source>
        <translation>Quan hệ với chủ hộ</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/households_page.py" line="202" />
        <source>%n household(s)</source>
        <translation>
            <numerusform>%n hộ</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="213" />
        <source>No household selected.</source>
        <translation>Chưa chọn hộ nào.</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="214" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="214" />
        <source>Visits</source>
        <translation>Lượt thăm</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="215" />
        <source>Cases</source>
        <translation>Vụ việc</translation>
    </message>
    <message>
        <location filename="../../ui/households_page.py" line="215" />
        <source>Follow up by</source>
        <translation>Theo dõi đến</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <location filename="../../ui/import_dialog.py" line="41" />
        <source>Import households from Excel / CSV</source>
        <translation>Nhập danh sách hộ từ Excel / CSV</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="44" />
        <source>Choose file…</source>
        <translation>Chọn tệp…</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="46" />
        <source>Create the khu phố named in the file when missing</source>
        <translation>Tạo khu phố có trong tệp nếu chưa có</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="47" />
        <source>1. Check the file</source>
        <translation>1. Kiểm tra tệp</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="49" />
        <source>2. Import</source>
        <translation>2. Nhập</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="73" />
        <source>Household list</source>
        <translation>Danh sách hộ</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="74" />
        <source>Spreadsheets (*.xlsx *.csv)</source>
        <translation>Bảng tính (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="92" />
        <source>%1 problem(s): fix the file and check again. Nothing was imported.</source>
        <translation>%1 lỗi: sửa tệp rồi kiểm tra lại. Chưa nhập gì.</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialog.py" line="95" />
        <source>Ready: %1 households, %2 people.</source>
        <translation>Sẵn sàng: %1 hộ, %2 nhân khẩu.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="68" />
        <source>WardBook — household register</source>
        <translation>Sổ địa bàn — sổ hộ dân</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="69" />
        <source>Households</source>
        <translation>Hộ dân</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="70" />
        <source>Follow-ups</source>
        <translation>Việc cần theo dõi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="71" />
        <source>Reports</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="72" />
        <source>Sync</source>
        <translation>Đồng bộ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="73" />
        <source>&amp;Language</source>
        <translation>&amp;Ngôn ngữ</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="74" />
        <source>&amp;File</source>
        <translation>&amp;Tệp</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="75" />
        <source>Import households from Excel / CSV…</source>
        <translation>Nhập danh sách hộ từ Excel / CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="85" />
        <source>Database: %1  ·  device %2  ·  last sync: %3</source>
        <translation>Cơ sở dữ liệu: %1  ·  máy %2  ·  Đồng bộ lần cuối: %3</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="87" />
        <source>never</source>
        <translation>chưa lần nào</translation>
    </message>
</context>
<context>
    <name>NewHouseholdDialog</name>
    <message>
        <location filename="../../ui/household_dialogs.py" line="86" />
        <source>New household</source>
        <translation>Thêm hộ</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="100" />
        <source>Area</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="100" />
        <source>House number</source>
        <translation>Số nhà</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="101" />
        <source>Street</source>
        <translation>Đường</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="101" />
        <source>Head of household</source>
        <translation>Chủ hộ</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="102" />
        <source>Birth year</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="102" />
        <source>Gender</source>
        <translation>Giới tính</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="103" />
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="103" />
        <source>Vulnerabilities</source>
        <translation>Diện cần quan tâm</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <location filename="../../ui/reports_page.py" line="78" />
        <source>Report</source>
        <translation>Loại báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="78" />
        <source>Period</source>
        <translation>Kỳ báo cáo</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="78" />
        <source>From</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="79" />
        <source>To</source>
        <translation>Đến ngày</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="79" />
        <source>Area</source>
        <translation>Khu phố</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="81" />
        <source>Periodic review (sơ kết / tổng kết)</source>
        <translation>Báo cáo sơ kết / tổng kết</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="81" />
        <source>Walk list</source>
        <translation>Danh sách đi địa bàn</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="82" />
        <source>This month</source>
        <translation>Tháng này</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="82" />
        <source>This quarter</source>
        <translation>Quý này</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="83" />
        <source>This year</source>
        <translation>Năm nay</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="83" />
        <source>Dates below</source>
        <translation>Theo ngày dưới đây</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="92" />
        <source>Whole ward</source>
        <translation>Toàn phường</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="93" />
        <source>Generate PDF</source>
        <translation>Tạo tệp PDF</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="94" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="123" />
        <source>Choose a khu phố for the walk list.</source>
        <translation>Hãy chọn khu phố cho danh sách đi địa bàn.</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="148" />
        <source>Generating…</source>
        <translation>Đang tạo…</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="168" />
        <source>Saved: %1</source>
        <translation>Đã lưu: %1</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="171" />
        <source>Saved: %1 (no PDF viewer found)</source>
        <translation>Đã lưu: %1 (không tìm thấy chương trình xem PDF)</translation>
    </message>
    <message>
        <location filename="../../ui/reports_page.py" line="178" />
        <source>The report failed: %1</source>
        <translation>Không tạo được báo cáo: %1</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../ui/sync_page.py" line="81" />
        <source>Shared folder:</source>
        <translation>Thư mục dùng chung:</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="82" />
        <source>\\station\wardbook, /mnt/share, a USB stick or smb://…</source>
        <translation>\\tram\wardbook, /mnt/share, USB hoặc smb://…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="83" />
        <source>Sync now</source>
        <translation>Đồng bộ ngay</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="84" />
        <source>Laptops of the station</source>
        <translation>Các máy của trạm</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="85" />
        <source>Conflicts to review (edits made at the same time on two laptops)</source>
        <translation>Xung đột cần xem lại (sửa cùng lúc trên hai máy)</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="86" />
        <source>Keep current value</source>
        <translation>Giữ giá trị hiện tại</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="87" />
        <source>Use the other value</source>
        <translation>Dùng giá trị kia</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="88" />
        <source>Laptop</source>
        <translation>Máy</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="88" />
        <source>Name</source>
        <translation>Tên</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="88" />
        <source>Published</source>
        <translation>Đã gửi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="88" />
        <source>Applied here</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="89" />
        <source>Behind</source>
        <translation>Chậm</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="89" />
        <source>Errors</source>
        <translation>Lỗi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="89" />
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="90" />
        <source>Record</source>
        <translation>Bản ghi</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="90" />
        <source>Field</source>
        <translation>Trường</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="90" />
        <source>Current value</source>
        <translation>Giá trị hiện tại</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="91" />
        <source>Other value</source>
        <translation>Giá trị kia</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="91" />
        <source>From laptop</source>
        <translation>Từ máy</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="114" />
        <source>Enter the shared folder first.</source>
        <translation>Hãy nhập thư mục dùng chung trước.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="132" />
        <source>Syncing…</source>
        <translation>Đang đồng bộ…</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="139" />
        <source>Sync done: %1 file(s) sent, %2 received.</source>
        <translation>Đồng bộ xong: gửi %1 tệp, nhận %2 tệp.</translation>
    </message>
    <message>
        <location filename="../../ui/sync_page.py" line="142" />
        <source>%1 file(s) refused (see Errors).</source>
        <translation>%1 tệp bị từ chối (xem cột Lỗi).</translation>
    </message>
</context>
<context>
    <name>VisitForm</name>
    <message>
        <location filename="../../ui/visit_form.py" line="60" />
        <source>New visit</source>
        <translation>Ghi lượt thăm</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="64" />
        <source>Type a name, street or phone (accents optional)</source>
        <translation>Gõ họ tên, đường hoặc số điện thoại (không cần dấu)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="86" />
        <source>Personal data: write only what the work needs</source>
        <translation>Dữ liệu cá nhân: chỉ ghi điều cần cho công việc</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="87" />
        <source>Follow up by</source>
        <translation>Theo dõi đến</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="98" />
        <source>No support</source>
        <translation>Không hỗ trợ</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="103" />
        <source>unit</source>
        <translation>đơn vị</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="118" />
        <source>Household</source>
        <translation>Hộ</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="120" />
        <source>Visit date</source>
        <translation>Ngày thăm</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="121" />
        <source>Purposes</source>
        <translation>Mục đích</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="122" />
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="123" />
        <source>Person met</source>
        <translation>Người tiếp</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="124" />
        <source>Findings</source>
        <translation>Ghi nhận</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="125" />
        <source>Support given</source>
        <translation>Hỗ trợ đã trao</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="126" />
        <source>Follow-up</source>
        <translation>Theo dõi</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="139" />
        <source>Save (Enter)</source>
        <translation>Lưu (Enter)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="142" />
        <source>Cancel (Esc)</source>
        <translation>Hủy (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/visit_form.py" line="190" />
        <source>Choose the household visited.</source>
        <translation>Hãy chọn hộ đã đến thăm.</translation>
    </message>
</context>
<context>
    <name>_Form</name>
    <message>
        <location filename="../../ui/household_dialogs.py" line="43" />
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="45" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="64" />
        <source>Possible duplicate of:</source>
        <translation>Có thể trùng với:</translation>
    </message>
    <message>
        <location filename="../../ui/household_dialogs.py" line="65" />
        <source>Click Save again to add it anyway.</source>
        <translation>Bấm Lưu lần nữa nếu vẫn muốn thêm.</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../ui/app.py" line="40" />
        <source>WardBook — first start</source>
        <translation>Sổ địa bàn — lần đầu sử dụng</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="41" />
        <source>There is no ward database on this computer yet. Start with a demo ward (invented households to try the app) or with an empty register?</source>
        <translation>Máy này chưa có cơ sở dữ liệu của phường. Bắt đầu với phường mẫu (hộ dân giả định để dùng thử) hay với sổ trống?</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="44" />
        <source>Demo ward</source>
        <translation>Phường mẫu</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="45" />
        <source>Empty register</source>
        <translation>Sổ trống</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="58" />
        <source>Creating the demo ward…</source>
        <translation>Đang tạo phường mẫu…</translation>
    </message>
    <message>
        <location filename="../../ui/app.py" line="59" />
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
</context>
</TS>