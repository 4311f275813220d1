//! A client's overview tab: the profile, the status history and the archive.

texts! {
    pub struct Overview {
        client_profile_title: "Профиль клиента", "Client profile";
        read_only_note:
            "Вы можете просматривать этого клиента, но не изменять его.",
            "You can view this client but not change it.";
        section_account: "Аккаунт", "Account";
        section_business: "Бизнес-контекст", "Business context";
        section_expectations: "Ожидания", "Expectations";
        section_cadence: "Контакты и отчёты", "Contact and reports";
        started_on: "Клиент с", "Client since";
        ended_on: "Окончание работы", "Ended on";
        business_model: "Бизнес-модель", "Business model";
        business_model_placeholder: "Как клиент зарабатывает", "How the client makes money";
        audience: "Аудитория", "Audience";
        audience_placeholder: "Кто их покупатели", "Who buys from them";
        market: "Рынок", "Market";
        market_placeholder: "Регион, ниша, конкуренты", "Region, niche, competitors";
        product_role: "Роль продукта", "Role of the product";
        product_role_placeholder:
            "Какое место сайт или приложение занимает в бизнесе",
            "Where the site or app sits in their business";
        included: "Входит в работу", "Included";
        included_hint: "Что агентство делает для клиента.", "What the agency does for this client.";
        excluded: "Не входит в работу", "Not included";
        excluded_hint:
            "Объясните, чего вы НЕ делаете, — иначе клиент додумает сам.",
            "Say what you do NOT do — otherwise the client will imagine it.";
        new_point: "Новый пункт…", "New point…";
        remove_point: "Удалить", "Remove";
        no_points: "Пока ничего не указано.", "Nothing listed yet.";
        contact_cadence: "Связываться не реже, чем раз в (дней)", "Contact at least every (days)";
        contact_cadence_hint:
            "Более долгая тишина подсвечивается. От 1 до 365; пусто — без напоминаний.",
            "Longer silence is flagged. 1–365; leave empty for no reminder.";
        report_cadence_label: "Отчёты", "Reports";
        report_weekly: "Еженедельно", "Weekly";
        report_monthly: "Ежемесячно", "Monthly";
        manager_admin_only:
            "Передать клиента другому менеджеру может только владелец или администратор агентства.",
            "Only the agency's owner or admin can reassign the client.";
        profile_saved: "Профиль сохранён.", "Profile saved.";
        status_history: "История статусов", "Status history";
        no_status_changes: "Статус ещё не менялся.", "No status changes yet.";
        status_created: "Создан со статусом", "Created as";
        archive_title: "Архив", "Archive";
        archive_hint:
            "Клиенты в архиве скрыты из списка; ничего не удаляется, и их можно вернуть в любой момент.",
            "Archived clients are hidden from the list; nothing is deleted and you can bring them back at any time.";
        archive: "Отправить в архив", "Archive client";
        unarchive: "Вернуть из архива", "Bring back from archive";
        confirm_archive:
            "Отправить «{0}» в архив? Клиент пропадёт из списка.",
            "Archive “{0}”? It disappears from the client list.";
        confirm_unarchive: "Вернуть «{0}» в список клиентов?", "Bring “{0}” back to the client list?";
        client_archived: "Клиент отправлен в архив.", "Client archived.";
        client_unarchived: "Клиент возвращён в список.", "Client is back in the list.";
    }
}
