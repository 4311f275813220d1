//! Money (staff only, never in the portal): a client's Money tab (figures, the 12-month revenue
//! chart, contracts, invoices with their payments, closing documents, the ABC tier) and the
//! agency's money page (totals, trend, overdue invoices, unsigned acts, the ABC table, every
//! invoice, the finance settings, CSV import and export).

texts! {
    pub struct Money {
        // Navigation and shared words
        nav_money: "Деньги", "Money";
        tab_money: "Деньги", "Money";
        no_data: "нет данных", "no data";
        money_forbidden:
            "Деньги клиента видят владелец, администраторы и менеджер этого клиента.",
            "A client's money is seen by the owner, admins and the client's account manager.";
        col_client: "Клиент", "Client";
        col_number: "Номер", "Number";
        col_amount: "Сумма", "Amount";
        col_status: "Статус", "Status";
        col_issued: "Выставлен", "Issued";
        col_due: "Оплатить до", "Due";
        col_paid: "Оплачено", "Paid";
        col_remaining: "Остаток", "Remaining";
        col_actions: "Действия", "Actions";
        days_n: ["{0} день", "{0} дня", "{0} дней"], ["{0} day", "{0} days"];
        invoices_n: ["{0} счёт", "{0} счёта", "{0} счетов"], ["{0} invoice", "{0} invoices"];
        months_n: ["{0} месяц", "{0} месяца", "{0} месяцев"], ["{0} month", "{0} months"];
        amount_error:
            "Введите сумму в {0}: цифры и не больше {1} знаков после запятой.",
            "Enter the amount in {0}: digits and at most {1} decimals.";
        field_value: "Проверьте поле «{0}».", "Check “{0}”.";
        currency_error: "Код валюты — три латинские буквы, например RUB.", "A currency code is three letters, e.g. RUB.";

        // The health score's money signal (shown with the other signals on the health pages)
        signal_money: "Оплата счетов", "Invoices paid";
        reason_money_none: "Просроченных счетов нет", "No invoices overdue";
        reason_money:
            ["{0} просроченный счёт, самый старый — {1}", "{0} просроченных счёта, самый старый — {1}", "{0} просроченных счетов, самый старый — {1}"],
            ["{0} invoice overdue, the oldest by {1}", "{0} invoices overdue, the oldest by {1}"];

        // Figures
        fig_ltv: "LTV", "LTV";
        fig_lifetime: "Срок жизни", "Lifetime";
        lifetime_since: "с {0}", "since {0}";
        lifetime_none: "Нет даты начала работы и договоров", "No start date and no contracts";
        fig_acv: "ACV", "ACV";
        acv_from: ["по {0} договору", "по {0} договорам", "по {0} договорам"], ["from {0} contract", "from {0} contracts"];
        acv_none: "Нет активных договоров", "No active contracts";
        acv_unrated:
            ["{0} договор в другой валюте ещё без курса", "{0} договора в другой валюте ещё без курса", "{0} договоров в другой валюте ещё без курса"],
            ["{0} contract in another currency has no rate yet", "{0} contracts in another currency have no rate yet"];
        fig_unpaid: "Не оплачено", "Unpaid";
        fig_overdue: "Просрочено", "Overdue";
        nothing_unpaid: "Все счета оплачены", "Every invoice is paid";
        nothing_overdue: "Просрочек нет", "Nothing overdue";
        oldest_overdue:
            ["самый старый — {0} день", "самый старый — {0} дня", "самый старый — {0} дней"],
            ["the oldest by {0} day", "the oldest by {0} days"];
        paid_12m: "За 12 месяцев: {0}", "Last 12 months: {0}";
        paid_by_currency: "Оплачено по валютам", "Paid by currency";

        // The revenue chart
        chart_title: "Выручка по месяцам", "Revenue by month";
        chart_hint: "Поступившие оплаты за 12 месяцев, в {0}", "Payments received over 12 months, in {0}";
        chart_empty: "За 12 месяцев оплат не было", "No payments in the last 12 months";
        chart_bar: "{0}: {1}", "{0}: {1}";

        // The ABC tier
        tier_title: "ABC-категория", "ABC tier";
        tier_rule:
            "A — клиенты, дающие первые 80 % выручки за 12 месяцев, B — следующие 15 %, C — остальные. Пересчитывается ежедневно и после каждой оплаты.",
            "A: the clients making the first 80 % of 12-month revenue, B: the next 15 %, C: the rest. Recomputed daily and on every payment.";
        tier_computed: "Расчётная: {0}", "Computed: {0}";
        tier_not_computed: "ещё не рассчитана", "not computed yet";
        tier_none: "Категории пока нет", "No tier yet";
        tier_override: "задана вручную", "set by hand";
        tier_override_hint:
            "Категорию задали вручную в профиле клиента; ежедневный расчёт её не меняет.",
            "The tier was set by hand in the client's profile; the daily computation leaves it alone.";
        tier_clear: "Вернуть расчётную", "Clear the override";
        tier_clear_confirm: "Вернуть расчётную категорию ({0})?", "Go back to the computed tier ({0})?";
        tier_cleared: "Категория снова расчётная", "The tier is computed again";

        // Contracts
        contracts_title: "Договоры", "Contracts";
        contracts_empty: "Договоров пока нет", "No contracts yet";
        contracts_empty_hint:
            "Добавьте абонентский договор (ежемесячный платёж) или проектный (общая сумма).",
            "Add a retainer (a monthly fee) or a project contract (a total).";
        kind_retainer: "Абонентский", "Retainer";
        kind_project: "Проектный", "Project";
        contract_draft: "Черновик", "Draft";
        contract_active: "Действует", "Active";
        contract_ended: "Завершён", "Ended";
        per_month: "{0} в месяц", "{0} a month";
        in_total: "{0} всего", "{0} in total";
        period_open: "с {0}, бессрочный", "from {0}, open-ended";
        period: "{0} — {1}", "{0} – {1}";
        renewal_on: "Продление {0}", "Renewal {0}";
        col_contract: "Договор", "Contract";
        col_period: "Срок", "Term";
        new_contract: "Новый договор", "New contract";
        edit_contract: "Договор «{0}»", "Contract “{0}”";
        add_contract: "Добавить договор", "Add contract";
        contract_created: "Договор добавлен", "Contract added";
        contract_saved: "Договор сохранён", "Contract saved";
        delete_contract_confirm: "Удалить договор «{0}»?", "Delete the contract “{0}”?";
        field_contract_title: "Название или номер", "Title or number";
        contract_title_placeholder: "Договор № 12 на SEO", "Contract No. 12, SEO";
        field_kind: "Вид", "Kind";
        field_currency: "Валюта", "Currency";
        field_fee: "Платёж в месяц", "Monthly fee";
        field_total: "Сумма договора", "Contract total";
        field_starts: "Начало", "Start";
        field_ends: "Окончание", "End";
        field_ends_hint: "Пусто — бессрочный", "Empty: open-ended";
        field_renewal: "Дата продления", "Renewal date";
        field_contract_status: "Статус", "Status";
        field_project: "Проект", "Project";
        no_project: "Без проекта", "No project";
        field_service: "Услуга", "Service";
        no_service: "Без услуги", "No service";

        // Invoices
        invoices_title: "Счета", "Invoices";
        invoices_empty: "Счетов пока нет", "No invoices yet";
        invoices_empty_hint: "Выставленные счета и оплаты по ним появятся здесь.", "Issued invoices and their payments show here.";
        status_issued: "Выставлен", "Issued";
        status_partly_paid: "Оплачен частично", "Partly paid";
        status_paid: "Оплачен", "Paid";
        status_cancelled: "Отменён", "Cancelled";
        overdue_badge: "Просрочен", "Overdue";
        overdue_by: ["просрочен на {0} день", "просрочен на {0} дня", "просрочен на {0} дней"], ["{0} day overdue", "{0} days overdue"];
        paid_on: "оплачен {0}", "paid {0}";
        rate_line: "курс {0} {1} за 1 {2}", "rate {0} {1} per 1 {2}";
        in_base: "≈ {0}", "≈ {0}";
        new_invoice: "Новый счёт", "New invoice";
        add_invoice: "Выставить счёт", "Issue invoice";
        invoice_created: "Счёт выставлен", "Invoice issued";
        invoice_saved: "Счёт сохранён", "Invoice saved";
        field_number: "Номер счёта", "Invoice number";
        number_placeholder: "2026-041", "2026-041";
        field_issued: "Дата счёта", "Issued on";
        field_due: "Оплатить до", "Due on";
        field_amount: "Сумма", "Amount";
        field_rate: "Курс: {0} за 1 {1}", "Rate: {0} per 1 {1}";
        field_rate_hint: "Обязателен, когда валюта счёта не {0}", "Required when the invoice is not in {0}";
        rate_error: "Введите курс больше нуля, например 92,5.", "Enter a rate above zero, e.g. 92.5.";
        field_contract: "Договор", "Contract";
        no_contract: "Без договора", "No contract";
        field_note: "Комментарий", "Note";
        billable_title: "Согласованные изменения к оплате", "Approved change requests to bill";
        billable_hint:
            "Отмеченные попадут в счёт по зафиксированной цене; сумма счёта складывается из них, если не указана.",
            "Ticked ones go into the invoice at their frozen price; they make the amount when none is typed.";
        billable_none: "Неоплаченных согласованных изменений нет", "No approved change requests waiting to be billed";
        billable_sum: "Отмечено на {0}", "Ticked: {0}";
        use_billable_sum: "Взять эту сумму", "Use this amount";
        record_payment: "Оплата", "Payment";
        payment_title: "Оплата по счёту {0}", "Payment on invoice {0}";
        payment_remaining: "Осталось оплатить: {0}", "Remaining: {0}";
        field_paid_on: "Дата оплаты", "Paid on";
        field_payment_amount: "Сумма оплаты", "Amount paid";
        pay_rest: "Весь остаток", "The whole rest";
        save_payment: "Записать оплату", "Record payment";
        payment_saved: "Оплата записана", "Payment recorded";
        payment_over: "Оплата больше остатка ({0})", "The payment is more than the remaining {0}";
        cancel_invoice: "Отменить счёт", "Cancel invoice";
        cancel_invoice_confirm: "Отменить счёт {0}? Отменённый счёт нельзя оплатить.", "Cancel invoice {0}? A cancelled invoice takes no payments.";
        cancel_has_payments: "По счёту уже есть оплаты — сначала удалите их.", "The invoice has payments; delete them first.";
        invoice_cancelled: "Счёт отменён", "Invoice cancelled";
        duplicate_number: "Счёт с таким номером уже есть", "An invoice with this number already exists";

        // Closing documents
        documents_title: "Закрывающие документы", "Closing documents";
        documents_empty: "Закрывающих документов пока нет", "No closing documents yet";
        documents_empty_hint: "Акты и УПД: отметьте подписанные, чтобы не потерять неподписанные.", "Acts and UPDs: mark them signed so none goes missing.";
        doc_act: "Акт", "Act";
        doc_upd: "УПД", "UPD";
        signed: "Подписан {0}", "Signed {0}";
        unsigned: "Не подписан", "Not signed";
        unsigned_long:
            ["не подписан {0} день", "не подписан {0} дня", "не подписан {0} дней"],
            ["unsigned for {0} day", "unsigned for {0} days"];
        unsigned_rule: "Документ без подписи дольше {0} отмечается красным.", "A document unsigned for longer than {0} is flagged red.";
        mark_signed: "Отметить подпись", "Mark signed";
        signed_on_label: "Дата подписания", "Signed on";
        save_signed: "Отметить", "Mark";
        document_signed: "Документ отмечен подписанным", "Document marked signed";
        new_document: "Новый документ", "New document";
        add_document: "Добавить документ", "Add document";
        document_created: "Документ добавлен", "Document added";
        field_doc_kind: "Вид", "Kind";
        field_doc_number: "Номер", "Number";
        field_doc_issued: "Дата", "Date";
        field_invoice: "Счёт", "Invoice";
        no_invoice: "Без счёта", "No invoice";
        col_kind: "Вид", "Kind";
        col_date: "Дата", "Date";
        col_signed: "Подпись", "Signature";

        // The agency's money page
        money_title: "Деньги", "Money";
        money_subtitle:
            "Оплаты, долги и закрывающие документы клиентов; всё в базовой валюте по курсу каждого счёта.",
            "Clients' payments, debts and closing documents, in the base currency at each invoice's rate.";
        manager_label: "Менеджер", "Manager";
        all_managers: "Все менеджеры", "All managers";
        total_paid_all: "Оплачено всего", "Paid in total";
        total_paid_12m: "За 12 месяцев", "Last 12 months";
        total_paid_month: "В этом месяце", "This month";
        total_unpaid: "Не оплачено", "Unpaid";
        total_overdue: "Просрочено", "Overdue";
        paying_clients: ["{0} платящий клиент", "{0} платящих клиента", "{0} платящих клиентов"], ["{0} paying client", "{0} paying clients"];
        trend_title: "Выручка агентства по месяцам", "Agency revenue by month";
        overdue_title: "Просроченные счета", "Overdue invoices";
        overdue_empty: "Просроченных счетов нет", "No overdue invoices";
        shown_of: "Показаны первые {0} из {1}", "The first {0} of {1}";
        unsigned_title: "Неподписанные документы", "Unsigned documents";
        unsigned_empty: "Все документы подписаны вовремя", "Every document was signed in time";
        abc_title: "ABC-анализ", "ABC analysis";
        abc_empty: "Клиентов пока нет", "No clients yet";
        abc_total: "Выручка агентства за 12 месяцев: {0}", "Agency revenue over 12 months: {0}";
        col_revenue: "Выручка за 12 мес.", "12-month revenue";
        col_share: "Доля", "Share";
        col_cumulative: "Накопленно", "Cumulative";
        col_tier: "Категория", "Tier";
        col_manager: "Менеджер", "Manager";
        no_manager: "Без менеджера", "No manager";
        override_mark: "вручную", "by hand";
        override_mark_hint: "Задана вручную; расчётная — {0}", "Set by hand; computed: {0}";
        all_invoices_title: "Все счета", "All invoices";
        filter_status: "Статус", "Status";
        filter_client: "Клиент", "Client";
        any_client: "Все клиенты", "All clients";
        filter_overdue: "Только просроченные", "Overdue only";
        all_invoices_empty: "Счетов с такими условиями нет", "No invoices match";

        // Finance settings
        settings_title: "Настройки финансов", "Finance settings";
        settings_hint:
            "Базовая валюта — в ней считаются LTV, ACV и итоги; курс хранится в каждом счёте.",
            "The base currency is what LTV, ACV and totals are counted in; each invoice keeps its own rate.";
        field_base_currency: "Базовая валюта", "Base currency";
        field_act_days: "Сколько дней документ может быть без подписи", "Days a document may stay unsigned";
        act_days_error: "Введите число дней от 1 до 365.", "Enter a number of days from 1 to 365.";
        save_settings: "Сохранить", "Save";
        settings_saved: "Настройки сохранены", "Settings saved";
        settings_read_only: "Менять настройки может владелец или администратор.", "Only the owner or an admin changes them.";
        built_in: "Стандартные настройки (ещё не сохранялись)", "Built-in settings (not saved yet)";

        // Import and export
        import_title: "Импорт счетов и оплат из CSV", "Import invoices and payments from CSV";
        import_hint:
            "Всё или ничего: если хоть одна строка с ошибкой, ничего не загрузится, а ошибки покажутся по строкам. Колонки — как в выгрузке:",
            "All or nothing: if any row is wrong nothing is imported and the errors are listed by row. The columns are the export's:";
        import_paste: "Вставьте CSV", "Paste the CSV";
        import_choose: "Выбрать файл", "Choose a file";
        import_submit: "Загрузить", "Import";
        importing: "Загружаем…", "Importing…";
        import_empty: "Вставьте CSV или выберите файл.", "Paste the CSV or choose a file.";
        imported:
            ["Загружен {0} счёт", "Загружено {0} счёта", "Загружено {0} счетов"],
            ["Imported {0} invoice", "Imported {0} invoices"];
        imported_payments:
            ["и {0} оплата", "и {0} оплаты", "и {0} оплат"],
            ["and {0} payment", "and {0} payments"];
        import_rejected: "Ничего не загружено: исправьте строки ниже.", "Nothing was imported: fix the rows below.";
        import_bad_rows: ["{0} строка с ошибкой", "{0} строки с ошибками", "{0} строк с ошибками"], ["{0} row is wrong", "{0} rows are wrong"];
        import_row: "Строка", "Row";
        import_column: "Колонка", "Column";
        import_message: "Ошибка", "Problem";
        export: "Выгрузить CSV", "Export CSV";
        export_hint: "Все счета и оплаты в тех же колонках, что читает импорт.", "Every invoice and payment, in the columns the import reads.";
    }
}
