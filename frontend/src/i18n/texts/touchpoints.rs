//! A client's touchpoints tab: calls, meetings and the like, logged.

texts! {
    pub struct Touchpoints {
        touchpoints_title: "Касания", "Touchpoints";
        log_touchpoint: "Записать касание", "Log a touchpoint";
        log_touchpoint_submit: "Записать", "Log touchpoint";
        touch_when: "Когда", "When";
        touch_when_hint: "По вашему местному времени; не в будущем.", "Your local time; not in the future.";
        touch_contact: "С кем", "With whom";
        touch_no_contact: "Без конкретного контакта", "No one in particular";
        touch_summary: "Итоги", "Summary";
        touch_summary_placeholder:
            "Что обсудили или отправили, о чём договорились",
            "What was discussed or sent, what was agreed";
        touchpoint_logged: "Касание записано.", "Touchpoint logged.";
        no_touchpoints: "Касаний пока нет", "No touchpoints yet";
        no_touchpoints_hint:
            "Записывайте звонки, встречи, письма и подарки: тишина дольше согласованного срока подсвечивается.",
            "Log calls, meetings, emails and gifts: silence longer than the agreed cadence is flagged.";
        touch_with: "с: {0}", "with {0}";
        logged_by: "Записал(а): {0}", "Logged by {0}";
        touch_call: "Звонок", "Call";
        touch_meeting: "Встреча", "Meeting";
        touch_email: "Письмо", "Email";
        touch_chat: "Переписка в мессенджере", "Chat";
        touch_gift: "Подарок", "Gift";
        touch_newsletter: "Рассылка", "Newsletter";
    }
}
