//! One backlog item in the staff app: facts, status moves, comments and history.

texts! {
    pub struct BacklogItem {
        back_to_backlog: "К бэклогу", "Back to the backlog";
        edit_item: "Редактировать задачу", "Edit item";
        yes_cr: "Да, вне объёма работ", "Yes, out of scope";
        no_cr: "Нет", "No";
        rank: "Место в очереди", "Rank";
        item_unavailable: "Задача не найдена", "Item not found";
        item_unavailable_hint:
            "Её могли удалить, или у вас нет доступа к этому клиенту.",
            "It may have been removed, or you have no access to this client.";
        stale_banner:
            "Пока вы смотрели, кто-то изменил эту задачу. Обновите её, чтобы ничего не перезаписать.",
            "Someone changed this item meanwhile. Reload it so nothing is overwritten.";
        reload: "Обновить", "Reload";
        moved_to: "Статус изменён: «{0}».", "Status changed to “{0}”.";
        no_description: "Описания нет.", "No description.";
        no_benefit: "Польза не описана.", "No benefit described.";
        created: "Создана", "Created";
        updated: "Изменена", "Changed";
        frozen_hint:
            "Эти значения зафиксированы в момент согласования — именно их видел клиент.",
            "These values were frozen at approval: exactly what the client saw.";
        next_step: "Следующий шаг", "Next step";
        awaiting_client: "Ждёт решения клиента в портале", "Waiting for the client's decision in the portal";
        action_propose: "Предложить клиенту", "Propose to the client";
        action_withdraw: "Отозвать в идеи", "Withdraw to ideas";
        action_offer_again: "Предложить снова", "Offer again";
        action_schedule: "Запланировать", "Schedule";
        action_start: "Начать работу", "Start work";
        action_done: "Отметить сделанной", "Mark done";
        no_gifts:
            "Работа вне объёма начинается только после согласования цены.",
            "Out-of-scope work starts only after the price is approved.";
        hint_idea:
            "Внутренняя идея: клиент её не видит, пока вы её не предложите.",
            "An internal idea: the client does not see it until you propose it.";
        hint_proposed:
            "Предложено клиенту: согласовать или отклонить может только согласующий со стороны клиента.",
            "Proposed: only the client's approver can approve or decline it.";
        hint_agreed: "Согласовано с клиентом: можно планировать.", "Agreed with the client: ready to be scheduled.";
        hint_agreed_cr:
            "Запрос на изменение согласован вместе с ценой: можно планировать.",
            "The change request and its price are approved: ready to be scheduled.";
        hint_scheduled: "Запланировано: можно начинать работу.", "Scheduled: work can start.";
        hint_in_progress: "В работе: оценку уже не изменить.", "In progress: the estimate can no longer change.";
        hint_done: "Сделано.", "Done.";
        hint_declined:
            "Клиент отклонил задачу. Её можно доработать и предложить снова.",
            "The client declined it. You can rework it and offer it again.";
        comment_placeholder: "Вопрос, уточнение, договорённость…", "A question, a detail, an agreement…";
        internal_comment: "Внутренний комментарий", "Internal comment";
        visible_hint: "Клиент увидит этот комментарий в портале.", "The client will see this comment in the portal.";
        send_comment: "Отправить", "Send";
        no_comments: "Комментариев пока нет.", "No comments yet.";
        history: "История", "History";
        no_history: "Изменений пока не было.", "No changes yet.";
        event_created: "Создана", "Created";
        event_updated: "Изменена", "Changed";
        event_status_changed: "Смена статуса", "Status changed";
        event_approved: "Согласована клиентом", "Approved by the client";
        event_declined: "Отклонена клиентом", "Declined by the client";
        event_reproposed: "Отправлена на повторное согласование", "Sent back for approval";
        event_moved: "Перемещена в очереди", "Moved in the order";
        event_imported: "Импортирована из CSV", "Imported from CSV";
    }
}
