//! Surveys for staff: the agency's survey settings.

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
    }
}
