//! Which commune's history to tell: its seed, its id, its name and how many years. Nga Trường is one setting; commune
//! `i` of a synthetic province is another, with its own seed drawn from the province's.

use crate::rng::Rng;
use chibo::ids::CommuneId;

/// The commune a history is told for. Everything else (cells, members, meetings) follows from the
/// seed; the id and the name only label the commune.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Setting {
    /// The seed: the same setting, the same year, byte for byte.
    pub seed: u64,
    /// The commune's id in its journal (`nga-truong`, `xa-001`…).
    pub commune: CommuneId,
    /// The commune's place name, without "xã" (`Nga Trường`): the party committee is "Đảng bộ xã
    /// {name}", and the schools' meeting rooms carry it.
    pub name: String,
    /// How many consecutive years to tell, from 2025 (1 unless [`Setting::with_years`] says
    /// otherwise): the organisation is entered once, then each year has its twelve months and
    /// its year-end review.
    pub years: u32,
}

/// The seed of the main job's year.
pub const NGA_TRUONG_SEED: u64 = 2025;

/// First syllables of the synthetic communes' names.
const FIRST: [&str; 10] = [
    "Nga", "Hoằng", "Quảng", "Thiệu", "Yên", "Đông", "Triệu", "Hà", "Nông", "Thọ",
];

/// Second syllables of the synthetic communes' names.
const SECOND: [&str; 15] = [
    "An", "Bình", "Hải", "Phú", "Thành", "Thắng", "Tiến", "Trung", "Vinh", "Lộc", "Phong", "Sơn",
    "Thái", "Hưng", "Tân",
];

impl Setting {
    /// Nga Trường commune (Nga Sơn, Thanh Hóa), seed 2025: the main job's year.
    pub fn nga_truong() -> Self {
        Self {
            seed: NGA_TRUONG_SEED,
            commune: CommuneId::new("nga-truong"),
            name: "Nga Trường".to_owned(),
            years: 1,
        }
    }

    /// Commune number `index` (from 0) of the province drawn from `seed`: id `xa-001`, … and a
    /// name of its own, and a seed of its own that depends only on `seed` and `index` (not on
    /// how many communes the province has).
    pub fn province_commune(seed: u64, index: usize) -> Self {
        let number = u64::try_from(index).unwrap_or(u64::MAX);
        let first = FIRST.get(index % FIRST.len()).copied().unwrap_or("Nga");
        let second = SECOND
            .get(index / FIRST.len() % SECOND.len())
            .copied()
            .unwrap_or("An");
        let round = index / (FIRST.len() * SECOND.len());
        let name = if round == 0 {
            format!("{first} {second}")
        } else {
            format!("{first} {second} {}", round + 1)
        };
        Self {
            seed: Rng::derive(seed, number),
            commune: CommuneId::new(format!("xa-{:03}", index.saturating_add(1))),
            name,
            years: 1,
        }
    }

    /// The same commune told over `years` consecutive years (at least one).
    pub fn with_years(mut self, years: u32) -> Self {
        self.years = years.max(1);
        self
    }

    /// The commune's party committee: "Đảng bộ xã {name}".
    pub fn party_committee(&self) -> String {
        format!("Đảng bộ xã {}", self.name)
    }
}

#[cfg(test)]
mod tests {
    use super::Setting;

    #[test]
    fn province_communes_differ_and_do_not_depend_on_the_province_size() {
        let a = Setting::province_commune(7, 0);
        let b = Setting::province_commune(7, 1);
        assert_ne!(a.seed, b.seed);
        assert_ne!(a.commune, b.commune);
        assert_ne!(a.name, b.name);
        assert_eq!(a, Setting::province_commune(7, 0));
        assert_ne!(a.seed, Setting::province_commune(8, 0).seed);
        let names: std::collections::BTreeSet<String> = (0..300)
            .map(|i| Setting::province_commune(7, i).name)
            .collect();
        assert_eq!(names.len(), 300);
    }
}
