//! Survey settings, as an owner would set them up: the built-in NPS wording and criteria until
//! saved; the 5P set with a criterion of the agency's own; a criterion taken off the list is
//! kept for past answers and comes back under its key; bad input is refused whole; another
//! agency keeps its own.

use accord_entity::survey_criteria;
use accord_tests::{spawn_app, world, TestApp};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
use serde_json::{json, Value};

async fn ok(res: reqwest::Response, want: u16) -> Value {
    let status = res.status().as_u16();
    let text = res.text().await.unwrap_or_default();
    assert_eq!(status, want, "{text}");
    serde_json::from_str(&text).unwrap_or(Value::String(text))
}

async fn stored(app: &TestApp, agency: accord_api::AgencyId) -> Vec<(String, bool)> {
    let tx = app.db.unscoped("test reads criteria").await.unwrap();
    let rows = survey_criteria::Entity::find()
        .filter(survey_criteria::Column::AgencyId.eq(agency))
        .order_by_asc(survey_criteria::Column::CreatedAt)
        .order_by_asc(survey_criteria::Column::Position)
        .all(tx.conn())
        .await
        .unwrap();
    tx.commit().await.unwrap();
    rows.into_iter().map(|c| (c.key, c.active)).collect()
}

fn keys(page: &Value) -> Vec<String> {
    page["settings"]["criteria"].as_array().unwrap().iter().map(|c| c["key"].as_str().unwrap().to_string()).collect()
}

#[tokio::test]
async fn an_owner_sets_up_the_nps_wording_and_csi_criteria() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let path = "/api/staff/survey-settings";

    // Built-in until saved: price, timeline, service; the 5P set is offered.
    let page = ok(manager.get(path).await, 200).await;
    assert_eq!(page["settings"]["built_in"], true);
    assert_eq!(page["can_edit"], false);
    assert_eq!(keys(&page), ["price", "timeline", "service"]);
    assert_eq!(page["settings"]["recontact_max"], 2);
    assert_eq!(page["settings"]["followup_days"], 2);
    assert!(page["settings"]["nps_ru"]["question"].as_str().unwrap().contains("{agency}"));
    let five_p = page["presets"].as_array().unwrap().iter().find(|p| p["key"] == "five_p").expect("5P").clone();
    assert_eq!(five_p["criteria"].as_array().unwrap().len(), 5);
    // Managers read, only owners and admins save.
    let mut wanted = page["settings"].clone();
    assert_eq!(manager.send("PUT", path, Some(wanted.clone())).await.status(), 403);

    // The owner takes the 5P set, adds "Quality" (no key yet) and rewords the Russian question.
    let mut criteria = five_p["criteria"].as_array().unwrap().clone();
    criteria.push(json!({ "name_ru": "Качество", "name_en": "Quality" }));
    wanted["criteria"] = json!(criteria);
    wanted["nps_ru"]["question"] = json!("  Порекомендуете ли вы {agency} знакомым?  ");
    wanted["recontact_max"] = json!(3);
    wanted["followup_days"] = json!(1);
    let saved = ok(owner.send("PUT", path, Some(wanted.clone())).await, 200).await;
    assert_eq!(saved["settings"]["built_in"], false);
    assert_eq!(saved["can_edit"], true);
    let k = keys(&saved);
    assert_eq!(&k[..5], ["product", "price", "place", "promotion", "people"]);
    assert!(k[5].starts_with("c_"), "{k:?}");
    assert_eq!(saved["settings"]["nps_ru"]["question"], "Порекомендуете ли вы {agency} знакомым?");
    assert_eq!(
        (saved["settings"]["recontact_max"].as_u64(), saved["settings"]["followup_days"].as_u64()),
        (Some(3), Some(1))
    );
    assert_eq!(ok(manager.get(path).await, 200).await["settings"], saved["settings"]);

    // "People" off the list and "Price" renamed: kept inactive, then back under its key.
    let mut less = saved["settings"].clone();
    let list = less["criteria"].as_array_mut().unwrap();
    list.retain(|c| c["key"] != "people");
    list[1]["name_en"] = json!("Cost");
    let after = ok(owner.send("PUT", path, Some(less.clone())).await, 200).await;
    assert_eq!(keys(&after).len(), 5);
    assert_eq!(after["settings"]["criteria"][1]["name_en"], "Cost");
    let rows = stored(&app, w.a.id).await;
    assert_eq!(rows.len(), 6);
    assert!(rows.contains(&("people".to_string(), false)));
    let back = ok(owner.send("PUT", path, Some(saved["settings"].clone())).await, 200).await;
    assert_eq!(keys(&back), k);
    assert_eq!(stored(&app, w.a.id).await.len(), 6, "no second row for a criterion put back");

    // Bad input is refused whole, naming the field; nothing changes.
    let cases: Vec<(Value, &str)> = vec![
        (json!([]), "criteria"),
        (
            json!((0..11)
                .map(|i| json!({ "name_ru": format!("К{i}"), "name_en": format!("C{i}") }))
                .collect::<Vec<_>>()),
            "criteria",
        ),
        (
            json!([{ "key": "price", "name_ru": "Цена", "name_en": "Price" }, { "key": "price", "name_ru": "Ещё", "name_en": "Again" }]),
            "criteria[1].key",
        ),
        (json!([{ "key": "Цена", "name_ru": "Цена", "name_en": "Price" }]), "criteria[0].key"),
        (json!([{ "name_ru": "  ", "name_en": "Price" }]), "criteria[0].name_ru"),
    ];
    for (criteria, field) in cases {
        let mut bad = back["settings"].clone();
        bad["criteria"] = criteria;
        let err = ok(owner.send("PUT", path, Some(bad)).await, 422).await;
        assert_eq!((err["code"].as_str(), err["field"].as_str()), (Some("validation_failed"), Some(field)), "{err}");
    }
    for (name, value, field) in [
        ("recontact_max", json!(0), "recontact_max"),
        ("recontact_max", json!(13), "recontact_max"),
        ("followup_days", json!(11), "followup_days"),
    ] {
        let mut bad = back["settings"].clone();
        bad[name] = value;
        let err = ok(owner.send("PUT", path, Some(bad)).await, 422).await;
        assert_eq!(err["field"], field, "{err}");
    }
    let mut bad = back["settings"].clone();
    bad["nps_en"]["why_detractor"] = json!("");
    bad["criteria"] = json!([{ "name_ru": "Новое", "name_en": "New" }]);
    let err = ok(owner.send("PUT", path, Some(bad)).await, 422).await;
    assert_eq!(err["field"], "nps_en.why_detractor");
    assert_eq!(ok(owner.get(path).await, 200).await["settings"], back["settings"]);
    assert_eq!(stored(&app, w.a.id).await.len(), 6);

    // Agency B still has the built-in settings.
    let owner_b = app.signed_in(&w.b.owner.email, world::PASSWORD).await;
    let b = ok(owner_b.get(path).await, 200).await;
    assert_eq!(b["settings"]["built_in"], true);
    assert_eq!(keys(&b), ["price", "timeline", "service"]);
}
