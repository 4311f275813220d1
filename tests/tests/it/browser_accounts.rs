//! Browser E2E of the account flows (invitations from received mail, client pages).
