//! What a failed call or a refused form says: one text per API error code, and the checks made here.

texts! {
    pub struct Errors {
        unauthenticated: "Сеанс завершён. Войдите снова.", "Your session has ended. Please sign in again.";
        invalid_credentials: "Неверная эл. почта или пароль.", "Wrong email or password.";
        agency_choice_required: "Выберите агентство.", "Choose an agency.";
        agency_suspended:
            "Агентство приостановлено. Обратитесь к оператору платформы.",
            "This agency is suspended. Contact the platform operator.";
        account_disabled:
            "Эта учётная запись отключена. Обратитесь к администратору агентства.",
            "This account is disabled. Ask your agency's administrator.";
        forbidden: "Недостаточно прав для этого действия.", "You are not allowed to do this.";
        csrf_rejected:
            "Запрос отклонён из соображений безопасности. Обновите страницу.",
            "The request was rejected for security reasons. Reload the page.";
        not_found: "Не найдено.", "Not found.";
        conflict:
            "Конфликт с текущим состоянием данных. Обновите страницу.",
            "This conflicts with the current data. Reload the page.";
        already_exists: "Такая запись уже существует.", "Such a record already exists.";
        validation_field: "Проверьте поле «{0}».", "Check the “{0}” field.";
        validation: "Проверьте введённые данные.", "Check the data you entered.";
        malformed_json: "Некорректный запрос.", "Malformed request.";
        too_large:
            "Слишком большой объём: файл — не больше 10 МБ.",
            "That is too much at once: a file may be at most 10 MB.";
        rate_limited_in:
            [
                "Слишком много попыток. Повторите через {0} секунду.",
                "Слишком много попыток. Повторите через {0} секунды.",
                "Слишком много попыток. Повторите через {0} секунд."
            ],
            ["Too many attempts. Try again in {0} second.", "Too many attempts. Try again in {0} seconds."];
        rate_limited: "Слишком много попыток. Повторите позже.", "Too many attempts. Try again later.";
        password_too_short: "Пароль слишком короткий.", "The password is too short.";
        password_too_long: "Пароль слишком длинный.", "The password is too long.";
        password_too_common:
            "Этот пароль слишком распространён. Выберите другой.",
            "This password is too common. Choose another one.";
        wrong_password: "Текущий пароль введён неверно.", "The current password is wrong.";
        signup_closed: "Регистрация закрыта.", "Sign-up is closed.";
        last_owner: "В агентстве должен остаться хотя бы один владелец.", "The agency must keep at least one owner.";
        cannot_change_self:
            "Нельзя менять собственную роль или доступ.",
            "You cannot change your own role or access.";
        already_has_access:
            "У этого человека уже есть доступ: учётная запись с этим адресом существует.",
            "This person already has access: an account with this email exists.";
        invitation_exists:
            "Приглашение на этот адрес уже ждёт ответа. Отправьте его ещё раз.",
            "An invitation to this email is already waiting. Resend it instead.";
        link_expired: "Срок действия ссылки истёк.", "This link has expired.";
        link_used: "Это приглашение уже использовано.", "This invitation was already used.";
        link_revoked: "Это приглашение отозвано.", "This invitation was withdrawn.";
        link_invalid: "Ссылка недействительна.", "This link is not valid.";
        internal: "Ошибка на сервере. Попробуйте ещё раз.", "Server error. Please try again.";
        unavailable: "Сервис временно недоступен.", "The service is temporarily unavailable.";
        network: "Нет связи с сервером. Проверьте подключение.", "Cannot reach the server. Check your connection.";
        bad_response: "Сервер вернул неожиданный ответ.", "The server sent an unexpected answer.";
        stale_version:
            "Пока вы смотрели, кто-то изменил эту запись. Обновите её и повторите.",
            "Someone changed this record while you were looking. Reload it and try again.";
        invalid_transition:
            "Из текущего статуса так перевести задачу нельзя.",
            "The item cannot move to that status from where it is now.";
        change_request_not_approved:
            "Запрос на изменение нельзя планировать или начинать, пока клиент не согласовал цену.",
            "A change request cannot be scheduled or started before the client approves its price.";
        estimate_locked:
            "Оценку начатой или завершённой задачи менять нельзя.",
            "The estimate of a started or finished item cannot change.";
        not_awaiting_decision:
            "Эта задача уже не ждёт решения клиента.",
            "This item is no longer waiting for the client's decision.";
        reason_required: "Укажите причину отказа.", "Give a reason for declining.";
        price_required: "У запроса на изменение должна быть цена.", "A change request needs a price.";
        too_late:
            "Новый срок можно согласовать только до наступления старого.",
            "A new date can only be agreed before the old one has passed.";
        wrong_step:
            "Шаги инцидента идут по порядку: уведомить, оценить, план, исправить, предотвратить. Обновите страницу.",
            "Incident steps go in order: notify, assess, plan, carry out, prevent. Reload the page.";
        no_plan: "План исправления ещё не предложен.", "No fix plan has been proposed yet.";
        already_acknowledged: "План уже подтверждён.", "The plan has been acknowledged already.";
        import_rejected:
            "В файле есть ошибки — ничего не импортировано.",
            "The file has errors, so nothing was imported.";
        amount: "Введите сумму в рублях, например 150 000,50.", "Enter the amount in roubles, e.g. 150 000,50.";
        future: "Касание не может быть в будущем.", "A touchpoint cannot be in the future.";
        end_before_start: "Окончание не может быть раньше начала.", "The end cannot come before the start.";
        cadence_range: "Укажите число дней от 1 до 365.", "Use a number of days from 1 to 365.";
        bad_manager:
            "Выберите активного владельца, администратора или аккаунт-менеджера.",
            "Choose an active owner, admin or account manager.";
        field_email: "Эл. почта", "Email";
        field_password: "Пароль", "Password";
        field_slug: "Slug", "Slug";
        field_time_zone: "Часовой пояс", "Time zone";
    }
}
