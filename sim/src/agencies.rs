//! The agency and school cells and their people by role. Letters: E executive, S standing and I
//! inspection committee of the commune, R registrar, B cell secretary, P deputy, C cell committee
//! member, D probationary, T exempted for maternity.

use chibo::organisation::CellKind;

/// A role: title, share of women (%), letters.
pub(crate) type Role = (&'static str, u32, &'static str);

/// An agency or school cell: id, member id prefix, name, kind, meeting place, roles.
pub(crate) type Agency = (
    &'static str,
    &'static str,
    &'static str,
    CellKind,
    &'static str,
    &'static [Role],
);

/// The commune name the schools' meeting rooms carry below, replaced by the commune's own.
pub(crate) const HOME: &str = "Nga Trường";

/// The five agency and school cells of Nga Trường.
pub(crate) const AGENCIES: &[Agency] = &[
    (
        "co-quan-dang-uy",
        "du",
        "Chi bộ Cơ quan Đảng ủy",
        CellKind::Agency,
        "Hội trường Đảng ủy xã",
        &[
            ("Bí thư Đảng ủy xã", 10, "ESC"),
            ("Phó Bí thư Thường trực Đảng ủy", 20, "ESB"),
            ("Chủ nhiệm Ủy ban Kiểm tra Đảng ủy", 30, "ESIC"),
            ("Trưởng Ban Xây dựng Đảng", 40, "EC"),
            ("Chánh Văn phòng Đảng ủy", 60, "RP"),
            ("Phó Chủ nhiệm Ủy ban Kiểm tra", 40, "EI"),
            ("Cán bộ Ủy ban Kiểm tra", 50, "I"),
            ("Chủ tịch Ủy ban MTTQ xã", 30, "E"),
            ("Bí thư Đoàn Thanh niên xã", 40, "E"),
            ("Chủ tịch Hội Liên hiệp Phụ nữ xã", 100, "E"),
            ("Chủ tịch Hội Nông dân xã", 10, ""),
            ("Chủ tịch Hội Cựu chiến binh xã", 0, ""),
            ("Cán bộ Văn phòng Đảng ủy", 60, "D"),
        ],
    ),
    (
        "co-quan-ubnd",
        "ub",
        "Chi bộ Cơ quan UBND xã",
        CellKind::Agency,
        "Phòng họp UBND xã",
        &[
            ("Chủ tịch UBND xã, Phó Bí thư Đảng ủy", 10, "ESB"),
            ("Phó Chủ tịch UBND xã", 30, "EP"),
            ("Phó Chủ tịch UBND xã", 30, "EC"),
            ("Trưởng Công an xã", 0, "ESC"),
            ("Chỉ huy trưởng Quân sự xã", 0, "EC"),
            ("Công chức Tư pháp – Hộ tịch", 50, "I"),
            ("Công chức Địa chính – Xây dựng", 20, ""),
            ("Công chức Văn hóa – Xã hội", 60, ""),
            ("Công chức Tài chính – Kế toán", 70, ""),
            ("Công chức Văn phòng – Thống kê", 60, ""),
            ("Phó Trưởng Công an xã", 0, ""),
            ("Phó Chỉ huy trưởng Quân sự xã", 0, ""),
            ("Cán bộ Bộ phận Một cửa", 70, ""),
            ("Công chức Địa chính – Nông nghiệp", 30, ""),
            ("Cán bộ Văn phòng UBND xã", 60, "D"),
        ],
    ),
    (
        "mam-non",
        "mn",
        "Chi bộ Trường Mầm non",
        CellKind::School,
        "Phòng họp Trường Mầm non Nga Trường",
        &[
            ("Hiệu trưởng", 100, "B"),
            ("Phó Hiệu trưởng", 100, "P"),
            ("Giáo viên", 100, ""),
            ("Giáo viên", 100, ""),
            ("Giáo viên", 100, ""),
            ("Kế toán", 100, ""),
            ("Giáo viên", 100, "D"),
        ],
    ),
    (
        "tieu-hoc",
        "th",
        "Chi bộ Trường Tiểu học",
        CellKind::School,
        "Phòng họp Trường Tiểu học Nga Trường",
        &[
            ("Hiệu trưởng", 60, "B"),
            ("Phó Hiệu trưởng", 80, "P"),
            ("Tổ trưởng chuyên môn", 80, "C"),
            ("Giáo viên", 90, ""),
            ("Giáo viên", 90, ""),
            ("Giáo viên", 90, ""),
            ("Giáo viên", 90, "T"),
            ("Giáo viên Tiếng Anh", 70, ""),
            ("Tổng phụ trách Đội", 60, ""),
            ("Giáo viên", 90, "D"),
        ],
    ),
    (
        "thcs",
        "cs",
        "Chi bộ Trường THCS",
        CellKind::School,
        "Phòng họp Trường THCS Nga Trường",
        &[
            ("Hiệu trưởng", 40, "EB"),
            ("Phó Hiệu trưởng", 50, "P"),
            ("Tổ trưởng Tổ Khoa học Tự nhiên", 50, "C"),
            ("Tổ trưởng Tổ Khoa học Xã hội", 70, "C"),
            ("Giáo viên Toán", 60, ""),
            ("Giáo viên Ngữ văn", 90, ""),
            ("Giáo viên Vật lý", 40, ""),
            ("Giáo viên Lịch sử", 70, ""),
            ("Giáo viên Tiếng Anh", 80, ""),
            ("Giáo viên Tin học", 40, ""),
            ("Tổng phụ trách Đội", 60, ""),
            ("Nhân viên Thư viện", 90, ""),
            ("Giáo viên Sinh học", 70, "D"),
        ],
    ),
];
