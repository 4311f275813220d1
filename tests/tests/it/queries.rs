//! Lists run a constant number of queries whatever their length (no N+1).

use accord_api::PortalRole;
use accord_entity::{clients, contacts};
use accord_server::clients::repo::{new_client, new_contact};
use accord_tests::{spawn_app_with, world, TestApp};
use sea_orm::EntityTrait;

async fn add_clients(app: &TestApp, w: &world::World, n: usize) {
    let tx = app.db.unscoped("test seeds clients").await.unwrap();
    for i in 0..n {
        let c = new_client(w.a.id, &format!("Bulk {i:04}"), accord_api::ClientStatus::Active, Some(w.manager_a.id));
        let contact = new_contact(w.a.id, c.id, "Someone", &format!("bulk{i}@x.test"), PortalRole::Viewer);
        clients::Entity::insert(clients::ActiveModel::from(c)).exec_without_returning(tx.conn()).await.unwrap();
        contacts::Entity::insert(contacts::ActiveModel::from(contact)).exec_without_returning(tx.conn()).await.unwrap();
    }
    tx.commit().await.unwrap();
}

#[tokio::test]
async fn clients_list_and_export_do_not_grow_with_the_number_of_clients() {
    // The mail sender would add its own polling queries to the count.
    let app = spawn_app_with(|s| s.mail_poll_ms = 3_600_000).await;
    let w = world::build(&app).await;
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let paths =
        ["/api/staff/clients?per_page=100", "/api/staff/exports/clients.csv", "/api/staff/exports/contacts.csv"];
    let mut small = Vec::new();
    for p in paths {
        small.push((app.queries_for(&owner, p).await, app.queries_for(&manager, p).await));
    }
    add_clients(&app, &w, 150).await;
    for (p, before) in paths.iter().zip(small) {
        let after = (app.queries_for(&owner, p).await, app.queries_for(&manager, p).await);
        eprintln!(
            "{p}: owner {} → {} queries, manager {} → {} queries (2 → 152 clients)",
            before.0, after.0, before.1, after.1
        );
        assert_eq!(before, after, "{p} runs more queries for more clients");
    }
}
