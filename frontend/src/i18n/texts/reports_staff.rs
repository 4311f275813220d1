//! The staff side of reports: a client's Reports tab, the report page with its editor,
//! publishing, read receipts and questions, and the agency's "reports due" page.

texts! {
    pub struct ReportsStaff {
        tab_reports: "Отчёты", "Reports";
        nav_reports: "Отчёты к сдаче", "Reports due";
        periods_title: "Периоды отчётности", "Reporting periods";
        cadence_weekly: "Клиент получает отчёт каждую неделю (пн–вс).", "The client gets a report every week (Mon–Sun).";
        cadence_monthly: "Клиент получает отчёт каждый месяц.", "The client gets a report every month.";
        cadence_none: "Периодичность отчётов не задана", "No report cadence is set";
        cadence_none_hint:
            "Задайте её в профиле клиента на вкладке «Обзор» — здесь появятся периоды, за которые нужно отчитаться. Отчёт можно написать и без неё.",
            "Set it in the client's profile on the Overview tab and the periods to report on appear here. You can still write a report without it.";
        no_periods: "Периодов пока нет", "No periods yet";
        no_periods_hint:
            "Периоды появятся, когда закончится первая неделя или первый месяц.",
            "Periods appear once the first week or month is over.";
        period_published: "Опубликован", "Published";
        period_draft: "Черновик", "Draft";
        period_due: "Ждёт отчёта", "Due";
        period_overdue: "Просрочен", "Overdue";
        due_on: "сдать до {0}", "due {0}";
        write: "Написать", "Write";
        open: "Открыть", "Open";
        reports_title: "Отчёты", "Reports";
        no_reports: "Отчётов пока нет", "No reports yet";
        no_reports_hint:
            "Напишите отчёт за период из списка или начните новый в форме.",
            "Write one for a period in the list, or start a new one with the form.";
        col_report: "Отчёт", "Report";
        col_status: "Статус", "Status";
        col_readers: "Открыли", "Opened by";
        col_questions: "Вопросы", "Questions";
        col_client: "Клиент", "Client";
        col_period: "Период", "Period";
        col_due: "Срок", "Due";
        col_published: "Опубликован", "Published";
        col_contact: "Контакт", "Contact";
        col_first_opened: "Впервые", "First opened";
        col_last_opened: "Последний раз", "Last opened";
        col_opens: "Открытий", "Opens";
        readers:
            ["открыл {0} контакт", "открыли {0} контакта", "открыли {0} контактов"],
            ["opened by {0} contact", "opened by {0} contacts"];
        open_questions:
            ["{0} вопрос без ответа", "{0} вопроса без ответа", "{0} вопросов без ответа"],
            ["{0} unanswered question", "{0} unanswered questions"];
        unread_flag: "Никто не открыл", "Nobody opened it";
        unread_flag_hint:
            "Опубликован дольше, чем принято в агентстве, и никто из клиента его не открыл.",
            "Published for longer than the agency allows, and nobody at the client has opened it.";
        unpublished_changes_badge: "Есть неопубликованные правки", "Unpublished edits";
        auto_draft_badge: "Автоматический черновик", "Drafted automatically";
        auto_draft_note:
            "Accord собрал этот черновик из работы за период в день срока. Проверьте разделы, допишите проблемы и шаги — клиент увидит отчёт только после публикации.",
            "Accord drafted this from the period's work on its due date. Check the sections, add the problems and the steps — the client sees the report only once it is published.";
        never_published_short: "Не публиковался", "Never published";
        whole_client: "Весь клиент", "The whole client";
        new_report: "Новый отчёт", "New report";
        field_kind: "Вид", "Kind";
        period_of_hint:
            "Отчёт охватит неделю (пн–вс) или календарный месяц, в который попадает этот день.",
            "The report covers the week (Mon–Sun) or the calendar month that contains this day.";
        project_hint:
            "Отчёт по проекту включает только его задачи.",
            "A project report covers only that project's items.";
        create_report: "Создать отчёт", "Create the report";
        report_exists:
            "Отчёт этого вида за этот период уже есть — откройте его в списке.",
            "A report of this kind for this period already exists: open it from the list.";
        future_period:
            "Отчёт пишут за период, который уже начался.",
            "A report covers a period that has already begun.";
        sections_rule:
            "В отчёте от 1 до 12 разделов, и хотя бы один должен быть виден клиенту.",
            "A report has 1 to 12 sections, and at least one must be shown to the client.";
        delete_published:
            "Опубликованный отчёт удалить нельзя: измените его и опубликуйте новую редакцию.",
            "A published report stays: edit it and publish a new revision instead.";
        already_idea: "Этот вопрос уже стал идеей в бэклоге.", "This question already became a backlog idea.";
        report_missing: "Отчёт недоступен", "This report is not available";
        report_missing_hint:
            "Возможно, его удалили, или у вас нет доступа к этому клиенту.",
            "It may have been deleted, or you have no access to this client.";
        back_to_reports: "Отчёты клиента {0}", "{0}: reports";
        due_by: "Срок сдачи: {0}", "Due by {0}";
        published_by: "Опубликовал(а) {0}, {1}", "Published by {0}, {1}";
        read_only: "У вас нет прав менять этот отчёт.", "You may not change this report.";
        editor_title: "Текст отчёта", "The report";
        sections_title: "Разделы", "Sections";
        section_number: "Раздел {0}", "Section {0}";
        section_title: "Заголовок раздела", "Section title";
        section_body: "Текст", "Text";
        body_hint:
            "Markdown: **жирный**, списки, ссылки. Опубликованный текст проходит очистку.",
            "Markdown: **bold**, lists, links. Published text is sanitized.";
        hidden: "Скрыть от клиента", "Hide from the client";
        hidden_badge: "Скрыт", "Hidden";
        hidden_hint:
            "Скрытый раздел остаётся в черновике, но не публикуется.",
            "A hidden section stays in the draft but is not published.";
        move_up: "Выше", "Move up";
        move_down: "Ниже", "Move down";
        remove_section: "Убрать раздел", "Remove the section";
        add_section: "Добавить свободный раздел", "Add a free section";
        sections_limit: "В отчёте от 1 до 12 разделов.", "A report has 1 to 12 sections.";
        title_required: "Укажите заголовок отчёта.", "Give the report a title.";
        section_title_required: "У каждого раздела должен быть заголовок.", "Every section needs a title.";
        save_draft: "Сохранить черновик", "Save the draft";
        draft_saved: "Черновик сохранён.", "Draft saved.";
        stale_banner:
            "Пока вы редактировали, кто-то сохранил этот отчёт, и ваши правки не сохранены. Загрузите свежую версию (скопируйте свой текст заранее — он будет заменён).",
            "Someone saved this report while you were editing, so your edits were not saved. Load the fresh version (copy your text first: it will be replaced).";
        reload: "Загрузить свежую версию", "Load the fresh version";
        publish_title: "Публикация", "Publishing";
        never_published: "Отчёт ещё не публиковался.", "The report was never published.";
        published_revision: "Опубликована редакция {0}.", "Revision {0} is published.";
        unpublished_changes:
            "Есть неопубликованные изменения: клиент видит прошлую редакцию.",
            "There are unpublished changes: the client sees the previous revision.";
        save_before_publish:
            "Сначала сохраните изменения: публикуется сохранённый черновик.",
            "Save your changes first: publishing sends the saved draft.";
        publish: "Опубликовать клиенту", "Publish to the client";
        publish_again: "Опубликовать новую редакцию", "Publish a new revision";
        publish_confirm:
            "Опубликовать редакцию {0}? Клиент увидит её на портале.",
            "Publish revision {0}? The client sees it in the portal.";
        publish_submit: "Опубликовать", "Publish";
        notify_title: "Кому отправить письмо", "Who gets an email";
        notify_default: "Всем контактам с доступом к порталу", "Every contact with portal access";
        notify_choose: "Выбрать контакты", "Choose contacts";
        notify_default_names: "Получат: {0}", "Mailed to: {0}";
        notify_default_nobody:
            "Ни у кого из контактов нет доступа к порталу — писем не будет.",
            "No contact has portal access, so nobody is mailed.";
        notify_none_chosen:
            "Никто не выбран: отчёт опубликуется без писем.",
            "Nobody chosen: the report is published without emails.";
        notify_pdf: " · без доступа к порталу, получит PDF во вложении", " · no portal access, gets the PDF attached";
        delete_draft: "Удалить черновик", "Delete the draft";
        delete_confirm:
            "Удалить черновик отчёта? Это нельзя отменить.",
            "Delete this draft report? This cannot be undone.";
        reads_title: "Кто прочитал", "Who read it";
        no_reads: "Пока никто не открыл.", "Nobody has opened it yet.";
        reads_unpublished: "Появится после публикации.", "Shows once the report is published.";
        not_read_by: "Не открывали: {0}", "Not opened by: {0}";
        everyone_read:
            "Открыли все контакты с доступом к порталу.",
            "Every contact with portal access has opened it.";
        compare_title: "Сравнение с прошлым периодом", "Compared with the previous period";
        previous_period: "Прошлый период:", "Previous period:";
        no_previous:
            "Прошлого отчёта того же вида нет — сравнивать не с чем.",
            "There is no earlier report of this kind to compare with.";
        col_measure: "Показатель", "Measure";
        col_this: "Этот период", "This period";
        col_previous: "Прошлый", "Previous";
        col_difference: "Разница", "Difference";
        kpi_at_end: "{0}, на конец периода", "{0}, at the period's end";
        no_questions_hint:
            "Вопросы клиента по отчёту, ваши ответы и заметки появятся здесь.",
            "The client's questions on the report, your answers and notes appear here.";
        internal_hint: "Внутренняя — клиент её никогда не увидит", "Internal — never shown to the client";
        reply: "Ответить", "Reply";
        reply_title: "Ответ или заметка", "An answer or a note";
        reply_to: "К вопросу", "On the question";
        reply_to_none: "Без вопроса — общая заметка", "No question: a general note";
        question_option: "{0}: {1}", "{0}: {1}";
        internal_check: "Внутренняя заметка (клиент её не увидит)", "Internal note (the client never sees it)";
        general_visible_hint:
            "Сообщение без вопроса и без отметки «внутренняя» увидит клиент.",
            "A message on no question that is not internal is shown to the client.";
        send: "Отправить", "Send";
        sent: "Отправлено.", "Sent.";
        body_required: "Напишите текст.", "Write something.";
        make_idea: "Сделать идеей в бэклоге", "Make a backlog idea";
        idea_title: "Название идеи (необязательно)", "Idea title (optional)";
        idea_title_hint: "Без названия — первая строка вопроса.", "Left empty: the question's first line.";
        create_idea: "Создать идею", "Create the idea";
        backlog_link: "Идея в бэклоге: {0}", "Backlog idea: {0}";
        no_projects: "У клиента нет проектов — идею некуда добавить.", "The client has no project to add the idea to.";
        due_title: "Отчёты к сдаче", "Reports due";
        due_subtitle:
            "Периоды, за которые пора отчитаться, опубликованные отчёты, которые никто не открыл, и вопросы клиентов без ответа.",
            "Periods to report on, published reports nobody has opened, and client questions without an answer.";
        due_card: "Сдать в ближайшую неделю и просроченные", "Due within a week, and overdue";
        nothing_due: "Всё сдано вовремя", "Everything is reported on time";
        nothing_due_hint: "В ближайшую неделю сдавать нечего.", "Nothing is due in the coming week.";
        no_manager: "Без аккаунт-менеджера", "No account manager";
        overdue_count:
            ["{0} просроченный", "{0} просроченных", "{0} просроченных"],
            ["{0} overdue", "{0} overdue"];
        periods_count:
            ["{0} клиент", "{0} клиента", "{0} клиентов"],
            ["{0} client", "{0} clients"];
        earlier_unpublished:
            ["и ещё {0} период раньше без отчёта", "и ещё {0} периода раньше без отчёта", "и ещё {0} периодов раньше без отчёта"],
            ["and {0} earlier period without a report", "and {0} earlier periods without a report"];
        due_cut: "Показаны первые {0} из {1}.", "Showing the first {0} of {1}.";
        unread_title: "Опубликованы, но никто не открыл", "Published, but nobody opened them";
        nothing_unread: "Каждый опубликованный отчёт кто-то открыл.", "Someone has opened every published report.";
        questions_title: "Вопросы клиентов без ответа", "Client questions without an answer";
        nothing_open: "На все вопросы клиентов есть ответ.", "Every client question has an answer.";
        asked_by: "{0}, {1}", "{0}, {1}";
        templates_title: "Шаблоны отчётов", "Report templates";
        templates_hint:
            "С этих разделов начинается каждый новый черновик. В разделы «Что сделано», «Что запланировано» и «Показатели» после вашего текста добавляются факты периода.",
            "Every new draft starts with these sections. Done, Planned and KPIs sections get the period's facts after your text.";
        template_built_in:
            "Сейчас действует встроенный шаблон; сохраните, чтобы сделать его своим.",
            "The built-in template is in use; save to make it your own.";
        template_kind: "Вид раздела", "Section kind";
        template_start_text: "Начальный текст (Markdown, необязательно)", "Starting text (Markdown, optional)";
        add_template_section: "Добавить раздел", "Add a section";
        save_template: "Сохранить шаблон", "Save the template";
        template_saved: "Шаблон сохранён.", "Template saved.";
    }
}
