//! Feature-free widgets shared by the pages: frames, header menus, feedback, forms and their
//! buttons, confirmations, search, pagination, charts and timelines.

pub mod account_menu;
pub mod charts;
pub mod confirm;
pub mod feedback;
pub mod form;
pub mod layout;
pub mod pagination;
pub mod search_box;
pub mod select;
pub mod submit;
pub mod timeline;
pub mod timeline_chart;

pub use confirm::{delete_action, DeleteConfirm, InlineConfirm, RowActions};
pub use feedback::{async_view, breakable_email, Badge, EmptyState, ErrorBanner, Loading, Notice};
pub use form::{names_field, shift_in, FieldError, FormError, FormErrorExcept, Problem, TextArea, TextField};
pub use layout::{PlatformShell, PortalShell, PublicShell, StaffShell};
pub use pagination::Pagination;
pub use search_box::SearchBox;
pub use select::{ChoiceFilter, ChoiceSelect};
pub use submit::{send_form, submit_handler, FormActions, FormWords};
pub use timeline::{who_and_when, Timeline, TimelineEntry};
