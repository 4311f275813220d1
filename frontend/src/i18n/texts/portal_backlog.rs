//! The backlog in the client portal: what awaits a decision, the plan, one item, deciding.

texts! {
    pub struct PortalBacklog {
        title: "Задачи и решения", "Backlog and decisions";
        intro:
            "Всё, что агентство предлагает сделать для вашего бизнеса: что ждёт вашего решения, что согласовано и в работе, что уже сделано.",
            "Everything the agency proposes for your business: what awaits your decision, what is agreed and under way, and what is done.";
        awaiting: "Ждут вашего решения", "Awaiting your decision";
        awaiting_hint:
            "Проверьте оценку и стоимость каждой задачи и согласуйте или отклоните её. Агентство начнёт работу только после вашего согласия.",
            "Check the estimate and price of each item, then approve or decline it. The agency starts work only after you approve.";
        viewer_note:
            "Согласовывать и отклонять задачи может только ЛПР — контакт с ролью «согласует». Вы можете читать задачи и задавать вопросы.",
            "Only approvers can approve or decline items. You can read them and ask questions.";
        awaiting_empty: "Сейчас ничего не ждёт решения", "Nothing awaits a decision right now";
        awaiting_empty_hint:
            "Когда агентство предложит новую задачу, она появится здесь.",
            "When the agency proposes new work, it appears here.";
        awaiting_item: "Эта задача ждёт решения ЛПР.", "This item awaits an approver's decision.";
        planned: "Согласовано и в плане", "Agreed and planned";
        planned_empty: "Согласованных задач пока нет", "No agreed items yet";
        planned_empty_hint:
            "Задачи, которые вы согласуете, появятся здесь — вместе с тем, как идёт работа.",
            "Items you approve appear here, with where the work stands.";
        done: "Сделано", "Done";
        done_empty: "Пока ничего не завершено", "Nothing finished yet";
        done_empty_hint: "Завершённые задачи будут собираться здесь.", "Finished items will gather here.";
        shown_of: "Показано {0} из {1}.", "Showing {0} of {1}.";
        show_more: "Показать ещё", "Show more";
        declined: "Отклонено", "Declined";
        declined_empty: "Отклонённых задач нет", "No declined items";
        declined_empty_hint:
            "Если вы отклоните задачу, она останется здесь вместе с причиной.",
            "Items you decline stay here with the reason.";
        /// Declined on `{0}` (a date)
        declined_on: "Отклонено {0}", "Declined on {0}";
        /// Show all (`{0}`)
        show_all: "Показать все ({0})", "Show all ({0})";
        review: "Рассмотреть", "Review";
        how_title: "Как это устроено", "How it works";
        how_text:
            "Агентство предлагает задачи с оценкой в часах и стоимостью. Согласуя задачу, вы фиксируете именно эти оценку и цену; если агентство их изменит, задача снова придёт к вам на согласование.",
            "The agency proposes items with an estimate in hours and a price. Approving an item freezes exactly that estimate and price; if the agency changes them, the item comes back to you for approval.";
        cr_title: "Дополнительные работы", "Change requests";
        cr_totals_hint:
            "Согласованные вами работы вне договора — по месяцу согласования.",
            "Out-of-scope work you approved, by month of approval.";
        cr_empty: "Вы ещё не согласовывали дополнительных работ.", "You have not approved any change requests yet.";
        cr_note:
            "Это дополнительная работа вне договора: она оплачивается отдельно и не начнётся, пока вы не согласуете цену.",
            "This is a change request: work outside the agreed scope, paid separately and never started before you approve the price.";
        cr_note_agreed:
            "Это дополнительная работа вне договора: она оплачивается отдельно, по цене, которую вы согласовали.",
            "This is a change request: work outside the agreed scope, paid separately at the price you approved.";
        /// `{0}` item (one)
        items: ["{0} задача", "{0} задачи", "{0} задач"], ["{0} item", "{0} items"];
        estimate: "Оценка", "Estimate";
        price: "Стоимость", "Price";
        benefit: "Польза для бизнеса", "Benefit";
        no_benefit: "Агентство пока не описало пользу.", "The agency has not described the benefit yet.";
        stage: "Этап", "Stage";
        description: "Описание", "Description";
        no_description: "Описания нет.", "No description.";
        /// Updated `{0}` (a date)
        updated: "Обновлено {0}", "Updated {0}";
        to_backlog: "К задачам", "Back to backlog";
        item_missing: "Задача не найдена", "Item not found";
        item_missing_hint:
            "Возможно, агентство убрало её из бэклога или ссылка устарела.",
            "The agency may have withdrawn it, or the link is out of date.";
        decision: "Решение", "Decision";
        decide_hint:
            "Вы согласуете или отклоняете задачу с такой оценкой и стоимостью:",
            "You approve or decline this item with this estimate and price:";
        freeze_note:
            "Согласование фиксирует эту оценку и цену. Если агентство их изменит, задача снова придёт к вам.",
            "Approving freezes this estimate and price. If the agency changes them, the item comes back to you.";
        approve: "Согласовать", "Approve";
        decline: "Отклонить", "Decline";
        approve_confirm:
            "Согласовать задачу с оценкой {0} и стоимостью {1}?\n\nСогласование фиксирует эту оценку и цену.",
            "Approve this item with an estimate of {0} and a price of {1}?\n\nApproving freezes this estimate and price.";
        reason_label: "Причина отказа", "Reason for declining";
        reason_placeholder:
            "Например: сейчас не в приоритете, вернёмся в следующем квартале",
            "For example: not a priority now, let's come back to it next quarter";
        reason_hint:
            "Обязательно. Агентство увидит причину и сможет предложить другой вариант.",
            "Required. The agency sees the reason and can offer something else.";
        reason_required:
            "Напишите причину — без неё задачу отклонить нельзя.",
            "Please give a reason — an item cannot be declined without one.";
        confirm_decline: "Отклонить задачу", "Decline item";
        approved_notice:
            "Вы согласовали задачу. Оценка и стоимость зафиксированы — агентство может планировать работу.",
            "You approved the item. The estimate and price are frozen; the agency can plan the work.";
        declined_notice:
            "Вы отклонили задачу. Агентство увидит вашу причину.",
            "You declined the item. The agency will see your reason.";
        stale:
            "Агентство изменило эту задачу, пока вы её читали. Вот новая версия — проверьте её и примите решение снова.",
            "The agency changed this item while you were reading it. Here is the new version — please check it and decide again.";
        not_awaiting:
            "Эта задача уже не ждёт решения: её согласовали, отклонили или агентство её отозвало. Показываем, как она выглядит сейчас.",
            "This item no longer awaits a decision: it was approved, declined or withdrawn by the agency. Here is how it stands now.";
        forbidden_decide:
            "Решение по задаче может принять только ЛПР клиента.",
            "Only the client's approvers can make this decision.";
        note_agreed: "Задача согласована и в плане работ.", "This item is agreed and in the work plan.";
        note_declined: "Задача отклонена.", "This item was declined.";
        note_done: "Задача выполнена.", "This item is done.";
        conversation: "Обсуждение", "Conversation";
        no_comments: "Сообщений пока нет", "No messages yet";
        no_comments_hint: "Задайте вопрос — агентство ответит здесь.", "Ask a question — the agency answers here.";
        ask: "Задать вопрос", "Ask a question";
        ask_placeholder:
            "Например: можно ли успеть до конца месяца?",
            "For example: can this be done by the end of the month?";
        ask_hint: "Сообщение увидят ваши коллеги и агентство.", "Your colleagues and the agency will see it.";
        comment_empty: "Сначала напишите сообщение.", "Write a message first.";
        send: "Отправить", "Send";
        sending: "Отправляем…", "Sending…";
        comment_sent: "Сообщение отправлено.", "Message sent.";
    }
}
