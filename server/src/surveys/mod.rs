//! Satisfaction surveys (NPS and CSI). So far: the formulas ([`score`]), exact as
//! `shared/PRODUCT.md` states them, which campaigns, answers and analytics build on.

pub mod score;
