//! Words every page uses: buttons, states, the shell around the pages, paging.

texts! {
    pub struct Common {
        loading: "Загрузка…", "Loading…";
        retry: "Повторить", "Retry";
        cancel: "Отмена", "Cancel";
        confirm: "Подтвердить", "Confirm";
        saving: "Сохраняем…", "Saving…";
        saved: "Сохранено", "Saved";
        sending: "Отправляем…", "Sending…";
        create: "Создать", "Create";
        creating: "Создаём…", "Creating…";
        add: "Добавить", "Add";
        adding: "Добавляем…", "Adding…";
        edit: "Изменить", "Edit";
        save: "Сохранить", "Save";
        close_edit: "Закрыть", "Close";
        delete: "Удалить", "Delete";
        any: "Все", "Any";
        never: "никогда", "never";
        someone: "Кто-то", "Someone";
        not_set: "Не задано", "Not set";
        you: "вы", "you";
        status: "Статус", "Status";
        name: "Имя", "Name";
        email: "Эл. почта", "Email";
        password: "Пароль", "Password";
        role: "Роль", "Role";
        actions: "Действия", "Actions";
        col_name: "Название", "Name";
        col_created: "Создан", "Created";
        no_matches: "Ничего не найдено", "Nothing found";
        no_matches_hint: "Попробуйте изменить запрос.", "Try a different search.";
        reset_filters: "Сбросить фильтры", "Reset filters";
        from_day: "с", "from";
        until_day: "до", "until";
        prev_page: "Назад", "Previous";
        next_page: "Вперёд", "Next";
        range_of: "{0}–{1} из {2}", "{0}–{1} of {2}";
        not_found_title: "Страница не найдена", "Page not found";
        not_found_text:
            "Такой страницы нет. Возможно, ссылка устарела или в адресе опечатка.",
            "There is no such page. The link may be outdated or the address mistyped.";
        go_home: "На главную", "Go home";
        nav_clients: "Клиенты", "Clients";
        nav_team: "Команда", "Team";
        nav_standard: "Ниже стандарта", "Below standard";
        platform_label: "Платформа", "Platform";
        portal_footer: "Клиентский портал на Accord", "Client portal powered by Accord";
        menu_account: "Аккаунт", "Account";
        sign_out: "Выйти", "Sign out";
        language: "Язык", "Language";
        lang_ru: "Русский", "Русский";
        lang_en: "English", "English";
        open_menu: "Меню аккаунта", "Account menu";
    }
}
