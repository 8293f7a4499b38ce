//! The documents as blocks (letterhead, title, headings, paragraphs, lists, tables,
//! signatures), laid out once and rendered as Markdown or HTML.

use super::words::{self, Language};
use super::Minutes;

/// One part of a document.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Block {
    /// The letterhead: the party organisation on the left, the Party's name on the right, then
    /// the place and date.
    Letterhead {
        /// Superior organisation, then the cell.
        issuer: [String; 2],
        /// The document's number, e.g. `Số 3-BB/CB`.
        number: String,
        /// "ĐẢNG CỘNG SẢN VIỆT NAM".
        party: String,
        /// "Nga Trường, ngày 05 tháng 3 năm 2025".
        place_date: String,
    },
    /// The document's title.
    Title(String),
    /// A line under the title.
    Subtitle(String),
    /// A section heading.
    Heading(String),
    /// A line set apart in the middle, in bold (`CHI BỘ QUYẾT NGHỊ:`).
    Centered(String),
    /// A paragraph.
    Paragraph(String),
    /// A bulleted list.
    Bullets(Vec<String>),
    /// A numbered list.
    Numbered(Vec<String>),
    /// A line of machine text kept exactly as it is (a journal record), in a fixed-width font.
    Code(String),
    /// A table: header row, then rows.
    Table(Vec<String>, Vec<Vec<String>>),
    /// The closing, kept on one page: the recipients (`Nơi nhận`, title then lines; none for the
    /// minutes), the note under each role ("Ký, ghi rõ họ tên"), then each role with the name
    /// under it.
    Signatures {
        /// `Nơi nhận:` and its lines, if the document has recipients.
        recipients: Option<(String, Vec<String>)>,
        /// The note under each role.
        note: String,
        /// Each role with the name under it.
        signers: Vec<(String, String)>,
    },
}

/// Which of the cell's documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// Biên bản: `BB`.
    Minutes,
    /// Nghị quyết: `NQ`.
    Resolution,
}

fn letterhead(m: &Minutes, language: Language, kind: Kind) -> Block {
    let place = m.commune.trim_start_matches("Đảng bộ xã ").to_owned();
    let code = match kind {
        Kind::Minutes => "BB",
        Kind::Resolution => "NQ",
    };
    Block::Letterhead {
        issuer: [m.commune.to_uppercase(), m.cell.to_uppercase()],
        number: format!("{} {}-{code}/CB", language.pick("Số", "No."), m.number),
        party: language
            .pick("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM")
            .to_owned(),
        place_date: format!(
            "{place}, {}",
            words::date(&m.started_at.date_naive(), language)
        ),
    }
}

fn month_label(m: &Minutes, language: Language) -> String {
    match language {
        Language::Vi => format!(
            "tháng {} năm {}",
            words::month_vi(m.month.month()),
            m.month.year()
        ),
        Language::En => format!("{}", m.month),
    }
}

/// The minutes (biên bản), in the order of R-31..R-33.
pub(super) fn minutes(m: &Minutes, l: Language) -> Vec<Block> {
    let mut blocks = opening(m, l);
    absentees(m, l, &mut blocks);
    discussion(m, l, &mut blocks);
    decisions(m, l, &mut blocks);
    closing(m, l, &mut blocks);
    blocks.push(minutes_signatures(m, l));
    blocks.extend(super::seal::blocks(&m.seals, l));
    blocks
}

/// The opening: letterhead, title, time and place, attendance.
fn opening(m: &Minutes, l: Language) -> Vec<Block> {
    vec![
        letterhead(m, l, Kind::Minutes),
        Block::Title(format!(
            "{} {}",
            l.pick("BIÊN BẢN SINH HOẠT CHI BỘ", "MINUTES OF THE CELL MEETING"),
            month_label(m, l).to_uppercase()
        )),
        Block::Subtitle(format!(
            "({}{})",
            words::kind(m.kind, l),
            m.topic
                .as_ref()
                .map(|t| format!(": {t}"))
                .unwrap_or_default()
        )),
        Block::Heading(
            l.pick("I. Thời gian, địa điểm", "I. Time and place")
                .to_owned(),
        ),
        Block::Paragraph(match l {
            Language::Vi => format!(
                "Bắt đầu lúc {}, {}; kết thúc lúc {} cùng ngày. Địa điểm: {}.",
                words::time(&m.started_at, l),
                words::date(&m.started_at.date_naive(), l),
                words::time(&m.ended_at, l),
                m.place
            ),
            Language::En => format!(
                "Opened at {} on {}; closed at {}. Place: {}.",
                words::time(&m.started_at, l),
                words::date(&m.started_at.date_naive(), l),
                words::time(&m.ended_at, l),
                m.place
            ),
        }),
        Block::Heading(l.pick("II. Thành phần", "II. Attendance").to_owned()),
        Block::Bullets(attendance(m, l)),
    ]
}

/// The absent members and their reasons, if any.
fn absentees(m: &Minutes, l: Language, blocks: &mut Vec<Block>) {
    if !m.absent.is_empty() {
        blocks.push(Block::Table(
            vec![
                l.pick("Đảng viên vắng mặt", "Absent member").to_owned(),
                l.pick("Lý do", "Reason").to_owned(),
            ],
            m.absent
                .iter()
                .map(|a| {
                    let reason = a
                        .reason
                        .clone()
                        .unwrap_or_else(|| l.pick("không có lý do", "no reason").to_owned());
                    let reason = if a.exempted {
                        format!(
                            "{} ({reason})",
                            l.pick("Được miễn sinh hoạt", "Exempted from activity")
                        )
                    } else {
                        reason
                    };
                    vec![a.name.clone(), reason]
                })
                .collect(),
        ));
    }
}

/// The agenda, the previous month's results, the speakers and the chair's conclusions.
fn discussion(m: &Minutes, l: Language, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(
        l.pick("III. Nội dung", "III. Agenda").to_owned(),
    ));
    if m.agenda.is_empty() {
        blocks.push(Block::Paragraph(m.content.clone()));
    } else {
        blocks.push(Block::Numbered(m.agenda.clone()));
    }
    if let Some(r) = &m.previous_results {
        blocks.push(Block::Paragraph(previous_results(r, l)));
    }
    blocks.push(Block::Heading(
        l.pick("IV. Ý kiến phát biểu", "IV. Speakers").to_owned(),
    ));
    if m.speeches.is_empty() {
        blocks.push(Block::Paragraph(
            l.pick("Không ghi nhận ý kiến.", "No speaker recorded.")
                .to_owned(),
        ));
    } else {
        blocks.push(Block::Bullets(
            m.speeches
                .iter()
                .map(|s| format!("{}: {}", s.name, s.gist))
                .collect(),
        ));
    }
    blocks.push(Block::Heading(
        l.pick("V. Kết luận của chủ trì", "V. The chair's conclusions")
            .to_owned(),
    ));
    blocks.push(if m.conclusions.is_empty() {
        Block::Paragraph(m.content.clone())
    } else {
        Block::Bullets(m.conclusions.clone())
    });
}

/// The vote, the admissions and the tasks assigned (R-34..R-36, R-40).
fn decisions(m: &Minutes, l: Language, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(
        l.pick("VI. Biểu quyết nghị quyết", "VI. Vote on the resolution")
            .to_owned(),
    ));
    blocks.extend(earlier_sittings(m, l));
    blocks.push(vote(m, l));
    if !m.admissions.is_empty() {
        blocks.push(Block::Bullets(
            m.admissions.iter().map(|a| admission(a, l)).collect(),
        ));
    }
    blocks.push(Block::Heading(
        l.pick("VII. Phân công nhiệm vụ", "VII. Tasks assigned")
            .to_owned(),
    ));
    blocks.push(tasks(m, l));
}

/// The quality, the departures from the rules, the rules applied and the reading back.
fn closing(m: &Minutes, l: Language, blocks: &mut Vec<Block>) {
    blocks.push(Block::Heading(
        l.pick("VIII. Chất lượng sinh hoạt", "VIII. Quality of the meeting")
            .to_owned(),
    ));
    blocks.push(Block::Paragraph(quality(m, l)));
    if !m.defects.is_empty() {
        blocks.push(Block::Heading(
            l.pick(
                "IX. Những điểm chưa đúng quy định",
                "IX. Departures from the rules",
            )
            .to_owned(),
        ));
        blocks.push(Block::Bullets(
            m.defects
                .iter()
                .map(|d| {
                    let text = match l {
                        Language::Vi => &d.message_vi,
                        Language::En => &d.message_en,
                    };
                    format!("{text} ({})", d.source)
                })
                .collect(),
        ));
    }
    blocks.push(Block::Paragraph(match l {
        Language::Vi => format!(
            "Kỳ sinh hoạt được đối chiếu với quy định hiện hành ngày họp: {}.",
            m.rules_applied.join("; ")
        ),
        Language::En => format!(
            "The meeting was checked against the rules in force on its day: {}.",
            m.rules_applied.join("; ")
        ),
    }));
    blocks.push(Block::Paragraph(match l {
        Language::Vi => format!(
            "Biên bản đã được đọc lại trước chi bộ và kết thúc lúc {} cùng ngày.",
            words::time(&m.ended_at, l)
        ),
        Language::En => format!(
            "The minutes were read back to the cell; the meeting closed at {}.",
            words::time(&m.ended_at, l)
        ),
    }));
}

/// The signatures of the recorder and the chair.
fn minutes_signatures(m: &Minutes, l: Language) -> Block {
    Block::Signatures {
        recipients: None,
        note: l
            .pick("(Ký, ghi rõ họ tên)", "(Signature and full name)")
            .to_owned(),
        signers: vec![
            (l.pick("THƯ KÝ", "RECORDER").to_owned(), m.recorder.clone()),
            (l.pick("CHỦ TRÌ", "CHAIR").to_owned(), m.chair.clone()),
        ],
    }
}

/// The commune's committee, which directs and to which the cell reports: `Đảng ủy xã …` for
/// `Đảng bộ xã …`.
fn committee(m: &Minutes) -> String {
    m.commune.replacen("Đảng bộ", "Đảng ủy", 1)
}

/// A document as a party document cites it: `12-HD/BTCTW (06/07/2018)` becomes `Hướng dẫn số
/// 12-HD/BTCTW ngày 06/07/2018`, the kind read from the number's code (HD, QĐ, CT, KL, NQ).
fn document_vi(document: &str) -> String {
    let (number, date) = match document.split_once(" (") {
        Some((number, rest)) => (number, rest.trim_end_matches(')')),
        None => (document, ""),
    };
    let kind = number
        .split_once('-')
        .and_then(|(_, code)| code.split('/').next())
        .map(|code| match code {
            "HD" => "Hướng dẫn số ",
            "QĐ" => "Quy định số ",
            "CT" => "Chỉ thị số ",
            "KL" => "Kết luận số ",
            "NQ" => "Nghị quyết số ",
            _ => "",
        })
        .unwrap_or("");
    if date.is_empty() {
        format!("{kind}{number}")
    } else {
        format!("{kind}{number} ngày {date}")
    }
}

/// The resolution's grounds (`Căn cứ …`): the Statute, the documents in force on the day, the
/// commune's direction for the month, and the cell's discussion and vote.
fn grounds(m: &Minutes, l: Language) -> Vec<Block> {
    let day = words::date(&m.started_at.date_naive(), l);
    let mut lines = vec![l
        .pick(
            "Căn cứ Điều lệ Đảng Cộng sản Việt Nam;",
            "Having regard to the Statute of the Communist Party of Vietnam;",
        )
        .to_owned()];
    for document in &m.rules_applied {
        lines.push(match l {
            Language::Vi => format!("Căn cứ {};", document_vi(document)),
            Language::En => format!("Having regard to {document};"),
        });
    }
    lines.push(match l {
        Language::Vi => format!(
            "Căn cứ chủ trương của {} {};",
            committee(m),
            month_label(m, l)
        ),
        Language::En => format!(
            "Having regard to the direction of the committee of {} for {};",
            m.commune,
            month_label(m, l)
        ),
    });
    lines.push(match l {
        Language::Vi => {
            format!("Căn cứ kết quả thảo luận và biểu quyết của chi bộ tại kỳ sinh hoạt {day},")
        }
        Language::En => {
            format!("Having regard to the cell's discussion and vote at its meeting of {day},")
        }
    });
    lines.into_iter().map(Block::Paragraph).collect()
}

/// `, bí thư chi bộ` / `, cell secretary` after a name, for a position in the cell.
fn position(position: Option<&str>, l: Language) -> String {
    let text = match position {
        Some("secretary") => l.pick("bí thư chi bộ", "cell secretary"),
        Some("deputy") => l.pick("phó bí thư chi bộ", "deputy secretary"),
        Some("committee") => l.pick("chi ủy viên", "cell committee member"),
        _ => return String::new(),
    };
    format!(", {text}")
}

fn attendance(m: &Minutes, l: Language) -> Vec<String> {
    let exempted = m.absent.iter().filter(|a| a.exempted).count();
    let excused = m
        .absent
        .iter()
        .filter(|a| !a.exempted && a.reason.is_some())
        .count();
    let unexcused = m.absent.len() - exempted - excused;
    let (chair, recorder) = (
        position(m.chair_position, l),
        position(m.recorder_position, l),
    );
    let mut lines = vec![
        match l {
            Language::Vi => format!(
                "Chủ trì: đồng chí {}{chair}. Thư ký: đồng chí {}{recorder}.",
                m.chair, m.recorder
            ),
            Language::En => format!(
                "Chair: {}{chair}. Recorder: {}{recorder}.",
                m.chair, m.recorder
            ),
        },
        match l {
            Language::Vi => format!(
                "Tổng số đảng viên: {}; có mặt {}; vắng {} (được miễn sinh hoạt {exempted}, có lý do {excused}, không lý do {unexcused}).",
                m.members,
                m.present,
                m.absent.len(),
            ),
            Language::En => format!(
                "Members: {}; present {}; absent {} (exempted from activity {exempted}, with reason {excused}, without {unexcused}).",
                m.members,
                m.present,
                m.absent.len(),
            ),
        },
    ];
    if !m.guests.is_empty() {
        lines.push(format!(
            "{}: {}.",
            l.pick("Đại biểu cấp trên dự", "Higher-level guests"),
            m.guests.join(", ")
        ));
    }
    lines.push(
        if m.dues_collected {
            l.pick("Đã thu đảng phí.", "Party dues collected.")
        } else {
            l.pick("Chưa thu đảng phí.", "Party dues not collected.")
        }
        .to_owned(),
    );
    lines
}

/// The votes of earlier sittings on the same draft that did not adopt it.
fn earlier_sittings(m: &Minutes, l: Language) -> Vec<Block> {
    m.earlier_sittings
        .iter()
        .map(|s| {
            let t = &s.tally;
            let day = words::date(&s.started_at.date_naive(), l);
            Block::Paragraph(match l {
                Language::Vi => format!(
                    "Buổi họp {day}: tán thành {}/{}, cần {}; nghị quyết chưa được thông qua, dự thảo được sửa để biểu quyết lại.",
                    t.yes, t.counted_base, t.needed
                ),
                Language::En => format!(
                    "Sitting of {day}: {} of {} for, {} needed; the resolution did not pass and the draft was revised for a new vote.",
                    t.yes, t.counted_base, t.needed
                ),
            })
        })
        .collect()
}

fn vote(m: &Minutes, l: Language) -> Block {
    let t = &m.tally;
    let result = if t.passed {
        l.pick("Nghị quyết được thông qua", "The resolution passed")
    } else {
        l.pick(
            "Nghị quyết chưa được thông qua",
            "The resolution did not pass",
        )
    };
    // Who is present but not counted: probationary members, who do not vote.
    let not_counted = t.present.saturating_sub(t.present_in_base);
    Block::Paragraph(match l {
        Language::Vi => format!(
            "Có mặt {}, trong đó {not_counted} đồng chí không thuộc số được tính (đảng viên dự bị, không biểu quyết). Số đảng viên được tính: {} (đảng viên chính thức, không tính đảng viên được miễn sinh hoạt hoặc vắng có lý do); tán thành {}, không tán thành {}, không biểu quyết {}; cần {}. {result} (Điều lệ Đảng, Điều 9, khoản 5).",
            t.present, t.counted_base, t.yes, t.no, t.abstain, t.needed
        ),
        Language::En => format!(
            "Present {}, of whom {not_counted} not counted (probationary members, who do not vote). Counted base: {} (official members, leaving out those exempted or absent with a reason); for {}, against {}, abstaining {}; needed {}. {result} (Party Statute, art. 9(5)).",
            t.present, t.counted_base, t.yes, t.no, t.abstain, t.needed
        ),
    })
}

/// The secretary's report on the previous meeting's tasks.
fn previous_results(r: &super::PreviousResults, l: Language) -> String {
    let names = if r.not_done_by.is_empty() {
        String::new()
    } else {
        match l {
            Language::Vi => format!(" Chưa hoàn thành: {}.", r.not_done_by.join(", ")),
            Language::En => format!(" Not done: {}.", r.not_done_by.join(", ")),
        }
    };
    match l {
        Language::Vi => format!(
            "Bí thư báo cáo kết quả thực hiện nhiệm vụ được giao tại kỳ sinh hoạt trước ({}): {} nhiệm vụ, vượt mức {}, đúng hạn {}, chậm {}, không hoàn thành {}, chưa báo cáo {}.{names}",
            r.meeting, r.tasks, r.exceeded, r.on_time, r.late, r.not_done, r.unreported
        ),
        Language::En => format!(
            "The secretary reported on the tasks given at the previous meeting ({}): {} tasks, {} exceeded, {} on time, {} late, {} not done, {} not yet reported.{names}",
            r.meeting, r.tasks, r.exceeded, r.on_time, r.late, r.not_done, r.unreported
        ),
    }
}

/// An admission or recognition vote: whom, the show of hands, on the base of the cell's
/// official members, and the outcome.
fn admission(a: &super::AdmissionLine, l: Language) -> String {
    let what = match (a.subject, l) {
        ("admit", Language::Vi) => "Đề nghị kết nạp vào Đảng quần chúng",
        ("admit", Language::En) => "Proposal to admit to the Party",
        (_, Language::Vi) => "Công nhận đảng viên chính thức đối với đồng chí",
        (_, Language::En) => "Recognition as an official member of",
    };
    let outcome = match (a.passed, l) {
        (true, Language::Vi) => "được thông qua",
        (true, Language::En) => "passed",
        (false, Language::Vi) => "không được thông qua",
        (false, Language::En) => "did not pass",
    };
    match l {
        Language::Vi => format!(
            "{what} {}: tán thành {}/{} đảng viên chính thức, không tán thành {}, không biểu quyết {}; cần {}: {outcome} (R-36).",
            a.name, a.yes, a.officials, a.no, a.abstain, a.needed
        ),
        Language::En => format!(
            "{what} {}: {} of {} official members for, {} against, {} abstaining; {} needed: {outcome} (R-36).",
            a.name, a.yes, a.officials, a.no, a.abstain, a.needed
        ),
    }
}

fn tasks(m: &Minutes, l: Language) -> Block {
    if m.tasks.is_empty() {
        return Block::Paragraph(l.pick("Chưa phân công.", "Not assigned yet.").to_owned());
    }
    Block::Table(
        vec![
            l.pick("Đảng viên", "Member").to_owned(),
            l.pick("Nhiệm vụ", "Task").to_owned(),
            l.pick("Mục nghị quyết", "Item").to_owned(),
            l.pick("Thời hạn", "Deadline").to_owned(),
        ],
        m.tasks
            .iter()
            .map(|t| {
                let carried = if t.carried_over {
                    l.pick(" (chuyển từ kỳ trước)", " (carried over)")
                } else {
                    ""
                };
                vec![
                    t.owner.clone(),
                    format!("{}{carried}", t.content),
                    t.item.to_string(),
                    t.deadline.format("%d/%m/%Y").to_string(),
                ]
            })
            .collect(),
    )
}

/// The cell's resolution (nghị quyết chi bộ), in the form of a party document: number, grounds,
/// what the cell resolves, recipients, signed for the cell by its secretary.
pub(super) fn resolution(m: &Minutes, l: Language) -> Vec<Block> {
    let mut blocks = vec![
        letterhead(m, l, Kind::Resolution),
        Block::Title(l.pick("NGHỊ QUYẾT", "RESOLUTION").to_owned()),
        Block::Subtitle(match l {
            Language::Vi => format!("về nhiệm vụ {}", month_label(m, l)),
            Language::En => format!("on the tasks of {}", month_label(m, l)),
        }),
    ];
    blocks.extend(grounds(m, l));
    blocks.extend([
        Block::Centered(l.pick("CHI BỘ QUYẾT NGHỊ:", "THE CELL RESOLVES:").to_owned()),
        Block::Heading(
            l.pick("I. Đánh giá, nội dung", "I. Assessment and content")
                .to_owned(),
        ),
        Block::Paragraph(m.content.clone()),
        Block::Heading(
            l.pick("II. Nhiệm vụ, giải pháp", "II. Tasks and measures")
                .to_owned(),
        ),
        Block::Numbered(m.resolution_items.clone()),
        Block::Heading(
            l.pick("III. Tổ chức thực hiện", "III. Implementation")
                .to_owned(),
        ),
        tasks(m, l),
        Block::Paragraph(match l {
            Language::Vi => format!(
                "Nghị quyết được {}/{} đảng viên được tính tán thành, có hiệu lực từ ngày thông qua. Chi ủy, các đồng chí đảng viên có trách nhiệm thực hiện nghị quyết này.",
                m.tally.yes, m.tally.counted_base
            ),
            Language::En => format!(
                "Adopted with {} of {} counted members in favour; in force from its adoption. The cell committee and every member carry it out.",
                m.tally.yes, m.tally.counted_base
            ),
        }),
        resolution_signature(m, l),
    ]);
    blocks
}

fn quality(m: &Minutes, l: Language) -> String {
    use crate::scoring::ScoreState;
    let Some(q) = &m.quality else {
        return l
            .pick(
                "Chưa chấm điểm chất lượng sinh hoạt.",
                "The meeting has not been scored.",
            )
            .to_owned();
    };
    let band = match l {
        Language::Vi => q.band.vi(),
        Language::En => q.band.en(),
    };
    let state = match q.state {
        ScoreState::Proposed => {
            l.pick("chi ủy đề xuất, chưa biểu quyết", "proposed, not yet voted")
        }
        ScoreState::Voted => l.pick(
            "chi bộ đã biểu quyết, chờ cấp trên xác nhận",
            "voted, awaiting confirmation",
        ),
        ScoreState::NotApproved => l.pick(
            "chi bộ biểu quyết không tán thành, chi ủy đề xuất lại",
            "not approved by the members' vote, to be proposed again",
        ),
        ScoreState::Confirmed => {
            l.pick("đã được cấp trên xác nhận", "confirmed by the higher level")
        }
        ScoreState::Returned => l.pick(
            "cấp trên trả lại để chấm lại",
            "returned by the higher level for rescoring",
        ),
    };
    match l {
        Language::Vi => format!(
            "Điểm chất lượng: {}/{}, xếp loại {band} ({state}).",
            q.total, q.max
        ),
        Language::En => format!("Quality score: {}/{}, {band} ({state}).", q.total, q.max),
    }
}

/// The resolution's recipients and the secretary's signature for the cell.
fn resolution_signature(m: &Minutes, l: Language) -> Block {
    Block::Signatures {
        recipients: Some((
            l.pick("Nơi nhận:", "To:").to_owned(),
            match l {
                Language::Vi => vec![
                    format!("- {} (để báo cáo);", committee(m)),
                    "- Đảng viên trong chi bộ (để thực hiện);".to_owned(),
                    "- Lưu chi bộ.".to_owned(),
                ],
                Language::En => vec![
                    format!("- the committee of {} (for information);", m.commune),
                    "- The cell's members (to carry out);".to_owned(),
                    "- The cell's records.".to_owned(),
                ],
            },
        )),
        note: l
            .pick("(Ký, ghi rõ họ tên)", "(Signature and full name)")
            .to_owned(),
        signers: vec![(
            l.pick("T/M CHI BỘ\nBÍ THƯ", "FOR THE CELL\nSECRETARY")
                .to_owned(),
            m.secretary.clone(),
        )],
    }
}
