//! The domain, pure: no egui, no files, no clock. `today` is always passed in.

pub mod activity;
pub mod day;
pub mod edit;
pub mod form;
pub mod history;
pub mod import;
pub mod load;
pub mod merge;
pub mod plan;
pub mod readiness;
pub mod replan;
pub mod review;
pub mod rules;
pub mod session;
pub mod settings;
pub mod units;
pub mod verdict;
pub mod week;
pub mod week_copy;
