//! The client list, its filters and exports, and the frame of a client's page.

texts! {
    pub struct Clients {
        clients_title: "Клиенты", "Clients";
        clients_subtitle: "Аккаунты клиентов агентства.", "Your agency's client accounts.";
        search_clients: "Поиск по названию", "Search by name";
        clients_total:
            ["Всего {0} клиент", "Всего {0} клиента", "Всего {0} клиентов"],
            ["{0} client in total", "{0} clients in total"];
        new_client: "Новый клиент", "New client";
        client_name: "Название клиента", "Client name";
        client_created: "Клиент создан.", "Client created.";
        no_clients: "Клиентов пока нет", "No clients yet";
        no_clients_hint:
            "Добавьте первого клиента, чтобы начать вести аккаунт.",
            "Add your first client to start managing the account.";
        col_contacts: "Контакты", "Contacts";
        back_to_clients: "Все клиенты", "All clients";
        client_since: "Клиент с", "Client since";
        account_manager: "Аккаунт-менеджер", "Account manager";
        no_manager: "Не назначен", "Not assigned";
        new_client_yours:
            "Вы станете аккаунт-менеджером нового клиента.",
            "You will be the account manager of the new client.";
        archived_badge: "В архиве", "Archived";
        col_last_touch: "Последний контакт", "Last touchpoint";
        col_tier: "Класс", "Tier";
        export_clients: "Клиенты CSV", "Clients CSV";
        export_contacts: "Контакты CSV", "Contacts CSV";
        show_archived: "Архив", "Archived";
        sort_label: "Сортировка", "Sort";
        sort_name: "Название А–Я", "Name A–Z";
        sort_name_desc: "Название Я–А", "Name Z–A";
        sort_created: "Сначала старые", "Oldest first";
        sort_created_desc: "Сначала новые", "Newest first";
        sort_last_touch: "Дольше всех без контакта", "Longest silence first";
        sort_last_touch_desc: "Недавний контакт сначала", "Recently contacted first";
        touch_overdue: "Пора связаться", "Overdue";
        touch_overdue_hint:
            "Тишина длится дольше согласованной периодичности контактов.",
            "Silence has lasted longer than the agreed contact cadence.";
        client_tabs: "Разделы клиента", "Client sections";
        tab_overview: "Обзор", "Overview";
        tab_segmentation: "Сегментация", "Segmentation";
        tab_contacts: "Контакты", "Contacts";
        tab_projects: "Проекты", "Projects";
        tab_touchpoints: "Касания", "Touchpoints";
        tab_roadmap: "Карта развития", "Roadmap";
        client_unavailable_title: "Клиент недоступен", "This client is not available";
        client_unavailable_text:
            "Возможно, его удалили, или он не входит в число клиентов, которых вы видите. Попросите доступ у владельца или администратора агентства.",
            "It may have been removed, or it is not among the clients you can see. Ask your agency's owner or admin for access.";
        days_since_touch:
            ["день с последнего контакта", "дня с последнего контакта", "дней с последнего контакта"],
            ["day since the last touchpoint", "days since the last touchpoint"];
        no_touch_yet: "контактов ещё не было", "no touchpoints yet";
        cadence_every:
            ["раз в {0} день", "раз в {0} дня", "раз в {0} дней"],
            ["every {0} day", "every {0} days"];
        client_onboarding: "Онбординг", "Onboarding";
        client_active: "Активный", "Active";
        client_paused: "На паузе", "Paused";
        client_churned: "Ушёл", "Churned";
    }
}
