//! Signing in and up, resetting a password, and following an invitation link.

texts! {
    pub struct Auth {
        sign_in_title: "Вход в Accord", "Sign in to Accord";
        sign_in_subtitle:
            "Долгосрочная работа агентства с клиентами в одном месте.",
            "Long-term agency–client partnerships in one place.";
        sign_in_submit: "Войти", "Sign in";
        signing_in: "Входим…", "Signing in…";
        no_account: "Ещё нет аккаунта?", "No account yet?";
        sign_up_link: "Зарегистрировать агентство", "Register an agency";
        choose_agency: "Агентство", "Agency";
        choose_agency_hint:
            "Этот адрес есть в нескольких агентствах. Выберите, куда войти.",
            "This email belongs to several agencies. Choose which one to open.";
        sign_up_title: "Регистрация агентства", "Register an agency";
        sign_up_subtitle:
            "Создайте пространство агентства и аккаунт владельца.",
            "Create your agency's workspace and the owner account.";
        agency_name: "Название агентства", "Agency name";
        agency_slug: "Короткое имя (slug)", "Short name (slug)";
        slug_hint:
            "Латиница, цифры и дефис, например «web-studio».",
            "Latin letters, digits and hyphens, e.g. “web-studio”.";
        owner_name: "Ваше имя", "Your name";
        sign_up_submit: "Создать агентство", "Create agency";
        signing_up: "Создаём…", "Creating…";
        signup_closed_text:
            "Самостоятельная регистрация закрыта. Попросите доступ у оператора платформы.",
            "Self-service sign-up is closed. Ask the platform operator for access.";
        have_account: "Уже есть аккаунт?", "Already have an account?";
        sign_in_link: "Войти", "Sign in";
        api_docs_link: "Документация API", "API documentation";
        forgot_link: "Забыли пароль?", "Forgot password?";
        forgot_title: "Восстановление пароля", "Reset your password";
        forgot_subtitle:
            "Укажите адрес, с которым вы входите, и мы пришлём ссылку для нового пароля.",
            "Enter the email you sign in with and we will send you a link to set a new password.";
        forgot_submit: "Отправить ссылку", "Send link";
        forgot_sent:
            "Если для этого адреса есть учётная запись, мы отправили ссылку. Она действует один час.",
            "If an account exists for this address, we sent a link. It works for one hour.";
        back_to_sign_in: "Вернуться ко входу", "Back to sign in";
        reset_title: "Новый пароль", "Set a new password";
        reset_subtitle:
            "Задайте новый пароль. На других устройствах потребуется войти заново.",
            "Choose a new password. Your other sessions will be signed out.";
        reset_submit: "Сохранить и войти", "Save and sign in";
        reset_link_dead:
            "Срок действия ссылки истёк или она уже использована. Запросите новую.",
            "This link has expired or was already used. Ask for a new one.";
        reset_link_invalid: "Ссылка недействительна. Запросите новую.", "This link is not valid. Ask for a new one.";
        request_new_link: "Запросить новую ссылку", "Request a new link";
        invitation_label: "Приглашение", "Invitation";
        invite_title: "{0} приглашает вас", "{0} invites you";
        invite_portal_of: "Клиентский портал: {0}", "Client portal: {0}";
        invite_team_subtitle: "Присоединяйтесь к команде агентства в Accord.", "Join the agency's team in Accord.";
        invite_hello: "Здравствуйте, {0}!", "Hello, {0}!";
        invite_staff_intro:
            "Задайте пароль, чтобы войти. Входить нужно будет с этим адресом почты.",
            "Set a password to sign in. You will use it together with this email.";
        invite_contact_intro:
            "Дорожная карта, согласования, отчёты и встречи — в одном месте. Задайте пароль, чтобы войти.",
            "Roadmap, approvals, reports and meetings in one place. Set a password to sign in.";
        invite_submit: "Принять и войти", "Accept and sign in";
        link_problem_title: "Ссылка не работает", "This link does not work";
        invite_expired:
            "Срок действия приглашения истёк. Попросите агентство {0} прислать новое.",
            "This invitation has expired. Ask {0} to send a new one.";
        invite_expired_generic:
            "Срок действия приглашения истёк. Попросите пригласившего прислать новое.",
            "This invitation has expired. Ask the person who invited you to send a new one.";
        invite_used:
            "Это приглашение уже использовано. Войдите с вашим адресом и паролем.",
            "This invitation has already been used. Sign in with your email and password.";
        invite_revoked: "Агентство {0} отозвало это приглашение.", "{0} has withdrawn this invitation.";
        invite_revoked_generic: "Это приглашение отозвано.", "This invitation has been withdrawn.";
        invite_invalid:
            "Ссылка-приглашение недействительна. Проверьте, что открыли её из письма целиком.",
            "This invitation link is not valid. Make sure you opened the whole link from the email.";
    }
}
