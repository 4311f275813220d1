//! A populated world for authorization tests: three agencies, two clients in agency A with
//! contacts, one client in B, and every kind of person. Written straight to the database
//! (one password hash for everyone) so each test starts in milliseconds.

use crate::TestApp;
use accord_api::{AgencyId, ClientId, ClientStatus, Locale, PortalRole, PrincipalKind, StaffRole, UserId, UserStatus};
use accord_api::{BacklogItemId, BacklogSource, BacklogStatus, GoalId, ProjectId, ProjectKind, ProjectStatus};
use accord_api::{CommentId, Side, StageId, StageStatus};
use accord_entity::{
    backlog_comments, backlog_items, clients, contacts, project_members, projects, roadmap_goals, roadmap_stages, users,
};
use accord_server::audit::Action;
use accord_server::auth::password::NewPassword;
use accord_server::clients::repo::{new_client, new_contact};
use accord_server::domain::{DisplayName, Email, Slug, TimeZone};
use accord_server::platform::service::{create_agency, ReadyAgency};
use sea_orm::{ActiveModelTrait, EntityTrait};

pub const PASSWORD: &str = "Correct-Horse-42";

#[derive(Clone, Debug)]
pub struct Person {
    pub id: UserId,
    pub email: String,
    pub name: String,
}

#[derive(Clone, Debug)]
pub struct Agency {
    pub id: AgencyId,
    pub name: String,
    pub slug: String,
    pub owner: Person,
}

#[derive(Clone, Debug)]
pub struct World {
    pub tag: String,
    pub operator: Person,
    pub a: Agency,
    pub b: Agency,
    pub c: Agency,
    pub admin_a: Person,
    pub manager_a: Person,
    pub specialist_a: Person,
    /// A specialist in A whom role and status operations target.
    pub target_a: Person,
    pub client_a1: (ClientId, String),
    pub client_a2: (ClientId, String),
    pub client_b1: (ClientId, String),
    pub approver_a1: Person,
    pub viewer_a1: Person,
    pub approver_a2: Person,
    /// Contacts of client A1 without portal access, for invitation tests (one per inviter).
    pub spare_contacts_a1: Vec<(accord_api::ContactId, String)>,
    /// A project of A1 with `specialist_a` on its team.
    pub project_a1: accord_api::ProjectId,
    /// Roadmap goals, stages and backlog ideas of A1, one per inviter like the spare contacts.
    pub goals_a1: Vec<GoalId>,
    pub stages_a1: Vec<StageId>,
    pub items_a1: Vec<BacklogItemId>,
    /// A proposed item of A1 awaiting the client's decision.
    pub proposed_a1: BacklogItemId,
    /// An idea's title and an internal comment on the proposed item: never for the portal.
    pub secret_idea: String,
    pub internal_note: String,
    /// Titles of A1's backlog items (ideas, the secret idea, the proposed item).
    pub item_titles_a1: Vec<String>,
    /// Colleagues in agency A without access to A1, and A1's pending contact invitations: only
    /// the isolation matrix adds them ([`add_insiders`]), so other tests' counts stay as they are.
    pub insiders: Option<Insiders>,
}

/// People of agency A who must not see client A1, and what they must not see of it.
#[derive(Clone, Debug)]
pub struct Insiders {
    /// An account manager of agency A who manages client A2, not A1.
    pub other_manager_a: Person,
    /// A specialist of agency A on a project of client A2, on none of A1's.
    pub other_specialist_a: Person,
    /// A pending contact invitation of A1 that nothing changes: (id, e-mail, name).
    pub invitation_a1: (accord_api::InvitationId, String, String),
    /// More pending contact invitations of A1, one per actor, for resend and revoke.
    pub contact_invitations_a1: Vec<accord_api::InvitationId>,
    /// E-mails and names of all these invitations' contacts.
    pub invitees_a1: Vec<String>,
    /// Point A of A1's roadmap.
    pub roadmap_a1: String,
}

impl World {
    /// Text that belongs to agency A and must never reach anyone outside it.
    pub fn agency_a_markers(&self) -> Vec<String> {
        let mut m = vec![self.a.name.clone(), self.client_a1.1.clone(), self.client_a2.1.clone()];
        for p in
            [&self.a.owner, &self.admin_a, &self.manager_a, &self.specialist_a, &self.approver_a1, &self.approver_a2]
        {
            m.push(p.email.clone());
        }
        if let Some(i) = &self.insiders {
            m.extend([i.other_manager_a.email.clone(), i.other_specialist_a.email.clone()]);
        }
        m.extend(self.client_a1_markers());
        m.sort();
        m.dedup();
        m
    }

    /// Text of client A1 that nobody without access to A1 may see: another client's contact,
    /// a colleague who neither manages A1 nor works on its projects.
    pub fn client_a1_markers(&self) -> Vec<String> {
        let mut m = vec![self.client_a1.1.clone(), self.approver_a1.email.clone(), self.viewer_a1.email.clone()];
        m.extend(self.spare_contacts_a1.iter().map(|(_, email)| email.clone()));
        m.extend(self.item_titles_a1.iter().cloned());
        m.push(self.internal_note.clone());
        if let Some(i) = &self.insiders {
            m.extend(i.invitees_a1.iter().cloned());
            m.push(i.roadmap_a1.clone());
        }
        m
    }
}

pub async fn build(app: &TestApp) -> World {
    let tag: String = uuid::Uuid::new_v4().simple().to_string()[..6].to_string();
    let hash = NewPassword::parse("p", PASSWORD).expect("policy").hash().await.expect("hash");
    let tx = app.db.unscoped("test world").await.expect("tx");
    let now = chrono::Utc::now();
    let person = |agency: Option<AgencyId>, kind: PrincipalKind, label: &str, role: Option<StaffRole>| {
        let email = format!("{label}-{tag}@example.test");
        let row = users::Model {
            id: UserId::new(),
            agency_id: agency,
            kind,
            email: email.clone(),
            name: format!("{label} {tag}"),
            password_hash: hash.clone(),
            locale: Locale::En,
            status: UserStatus::Active,
            staff_role: role,
            created_at: now,
            updated_at: now,
        };
        (Person { id: row.id, email, name: row.name.clone() }, row)
    };
    let insert =
        |row: users::Model| users::Entity::insert(users::ActiveModel::from(row)).exec_without_returning(tx.conn());

    let (operator, row) = person(None, PrincipalKind::Platform, "operator", None);
    insert(row).await.expect("operator");

    let mut agencies = Vec::new();
    for letter in ["a", "b", "c"] {
        let name = format!("Agency {} {tag}", letter.to_uppercase());
        let slug = format!("{letter}-{tag}");
        let owner_email = format!("owner-{letter}-{tag}@example.test");
        let ready = ReadyAgency {
            name: DisplayName::parse("n", &name).expect("name"),
            slug: Slug::parse("s", &slug).expect("slug"),
            locale: Locale::En,
            time_zone: TimeZone::parse("t", "Europe/Moscow").expect("tz"),
            owner_name: DisplayName::parse("n", &format!("Owner {letter} {tag}")).expect("name"),
            owner_email: Email::parse("e", &owner_email).expect("email"),
            owner_password_hash: hash.clone(),
        };
        let (agency, owner) = create_agency(&tx, ready, None, Action::AgencyCreated).await.expect("agency");
        agencies.push(Agency {
            id: agency.id,
            name,
            slug,
            owner: Person { id: owner.id, email: owner_email, name: owner.name },
        });
    }
    let (a, b, c) = (agencies[0].clone(), agencies[1].clone(), agencies[2].clone());

    let mut staff = Vec::new();
    for (label, role) in [
        ("admin-a", StaffRole::Admin),
        ("manager-a", StaffRole::AccountManager),
        ("specialist-a", StaffRole::Specialist),
        ("target-a", StaffRole::Specialist),
    ] {
        let (p, row) = person(Some(a.id), PrincipalKind::Staff, label, Some(role));
        insert(row).await.expect("staff");
        staff.push(p);
    }

    let mut client_rows = Vec::new();
    for (agency, label, manager) in [(a.id, "A1", Some(staff[1].id)), (a.id, "A2", None), (b.id, "B1", None)] {
        let row = new_client(agency, &format!("Client {label} {tag}"), ClientStatus::Active, manager);
        client_rows.push((row.id, row.name.clone()));
        clients::Entity::insert(clients::ActiveModel::from(row))
            .exec_without_returning(tx.conn())
            .await
            .expect("client");
    }
    // The specialist works on a project of A1, which is what lets them see A1.
    let project = projects::Model {
        id: ProjectId::new(),
        agency_id: a.id,
        client_id: client_rows[0].0,
        name: format!("Website {tag}"),
        kind: ProjectKind::Website,
        status: ProjectStatus::Active,
        starts_on: None,
        ends_on: None,
        budget_minor: Some(15_000_000),
        currency: "RUB".into(),
        budget_shared: false,
        created_at: now,
        updated_at: now,
    };
    projects::Entity::insert(projects::ActiveModel::from(project.clone()))
        .exec_without_returning(tx.conn())
        .await
        .expect("project");
    let member = project_members::Model { agency_id: a.id, project_id: project.id, user_id: staff[2].id };
    project_members::Entity::insert(project_members::ActiveModel::from(member))
        .exec_without_returning(tx.conn())
        .await
        .expect("member");

    let mut contacts_made = Vec::new();
    for (client_idx, label, role) in [
        (0, "approver-a1", PortalRole::Approver),
        (0, "viewer-a1", PortalRole::Viewer),
        (1, "approver-a2", PortalRole::Approver),
    ] {
        let (p, row) = person(Some(a.id), PrincipalKind::Contact, label, None);
        let mut contact = new_contact(a.id, client_rows[client_idx].0, &p.name, &p.email, role);
        contact.user_id = Some(p.id);
        insert(row).await.expect("contact user");
        contacts::Entity::insert(contacts::ActiveModel::from(contact))
            .exec_without_returning(tx.conn())
            .await
            .expect("contact");
        contacts_made.push(p);
    }
    let mut spare_contacts_a1 = Vec::new();
    for i in 0..4 {
        let email = format!("spare{i}-{tag}@example.test");
        let contact = new_contact(a.id, client_rows[0].0, &format!("Spare {i} {tag}"), &email, PortalRole::Viewer);
        contacts::Entity::insert(contacts::ActiveModel::from(contact.clone()))
            .exec_without_returning(tx.conn())
            .await
            .expect("spare");
        spare_contacts_a1.push((contact.id, email));
    }
    let a1 = client_rows[0].0;
    let mut goals_a1 = Vec::new();
    let mut stages_a1 = Vec::new();
    let mut items_a1 = Vec::new();
    let mut item_titles_a1 = Vec::new();
    let item = |title: String, status: BacklogStatus, rank: i64| {
        let mut row = accord_server::backlog::new_item(&project, &title, status, rank, None);
        row.estimate_minutes = Some(120);
        row
    };
    for i in 0..4 {
        let goal = roadmap_goals::Model {
            id: GoalId::new(),
            agency_id: a.id,
            client_id: a1,
            name: format!("Leads {i}"),
            unit: "/mo".into(),
            baseline: 10.0,
            target: 20.0,
            created_at: now,
        };
        roadmap_goals::Entity::insert(roadmap_goals::ActiveModel::from(goal.clone()))
            .exec_without_returning(tx.conn())
            .await
            .expect("goal");
        goals_a1.push(goal.id);
        let today = now.date_naive();
        let stage = roadmap_stages::Model {
            id: StageId::new(),
            agency_id: a.id,
            client_id: a1,
            title: format!("Stage {i}"),
            starts_on: today,
            ends_on: today,
            status: StageStatus::Planned,
            created_at: now,
        };
        roadmap_stages::Entity::insert(roadmap_stages::ActiveModel::from(stage.clone()))
            .exec_without_returning(tx.conn())
            .await
            .expect("stage");
        stages_a1.push(stage.id);
        item_titles_a1.push(format!("Idea {i} {tag}"));
        let idea = item(format!("Idea {i} {tag}"), BacklogStatus::Idea, i + 1);
        backlog_items::Entity::insert(backlog_items::ActiveModel::from(idea.clone()))
            .exec_without_returning(tx.conn())
            .await
            .expect("item");
        items_a1.push(idea.id);
    }
    let secret_idea = format!("Secret idea {tag}");
    let secret = item(secret_idea.clone(), BacklogStatus::Idea, 5);
    let proposed = item(format!("Proposed {tag}"), BacklogStatus::Proposed, 6);
    item_titles_a1.extend([secret_idea.clone(), proposed.title.clone()]);
    for row in [secret, proposed.clone()] {
        backlog_items::Entity::insert(backlog_items::ActiveModel::from(row))
            .exec_without_returning(tx.conn())
            .await
            .expect("item");
    }
    let internal_note = format!("Internal note {tag}");
    let note = backlog_comments::Model {
        id: CommentId::new(),
        agency_id: a.id,
        client_id: a1,
        item_id: proposed.id,
        author_id: a.owner.id,
        side: Side::Agency,
        internal: true,
        body: internal_note.clone(),
        created_at: now,
    };
    backlog_comments::Entity::insert(backlog_comments::ActiveModel::from(note))
        .exec_without_returning(tx.conn())
        .await
        .expect("note");
    tx.commit().await.expect("commit world");

    World {
        tag,
        operator,
        a,
        b,
        c,
        admin_a: staff[0].clone(),
        manager_a: staff[1].clone(),
        specialist_a: staff[2].clone(),
        target_a: staff[3].clone(),
        client_a1: client_rows[0].clone(),
        client_a2: client_rows[1].clone(),
        client_b1: client_rows[2].clone(),
        approver_a1: contacts_made[0].clone(),
        viewer_a1: contacts_made[1].clone(),
        approver_a2: contacts_made[2].clone(),
        spare_contacts_a1,
        project_a1: project.id,
        goals_a1,
        stages_a1,
        items_a1,
        proposed_a1: proposed.id,
        secret_idea,
        internal_note,
        item_titles_a1,
        insiders: None,
    }
}

/// Adds [`Insiders`] to the world: an account manager who manages A2 (not A1), a specialist on
/// a project of A2 (none of A1's), `n_invitations + 1` pending contact invitations for new
/// contacts of A1, and a point A on A1's roadmap.
pub async fn add_insiders(app: &TestApp, w: &mut World, n_invitations: usize) {
    let tag = w.tag.clone();
    let hash = NewPassword::parse("p", PASSWORD).expect("policy").hash().await.expect("hash");
    let tx = app.db.unscoped("test world insiders").await.expect("tx");
    let now = chrono::Utc::now();
    let mut people = Vec::new();
    for (label, role) in [("other-manager-a", StaffRole::AccountManager), ("other-specialist-a", StaffRole::Specialist)]
    {
        let email = format!("{label}-{tag}@example.test");
        let row = users::Model {
            id: UserId::new(),
            agency_id: Some(w.a.id),
            kind: PrincipalKind::Staff,
            email: email.clone(),
            name: format!("{label} {tag}"),
            password_hash: hash.clone(),
            locale: Locale::En,
            status: UserStatus::Active,
            staff_role: Some(role),
            created_at: now,
            updated_at: now,
        };
        people.push(Person { id: row.id, email, name: row.name.clone() });
        users::Entity::insert(users::ActiveModel::from(row)).exec_without_returning(tx.conn()).await.expect("staff");
    }
    let (other_manager_a, other_specialist_a) = (people[0].clone(), people[1].clone());
    let mut a2 = clients::Entity::find_by_id(w.client_a2.0).one(tx.conn()).await.expect("a2").expect("a2 exists");
    a2.account_manager_id = Some(other_manager_a.id);
    clients::Entity::update(clients::ActiveModel::from(a2).reset_all()).exec(tx.conn()).await.expect("a2 manager");
    let project = projects::Model {
        id: ProjectId::new(),
        agency_id: w.a.id,
        client_id: w.client_a2.0,
        name: format!("Shop {tag}"),
        kind: ProjectKind::Website,
        status: ProjectStatus::Active,
        starts_on: None,
        ends_on: None,
        budget_minor: None,
        currency: "RUB".into(),
        budget_shared: false,
        created_at: now,
        updated_at: now,
    };
    projects::Entity::insert(projects::ActiveModel::from(project.clone()))
        .exec_without_returning(tx.conn())
        .await
        .expect("project a2");
    let member = project_members::Model { agency_id: w.a.id, project_id: project.id, user_id: other_specialist_a.id };
    project_members::Entity::insert(project_members::ActiveModel::from(member))
        .exec_without_returning(tx.conn())
        .await
        .expect("member a2");

    let mut invitees = Vec::new();
    for i in 0..=n_invitations {
        let (email, name) = (format!("invitee{i}-{tag}@example.test"), format!("Invitee {i} {tag}"));
        let contact = new_contact(w.a.id, w.client_a1.0, &name, &email, PortalRole::Viewer);
        contacts::Entity::insert(contacts::ActiveModel::from(contact.clone()))
            .exec_without_returning(tx.conn())
            .await
            .expect("invitee");
        invitees.push((contact.id, email, name));
    }
    tx.commit().await.expect("commit insiders");

    // Invitations and the roadmap through the API, as A1's manager would make them.
    let manager = app.signed_in(&w.manager_a.email, PASSWORD).await;
    let a1 = format!("/api/staff/clients/{}", w.client_a1.0);
    let mut made = Vec::new();
    let mut invitees_a1 = Vec::new();
    for (contact, email, name) in invitees {
        let res = manager.post(&format!("{a1}/contacts/{contact}/invitation"), serde_json::json!({})).await;
        assert_eq!(res.status(), 201, "invitation of {email}: {}", res.text().await.unwrap_or_default());
        let view: serde_json::Value = res.json().await.expect("invitation json");
        let id: uuid::Uuid = view["id"].as_str().and_then(|s| s.parse().ok()).expect("invitation id");
        made.push((accord_api::InvitationId(id), email.clone(), name.clone()));
        invitees_a1.extend([email, name]);
    }
    let roadmap_a1 = format!("Roadmap point A {tag}");
    let res = manager
        .send(
            "PUT",
            &format!("{a1}/roadmap/points"),
            Some(serde_json::json!({ "point_a": roadmap_a1, "point_b": format!("Roadmap point B {tag}") })),
        )
        .await;
    assert_eq!(res.status(), 200, "roadmap points: {}", res.text().await.unwrap_or_default());
    w.insiders = Some(Insiders {
        other_manager_a,
        other_specialist_a,
        invitation_a1: made[0].clone(),
        contact_invitations_a1: made[1..].iter().map(|(id, _, _)| *id).collect(),
        invitees_a1,
        roadmap_a1,
    });
}

/// `n` backlog items in `project_a1` (idea, proposed, agreed, done in turn), written in bulk.
pub async fn add_backlog_items(app: &TestApp, w: &World, n: usize) {
    let tx = app.db.unscoped("test seeds backlog").await.unwrap();
    let project = projects::Entity::find_by_id(w.project_a1).one(tx.conn()).await.unwrap().unwrap();
    let statuses = [BacklogStatus::Idea, BacklogStatus::Proposed, BacklogStatus::Agreed, BacklogStatus::Done];
    let rows: Vec<backlog_items::ActiveModel> = (0..n)
        .map(|i| {
            let mut row = accord_server::backlog::new_item(
                &project,
                &format!("Bulk {i:05}"),
                statuses[i % 4],
                100 + i as i64,
                Some(w.manager_a.id),
            );
            row.description = "Some *markdown*".into();
            row.estimate_minutes = Some(60);
            row.price_minor = Some(100_000);
            row.source = BacklogSource::Analytics;
            row.change_request = i % 7 == 0;
            backlog_items::ActiveModel::from(row)
        })
        .collect();
    for chunk in rows.chunks(500) {
        backlog_items::Entity::insert_many(chunk.to_vec()).exec_without_returning(tx.conn()).await.unwrap();
    }
    tx.commit().await.unwrap();
}

/// `n` more active clients of agency A managed by `manager_a`, each with one viewer contact
/// (`c{i}@{domain}`), for the benchmarks' long lists.
pub async fn add_clients(app: &TestApp, w: &World, n: usize, domain: &str) {
    let tx = app.db.unscoped("test seeds clients").await.unwrap();
    for i in 0..n {
        let c = new_client(w.a.id, &format!("Клиент {i:04}"), ClientStatus::Active, Some(w.manager_a.id));
        let contact = new_contact(w.a.id, c.id, "Контакт", &format!("c{i}@{domain}"), PortalRole::Viewer);
        clients::Entity::insert(clients::ActiveModel::from(c)).exec_without_returning(tx.conn()).await.unwrap();
        contacts::Entity::insert(contacts::ActiveModel::from(contact)).exec_without_returning(tx.conn()).await.unwrap();
    }
    tx.commit().await.unwrap();
}
