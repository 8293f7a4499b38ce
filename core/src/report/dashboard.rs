//! The commune dashboard: per cell × month, as data, with CSV and JSON exports.
