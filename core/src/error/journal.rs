use super::declare::refusals;
use super::labels::kind_vi;
use super::Error;
use crate::ids::MemberId;

refusals! {
    /// A journal could not be read, does not verify, or holds an event the rules refuse
    /// (`journal.*`). Every variant names the line (1-based, the same as the record's sequence
    /// number in a whole journal), except `journal.head_mismatch` and `journal.byte_order_mark`.
    pub enum JournalError {
        /// The line is not a journal record (not JSON, a wrong type, an unknown field or event
        /// kind, an invalid date, not in the canonical layout).
        "journal.malformed" Malformed {
            /// The line.
            line: u64,
            /// What the reader said.
            detail: String,
        } => en("Line {line} of the journal cannot be read: {detail}"),
           vi("Không đọc được dòng {line} của sổ ghi: {detail}");
        /// The line is longer than any record the library writes.
        "journal.too_long" TooLong {
            /// The line.
            line: u64,
            /// Its length in bytes.
            length: u32,
            /// The most allowed.
            max: u32,
        } => en("Line {line} of the journal is {length} bytes long; a record is at most {max}: the file is damaged or not a journal."),
           vi("Dòng {line} của sổ ghi dài {length} byte; mỗi bản ghi tối đa {max}: tệp bị hỏng hoặc không phải sổ ghi.");
        /// The record's schema version is newer than this library.
        "journal.unsupported_version" UnsupportedVersion {
            /// The line.
            line: u64,
            /// The version found.
            version: u64,
            /// The newest version this library reads.
            supported: u64,
        } => en("Line {line} uses journal format version {version}; this library reads versions up to {supported}: update the library."),
           vi("Dòng {line} dùng định dạng sổ ghi phiên bản {version}; thư viện này đọc đến phiên bản {supported}: hãy cập nhật thư viện.");
        /// The record's sequence number is not the next one (a record was removed, duplicated,
        /// inserted or moved).
        "journal.sequence" Sequence {
            /// The line.
            line: u64,
            /// The number that should be there.
            expected: u64,
            /// The number found.
            found: u64,
        } => en("Line {line} has sequence number {found} where {expected} was expected: a record before it was removed, duplicated, inserted or moved."),
           vi("Dòng {line} mang số thứ tự {found}, lẽ ra là {expected}: một bản ghi phía trước đã bị xoá, nhân đôi, chèn thêm hoặc đổi chỗ.");
        /// The record's `prev` is not the hash of the record before it.
        "journal.broken_link" BrokenLink {
            /// The line.
            line: u64,
        } => en("Line {line} does not follow the record before it (its `prev` hash differs): a record was removed, inserted or moved here."),
           vi("Dòng {line} không nối tiếp bản ghi liền trước (mã băm `prev` khác): tại đây một bản ghi đã bị xoá, chèn thêm hoặc đổi chỗ.");
        /// The record's content does not match its own hash.
        "journal.hash_mismatch" HashMismatch {
            /// The line.
            line: u64,
        } => en("Line {line} was altered after it was written (its hash does not match its content)."),
           vi("Dòng {line} đã bị sửa sau khi ghi (mã băm không khớp với nội dung).");
        /// The journal does not end where its seal says (records at the end were removed, or
        /// added after the seal).
        "journal.head_mismatch" HeadMismatch {
            /// The last sequence number, per the seal.
            expected_seq: u64,
            /// The last hash, per the seal.
            expected_hash: String,
            /// The last sequence number found.
            found_seq: u64,
            /// The last hash found.
            found_hash: String,
        } => en("The journal ends at record {found_seq} with hash {found_hash}, but its seal says record {expected_seq} with hash {expected_hash}: records at the end were removed or added."),
           vi("Sổ ghi kết thúc ở bản ghi {found_seq} (mã băm {found_hash}), nhưng dấu niêm phong ghi bản ghi {expected_seq} (mã băm {expected_hash}): các bản ghi cuối đã bị xoá hoặc thêm vào.");
        /// Two journals to merge do not start with the same record.
        "journal.unrelated" Unrelated {
            /// The first line that differs.
            line: u64,
        } => en("The device journal does not start with the same record as the shared journal (line {line} differs): it belongs to another commune or another copy."),
           vi("Sổ ghi trên thiết bị không bắt đầu bằng cùng bản ghi với sổ ghi chung (khác từ dòng {line}): đó là sổ của đảng bộ khác hoặc bản sao khác.");
        /// In a merge (only in its `conflicts`), a device record names a record (a meeting, a
        /// task…) that an earlier device record in conflict created or changed, so it cannot be
        /// applied on top of the shared journal's different version.
        "journal.depends_on_conflict" DependsOnConflict {
            /// The device record refused.
            device_seq: u64,
            /// The earlier device record in conflict that it depends on.
            depends_on: u64,
            /// The kind of record they share: `meeting`, `task`…
            kind: String,
            /// Its id.
            id: String,
        } => en("Device record {device_seq} works on {kind} {id}, which device record {depends_on} changed, and that record conflicts with the shared journal: settle record {depends_on} first, then enter this one again."),
           vi("Bản ghi {device_seq} trên thiết bị làm việc với {kind} {id}, mà bản ghi {depends_on} trên thiết bị đã thay đổi, và bản ghi {depends_on} xung đột với sổ ghi chung: hãy giải quyết bản ghi {depends_on} trước, rồi nhập lại bản ghi này.",
              kind = kind_vi(kind));
        /// The file's lines end with CR LF or CR (an editor saved it), not LF as the journal
        /// writes them.
        "journal.line_endings" LineEnding {
            /// The first line ending so.
            line: u64,
            /// `CR LF` or `CR`.
            ending: String,
        } => en("Line {line} of the journal ends with {ending} instead of a plain line feed (an editor or a copy changed it): nothing was read or changed. Rewrite it in the journal's own form with chibo's repair (which checks every hash first)."),
           vi("Dòng {line} của sổ ghi kết thúc bằng {ending} thay vì ký tự xuống dòng LF (do trình soạn thảo hoặc khi sao chép): chưa đọc, chưa thay đổi gì. Hãy chuyển về dạng chuẩn của sổ ghi bằng chức năng sửa (repair) của chibo, chức năng này kiểm tra mọi mã băm trước.");
        /// The file starts with a byte-order mark (an editor saved it).
        "journal.byte_order_mark" ByteOrderMark
        => en("The journal starts with a byte-order mark (U+FEFF) that chibo never writes (an editor added it): nothing was read or changed. Rewrite it in the journal's own form with chibo's repair (which checks every hash first)."),
           vi("Sổ ghi bắt đầu bằng ký tự đánh dấu thứ tự byte (U+FEFF) mà chibo không bao giờ ghi (do trình soạn thảo thêm vào): chưa đọc, chưa thay đổi gì. Hãy chuyển về dạng chuẩn của sổ ghi bằng chức năng sửa (repair) của chibo, chức năng này kiểm tra mọi mã băm trước.");
        /// A record's signature does not verify against the key its actor had at the record's
        /// date: signed with another member's key (a forgery), with a key revoked or replaced
        /// before that date, or by an actor with no key then; or, in a signed record, an event not
        /// written as the library writes it. On execute, `line` is the record that would have been
        /// written; on merge, the device record.
        "journal.signature_invalid" SignatureInvalid {
            /// The record.
            line: u64,
            /// The member the record says acted.
            actor: MemberId,
        } => en("Record {line} is signed, but the signature does not verify against the key {actor} had at the record's date (another member's key, a key revoked or replaced before then, or no key): it is refused."),
           vi("Bản ghi {line} có chữ ký, nhưng chữ ký không khớp với khoá của đồng chí {actor} có hiệu lực vào ngày của bản ghi (khoá của người khác, khoá đã thu hồi hoặc thay trước ngày đó, hoặc chưa có khoá): bản ghi bị từ chối.");
        /// The commune's rules require signatures from a date (`signatures_required`), and a
        /// record dated from then on, or written after a record dated from then on, has none.
        "journal.signature_missing" SignatureMissing {
            /// The record.
            line: u64,
            /// The member the record says acted.
            actor: MemberId,
        } => en("Record {line} is not signed, but the commune's rules require every record written since they took effect, whatever date it gives, to carry the signature of its actor ({actor})."),
           vi("Bản ghi {line} không có chữ ký, trong khi quy định của đảng bộ yêu cầu mọi bản ghi ghi vào sổ từ khi quy định có hiệu lực, dù ghi ngày nào, phải có chữ ký của người thực hiện (đồng chí {actor}).");
        /// `register_key` for a member who already has a valid key (rotate or revoke it first).
        "journal.key_exists" KeyExists {
            /// The member.
            member: MemberId,
        } => en("{member} already has a valid signing key: replace it with rotate_key, or revoke it first."),
           vi("Đồng chí {member} đã có khoá ký còn hiệu lực: hãy thay bằng rotate_key, hoặc thu hồi khoá trước.");
        /// `rotate_key` or `revoke_key` for a member with no valid key.
        "journal.no_key" NoKey {
            /// The member.
            member: MemberId,
        } => en("{member} has no valid signing key at this date: register one with register_key."),
           vi("Đồng chí {member} chưa có khoá ký còn hiệu lực vào ngày này: hãy đăng ký bằng register_key.");
        /// The proof in `register_key` or `rotate_key` is not the member's signature with the
        /// new key.
        "journal.key_proof_invalid" KeyProofInvalid {
            /// The member.
            member: MemberId,
        } => en("The proof given for {member}'s new key is not a signature with that key over the member's id and the key: the member must sign it on their own device."),
           vi("Bằng chứng kèm khoá mới của đồng chí {member} không phải là chữ ký bằng chính khoá đó trên mã đảng viên và khoá: đảng viên phải tự ký trên thiết bị của mình.");
        /// `seal_journal` does not name the journal's head.
        "journal.seal_mismatch" SealMismatch {
            /// The seal's record.
            line: u64,
            /// The sequence number the seal names.
            seq: u64,
            /// The head the journal had before the seal.
            head_seq: u64,
        } => en("The seal at record {line} names record {seq}, but the journal ended at record {head_seq} (or with another hash): a seal names the journal's head."),
           vi("Dấu niêm phong ở bản ghi {line} ghi bản ghi {seq}, nhưng sổ ghi kết thúc ở bản ghi {head_seq} (hoặc mã băm khác): dấu niêm phong phải ghi đúng bản ghi cuối.");
        /// The journal does not hold the signed seal it is checked against: records at its end,
        /// the seal among them, were removed (or the journal is another one).
        "journal.seal_missing" SealMissing {
            /// The seal's own sequence number.
            seq: u64,
            /// The seal's own hash.
            hash: String,
            /// The last sequence number found.
            found_seq: u64,
        } => en("The journal ends at record {found_seq} and does not hold the signed seal, record {seq} with hash {hash}: records at its end were removed."),
           vi("Sổ ghi kết thúc ở bản ghi {found_seq} và không chứa dấu niêm phong có chữ ký, bản ghi {seq} (mã băm {hash}): các bản ghi cuối đã bị xoá.");
        /// The line given as a signed seal is not a signed `seal_journal` record.
        "journal.not_a_signed_seal" NotASignedSeal {
            /// The seal's sequence number.
            seq: u64,
        } => en("Record {seq} given as the seal is not a signed seal_journal record."),
           vi("Bản ghi {seq} được đưa ra làm dấu niêm phong không phải là bản ghi seal_journal có chữ ký.");
        /// The line is a well-formed record, but replaying it breaks the rules.
        "journal.refused" Refused {
            /// The line.
            line: u64,
            /// Why it was refused: the whole core refusal (code, kind, messages, fields).
            refusal: Box<Error>,
        } => en("Line {line} holds an event the rules refuse: {refusal}"),
           vi("Dòng {line} chứa một sự kiện trái quy định: {refusal}", refusal = refusal.message_vi());
    }
}

impl JournalError {
    /// The line the error is about, if it names one.
    pub fn line(&self) -> Option<u64> {
        match self {
            Self::Malformed { line, .. }
            | Self::TooLong { line, .. }
            | Self::UnsupportedVersion { line, .. }
            | Self::Sequence { line, .. }
            | Self::BrokenLink { line }
            | Self::HashMismatch { line }
            | Self::Unrelated { line }
            | Self::LineEnding { line, .. }
            | Self::SignatureInvalid { line, .. }
            | Self::SignatureMissing { line, .. }
            | Self::SealMismatch { line, .. }
            | Self::Refused { line, .. } => Some(*line),
            Self::DependsOnConflict { device_seq, .. } => Some(*device_seq),
            Self::HeadMismatch { .. }
            | Self::ByteOrderMark
            | Self::KeyExists { .. }
            | Self::NoKey { .. }
            | Self::KeyProofInvalid { .. }
            | Self::SealMissing { .. }
            | Self::NotASignedSeal { .. } => None,
        }
    }
}
