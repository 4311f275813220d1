//! The platform operator's pages: agencies, creating one, suspending it.

texts! {
    pub struct Platform {
        agencies_title: "Агентства", "Agencies";
        agencies_subtitle: "Агентства на платформе и их использование.", "Agencies on the platform and their usage.";
        new_agency: "Новое агентство", "New agency";
        slug: "Slug", "Slug";
        col_staff: "Сотрудники", "Staff";
        col_clients: "Клиенты", "Clients";
        default_locale: "Язык по умолчанию", "Default language";
        time_zone: "Часовой пояс", "Time zone";
        agency_owner_name: "Имя владельца", "Owner's name";
        owner_email: "Эл. почта владельца", "Owner's email";
        owner_password: "Пароль владельца", "Owner's password";
        suspend: "Приостановить", "Suspend";
        reactivate: "Возобновить", "Reactivate";
        confirm_suspend:
            "Приостановить «{0}»? Сотрудники и клиенты агентства не смогут войти.",
            "Suspend “{0}”? Its staff and clients will not be able to sign in.";
        agency_created: "Агентство создано.", "Agency created.";
        no_agencies: "Агентств пока нет", "No agencies yet";
        no_agencies_hint: "Создайте первое агентство с помощью формы.", "Create the first agency with the form.";
        agency_active: "Активно", "Active";
        agency_suspended: "Приостановлено", "Suspended";
    }
}
