//! The portal's reports pages: the list with the KPI trend, and one report with its questions.

texts! {
    pub struct PortalReports {
        title: "Отчёты", "Reports";
        intro:
            "Отчёты агентства за неделю или месяц: что сделано, что дальше и как меняются ваши показатели.",
            "The agency's reports on each week or month: what was done, what comes next and how your numbers move.";
        list_title: "Опубликованные отчёты", "Published reports";
        no_reports: "Отчётов пока нет", "No reports yet";
        no_reports_hint:
            "Когда агентство опубликует отчёт, он появится здесь, а вам придёт письмо.",
            "When the agency publishes a report it appears here, and you get an email.";
        new_badge: "Новый", "New";
        new_hint: "Вы ещё не открывали этот отчёт.", "You have not opened this report yet.";
        trend_title: "Динамика показателей", "How your KPIs move";
        trend_hint:
            "Значение каждой цели на конец каждого периода из опубликованных отчётов; пунктир — цель.",
            "Each goal's value at the end of each reported period; the dashed line is the target.";
        trend_label: "Динамика: {0}", "Trend: {0}";
        trend_latest: "Сейчас: {0}", "Latest: {0}";
        trend_one: "Линия появится со вторым отчётом.", "The line appears with the second report.";
        trend_target: "Цель: {0}", "Target: {0}";
        back_to_reports: "Все отчёты", "All reports";
        report_missing: "Отчёт недоступен", "This report is not available";
        report_missing_hint:
            "Возможно, агентство ещё не опубликовало его.",
            "The agency may not have published it yet.";
        from_agency: "Отчёт агентства {0}", "A report from {0}";
        changed_notice:
            "Агентство обновило отчёт после первой публикации: изменённые разделы отмечены.",
            "The agency updated this report after first publishing it: changed sections are marked.";
        section_changed: "Изменён", "Changed";
        no_sections: "В отчёте нет разделов.", "The report has no sections.";
        no_questions_hint:
            "Если что-то непонятно — спросите, агентство ответит здесь.",
            "If anything is unclear, ask: the agency answers here.";
        ask_label: "Ваш вопрос по отчёту", "Your question about the report";
        ask_hint:
            "Вопрос увидит агентство, ответ появится здесь.",
            "The agency sees your question and answers here.";
        ask_submit: "Отправить вопрос", "Send the question";
        ask_sent: "Вопрос отправлен агентству.", "Your question was sent to the agency.";
        ask_empty: "Напишите вопрос.", "Write your question.";
    }
}
