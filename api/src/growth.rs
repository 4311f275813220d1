//! Growing what a client buys: the profitability scorecard (agency criteria, each client marked
//! −2..+2), upsell opportunities with a per-manager pipeline, the service catalogue with
//! prerequisites and the next services suggested for a client (playbooks per project kind), and
//! the knowledge base of service explainers that every contact reads in the portal.

use crate::types::wire_enum;

wire_enum!(
    /// Where an upsell opportunity is.
    UpsellStatus { Idea = "idea", Proposed = "proposed", Won = "won", Lost = "lost" }
);
