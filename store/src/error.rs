//! Why the store refused: the core's refusal, or the file system's.

use chibo::Refusal;
use serde::Serialize;
use std::path::{Path, PathBuf};

/// A refusal of the store. Every variant has a stable code ([`Refusal::code`]) and messages in
/// Vietnamese and English.
#[derive(Debug, Clone, PartialEq, thiserror::Error, Serialize)]
#[serde(untagged)]
pub enum StoreError {
    /// The core refused: a command breaks the rules, or the file's journal does not verify
    /// (`journal.*`, naming the line). The code is the core's.
    #[error(transparent)]
    Core(#[from] chibo::Error),
    /// `store.locked`: another writer has the file open.
    #[error("The journal {path} is open in another program or window: close it there first.")]
    Locked {
        /// The file.
        path: PathBuf,
    },
    /// `store.exists`: creating a journal where a file already is.
    #[error("There is already a file at {path}: open it instead, or choose another name.")]
    Exists {
        /// The file.
        path: PathBuf,
    },
    /// `store.io`: the file system failed.
    #[error("Could not {action} the journal {path}: {detail}")]
    Io {
        /// The file.
        path: PathBuf,
        /// What was being done: `open`, `read`, `write`, `sync`, `lock`, `cut`, `save`.
        action: &'static str,
        /// What the system said.
        detail: String,
    },
    /// `store.poisoned`: a write or sync failed and the file could not be read back either, so
    /// this handle no longer knows what is on disk.
    #[error("A write to the journal {path} failed and the file could not be read back: open the file again before going on.")]
    Poisoned {
        /// The file.
        path: PathBuf,
    },
    /// `store.replaced`: another file was put at the journal's path while it was open (renamed
    /// or copied over it), so this handle's writes would go to a file nobody sees.
    #[error("The journal {path} was replaced by another file while it was open here: nothing more is written through this window; open the file again and check which copy is the right one.")]
    Replaced {
        /// The file.
        path: PathBuf,
    },
    /// `store.key_missing`: there is no key file at the path given.
    #[error("There is no key file at {path}: check the path, or make a new key (and register it) if the member never had one here.")]
    KeyMissing {
        /// The key file.
        path: PathBuf,
    },
    /// `store.key_invalid`: the file is not a key file: it does not hold exactly 32 bytes.
    #[error("The file {path} holds {length} bytes, not a 32-byte secret key: it is not a key file, or it was damaged; use the member's own key file.")]
    KeyInvalid {
        /// The file.
        path: PathBuf,
        /// How many bytes it holds.
        length: u64,
    },
    /// `store.io`: a key file could not be created, written, synced or read.
    #[error("Could not {action} the key file {path}: {detail}")]
    KeyIo {
        /// The key file.
        path: PathBuf,
        /// What was being done: `create`, `write`, `sync`, `read`.
        action: &'static str,
        /// What the system said.
        detail: String,
    },
    /// `store.io`: the operating system gave no randomness to make a secret key from.
    #[error("The system gave no randomness to make a key from: {detail}")]
    NoRandomness {
        /// What the system said.
        detail: String,
    },
    /// `store.closed`: the journal was closed by its caller.
    #[error("The journal {path} is closed: open it again to go on.")]
    Closed {
        /// The file.
        path: PathBuf,
    },
}

impl StoreError {
    pub(crate) fn io(path: &Path, action: &'static str, error: &std::io::Error) -> Self {
        Self::Io {
            path: path.to_path_buf(),
            action,
            detail: error.to_string(),
        }
    }

    pub(crate) fn key_io(path: &Path, action: &'static str, error: &std::io::Error) -> Self {
        Self::KeyIo {
            path: path.to_path_buf(),
            action,
            detail: error.to_string(),
        }
    }
}

fn action_vi(action: &str) -> &'static str {
    match action {
        "open" => "mở",
        "read" => "đọc",
        "write" => "ghi",
        "sync" => "lưu chắc xuống đĩa",
        "lock" => "khoá",
        "cut" => "cắt phần ghi dở của",
        "save" => "lưu phần ghi dở của",
        "create" => "tạo",
        _ => "xử lý",
    }
}

/// The refusal codes the store adds to the core's.
pub const STORE_CODES: &[&str] = &[
    "store.closed",
    "store.exists",
    "store.io",
    "store.key_invalid",
    "store.key_missing",
    "store.locked",
    "store.poisoned",
    "store.replaced",
];

impl Refusal for StoreError {
    fn code(&self) -> &'static str {
        match self {
            Self::Core(e) => e.code(),
            Self::Locked { .. } => "store.locked",
            Self::Exists { .. } => "store.exists",
            Self::Io { .. } | Self::KeyIo { .. } | Self::NoRandomness { .. } => "store.io",
            Self::KeyMissing { .. } => "store.key_missing",
            Self::KeyInvalid { .. } => "store.key_invalid",
            Self::Poisoned { .. } => "store.poisoned",
            Self::Replaced { .. } => "store.replaced",
            Self::Closed { .. } => "store.closed",
        }
    }

    fn message_vi(&self) -> String {
        match self {
            Self::Core(e) => e.message_vi(),
            Self::Locked { path } => format!(
                "Sổ ghi {} đang được mở ở chương trình hoặc cửa sổ khác: hãy đóng nơi đó trước.",
                path.display()
            ),
            Self::Exists { path } => format!(
                "Đã có tệp tại {}: hãy mở tệp đó, hoặc chọn tên khác.",
                path.display()
            ),
            Self::Io {
                path,
                action,
                detail,
            } => format!(
                "Không {} được sổ ghi {}: {detail}",
                action_vi(action),
                path.display()
            ),
            Self::KeyMissing { path } => format!(
                "Không có tệp khoá tại {}: hãy kiểm tra đường dẫn, hoặc tạo khoá mới (rồi đăng ký) nếu đảng viên chưa từng có khoá ở máy này.",
                path.display()
            ),
            Self::KeyInvalid { path, length } => format!(
                "Tệp {} có {length} byte, không phải khoá bí mật 32 byte: đây không phải tệp khoá, hoặc tệp đã hỏng; hãy dùng đúng tệp khoá của đảng viên.",
                path.display()
            ),
            Self::KeyIo {
                path,
                action,
                detail,
            } => format!(
                "Không {} được tệp khoá {}: {detail}",
                action_vi(action),
                path.display()
            ),
            Self::NoRandomness { detail } => {
                format!("Hệ thống không cung cấp được số ngẫu nhiên để tạo khoá: {detail}")
            }
            Self::Poisoned { path } => format!(
                "Ghi vào sổ {} bị lỗi và không đọc lại được tệp: hãy mở lại tệp trước khi làm tiếp.",
                path.display()
            ),
            Self::Replaced { path } => format!(
                "Sổ ghi {} đã bị một tệp khác thay thế trong khi đang mở ở đây: không ghi thêm gì qua cửa sổ này; hãy mở lại tệp và kiểm tra bản nào là bản đúng.",
                path.display()
            ),
            Self::Closed { path } => format!(
                "Sổ ghi {} đã đóng: hãy mở lại để làm tiếp.",
                path.display()
            ),
        }
    }
}
