//! The staff side of meetings: a client's meetings and promises tabs, the series and meeting
//! forms, the meeting page with its minutes editor, the agency's promises and unacknowledged
//! minutes pages.

texts! {
    pub struct MeetingsStaff {
        tab_meetings: "Встречи", "Meetings";
        tab_promises: "Обещания", "Promises";
        nav_promises: "Обещания", "Promises";
        nav_unacknowledged: "Неподтверждённые протоколы", "Unacknowledged minutes";
        series_title: "Регулярные встречи", "Regular meetings";
        no_series: "Регулярных встреч пока нет", "No regular meetings yet";
        no_series_hint:
            "Договоритесь с клиентом о ритме встреч и заведите серию: встречи появятся в списке и в календаре.",
            "Agree on a rhythm with the client and create a series: the meetings appear in the list and in calendars.";
        series_ended: "Завершена", "Ended";
        new_series: "Новая серия встреч", "New meeting series";
        create_series: "Создать серию", "Create series";
        series_created: "Серия создана.", "Series created.";
        change_series: "Изменить с даты", "Change from a date";
        change_series_title: "Изменить «{0}» с даты", "Change “{0}” from a date";
        change_from: "Действует с", "Effective from";
        change_from_hint:
            "Встречи до этой даты останутся по старому правилу.",
            "Meetings before this date keep the old rule.";
        series_changed: "Серия изменена.", "Series changed.";
        meeting_title: "Название", "Title";
        frequency: "Повторение", "Repeats";
        freq_weekly: "Каждую неделю", "Weekly";
        freq_monthly_day: "Каждый месяц в число", "Monthly on a day";
        freq_monthly_weekday: "Каждый месяц в день недели", "Monthly on a weekday";
        interval: "Интервал", "Interval";
        interval_hint: "Раз в сколько недель или месяцев (1–12).", "Every how many weeks or months (1–12).";
        weekday: "День недели", "Weekday";
        month_day: "Число месяца", "Day of the month";
        week_of_month: "Неделя месяца", "Week of the month";
        week_1: "1-я", "1st";
        week_2: "2-я", "2nd";
        week_3: "3-я", "3rd";
        week_4: "4-я", "4th";
        week_last: "Последняя", "Last";
        starts_on: "Первая дата", "Starts on";
        time: "Время", "Time";
        time_zone: "Часовой пояс", "Time zone";
        tz_other: "Другой…", "Other…";
        tz_other_label: "Часовой пояс (IANA, например Asia/Almaty)", "Time zone (IANA, e.g. Asia/Almaty)";
        duration_minutes: "Длительность, минут", "Duration, minutes";
        place_hint: "Адрес, переговорная или ссылка на видеозвонок.", "An address, a room or a video call link.";
        ends: "Окончание", "Ends";
        end_never: "Никогда", "Never";
        end_until: "В дату", "On a date";
        end_count: "После N встреч", "After N meetings";
        until: "Последняя дата", "Last date";
        count: "Сколько встреч", "Number of meetings";
        every_week:
            ["раз в {0} неделю", "раз в {0} недели", "раз в {0} недель"],
            ["every {0} week", "every {0} weeks"];
        every_week_one: "каждую неделю", "every week";
        every_month_one: "каждый месяц", "every month";
        every_month:
            ["раз в {0} месяц", "раз в {0} месяца", "раз в {0} месяцев"],
            ["every {0} month", "every {0} months"];
        on_month_day: "{0}-го числа", "on day {0}";
        on_week_of_month: "{1}, {0}-я неделя месяца", "{1}, week {0} of the month";
        on_last_week: "{0}, последняя неделя месяца", "{0}, last week of the month";
        ends_until: "до {0}", "until {0}";
        ends_count:
            ["{0} встреча", "{0} встречи", "{0} встреч"],
            ["{0} meeting", "{0} meetings"];
        one_off_title: "Разовая встреча", "One-off meeting";
        create_meeting: "Назначить встречу", "Schedule meeting";
        meeting_created: "Встреча назначена.", "Meeting scheduled.";
        local_start: "Начало (время в выбранном поясе)", "Starts (time in the chosen zone)";
        upcoming_title: "Ближайшие встречи", "Upcoming meetings";
        no_upcoming: "Ближайших встреч нет", "No upcoming meetings";
        no_upcoming_hint: "Создайте серию или назначьте разовую встречу.", "Create a series or schedule a one-off meeting.";
        past_title: "Прошедшие встречи", "Past meetings";
        no_past: "Прошедших встреч пока нет", "No past meetings yet";
        no_past_hint: "Здесь появятся встречи с протоколами.", "Meetings with their minutes will appear here.";
        open_meeting: "Открыть", "Open";
        to_promises: "Обещания клиенту →", "Promises to the client →";
        to_meetings: "← Встречи клиента", "← Client's meetings";
        meeting_missing: "Встреча недоступна", "This meeting is not available";
        meeting_missing_hint:
            "Возможно, её удалили, или у вас нет доступа к этому клиенту.",
            "It may have been removed, or you have no access to this client.";
        reschedule: "Перенести", "Reschedule";
        reschedule_title: "Перенести встречу", "Reschedule the meeting";
        reason: "Причина", "Reason";
        rescheduled: "Встреча перенесена.", "Meeting rescheduled.";
        cancel_meeting: "Отменить встречу", "Cancel the meeting";
        cancel_confirm:
            "Отменить встречу? Клиент увидит отмену и причину.",
            "Cancel the meeting? The client will see it and the reason.";
        cancel_reason_required: "Укажите причину.", "Give a reason.";
        restore: "Вернуть встречу", "Restore the meeting";
        history_title: "История", "History";
        no_history: "Изменений не было", "No changes yet";
        event_by: "{0}, {1}", "{0}, {1}";
        event_created: "Создана", "Created";
        event_rescheduled: "Перенесена", "Rescheduled";
        event_cancelled: "Отменена", "Cancelled";
        event_restored: "Возвращена", "Restored";
        event_held: "Встреча состоялась, протокол записан", "Held; minutes written";
        event_minutes_saved: "Протокол изменён", "Minutes edited";
        event_published: "Протокол опубликован", "Minutes published";
        event_acknowledged: "Клиент подтвердил протокол", "The client acknowledged the minutes";
        event_disputed: "Клиент оспорил решение", "The client disputed a decision";
        add_agenda: "Добавить в повестку", "Add to the agenda";
        agenda_added: "Вопрос добавлен в повестку.", "Added to the agenda.";
        minutes_title: "Протокол", "Minutes";
        read_only: "У вас нет прав менять эту встречу.", "You may not change this meeting.";
        attendees_staff: "От агентства", "From the agency";
        attendees_contacts: "От клиента", "From the client";
        guests: "Гости", "Guests";
        guests_hint: "По одному в строке, например «Анна, юрист».", "One per line, e.g. “Anna, lawyer”.";
        notes: "Заметки", "Notes";
        notes_hint: "Markdown: **жирный**, списки, ссылки.", "Markdown: **bold**, lists, links.";
        add_decision: "Добавить решение", "Add a decision";
        remove: "Убрать", "Remove";
        add_action_item: "Добавить поручение", "Add an action item";
        action_title: "Что сделать", "What to do";
        side: "Сторона", "Side";
        discussed_title: "Что обсудили", "Discussed";
        discussed_hint:
            "Необсуждённые вопросы перейдут на следующую встречу.",
            "Topics not discussed carry over to the next meeting.";
        save_minutes: "Сохранить протокол", "Save minutes";
        minutes_saved: "Протокол сохранён; встреча отмечена как состоявшаяся.", "Minutes saved; the meeting is marked held.";
        publish: "Опубликовать клиенту", "Publish to the client";
        publishing: "Публикуем…", "Publishing…";
        published: "Опубликовано: редакция {0}.", "Published: revision {0}.";
        never_published: "Протокол ещё не публиковался.", "The minutes were never published.";
        unpublished_changes:
            "Есть неопубликованные изменения: клиент видит прошлую редакцию.",
            "There are unpublished changes: the client sees the previous revision.";
        open_before_title: "Открытые поручения с прошлых встреч", "Open action items from earlier meetings";
        mark_done: "Выполнено", "Done";
        mark_open: "Вернуть в работу", "Reopen";
        renegotiate: "Перенести срок", "Move the date";
        renegotiate_submit: "Предложить клиенту", "Propose to the client";
        invitees_title: "Приглашённые", "Invitees";
        invitees_default: "Аккаунт-менеджер и все контакты с доступом к порталу", "The account manager and every contact with portal access";
        invitees_choose: "Выбрать участников", "Choose who is invited";
        invitee_no_portal: " · без доступа к порталу, письма не получит", " · no portal access, gets no mail";
        record_in_minutes: "Записать решением в протокол этой встречи — клиент согласует, подтвердив протокол", "Record as a decision in these minutes — the client agrees by acknowledging them";
        new_date: "Новый срок", "New date";
        promises_title: "Обещания", "Promises";
        promises_subtitle:
            "Обещания клиентам за последние 90 дней: сколько выполнено в срок и сколько сорвано.",
            "Promises to clients over the last 90 days: how many were kept and how many broken.";
        col_manager: "Менеджер", "Manager";
        col_due: "Подошёл срок", "Fell due";
        col_kept: "В срок", "Kept";
        col_broken: "Сорвано", "Broken";
        col_renegotiated: "С переносом", "Renegotiated";
        col_broken_rate: "Доля сорванных", "Broken rate";
        agency_line: "Всё агентство", "Whole agency";
        no_rates: "За 90 дней сроков обещаний не было", "No promise fell due in the last 90 days";
        chart_title: "Доля сорванных обещаний по менеджерам", "Broken rate per manager";
        due_this_week: "Срок на этой неделе и сорванные", "Due this week and broken";
        nothing_due: "На этой неделе сроков нет", "Nothing due this week";
        waiting_on_client: "Ждём клиента", "Waiting on clients";
        nothing_waiting: "Клиенты ничего не задерживают", "No client is overdue";
        col_client: "Клиент", "Client";
        col_promise: "Обещание", "Promise";
        client_promises_title: "Обещания клиенту", "Promises to the client";
        no_client_promises: "Обещаний пока нет", "No promises yet";
        no_client_promises_hint:
            "Поручения агентства из протоколов и обещания вне встреч появятся здесь.",
            "Agency action items from minutes and promises made outside meetings appear here.";
        new_promise: "Новое обещание", "New promise";
        promise_to_contact: "Кому (контакт)", "To whom (contact)";
        promise_to_words: "Или кому, словами", "Or to whom, in words";
        nobody: "—", "—";
        promise_created: "Обещание записано.", "Promise recorded.";
        unack_title: "Неподтверждённые протоколы", "Unacknowledged minutes";
        unack_subtitle:
            "Опубликованные протоколы, которые клиенты не подтвердили дольше, чем принято в агентстве.",
            "Published minutes that clients have not acknowledged for longer than the agency allows.";
        unack_empty: "Все протоколы подтверждены", "Every set of minutes is acknowledged";
        unack_empty_hint: "Клиенты вовремя подтверждают протоколы.", "Clients acknowledge their minutes in time.";
        col_meeting: "Встреча", "Meeting";
        col_published: "Опубликован", "Published";
        col_waiting: "Ждём", "Waiting";
        days_waiting:
            ["{0} день", "{0} дня", "{0} дней"],
            ["{0} day", "{0} days"];
        feed_staff_hint:
            "Все встречи ваших клиентов в одном календаре.",
            "All meetings of your clients in one calendar.";
        // Shown only in the staff app (the portal bundle need not carry them).
        agenda_count:
            ["{0} вопрос", "{0} вопроса", "{0} вопросов"],
            ["{0} topic", "{0} topics"];
        item_title: "Вопрос", "Topic";
        item_details: "Подробности", "Details";
        due_on: "Срок", "Due";
        assignee: "Ответственный", "Assignee";
        place: "Место или ссылка", "Place or link";
        cancel_reason: "Причина отмены: {0}", "Cancelled because: {0}";
    }
}
