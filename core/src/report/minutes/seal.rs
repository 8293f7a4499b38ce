//! The signed seal printed at the foot of a meeting's minutes (docs/journal.md, *Signed seals*):
//! the journal record by which the cell's secretary sealed the minutes book at the close of the
//! meeting, given in full so that an inspector can check its signature with openssl, without this
//! library.

use super::document::Block;
use super::words::{self, Language};
use crate::command::Event;
use crate::commune::{Commune, Seal};
use crate::ids::{MeetingId, MemberId};
use crate::time::Timestamp;
use serde::Serialize;

/// A seal made at the close of the meeting, as the minutes print it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[cfg_attr(feature = "uniffi", derive(uniffi::Record))]
pub struct SealLine {
    /// The seal's own record number in the journal.
    pub record: u64,
    /// The last record it covers.
    pub seq: u64,
    /// That record's hash (64 hex).
    pub hash: String,
    /// Who sealed, by name.
    pub signer: String,
    /// Who sealed, by id.
    pub actor: MemberId,
    /// When.
    pub at: Timestamp,
    /// The signer's public key valid at that time (64 hex), if the seal was signed.
    pub key: Option<String>,
    /// The record's Ed25519 signature (128 hex), if it was signed.
    pub signature: Option<String>,
    /// The record's journal line, rebuilt byte for byte (without its line feed): what an
    /// inspector checks.
    pub line: String,
}

/// The seals made at the close of `meeting`, in journal order.
pub(super) fn seal_lines(
    commune: &Commune,
    meeting: &MeetingId,
    name: &dyn Fn(&MemberId) -> String,
) -> Vec<SealLine> {
    commune
        .seals
        .iter()
        .filter(|seal| seal.meeting.as_ref() == Some(meeting))
        .filter_map(|seal| seal_line(commune, seal, name))
        .collect()
}

fn seal_line(
    commune: &Commune,
    seal: &Seal,
    name: &dyn Fn(&MemberId) -> String,
) -> Option<SealLine> {
    let record = seal.seq.checked_add(1)?;
    let event = Event(seal.command());
    let encoded =
        crate::journal::encode_signed(record, &seal.hash, &event, None, seal.signature.as_ref())
            .ok()?;
    let key = seal
        .signature
        .and_then(|_| commune.key_at(&seal.actor, &seal.at))
        .map(|key| key.to_hex());
    Some(SealLine {
        record,
        seq: seal.seq,
        hash: seal.hash.to_hex(),
        signer: name(&seal.actor),
        actor: seal.actor.clone(),
        at: seal.at,
        key,
        signature: seal.signature.map(|s| s.to_hex()),
        line: encoded.line.trim_end_matches('\n').to_owned(),
    })
}

/// The section that prints each seal: who sealed, when, up to which record; whether it was
/// signed and with which key; then the record itself.
pub(super) fn blocks(seals: &[SealLine], l: Language) -> Vec<Block> {
    if seals.is_empty() {
        return Vec::new();
    }
    let mut blocks = vec![Block::Heading(
        l.pick(
            "Niêm phong sổ biên bản điện tử",
            "Seal of the electronic minutes book",
        )
        .to_owned(),
    )];
    for seal in seals {
        let when = format!(
            "{}{}{}",
            words::time(&seal.at, l),
            l.pick(" ", " on "),
            words::date(&seal.at, l)
        );
        let signed = seal.key.is_some();
        blocks.push(Block::Paragraph(match (l, signed) {
            (Language::Vi, true) => format!(
                "Lúc {when}, đồng chí {} niêm phong sổ biên bản điện tử bằng bản ghi số {}, có chữ ký số Ed25519 của đồng chí.",
                seal.signer, seal.record
            ),
            (Language::Vi, false) => format!(
                "Lúc {when}, đồng chí {} niêm phong sổ biên bản điện tử bằng bản ghi số {}. Bản ghi này không có chữ ký số: nó chứng minh sổ đã đến đó, không chứng minh ai đã niêm phong.",
                seal.signer, seal.record
            ),
            (Language::En, true) => format!(
                "At {when}, {} sealed the electronic minutes book with record {}, signed with their Ed25519 key.",
                seal.signer, seal.record
            ),
            (Language::En, false) => format!(
                "At {when}, {} sealed the electronic minutes book with record {}. That record is not signed: it shows the book reached that point, not who sealed it.",
                seal.signer, seal.record
            ),
        }));
        let mut facts = vec![match l {
            Language::Vi => format!(
                "Niêm phong đến bản ghi số {}, mã băm {}",
                seal.seq, seal.hash
            ),
            Language::En => format!("Sealed up to record {}, hash {}", seal.seq, seal.hash),
        }];
        if let Some(key) = &seal.key {
            facts.push(format!(
                "{}{key}",
                l.pick("Khóa công khai của người ký: ", "The signer's public key: ")
            ));
        }
        blocks.push(Block::Bullets(facts));
        if signed {
            blocks.push(Block::Paragraph(
                l.pick(
                    "Ai có khóa công khai trên kiểm tra được chữ ký của dòng ghi dưới đây bằng openssl, không cần phần mềm chibo (cách làm: docs/journal.md của chibo).",
                    "Anyone holding the public key above can check the signature of the line below with openssl, without chibo (how: chibo's docs/journal.md).",
                )
                .to_owned(),
            ));
        }
        blocks.push(Block::Code(seal.line.clone()));
    }
    blocks
}
