//! The team page: staff, their roles, invitations to colleagues and the agency settings.

texts! {
    pub struct Team {
        team_title: "Команда", "Team";
        team_subtitle: "Сотрудники агентства, их роли и доступ.", "Your agency's staff, their roles and access.";
        disable: "Отключить", "Disable";
        enable: "Включить", "Enable";
        confirm_disable:
            "Отключить «{0}»? Сотрудник не сможет войти.",
            "Disable “{0}”? They will no longer be able to sign in.";
        team_forbidden:
            "Раздел доступен только владельцу и администраторам агентства.",
            "Only the agency's owners and admins can open this page.";
        role_changed: "Роль изменена.", "Role changed.";
        invite_colleague: "Пригласить коллегу", "Invite a colleague";
        invite_colleague_hint:
            "Мы отправим ссылку, действующую 7 дней; пароль коллега задаст сам.",
            "We will email a link valid for 7 days; they set their own password.";
        invite_send: "Отправить приглашение", "Send invitation";
        pending_invitations: "Ожидающие приглашения", "Pending invitations";
        no_invitations: "Ожидающих приглашений нет", "No pending invitations";
        no_invitations_hint:
            "Отправленные приглашения видны здесь, пока их не примут.",
            "Invitations you send stay here until they are accepted.";
        col_expires: "Действует до", "Valid until";
        col_sent: "Отправлено", "Sent";
        agency_settings: "Настройки агентства", "Agency settings";
        managers_see_all: "Аккаунт-менеджеры видят всех клиентов", "Account managers can see all clients";
        managers_see_all_hint:
            "Если включено, аккаунт-менеджеры могут открыть любого клиента агентства только для чтения, а изменять — лишь своих. Если выключено, они видят только своих клиентов.",
            "When on, account managers can open every client of the agency read-only and change only their own. When off, they see just the clients they manage.";
        settings_saved: "Настройка сохранена.", "Setting saved.";
        ack_days: "Дней на подтверждение протокола", "Days to acknowledge minutes";
        ack_days_hint:
            "Опубликованный протокол без подтверждения клиента дольше этого срока отмечается в списках (1–30 дней).",
            "Published minutes the client has not acknowledged for longer are flagged in the lists (1–30 days).";
        report_due_days: "Рабочих дней на сдачу отчёта", "Working days to deliver a report";
        report_due_days_hint:
            "Отчёт за период нужно опубликовать не позже чем через столько рабочих дней (пн–пт) после его конца; 0 — в последний день периода (0–10).",
            "A period's report is due this many working days (Mon–Fri) after the period ends; 0 means on its last day (0–10).";
        report_read_days: "Дней на прочтение отчёта", "Days for a report to be opened";
        report_read_days_hint:
            "Опубликованный отчёт, который никто из клиента не открыл дольше этого срока, отмечается в списках (1–30 дней).",
            "A published report nobody at the client has opened for longer is flagged in the lists (1–30 days).";
        report_auto_draft: "Черновик отчёта в день срока", "Draft each report on its due date";
        report_auto_draft_hint:
            "В день срока Accord сам соберёт черновик отчёта из работы за период и пришлёт менеджеру клиента письмо. Клиент ничего не увидит, пока отчёт не проверят и не опубликуют.",
            "On the due date Accord drafts the report from the period's work and mails the client's manager. The client sees nothing until someone reviews and publishes it.";
        report_due_range: "Введите целое число от 0 до 10.", "Enter a whole number from 0 to 10.";
        report_read_range: "Введите целое число от 1 до 30.", "Enter a whole number from 1 to 30.";
        save_setting: "Сохранить", "Save";
        role_owner: "Владелец", "Owner";
        role_admin: "Администратор", "Admin";
        role_account_manager: "Аккаунт-менеджер", "Account manager";
        role_specialist: "Специалист", "Specialist";
    }
}
