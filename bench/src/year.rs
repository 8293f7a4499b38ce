//! One commune's year: the organisation entered in December, then month by month the commune's
//! direction, every cell's regular meeting, a thematic meeting in the middle month of each
//! quarter, and after each quarter the supervision of every cell.

use crate::clock::{at, date};
use crate::inspect::{self, Quarter};
use crate::meeting::{self, directive_id, CellYear, Sitting};
use crate::out::Out;
use crate::rng::Rng;
use crate::roster;
use crate::texts;
use crate::{BenchError, CommuneYear, Config};
use chibo::directive::IssueDirective;
use chibo::ids::{CommuneId, MeetingId};
use chibo::meeting::MeetingKind;
use chibo::Action;

/// The months with a thematic meeting (one each quarter, R-21).
const THEMATIC_MONTHS: [u32; 4] = [2, 5, 8, 11];

/// Generates commune number `index` (from 0) of the province described by `config`.
pub fn commune_year(config: &Config, index: usize) -> Result<CommuneYear, BenchError> {
    let mut rng = Rng::for_item(config.seed, u64::try_from(index).unwrap_or(u64::MAX));
    let id = format!("xa-{:03}", index + 1);
    let mut out = Out::default();
    let plan = roster::build(&mut rng, config, &CommuneId::new(id.clone()), &mut out)?;
    let year = config.year;
    let mut cells: Vec<CellYear> = plan.cells.iter().map(|_| CellYear::default()).collect();
    for m in 1..=12u32 {
        let issued = if m == 1 {
            at(date(year - 1, 12, 30)?, 8, 0)?
        } else {
            at(date(year, m - 1, 25)?, 10, 0)?
        };
        let directive = IssueDirective {
            directive: directive_id(year, m),
            month: crate::clock::month(year, m)?,
            content: texts::DIRECTIVES
                .get(usize::try_from(m - 1).unwrap_or(0))
                .copied()
                .unwrap_or("Chủ trương của Đảng ủy")
                .to_owned(),
        };
        out.session();
        out.push(
            &plan.party_secretary,
            issued,
            Action::IssueDirective(directive),
        );
        for (cell, state) in plan.cells.iter().zip(cells.iter_mut()) {
            let regular = Sitting {
                id: MeetingId::new(format!("{}-{year}-{m:02}", cell.id)),
                year,
                month: m,
                kind: MeetingKind::Regular,
                topic: None,
                draft_day: 1,
                when: cell.regular,
            };
            meeting::hold(&mut out, &mut rng, cell, state, &regular)?;
        }
        if THEMATIC_MONTHS.contains(&m) {
            for (cell, state) in plan.cells.iter().zip(cells.iter_mut()) {
                let topic = texts::TOPICS
                    .get((cell.index + usize::try_from(m).unwrap_or(0)) % texts::TOPICS.len())
                    .copied();
                let thematic = Sitting {
                    id: MeetingId::new(format!("{}-{year}-{m:02}-cd", cell.id)),
                    year,
                    month: m,
                    kind: MeetingKind::Thematic,
                    topic,
                    draft_day: 12,
                    when: cell.thematic,
                };
                meeting::hold(&mut out, &mut rng, cell, state, &thematic)?;
            }
        }
        let quarter = match m {
            4 | 7 | 10 => Some((m / 3, (m - 3, m - 1))),
            12 => Some((4, (10, 12))),
            _ => None,
        };
        if let Some((number, months)) = quarter {
            let q = Quarter {
                year,
                number,
                months,
                opened: date(year, m, 20)?,
            };
            for (cell, state) in plan.cells.iter().zip(cells.iter()) {
                inspect::supervise(&mut out, &mut rng, &plan, cell, state, q)?;
            }
        }
    }
    let (commands, sessions) = out.finish();
    Ok(CommuneYear {
        id,
        commands,
        sessions,
    })
}
