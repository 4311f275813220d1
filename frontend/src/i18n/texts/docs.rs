//! The API documentation page.

texts! {
    pub struct Docs {
        api_docs_title: "Документация API", "API documentation";
        api_docs_intro:
            "Все операции JSON API Accord, сгруппированные по разделам.",
            "Every operation of Accord's JSON API, grouped by tag.";
        request_body: "Запрос", "Request";
        responses: "Ответы", "Responses";
        other_operations: "Прочее", "Other";
        operations_count:
            ["{0} операция", "{0} операции", "{0} операций"],
            ["{0} operation", "{0} operations"];
    }
}
