//! The portal's meetings pages: upcoming meetings and their agenda, published minutes with the
//! approver's acknowledgement or dispute, what is on the client's side, new dates to confirm.

texts! {
    pub struct PortalMeetings {
        nav_meetings: "Встречи", "Meetings";
        title: "Встречи", "Meetings";
        intro:
            "Ближайшие встречи с агентством, протоколы прошедших и договорённости.",
            "Upcoming meetings with the agency, minutes of past ones, and what was agreed.";
        upcoming: "Ближайшие встречи", "Upcoming meetings";
        no_upcoming: "Ближайших встреч нет", "No upcoming meetings";
        no_upcoming_hint: "Агентство назначит встречу и она появится здесь.", "The agency will schedule one and it will appear here.";
        add_question: "Вопрос к следующей встрече", "A question for the next meeting";
        question_title: "Вопрос", "Question";
        question_details: "Подробности (необязательно)", "Details (optional)";
        question_submit: "Добавить вопрос", "Add the question";
        question_added: "Вопрос добавлен в повестку.", "Your question is on the agenda.";
        minutes_list: "Протоколы", "Minutes";
        no_minutes: "Протоколов пока нет", "No minutes yet";
        no_minutes_hint: "После встречи агентство опубликует протокол здесь.", "After a meeting the agency publishes its minutes here.";
        on_your_side: "За вами", "On your side";
        nothing_on_your_side: "С вашей стороны ничего не ждём", "Nothing is waiting on you";
        to_confirm: "Новые сроки на подтверждение", "New dates to confirm";
        confirm_date: "Согласовать новый срок", "Agree to the new date";
        approver_only: "Подтверждает ЛПР.", "An approver confirms this.";
        back_to_meetings: "Все встречи", "All meetings";
        meeting_missing: "Протокол недоступен", "These minutes are not available";
        meeting_missing_hint:
            "Возможно, агентство ещё не опубликовало протокол этой встречи.",
            "The agency may not have published the minutes of this meeting yet.";
        published_at: "Опубликовано {0}", "Published {0}";
        notes: "Заметки", "Notes";
        your_answer: "Ваш ответ", "Your answer";
        respond_hint:
            "Прочитайте протокол. Если всё верно — подтвердите; если с каким-то решением вы не согласны — оспорьте его.",
            "Read the minutes. If they are right, acknowledge them; if you disagree with a decision, dispute it.";
        viewer_note: "Подтверждает или оспаривает протокол ЛПР.", "An approver acknowledges or disputes the minutes.";
        acknowledge: "Подтвердить протокол", "Acknowledge the minutes";
        acknowledged: "Спасибо, протокол подтверждён.", "Thank you, the minutes are acknowledged.";
        already_acknowledged:
            "Редакция {0} подтверждена. Если заметите ошибку, решение ещё можно оспорить.",
            "Revision {0} is acknowledged. If you spot a mistake, you can still dispute a decision.";
        dispute: "Оспорить решение", "Dispute a decision";
        dispute_decision: "Решение", "Decision";
        dispute_comment: "Что не так", "What is wrong";
        dispute_submit: "Отправить возражение", "Send the objection";
        disputed: "Возражение отправлено агентству.", "Your objection was sent to the agency.";
        comment_required: "Напишите, что не так.", "Say what is wrong.";
        stale_revision:
            "Агентство обновило протокол, пока вы читали. Перед ответом прочитайте новую редакцию.",
            "The agency updated the minutes while you were reading. Read the new revision before answering.";
    }
}
