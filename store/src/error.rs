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
        /// What was being done: `open`, `read`, `write`, `sync`, `lock`, `cut`.
        action: &'static str,
        /// What the system said.
        detail: String,
    },
    /// `store.poisoned`: an earlier write or sync failed, so this handle no longer knows what is
    /// on disk.
    #[error("An earlier write to the journal {path} failed: open the file again before going on.")]
    Poisoned {
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
}

fn action_vi(action: &str) -> &'static str {
    match action {
        "open" => "mở",
        "read" => "đọc",
        "write" => "ghi",
        "sync" => "lưu chắc xuống đĩa",
        "lock" => "khoá",
        "cut" => "cắt phần ghi dở của",
        _ => "xử lý",
    }
}

/// The refusal codes the store adds to the core's.
pub const STORE_CODES: &[&str] = &["store.exists", "store.io", "store.locked", "store.poisoned"];

impl Refusal for StoreError {
    fn code(&self) -> &'static str {
        match self {
            Self::Core(e) => e.code(),
            Self::Locked { .. } => "store.locked",
            Self::Exists { .. } => "store.exists",
            Self::Io { .. } => "store.io",
            Self::Poisoned { .. } => "store.poisoned",
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
            Self::Poisoned { path } => format!(
                "Lần ghi trước vào sổ {} bị lỗi: hãy mở lại tệp trước khi làm tiếp.",
                path.display()
            ),
        }
    }
}
