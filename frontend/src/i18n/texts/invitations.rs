//! An invitation row as the team and contacts pages show it: resend, revoke, its state.

texts! {
    pub struct Invitations {
        resend: "Отправить ещё раз", "Resend";
        send_again: "Пригласить снова", "Send again";
        revoke: "Отозвать", "Revoke";
        confirm_revoke:
            "Отозвать приглашение для «{0}»? Ссылка перестанет работать.",
            "Revoke the invitation for “{0}”? The link will stop working.";
        invitation_sent: "Приглашение отправлено на {0}.", "Invitation sent to {0}.";
        invitation_revoked: "Приглашение для {0} отозвано.", "Invitation for {0} revoked.";
        invitation_pending: "Ожидает", "Pending";
        invitation_expired: "Истекло", "Expired";
        invitation_accepted: "Принято", "Accepted";
        invitation_withdrawn: "Отозвано", "Revoked";
    }
}
