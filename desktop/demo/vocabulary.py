"""Word lists for generated demo data. Names are common Vietnamese name parts combined at random: no real
person is described. Street names are common Vietnamese street names (as in every city), not addresses."""

from __future__ import annotations

# Family names with rough shares in the population (percent).
FAMILY_NAMES: tuple[tuple[str, float], ...] = (
    ("Nguyễn", 38.0), ("Trần", 11.0), ("Lê", 9.5), ("Phạm", 7.0), ("Huỳnh", 4.0), ("Hoàng", 1.5),
    ("Phan", 4.5), ("Võ", 3.0), ("Vũ", 1.0), ("Đặng", 2.1), ("Bùi", 2.0), ("Đỗ", 1.4), ("Hồ", 1.3),
    ("Ngô", 1.3), ("Dương", 1.0), ("Lý", 0.5), ("Trương", 1.0), ("Đinh", 0.8), ("Lâm", 0.6), ("Mai", 0.5),
)
MIDDLE_MALE = ("Văn", "Hữu", "Đức", "Minh", "Quốc", "Thanh", "Công", "Hoàng", "Gia", "Tấn")
MIDDLE_FEMALE = ("Thị", "Ngọc", "Thu", "Thanh", "Kim", "Mỹ", "Thị Thu", "Bảo", "Diệu", "Phương")
GIVEN_MALE = (
    "An", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hùng", "Khang", "Long", "Minh", "Nam", "Phúc", "Quang",
    "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Khoa", "Lộc", "Hiếu", "Nghĩa", "Toàn", "Ân",
)
GIVEN_FEMALE = (
    "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hoa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Nhung",
    "Oanh", "Phương", "Quyên", "Thảo", "Trang", "Uyên", "Yến", "Hòa", "Thủy", "Tuyết", "Ánh", "Ngân", "Vy",
)
STREETS = (
    "Lê Văn Sỹ", "Nguyễn Trãi", "Trần Hưng Đạo", "Hai Bà Trưng", "Lý Thường Kiệt", "Cách Mạng Tháng Tám",
    "Nguyễn Đình Chiểu", "Võ Văn Tần", "Điện Biên Phủ", "Phan Đăng Lưu", "Lê Quang Định", "Bùi Đình Túy",
    "Đinh Tiên Hoàng", "Nơ Trang Long", "Huỳnh Văn Bánh", "Trường Sa", "Hoàng Sa", "Bạch Đằng",
    "Phạm Văn Đồng", "Lê Đức Thọ", "Quang Trung", "Nguyễn Oanh", "Thống Nhất", "Dương Quảng Hàm",
    "Phan Huy Ích", "Tân Sơn Nhì", "Âu Cơ", "Lũy Bán Bích", "Kênh Tân Hóa", "Đặng Văn Bi",
)
OCCUPATIONS = (
    "buôn bán", "công nhân", "nội trợ", "hưu trí", "học sinh", "sinh viên", "lao động tự do", "tài xế",
    "thợ may", "nhân viên văn phòng", "giáo viên", "bảo vệ",
)
FINDINGS = (
    "Sức khỏe ổn định, cần theo dõi thêm.",
    "Gia đình khó khăn, đề nghị hỗ trợ gạo.",
    "Người cao tuổi sống một mình, hàng xóm hỗ trợ.",
    "Đã tuyên truyền phòng chống lừa đảo qua mạng.",
    "Hòa giải mâu thuẫn hàng xóm về lối đi chung.",
    "Vắng nhà, hẹn quay lại.",
    "Đã trao quà hỗ trợ, gia đình cảm ơn.",
    "Cần đưa đi khám bệnh định kỳ.",
)
CASE_TITLES = {
    "tip": ("Tin báo có người lạ thường xuyên lui tới", "Tin báo nghi lừa đảo qua điện thoại"),
    "dispute": ("Tranh chấp lối đi chung", "Mâu thuẫn tiếng ồn giữa hai hộ"),
    "complaint": ("Khiếu nại về rác thải", "Phản ánh việc lấn chiếm vỉa hè"),
    "reintegration": ("Hỗ trợ tái hòa nhập cộng đồng", "Giới thiệu việc làm sau khi chấp hành án"),
}
ACTIVITY_TOPICS = {
    "meeting": ("Họp tổ dân phố định kỳ", "Họp triển khai kế hoạch quý"),
    "forum": ("Đối thoại với người dân", "Lắng nghe ý kiến nhân dân"),
    "awareness_session": ("Tuyên truyền phòng chống lừa đảo trực tuyến", "Phòng cháy chữa cháy khu dân cư"),
    "training": ("Tập huấn kỹ năng hòa giải", "Tập huấn sơ cấp cứu"),
    "patrol": ("Tuần tra an ninh khu phố", "Tuần tra dịp lễ"),
}
