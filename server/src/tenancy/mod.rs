//! Who is asking, resolved once per request by [`load_principal`], and the typed extractors
//! handlers demand: [`SignedIn`], [`Staff`], [`PortalContact`], [`PlatformOperator`]. The tenant
//! a handler may touch comes only from these, never from the path or body.

mod extract;
mod principal;

pub use extract::{PlatformOperator, PortalContact, SignedIn, Staff};
pub use principal::{load_principal, resolve as resolve_by_hash, resolve_feed, Principal, Standing};
