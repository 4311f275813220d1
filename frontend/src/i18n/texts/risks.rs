//! A client's Risks and Incidents tabs and the incident page (staff).

texts! {
    pub struct Risks {
        tab_risks: "Риски", "Risks";
        tab_incidents: "Инциденты", "Incidents";

        // The matrix
        matrix_title: "Матрица рисков", "Risk matrix";
        matrix_hint:
            "Открытые риски по вероятности и влиянию. Цвет — уровень риска: вероятность × влияние.",
            "Open risks by probability and impact. The colour is the exposure: probability × impact.";
        probability: "Вероятность", "Probability";
        impact: "Влияние", "Impact";
        probability_short: "Вер.", "P";
        impact_short: "Вл.", "I";
        exposure: "Уровень риска", "Exposure";
        exposure_short: "Ур.", "Exp.";
        cell_title:
            "Вероятность {0} × влияние {1} = {2}",
            "Probability {0} × impact {1} = {2}";
        open_risks: ["{0} открытый риск", "{0} открытых риска", "{0} открытых рисков"], ["{0} open risk", "{0} open risks"];
        summary_open: ["открытый риск", "открытых риска", "открытых рисков"], ["open risk", "open risks"];
        summary_critical: ["критический", "критических", "критических"], ["critical", "critical"];
        summary_overdue: ["просрочен", "просрочено", "просрочено"], ["overdue", "overdue"];
        filter_cell:
            "Открытые риски с вероятностью {0} и влиянием {1}",
            "Open risks with probability {0} and impact {1}";
        show_all: "Показать все", "Show all";

        // The register
        register_title: "Реестр рисков", "Risk register";
        col_risk: "Риск", "Risk";
        col_project_category: "Проект и категория", "Project and category";
        top_title: "Самые серьёзные открытые риски", "The most serious open risks";
        col_owner: "Ответственный", "Owner";
        col_due: "Срок", "Due";
        visible_badge: "Видит клиент", "Visible to client";
        visible_hint:
            "Клиент видит этот риск в портале (без ответственного).",
            "The client sees this risk in the portal (without the owner).";
        overdue_hint: "Срок прошёл, а риск всё ещё открыт", "Past its due date and still open";
        no_owner: "Не назначен", "Unassigned";
        no_risks: "Рисков пока нет", "No risks yet";
        no_risks_hint:
            "Запишите, что может помешать работе: смена требований, уход человека из команды, недоступность клиента…",
            "Write down what could get in the way: changing requirements, someone leaving the team, the client being unavailable…";
        read_only:
            "Вы можете смотреть реестр, но не менять его.",
            "You can view the register but not change it.";
        delete_confirm: "Удалить риск «{0}»?", "Delete the risk “{0}”?";
        risk_deleted: "Риск удалён.", "Risk deleted.";

        // The risk form
        new_risk: "Новый риск", "New risk";
        edit_risk: "Риск «{0}»", "Risk “{0}”";
        add_risk: "Добавить риск", "Add the risk";
        risk_created: "Риск добавлен.", "Risk added.";
        risk_saved: "Риск сохранён.", "Risk saved.";
        field_title: "Что может случиться", "What could happen";
        title_placeholder:
            "Например: клиент задерживает согласование макетов",
            "E.g. the client is slow to approve the mock-ups";
        field_category: "Категория", "Category";
        field_project: "Проект", "Project";
        whole_client: "Без проекта — клиент в целом", "No project — the client as a whole";
        probability_hint: "1 — маловероятно, 5 — почти наверняка", "1 unlikely … 5 almost certain";
        impact_hint: "1 — почти незаметно, 5 — сорвёт проект", "1 barely noticeable … 5 derails the project";
        field_mitigation: "Как снижаем", "Mitigation";
        mitigation_placeholder:
            "Что делаем, чтобы риск не случился или ударил слабее",
            "What we do so it does not happen, or hurts less";
        field_owner: "Ответственный", "Owner";
        field_due: "Срок", "Due";
        field_status: "Статус", "Status";
        field_visible: "Показывать клиенту в портале", "Show to the client in the portal";
        field_visible_hint:
            "Клиент увидит название, категорию, оценки, меры и срок — но не ответственного.",
            "The client sees the title, category, scores, mitigation and due date — not the owner.";
        field_value: "Проверьте поле «{0}».", "Check “{0}”.";

        // The incidents list
        incidents_title: "Инциденты", "Incidents";
        incidents_hint:
            "Ошибки агентства и пять шагов по каждой: признать и сообщить клиенту, оценить ущерб, предложить план, исправить, предотвратить повторение.",
            "The agency's mistakes, each taken through five steps: admit it and tell the client, assess the damage, propose a fix, carry it out, prevent it happening again.";
        no_incidents: "Инцидентов нет", "No incidents";
        no_incidents_hint:
            "Если что-то пошло не так, запишите инцидент и проведите его через пять шагов.",
            "If something went wrong, record an incident and take it through the five steps.";
        col_incident: "Инцидент", "Incident";
        col_step: "Шаг", "Step";
        col_detected: "Обнаружен", "Found";
        col_open_for: "Открыт", "Open for";
        step_count: "{0} из 5", "{0} of 5";
        next_named: "Дальше: {0}", "Next: {0}";
        days: ["{0} день", "{0} дня", "{0} дней"], ["{0} day", "{0} days"];
        too_long: "Слишком долго", "Open too long";
        too_long_hint:
            "Инцидент не прошёл пять шагов за срок, принятый в агентстве.",
            "Not through the five steps within the agency's limit.";
        closed_badge: "Закрыт", "Closed";
        not_told_badge: "Клиент не знает", "Client not told";
        not_told_hint:
            "Клиенту ещё не сообщили — это первый шаг.",
            "The client has not been told yet: that is the first step.";

        // Recording an incident
        record_title: "Записать инцидент", "Record an incident";
        record_hint:
            "Пока вы не сообщите клиенту (шаг 1), инцидент видит только агентство.",
            "Until you tell the client (step 1), only the agency sees it.";
        field_incident_title: "Что случилось", "What happened";
        incident_title_placeholder:
            "Например: рассылка ушла с неверной ценой",
            "E.g. the newsletter went out with the wrong price";
        field_description: "Подробности для агентства", "Details for the agency";
        field_detected_at: "Когда обнаружили", "When it was found";
        record_submit: "Записать инцидент", "Record the incident";

        // The incident page
        back_to_incidents: "Все инциденты", "All incidents";
        incident_missing: "Инцидент недоступен", "This incident is not available";
        incident_missing_hint:
            "Возможно, он записан у другого клиента или у вас нет к нему доступа.",
            "It may belong to another client, or you may have no access to it.";
        found_at: "Обнаружен {0}", "Found {0}";
        recorded_by: "Записал(а) {0}", "Recorded by {0}";
        internal_details: "Подробности (видны только агентству)", "Details (agency only)";
        notify_time: "От обнаружения до сообщения клиенту", "From detection to telling the client";
        notify_waiting: "Клиенту ещё не сообщили", "The client has not been told yet";
        minutes: ["{0} минута", "{0} минуты", "{0} минут"], ["{0} minute", "{0} minutes"];
        hours: ["{0} час", "{0} часа", "{0} часов"], ["{0} hour", "{0} hours"];
        steps_title: "Пять шагов", "The five steps";
        step_waiting: "Ждёт предыдущих шагов", "After the steps before it";
        step_next: "Следующий шаг", "Next step";
        all_done: "Все пять шагов пройдены.", "All five steps are done.";
        read_only_steps:
            "Вы можете смотреть инцидент, но не записывать шаги.",
            "You can view this incident but not take its steps.";
        wrong_step:
            "Этот шаг уже записан или ещё рано — обновите страницу.",
            "This step is already recorded or not due yet: reload the page.";
        step_saved: "Шаг записан.", "Step recorded.";
        empty_step: "Заполните поле, чтобы записать шаг.", "Fill in the field to record the step.";

        // Step 1
        message_label: "Сообщение клиенту", "Message to the client";
        message_hint:
            "Этот текст клиент прочитает в портале, а контактам с правом согласования уйдёт письмо.",
            "The client reads this text in the portal, and the contacts who approve get an email.";
        message_placeholder:
            "Признайте ошибку прямо: что случилось, что уже делаете, когда вернётесь с оценкой.",
            "Admit the mistake plainly: what happened, what you are already doing, when you will be back with an assessment.";
        notify_submit: "Сообщить клиенту", "Tell the client";
        notify_confirm:
            "Клиент увидит сообщение в портале, а согласующим контактам уйдёт письмо. Отправить?",
            "The client will see the message in the portal and the approvers will be emailed. Send it?";
        notify_send: "Отправить", "Send";
        // Step 2
        damage_hint:
            "Хотя бы одно: как ошибка сказалась на сроках, качестве, результате и репутации клиента.",
            "At least one: how the mistake affects the timeline, the quality, the result and the client's reputation.";
        assess_submit: "Сохранить оценку ущерба", "Save the assessment";
        // Step 3
        plan_label: "План исправления", "Fix plan";
        plan_hint:
            "Клиент увидит план в портале и сможет его подтвердить.",
            "The client sees the plan in the portal and can acknowledge it.";
        plan_submit: "Предложить план", "Propose the plan";
        plan_acknowledged: "Клиент подтвердил план: {0}, {1}", "The client acknowledged the plan: {0}, {1}";
        plan_not_acknowledged: "Клиент ещё не подтвердил план.", "The client has not acknowledged the plan yet.";
        // Step 4
        fix_label: "Что сделано", "What was done";
        fix_hint: "Для агентства: как исправили.", "For the agency: how it was fixed.";
        fix_submit: "Отметить исправленным", "Mark as fixed";
        // Step 5
        measures_label: "Меры, чтобы не повторилось", "Measures so it does not happen again";
        share_label: "Показать меры клиенту", "Share with the client";
        share_hint:
            "Клиент увидит меры в портале рядом с инцидентом.",
            "The client sees the measures in the portal next to the incident.";
        prevent_submit: "Записать меры и закрыть", "Record the measures and close";
        shared_badge: "Показано клиенту", "Shared with the client";
        internal_badge: "Только для агентства", "Agency only";
    }
}
