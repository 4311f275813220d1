//! A client's segmentation tab: temperament, activity and value tier (seed 003).

texts! {
    pub struct Segmentation {
        temperament: "Темперамент", "Temperament";
        temperament_intro:
            "Ведите клиента с учётом его темперамента. Выберите ближайший тип — подсказка расскажет, как с ним работать.",
            "Lead each client the way their temperament needs. Pick the closest type: the hint tells whoever works with them how to behave.";
        how_to_work: "Как с ним работать", "How to work with them";
        temperament_choleric: "Холерик", "Choleric";
        temperament_sanguine: "Сангвиник", "Sanguine";
        temperament_melancholic: "Меланхолик", "Melancholic";
        temperament_phlegmatic: "Флегматик", "Phlegmatic";
        choleric_traits:
            "Импульсивен и резок, требует постоянного внимания, работа нужна «вчера»; ведёт себя так, будто он ваш единственный клиент.",
            "Impulsive and sharp, wants constant attention and everything done “yesterday”; behaves as if they were your only client.";
        choleric_hint:
            "Выслушивайте, а не спорьте, и не принимайте резкие слова на свой счёт. Отвечайте оперативно и держитесь на равных, чтобы заслужить уважение. Аргументы приводите весомые — в детали можно не вдаваться.",
            "Listen rather than argue, and don't take sharp words personally. Answer quickly and talk as an equal to earn respect. Give weighty reasons — no need to drown them in detail.";
        sanguine_traits:
            "Любит поговорить, часто на отвлечённые темы, в суть не вникает, тянет к панибратству и часто просит скидку.",
            "Loves to talk, often off topic, skips the substance, drifts towards familiarity and often asks for a discount.";
        sanguine_hint:
            "Отвечайте однозначно и не давайте уходить от темы. Говорите только о самом важном — в детали он всё равно не вникнет. Держите дистанцию: «дружеские отношения» — не повод снижать цену.",
            "Give clear, unambiguous answers and keep the talk on topic. Stick to what matters most — they won't go into details anyway. Keep your distance: “friendship” is no reason to lower the price.";
        melancholic_traits:
            "Много раз переспрашивает, уточняет и переживает без повода; не готов к экспериментам, хочет стабильности и уверенности.",
            "Asks again and again, double-checks and worries without cause; wary of experiments, wants stability and certainty.";
        melancholic_hint:
            "Убеждать придётся каждый раз заново, и это нормально. Показывайте, что всё под контролем: подробные и регулярные отчёты обязательны. Будьте терпеливы — иначе доверия не завоевать.",
            "You will have to reassure them anew each time, and that is normal. Show that everything is under control: detailed, regular reports are a must. Be patient — there is no other way to win their trust.";
        phlegmatic_traits:
            "Никуда не спешит, подозрителен и успевает расспросить обо всём; эмоций почти не показывает, понять его настрой сложно.",
            "In no hurry, suspicious, has time to ask about everything; rarely shows emotion, so it is hard to tell what they think.";
        phlegmatic_hint:
            "Не торопите его — иначе он просто уйдёт. Аргументируйте чётко, с фактами и ссылками на первоисточники, и будьте в курсе всех деталей проекта. Любой отчёт и даже письмо перед отправкой проверяйте несколько раз.",
            "Don't rush them, or they will simply leave. Argue clearly, backed by facts and sources, and know every detail of the project. Check every report and even every email several times before sending.";
        activity: "Активность", "Activity";
        activity_intro:
            "Насколько клиент вовлечён в работу и открыт к предложениям.",
            "How engaged the client is with your services and offers.";
        activity_active: "Активный", "Active";
        activity_active_hint:
            "Интересуется всем спектром услуг, вникает в нюансы, хорошо воспринимает допродажи и готов к экспериментам.",
            "Interested in the full range of your services, digs into the details, welcomes extra offers and is ready to experiment.";
        activity_waiting: "В режиме ожидания", "Waiting";
        activity_waiting_hint:
            "Готов подробнее ознакомиться с предложением, но не спешит: сначала хочет убедиться в эффективности работ.",
            "Willing to look at an offer, but in no hurry to buy: wants to see the work pay off first.";
        activity_passive: "Пассивный", "Passive";
        activity_passive_hint:
            "«Отправил отчёт — получил оплату»: ничем не интересуется и расширяться не планирует. С ними нужно работать активнее всего, пока они не ушли.",
            "“Sent the report, got paid”: not interested in more and not planning to grow. Work with them most actively, before they quietly leave.";
        value_tier: "Ценность для агентства", "Value tier";
        tier_intro:
            "Принцип Парето 80/20: около 20% клиентов приносят 80% прибыли. Считайте прибыль, а не бюджет: маржинальность, время специалистов и аккаунтинга, срок договора.",
            "Pareto 80/20: about 20% of clients bring 80% of the profit. Count profit, not the budget: margin, specialists' and account management time, contract length.";
        tier_computed: "По выручке за 12 месяцев (ABC) — категория {0}.", "From 12-month revenue (ABC): tier {0}.";
        tier_by_hand:
            "Выбрана вручную; по выручке за 12 месяцев — {0}. Владелец или администратор может вернуть расчётную на вкладке «Деньги».",
            "Set by hand; 12-month revenue gives {0}. An owner or admin can return to the computed one on the Money tab.";
        tier_by_hand_no_abc: "Выбрана вручную.", "Set by hand.";
        tier_a: "A — ключевые", "A — key";
        tier_a_hint:
            "Те немногие, что приносят основную прибыль: максимум внимания.",
            "The few that bring most of the profit: the most attention.";
        tier_b: "B — стабильные", "B — steady";
        tier_b_hint: "Стабильный вклад; развивайте их до уровня A.", "A steady contribution; grow them towards A.";
        tier_c: "C — небольшие", "C — small";
        tier_c_hint:
            "Небольшая прибыль: ведите экономно, не отнимая время у приоритетных проектов.",
            "Little profit: serve efficiently, without taking time from priority accounts.";
        save_segmentation: "Сохранить сегментацию", "Save segmentation";
        segmentation_saved: "Сегментация сохранена.", "Segmentation saved.";
        choice_toggle_hint:
            "Повторный щелчок по выбранному варианту снимает выбор.",
            "Click a chosen option again to clear it.";
    }
}
