//! Vietnamese full names (họ, tên đệm, tên), drawn from the seed and kept unique in the commune.

use crate::rng::Rng;
use std::collections::BTreeSet;

/// Family names with rough weights for Nga Sơn (Mai, Trịnh and Phạm are common there).
const FAMILY: &[(&str, u32)] = &[
    ("Nguyễn", 24),
    ("Mai", 14),
    ("Trịnh", 9),
    ("Phạm", 9),
    ("Trần", 8),
    ("Lê", 8),
    ("Hoàng", 4),
    ("Vũ", 4),
    ("Đỗ", 4),
    ("Bùi", 3),
    ("Đinh", 3),
    ("Ngô", 2),
    ("Dương", 2),
    ("Lưu", 2),
    ("Tống", 2),
];

const MIDDLE_MALE: &[(&str, u32)] = &[
    ("Văn", 40),
    ("Đức", 8),
    ("Minh", 7),
    ("Hữu", 6),
    ("Xuân", 6),
    ("Quang", 5),
    ("Công", 5),
    ("Đình", 5),
    ("Ngọc", 4),
    ("Thanh", 4),
    ("Trọng", 3),
];

const MIDDLE_FEMALE: &[(&str, u32)] = &[
    ("Thị", 50),
    ("Thu", 6),
    ("Ngọc", 5),
    ("Thanh", 5),
    ("Minh", 4),
    ("Hồng", 4),
    ("Kim", 3),
    ("Phương", 3),
];

const GIVEN_MALE: &[&str] = &[
    "Hùng", "Dũng", "Tuấn", "Thắng", "Hải", "Long", "Nam", "Sơn", "Tùng", "Quân", "Bình", "Cường",
    "Hòa", "Khánh", "Lâm", "Mạnh", "Nghĩa", "Phong", "Quý", "Tài", "Thành", "Thịnh", "Toàn",
    "Trung", "Vinh", "Việt", "Hiếu", "Đạt", "Chiến", "Hưng", "Lợi", "Tiến", "Thọ", "Khải", "Đông",
    "Hậu", "Kiên", "Luận", "Phúc", "Sáng", "Tám", "Thuận", "Tuyên", "Định",
];

const GIVEN_FEMALE: &[&str] = &[
    "Lan", "Hương", "Hoa", "Hằng", "Huyền", "Liên", "Linh", "Loan", "Mai", "Nga", "Ngọc", "Nhung",
    "Oanh", "Phương", "Quyên", "Thảo", "Thủy", "Trang", "Tuyết", "Vân", "Yến", "Hạnh", "Hiền",
    "Dung", "Duyên", "Giang", "Hà", "Thơm", "Xuân", "Lý", "Huệ", "Nhàn",
];

fn weighted(rng: &mut Rng, items: &[(&'static str, u32)]) -> &'static str {
    let total: u32 = items.iter().map(|(_, w)| w).sum();
    let mut roll = rng.range(0, total.saturating_sub(1));
    for (name, weight) in items {
        if roll < *weight {
            return name;
        }
        roll -= weight;
    }
    items.first().map_or("Nguyễn", |(n, _)| n)
}

/// Draws names, avoiding two members of the commune with the same full name.
#[derive(Debug, Default)]
pub(crate) struct NameGen {
    used: BTreeSet<String>,
}

impl NameGen {
    pub(crate) fn next(&mut self, rng: &mut Rng, female: bool) -> String {
        let mut name = String::new();
        for _ in 0..60 {
            let family = weighted(rng, FAMILY);
            let (middle, given) = if female {
                (weighted(rng, MIDDLE_FEMALE), rng.text(GIVEN_FEMALE))
            } else {
                (weighted(rng, MIDDLE_MALE), rng.text(GIVEN_MALE))
            };
            name = format!("{family} {middle} {given}");
            if !self.used.contains(&name) {
                break;
            }
        }
        self.used.insert(name.clone());
        name
    }
}
