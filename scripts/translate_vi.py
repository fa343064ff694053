"""Fill the Vietnamese texts of resources/translations/wardbook_vi.ts and build the .qm files.

The .ts files are the source of the app's translations (pyside6-lupdate extracts the English source strings
from ui/); this table holds the Vietnamese for each, so re-running lupdate after a UI change and then this
script keeps both in step. Strings without a Vietnamese text here are reported, not invented.

    .venv/bin/pyside6-lupdate ui/*.py -ts resources/translations/wardbook_vi.ts
    .venv/bin/python scripts/translate_vi.py
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"

VIETNAMESE = {
    "Follow-up due": "Hạn theo dõi",
    "Address": "Địa chỉ",
    "Purposes": "Mục đích",
    "Visit date": "Ngày thăm",
    "%n overdue follow-up(s)": "%n việc theo dõi quá hạn",
    "Code": "Mã hộ",
    "Area": "Khu phố",
    "Head of household": "Chủ hộ",
    "Members": "Nhân khẩu",
    "Last visit": "Lần thăm cuối",
    "Vulnerabilities": "Diện cần quan tâm",
    "Search:": "Tìm:",
    "name, street, house number or phone — accents optional":
        "họ tên, đường, số nhà hoặc số điện thoại — không cần dấu",
    "Area:": "Khu phố:",
    "All areas": "Tất cả khu phố",
    "Not visited in (days):": "Chưa thăm trong (ngày):",
    "any": "bất kỳ",
    "Overdue follow-up": "Có việc quá hạn",
    "New visit… (Ctrl+N)": "Ghi lượt thăm… (Ctrl+N)",
    "%n household(s)": "%n hộ",
    "No household selected.": "Chưa chọn hộ nào.",
    "Phone": "Điện thoại",
    "Visits": "Lượt thăm",
    "Cases": "Vụ việc",
    "Follow up by": "Theo dõi đến",
    "WardBook — household register": "Sổ địa bàn — sổ hộ dân",
    "Households": "Hộ dân",
    "Follow-ups": "Việc cần theo dõi",
    "&Language": "&Ngôn ngữ",
    "Database: %1  ·  device %2": "Cơ sở dữ liệu: %1  ·  máy %2",
    "New visit": "Ghi lượt thăm",
    "Type a name, street or phone (accents optional)": "Gõ họ tên, đường hoặc số điện thoại (không cần dấu)",
    "Personal data: write only what the work needs": "Dữ liệu cá nhân: chỉ ghi điều cần cho công việc",
    "No support": "Không hỗ trợ",
    "unit": "đơn vị",
    "Household": "Hộ",
    "Outcome": "Kết quả",
    "Person met": "Người tiếp",
    "Findings": "Ghi nhận",
    "Support given": "Hỗ trợ đã trao",
    "Follow-up": "Theo dõi",
    "Save (Enter)": "Lưu (Enter)",
    "Cancel (Esc)": "Hủy (Esc)",
    "Choose the household visited.": "Hãy chọn hộ đã đến thăm.",
    "WardBook — first start": "Sổ địa bàn — lần đầu sử dụng",
    "There is no ward database on this computer yet. Start with a demo ward (invented households to try the "
    "app) or with an empty register?": "Máy này chưa có cơ sở dữ liệu của phường. Bắt đầu với phường mẫu (hộ dân "
    "giả định để dùng thử) hay với sổ trống?",
    "Demo ward": "Phường mẫu",
    "Empty register": "Sổ trống",
    "Creating the demo ward…": "Đang tạo phường mẫu…",
    "Cancel": "Hủy",
    "Reports": "Báo cáo",
    "Report": "Loại báo cáo",
    "Period": "Kỳ báo cáo",
    "From": "Từ ngày",
    "To": "Đến ngày",
    "Periodic review (sơ kết / tổng kết)": "Báo cáo sơ kết / tổng kết",
    "Walk list": "Danh sách đi địa bàn",
    "This month": "Tháng này",
    "This quarter": "Quý này",
    "This year": "Năm nay",
    "Dates below": "Theo ngày dưới đây",
    "Whole ward": "Toàn phường",
    "Generate PDF": "Tạo tệp PDF",
    "Choose a khu phố for the walk list.": "Hãy chọn khu phố cho danh sách đi địa bàn.",
    "Generating…": "Đang tạo…",
    "Saved: %1": "Đã lưu: %1",
    "Saved: %1 (no PDF viewer found)": "Đã lưu: %1 (không tìm thấy chương trình xem PDF)",
    "The report failed: %1": "Không tạo được báo cáo: %1",
    "Import households from Excel / CSV": "Nhập danh sách hộ từ Excel / CSV",
    "Choose file…": "Chọn tệp…",
    "Create the khu phố named in the file when missing": "Tạo khu phố có trong tệp nếu chưa có",
    "1. Check the file": "1. Kiểm tra tệp",
    "2. Import": "2. Nhập",
    "Household list": "Danh sách hộ",
    "Spreadsheets (*.xlsx *.csv)": "Bảng tính (*.xlsx *.csv)",
    "%1 problem(s): fix the file and check again. Nothing was imported.":
        "%1 lỗi: sửa tệp rồi kiểm tra lại. Chưa nhập gì.",
    "Ready: %1 households, %2 people.": "Sẵn sàng: %1 hộ, %2 nhân khẩu.",
    "&File": "&Tệp",
    "Import households from Excel / CSV…": "Nhập danh sách hộ từ Excel / CSV…",
    "Sync": "Đồng bộ",
    "Database: %1  ·  device %2  ·  last sync: %3": "Cơ sở dữ liệu: %1  ·  máy %2  ·  Đồng bộ lần cuối: %3",
    "never": "chưa lần nào",
    "Shared folder:": "Thư mục dùng chung:",
    r"\\station\wardbook, /mnt/share, a USB stick or smb://…":
        r"\\tram\wardbook, /mnt/share, USB hoặc smb://…",
    "Sync now": "Đồng bộ ngay",
    "Laptops of the station": "Các máy của trạm",
    "Conflicts to review (edits made at the same time on two laptops)":
        "Xung đột cần xem lại (sửa cùng lúc trên hai máy)",
    "Keep current value": "Giữ giá trị hiện tại",
    "Use the other value": "Dùng giá trị kia",
    "Laptop": "Máy",
    "Name": "Tên",
    "Published": "Đã gửi",
    "Applied here": "Đã nhận",
    "Behind": "Chậm",
    "Errors": "Lỗi",
    "Conflicts": "Xung đột",
    "Record": "Bản ghi",
    "Field": "Trường",
    "Current value": "Giá trị hiện tại",
    "Other value": "Giá trị kia",
    "From laptop": "Từ máy",
    "Enter the shared folder first.": "Hãy nhập thư mục dùng chung trước.",
    "Syncing…": "Đang đồng bộ…",
    "Sync done: %1 file(s) sent, %2 received.": "Đồng bộ xong: gửi %1 tệp, nhận %2 tệp.",
    "%1 file(s) refused (see Errors).": "%1 tệp bị từ chối (xem cột Lỗi).",
    "Add member": "Thêm nhân khẩu",
    "Full name": "Họ và tên",
    "Birth year": "Năm sinh",
    "Gender": "Giới tính",
    "Relation to head": "Quan hệ với chủ hộ",
    "New household…": "Thêm hộ…",
    "Add member…": "Thêm nhân khẩu…",
    "Moved out today": "Chuyển đi hôm nay",
    "Make head of household": "Đặt làm chủ hộ",
    "New household": "Thêm hộ",
    "House number": "Số nhà",
    "Street": "Đường",
    "Save": "Lưu",
    "Possible duplicate of:": "Có thể trùng với:",
    "Click Save again to add it anyway.": "Bấm Lưu lần nữa nếu vẫn muốn thêm.",
}

# Qt's own dialogs and standard buttons: Qt ships no Vietnamese, so the app carries these (context QPlatformTheme).
QT_STANDARD = {
    "OK": "Đồng ý", "Save": "Lưu", "Save All": "Lưu tất cả", "Open": "Mở", "&Yes": "&Có",
    "Yes to &All": "Có tất cả",
    "&No": "&Không", "N&o to All": "Không tất cả", "Abort": "Hủy bỏ", "Retry": "Thử lại", "Ignore": "Bỏ qua",
    "Close": "Đóng", "Cancel": "Hủy", "Discard": "Bỏ", "Help": "Trợ giúp", "Apply": "Áp dụng", "Reset": "Đặt lại",
    "Restore Defaults": "Khôi phục mặc định", "Don't Save": "Không lưu", "Close without Saving": "Đóng không lưu",
}


def fill(path: Path) -> list[str]:
    tree = ET.parse(path)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        text = VIETNAMESE.get(source)
        if text is None:
            missing.append(source)
            continue
        translation.attrib.pop("type", None)
        numerus = translation.findall("numerusform")
        if message.get("numerus") == "yes":
            for form in numerus or [ET.SubElement(translation, "numerusform")]:
                form.text = text
        else:
            translation.text = text
    tree.write(path, encoding="utf-8", xml_declaration=True)
    return missing


def write_qtbase(path: Path) -> None:
    ts = ET.Element("TS", version="2.1", language="vi_VN")
    context = ET.SubElement(ts, "context")
    ET.SubElement(context, "name").text = "QPlatformTheme"
    for source, text in QT_STANDARD.items():
        message = ET.SubElement(context, "message")
        ET.SubElement(message, "source").text = source
        ET.SubElement(message, "translation").text = text
    ET.indent(ts)
    ET.ElementTree(ts).write(path, encoding="utf-8", xml_declaration=True)


def main() -> int:
    missing = fill(FOLDER / "wardbook_vi.ts")
    write_qtbase(FOLDER / "qtbase_vi.ts")
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).parent / "pyside6-lrelease")
    for name in ("wardbook_vi", "qtbase_vi"):
        subprocess.run([lrelease, "-silent", str(FOLDER / f"{name}.ts"), "-qm", str(FOLDER / f"{name}.qm")],
                       check=True)
    for source in missing:
        print(f"no Vietnamese text yet: {source!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
