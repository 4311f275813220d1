//! Words about meetings both the staff app and the portal use: states, decisions, action items,
//! the agenda, responses to minutes, the calendar feed.

texts! {
    pub struct Meetings {
        status_scheduled: "Запланирована", "Scheduled";
        status_held: "Состоялась", "Held";
        status_cancelled: "Отменена", "Cancelled";
        ack_draft: "Черновик", "Draft";
        ack_awaiting: "Ждёт подтверждения", "Awaiting acknowledgement";
        ack_acknowledged: "Подтверждено", "Acknowledged";
        ack_disputed: "Оспорено", "Disputed";
        ack_overdue: "Просрочено подтверждение", "Acknowledgement overdue";
        state_open: "Открыто", "Open";
        state_kept: "Выполнено в срок", "Kept";
        state_broken: "Сорвано", "Broken";
        state_done_late: "Выполнено с опозданием", "Done late";
        state_waiting_on_client: "Ждём клиента", "Waiting on client";
        side_agency: "Агентство", "Agency";
        side_client: "Клиент", "Client";
        agenda_move: "На следующую встречу", "To the next meeting";
        agenda_discussed: "Обсудили", "Discussed";
        agenda_title: "Повестка", "Agenda";
        no_agenda: "В повестке пока пусто", "Nothing on the agenda yet";
        carried_from: "Перенесено со встречи {0}", "Carried over from {0}";
        added_by: "Добавил(а): {0}", "Added by {0}";
        from_client: "от клиента", "from the client";
        backlog_link: "Задача: {0}", "Item: {0}";
        decisions_title: "Решения", "Decisions";
        no_decisions: "Решений не записано", "No decisions recorded";
        decision_number: "№{0}", "#{0}";
        decision_changed: "изменено", "changed";
        decision_new: "новое", "new";
        decision_previous: "Было: {0}", "Was: {0}";
        action_items_title: "Поручения", "Action items";
        no_action_items: "Поручений нет", "No action items";
        due_on_day: "до {0}", "due {0}";
        original_due: "изначально до {0}", "originally due {0}";
        done_on: "выполнено {0}", "done {0}";
        no_assignee: "Не назначен", "Unassigned";
        promised_to: "Кому: {0}", "To: {0}";
        renegotiation_pending:
            "Предложен новый срок {0} (было {1}) — ждёт подтверждения клиента. Причина: {2}",
            "New date {0} proposed (was {1}), awaiting the client's confirmation. Reason: {2}";
        renegotiation_agreed:
            "Срок перенесён с {0} на {1}: {2}",
            "Moved from {0} to {1}: {2}";
        agreed_by: "согласовал(а) {0}", "agreed by {0}";
        responses_title: "Ответы клиента", "Client responses";
        no_responses: "Ответов пока нет", "No responses yet";
        response_acknowledged: "{0} подтвердил(а) редакцию {1}", "{0} acknowledged revision {1}";
        response_disputed:
            "{0} оспорил(а) решение №{1} в редакции {2}",
            "{0} disputed decision #{1} of revision {2}";
        attendees_title: "Участники", "Attendees";
        revision: "Редакция {0}", "Revision {0}";
        duration:
            ["{0} минута", "{0} минуты", "{0} минут"],
            ["{0} minute", "{0} minutes"];
        ics: "В календарь (.ics)", "Add to calendar (.ics)";
        field_title: "Название", "Title";
        field_interval: "Интервал", "Interval";
        field_weekday: "День недели", "Weekday";
        field_month_day: "Число месяца", "Day of the month";
        field_week_of_month: "Неделя месяца", "Week of the month";
        field_time: "Время", "Time";
        field_duration_minutes: "Длительность", "Duration";
        field_until: "Последняя дата", "Last date";
        field_count: "Сколько встреч", "Number of meetings";
        field_from: "Действует с", "Effective from";
        field_local_start: "Начало", "Start";
        field_place: "Место", "Place";
        field_reason: "Причина", "Reason";
        field_due_on: "Срок", "Due date";
        field_comment: "Комментарий", "Comment";
        field_decision: "Решение", "Decision";
        feed_title: "Календарь встреч", "Meetings calendar";
        feed_hint:
            "Секретная ссылка для вашего календаря (Google, Apple, Outlook): встречи появятся там и будут обновляться сами.",
            "A secret link for your calendar app (Google, Apple, Outlook): meetings appear there and stay up to date.";
        feed_none: "Ссылка ещё не выдана.", "No link issued yet.";
        feed_active: "Ссылка действует с {0}.", "A link is active since {0}.";
        feed_issue: "Получить ссылку", "Get a link";
        feed_reissue: "Выдать новую ссылку", "Issue a new link";
        feed_revoke: "Отозвать ссылку", "Revoke the link";
        feed_revoke_confirm:
            "Отозвать ссылку? Календари, подписанные на неё, перестанут обновляться.",
            "Revoke the link? Calendars subscribed to it stop updating.";
        feed_reissue_confirm:
            "Выдать новую ссылку? Старая перестанет работать.",
            "Issue a new link? The old one stops working.";
        feed_copy:
            "Скопируйте адрес сейчас и добавьте его в календарь как подписку: полностью он показывается только один раз.",
            "Copy the address now and add it to your calendar as a subscription: it is shown in full only once.";
        feed_revoked: "Ссылка отозвана.", "The link was revoked.";
    }
}
