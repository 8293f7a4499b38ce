//! The Python binding of chibo (work in progress).
