//! Vietnamese texts the generator draws from: names, places, directions, resolution items, tasks,
//! speeches and reasons — of the length a real minutes book has, so that journal lines weigh what
//! they would in use.

/// Family names (họ).
pub(crate) const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương",
    "Lý", "Mai", "Trịnh", "Đinh", "Lưu", "Tống", "Phan",
];

/// Middle names (tên đệm).
pub(crate) const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Đức", "Minh", "Hữu", "Xuân", "Quang", "Thu", "Ngọc", "Thanh", "Công", "Hồng",
];

/// Given names (tên).
pub(crate) const GIVEN: &[&str] = &[
    "Hùng", "Dũng", "Tuấn", "Thắng", "Hải", "Long", "Nam", "Sơn", "Lan", "Hương", "Hoa", "Hằng",
    "Huyền", "Liên", "Linh", "Mai", "Nga", "Ngọc", "Bình", "Cường", "Hòa", "Khánh", "Thảo", "Thủy",
    "Trang", "Vân", "Yến", "Phúc", "Thành", "Trung", "Vinh", "Hiếu",
];

/// Commune names (xã).
pub(crate) const COMMUNES: &[&str] = &[
    "Nga Trường",
    "Hoằng Hóa",
    "Quảng Phú",
    "Thiệu Trung",
    "Yên Định",
    "Vĩnh Lộc",
    "Hà Long",
    "Nông Cống",
    "Tĩnh Gia",
    "Hậu Lộc",
    "Đông Tiến",
    "Thọ Xuân",
    "Triệu Sơn",
    "Cẩm Thủy",
];

/// Hamlet names (thôn).
pub(crate) const HAMLETS: &[&str] = &[
    "Đông",
    "Tây",
    "Nam",
    "Bắc",
    "Thượng",
    "Hạ",
    "Trung",
    "Phú Cường",
    "Yên Bình",
    "Tân Lập",
    "Hòa Bình",
    "Quyết Thắng",
    "Đồng Tâm",
    "Thành Công",
    "Liên Hiệp",
    "Kiến Thiết",
];

/// The commune committee's monthly direction.
pub(crate) const DIRECTIVES: &[&str] = &[
    "Lãnh đạo tổ chức Tết vui tươi, an toàn, tiết kiệm; chăm lo gia đình chính sách, hộ nghèo.",
    "Ra quân sản xuất vụ chiêm xuân, trồng cây đầu xuân; kỷ niệm Ngày thành lập Đảng (03/02).",
    "Triển khai Tháng Thanh niên; chăm sóc lúa vụ chiêm xuân; chuẩn bị đại hội chi bộ.",
    "Phòng chống cháy nổ mùa khô; tổ chức các hoạt động kỷ niệm 30/4 và 1/5.",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; thu hoạch vụ chiêm xuân.",
    "Giữ ổn định tình hình sau sắp xếp đơn vị hành chính; chủ động phòng chống thiên tai.",
    "Đền ơn đáp nghĩa nhân ngày Thương binh – Liệt sĩ (27/7); gieo cấy vụ mùa đúng khung thời vụ.",
    "Kỷ niệm Cách mạng Tháng Tám và Quốc khánh 2/9; tuyển chọn thanh niên nhập ngũ.",
    "Khai giảng năm học mới; phòng chống bão lũ; vận động ủng hộ Quỹ Vì người nghèo.",
    "Thu hoạch vụ mùa; đẩy mạnh chuyển đổi số, thanh toán không dùng tiền mặt.",
    "Ngày hội Đại đoàn kết toàn dân tộc (18/11); chuẩn bị kiểm điểm, xếp loại đảng viên.",
    "Tổng kết công tác xây dựng Đảng năm; đánh giá, xếp loại chất lượng đảng viên và tổ chức đảng.",
];

/// Resolution items a cell adopts.
pub(crate) const ITEMS: &[&str] = &[
    "Vận động nhân dân giữ gìn vệ sinh môi trường, phân loại rác tại nguồn",
    "Duy trì tiêu chí nông thôn mới kiểu mẫu của thôn",
    "Giữ vững an ninh trật tự, phòng chống tệ nạn xã hội trên địa bàn",
    "Vận động hội viên các đoàn thể tham gia phong trào thi đua",
    "Nâng cao chất lượng giải quyết thủ tục hành chính tại bộ phận một cửa",
    "Đẩy mạnh chuyển đổi số, thanh toán không dùng tiền mặt",
    "Chăm sóc, thu hoạch cây trồng đúng khung thời vụ",
];

/// The closing item of every resolution.
pub(crate) const CLOSING_ITEM: &str =
    "Xây dựng chi bộ trong sạch, vững mạnh; thu nộp đảng phí đầy đủ, đúng hạn";

/// Thematic topics (chuyên đề).
pub(crate) const TOPICS: &[&str] = &[
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về tinh thần đoàn kết",
    "Nâng cao vai trò nêu gương của cán bộ, đảng viên ở khu dân cư",
    "Chuyển đổi số trong sinh hoạt chi bộ và quản lý đảng viên",
    "Phát huy dân chủ cơ sở, giữ gìn an ninh trật tự ở thôn",
    "Xây dựng nông thôn mới kiểu mẫu gắn với bảo vệ môi trường",
];

/// Tasks given to members.
pub(crate) const TASKS: &[&str] = &[
    "Vận động 5 hộ gia đình trong tổ dân cư phân loại rác tại nguồn",
    "Tham gia tổng vệ sinh đường làng, ngõ xóm sáng Chủ nhật cuối tháng",
    "Nắm tình hình tư tưởng nhân dân trong tổ, báo cáo chi ủy",
    "Vận động con cháu chấp hành Luật Giao thông, đội mũ bảo hiểm",
    "Tham gia tuần tra an ninh trật tự cùng tổ tự quản",
    "Hướng dẫn người dân cài đặt ứng dụng dịch vụ công trực tuyến",
    "Thăm hỏi, động viên gia đình chính sách, hộ nghèo trong tổ",
    "Phụ trách tuyên truyền nghị quyết đến chi hội phụ nữ",
    "Theo dõi, đôn đốc tiến độ chăm sóc cây trồng vụ này",
    "Đóng góp ý kiến xây dựng dự thảo quy ước của thôn",
];

/// What members say at a meeting.
pub(crate) const SPEECHES: &[&str] = &[
    "Đề nghị chi bộ quan tâm hơn đến việc giữ gìn vệ sinh môi trường ở các tuyến đường liên thôn.",
    "Báo cáo kết quả vận động nhân dân tham gia hiến đất mở rộng đường giao thông nông thôn.",
    "Đề xuất phân công cụ thể đảng viên phụ trách từng tổ dân cư để nắm tình hình.",
    "Thống nhất với dự thảo nghị quyết, đề nghị bổ sung chỉ tiêu về chuyển đổi số.",
    "Phản ánh ý kiến của nhân dân về việc sửa chữa hệ thống kênh mương nội đồng.",
    "Đề nghị biểu dương các đảng viên hoàn thành xuất sắc nhiệm vụ được giao tháng qua.",
];

/// What a guest from the commune committee says.
pub(crate) const GUEST_REMARKS: &[&str] = &[
    "Ghi nhận chi bộ sinh hoạt nền nếp, đề nghị tiếp tục đổi mới nội dung sinh hoạt.",
    "Đề nghị chi bộ bám sát chủ trương của Đảng ủy, phân công nhiệm vụ cụ thể cho từng đảng viên.",
];

/// Reasons for an excused absence.
pub(crate) const EXCUSED: &[&str] = &[
    "Ốm, điều trị tại bệnh viện",
    "Đi công tác theo quyết định",
    "Việc gia đình (đám hiếu), có báo cáo trước",
    "Đi làm ăn xa, có báo cáo chi ủy",
];

/// Why a task was not done.
pub(crate) const NOT_DONE: &[&str] = &[
    "Ốm đau dài ngày, chưa thực hiện được",
    "Thời tiết mưa bão, lùi thời gian thực hiện",
    "Chưa bố trí được thời gian, xin chuyển sang tháng sau",
];

/// Notes on a task done late.
pub(crate) const LATE: &[&str] = &[
    "Chậm do thời tiết, việc gia đình",
    "Hoàn thành sau thời hạn vài ngày do đi công tác",
];

/// Findings of a supervision that are not satisfactory, and the remedy each asks for.
pub(crate) const SHORTCOMINGS: &[(&str, &str)] = &[
    (
        "Biên bản ghi chưa đầy đủ ý kiến phát biểu",
        "Ghi biên bản đầy đủ ý kiến phát biểu, ý kiến khách mời",
    ),
    (
        "Còn đảng viên vắng sinh hoạt không lý do",
        "Làm rõ lý do vắng, nhắc nhở và kiểm điểm đảng viên vắng không lý do",
    ),
    (
        "Một số đảng viên chưa hoàn thành nhiệm vụ được giao",
        "Kiểm điểm, đôn đốc đảng viên hoàn thành nhiệm vụ chuyển sang",
    ),
];
