//! The Android and iOS binding of chibo (work in progress).
