//! The roadmap, in the staff tab and in the portal: points A and B, goals, stages.

texts! {
    pub struct Roadmap {
        points_title: "Из точки А в точку Б", "From point A to point B";
        point_a: "Точка А", "Point A";
        point_a_hint: "Где бизнес клиента сейчас", "Where the client's business is today";
        point_b: "Точка Б", "Point B";
        point_b_hint: "Куда клиент хочет прийти", "Where the client wants to be";
        point_empty: "Пока не описана", "Not described yet";
        points_empty_title: "Точки А и Б ещё не описаны", "Points A and B are not described yet";
        points_empty_hint:
            "Точка А — где бизнес клиента сейчас, точка Б — где он хочет быть. Карта развития — это путь между ними.",
            "Point A is where the client's business is today, point B is where it wants to be. The roadmap is how you get there.";
        describe_points: "Описать точки А и Б", "Describe points A and B";
        points_mark: "А → Б", "A → B";
        save_points: "Сохранить точки", "Save points";
        reload_points:
            "Загрузить сохранённую версию (ваши правки здесь пропадут)",
            "Load the saved version (your edits here are dropped)";
        points_saved: "Точки А и Б сохранены.", "Points A and B saved.";
        markdown_hint:
            "Поддерживается Markdown: **жирный**, *курсив*, списки через «- », ссылки [текст](https://…).",
            "Markdown works: **bold**, *italic*, lists with \"- \", links [text](https://…).";
        point_a_placeholder:
            "Например: 40 заявок в месяц, сайт медленный, реклама не окупается…",
            "E.g. 40 leads a month, a slow website, ads that do not pay off…";
        point_b_placeholder:
            "Например: 120 заявок в месяц через полгода, окупаемость рекламы от 300 %…",
            "E.g. 120 leads a month in six months, a return on ad spend above 300%…";
        changed_by: "Изменено: {0}, {1}", "Last changed by {0}, {1}";
        changed_on: "Изменено {0}", "Last changed {0}";
        goals_title: "Цели и показатели", "Goals and KPIs";
        goals_empty_title: "Целей пока нет", "No goals yet";
        goals_empty_hint:
            "Цель с измеримым показателем показывает клиенту, что работа ведёт его к точке Б.",
            "A goal with a measurable KPI shows the client that the work moves them towards point B.";
        goal_name: "Название цели", "Goal";
        goal_name_placeholder: "Например: заявки с сайта", "E.g. leads from the website";
        goal_unit: "Единица", "Unit";
        goal_unit_placeholder: "%, ₽, заявок/мес", "%, ₽, leads/month";
        goal_baseline: "База", "Baseline";
        goal_target: "Цель", "Target";
        goal_current: "Сейчас", "Current";
        goal_baseline_field: "Базовое значение", "Baseline";
        goal_target_field: "Целевое значение", "Target";
        goal_no_data: "Данных пока нет", "No data yet";
        goal_new: "Новая цель", "New goal";
        goal_edit: "Изменить цель «{0}»", "Edit goal “{0}”";
        goal_add: "Добавить цель", "Add goal";
        goal_created: "Цель добавлена.", "Goal added.";
        goal_saved: "Цель сохранена.", "Goal saved.";
        goal_delete_confirm:
            "Удалить цель «{0}» вместе со всеми замерами?",
            "Delete the goal “{0}” with all its measured values?";
        goal_deleted: "Цель удалена.", "Goal deleted.";
        value: "Значение", "Value";
        measured_on: "Дата замера", "Measured on";
        record_value: "Записать замер", "Record value";
        value_recorded: "Замер записан.", "Value recorded.";
        value_hint: "Второй замер в тот же день заменит первый.", "A second value on the same day replaces the first.";
        last_measured: "Последний замер: {0}", "Last measured {0}";
        last_measured_by: "Последний замер: {0}, {1}", "Last measured {0} by {1}";
        trend: "Динамика: {0}", "Trend: {0}";
        trend_legend: "пунктир — база и цель", "dashed lines: baseline and target";
        err_number: "Введите число, например 2,5.", "Enter a number, e.g. 2.5.";
        err_required: "Заполните поле «{0}».", "Fill in “{0}”.";
        err_date: "Укажите дату.", "Enter a date.";
        stages_title: "Этапы", "Stages";
        stages_empty_title: "Этапов пока нет", "No stages yet";
        stages_empty_hint:
            "Этапы раскладывают путь из точки А в точку Б по времени; задачи бэклога привязываются к этапам.",
            "Stages lay the path from point A to point B out in time; backlog items are linked to them.";
        stage_title: "Название этапа", "Stage title";
        stage_title_placeholder: "Например: аудит и быстрые победы", "E.g. Audit and quick wins";
        stage_planned: "Запланирован", "Planned";
        stage_active: "Идёт", "In progress";
        stage_done: "Завершён", "Done";
        stage_new: "Новый этап", "New stage";
        stage_edit: "Изменить этап «{0}»", "Edit stage “{0}”";
        stage_add: "Добавить этап", "Add stage";
        stage_created: "Этап добавлен.", "Stage added.";
        stage_saved: "Этап сохранён.", "Stage saved.";
        stage_deleted: "Этап удалён, его задачи остались в бэклоге.", "Stage deleted; its items stay in the backlog.";
        stage_delete_confirm:
            "Удалить этап «{0}»? Задачи бэклога не удалятся — они только отвяжутся от этапа.",
            "Delete the stage “{0}”? Its backlog items are not deleted, only unlinked from the stage.";
        done_of: "Готово {0} из {1}", "{0} of {1} done";
        no_items: "Задачи ещё не привязаны", "No linked items yet";
        nothing_counted: "Пока только идеи или отклонённые задачи", "Only ideas or declined items so far";
        no_items_hint:
            "Привяжите задачи к этапу в бэклоге проекта.",
            "Link items to this stage in a project's backlog.";
        today: "Сегодня", "Today";
        timeline_label: "Этапы на шкале времени", "Stages on a time axis";
        portal_point_a_hint: "Где ваш бизнес сейчас", "Where your business is today";
        portal_point_b_hint: "Куда вы хотите прийти", "Where you want to be";
        portal_intro:
            "Путь вашего бизнеса из точки А в точку Б: цели с измеримыми показателями и этапы работ.",
            "Your business's path from point A to point B: goals with measurable KPIs and the stages of work.";
        portal_empty_title: "Карта развития ещё готовится", "Your roadmap is being prepared";
        portal_empty_hint:
            "Агентство опишет, где ваш бизнес сейчас (точка А) и куда он движется (точка Б), и разложит путь на этапы. Загляните позже.",
            "The agency will describe where your business is today (point A) and where it is heading (point B), and lay the path out in stages. Check back soon.";
        portal_points_empty: "Агентство ещё описывает точки А и Б.", "The agency is still describing points A and B.";
        portal_no_goals:
            "Цели с измеримыми показателями появятся здесь.",
            "Goals with measurable KPIs will appear here.";
        portal_no_stages: "Этапы работ появятся здесь.", "The stages of work will appear here.";
    }
}
