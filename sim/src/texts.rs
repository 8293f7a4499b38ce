//! Vietnamese texts the story draws from: directions, resolution items, tasks, topics, reasons.

use chibo::organisation::CellKind;

/// The commune committee's direction for each month of 2025.
const DIRECTIVES: [&str; 12] = [
    "Lãnh đạo tổ chức Tết Ất Tỵ vui tươi, an toàn, tiết kiệm; chăm lo gia đình chính sách, hộ nghèo.",
    "Kỷ niệm 95 năm Ngày thành lập Đảng (03/02); ra quân sản xuất vụ chiêm xuân, trồng cây đầu xuân.",
    "Triển khai Tháng Thanh niên; chăm sóc lúa, cói vụ chiêm xuân; chuẩn bị đại hội chi bộ nhiệm kỳ 2025–2027.",
    "Kỷ niệm 50 năm Giải phóng miền Nam (30/4); tổ chức đại hội chi bộ; phòng chống cháy nổ mùa khô.",
    "Kỷ niệm 135 năm Ngày sinh Chủ tịch Hồ Chí Minh; thu hoạch vụ chiêm xuân; chuẩn bị Đại hội Đảng bộ xã.",
    "Thực hiện sắp xếp đơn vị hành chính và tổ chức chính quyền địa phương hai cấp; phòng chống thiên tai.",
    "Đền ơn đáp nghĩa nhân kỷ niệm 78 năm Ngày Thương binh – Liệt sĩ (27/7); gieo cấy vụ mùa.",
    "Kỷ niệm 80 năm Cách mạng Tháng Tám và Quốc khánh 2/9; tuyển chọn thanh niên nhập ngũ.",
    "Khai giảng năm học 2025–2026; chủ động phòng chống bão lũ; vận động ủng hộ Quỹ Vì người nghèo.",
    "Thu hoạch vụ mùa; phát triển nghề dệt chiếu cói; đẩy mạnh chuyển đổi số, thanh toán không dùng tiền mặt.",
    "Ngày hội Đại đoàn kết toàn dân tộc (18/11); chuẩn bị kiểm điểm, đánh giá, xếp loại đảng viên.",
    "Tổng kết công tác xây dựng Đảng năm 2025; đánh giá, xếp loại chất lượng đảng viên và tổ chức đảng.",
];

/// The first resolution item of each month of 2025, applying the direction.
const MONTH_ITEMS: [&str; 12] = [
    "Tổ chức đón Tết Ất Tỵ an toàn, tiết kiệm; thăm hỏi, tặng quà gia đình chính sách",
    "Ra quân sản xuất vụ chiêm xuân, trồng cây đầu xuân",
    "Hoàn thành chăm sóc lúa, cói; hưởng ứng Tháng Thanh niên",
    "Tổ chức các hoạt động kỷ niệm 50 năm Giải phóng miền Nam",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh; thu hoạch vụ chiêm xuân",
    "Quán triệt chủ trương sắp xếp đơn vị hành chính, giữ ổn định tình hình",
    "Thăm hỏi gia đình thương binh, liệt sĩ; gieo cấy vụ mùa đúng khung thời vụ",
    "Tổ chức kỷ niệm Quốc khánh 2/9; hoàn thành chỉ tiêu tuyển quân",
    "Hỗ trợ khai giảng năm học mới; phòng chống bão lũ",
    "Thu hoạch vụ mùa; phát triển nghề cói; chuyển đổi số",
    "Tổ chức Ngày hội Đại đoàn kết ở khu dân cư",
    "Kiểm điểm, đánh giá, xếp loại đảng viên năm 2025",
];

/// The commune committee's direction for month `m` of `year`: 2025's own (with its one-off
/// congresses and the reorganisation), and for later years the same calendar with that year's
/// anniversaries and its lunar new year.
pub(crate) fn directive(year: i32, m: u32) -> String {
    if year == crate::story::FIRST_YEAR {
        return nth(&DIRECTIVES, m).to_owned();
    }
    match m {
        1 => format!(
            "Lãnh đạo tổ chức Tết {} vui tươi, an toàn, tiết kiệm; chăm lo gia đình chính sách, hộ nghèo.",
            lunar_year(year)
        ),
        2 => format!(
            "Kỷ niệm {} năm Ngày thành lập Đảng (03/02); ra quân sản xuất vụ chiêm xuân, trồng cây đầu xuân.",
            year - 1930
        ),
        3 => "Triển khai Tháng Thanh niên; chăm sóc lúa, cói vụ chiêm xuân; phòng chống dịch bệnh trên đàn gia súc, gia cầm.".to_owned(),
        4 => format!(
            "Kỷ niệm {} năm Giải phóng miền Nam (30/4); phòng chống cháy nổ mùa khô.",
            year - 1975
        ),
        5 => format!(
            "Kỷ niệm {} năm Ngày sinh Chủ tịch Hồ Chí Minh; thu hoạch vụ chiêm xuân.",
            year - 1890
        ),
        6 => format!(
            "Sơ kết 6 tháng đầu năm {year}; chủ động phòng chống thiên tai mùa mưa bão."
        ),
        7 => format!(
            "Đền ơn đáp nghĩa nhân kỷ niệm {} năm Ngày Thương binh – Liệt sĩ (27/7); gieo cấy vụ mùa.",
            year - 1947
        ),
        8 => format!(
            "Kỷ niệm {} năm Cách mạng Tháng Tám và Quốc khánh 2/9; tuyển chọn thanh niên nhập ngũ.",
            year - 1945
        ),
        9 => format!(
            "Khai giảng năm học {year}–{}; chủ động phòng chống bão lũ; vận động ủng hộ Quỹ Vì người nghèo.",
            year + 1
        ),
        12 => format!(
            "Tổng kết công tác xây dựng Đảng năm {year}; đánh giá, xếp loại chất lượng đảng viên và tổ chức đảng."
        ),
        _ => nth(&DIRECTIVES, m).to_owned(),
    }
}

/// The first resolution item of month `m` of `year`, applying the direction.
pub(crate) fn month_item(year: i32, m: u32) -> String {
    if year == crate::story::FIRST_YEAR {
        return nth(&MONTH_ITEMS, m).to_owned();
    }
    match m {
        1 => format!(
            "Tổ chức đón Tết {} an toàn, tiết kiệm; thăm hỏi, tặng quà gia đình chính sách",
            lunar_year(year)
        ),
        4 => format!(
            "Tổ chức các hoạt động kỷ niệm {} năm Giải phóng miền Nam",
            year - 1975
        ),
        6 => "Sơ kết 6 tháng đầu năm; phòng chống thiên tai mùa mưa bão".to_owned(),
        12 => format!("Kiểm điểm, đánh giá, xếp loại đảng viên năm {year}"),
        _ => nth(&MONTH_ITEMS, m).to_owned(),
    }
}

/// Month `m`'s entry (from 1) of a table of twelve; the closing item if there is none.
fn nth(table: &[&'static str; 12], m: u32) -> &'static str {
    table
        .get((m as usize).saturating_sub(1))
        .copied()
        .unwrap_or(CLOSING_ITEM)
}

/// The lunar year's name in the sexagenary cycle (2025: Ất Tỵ, 2026: Bính Ngọ).
fn lunar_year(year: i32) -> String {
    const STEMS: [&str; 10] = [
        "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý",
    ];
    const BRANCHES: [&str; 12] = [
        "Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi",
    ];
    let n = (year - 4).rem_euclid(60) as usize;
    format!(
        "{} {}",
        STEMS.get(n % 10).copied().unwrap_or_default(),
        BRANCHES.get(n % 12).copied().unwrap_or_default()
    )
}

pub(crate) const CLOSING_ITEM: &str =
    "Xây dựng chi bộ trong sạch, vững mạnh; thu nộp đảng phí đầy đủ, đúng hạn";

/// Items and tasks by kind of cell.
pub(crate) fn kind_items(kind: CellKind) -> &'static [&'static str] {
    match kind {
        CellKind::Residential => &[
            "Vận động nhân dân giữ gìn vệ sinh môi trường, phân loại rác tại nguồn",
            "Duy trì tiêu chí nông thôn mới kiểu mẫu của xóm",
            "Giữ vững an ninh trật tự, phòng chống tệ nạn xã hội trên địa bàn xóm",
            "Vận động hội viên các đoàn thể tham gia phong trào thi đua",
        ],
        CellKind::Agency => &[
            "Nâng cao chất lượng giải quyết thủ tục hành chính tại bộ phận một cửa",
            "Thực hiện nghiêm kỷ luật, kỷ cương hành chính",
            "Đẩy mạnh chuyển đổi số trong công tác chuyên môn",
        ],
        _ => &[
            "Nâng cao chất lượng dạy và học, bồi dưỡng học sinh giỏi",
            "Đổi mới phương pháp giảng dạy, ứng dụng công nghệ thông tin",
            "Giữ gìn trường lớp xanh, sạch, đẹp, an toàn",
        ],
    }
}

pub(crate) fn kind_tasks(kind: CellKind) -> &'static [&'static str] {
    match kind {
        CellKind::Residential => &[
            "Vận động 10 hộ liền kề phân loại rác tại nguồn",
            "Tham gia tổng vệ sinh đường làng, ngõ xóm",
            "Nắm tình hình tư tưởng nhân dân ở tổ liên gia",
            "Vận động con em đi học đúng độ tuổi",
            "Tham gia tuần tra an ninh cùng tổ tự quản",
            "Hướng dẫn hộ dân chăm sóc lúa, cói đúng kỹ thuật",
            "Vận động hộ dân cài đặt và dùng ứng dụng VNeID",
            "Thu quỹ đền ơn đáp nghĩa ở tổ liên gia",
            "Tham gia sinh hoạt chi hội cựu chiến binh, nông dân",
            "Hòa giải mâu thuẫn trong khu dân cư",
        ],
        CellKind::Agency => &[
            "Giải quyết hồ sơ thủ tục hành chính đúng hạn",
            "Cập nhật dữ liệu chuyên ngành lên hệ thống",
            "Tham mưu báo cáo chuyên đề của lĩnh vực phụ trách",
            "Trực cơ quan và tiếp công dân theo lịch",
            "Hướng dẫn người dân nộp hồ sơ trực tuyến",
            "Phối hợp kiểm tra, đôn đốc thực hiện nghị quyết ở xóm được phân công",
        ],
        _ => &[
            "Dự giờ, thao giảng theo kế hoạch tổ chuyên môn",
            "Bồi dưỡng học sinh giỏi, phụ đạo học sinh yếu",
            "Soạn giảng có ứng dụng công nghệ thông tin",
            "Thăm hỏi gia đình học sinh có hoàn cảnh khó khăn",
            "Cập nhật hồ sơ, sổ điểm điện tử",
            "Tham gia phong trào xây dựng trường học xanh, sạch, đẹp",
        ],
    }
}

pub(crate) const LEADER_TASKS: &[&str] = &[
    "Chỉ đạo, đôn đốc thực hiện nghị quyết tháng của chi bộ",
    "Chuẩn bị nội dung và dự thảo nghị quyết kỳ sinh hoạt sau",
    "Kiểm tra việc thực hiện nhiệm vụ được giao của đảng viên",
    "Phụ trách công tác kiểm tra, giám sát của chi bộ",
    "Theo dõi thu nộp đảng phí, cập nhật Sổ tay đảng viên điện tử",
];

/// Thematic topics from the yearly plan, by kind of cell.
pub(crate) fn topics(kind: CellKind) -> &'static [&'static str] {
    match kind {
        CellKind::Residential => &[
            "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh về dân vận",
            "Vai trò của đảng viên trong xây dựng nông thôn mới kiểu mẫu",
            "Phòng chống ma túy và tệ nạn xã hội trong thanh thiếu niên",
            "Bảo vệ môi trường, phân loại rác thải tại nguồn",
            "Phát huy vai trò đảng viên cao tuổi ở khu dân cư",
        ],
        CellKind::Agency => &[
            "Nâng cao đạo đức công vụ, phong cách làm việc của cán bộ, công chức",
            "Chuyển đổi số và cải cách hành chính",
            "Thực hành tiết kiệm, chống lãng phí",
            "Trách nhiệm nêu gương của cán bộ, đảng viên",
        ],
        _ => &[
            "Đổi mới phương pháp dạy học theo chương trình giáo dục phổ thông 2018",
            "Xây dựng trường học hạnh phúc",
            "Nêu gương nhà giáo trong học tập và làm theo tấm gương đạo đức Hồ Chí Minh",
            "Chuyển đổi số trong nhà trường",
        ],
    }
}

pub(crate) const EXCUSED: &[&str] = &[
    "Ốm, có đơn xin phép",
    "Việc gia đình, đã báo bí thư",
    "Đi làm ăn xa",
    "Đi công tác theo quyết định",
    "Đưa người nhà đi viện",
    "Trực cơ quan",
];

pub(crate) const NOT_DONE: &[&str] = &[
    "Ốm đau kéo dài, chưa thực hiện được",
    "Đi làm xa, không thu xếp được thời gian",
    "Hộ dân chưa đồng thuận, cần vận động thêm",
    "Thời tiết mưa bão, phải lùi thời gian",
];

pub(crate) const SPEECHES: &[&str] = &[
    "Đồng tình với dự thảo; đề nghị cụ thể hóa chỉ tiêu cho từng tổ",
    "Phản ánh tâm tư của nhân dân về đường giao thông nội đồng",
    "Đề nghị chi bộ quan tâm đảng viên cao tuổi, hoàn cảnh khó khăn",
    "Báo cáo kết quả thực hiện nhiệm vụ được giao tháng trước",
    "Đề xuất giải pháp vận động hộ dân chưa đồng thuận",
    "Góp ý bổ sung nội dung về an ninh trật tự",
];

pub(crate) const GUEST_REMARKS: &[&str] = &[
    "Ghi nhận chi bộ chuẩn bị chu đáo; đề nghị bám sát nghị quyết của Đảng ủy",
    "Đề nghị chi bộ phân công nhiệm vụ cụ thể hơn cho đảng viên trẻ",
    "Biểu dương chi bộ; lưu ý công tác nắm tình hình tư tưởng nhân dân",
];

/// The contested item of a draft that fails its first vote, and the revised one.
pub(crate) fn contested(kind: CellKind) -> (&'static str, &'static str) {
    match kind {
        CellKind::Residential => (
            "Mỗi hộ đóng góp 500.000 đồng làm đường giao thông nội đồng trong tháng",
            "Vận động đóng góp làm đường giao thông nội đồng theo khả năng, miễn cho hộ nghèo, hộ chính sách; chia hai đợt",
        ),
        CellKind::Agency => (
            "Cán bộ, công chức làm việc cả ngày thứ Bảy hằng tuần để giải quyết hồ sơ tồn đọng",
            "Bố trí trực luân phiên sáng thứ Bảy theo tổ, mỗi người không quá hai lần một tháng",
        ),
        _ => (
            "Mỗi đảng viên giáo viên dạy phụ đạo miễn phí ba buổi tối mỗi tuần",
            "Phân công phụ đạo học sinh yếu theo tổ chuyên môn, một buổi mỗi tuần, trong giờ hành chính",
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::{directive, lunar_year, month_item};

    #[test]
    fn later_years_carry_their_own_year_and_anniversaries() {
        assert_eq!(lunar_year(2025), "Ất Tỵ");
        assert_eq!(lunar_year(2026), "Bính Ngọ");
        assert_eq!(lunar_year(2034), "Giáp Dần");
        assert!(directive(2025, 1).contains("Ất Tỵ"));
        assert!(directive(2026, 1).contains("Bính Ngọ"));
        assert!(directive(2030, 2).contains("100 năm Ngày thành lập Đảng"));
        assert!(directive(2027, 12).contains("năm 2027"));
        assert!(month_item(2025, 12).ends_with("năm 2025"));
        assert!(month_item(2031, 12).ends_with("năm 2031"));
        for year in 2026..2035 {
            for m in 1..=12 {
                assert!(!directive(year, m).contains("2025"), "{year}-{m}");
                assert!(!month_item(year, m).contains("2025"), "{year}-{m}");
            }
        }
    }
}
