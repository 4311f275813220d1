//! A project's backlog: what staff and clients both see (statuses, hours, the decision, "was,
//! now", comments), the staff list and the standard page.

texts! {
    pub struct Backlog {
        status_idea: "Идея", "Idea";
        status_proposed: "Предложено", "Proposed";
        status_awaiting: "Ждёт решения", "Awaiting decision";
        status_agreed: "Согласовано", "Agreed";
        status_scheduled: "Запланировано", "Scheduled";
        status_in_progress: "В работе", "In progress";
        status_done: "Сделано", "Done";
        status_declined: "Отклонено", "Declined";
        hours: "{0} ч", "{0} h";
        no_estimate: "без оценки", "not estimated";
        no_price: "цена не указана", "no price";
        estimate: "Оценка", "Estimate";
        price: "Цена", "Price";
        cr_short: "CR", "CR";
        change_request_hint:
            "Работа вне объёма оценивается в деньгах и не начинается, пока клиент не согласует цену. Никаких подарков.",
            "Out-of-scope work is priced and never started before the client approves the price. No gifts.";
        cr_badge: "Доп. работа", "Change request";
        cr_hint:
            "Работа вне договора: оплачивается отдельно и начинается только после вашего согласия.",
            "Outside the agreed scope: paid separately and never started before you approve the price.";
        was_now_title: "Изменено после согласования клиентом", "Changed since the client approved it";
        was_now_title_client:
            "Агентство изменило задачу после вашего согласования — было и стало:",
            "The agency changed this item after you approved it — was and now:";
        decided_approved: "Согласовано", "Approved";
        decided_declined: "Отклонено", "Declined";
        /// `{0}` (who) · `{1}` (when)
        decided_by: "{0} · {1}", "{0} · {1}";
        frozen_estimate: "Зафиксированная оценка", "Frozen estimate";
        frozen_price: "Зафиксированная стоимость", "Frozen price";
        approver_note: "Комментарий клиента", "Client's note";
        note: "Комментарий", "Note";
        reason: "Причина", "Reason";
        side_agency: "агентство", "agency";
        side_client: "клиент", "client";
        internal_hint:
            "Внутренние комментарии никогда не попадают к клиенту.",
            "Internal comments never reach the client.";
        internal_badge: "внутренний", "internal";
        client_side_agency: "Агентство", "Agency";
        client_side_you: "Вы", "You";
        client_side_team: "Ваша команда", "Your team";
        title: "Бэклог", "Backlog";
        subtitle:
            "Задачи проекта по порядку: идеи, предложения клиенту, согласованное и сделанное.",
            "The project's items in order: ideas, proposals to the client, agreed work and what is done.";
        breadcrumb: "Навигация", "Breadcrumb";
        open_backlog: "Бэклог", "Backlog";
        new_item: "Новая задача", "New item";
        export_csv: "Экспорт CSV", "Export CSV";
        search: "Поиск по названию и описанию", "Search titles and descriptions";
        total:
            ["{0} задача", "{0} задачи", "{0} задач"],
            ["{0} item", "{0} items"];
        empty: "В бэклоге пока пусто", "The backlog is empty";
        empty_hint:
            "Стандарт: у каждого активного проекта не меньше двух задач, согласованных с клиентом и ещё не начатых. Добавьте идеи и предложите их клиенту — или импортируйте из CSV.",
            "The standard: every active project keeps at least two items agreed with the client and not yet started. Add ideas and propose them to the client, or import them from CSV.";
        no_matches_hint: "Измените фильтры или сбросьте их.", "Change the filters or reset them.";
        agreed_not_started: "Согласовано, не начато", "Agreed, not started";
        agreed_short: "согласовано, не начато", "agreed, not started";
        standard_rule: "Стандарт — не меньше {0}", "The standard is at least {0}";
        standard_inactive: "проект не активен", "the project is not active";
        below_standard: "Ниже стандарта", "Below standard";
        below_standard_hint:
            "У активного проекта должно быть не меньше двух задач, согласованных с клиентом и ещё не начатых.",
            "An active project should keep at least two items agreed with the client and not yet started.";
        item_title: "Название", "Title";
        priority: "Приоритет", "Priority";
        priority_high: "Высокий", "High";
        priority_normal: "Обычный", "Normal";
        priority_low: "Низкий", "Low";
        source: "Источник", "Source";
        source_analytics: "Аналитика", "Analytics";
        source_client_request: "Запрос клиента", "Client request";
        source_agency_idea: "Идея агентства", "Agency idea";
        change_request: "Запрос на изменение", "Change request";
        cr_only: "Только запросы на изменение", "Change requests only";
        cr_none: "Без запросов на изменение", "No change requests";
        order: "Порядок", "Order";
        move_up: "Выше", "Move up";
        move_down: "Ниже", "Move down";
        comments: "Комментарии", "Comments";
        standard_title: "Ниже стандарта", "Below standard";
        standard_subtitle:
            [
                "Активные проекты, у которых меньше {0} задачи, согласованной с клиентом и ещё не начатой. Предложите клиенту следующие шаги.",
                "Активные проекты, у которых меньше {0} задач, согласованных с клиентом и ещё не начатых. Предложите клиенту следующие шаги.",
                "Активные проекты, у которых меньше {0} задач, согласованных с клиентом и ещё не начатых. Предложите клиенту следующие шаги."
            ],
            [
                "Active projects with fewer than {0} item agreed with the client and not yet started. Propose the next steps to the client.",
                "Active projects with fewer than {0} items agreed with the client and not yet started. Propose the next steps to the client."
            ];
        standard_total:
            ["{0} проект ниже стандарта", "{0} проекта ниже стандарта", "{0} проектов ниже стандарта"],
            ["{0} project below the standard", "{0} projects below the standard"];
        standard_all_good: "Все проекты в норме", "Every project meets the standard";
        standard_all_good_hint:
            "У каждого активного проекта есть не меньше двух согласованных задач в запасе.",
            "Every active project keeps two agreed items in reserve.";
    }
}
