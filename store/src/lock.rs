//! One writer per journal path: an exclusive lock on the open file, and a check that the path
//! still names that file (a file renamed over the path would otherwise let a second writer in
//! while the first wrote into a file nobody can see).

use crate::error::StoreError;
use std::fs::{File, TryLockError};
use std::path::Path;

/// Takes the exclusive lock on the open file, or refuses with `store.locked`.
pub(crate) fn lock(file: &File, path: &Path) -> Result<(), StoreError> {
    file.try_lock().map_err(|e| match e {
        TryLockError::WouldBlock => StoreError::Locked {
            path: path.to_path_buf(),
        },
        TryLockError::Error(e) => StoreError::io(path, "lock", &e),
    })
}

/// Whether `path` still names the open `file` (same device and inode). Where the platform has no
/// inode numbers, the lock alone guards the file.
pub(crate) fn still_at(file: &File, path: &Path) -> Result<bool, StoreError> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let open = file
            .metadata()
            .map_err(|e| StoreError::io(path, "read", &e))?;
        Ok(match std::fs::metadata(path) {
            Ok(named) => named.dev() == open.dev() && named.ino() == open.ino(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => false,
            Err(e) => return Err(StoreError::io(path, "read", &e)),
        })
    }
    #[cfg(not(unix))]
    {
        let _ = (file, path);
        Ok(true)
    }
}

/// Refuses (`store.replaced`) when `path` no longer names the open file.
pub(crate) fn require_still_at(file: &File, path: &Path) -> Result<(), StoreError> {
    if still_at(file, path)? {
        Ok(())
    } else {
        Err(StoreError::Replaced {
            path: path.to_path_buf(),
        })
    }
}

/// Makes a new file's directory entry durable.
pub(crate) fn sync_parent(path: &Path) -> Result<(), StoreError> {
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    // Directories can be opened for reading and synced on Unix; elsewhere this is best effort.
    if let Ok(dir) = File::open(parent) {
        if cfg!(unix) {
            dir.sync_all()
                .map_err(|e| StoreError::io(path, "sync", &e))?;
        }
    }
    Ok(())
}
