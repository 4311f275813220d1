//! Meetings in the browser (written next).
