//! Surveys as a client contact answers them: the portal home's banner (its own small catalogue,
//! so the entry bundle carries only these few words), and the surveys list, the answering form,
//! the thank-you and the e-mailed link's states (the portal bundle).

texts! {
    /// The portal home's banner: an open survey to answer (or to continue).
    pub struct SurveyBanner {
        one: "У вас есть опрос — займёт минуту", "You have a survey to answer — takes a minute";
        many:
            ["{0} опрос ждёт вашего ответа", "{0} опроса ждут вашего ответа", "{0} опросов ждут вашего ответа"],
            ["{0} survey awaits your answer", "{0} surveys await your answer"];
        hint:
            "Агентство хочет знать, как работать лучше. Можно прерваться и продолжить позже.",
            "The agency wants to know how to do better. You can stop and continue later.";
        answer: "Ответить", "Answer";
        resume: "Продолжить", "Continue";
        all: "Все опросы", "All surveys";
    }
}

texts! {
    /// The surveys list, the answering form and what follows it.
    pub struct PortalSurveys {
        title: "Опросы", "Surveys";
        intro:
            "Агентство спрашивает, как ему работать лучше. Ответ займёт пару минут; его можно сохранить и закончить позже.",
            "The agency asks how it can do better. Answering takes a couple of minutes, and you can save and finish later.";
        open_title: "Ждут ответа", "Waiting for your answer";
        open_count:
            ["{0} опрос", "{0} опроса", "{0} опросов"],
            ["{0} survey", "{0} surveys"];
        none_open: "Сейчас опросов нет", "No surveys right now";
        none_open_hint:
            "Когда агентство пришлёт опрос, он появится здесь и на главной странице портала.",
            "When the agency sends a survey, it appears here and on the portal's home page.";
        open_until: "Открыт до {0}", "Open until {0}";
        started: "Начат", "Started";
        answered_title: "Ваши ответы", "Your answers";
        answered_count:
            ["{0} ответ", "{0} ответа", "{0} ответов"],
            ["{0} answer", "{0} answers"];
        none_answered: "Вы ещё не отвечали на опросы", "You have not answered any surveys yet";
        none_answered_hint:
            "Здесь будут ваши ответы. Их видите вы и агентство — другие сотрудники вашей компании их не видят.",
            "Your answers appear here. You and the agency see them; your colleagues do not.";
        untitled: "Опрос", "Survey";
        answered_on: "Ответ от {0}", "Answered on {0}";
        your_score: "Готовность рекомендовать: {0} из 10", "Likely to recommend: {0} of 10";
        rating_pair: "важность {0} · удовлетворённость {1}", "importance {0} · satisfaction {1}";
        back_to_surveys: "Все опросы", "All surveys";
        form_intro: "Займёт пару минут. Ответ получит {0}.", "Takes a couple of minutes. Your answer goes to {0}.";
        nps_low: "0 — точно нет", "0 — not at all likely";
        nps_high: "10 — обязательно", "10 — extremely likely";
        why_generic: "Что главное повлияло на вашу оценку?", "What is the main reason for your score?";
        why_hint: "Необязательно, но очень поможет.", "Optional, but it helps a lot.";
        csi_title: "Оцените, пожалуйста", "Please rate";
        csi_hint:
            "Для каждого пункта: насколько он важен для вас и насколько вы довольны нашей работой в нём.",
            "For each one: how important it is to you, and how satisfied you are with our work on it.";
        importance: "Насколько это важно для вас?", "How important is it to you?";
        satisfaction: "Насколько вы довольны?", "How satisfied are you?";
        scale_low: "1 — совсем нет", "1 — not at all";
        scale_high: "10 — очень", "10 — very";
        extras_title: "Ещё несколько вопросов", "A few more questions";
        extras_hint: "Необязательно.", "Optional.";
        save: "Сохранить и закончить позже", "Save and finish later";
        submit: "Отправить ответ", "Submit";
        saved_portal:
            "Сохранено. Чтобы закончить, вернитесь в раздел «Опросы».",
            "Saved. To finish, come back to Surveys.";
        saved_link:
            "Сохранено. Чтобы закончить, откройте ту же ссылку из письма.",
            "Saved. To finish, open the same link from the e-mail.";
        missing_nps: "Выберите оценку от 0 до 10.", "Choose a score from 0 to 10.";
        missing_rating: "Оцените и важность, и удовлетворённость.", "Rate both importance and satisfaction.";
        missing_summary:
            [
                "Остался {0} вопрос без ответа — он отмечен.",
                "Осталось {0} вопроса без ответа — они отмечены.",
                "Осталось {0} вопросов без ответа — они отмечены."
            ],
            ["{0} question is still unanswered — it is marked.", "{0} questions are still unanswered — they are marked."];
        bad_nps: "Проверьте оценку: от 0 до 10.", "Check the score: 0 to 10.";
        bad_rating: "Проверьте оценки этого пункта: от 1 до 10.", "Check this item's ratings: 1 to 10.";
        bad_text: "Проверьте этот ответ: возможно, он слишком длинный.", "Check this answer: it may be too long.";
        bad_choice: "Выберите один из вариантов.", "Choose one of the options.";
        thanks_title: "Спасибо!", "Thank you!";
        thanks_text:
            "Ответ получен. {0} прочитает его и учтёт в работе.",
            "Your answer is in. {0} will read it and act on it.";
        thanks_close: "Эту страницу можно закрыть.", "You can close this page now.";
        to_home: "На главную", "Home";
        missing: "Опрос недоступен", "This survey is not available";
        missing_hint:
            "Возможно, ссылка неверна или опрос адресован другому человеку.",
            "The link may be wrong, or the survey was sent to someone else.";
        gone: "На этот опрос уже нельзя ответить", "This survey can no longer be answered";
        gone_hint: "Вы уже ответили на него, или он закрыт. Спасибо!", "You have answered it already, or it has closed. Thank you!";
        link_used_title: "Ответ уже получен", "Your answer is already in";
        link_used:
            "Эта ссылка уже использована — спасибо, ваш ответ записан.",
            "This link was already used — thank you, your answer is recorded.";
        link_expired_title: "Срок ссылки истёк", "This link has expired";
        link_expired:
            "Ссылка на опрос больше не действует. Если хотите поделиться мнением, напишите своему менеджеру в агентстве.",
            "This survey link no longer works. If you would still like to share your view, write to your account manager at the agency.";
        link_closed_title: "Опрос закрыт", "This survey is closed";
        link_closed:
            "Агентство больше не собирает ответы на этот опрос. Спасибо, что заглянули!",
            "The agency is no longer collecting answers to this survey. Thank you for stopping by!";
        link_invalid_title: "Ссылка не работает", "This link does not work";
        link_invalid:
            "Проверьте, что ссылка из письма скопирована целиком.",
            "Check that the link from the e-mail was copied in full.";
        link_no_sign_in:
            "Входить в портал не нужно: ответ привязан к этой ссылке.",
            "No need to sign in: your answer is tied to this link.";
    }
}
