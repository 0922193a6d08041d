//! Numbers, dates and the shared sentences, as the window shows them: they come from
//! [`crate::present`], which the command line prints from too.

pub use crate::present::*;
