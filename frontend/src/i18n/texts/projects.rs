//! A client's projects tab: kinds, statuses, dates, budgets and teams.

texts! {
    pub struct Projects {
        projects_title: "Проекты", "Projects";
        project_name: "Проект", "Project";
        project_dates: "Сроки", "Dates";
        kind: "Тип", "Type";
        starts_on: "Начало", "Starts";
        ends_on: "Окончание", "Ends";
        budget: "Бюджет", "Budget";
        budget_rub: "Бюджет, ₽", "Budget, ₽";
        budget_placeholder: "150 000,00", "150 000,00";
        budget_shared: "Показывать бюджет в клиентском портале", "Show the budget in the client portal";
        budget_shared_hint:
            "Иначе бюджет остаётся внутренним: клиент видит проект без суммы.",
            "Otherwise the budget stays internal: the client sees the project without the amount.";
        budget_shared_short: "виден клиенту", "visible to the client";
        team: "Команда", "Team";
        team_hint:
            "Специалисты из команды видят этого клиента и могут записывать касания.",
            "Specialists on the team can see this client and log touchpoints.";
        no_team: "Пока никого", "No one yet";
        no_projects: "Проектов пока нет", "No projects yet";
        no_projects_hint:
            "Добавьте работы клиента: сайт, SEO, рекламу или приложение.",
            "Add the client's site, SEO, ads or app work.";
        new_project: "Новый проект", "New project";
        edit_project: "Изменить «{0}»", "Edit “{0}”";
        create_project: "Создать проект", "Create project";
        project_created: "Проект создан.", "Project created.";
        project_saved: "Проект сохранён.", "Project saved.";
        project_website: "Сайт", "Website";
        project_seo: "SEO", "SEO";
        project_ads: "Реклама", "Ads";
        project_app: "Приложение", "App";
        project_other: "Другое", "Other";
        project_planned: "Запланирован", "Planned";
        project_active: "В работе", "Active";
        project_paused: "На паузе", "Paused";
        project_done: "Завершён", "Done";
    }
}
