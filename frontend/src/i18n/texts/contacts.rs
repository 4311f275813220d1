//! A client's contacts tab: the people, their portal access, leavers and the history.

texts! {
    pub struct Contacts {
        contacts_title: "Контакты", "Contacts";
        add_contact: "Добавить контакт", "Add contact";
        contact_name: "Имя", "Name";
        portal_role: "Роль в портале", "Portal role";
        portal_access: "Доступ в портал", "Portal access";
        no_portal_account: "Не приглашён", "Not invited";
        no_contacts: "Контактов пока нет", "No contacts yet";
        no_contacts_hint:
            "Добавьте людей со стороны клиента: ЛПР и наблюдателей.",
            "Add the client's people: decision makers and viewers.";
        contact_added: "Контакт добавлен.", "Contact added.";
        access_invited: "Приглашён", "Invited";
        access_expired: "Приглашение истекло", "Invitation expired";
        invited_until: "Ссылка действует до {0}", "Link valid until {0}";
        invite_to_portal: "Пригласить в портал", "Invite to portal";
        position: "Должность", "Position";
        position_placeholder: "Например, маркетолог", "e.g. Head of marketing";
        phone: "Телефон", "Phone";
        phone_placeholder: "+7 900 000-00-00", "+7 900 000-00-00";
        decision_maker: "ЛПР (принимает решения)", "Decision maker";
        decision_maker_short: "ЛПР", "Decision maker";
        decision_maker_hint:
            "Принимает окончательные решения на стороне клиента.",
            "Makes the final decisions at the client.";
        email_locked_hint:
            "С этим адресом человек входит в портал; здесь его изменить нельзя.",
            "They sign in to the portal with this email; it cannot be changed here.";
        contact_saved: "Контакт «{0}» сохранён.", "Contact “{0}” saved.";
        contact_left_action: "Больше не работает", "Left the client";
        contact_left_done:
            "«{0}» больше не работает у клиента; доступ к порталу закрыт.",
            "“{0}” is marked as having left; their portal access has ended.";
        confirm_left:
            "«{0}» больше не работает у клиента? Доступ к порталу будет закрыт.",
            "“{0}” left the client? Their portal access ends.";
        successor: "Кто заменил", "Replaced by";
        no_successor: "Никто", "Nobody";
        left_on: "Не работает у клиента с {0}", "Left on {0}";
        left_on_replaced: "Не работает у клиента с {0}; замена — {1}", "Left on {0}, replaced by {1}";
        contact_history: "История контактов", "People history";
        no_contact_history: "Изменений пока не было.", "No changes yet.";
        event_added: "новый контакт", "added";
        event_updated: "данные изменены", "details changed";
        event_left: "больше не работает у клиента", "left the client";
        event_replaced: "больше не работает у клиента; замена — {0}", "left the client; replaced by {0}";
        event_other: "изменение", "changed";
        portal_approver: "ЛПР (согласует)", "Approver";
        portal_viewer: "Наблюдатель", "Viewer";
        user_active: "Активен", "Active";
        user_disabled: "Отключён", "Disabled";
    }
}
