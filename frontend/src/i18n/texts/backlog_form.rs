//! The staff backlog's item form and CSV import.

texts! {
    pub struct BacklogForm {
        add_item: "Добавить задачу", "Add item";
        item_added: "Задача добавлена.", "Item added.";
        item_saved: "Изменения сохранены.", "Changes saved.";
        title_placeholder: "Например: ускорить загрузку каталога", "E.g. speed up the catalogue pages";
        description: "Описание", "Description";
        description_placeholder:
            "Что именно сделать и как проверить результат",
            "What exactly to do and how to check the result";
        markdown_hint:
            "Поддерживается Markdown: **жирный**, списки, ссылки.",
            "Markdown works: **bold**, lists, links.";
        benefit: "Польза для клиента", "Benefit for the client";
        benefit_placeholder:
            "Зачем это клиенту: больше заявок, меньше ручной работы…",
            "Why the client needs it: more leads, less manual work…";
        benefit_hint:
            "Клиент увидит это в портале, когда задачу ему предложат.",
            "The client reads this in the portal once the item is proposed.";
        estimate_hours: "Оценка, часов", "Estimate, hours";
        estimate_placeholder: "например 12,5", "e.g. 12.5";
        price_rub: "Цена, ₽", "Price, ₽";
        stage: "Этап карты развития", "Roadmap stage";
        no_stage: "Без этапа", "No stage";
        no_stages_hint: "Этапы задаются на вкладке «Карта развития».", "Stages are set on the Roadmap tab.";
        change_request_label: "Это запрос на изменение (вне объёма работ)", "This is a change request (out of scope)";
        propose_now: "Сразу предложить клиенту", "Propose to the client now";
        propose_hint:
            "Иначе задача останется внутренней идеей — клиент её не увидит.",
            "Otherwise it stays an internal idea the client does not see.";
        reapproval_warning:
            "Задача уже согласована с клиентом. С новой оценкой или ценой она после сохранения вернётся клиенту на согласование.",
            "This item is agreed with the client. With a new estimate or price it goes back to the client for approval once saved.";
        save_and_resend: "Сохранить и отправить на согласование", "Save and send for approval";
        version: "Версия", "Version";
        comment_body: "Комментарий", "Comment";
        import_title: "Импорт из CSV", "Import from CSV";
        import_hint:
            "Файл UTF-8, разделитель «;» или «,», первая строка — заголовок с колонками в таком порядке. Статус — idea или proposed. Если в файле есть ошибки, не импортируется ничего.",
            "A UTF-8 file, separated by \";\" or \",\", with a header line naming these columns in this order. The status is idea or proposed. If any row is wrong, nothing is imported.";
        import_choose: "Выберите CSV-файл", "Choose a CSV file";
        importing: "Импортируем…", "Importing…";
        imported:
            [
                "Импортирована {0} задача из файла {1}.",
                "Импортированы {0} задачи из файла {1}.",
                "Импортировано {0} задач из файла {1}."
            ],
            ["Imported {0} item from {1}.", "Imported {0} items from {1}."];
        import_bad_rows:
            ["{0} строка с ошибками.", "{0} строки с ошибками.", "{0} строк с ошибками."],
            ["{0} row to fix.", "{0} rows to fix."];
        import_row: "Строка", "Row";
        import_field: "Колонка", "Column";
        import_message: "Что не так", "What is wrong";
        csv_hours: "Часы — число от 0 до 100000, например 12,5.", "Hours must be a number from 0 to 100000.";
        csv_price: "Цена — число, ноль или больше.", "The price must be a number, zero or more.";
        csv_priority: "Допустимо: high, normal или low.", "Use high, normal or low.";
        csv_source:
            "Допустимо: analytics, client_request или agency_idea.",
            "Use analytics, client_request or agency_idea.";
        csv_change_request: "Допустимо: true или false.", "Use true or false.";
        csv_status:
            "Импортировать можно только со статусом idea или proposed.",
            "Imported items start as idea or proposed.";
    }
}
