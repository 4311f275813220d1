//! Why a money change is refused, as data. `FeatureError` picks the stable code and the field
//! at fault, and `ApiError::status_of` the HTTP status.

use crate::error::FeatureError;
use accord_api::error::Code;

#[derive(Debug, thiserror::Error)]
pub enum FinanceError {
    #[error("Not found.")]
    NotFound,
    #[error("Use an ISO 4217 currency code such as RUB, USD or EUR.")]
    UnknownCurrency { field: &'static str },
    #[error("Use a number of days from 1 to 365.")]
    BadDays,
    #[error("Give the rate to the base currency: how many units of it one unit of this currency is worth.")]
    RateRequired,
    #[error("Write the rate as a number more than 0 with at most six decimals, e.g. 92.5.")]
    BadRate,
    #[error("This date cannot be before the start.")]
    BeforeStart { field: &'static str },
    #[error("The due date cannot be before the issue date.")]
    DueBeforeIssued,
    #[error("Choose a project of this client.")]
    UnknownProject,
    #[error("Choose a service of the agency's catalogue.")]
    UnknownService,
    #[error("Choose a contract of this client.")]
    UnknownContract,
    #[error("Choose an invoice of this client.")]
    UnknownInvoice,
    #[error("Use an amount more than 0.")]
    AmountZero,
    #[error("Give the amount, or bill change requests whose prices add up to it.")]
    AmountRequired,
    #[error("The amount cannot be less than what has been paid already.")]
    BelowPaid,
    #[error("The payment is more than what remains to be paid.")]
    Overpayment,
    #[error("A payment cannot be dated in the future.")]
    PaidInFuture,
    #[error("A payment cannot come before its invoice was issued.")]
    PaidBeforeIssued,
    #[error("The signing date cannot be before the issue date or in the future.")]
    BadSigningDate,
    #[error("Only change requests the client approved, with a price and not billed yet, can be billed.")]
    NotBillable,
    #[error("A change request priced in another currency cannot be billed on this invoice.")]
    ItemCurrency,
    #[error("Bill at most 50 change requests on one invoice.")]
    TooManyItems,
    #[error("Another invoice bills this change request already.")]
    AlreadyBilled,
    #[error("Another invoice of the agency has this number.")]
    DuplicateNumber,
    #[error("The invoice is cancelled.")]
    Cancelled,
    #[error("An invoice with payments cannot be cancelled; delete its payments first.")]
    HasPayments,
    #[error("The currency cannot change once payments are recorded.")]
    CurrencyLocked,
    #[error("Invoices are linked to this contract; link them elsewhere or cancel them first.")]
    ContractInUse,
    #[error(
        "The base currency cannot change once invoices or contracts are recorded: their amounts are converted to it."
    )]
    BaseInUse,
}

impl FeatureError for FinanceError {
    fn code(&self) -> Code {
        use FinanceError::*;
        match self {
            NotFound => Code::NotFound,
            DuplicateNumber => Code::AlreadyExists,
            AlreadyBilled | Cancelled | HasPayments | CurrencyLocked | ContractInUse | BaseInUse => Code::Conflict,
            UnknownCurrency { .. }
            | BadDays
            | RateRequired
            | BadRate
            | BeforeStart { .. }
            | DueBeforeIssued
            | UnknownProject
            | UnknownService
            | UnknownContract
            | UnknownInvoice
            | AmountZero
            | AmountRequired
            | BelowPaid
            | Overpayment
            | PaidInFuture
            | PaidBeforeIssued
            | BadSigningDate
            | NotBillable
            | ItemCurrency
            | TooManyItems => Code::ValidationFailed,
        }
    }

    fn field(&self) -> Option<&'static str> {
        use FinanceError::*;
        match self {
            UnknownCurrency { field } | BeforeStart { field } => Some(field),
            BadDays => Some("act_unsigned_days"),
            RateRequired | BadRate => Some("rate"),
            DueBeforeIssued => Some("due_on"),
            UnknownProject => Some("project_id"),
            UnknownService => Some("service_id"),
            UnknownContract => Some("contract_id"),
            UnknownInvoice => Some("invoice_id"),
            AmountZero | AmountRequired | BelowPaid | Overpayment => Some("amount_minor"),
            PaidInFuture | PaidBeforeIssued => Some("paid_on"),
            BadSigningDate => Some("signed_on"),
            NotBillable | ItemCurrency | TooManyItems | AlreadyBilled => Some("backlog_item_ids"),
            DuplicateNumber => Some("number"),
            NotFound | Cancelled | HasPayments | CurrencyLocked | ContractInUse | BaseInUse => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refusals_answer_with_their_codes() {
        let cases: [(FinanceError, u16, &str, &str, Option<&str>); 5] = [
            (
                FinanceError::Overpayment,
                422,
                "validation_failed",
                "The payment is more than what remains to be paid.",
                Some("amount_minor"),
            ),
            (
                FinanceError::DuplicateNumber,
                409,
                "already_exists",
                "Another invoice of the agency has this number.",
                Some("number"),
            ),
            (
                FinanceError::HasPayments,
                409,
                "conflict",
                "An invoice with payments cannot be cancelled; delete its payments first.",
                None,
            ),
            (
                FinanceError::RateRequired,
                422,
                "validation_failed",
                "Give the rate to the base currency: how many units of it one unit of this currency is worth.",
                Some("rate"),
            ),
            (FinanceError::NotFound, 404, "not_found", "Not found.", None),
        ];
        crate::error::check_refusals(cases);
    }
}
