//! Feature-free widgets shared by the pages: frames, header menus, feedback, pagination.

pub mod account_menu;
pub mod charts;
pub mod feedback;
pub mod form;
pub mod layout;
pub mod pagination;
pub mod select;

pub use feedback::{async_view, breakable_email, Badge, EmptyState, ErrorBanner, Loading, Notice};
pub use form::{names_field, submit_handler, FieldError, FormError, FormErrorExcept, Problem, TextArea, TextField};
pub use layout::{PlatformShell, PortalShell, PublicShell, StaffShell};
pub use pagination::Pagination;
pub use select::{ChoiceFilter, ChoiceSelect};
