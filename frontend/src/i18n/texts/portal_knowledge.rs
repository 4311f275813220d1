//! The knowledge base in the portal (`/portal/knowledge` and one explainer), and the portal nav's
//! link to it (its own small catalogue: the nav is in the entry bundle).

texts! {
    /// The portal nav's link (the entry bundle carries only this).
    pub struct PortalKnowledgeNav {
        nav: "Услуги", "Services";
    }
}

texts! {
    /// The list of published explainers and the reading page.
    pub struct PortalKnowledge {
        title: "Наши услуги", "Our services";
        intro:
            "Что входит в каждую услугу агентства — и что не входит. Ответ на «а это вы тоже делаете?» здесь, без ожидания специалиста.",
            "What each of the agency's services includes, and what it does not. The answer to “do you do this too?”, without waiting for a specialist.";
        list_title: "Описания услуг", "Service explainers";
        count: ["{0} статья", "{0} статьи", "{0} статей"], ["{0} article", "{0} articles"];
        empty: "Статей пока нет", "No articles yet";
        empty_hint:
            "Агентство ещё не опубликовало описания услуг. Загляните позже или спросите менеджера.",
            "The agency has not published any service descriptions yet. Look again later or ask your manager.";
        read: "Читать", "Read";
        updated: "Обновлено {0}", "Updated {0}";
        back: "Все услуги", "All services";
        missing: "Статья не найдена", "Article not found";
        missing_hint:
            "Её могли снять с публикации. Вернитесь к списку услуг.",
            "It may have been unpublished. Go back to the list of services.";
        other_language:
            "Эта статья пока есть только на другом языке.",
            "This article is only available in the other language for now.";
    }
}
