//! The length model's cost table for [`super::LengthModel::EN_RU`], worked
//! out by `build.rs` with `TabulatedLength::tabulate` (the same code as at
//! run time; a unit test compares them bit for bit), so that a run starts
//! without 8,000 logarithms and exponentials.

// `pub(super) static EN_RU: [f64; N]`, written by build.rs.
include!(concat!(env!("OUT_DIR"), "/length_table.rs"));
