//! Surveys for staff: the agency's survey settings, analytics, campaigns, follow-ups, answers
//! and phone answers.

texts! {
    pub struct SurveysStaff {
        settings_title: "Опросы NPS и CSI", "NPS and CSI surveys";
        settings_hint:
            "Вопрос NPS и уточнение «почему?» для каждой группы ответивших, критерии CSI и как часто можно спрашивать одного человека. {0} в вопросе заменяется названием агентства.",
            "The NPS question with its \u{201c}why?\u{201d} follow-up for each group of respondents, the CSI criteria, and how often one person may be asked. {0} in the question becomes the agency's name.";
        built_in: "Сейчас действуют настройки Accord по умолчанию; сохраните, чтобы сделать их своими.", "Accord's default settings are in use; save to make them your own.";
        in_russian: "По-русски", "In Russian";
        in_english: "По-английски", "In English";
        question: "Вопрос (0–10)", "Question (0–10)";
        why_detractor: "«Почему?» для критиков (0–6)", "\u{201c}Why?\u{201d} for detractors (0–6)";
        why_passive: "«Почему?» для нейтральных (7–8)", "\u{201c}Why?\u{201d} for passives (7–8)";
        why_promoter: "«Почему?» для промоутеров (9–10)", "\u{201c}Why?\u{201d} for promoters (9–10)";
        criteria_title: "Критерии CSI", "CSI criteria";
        criteria_hint:
            "Клиент оценивает каждый критерий дважды: насколько он важен и насколько клиент доволен (1–10). Убранный критерий остаётся в прошлых ответах.",
            "The client rates each criterion twice: how important it is and how satisfied they are (1–10). A criterion you remove stays in past answers.";
        criterion_ru: "Название по-русски", "Name in Russian";
        criterion_en: "Название по-английски", "Name in English";
        criterion_number: "Критерий {0}", "Criterion {0}";
        add_criterion: "Добавить критерий", "Add a criterion";
        use_default: "Цена, сроки, сервис", "Price, timeline, service";
        use_five_p: "Набор 5P", "The 5P set";
        use_preset: "Начать с набора:", "Start from a set:";
        move_up: "Выше", "Move up";
        move_down: "Ниже", "Move down";
        remove: "Убрать", "Remove";
        recontact_max: "Сколько раз за 6 месяцев можно спросить одного контакта", "Times one contact may be asked in 6 months";
        recontact_hint: "Во всех кампаниях вместе (1–12).", "Across all campaigns (1–12).";
        followup_days: "Рабочих дней на реакцию на критика", "Working days to follow up a detractor";
        followup_hint: "Срок задачи менеджеру после оценки 0–6 (0–10).", "The manager's task is due this many working days after a 0–6 answer (0–10).";
        save: "Сохранить настройки опросов", "Save survey settings";
        saved: "Настройки опросов сохранены.", "Survey settings saved.";
        fill_everything: "Заполните все тексты и названия критериев.", "Fill in every text and every criterion's names.";
        out_of_range: "Проверьте числа: 1–12 раз и 0–10 рабочих дней.", "Check the numbers: 1–12 times and 0–10 working days.";

        // Navigation and shared words
        nav_surveys: "Опросы", "Surveys";
        tab_analytics: "Аналитика", "Analytics";
        tab_campaigns: "Кампании", "Campaigns";
        tab_followups: "Работа с критиками", "Follow-ups";
        tab_answers: "Ответы", "Answers";
        open_count: ["{0} открытая задача", "{0} открытые задачи", "{0} открытых задач"], ["{0} open follow-up", "{0} open follow-ups"];
        overdue_count: ["{0} просрочена", "{0} просрочены", "{0} просрочено"], ["{0} overdue", "{0} overdue"];
        no_data: "нет данных", "no data";
        answers_n: ["{0} ответ", "{0} ответа", "{0} ответов"], ["{0} answer", "{0} answers"];
        promoters_n: ["{0} промоутер", "{0} промоутера", "{0} промоутеров"], ["{0} promoter", "{0} promoters"];
        passives_n: ["{0} нейтральный", "{0} нейтральных", "{0} нейтральных"], ["{0} passive", "{0} passives"];
        detractors_n: ["{0} критик", "{0} критика", "{0} критиков"], ["{0} detractor", "{0} detractors"];
        class_detractor: "Критик (0–6)", "Detractor (0–6)";
        class_passive: "Нейтральный (7–8)", "Passive (7–8)";
        class_promoter: "Промоутер (9–10)", "Promoter (9–10)";
        source_portal: "Портал", "Portal";
        source_link: "Ссылка из письма", "E-mailed link";
        source_phone: "Телефон", "Phone";
        source_import: "Импорт", "Import";
        no_contact: "Клиент в целом", "The client as a whole";
        no_why: "Без комментария", "No comment";
        no_manager: "Без менеджера", "No manager";
        manager_unknown: "неизвестен", "unknown";
        group_unknown: "Не указано (импорт)", "Not given (import)";
        group_none: "Не задано", "Not set";
        nobody: "не назначен", "nobody";
        quoted: "«{0}»", "\u{201c}{0}\u{201d}";
        importance: "Важность", "Importance";
        satisfaction: "Удовлетворённость", "Satisfaction";

        // Filters
        filter_from: "С", "From";
        filter_to: "По", "To";
        filter_manager: "Менеджер", "Manager";
        filter_client: "Клиент", "Client";
        filter_class: "Группа", "Group";
        filter_show: "Показать", "Show";
        any_manager: "Все менеджеры", "All managers";
        any_client: "Все клиенты", "All clients";
        find_client: "Найти клиента", "Find a client";

        // Analytics
        analytics_title: "Опросы клиентов", "Client surveys";
        analytics_subtitle:
            "NPS и CSI за период: динамика, критерии, менеджеры, клиенты и сегменты.",
            "NPS and CSI over a period: the trend, the criteria, managers, clients and segments.";
        nps_title: "NPS — готовность рекомендовать", "NPS — likelihood to recommend";
        nps_hint:
            "Доля промоутеров (9–10) минус доля критиков (0–6), от −100 до 100.",
            "The share of promoters (9–10) minus the share of detractors (0–6), −100 to 100.";
        csi_title: "CSI — удовлетворённость", "CSI — satisfaction";
        csi_hint:
            "Удовлетворённость по критериям, взвешенная по их важности, от 10 до 100.",
            "Satisfaction with the criteria weighted by their importance, 10 to 100.";
        trend_title: "Динамика NPS", "NPS trend";
        by_month: "По месяцам", "By month";
        by_quarter: "По кварталам", "By quarter";
        trend_hint: "Периоды без ответов — разрывы линии, а не ноль.", "Periods without answers are gaps in the line, not zero.";
        trend_empty: "За этот период ответов нет.", "No answers in this period.";
        trend_point: "{0}: NPS {1}, {2}", "{0}: NPS {1}, {2}";
        ipa_title: "Важность и удовлетворённость по критериям", "Importance and satisfaction by criterion";
        ipa_hint:
            "Каждый критерий — точка; линии проходят через средние значения и делят поле на четыре зоны.",
            "Each criterion is a point; the lines cross at the means and split the grid into four zones.";
        ipa_empty: "За этот период критерии CSI не оценивали.", "No CSI criteria were rated in this period.";
        ipa_point: "{0}: важность {1}, удовлетворённость {2}", "{0}: importance {1}, satisfaction {2}";
        quadrant_concentrate_here: "Сосредоточиться здесь", "Concentrate here";
        quadrant_keep_up: "Так держать", "Keep up the good work";
        quadrant_low_priority: "Низкий приоритет", "Low priority";
        quadrant_possible_overkill: "Возможно, избыточно", "Possible overkill";
        col_criterion: "Критерий", "Criterion";
        col_weight: "Вес", "Weight";
        col_ratings: "Оценок CSI", "CSI ratings";
        col_quadrant: "Зона", "Zone";
        by_manager_title: "По менеджерам", "By manager";
        by_client_title: "По клиентам", "By client";
        by_segment_title: "По сегментам", "By segment";
        col_manager: "Менеджер", "Manager";
        col_client: "Клиент", "Client";
        col_nps: "NPS", "NPS";
        col_csi: "CSI", "CSI";
        col_answers: "Ответов", "Answers";
        col_split: "Промоутеры · нейтральные · критики", "Promoters · passives · detractors";
        table_empty: "Ответов нет.", "No answers.";
        waves_compared_title: "Волны кампаний", "Campaign waves";
        waves_compared_hint: "Последняя волна каждой кампании рядом с предыдущей.", "Each campaign's latest wave beside the one before it.";
        no_waves_compared: "Волн за этот период не было.", "No waves in this period.";
        col_campaign: "Кампания", "Campaign";
        col_response: "Отклик", "Response rate";
        wave_opened: "Волна {0} · открыта {1}", "Wave {0} · opened {1}";
        previous_was: "было {0}", "was {0}";
        first_wave: "первая волна", "first wave";

        // Campaigns
        campaigns_title: "Кампании опросов", "Survey campaigns";
        campaigns_subtitle: "Кого, о чём и как часто спрашиваем.", "Whom we ask, what, and how often.";
        new_campaign: "Новая кампания", "New campaign";
        new_campaign_subtitle:
            "Сначала кампания сохраняется черновиком; письма уходят только после запуска.",
            "A campaign is saved as a draft first; mails go out only once it is launched.";
        back_to_campaigns: "Все кампании", "All campaigns";
        campaigns_read_only: "Кампании настраивают и запускают владельцы и администраторы.", "Owners and admins set up and launch campaigns.";
        no_campaigns: "Кампаний пока нет", "No campaigns yet";
        no_campaigns_hint: "Выберите вопросы, клиентов и периодичность — и запустите первую.", "Pick the questions, the clients and how often, then launch the first one.";
        col_name: "Название", "Name";
        col_status: "Статус", "Status";
        col_asks: "Вопросы", "Asks";
        col_schedule: "Периодичность", "Schedule";
        col_waves: "Волн", "Waves";
        col_latest_response: "Отклик последней волны", "Latest response rate";
        col_next_wave: "Следующая волна", "Next wave";
        no_next_wave: "не запланирована", "none planned";
        status_draft: "Черновик", "Draft";
        status_running: "Идёт", "Running";
        status_stopped: "Остановлена", "Stopped";
        schedule_once: "Один раз", "Once";
        every_months: ["Раз в {0} месяц", "Раз в {0} месяца", "Раз в {0} месяцев"], ["Every {0} month", "Every {0} months"];

        // The campaign form
        campaign_settings_title: "Настройки кампании", "Campaign settings";
        field_name: "Название кампании", "Campaign name";
        questions_legend: "Что спрашиваем", "What we ask";
        ask_nps: "NPS: готовность рекомендовать (0–10) и «почему?»", "NPS: likelihood to recommend (0–10) and \u{201c}why?\u{201d}";
        ask_csi: "CSI: важность и удовлетворённость по критериям агентства", "CSI: importance and satisfaction for the agency's criteria";
        extras_hint: "Дополнительные вопросы идут после NPS и CSI; тексты — на обоих языках.", "Extra questions come after NPS and CSI; write them in both languages.";
        add_text_question: "Текстовый вопрос", "Text question";
        add_choice_question: "Вопрос с выбором ответа", "Single-choice question";
        extra_number: "Вопрос {0}", "Question {0}";
        extra_kind_text: "свободный ответ", "free text";
        extra_kind_choice: "один вариант из списка", "one option of a list";
        question_ru: "Вопрос по-русски", "Question in Russian";
        question_en: "Вопрос по-английски", "Question in English";
        option_ru: "Вариант по-русски", "Option in Russian";
        option_en: "Вариант по-английски", "Option in English";
        add_option: "Вариант", "Option";
        target_legend: "Кого спрашиваем", "Whom we ask";
        target_all: "Всех активных клиентов", "All active clients";
        target_clients: "Выбранных клиентов", "Chosen clients";
        target_segment: "Сегмент", "A segment";
        chosen_clients: ["Выбран {0} клиент", "Выбрано {0} клиента", "Выбрано {0} клиентов"], ["{0} client chosen", "{0} clients chosen"];
        segment_hint: "Подходят клиенты, у которых совпадает всё выбранное; «Все» не сужает.", "Clients match when everything chosen matches; \u{201c}Any\u{201d} narrows nothing.";
        segment_one_manager: "клиенты одного менеджера", "one manager's clients";
        recipients_legend: "Кому из контактов", "Which contacts";
        recipients_approvers: "Согласующим", "Approvers";
        recipients_all: "Всем контактам с доступом к порталу", "All contacts with portal access";
        schedule_legend: "Как часто", "How often";
        schedule_repeat: "Повторять раз в", "Repeat every";
        repeat_months_label: "Раз в сколько месяцев", "Every how many months";
        months_unit: "мес. (1–24)", "months (1–24)";
        reminders_legend: "Напоминания и закрытие", "Reminders and closing";
        remind_after: "Напомнить через, дней (1–30)", "Remind after, days (1–30)";
        remind_max: "Напоминаний не больше (0–5)", "At most reminders (0–5)";
        close_after: "Закрыть волну через, дней (1–90)", "Close a wave after, days (1–90)";
        reminders_summary:
            "Напоминание через {0} дн., не больше {1}; волна закрывается через {2} дн.",
            "A reminder after {0} days, at most {1}; a wave closes after {2} days.";
        create_campaign: "Сохранить черновик", "Save the draft";
        save_campaign: "Сохранить кампанию", "Save the campaign";
        campaign_saved: "Кампания сохранена.", "Campaign saved.";
        need_name: "Назовите кампанию.", "Name the campaign.";
        need_question: "Выберите NPS, CSI или добавьте вопрос.", "Choose NPS or CSI, or add a question.";
        extras_incomplete:
            "Заполните каждый вопрос на обоих языках; у вопроса с выбором — от 2 до 10 вариантов.",
            "Fill in each question in both languages; a choice question needs 2 to 10 options.";
        need_clients: "Выберите хотя бы одного клиента.", "Choose at least one client.";
        numbers_range:
            "Проверьте числа: повтор раз в 1–24 месяца, напоминание через 1–30 дней, не больше 5 напоминаний, закрытие через 1–90 дней.",
            "Check the numbers: repeat every 1–24 months, remind after 1–30 days, at most 5 reminders, close after 1–90 days.";

        // One campaign
        target_matches:
            ["Сейчас под условия подходит {0} клиент", "Сейчас под условия подходят {0} клиента", "Сейчас под условия подходят {0} клиентов"],
            ["{0} client matches today", "{0} clients match today"];
        launch: "Запустить", "Launch";
        launch_confirm:
            ["Запустить кампанию? Первая волна откроется сейчас, и письма уйдут контактам {0} клиента.", "Запустить кампанию? Первая волна откроется сейчас, и письма уйдут контактам {0} клиентов.", "Запустить кампанию? Первая волна откроется сейчас, и письма уйдут контактам {0} клиентов."],
            ["Launch the campaign? The first wave opens now and mails go to the contacts of {0} client.", "Launch the campaign? The first wave opens now and mails go to the contacts of {0} clients."];
        stop: "Остановить", "Stop";
        stop_confirm:
            "Остановить кампанию? Новые волны больше не откроются.",
            "Stop the campaign? No new waves will open.";
        settings_locked: "Настройки можно менять только у черновика.", "Settings can be changed only while the campaign is a draft.";
        waves_title: "Волны", "Waves";
        no_waves: "Волн ещё не было — кампания не запущена.", "No waves yet: the campaign has not been launched.";
        col_number: "№", "No.";
        col_opened: "Открыта", "Opened";
        col_closes: "Закрывается", "Closes";
        col_invited: "Приглашено", "Invited";
        col_answered: "Ответили", "Answered";
        col_skipped: "Пропущено", "Skipped";
        skipped_hint: "Контакты, которых защита от частых опросов не стала спрашивать.", "Contacts the recontact guard left out.";
        wave_closed: "закрыта", "closed";

        // Follow-ups
        followups_title: "Работа с критиками", "Detractor follow-ups";
        followups_subtitle:
            "Каждая оценка 0–6 — задача менеджеру клиента со сроком в рабочих днях.",
            "Every 0–6 answer is a task for the client's manager, due in working days.";
        filter_open: "Открытые", "Open";
        filter_overdue: "Просроченные", "Overdue";
        filter_closed: "Закрытые", "Closed";
        filter_all: "Все", "All";
        followups_empty: "Задач нет", "No follow-ups";
        followups_empty_hint: "В этом списке нет критиков — или все уже отработаны.", "No detractors in this list, or all of them were followed up.";
        assignee_is: "Ответственный: {0}", "Assignee: {0}";
        due_on: "Срок: {0}", "Due {0}";
        overdue_badge: "просрочено", "overdue";
        outcome_label: "Что сделано", "Outcome";
        outcome_called: "Позвонили", "Called";
        outcome_fixed: "Исправили", "Fixed";
        outcome_escalated: "Передали выше", "Escalated";
        outcome_no_action: "Без действий", "No action";
        note_label: "Заметка", "Note";
        note_placeholder: "Что сделали или почему ничего не делали", "What was done, or why nothing was";
        close_followup: "Закрыть задачу", "Close";
        closed_by: "Закрыто: {0}, {1}", "Closed by {0}, {1}";

        // Answers
        answers_title: "Ответы клиентов", "Client answers";
        answers_subtitle:
            "Оценки и комментарии с фильтрами, выгрузка в CSV и импорт прошлых опросов.",
            "Scores and comments with filters, CSV export and an import of past surveys.";
        with_comments: "Только с комментарием", "With comments only";
        export_csv: "Выгрузить CSV", "Export CSV";
        answers_empty: "Ответов нет", "No answers";
        answers_empty_hint: "Измените фильтры или период.", "Change the filters or the period.";
        manager_at_time: "Менеджер на момент ответа: {0}", "Manager at the time: {0}";
        taken_by: "Записал(а) {0}", "Taken by {0}";
        rating_pair: "важность {0}, удовлетворённость {1}", "importance {0}, satisfaction {1}";
        mark_testimonial: "Попросить отзыв", "Ask for a testimonial";
        mark_referral: "Попросить рекомендацию", "Ask for a referral";
        import_title: "Импорт прошлых опросов", "Import past surveys";
        import_hint:
            "CSV с заголовком, столбцы — как в выгрузке. Если в файле есть ошибка, не импортируется ничего. Импорт истории не открывает задач по критикам и не рассылает писем.",
            "A CSV with a header row, columns as in the export. If any row is wrong, nothing is imported. Imported history opens no follow-ups and sends no mail.";
        import_paste: "Вставьте CSV или выберите файл", "Paste the CSV or choose a file";
        import_choose: "Выбрать CSV-файл", "Choose a CSV file";
        import_submit: "Импортировать", "Import";
        importing: "Импортируем…", "Importing…";
        import_empty: "Вставьте CSV или выберите файл.", "Paste a CSV or choose a file.";
        imported: ["Импортирован {0} ответ.", "Импортировано {0} ответа.", "Импортировано {0} ответов."], ["Imported {0} answer.", "Imported {0} answers."];

        // Phone answers on the client page
        client_answers_title: "Ответы на опросы", "Survey answers";
        client_answers_empty: "Ответов пока нет", "No answers yet";
        client_answers_empty_hint:
            "Здесь появятся ответы клиента из портала, писем, звонков и импорта.",
            "The client's answers from the portal, mails, calls and imports appear here.";
        record_phone: "Записать ответ по телефону", "Record a phone answer";
        phone_hint:
            "Ответ, который клиент дал в разговоре; сохраняется от вашего имени.",
            "An answer the client gave on a call; it is saved in your name.";
        phone_contact: "Кто отвечал", "Who answered";
        phone_date: "День звонка", "Day of the call";
        phone_campaign: "Кампания (необязательно)", "Campaign (optional)";
        no_campaign: "Без кампании", "No campaign";
        phone_nps: "Насколько вероятно, что клиент порекомендует нас? (0–10)", "How likely is the client to recommend us? (0–10)";
        phone_why: "Почему? (словами клиента)", "Why? (in the client's words)";
        criteria_legend: "Критерии CSI (1–10)", "CSI criteria (1–10)";
        criteria_optional: "Поставьте у критерия обе оценки или пропустите его.", "Give a criterion both ratings, or skip it.";
        phone_save: "Сохранить ответ", "Save the answer";
        phone_saved: "Ответ записан.", "Answer recorded.";
        phone_need_score: "Выберите оценку 0–10 или оцените критерии.", "Choose a score from 0 to 10 or rate the criteria.";
        phone_date_range:
            "День звонка — не в будущем и не раньше чем год назад; более старые ответы импортируйте.",
            "The call's day cannot be in the future or over a year ago; import older answers.";
        phone_bad_contact: "Выберите контакт этого клиента.", "Choose a contact of this client.";
        segment_invalid: "Выберите менеджера своего агентства.", "Choose a manager of your agency.";
        phone_need_date: "Укажите день звонка.", "Give the day of the call.";
        phone_pair_incomplete: "У критерия нужны обе оценки — важность и удовлетворённость — или ни одной.", "A criterion needs both ratings, importance and satisfaction, or neither.";
    }
}
