//! The account page: name, language and password.

texts! {
    pub struct Account {
        account_title: "Аккаунт", "Account";
        profile: "Профиль", "Profile";
        language_hint: "Язык интерфейса и писем.", "The language of the interface and emails.";
        change_password: "Смена пароля", "Change password";
        current_password: "Текущий пароль", "Current password";
        new_password: "Новый пароль", "New password";
        repeat_password: "Повторите новый пароль", "Repeat new password";
        password_submit: "Сменить пароль", "Change password";
        password_changed:
            "Пароль изменён. Остальные сеансы завершены.",
            "Password changed. Your other sessions were signed out.";
        passwords_differ: "Пароли не совпадают.", "The passwords do not match.";
        password_length:
            [
                "Пароль должен содержать от {0} до {1} символа.",
                "Пароль должен содержать от {0} до {1} символов.",
                "Пароль должен содержать от {0} до {1} символов."
            ],
            ["The password must be {0} to {1} character long.", "The password must be {0} to {1} characters long."];
        your_name: "Ваше имя", "Your name";
        your_name_hint: "Это имя видят коллеги и клиенты.", "Colleagues and clients see this name.";
        save_name: "Сохранить имя", "Save name";
        name_saved: "Имя сохранено.", "Name saved.";
    }
}
