//! Account health (staff only): the owner's cockpit, the agency's health page with its settings
//! and preview, and a client's Health tab with the parts of the score and its 12-month chart.

texts! {
    pub struct Health {
        // Navigation and shared words
        nav_home: "Главная", "Home";
        nav_health: "Здоровье", "Health";
        tab_health: "Здоровье", "Health";
        no_data: "нет данных", "no data";
        no_manager: "Без менеджера", "No manager";
        nobody: "не назначен", "unassigned";
        manager_label: "Менеджер", "Manager";
        all_managers: "Все менеджеры", "All managers";
        score_aria: "Оценка здоровья {0} из 100", "Health score {0} of 100";
        no_score_aria: "Оценки здоровья нет", "No health score";
        flag_low: "ниже {0}", "below {0}";
        flag_drop:
            ["−{0} балл за {1}", "−{0} балла за {1}", "−{0} баллов за {1}"],
            ["−{0} point in {1}", "−{0} points in {1}"];
        flag_low_plain: "низкая оценка", "low score";
        flag_drop_plain: ["−{0} балл", "−{0} балла", "−{0} баллов"], ["−{0} point", "−{0} points"];
        days_n: ["{0} день", "{0} дня", "{0} дней"], ["{0} day", "{0} days"];
        at_risk_badge: "В зоне риска", "At risk";
        col_client: "Клиент", "Client";
        col_manager: "Менеджер", "Manager";
        col_score: "Оценка", "Score";
        col_reasons: "Почему", "Why";
        col_flags: "Сигнал риска", "Risk flag";
        col_clients: "Клиентов", "Clients";
        col_scored: "С оценкой", "Scored";
        col_mean: "Средняя", "Mean";
        col_at_risk: "В зоне риска", "At risk";
        col_weakest: "Слабые места", "Weak spots";
        no_weak_spots: "слабых мест нет", "no weak spots";

        // Signals
        signal_nps: "NPS", "NPS";
        signal_csi: "CSI", "CSI";
        signal_contact: "Регулярность контактов", "Regular contact";
        signal_overdue_promises: "Просроченные обещания", "Overdue promises";
        signal_broken_promises: "Выполнение обещаний", "Promises kept";
        signal_minutes: "Подтверждение протоколов", "Minutes acknowledged";
        signal_reports: "Отчёты вовремя", "Reports on time";
        signal_backlog: "Согласованный бэклог", "Agreed backlog";
        signal_incidents: "Инциденты", "Incidents";

        // Reasons
        class_promoter: "промоутер", "promoter";
        class_passive: "нейтральный", "passive";
        class_detractor: "критик", "detractor";
        reason_nps: "Последняя оценка NPS — {0} ({1}), {2}", "Latest NPS answer: {0} ({1}), {2}";
        reason_csi: "Последний CSI — {0}, {1}", "Latest CSI: {0}, {1}";
        reason_contact: "Последний контакт {0}, ритм — {1}", "Last touchpoint {0}, cadence {1}";
        reason_never:
            "Контактов ещё не было: клиент добавлен {0}, ритм — {1}",
            "No touchpoints yet: the client was added {0}, cadence {1}";
        days_ago: ["{0} день назад", "{0} дня назад", "{0} дней назад"], ["{0} day ago", "{0} days ago"];
        today: "сегодня", "today";
        no_overdue_promises: "Просроченных обещаний агентства нет", "No agency promises overdue";
        reason_overdue_promises:
            ["Просрочено {0} обещание агентства, самое давнее — на {1}", "Просрочено {0} обещания агентства, самое давнее — на {1}", "Просрочено {0} обещаний агентства, самое давнее — на {1}"],
            ["{0} agency promise overdue, the oldest by {1}", "{0} agency promises overdue, the oldest by {1}"];
        no_promises_due:
            ["За {0} день сроков по обещаниям агентства не было", "За {0} дня сроков по обещаниям агентства не было", "За {0} дней сроков по обещаниям агентства не было"],
            ["No agency promises fell due in {0} day", "No agency promises fell due in {0} days"];
        reason_promises_kept:
            ["Выполнено {0} из {1} обещания агентства за {2}", "Выполнено {0} из {1} обещаний агентства за {2}", "Выполнено {0} из {1} обещаний агентства за {2}"],
            ["{0} of {1} agency promise kept in {2}", "{0} of {1} agency promises kept in {2}"];
        reason_minutes:
            "Протоколы: подтверждено — {0}, ждут дольше срока — {1}, оспорено — {2}",
            "Minutes: {0} acknowledged, {1} awaiting past the limit, {2} disputed";
        reason_reports:
            "Отчёты: опубликовано — {0}, не прочитано дольше срока — {1}, просрочено — {2}",
            "Reports: {0} published, {1} unread past the limit, {2} overdue";
        no_projects: "Активных проектов нет", "No active projects";
        reason_backlog_ok:
            ["{0} активный проект, все по стандарту (две согласованные задачи)", "{0} активных проекта, все по стандарту (две согласованные задачи)", "{0} активных проектов, все по стандарту (две согласованные задачи)"],
            ["{0} active project, at the standard (two agreed items)", "{0} active projects, all at the standard (two agreed items)"];
        reason_backlog_below:
            ["{0} из {1} активного проекта ниже стандарта; меньше всего согласованных задач — {2}", "{0} из {1} активных проектов ниже стандарта; меньше всего согласованных задач — {2}", "{0} из {1} активных проектов ниже стандарта; меньше всего согласованных задач — {2}"],
            ["{0} of {1} active project below the standard; the fewest agreed items: {2}", "{0} of {1} active projects below the standard; the fewest agreed items: {2}"];
        no_incidents: "Открытых инцидентов нет", "No open incidents";
        reason_incidents:
            ["{0} открытый инцидент, из них слишком долго — {1}", "{0} открытых инцидента, из них слишком долго — {1}", "{0} открытых инцидентов, из них слишком долго — {1}"],
            ["{0} open incident, {1} of them open too long", "{0} open incidents, {1} of them open too long"];
        reason_incidents_fresh:
            ["{0} открытый инцидент", "{0} открытых инцидента", "{0} открытых инцидентов"],
            ["{0} open incident", "{0} open incidents"];

        // The cockpit
        cockpit_title: "Что требует внимания", "What needs attention";
        cockpit_subtitle:
            "Сегодня {0} — клиенты в зоне риска и всё, что ждёт действия",
            "Today is {0}: clients at risk and everything waiting for action";
        cockpit_of: "Клиенты менеджера: {0}", "{0}'s clients";
        whose_clients: "Чьи клиенты", "Whose clients";
        all_clients: "Все клиенты агентства", "All the agency's clients";
        card_at_risk: "Клиенты в зоне риска", "Clients at risk";
        card_promises: "Обещания на этой неделе", "Promises due this week";
        card_minutes: "Протоколы ждут подтверждения", "Minutes awaiting acknowledgement";
        card_reports: "Отчёты к сдаче", "Reports due";
        card_followups: "Работа с критиками", "Detractor follow-ups";
        card_backlog: "Проекты ниже стандарта бэклога", "Projects below the backlog standard";
        card_silent: "Клиенты без контакта", "Silent clients";
        card_incidents: "Открытые инциденты", "Open incidents";
        empty_at_risk: "Никто не в зоне риска.", "Nobody is at risk.";
        empty_promises: "На этой неделе сроков по обещаниям нет.", "No promises fall due this week.";
        empty_minutes: "Все опубликованные протоколы подтверждены.", "All published minutes are acknowledged.";
        empty_reports: "Все отчёты сданы вовремя.", "Every report is on time.";
        empty_followups: "Открытых задач по критикам нет.", "No open follow-ups.";
        empty_backlog: "Все активные проекты держат стандарт.", "Every active project keeps the standard.";
        empty_silent: "Со всеми клиентами были на связи вовремя.", "Every client was contacted within their cadence.";
        empty_incidents: "Открытых инцидентов нет.", "No open incidents.";
        shown_of: "Показаны {0} из {1}", "Showing {0} of {1}";
        see_all: "Все", "See all";
        total_title: "Всего: {0}", "Total: {0}";
        overdue: "просрочено", "overdue";
        due_on: "срок {0}", "due {0}";
        published_on: "опубликован {0}", "published {0}";
        ack_awaiting: "ждёт подтверждения", "awaiting";
        ack_disputed: "оспорен", "disputed";
        report_weekly: "Еженедельный отчёт: {0}", "Weekly report: {0}";
        report_monthly: "Ежемесячный отчёт: {0}", "Monthly report: {0}";
        report_draft: "черновик", "draft";
        report_not_started: "не начат", "not started";
        followup_score: "оценка {0}", "score {0}";
        followup_no_score: "без оценки NPS", "no NPS score";
        agreed_of: "согласовано {0} из 2", "{0} of 2 agreed";
        silent_days:
            ["{0} день без контакта", "{0} дня без контакта", "{0} дней без контакта"],
            ["{0} day without contact", "{0} days without contact"];
        silent_never: "контактов не было", "never contacted";
        cadence_n: ["ритм — {0} день", "ритм — {0} дня", "ритм — {0} дней"], ["cadence {0} day", "cadence {0} days"];
        incident_step: "шаг {0} из 5", "step {0} of 5";
        incident_recorded: "записан, клиенту ещё не сообщили", "recorded, the client not told yet";
        days_open: ["открыт {0} день", "открыт {0} дня", "открыт {0} дней"], ["open {0} day", "open {0} days"];
        too_long: "слишком долго", "too long";
        assignee: "ответственный: {0}", "assignee: {0}";

        // The agency's health page
        health_title: "Здоровье клиентов", "Account health";
        health_subtitle:
            "Оценка 0–100 из взвешенных сигналов: NPS и CSI, контакты, обещания, протоколы, отчёты, бэклог, инциденты.",
            "A 0–100 score from weighted signals: NPS and CSI, contact, promises, minutes, reports, backlog, incidents.";
        at_risk_title: "В зоне риска", "At risk";
        at_risk_rule:
            ["Оценка ниже {0} или падение на {1} балл и больше за {2}.", "Оценка ниже {0} или падение на {1} балла и больше за {2}.", "Оценка ниже {0} или падение на {1} баллов и больше за {2}."],
            ["A score below {0}, or a drop of {1} point or more within {2}.", "A score below {0}, or a drop of {1} points or more within {2}."];
        at_risk_empty: "Сейчас никто не в зоне риска.", "Nobody is at risk right now.";
        portfolios_title: "Портфели менеджеров", "Managers' portfolios";
        portfolios_empty: "Клиентов пока нет.", "No clients yet.";
        clients_title: "Все клиенты по оценке", "All clients by score";
        clients_hint: "Сначала самые слабые; клиенты без данных — в конце.", "Weakest first; clients without data last.";
        clients_empty: "Активных клиентов нет.", "No active clients.";

        // Settings and preview
        settings_title: "Веса и пороги", "Weights and thresholds";
        settings_hint:
            "Вес 0 исключает сигнал. Сигналы без данных не учитываются, веса остальных пересчитываются. Посмотрите, что изменится, прежде чем сохранять.",
            "A weight of 0 leaves a signal out. Signals without data are not counted and the others' weights are re-normalised. Preview the change before saving it.";
        weights_legend: "Вес сигнала (0–100)", "Signal weights (0–100)";
        thresholds_legend: "Пороги", "Thresholds";
        field_corridor: "Полуширина коридора, баллов (1–50)", "Corridor half-width, points (1–50)";
        field_corridor_hint: "Коридор — среднее за 30 дней ± это число.", "The corridor is the 30-day mean ± this many points.";
        field_at_risk: "Зона риска — оценка ниже (1–100)", "At risk below the score (1–100)";
        field_drop_points: "Падение оценки, баллов (1–100)", "Score drop, points (1–100)";
        field_drop_days: "Окно падения, дней (1–90)", "Drop window, days (1–90)";
        field_incident_days: "Инцидент открыт слишком долго через, дней (1–90)", "An incident is open too long after, days (1–90)";
        range_error: "Целое число от {0} до {1}.", "A whole number from {0} to {1}.";
        weights_rule:
            "Каждый вес — целое число от 0 до 100, и хотя бы один больше нуля.",
            "Each weight is a whole number from 0 to 100, and at least one is above zero.";
        weight_share: "{0} оценки", "{0} of the score";
        weights_all_zero: "Хотя бы у одного сигнала вес должен быть больше нуля.", "At least one signal needs a weight above zero.";
        preview: "Посмотреть, что изменится", "Preview";
        previewing: "Считаем…", "Calculating…";
        save: "Сохранить", "Save";
        save_confirm:
            "Сохранить веса и пороги? Оценки всех клиентов будут пересчитаны.",
            "Save the weights and thresholds? Every client's score will be recomputed.";
        saved: "Веса и пороги сохранены, оценки пересчитываются.", "Weights and thresholds saved; the scores are being recomputed.";
        preview_title: "Что изменится (ничего не сохранено)", "What would change (nothing saved yet)";
        preview_clients: "Клиентов", "Clients";
        preview_changed: "Изменится оценка", "Scores that change";
        preview_at_risk: "В зоне риска", "At risk";
        preview_mean: "Средняя оценка", "Mean score";
        preview_none: "Ни одна оценка не изменится.", "No score would change.";
        preview_stale: "Настройки изменились после просмотра — посмотрите ещё раз.", "The settings changed after the preview: preview again.";
        col_now: "Сейчас", "Now";
        col_proposed: "Станет", "Proposed";
        col_risk: "Риск", "Risk";
        risk_enters: "попадёт в зону риска", "becomes at risk";
        risk_leaves: "выйдет из зоны риска", "leaves the risk zone";
        risk_stays: "остаётся в зоне риска", "stays at risk";

        // A client's Health tab
        score_title: "Оценка здоровья", "Health score";
        computed_at: "Рассчитана {0}", "Computed {0}";
        no_score_hint: "Ни по одному сигналу ещё нет данных.", "No signal has data yet.";
        flag_low_long: "Оценка ниже порога {0}", "Score below the threshold of {0}";
        flag_drop_long:
            ["Оценка упала на {0} балл за {1}", "Оценка упала на {0} балла за {1}", "Оценка упала на {0} баллов за {1}"],
            ["The score fell {0} point within {1}", "The score fell {0} points within {1}"];
        not_at_risk: "Не в зоне риска", "Not at risk";
        parts_title: "Из чего сложилась оценка", "How the score is made";
        parts_hint:
            "Баллы — доля сигнала в оценке: оценка сигнала × 10 × вес / сумма весов учтённых сигналов.",
            "Points are a signal's share of the score: its grade × 10 × its weight / the weights of the signals counted.";
        col_signal: "Сигнал", "Signal";
        col_grade: "Оценка 0–10", "Grade 0–10";
        col_weight: "Вес", "Weight";
        col_points: "Баллы", "Points";
        left_out_title: "Нет данных — не учитываются", "No data — not counted";
        chart_title: "Оценка за 12 месяцев", "Score over 12 months";
        chart_hint:
            "Полоса — коридор: среднее за 30 дней ± {0}. Красные точки — дни ниже коридора. Пунктир — порог риска {1}.",
            "The band is the corridor: the 30-day mean ± {0}. Red dots are days below the corridor. The dashed line is the at-risk threshold, {1}.";
        chart_empty: "Истории пока нет: оценка появится после первого расчёта.", "No history yet: it starts with the first score.";
        chart_point: "{0}: {1}, коридор {2}–{3}", "{0}: {1}, corridor {2}–{3}";
        legend_score: "Оценка", "Score";
        legend_corridor: "Коридор", "Corridor";
        legend_below: "Ниже коридора", "Below the corridor";
        legend_threshold: "Порог риска", "At-risk threshold";
        health_forbidden:
            "Оценку здоровья видят владельцы, администраторы и менеджеры клиентов.",
            "Health scores are for owners, admins and account managers.";
    }
}
