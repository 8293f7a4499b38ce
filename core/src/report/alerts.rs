//! Alerts as of a date.
