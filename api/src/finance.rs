//! Money a client brings: contracts (retainer or project), invoices with their payments,
//! closing documents (акт, УПД), the finance settings (base currency, how long an act may stay
//! unsigned) and the CSV import and export of invoices and payments. Staff only: owners and
//! admins see every client, account managers the clients they manage, specialists and contacts
//! nothing. Accord records what the agency issued and was paid; it is not an accounting system.

use crate::types::wire_enum;

wire_enum!(
    /// How a contract is priced: a monthly fee, or a total for the whole project.
    ContractKind { Retainer = "retainer", Project = "project" }
);

wire_enum!(
    /// Where a contract is.
    ContractStatus { Draft = "draft", Active = "active", Ended = "ended" }
);

wire_enum!(
    /// An invoice's state: issued → partly paid → paid (as payments come in), or cancelled.
    InvoiceStatus { Issued = "issued", PartlyPaid = "partly_paid", Paid = "paid", Cancelled = "cancelled" }
);

wire_enum!(
    /// A closing document's kind: an act (акт) or a universal transfer document (УПД).
    ClosingKind { Act = "act", Upd = "upd" }
);
