//! Growth for staff: a client's Growth tab (upsells, services had, next suggested), the pipeline
//! page, the profitability scorecard, the service catalogue (the playbook) and the knowledge base
//! editor. Never in the portal.

texts! {
    /// The nav, the section's sub-tabs, a client's Growth tab and the pipeline page.
    pub struct Growth {
        nav_growth: "Рост", "Growth";
        nav_services: "Услуги", "Services";
        sub_pipeline: "Воронка допродаж", "Upsell pipeline";
        sub_scorecard: "Рентабельность", "Scorecard";
        sub_services: "Каталог услуг", "Service catalogue";
        sub_knowledge: "База знаний", "Knowledge base";
        section_label: "Рост: разделы", "Growth sections";
        tab_growth: "Рост", "Growth";

        // A client's upsells
        upsells_title: "Допродажи", "Upsells";
        upsells_hint:
            "Возможности продать клиенту ещё одну услугу: ожидаемая сумма, вероятность, статус.",
            "Chances to sell the client another service: expected value, probability, status.";
        no_upsells: "Допродаж пока нет", "No upsells yet";
        no_upsells_hint:
            "Запишите идею: какая услуга поможет клиенту дальше и сколько она может принести.",
            "Write down an idea: which service would help the client next and what it could bring.";
        open_count: ["открытая возможность", "открытые возможности", "открытых возможностей"], ["open opportunity", "open opportunities"];
        weighted_open: "Взвешенная сумма открытых", "Weighted value of open ones";
        won_total: "Выиграно", "Won";
        col_upsell: "Возможность", "Opportunity";
        col_expected: "Ожидаемо", "Expected";
        col_probability: "Вероятность", "Probability";
        col_weighted: "Взвешенно", "Weighted";
        col_status: "Статус", "Status";
        status_idea: "Идея", "Idea";
        status_proposed: "Предложено", "Proposed";
        status_won: "Выиграно", "Won";
        status_lost: "Проиграно", "Lost";
        lost_because: "Причина: {0}", "Reason: {0}";
        closed_on: "Закрыто {0}", "Closed {0}";
        became_item: "Стало задачей бэклога", "Became a backlog item";
        became_contract: "Стало договором", "Became a contract";
        delete_upsell_confirm: "Удалить возможность «{0}»?", "Delete the opportunity “{0}”?";
        upsell_deleted: "Возможность удалена.", "Opportunity deleted.";

        // The upsell form
        new_upsell: "Новая возможность", "New opportunity";
        edit_upsell: "Возможность «{0}»", "Opportunity “{0}”";
        add_upsell: "Добавить возможность", "Add the opportunity";
        upsell_created: "Возможность добавлена.", "Opportunity added.";
        upsell_saved: "Возможность сохранена.", "Opportunity saved.";
        field_title: "Что предлагаем", "What we offer";
        title_placeholder: "Например: контекстная реклама на весенний сезон", "E.g. contextual ads for the spring season";
        field_service: "Услуга", "Service";
        no_service: "Без услуги из каталога", "Not from the catalogue";
        field_expected: "Ожидаемая сумма", "Expected value";
        field_currency: "Валюта", "Currency";
        field_probability: "Вероятность, %", "Probability, %";
        field_status: "Статус", "Status";
        field_lost_reason: "Почему проиграли", "Why it was lost";
        field_closed: "Дата закрытия", "Closed on";
        lost_reason_placeholder: "Например: бюджет ушёл на другой канал", "E.g. the budget went to another channel";
        field_item: "Задача бэклога", "Backlog item";
        field_contract: "Договор", "Contract";
        none_linked: "Не связано", "Not linked";
        won_links_hint:
            "Выигранную возможность свяжите с задачей бэклога или договором, в которые она превратилась.",
            "Link a won opportunity to the backlog item or contract it turned into.";
        field_value: "Проверьте поле «{0}».", "Check “{0}”.";

        // Services the client has had, and what comes next
        had_title: "Услуги клиента", "The client's services";
        had_hint: "Что клиент уже получал или получает сейчас.", "What the client has had or has now.";
        had_empty: "Ни одной услуги не отмечено", "No services recorded";
        had_empty_hint:
            "Отметьте, что клиент уже получал: от этого зависят следующие предложения.",
            "Record what the client has had: the next suggestions depend on it.";
        had_since: "с {0}", "since {0}";
        had_period: "{0} — {1}", "{0} – {1}";
        had_now: "идёт сейчас", "ongoing";
        add_had: "Отметить услугу", "Record a service";
        had_added: "Услуга отмечена.", "Service recorded.";
        field_started: "Начало", "Started";
        field_ended: "Окончание", "Ended";
        ended_hint: "Пусто — услуга ещё идёт.", "Empty while the service goes on.";
        choose_service: "Выберите услугу", "Choose a service";
        next_title: "Что предложить дальше", "What to offer next";
        next_hint:
            "По каталогу услуг: всё, что нужно до услуги, у клиента уже было.",
            "From the service catalogue: the client has had everything each service needs first.";
        next_empty: "Предложить пока нечего", "Nothing to suggest yet";
        next_empty_hint:
            "Клиент получил всё из каталога, или каталог пуст.",
            "The client has had everything in the catalogue, or the catalogue is empty.";
        ready_now: "Можно предлагать", "Ready to offer";
        blocked: "Позже", "Later";
        after: "после: {0}", "after: {0}";
        offer_it: "Записать как возможность", "Record as an opportunity";
        read_only:
            "Вы видите услуги клиента и подсказки, но допродажи ведут менеджеры.",
            "You see the client's services and suggestions; account managers keep the upsells.";

        // The pipeline page
        pipeline_title: "Воронка допродаж", "Upsell pipeline";
        pipeline_subtitle:
            "Открытые возможности по менеджерам и доля выигранных допродаж в выручке за период.",
            "Open opportunities per account manager, and the share of won upsells in the revenue of a period.";
        period_from: "С", "From";
        period_to: "По", "To";
        manager_label: "Менеджер", "Manager";
        all_managers: "Все менеджеры", "All managers";
        col_manager: "Менеджер", "Manager";
        col_open: "Открыто", "Open";
        col_open_value: "Сумма открытых", "Open value";
        col_won: "Выиграно", "Won";
        col_won_value: "Сумма выигранных", "Won value";
        col_lost: "Проиграно", "Lost";
        no_manager: "Без менеджера", "No manager";
        pipeline_empty: "Возможностей нет", "No opportunities";
        pipeline_empty_hint:
            "Допродажи появятся здесь, когда менеджеры запишут их на вкладке «Рост» клиентов.",
            "Upsells show here once managers record them on their clients' Growth tab.";
        share_title: "Доля допродаж", "Upsell share";
        share_hint:
            "Выигранные допродажи ÷ вся оплаченная выручка за период. Цель из практики — половина оборота от текущих клиентов.",
            "Won upsells ÷ all paid revenue in the period. The rule of thumb: half the turnover from current clients.";
        share_of: "{0} из {1}", "{0} of {1}";
        share_no_revenue: "За период оплат нет", "No payments in the period";
        opportunities: ["{0} возможность", "{0} возможности", "{0} возможностей"], ["{0} opportunity", "{0} opportunities"];
        apply: "Показать", "Show";
        forbidden:
            "Эта страница — для владельцев, администраторов и менеджеров.",
            "This page is for owners, admins and account managers.";
    }
}

texts! {
    /// The scorecard, the service catalogue and the knowledge base editor.
    pub struct GrowthCatalogue {
        // The scorecard
        scorecard_title: "Рентабельность клиентов", "Client profitability";
        scorecard_subtitle:
            "Каждый клиент по критериям от −2 до +2. Рядом — ежемесячный платёж: клиент за 30 000 ₽ бывает выгоднее клиента за 50 000 ₽.",
            "Every client marked −2 to +2 on each criterion, with the monthly fee beside it: a 30,000 ₽ client can beat a 50,000 ₽ one.";
        col_rank: "Место", "Rank";
        col_client: "Клиент", "Client";
        col_fee: "В месяц", "Monthly fee";
        col_total: "Итого", "Total";
        no_fee: "нет договора", "no contract";
        scorecard_empty: "Клиентов нет", "No clients";
        scorecard_empty_hint: "Добавьте клиентов — и оцените их здесь.", "Add clients, then mark them here.";
        criteria_title: "Критерии", "Criteria";
        criteria_hint:
            "Порядок — порядок столбцов. Убранный критерий не считается в итоге, оценки по нему сохраняются.",
            "The order is the order of the columns. A removed criterion no longer counts; its marks are kept.";
        criterion_margin: "Маржа", "Margin";
        criterion_specialist_hours: "Часы специалистов", "Specialist hours";
        criterion_account_time: "Время аккаунт-менеджера", "Account management time";
        criterion_contract_term: "Срок договора", "Contract term";
        criterion_communication: "Качество коммуникации", "Communication quality";
        criterion_prospects: "Перспективы", "Prospects";
        criterion_name: "Название", "Name";
        criterion_placeholder: "Например: отсрочка оплаты", "E.g. payment delays";
        add_criterion: "Добавить критерий", "Add a criterion";
        remove_criterion: "Убрать", "Remove";
        move_up: "Выше", "Up";
        move_down: "Ниже", "Down";
        save_criteria: "Сохранить критерии", "Save the criteria";
        criteria_saved: "Критерии сохранены.", "Criteria saved.";
        default_name_hint: "Пусто — стандартное название", "Empty: the standard name";

        // The catalogue
        services_title: "Каталог услуг", "Service catalogue";
        services_subtitle:
            "Что агентство продаёт и в каком порядке: услуга предлагается клиенту, когда всё нужное до неё у него уже было.",
            "What the agency sells and in what order: a service is suggested once the client has had everything it needs first.";
        services_empty: "Услуг пока нет", "No services yet";
        services_empty_hint:
            "Добавьте услуги и скажите, что после чего: «анализ конкурентов» до «контекстной рекламы».",
            "Add services and say what comes after what: “competitor analysis” before “contextual ads”.";
        col_service: "Услуга", "Service";
        col_kinds: "Типы проектов", "Project kinds";
        col_after: "После", "After";
        any_kind: "любые", "any";
        new_service: "Новая услуга", "New service";
        edit_service: "Услуга «{0}»", "Service “{0}”";
        add_service: "Добавить услугу", "Add the service";
        service_created: "Услуга добавлена.", "Service added.";
        service_saved: "Услуга сохранена.", "Service saved.";
        field_name: "Название", "Name";
        name_placeholder: "Например: анализ конкурентов", "E.g. competitor analysis";
        field_description: "Описание", "Description";
        field_kinds: "Для каких проектов", "For which projects";
        kinds_hint: "Ничего не выбрано — для любых.", "None chosen: any.";
        field_prereqs: "Сначала нужно", "Needs first";
        prereqs_hint: "Услуги, которые клиент должен получить раньше этой.", "Services the client must have had before this one.";
        no_other_services: "Других услуг пока нет.", "No other services yet.";
        delete_service_confirm: "Удалить услугу «{0}»?", "Delete the service “{0}”?";
        service_deleted: "Услуга удалена.", "Service deleted.";
        catalogue_read_only:
            "Каталог ведут владельцы и администраторы; вы его читаете.",
            "Owners and admins keep the catalogue; you can read it.";
        explainer_link: "Описание для клиентов", "Explainer for clients";

        // The knowledge base
        knowledge_title: "База знаний", "Knowledge base";
        knowledge_subtitle:
            "Описания услуг для клиентов: что мы делаем и чего не делаем. Опубликованные видят все контакты в портале.",
            "Service explainers for clients: what we do and what we do not. Every contact reads the published ones in the portal.";
        knowledge_empty: "Статей пока нет", "No articles yet";
        knowledge_empty_hint:
            "Напишите первую: что входит в услугу, что не входит, что нужно от клиента.",
            "Write the first one: what the service includes, what it does not, what the client provides.";
        articles: ["{0} статья", "{0} статьи", "{0} статей"], ["{0} article", "{0} articles"];
        published: "Опубликована", "Published";
        draft: "Черновик", "Draft";
        untitled: "Без названия", "Untitled";
        updated_on: "Изменена {0}", "Updated {0}";
        link_hint:
            "Ссылка для описания задачи бэклога или отчёта:",
            "To link it from a backlog item or a report, paste:";
        new_article: "Новая статья", "New article";
        edit_article: "Статья «{0}»", "Article “{0}”";
        add_article: "Создать статью", "Create the article";
        article_created: "Статья создана.", "Article created.";
        article_saved: "Статья сохранена.", "Article saved.";
        lang_ru: "Русский", "Russian";
        lang_en: "Английский", "English";
        preview: "Предпросмотр", "Preview";
        preview_hint:
            "Так статью увидят клиенты (после сохранения).",
            "How clients see the article (once saved).";
        preview_empty: "Сохраните статью, чтобы увидеть её глазами клиента.", "Save the article to see it as clients will.";
        field_article_title: "Заголовок", "Title";
        field_body: "Текст (Markdown)", "Text (Markdown)";
        body_placeholder:
            "## Что мы делаем\n…\n\n## Чего мы не делаем\n…",
            "## What we do\n…\n\n## What we do not do\n…";
        body_hint:
            "Markdown: ## заголовок, **жирный**, - список, [ссылка](https://…).",
            "Markdown: ## heading, **bold**, - list, [link](https://…).";
        field_published: "Опубликовать в портале", "Publish in the portal";
        published_hint: "Все контакты всех клиентов увидят статью.", "Every contact of every client sees the article.";
        field_article_service: "Услуга", "Service";
        delete_article_confirm: "Удалить статью «{0}»?", "Delete the article “{0}”?";
        article_deleted: "Статья удалена.", "Article deleted.";
        knowledge_read_only:
            "Статьи пишут владельцы и администраторы; вы их читаете.",
            "Owners and admins write the articles; you can read them.";
    }
}
