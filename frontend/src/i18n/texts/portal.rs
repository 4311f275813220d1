//! The client portal's home page and navigation.

texts! {
    pub struct Portal {
        nav_portal_home: "Главная", "Home";
        nav_portal_roadmap: "Карта развития", "Roadmap";
        nav_portal_backlog: "Задачи", "Backlog";
        nav_portal_reports: "Отчёты", "Reports";
        nav_portal_surveys: "Опросы", "Surveys";
        portal_welcome: "Здравствуйте, {0}!", "Welcome, {0}!";
        portal_intro:
            "Это ваш портал: здесь видно, как развивается ваш цифровой продукт, о чём мы договорились и что будет дальше.",
            "This is your portal: see how your digital product is developing, what we agreed on and what comes next.";
        portal_you_are: "Ваша роль", "Your role";
        portal_client: "Компания", "Company";
        portal_agency: "Агентство", "Agency";
        portal_approver_hint:
            "Вы принимаете решения: согласуете задачи и изменения.",
            "You make the decisions: you approve work items and changes.";
        portal_viewer_hint:
            "Вы наблюдаете за работой и можете оставлять комментарии.",
            "You follow the work and can leave comments.";
        home_reports_title: "Отчёты агентства", "The agency's reports";
        home_reports_text:
            "Что сделано за неделю или месяц, что дальше и как меняются ваши показатели.",
            "What was done each week or month, what comes next and how your numbers move.";
        portal_manager: "Ваш аккаунт-менеджер", "Your account manager";
        portal_manager_hint: "Пишите по любым вопросам о работе.", "Write to them with any question about the work.";
        portal_no_manager: "Скоро будет назначен", "Being assigned";
        portal_no_manager_hint:
            "{0} скоро представит вам аккаунт-менеджера.",
            "{0} will introduce your account manager soon.";
        portal_projects: "Ваши проекты", "Your projects";
        portal_no_projects: "Проектов пока нет", "No projects yet";
        portal_no_projects_hint:
            "Здесь появятся проекты, которые агентство ведёт для вас.",
            "Projects the agency runs for you will appear here.";
        /// `{0}` item awaits … (one)
        home_awaiting:
            ["{0} задача ждёт вашего решения", "{0} задачи ждут вашего решения", "{0} задач ждут вашего решения"],
            ["{0} item awaits your decision", "{0} items await your decision"];
        home_awaiting_hint:
            "Посмотрите оценку и стоимость и примите решение.",
            "Review the estimate and price, and decide.";
        home_awaiting_viewer:
            "Решение примет ЛПР; вы можете посмотреть задачи и задать вопросы.",
            "An approver will decide; you can read them and ask questions.";
        /// `{0}` minutes await acknowledgement (one)
        home_minutes:
            ["{0} протокол встречи ждёт подтверждения", "{0} протокола встреч ждут подтверждения", "{0} протоколов встреч ждут подтверждения"],
            ["{0} meeting's minutes await acknowledgement", "{0} meetings' minutes await acknowledgement"];
        home_minutes_hint:
            "Прочитайте решения и подтвердите протокол или оспорьте решение.",
            "Read the decisions, then acknowledge the minutes or dispute a decision.";
        home_minutes_viewer:
            "Протокол подтвердит ЛПР; вы можете его прочитать.",
            "An approver will acknowledge them; you can read them.";
        /// `{0}` new report (one)
        home_reports:
            ["{0} новый отчёт", "{0} новых отчёта", "{0} новых отчётов"],
            ["{0} new report", "{0} new reports"];
        home_reports_hint:
            "Агентство рассказало, что сделано за период и что дальше.",
            "The agency tells what was done in the period and what comes next.";
    }
}
