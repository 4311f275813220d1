//! Words about reports both the staff app and the portal use: kinds, states, section kinds, the
//! KPI table, the period's numbers, the questions thread, the PDF links.

texts! {
    pub struct Reports {
        kind_weekly: "Недельный", "Weekly";
        kind_monthly: "Месячный", "Monthly";
        status_draft: "Черновик", "Draft";
        status_published: "Опубликован", "Published";
        section_done: "Что сделано", "Done";
        section_planned: "Что запланировано", "Planned";
        section_problems: "Проблемы и риски", "Problems and risks";
        section_kpis: "Показатели", "KPIs";
        section_free: "Свободный раздел", "Free section";
        revision: "Редакция {0}", "Revision {0}";
        published_at: "Опубликован {0}", "Published {0}";
        kpi_title: "Показатели (KPI)", "KPIs";
        kpi_goal: "Цель", "Goal";
        kpi_start: "На начало", "At the start";
        kpi_end: "На конец", "At the end";
        kpi_change: "Изменение", "Change";
        kpi_progress: "Путь к цели", "Progress";
        kpi_toward: "к цели", "toward the target";
        kpi_away: "от цели", "away from the target";
        kpi_flat: "без изменений", "no change";
        kpi_target: "цель {0}", "target {0}";
        no_kpis: "Целей с показателями нет", "No goals with KPIs";
        stats_title: "Период в цифрах", "The period in numbers";
        stat_done: "Сделано задач", "Items done";
        stat_planned: "Запланировано", "Planned";
        stat_promises: "Обещания в срок", "Promises kept";
        stat_promises_value: "{0} из {1}", "{0} of {1}";
        stat_meetings: "Встреч проведено", "Meetings held";
        pdf_ru: "PDF на русском", "PDF in Russian";
        pdf_en: "PDF на английском", "PDF in English";
        questions_title: "Вопросы по отчёту", "Questions on the report";
        no_questions: "Вопросов пока нет", "No questions yet";
        question_answered: "Есть ответ", "Answered";
        question_open: "Ждёт ответа", "Awaiting an answer";
        from_agency: "Агентство", "Agency";
        from_client: "Клиент", "Client";
        noted_as_idea: "Записано в идеи: {0}", "Noted as an idea: {0}";
        reports_count:
            ["{0} отчёт", "{0} отчёта", "{0} отчётов"],
            ["{0} report", "{0} reports"];
        questions_count:
            ["{0} вопрос", "{0} вопроса", "{0} вопросов"],
            ["{0} question", "{0} questions"];
        field_title: "Заголовок", "Title";
        field_body: "Текст", "Text";
        field_sections: "Разделы", "Sections";
        field_period_of: "День периода", "A day in the period";
        field_project: "Проект", "Project";
        field_notify: "Кому отправить", "Whom to mail";
        field_question: "Вопрос", "Question";
    }
}

#[cfg(test)]
mod tests {
    use super::Reports;

    #[test]
    fn counts_of_reports_and_questions_read_naturally() {
        let (ru, en) = (Reports::RU, Reports::EN);
        assert_eq!(ru.reports_count.count(1), "1 отчёт");
        assert_eq!(ru.reports_count.count(3), "3 отчёта");
        assert_eq!(ru.reports_count.count(5), "5 отчётов");
        assert_eq!(ru.reports_count.count(21), "21 отчёт");
        assert_eq!(ru.questions_count.count(1), "1 вопрос");
        assert_eq!(ru.questions_count.count(2), "2 вопроса");
        assert_eq!(ru.questions_count.count(11), "11 вопросов");
        assert_eq!(en.reports_count.count(1), "1 report");
        assert_eq!(en.questions_count.count(4), "4 questions");
    }
}
