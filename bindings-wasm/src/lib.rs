//! The browser and Node binding of chibo (work in progress).
