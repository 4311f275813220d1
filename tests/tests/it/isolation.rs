//! The tenant-isolation matrix: every operation in the OpenAPI document × every kind of actor
//! → the expected status, and no response body carries data the actor must not see.
//! An operation without a row here fails the test, so new endpoints cannot skip it.

use accord_api::auth::{ChangePasswordRequest, SetLocaleRequest, SignInRequest, SignUpRequest, UpdateProfileRequest};
use accord_api::backlog::{
    BacklogItemInput, BacklogItemUpdate, DecisionRequest, ImportRequest, MoveItem, NewBacklogItem, NewComment,
    PortalComment, StatusChange,
};
use accord_api::clients::{ContactLeftRequest, CreateClientRequest, CreateContactRequest, UpdateClientRequest};
use accord_api::finance::{
    ClosingDocumentInput, ClosingKind, ContractInput, ContractKind, ContractStatus, FinanceSettingsInput, InvoiceInput,
    PaymentInput,
};
use accord_api::growth::{
    ArticleInput, ClientServiceInput, CriteriaInput, CriterionInput, MarkInput, MarksInput, ServiceInput, UpsellInput,
    UpsellStatus,
};
use accord_api::invitations::{
    AcceptInvitationRequest, InviteContactRequest, InviteStaffRequest, RequestPasswordReset, TokenRequest,
};
use accord_api::meetings::{
    Acknowledge, AgendaMove, Attendees, Dispute, Frequency, MarkDone, MinutesInput, NewAgendaItem, NewMeeting,
    NewPromise, Reason, Renegotiate, Reschedule, SeriesChange, SeriesInput,
};
use accord_api::platform::CreateAgencyRequest;
use accord_api::projects::{NewTouchpoint, ProjectInput};
use accord_api::reports::{
    NewQuestion, NewReport, NewReportMessage, PublishReport, QuestionToIdea, ReportInput, ReportTemplate, SectionInput,
    SectionKind, TemplateSection,
};
use accord_api::risks::{NewIncident, RiskCategory, RiskInput, RiskStatus, StepInput};
use accord_api::roadmap::{GoalInput, NewGoalValue, PointsInput, Seen, StageInput};
use accord_api::staff::{AgencySettings, ChangeRoleRequest, SetStatusRequest};
use accord_api::surveys::{
    AnswerInput, CampaignInput, CampaignRecipients, CampaignTarget, CloseFollowup, FollowupOutcome, MarkRequest,
    PhoneAnswer, PromoterMark, RatingInput,
};
use accord_api::{
    BacklogSource, BacklogStatus, ClientStatus, DecisionKind, Locale, Money, PortalRole, Priority, ProjectKind,
    ProjectStatus, ReportCadence, StaffRole, StageStatus, Temperament, TouchpointKind, UserId, UserStatus,
};
use accord_tests::world::{self, World};
use accord_tests::{spawn_app, Client, TestApp};
use serde_json::{json, Value};
use std::collections::{BTreeSet, HashMap};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Actor {
    Anonymous,
    Operator,
    OwnerA,
    AdminA,
    ManagerA,
    SpecialistA,
    /// Colleagues in agency A without access to A1: an account manager of client A2 (not A1) and
    /// a specialist on a project of A2 (none of A1's). "Managers see all clients" is off.
    OtherManagerA,
    OtherSpecialistA,
    /// Staff of another agency.
    OwnerB,
    /// Contacts of client A1 — the client the paths point at.
    ApproverA1,
    ViewerA1,
    /// A contact of another client of the same agency.
    ApproverA2,
}
use Actor::*;

const ACTORS: [Actor; 12] = [
    Anonymous,
    Operator,
    OwnerA,
    AdminA,
    ManagerA,
    SpecialistA,
    OtherManagerA,
    OtherSpecialistA,
    OwnerB,
    ApproverA1,
    ViewerA1,
    ApproverA2,
];

fn is_contact(a: Actor) -> bool {
    matches!(a, ApproverA1 | ViewerA1 | ApproverA2)
}

/// Staff of agency A who cannot see client A1.
fn is_outsider_of_a1(a: Actor) -> bool {
    matches!(a, OtherManagerA | OtherSpecialistA)
}

/// What the matrix aims a row at, where one path serves several kinds of record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Target {
    /// The usual ids (see `concrete`): client A1, a staff invitation of agency A, ...
    Default,
    /// A pending contact invitation of client A1, a fresh one per actor.
    ContactInvitationA1,
    /// A draft report of A1 per slot, to save or to delete.
    ReportToEdit,
    ReportToDelete,
}

// Expected-status shapes.
fn any_caller(code: u16) -> impl Fn(Actor) -> u16 {
    move |_| code
}
fn signed_in(code: u16) -> impl Fn(Actor) -> u16 {
    move |a| if a == Anonymous { 401 } else { code }
}
fn operator_only(code: u16) -> impl Fn(Actor) -> u16 {
    move |a| match a {
        Anonymous => 401,
        Operator => code,
        _ => 403,
    }
}
fn contacts_only(code: u16) -> impl Fn(Actor) -> u16 {
    move |a| match a {
        Anonymous => 401,
        a if is_contact(a) => code,
        _ => 403,
    }
}
/// Staff endpoints: `a` is what each role of agency A gets, `other` what agency B's owner gets.
fn staff(a: impl Fn(Actor) -> u16, other: u16) -> impl Fn(Actor) -> u16 {
    move |actor| match actor {
        Anonymous => 401,
        Operator => 403,
        OwnerB => other,
        x if is_contact(x) => 403,
        x => a(x),
    }
}
fn managers(ok: u16) -> impl Fn(Actor) -> u16 {
    move |a| if matches!(a, SpecialistA | OtherSpecialistA) { 403 } else { ok }
}
/// Those who may change client A1: owner, admin and its account manager (not the specialist).
fn client_managers(ok: u16) -> impl Fn(Actor) -> u16 {
    move |a| if a == SpecialistA { 403 } else { ok }
}
/// Operations on client A1 (`/api/staff/clients/{id}/...`): `a` for those who see A1; A1 is
/// not there (404) for colleagues without access to it and for another agency.
fn on_a1(a: impl Fn(Actor) -> u16) -> impl Fn(Actor) -> u16 {
    staff(move |x| if is_outsider_of_a1(x) { 404 } else { a(x) }, 404)
}
/// Resend/revoke of a contact invitation of A1: those who may change A1. Specialists may not
/// manage contact invitations at all (the role is checked first); a manager who cannot see A1
/// finds nothing.
fn a1_contact_invitation(ok: u16) -> impl Fn(Actor) -> u16 {
    staff(
        move |x| match x {
            OwnerA | AdminA | ManagerA => ok,
            OtherManagerA => 404,
            _ => 403,
        },
        404,
    )
}
/// Portal item endpoints aimed at an item of client A1.
fn contacts_of_a1(code: u16) -> impl Fn(Actor) -> u16 {
    move |a| match a {
        Anonymous => 401,
        ApproverA1 | ViewerA1 => code,
        ApproverA2 => 404,
        _ => 403,
    }
}
/// Only A1's approver decides; its viewer is refused, another client's contact sees nothing.
fn approver_of_a1(code: u16) -> impl Fn(Actor) -> u16 {
    move |a| match a {
        Anonymous => 401,
        ApproverA1 => code,
        ApproverA2 => 404,
        _ => 403,
    }
}
/// A survey invitation of A1's approver: theirs alone (A1's viewer has their own).
fn own_invitation(code: u16) -> impl Fn(Actor) -> u16 {
    move |a| match a {
        Anonymous => 401,
        ApproverA1 => code,
        ViewerA1 | ApproverA2 => 404,
        _ => 403,
    }
}
fn admins(ok: u16) -> impl Fn(Actor) -> u16 {
    move |a| if matches!(a, OwnerA | AdminA) { ok } else { 403 }
}
/// Money of client A1: owner, admin and A1's account manager; specialists are refused before
/// anything is looked up (403), a manager of other clients and another agency find nothing.
fn money_of_a1(ok: u16) -> impl Fn(Actor) -> u16 {
    staff(
        move |x| match x {
            SpecialistA | OtherSpecialistA => 403,
            OtherManagerA => 404,
            _ => ok,
        },
        404,
    )
}

type Expect = Box<dyn Fn(Actor) -> u16>;
type Body = Box<dyn Fn(&World) -> Option<Value>>;

struct Row {
    method: &'static str,
    path: &'static str,
    expect: Expect,
    body: Body,
    target: Target,
}

impl Row {
    /// The same operation once more, aimed at another kind of record. The coverage check
    /// counts (method, path) once, so such rows add targets, not operations.
    fn aimed_at(mut self, target: Target) -> Row {
        self.target = target;
        self
    }
}

fn row(
    method: &'static str,
    path: &'static str,
    expect: impl Fn(Actor) -> u16 + 'static,
    body: impl Fn(&World) -> Option<Value> + 'static,
) -> Row {
    Row { method, path, expect: Box::new(expect), body: Box::new(body), target: Target::Default }
}

fn none(_: &World) -> Option<Value> {
    None
}

fn unique() -> String {
    uuid::Uuid::new_v4().simple().to_string()[..10].to_string()
}

/// A request body from the wire contract's own type: a renamed or retyped field breaks the
/// build here instead of quietly turning a row into a 422.
fn dto(body: impl serde::Serialize) -> Option<Value> {
    Some(serde_json::to_value(body).expect("a DTO serializes"))
}

fn contact(name: &str, email: &str, position: Option<&str>) -> CreateContactRequest {
    CreateContactRequest {
        name: name.into(),
        email: email.into(),
        portal_role: PortalRole::Viewer,
        position: position.map(str::to_string),
        phone: None,
        decision_maker: false,
    }
}

fn project(
    name: &str,
    kind: ProjectKind,
    status: ProjectStatus,
    budget: Option<Money>,
    team: Vec<UserId>,
) -> ProjectInput {
    ProjectInput { name: name.into(), kind, status, starts_on: None, ends_on: None, budget, budget_shared: false, team }
}

fn stage(ends_on: &str, status: StageStatus) -> StageInput {
    StageInput {
        title: "Audit".into(),
        starts_on: "2026-12-01".parse().expect("date"),
        ends_on: ends_on.parse().expect("date"),
        status,
    }
}

fn item(title: &str, priority: Priority, source: BacklogSource, estimate_minutes: Option<i64>) -> BacklogItemInput {
    BacklogItemInput {
        title: title.into(),
        description: String::new(),
        benefit: String::new(),
        estimate_minutes,
        price: None,
        priority,
        source,
        change_request: false,
        stage_id: None,
    }
}

fn matrix() -> Vec<Row> {
    vec![
        row("GET", "/api/public/config", any_caller(200), none),
        row("POST", "/api/auth/sign-in", any_caller(401), |_| {
            dto(SignInRequest {
                email: format!("nobody-{}@x.test", unique()),
                password: "Wrong-password-9".into(),
                agency_slug: None,
            })
        }),
        row("POST", "/api/auth/sign-up", any_caller(403), |_| {
            let u = unique();
            dto(SignUpRequest {
                agency_name: "X".into(),
                agency_slug: format!("s-{u}"),
                owner_name: "Y".into(),
                email: format!("{u}@x.test"),
                password: "Very-secret-pass-1".into(),
                locale: Locale::Ru,
            })
        }),
        row("GET", "/api/auth/me", signed_in(200), none),
        row("POST", "/api/auth/sign-out", signed_in(204), none),
        row("POST", "/api/auth/password", signed_in(204), |_| {
            dto(ChangePasswordRequest {
                current_password: world::PASSWORD.into(),
                new_password: world::PASSWORD.into(),
            })
        }),
        row("PUT", "/api/auth/locale", signed_in(200), |_| dto(SetLocaleRequest { locale: Locale::En })),
        row("GET", "/api/platform/agencies", operator_only(200), none),
        row("POST", "/api/platform/agencies", operator_only(201), |_| {
            let u = unique();
            dto(CreateAgencyRequest {
                name: "New".into(),
                slug: format!("n-{u}"),
                default_locale: Locale::Ru,
                time_zone: "UTC".into(),
                owner_name: "O".into(),
                owner_email: format!("o-{u}@x.test"),
                owner_password: "Very-secret-pass-1".into(),
            })
        }),
        row("POST", "/api/platform/agencies/{id}/suspend", operator_only(200), none),
        row("POST", "/api/platform/agencies/{id}/reactivate", operator_only(200), none),
        row("GET", "/api/staff/clients", staff(any_caller(200), 200), none),
        row("POST", "/api/staff/clients", staff(managers(201), 201), |_| {
            dto(CreateClientRequest {
                name: format!("Matrix {}", unique()),
                status: ClientStatus::Onboarding,
                account_manager_id: None,
            })
        }),
        row("GET", "/api/staff/clients/{id}", on_a1(any_caller(200)), none),
        row("GET", "/api/staff/clients/{id}/contacts", on_a1(any_caller(200)), none),
        row("POST", "/api/staff/clients/{id}/contacts", on_a1(managers(201)), |_| {
            dto(contact("C", &format!("c-{}@x.test", unique()), None))
        }),
        row("GET", "/api/staff/members", staff(admins(200), 200), none),
        row("PUT", "/api/staff/members/{id}/role", staff(admins(200), 404), |_| {
            dto(ChangeRoleRequest { role: StaffRole::Specialist })
        }),
        row("PUT", "/api/staff/members/{id}/status", staff(admins(200), 404), |_| {
            dto(SetStatusRequest { status: UserStatus::Active })
        }),
        row("GET", "/api/portal/home", contacts_only(200), none),
        row("POST", "/api/staff/invitations", staff(admins(201), 201), |_| {
            dto(InviteStaffRequest {
                email: format!("inv-{}@x.test", unique()),
                name: "I".into(),
                role: StaffRole::Specialist,
                locale: None,
            })
        }),
        row("GET", "/api/staff/invitations", staff(managers(200), 200), none),
        // Staff invitations: owner/admin only.
        row("POST", "/api/staff/invitations/{id}/resend", staff(admins(200), 404), none),
        row("POST", "/api/staff/invitations/{id}/revoke", staff(admins(200), 404), none),
        // Contact invitations of A1 (one pending invitation per actor: resend, then revoke).
        row("POST", "/api/staff/invitations/{id}/resend", a1_contact_invitation(200), none)
            .aimed_at(Target::ContactInvitationA1),
        row("POST", "/api/staff/invitations/{id}/revoke", a1_contact_invitation(200), none)
            .aimed_at(Target::ContactInvitationA1),
        row("POST", "/api/staff/clients/{id}/contacts/{contact_id}/invitation", on_a1(managers(201)), |_| {
            dto(InviteContactRequest { locale: None })
        }),
        row("POST", "/api/public/invitations/preview", any_caller(404), |_| dto(TokenRequest { token: unique() })),
        row("POST", "/api/public/invitations/accept", any_caller(404), |_| {
            dto(AcceptInvitationRequest { token: unique(), password: "Very-secret-pass-1".into() })
        }),
        row("POST", "/api/public/password-reset/request", any_caller(202), |_| {
            dto(RequestPasswordReset { email: format!("nobody-{}@x.test", unique()) })
        }),
        row("POST", "/api/public/password-reset/check", any_caller(404), |_| dto(TokenRequest { token: unique() })),
        row("POST", "/api/public/password-reset/complete", any_caller(404), |_| {
            dto(AcceptInvitationRequest { token: unique(), password: "Very-secret-pass-1".into() })
        }),
        row("PUT", "/api/auth/profile", signed_in(200), |_| dto(UpdateProfileRequest { name: "Matrix Person".into() })),
        // Client account: A1 is managed by ManagerA; SpecialistA is on one of its projects.
        row("PUT", "/api/staff/clients/{id}", on_a1(client_managers(200)), |w| {
            dto(UpdateClientRequest {
                name: w.client_a1.1.clone(),
                status: ClientStatus::Active,
                account_manager_id: Some(w.manager_a.id),
                started_on: None,
                ended_on: None,
                business_model: None,
                audience: None,
                market: None,
                product_role: None,
                included: vec!["SEO".into()],
                excluded: Vec::new(),
                contact_cadence_days: Some(14),
                report_cadence: None,
                temperament: Some(Temperament::Sanguine),
                activity: None,
                value_tier: None,
            })
        }),
        row("POST", "/api/staff/clients/{id}/archive", on_a1(client_managers(200)), none),
        row("POST", "/api/staff/clients/{id}/unarchive", on_a1(client_managers(200)), none),
        row("GET", "/api/staff/clients/{id}/status-history", on_a1(any_caller(200)), none),
        row("GET", "/api/staff/clients/{id}/contacts/history", on_a1(any_caller(200)), none),
        row("PUT", "/api/staff/clients/{id}/contacts/{contact_id}", on_a1(client_managers(200)), |_| {
            dto(contact("Renamed", &format!("r-{}@x.test", unique()), Some("CMO")))
        }),
        row("POST", "/api/staff/clients/{id}/contacts/{contact_id}/leave", on_a1(client_managers(200)), |_| {
            dto(ContactLeftRequest { replaced_by: None })
        }),
        row("GET", "/api/staff/clients/{id}/projects", on_a1(any_caller(200)), none),
        row("POST", "/api/staff/clients/{id}/projects", on_a1(client_managers(201)), |_| {
            dto(project("SEO", ProjectKind::Seo, ProjectStatus::Planned, None, Vec::new()))
        }),
        row("PUT", "/api/staff/clients/{id}/projects/{project_id}", on_a1(client_managers(200)), |w| {
            dto(project(
                "Website",
                ProjectKind::Website,
                ProjectStatus::Active,
                Some(Money { amount_minor: 15_000_000, currency: "RUB".into() }),
                vec![w.specialist_a.id],
            ))
        }),
        row("GET", "/api/staff/clients/{id}/touchpoints", on_a1(any_caller(200)), none),
        row("POST", "/api/staff/clients/{id}/touchpoints", on_a1(any_caller(201)), |_| {
            dto(NewTouchpoint {
                kind: TouchpointKind::Call,
                occurred_at: chrono::Utc::now(),
                contact_id: None,
                summary: "Weekly call".into(),
            })
        }),
        row("GET", "/api/staff/exports/clients.csv", staff(any_caller(200), 200), none),
        row("GET", "/api/staff/exports/contacts.csv", staff(any_caller(200), 200), none),
        row("GET", "/api/staff/agency/settings", staff(admins(200), 200), none),
        row("GET", "/api/staff/directory", staff(any_caller(200), 200), none),
        row("PUT", "/api/staff/agency/settings", staff(admins(200), 200), |_| {
            dto(AgencySettings {
                managers_see_all: false,
                ack_days: 3,
                report_due_days: 2,
                report_read_days: 3,
                report_auto_draft: false,
            })
        }),
        // Roadmap of A1 (goal and stage ids are per actor, like the spare contacts).
        row("GET", "/api/staff/clients/{id}/roadmap", on_a1(any_caller(200)), none),
        row("PUT", "/api/staff/clients/{id}/roadmap/points", on_a1(client_managers(200)), |_| {
            dto(PointsInput {
                point_a: "Today: **2** leads".into(),
                point_b: "Tomorrow: 20 leads".into(),
                seen: Seen::default(),
            })
        }),
        row("POST", "/api/staff/clients/{id}/roadmap/goals", on_a1(client_managers(201)), |_| {
            dto(GoalInput { name: "Conversion".into(), unit: "%".into(), baseline: 1.5, target: 3.0 })
        }),
        row("PUT", "/api/staff/clients/{id}/roadmap/goals/{goal_id}", on_a1(client_managers(200)), |_| {
            dto(GoalInput { name: "Leads".into(), unit: "/mo".into(), baseline: 10.0, target: 30.0 })
        }),
        row("POST", "/api/staff/clients/{id}/roadmap/goals/{goal_id}/values", on_a1(client_managers(200)), |_| {
            dto(NewGoalValue { value: 12.0, measured_on: chrono::Utc::now().date_naive() })
        }),
        row("DELETE", "/api/staff/clients/{id}/roadmap/goals/{goal_id}", on_a1(client_managers(204)), none),
        row("POST", "/api/staff/clients/{id}/roadmap/stages", on_a1(client_managers(201)), |_| {
            dto(stage("2026-12-31", StageStatus::Planned))
        }),
        row("PUT", "/api/staff/clients/{id}/roadmap/stages/{stage_id}", on_a1(client_managers(200)), |_| {
            dto(stage("2027-01-31", StageStatus::Active))
        }),
        row("DELETE", "/api/staff/clients/{id}/roadmap/stages/{stage_id}", on_a1(client_managers(204)), none),
        row("GET", "/api/portal/roadmap", contacts_only(200), none),
        // Backlog of A1's project (item ids per actor; versions follow the rows' own changes).
        row("GET", "/api/staff/backlog/below-standard", staff(any_caller(200), 200), none),
        row("GET", "/api/staff/clients/{id}/projects/{project_id}/backlog", on_a1(any_caller(200)), none),
        row("POST", "/api/staff/clients/{id}/projects/{project_id}/backlog", on_a1(client_managers(201)), |_| {
            dto(NewBacklogItem {
                item: item("Matrix item", Priority::High, BacklogSource::Analytics, Some(90)),
                propose: false,
            })
        }),
        row("GET", "/api/staff/clients/{id}/projects/{project_id}/backlog/{item_id}", on_a1(any_caller(200)), none),
        row(
            "PUT",
            "/api/staff/clients/{id}/projects/{project_id}/backlog/{item_id}",
            on_a1(client_managers(200)),
            |_| {
                dto(BacklogItemUpdate {
                    version: 1,
                    item: item("Matrix edit", Priority::Low, BacklogSource::ClientRequest, None),
                })
            },
        ),
        row(
            "POST",
            "/api/staff/clients/{id}/projects/{project_id}/backlog/{item_id}/status",
            on_a1(client_managers(200)),
            |_| dto(StatusChange { to: BacklogStatus::Proposed, version: 2 }),
        ),
        row(
            "POST",
            "/api/staff/clients/{id}/projects/{project_id}/backlog/{item_id}/move",
            on_a1(client_managers(200)),
            |_| dto(MoveItem { position: 1, version: 3 }),
        ),
        row(
            "POST",
            "/api/staff/clients/{id}/projects/{project_id}/backlog/{item_id}/comments",
            on_a1(any_caller(201)),
            |_| dto(NewComment { body: "Matrix comment".into(), internal: true }),
        ),
        row("GET", "/api/staff/clients/{id}/projects/{project_id}/backlog.csv", on_a1(any_caller(200)), none),
        row("POST", "/api/staff/clients/{id}/projects/{project_id}/backlog.csv", on_a1(client_managers(200)), |_| {
            dto(ImportRequest { csv: "title;estimate_hours\nMatrix import;2,5\n".into() })
        }),
        row("GET", "/api/portal/backlog", contacts_only(200), none),
        row("GET", "/api/portal/backlog/sections/{section}", contacts_only(200), none),
        row("GET", "/api/portal/backlog/{item_id}", contacts_of_a1(200), none),
        row("POST", "/api/portal/backlog/{item_id}/comments", contacts_of_a1(201), |_| {
            dto(PortalComment { body: "A question from the client".into() })
        }),
        row("POST", "/api/portal/backlog/{item_id}/decision", approver_of_a1(200), |_| {
            dto(DecisionRequest { decision: DecisionKind::Approved, version: 1, comment: None })
        }),
        // Meetings of A1 (ids per actor where a success changes what the next one would find).
        row("GET", "/api/staff/clients/{id}/meetings", on_a1(any_caller(200)), none),
        row("POST", "/api/staff/clients/{id}/meeting-series", on_a1(client_managers(201)), |_| dto(series_input(2))),
        row("POST", "/api/staff/meeting-series/{sid}/occurrences/{date}", on_a1(any_caller(200)), none),
        row("PUT", "/api/staff/meeting-series/{sid}", on_a1(client_managers(200)), |_| {
            dto(SeriesChange { from: days_ahead(16), series: series_input(4) })
        }),
        row("POST", "/api/staff/clients/{id}/meetings", on_a1(client_managers(201)), |_| dto(one_off(5))),
        row("GET", "/api/staff/meetings/{mid}", on_a1(any_caller(200)), none),
        row("POST", "/api/staff/meetings/{mid}/reschedule", on_a1(client_managers(200)), |_| {
            dto(Reschedule {
                local_start: format!("{}T16:00", days_ahead(6)),
                duration_minutes: 30,
                place: None,
                reason: "Moved".into(),
            })
        }),
        row("POST", "/api/staff/meetings/{mid}/cancel", on_a1(client_managers(200)), |_| {
            dto(Reason { reason: "Holidays".into() })
        }),
        row("POST", "/api/staff/meetings/{mid}/restore", on_a1(client_managers(200)), none),
        row("POST", "/api/staff/meetings/{mid}/agenda", on_a1(any_caller(201)), |_| {
            dto(NewAgendaItem { title: "Matrix topic".into(), details: None, backlog_item_id: None })
        }),
        row("POST", "/api/staff/agenda/{aid}/move", on_a1(client_managers(204)), |w| {
            dto(AgendaMove { meeting_id: Some(meetings(w).move_to) })
        }),
        row("PUT", "/api/staff/meetings/{mid}/minutes", on_a1(client_managers(200)), |_| dto(minutes_input())),
        row("POST", "/api/staff/meetings/{mid}/publish", on_a1(client_managers(200)), none),
        row("GET", "/api/staff/meetings/{mid}/ics", on_a1(any_caller(200)), none),
        row("GET", "/api/staff/meetings/{mid}/minutes.pdf", on_a1(any_caller(200)), none),
        row("GET", "/api/portal/meetings/{mid}/minutes.pdf", contacts_of_a1(200), none),
        row("GET", "/api/staff/minutes/unacknowledged", staff(any_caller(200), 200), none),
        row("GET", "/api/staff/promises", staff(any_caller(200), 200), none),
        row("GET", "/api/staff/clients/{id}/promises", on_a1(any_caller(200)), none),
        row("POST", "/api/staff/clients/{id}/promises", on_a1(client_managers(201)), |_| {
            dto(NewPromise {
                title: "Send the audit".into(),
                contact_id: None,
                promised_to: Some("CEO".into()),
                assignee_staff: None,
                due_on: days_ahead(10),
            })
        }),
        row("POST", "/api/staff/action-items/{id}/done", on_a1(any_caller(200)), |_| {
            dto(MarkDone { done: true, on: None })
        }),
        row("POST", "/api/staff/action-items/{id}/renegotiate", on_a1(client_managers(200)), |_| {
            dto(Renegotiate { due_on: days_ahead(20), reason: "Waiting for access".into(), meeting_id: None })
        }),
        row("GET", "/api/staff/calendar-feed", staff(any_caller(200), 200), none),
        row("POST", "/api/staff/calendar-feed", staff(any_caller(200), 200), none),
        row("DELETE", "/api/staff/calendar-feed", staff(any_caller(200), 200), none),
        row("GET", "/api/portal/meetings", contacts_only(200), none),
        row("GET", "/api/portal/meetings/{mid}", contacts_of_a1(200), none),
        row("GET", "/api/portal/meetings/{mid}/ics", contacts_of_a1(200), none),
        row("POST", "/api/portal/agenda", contacts_only(201), |_| {
            dto(NewAgendaItem { title: "A client question".into(), details: None, backlog_item_id: None })
        }),
        row("POST", "/api/portal/meetings/{mid}/acknowledge", approver_of_a1(200), |_| {
            dto(Acknowledge { revision: 1 })
        }),
        row("POST", "/api/portal/meetings/{mid}/dispute", approver_of_a1(200), |_| {
            dto(Dispute { revision: 1, decision: 1, comment: "Not what we agreed".into() })
        }),
        row("POST", "/api/portal/action-items/{id}/confirm", approver_of_a1(200), none),
        row("GET", "/api/portal/calendar-feed", contacts_only(200), none),
        row("POST", "/api/portal/calendar-feed", contacts_only(200), none),
        row("DELETE", "/api/portal/calendar-feed", contacts_only(200), none),
        row("GET", "/api/calendar.ics", any_caller(404), none),
        // Reports of A1: drafts per slot where a success changes what the next one would find.
        row("GET", "/api/staff/clients/{id}/reports", on_a1(any_caller(200)), none),
        row("POST", "/api/staff/clients/{id}/reports", on_a1(client_managers(201)), |_| {
            dto(NewReport { kind: ReportCadence::Weekly, period_of: next_week_back(), project_id: None })
        }),
        row("GET", "/api/staff/reports/{rid}", on_a1(any_caller(200)), none),
        row("PUT", "/api/staff/reports/{rid}", on_a1(client_managers(200)), |_| {
            dto(ReportInput {
                version: 1,
                title: "Matrix report".into(),
                sections: vec![SectionInput {
                    kind: SectionKind::Problems,
                    title: "Problems".into(),
                    body: "None".into(),
                    hidden: false,
                }],
            })
        })
        .aimed_at(Target::ReportToEdit),
        row("DELETE", "/api/staff/reports/{rid}", on_a1(client_managers(204)), none).aimed_at(Target::ReportToDelete),
        row("POST", "/api/staff/reports/{rid}/publish", on_a1(client_managers(200)), |_| {
            dto(PublishReport { version: 1, notify: None })
        }),
        row("POST", "/api/staff/reports/{rid}/messages", on_a1(any_caller(201)), |_| {
            dto(NewReportMessage { body: "A staff note".into(), internal: true, question_id: None })
        }),
        row("POST", "/api/staff/report-messages/{qid}/idea", on_a1(client_managers(200)), |w| {
            dto(QuestionToIdea { project_id: w.project_a1, title: None })
        }),
        row("GET", "/api/staff/reports/{rid}/report.pdf", on_a1(any_caller(200)), none),
        row("GET", "/api/staff/reports-due", staff(any_caller(200), 200), none),
        row("GET", "/api/staff/report-templates/{kind}", staff(any_caller(200), 200), none),
        row("PUT", "/api/staff/report-templates/{kind}", staff(admins(200), 200), |_| {
            dto(ReportTemplate {
                kind: ReportCadence::Weekly,
                sections: vec![TemplateSection { kind: SectionKind::Done, title: "Done".into(), body: String::new() }],
                built_in: false,
            })
        }),
        row("GET", "/api/staff/survey-settings", staff(managers(200), 200), none),
        row("PUT", "/api/staff/survey-settings", staff(admins(200), 200), |_| {
            let mut body = serde_json::to_value(accord_api::surveys::SurveySettings {
                nps_ru: accord_server::surveys::settings::built_in_texts(accord_api::Locale::Ru),
                nps_en: accord_server::surveys::settings::built_in_texts(accord_api::Locale::En),
                criteria: accord_api::surveys::presets().remove(1).criteria,
                recontact_max: 2,
                followup_days: 2,
                built_in: false,
            })
            .expect("a DTO serializes");
            body["recontact_max"] = json!(3);
            Some(body)
        }),
        // Surveys: campaigns (owners and admins run them, managers read), analytics and answers
        // (a manager sees only the clients they manage), follow-ups, the portal and the link.
        row("GET", "/api/staff/clients/{id}/health", on_a1(managers(200)), none),
        row("GET", "/api/staff/health", staff(managers(200), 200), none),
        row("GET", "/api/staff/health-settings", staff(managers(200), 200), none),
        row("PUT", "/api/staff/health-settings", staff(admins(200), 200), |_| {
            Some(serde_json::to_value(accord_server::health::settings::built_in()).unwrap())
        }),
        row("POST", "/api/staff/health-settings/preview", staff(admins(200), 200), |_| {
            Some(serde_json::to_value(accord_server::health::settings::built_in()).unwrap())
        }),
        row("GET", "/api/staff/cockpit", staff(managers(200), 200), none),
        // Money figures: the client's (owners, admins, its manager), the overview (a manager's
        // own clients), clearing a manual tier (owners and admins).
        row("GET", "/api/staff/clients/{id}/money", on_a1(client_managers(200)), none),
        row("GET", "/api/staff/money", staff(managers(200), 200), none),
        row("POST", "/api/staff/clients/{id}/tier/clear", on_a1(admins(200)), none),
        row("GET", "/api/staff/survey-campaigns", staff(managers(200), 200), none),
        // Agency B cannot name A1 among its clients.
        row("POST", "/api/staff/survey-campaigns", staff(admins(201), 422), |w| dto(campaign_input(w))),
        row("GET", "/api/staff/survey-campaigns/{cid}", staff(managers(200), 404), none),
        row("PUT", "/api/staff/survey-campaigns/{cid}", staff(admins(200), 404), |w| dto(campaign_input(w))),
        row("POST", "/api/staff/survey-campaigns/{cid}/launch", staff(admins(200), 404), none),
        row("POST", "/api/staff/survey-campaigns/{cid}/stop", staff(admins(200), 404), none),
        row("GET", "/api/staff/survey-analytics", staff(managers(200), 200), none),
        row("GET", "/api/staff/survey-answers", staff(managers(200), 200), none),
        row("GET", "/api/staff/survey-answers/export", staff(managers(200), 200), none),
        // Agency B has no client of that name: its import is refused, row by row.
        row("POST", "/api/staff/survey-answers/import", staff(admins(200), 422), |w| {
            dto(ImportRequest { csv: format!("client,date,nps,why\n{},2026-01-15,9,{}\n", w.client_a1.1, unique()) })
        }),
        row("PUT", "/api/staff/survey-answers/{ans}/mark", a1_contact_invitation(200), |_| {
            dto(MarkRequest { mark: Some(PromoterMark::Referral) })
        }),
        row("GET", "/api/staff/clients/{id}/survey-answers", on_a1(managers(200)), none),
        row("POST", "/api/staff/clients/{id}/survey-answers", on_a1(client_managers(201)), |_| {
            dto(PhoneAnswer {
                contact_id: None,
                taken_on: days_ahead(-1),
                campaign_id: None,
                answer: AnswerInput { nps: Some(8), why: "By phone".into(), ..Default::default() },
            })
        }),
        row("GET", "/api/staff/survey-followups", staff(managers(200), 200), none),
        row("POST", "/api/staff/survey-followups/{fid}/close", a1_contact_invitation(200), |_| {
            dto(CloseFollowup { outcome: FollowupOutcome::Called, note: "Called them".into() })
        }),
        row("GET", "/api/portal/surveys", contacts_only(200), none),
        row("GET", "/api/portal/surveys/{inv}", own_invitation(200), none),
        row("PUT", "/api/portal/surveys/{inv}/draft", own_invitation(200), |_| {
            dto(AnswerInput { nps: Some(9), ..Default::default() })
        }),
        row("POST", "/api/portal/surveys/{inv}/answer", own_invitation(200), |_| {
            let rate = |key: &str| RatingInput { key: key.into(), importance: Some(8), satisfaction: Some(9) };
            dto(AnswerInput {
                nps: Some(9),
                why: "Good".into(),
                ratings: vec![rate("price"), rate("timeline"), rate("service")],
                extras: vec![],
            })
        }),
        // An unknown link token is nobody's: the same 404 whoever asks.
        row("GET", "/api/survey-links/{token}", any_caller(404), none),
        row("PUT", "/api/survey-links/{token}/draft", any_caller(404), |_| dto(AnswerInput::default())),
        row("POST", "/api/survey-links/{token}/answer", any_caller(404), |_| dto(AnswerInput::default())),
        row("GET", "/api/portal/reports", contacts_only(200), none),
        row("GET", "/api/portal/reports/{rid}", contacts_of_a1(200), none),
        row("POST", "/api/portal/reports/{rid}/questions", contacts_of_a1(201), |_| {
            dto(NewQuestion { body: "A client question on the report".into() })
        }),
        row("GET", "/api/portal/reports/{rid}/report.pdf", contacts_of_a1(200), none),
        // Risks and incidents of A1: per slot a risk to change and then delete, and an incident
        // to take step 1; an internal risk and an untold incident the portal never shows.
        row("GET", "/api/staff/clients/{id}/risks", on_a1(any_caller(200)), none),
        row("POST", "/api/staff/clients/{id}/risks", on_a1(client_managers(201)), |w| dto(risk_input(w))),
        row("PUT", "/api/staff/risks/{rk}", on_a1(client_managers(200)), |w| dto(risk_input(w))),
        row("DELETE", "/api/staff/risks/{rk}", on_a1(client_managers(204)), none),
        row("GET", "/api/staff/clients/{id}/incidents", on_a1(any_caller(200)), none),
        row("POST", "/api/staff/clients/{id}/incidents", on_a1(client_managers(201)), |w| {
            dto(NewIncident {
                title: "Matrix incident".into(),
                project_id: Some(w.project_a1),
                description: "What happened".into(),
                detected_at: None,
            })
        }),
        row("GET", "/api/staff/incidents/{inc}", on_a1(any_caller(200)), none),
        row("POST", "/api/staff/incidents/{inc}/steps", on_a1(client_managers(200)), |_| {
            dto(StepInput::Notify { message: "We made a mistake".into() })
        }),
        row("GET", "/api/portal/risks", contacts_only(200), none),
        row("POST", "/api/portal/incidents/{inc}/acknowledge", approver_of_a1(200), none),
        // Money documents: per slot a contract (changed, then deleted), an invoice to change and
        // pay, one to cancel, a payment to delete and an act to sign. Specialists: none of it.
        row("GET", "/api/staff/finance-settings", staff(managers(200), 200), none),
        row("PUT", "/api/staff/finance-settings", staff(admins(200), 200), |_| {
            dto(FinanceSettingsInput { base_currency: "RUB".into(), act_unsigned_days: 30 })
        }),
        row("GET", "/api/staff/clients/{id}/contracts", money_of_a1(200), none),
        row("POST", "/api/staff/clients/{id}/contracts", money_of_a1(201), |_| dto(contract_input())),
        row("PUT", "/api/staff/contracts/{contract}", money_of_a1(200), |_| dto(contract_input())),
        row("DELETE", "/api/staff/contracts/{contract}", money_of_a1(204), none),
        row("GET", "/api/staff/clients/{id}/invoices", money_of_a1(200), none),
        row("POST", "/api/staff/clients/{id}/invoices", money_of_a1(201), |_| dto(invoice_input())),
        row("GET", "/api/staff/clients/{id}/billable", money_of_a1(200), none),
        row("PUT", "/api/staff/invoices/{invoice}", money_of_a1(200), |_| dto(invoice_input())),
        row("POST", "/api/staff/invoices/{invoice}/cancel", money_of_a1(200), none),
        row("POST", "/api/staff/invoices/{invoice}/payments", money_of_a1(201), |_| {
            dto(PaymentInput { paid_on: "2025-02-01".parse().expect("date"), amount_minor: 1, note: String::new() })
        }),
        row("DELETE", "/api/staff/payments/{payment}", money_of_a1(200), none),
        row("GET", "/api/staff/clients/{id}/documents", money_of_a1(200), none),
        row("POST", "/api/staff/clients/{id}/documents", money_of_a1(201), |_| dto(document_input())),
        row("PUT", "/api/staff/documents/{document}", money_of_a1(200), |_| dto(document_input())),
        row("GET", "/api/staff/invoices", staff(managers(200), 200), none),
        row("GET", "/api/staff/invoices/export.csv", staff(managers(200), 200), none),
        // Another agency's owner names a client they do not have: the rows are refused.
        row("POST", "/api/staff/invoices/import", staff(admins(200), 422), |w| {
            dto(ImportRequest {
                csv: format!(
                    "client,number,issued_on,due_on,amount\n{},M-{},2025-01-01,2025-01-10,100\n",
                    w.client_a1.1,
                    unique()
                ),
            })
        }),
        // Growth: the scorecard (owners and admins), upsells and the pipeline (money: no
        // specialist), the catalogue and the knowledge base (all staff read, owners and admins
        // write), a client's services and next suggestions (those who see the client), and the
        // published explainers every contact of the agency reads. Per slot a service, an upsell
        // and an article to change and then delete.
        row("GET", "/api/staff/scorecard/criteria", staff(admins(200), 200), none),
        row("PUT", "/api/staff/scorecard/criteria", staff(admins(200), 200), |_| dto(criteria_input())),
        row("GET", "/api/staff/scorecard", staff(admins(200), 200), none),
        row("GET", "/api/staff/clients/{id}/scorecard", on_a1(admins(200)), none),
        row("PUT", "/api/staff/clients/{id}/scorecard", on_a1(admins(200)), |_| {
            dto(MarksInput { marks: vec![MarkInput { criterion: "margin".into(), score: Some(1) }] })
        }),
        row("GET", "/api/staff/clients/{id}/upsells", on_a1(client_managers(200)), none),
        row("POST", "/api/staff/clients/{id}/upsells", on_a1(client_managers(201)), |_| dto(upsell_input())),
        row("PUT", "/api/staff/upsells/{upsell}", on_a1(client_managers(200)), |_| dto(upsell_input())),
        row("DELETE", "/api/staff/upsells/{upsell}", on_a1(client_managers(204)), none),
        row("GET", "/api/staff/pipeline", staff(managers(200), 200), none),
        row("GET", "/api/staff/services", staff(any_caller(200), 200), none),
        row("POST", "/api/staff/services", staff(admins(201), 201), |_| dto(service_input())),
        row("PUT", "/api/staff/services/{service}", staff(admins(200), 404), |_| dto(service_input())),
        row("DELETE", "/api/staff/services/{service}", staff(admins(204), 404), none),
        row("GET", "/api/staff/clients/{id}/services", on_a1(any_caller(200)), none),
        row("POST", "/api/staff/clients/{id}/services", on_a1(client_managers(201)), |w| {
            dto(ClientServiceInput {
                service_id: growth_targets(w).had,
                started_on: "2026-01-01".parse().expect("date"),
                ended_on: None,
                project_id: Some(w.project_a1),
                contract_id: None,
            })
        }),
        row("GET", "/api/staff/clients/{id}/next-services", on_a1(any_caller(200)), none),
        row("GET", "/api/staff/articles", staff(any_caller(200), 200), none),
        row("POST", "/api/staff/articles", staff(admins(201), 201), |_| dto(article_input())),
        row("GET", "/api/staff/articles/{article}", staff(any_caller(200), 404), none),
        row("PUT", "/api/staff/articles/{article}", staff(admins(200), 404), |_| dto(article_input())),
        row("DELETE", "/api/staff/articles/{article}", staff(admins(204), 404), none),
        row("GET", "/api/portal/knowledge", contacts_only(200), none),
        row("GET", "/api/portal/knowledge/{article}", contacts_only(200), none),
    ]
}

fn contract_input() -> ContractInput {
    ContractInput {
        title: "Matrix retainer".into(),
        kind: ContractKind::Retainer,
        currency: None,
        amount_minor: 5_000_000,
        starts_on: "2025-01-01".parse().expect("date"),
        ends_on: None,
        renews_on: None,
        status: ContractStatus::Active,
        project_id: None,
        service_id: None,
        note: String::new(),
    }
}

fn invoice_input() -> InvoiceInput {
    InvoiceInput {
        number: format!("M-{}", unique()),
        issued_on: "2025-01-01".parse().expect("date"),
        due_on: "2025-01-10".parse().expect("date"),
        amount_minor: Some(1_000_000),
        currency: None,
        rate: None,
        contract_id: None,
        note: String::new(),
        backlog_item_ids: Vec::new(),
    }
}

fn document_input() -> ClosingDocumentInput {
    ClosingDocumentInput {
        kind: ClosingKind::Act,
        number: "A-1".into(),
        issued_on: "2025-01-05".parse().expect("date"),
        amount_minor: 1_000_000,
        currency: None,
        invoice_id: None,
        contract_id: None,
        signed_on: None,
    }
}

/// Money records of A1 the matrix points at, one per slot each: a contract, an invoice to
/// change and pay, one to cancel, a payment to delete, a closing document.
struct FinanceTargets {
    contracts: Vec<String>,
    invoices: Vec<String>,
    cancel: Vec<String>,
    payments: Vec<String>,
    documents: Vec<String>,
}

static FINANCE: std::sync::OnceLock<FinanceTargets> = std::sync::OnceLock::new();

fn finance_targets(_: &World) -> &'static FinanceTargets {
    FINANCE.get().expect("finance targets are made before the matrix runs")
}

async fn make_finance_targets(app: &TestApp, w: &World) -> FinanceTargets {
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let a1 = format!("/api/staff/clients/{}", w.client_a1.0);
    let id = |v: &Value| v["id"].as_str().expect("id").to_string();
    let mut t = FinanceTargets {
        contracts: Vec::new(),
        invoices: Vec::new(),
        cancel: Vec::new(),
        payments: Vec::new(),
        documents: Vec::new(),
    };
    for _ in 0..4 {
        let contract = serde_json::to_value(contract_input()).unwrap();
        t.contracts.push(id(&made(owner.post(&format!("{a1}/contracts"), contract).await).await));
        for list in [&mut t.invoices, &mut t.cancel] {
            let invoice = serde_json::to_value(invoice_input()).unwrap();
            list.push(id(&made(owner.post(&format!("{a1}/invoices"), invoice).await).await));
        }
        let invoice = serde_json::to_value(invoice_input()).unwrap();
        let paid = id(&made(owner.post(&format!("{a1}/invoices"), invoice).await).await);
        let pay = json!({ "paid_on": "2025-01-05", "amount_minor": 100 });
        let inv = made(owner.post(&format!("/api/staff/invoices/{paid}/payments"), pay).await).await;
        t.payments.push(inv["payments"][0]["id"].as_str().expect("payment id").to_string());
        let document = serde_json::to_value(document_input()).unwrap();
        t.documents.push(id(&made(owner.post(&format!("{a1}/documents"), document).await).await));
    }
    t
}

fn risk_input(w: &World) -> RiskInput {
    RiskInput {
        title: "Matrix risk".into(),
        category: RiskCategory::Technical,
        project_id: Some(w.project_a1),
        probability: 3,
        impact: 4,
        mitigation: "Backups".into(),
        owner_id: Some(w.manager_a.id),
        due_on: None,
        status: RiskStatus::Open,
        client_visible: true,
    }
}

/// Risks and incidents of A1 the matrix points at: per slot a risk (changed, then deleted) and
/// an incident just recorded (step 1 is taken); an incident told and planned (the approver
/// acknowledges it). An internal risk and an untold incident carry the world's internal
/// markers, which no contact may see.
struct RiskTargets {
    risks: Vec<String>,
    steps: Vec<String>,
    planned: String,
}

static RISKS: std::sync::OnceLock<RiskTargets> = std::sync::OnceLock::new();

fn risk_targets(_: &World) -> &'static RiskTargets {
    RISKS.get().expect("risk targets are made before the matrix runs")
}

async fn make_risk_targets(app: &TestApp, w: &World) -> RiskTargets {
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let a1 = format!("/api/staff/clients/{}", w.client_a1.0);
    let id = |v: &Value| v["id"].as_str().expect("id").to_string();
    let mut risks = Vec::new();
    for _ in 0..4 {
        risks.push(id(
            &made(owner.post(&format!("{a1}/risks"), serde_json::to_value(risk_input(w)).unwrap()).await).await
        ));
    }
    let mut internal = risk_input(w);
    (internal.title, internal.client_visible) = (w.internal_note.clone(), false);
    made(owner.post(&format!("{a1}/risks"), serde_json::to_value(internal).unwrap()).await).await;
    let incident = |title: &str, description: &str| json!({ "title": title, "description": description });
    let mut steps = Vec::new();
    for i in 0..4 {
        steps.push(id(
            &made(owner.post(&format!("{a1}/incidents"), incident(&format!("Incident {i}"), "")).await).await
        ));
    }
    made(owner.post(&format!("{a1}/incidents"), incident(&w.secret_idea, &w.internal_note)).await).await;
    let planned = id(&made(owner.post(&format!("{a1}/incidents"), incident("Told", &w.internal_note)).await).await);
    for body in [
        json!({ "step": "notify", "message": "We made a mistake" }),
        json!({ "step": "assess", "damage": { "timeline": "A day late" } }),
        json!({ "step": "plan", "plan": "Work the weekend" }),
    ] {
        made(owner.post(&format!("/api/staff/incidents/{planned}/steps"), body).await).await;
    }
    RiskTargets { risks, steps, planned }
}

fn criteria_input() -> CriteriaInput {
    let keys = ["margin", "specialist_hours", "account_time", "contract_term", "communication", "prospects"];
    CriteriaInput {
        criteria: keys.iter().map(|k| CriterionInput { key: Some(k.to_string()), name: String::new() }).collect(),
    }
}

fn upsell_input() -> UpsellInput {
    UpsellInput {
        title: "Matrix upsell".into(),
        service_id: None,
        expected: Money { amount_minor: 1_000_000, currency: "RUB".into() },
        probability: 50,
        status: UpsellStatus::Idea,
        lost_reason: String::new(),
        owner_id: None,
        backlog_item_id: None,
        contract_id: None,
        closed_on: None,
    }
}

fn service_input() -> ServiceInput {
    ServiceInput {
        name: format!("Matrix service {}", unique()),
        description: String::new(),
        project_kinds: vec![],
        prerequisites: vec![],
        position: None,
    }
}

fn article_input() -> ArticleInput {
    ArticleInput {
        title_ru: "Что мы делаем".into(),
        title_en: "What we do".into(),
        body_ru: "Ведём кампании.".into(),
        body_en: "We run campaigns.".into(),
        service_id: None,
        published: true,
        position: None,
    }
}

/// Growth records the matrix points at: per slot a service, an upsell of A1 and a published
/// article (changed, then deleted), and a service A1's services are recorded with.
struct GrowthTargets {
    services: Vec<String>,
    upsells: Vec<String>,
    articles: Vec<String>,
    had: accord_api::ServiceId,
}

static GROWTH: std::sync::OnceLock<GrowthTargets> = std::sync::OnceLock::new();

fn growth_targets(_: &World) -> &'static GrowthTargets {
    GROWTH.get().expect("growth targets are made before the matrix runs")
}

async fn make_growth_targets(app: &TestApp, w: &World) -> GrowthTargets {
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let a1 = format!("/api/staff/clients/{}", w.client_a1.0);
    let id = |v: &Value| v["id"].as_str().expect("id").to_string();
    let (mut services, mut upsells, mut articles) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..4 {
        let body = serde_json::to_value(service_input()).unwrap();
        services.push(id(&made(owner.post("/api/staff/services", body).await).await));
        let body = serde_json::to_value(upsell_input()).unwrap();
        upsells.push(id(&made(owner.post(&format!("{a1}/upsells"), body).await).await));
        let body = serde_json::to_value(article_input()).unwrap();
        articles.push(id(&made(owner.post("/api/staff/articles", body).await).await));
    }
    let had = made(owner.post("/api/staff/services", serde_json::to_value(service_input()).unwrap()).await).await;
    let had = had["id"].as_str().expect("id").parse().expect("service id");
    GrowthTargets { services, upsells, articles, had }
}

/// A campaign asking A1's contacts.
fn campaign_input(w: &World) -> CampaignInput {
    CampaignInput {
        name: format!("Matrix survey {}", unique()),
        nps: true,
        csi: true,
        extras: vec![],
        target: CampaignTarget::Clients,
        clients: vec![w.client_a1.0],
        segment: Default::default(),
        recipients: CampaignRecipients::AllContacts,
        repeat_months: Some(6),
        remind_after_days: 3,
        remind_max: 1,
        close_after_days: 14,
    }
}

/// Survey records the matrix points at: a running campaign of A1 (its contacts invited), per
/// slot a draft to launch and one to stop, a promoter's answer to mark, per slot a detractor's
/// follow-up to close, and A1's approver's open invitation.
struct SurveyTargets {
    running: String,
    launch: Vec<String>,
    stop: Vec<String>,
    promoter: String,
    followups: Vec<String>,
    invitation: String,
}

static SURVEYS: std::sync::OnceLock<SurveyTargets> = std::sync::OnceLock::new();

fn surveys(_: &World) -> &'static SurveyTargets {
    SURVEYS.get().expect("survey targets are made before the matrix runs")
}

async fn make_survey_targets(app: &TestApp, w: &World) -> SurveyTargets {
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let new_campaign = |owner: &Client| {
        let owner = owner.clone();
        let body = serde_json::to_value(campaign_input(w)).unwrap();
        async move {
            made(owner.post("/api/staff/survey-campaigns", body).await).await["summary"]["id"]
                .as_str()
                .expect("campaign id")
                .to_string()
        }
    };
    let running = new_campaign(&owner).await;
    made(owner.post(&format!("/api/staff/survey-campaigns/{running}/launch"), json!({})).await).await;
    let (mut launch, mut stop) = (Vec::new(), Vec::new());
    for _ in 0..4 {
        launch.push(new_campaign(&owner).await);
        stop.push(new_campaign(&owner).await);
    }
    let phone = |nps: u8| {
        serde_json::to_value(PhoneAnswer {
            contact_id: None,
            taken_on: days_ahead(-2),
            campaign_id: None,
            answer: AnswerInput { nps: Some(nps), why: format!("Matrix {}", unique()), ..Default::default() },
        })
        .unwrap()
    };
    let a1 = format!("/api/staff/clients/{}/survey-answers", w.client_a1.0);
    let promoter = made(owner.post(&a1, phone(10)).await).await["id"].as_str().expect("answer id").to_string();
    for _ in 0..4 {
        made(owner.post(&a1, phone(3)).await).await;
    }
    let list = made(owner.get("/api/staff/survey-followups?per_page=100").await).await;
    let followups: Vec<String> =
        list["items"].as_array().expect("items").iter().map(|f| f["id"].as_str().expect("id").to_string()).collect();
    assert_eq!(followups.len(), 4, "{list}");
    let mine = made(approver.get("/api/portal/surveys").await).await;
    let invitation = mine["open"][0]["invitation_id"].as_str().expect("the approver is asked").to_string();
    SurveyTargets { running, launch, stop, promoter, followups, invitation }
}

/// A different past week for each report the matrix creates (the same period twice is a 409).
fn next_week_back() -> chrono::NaiveDate {
    static NEXT: std::sync::atomic::AtomicI64 = std::sync::atomic::AtomicI64::new(1);
    let k = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    (chrono::Utc::now() - chrono::Duration::weeks(k)).date_naive()
}

/// Reports of A1 the matrix points at: a published one (with an internal note carrying the
/// world's internal marker, which no contact may see), and per slot a draft to edit, one to
/// publish, one to delete and a client's question to turn into an idea.
struct ReportTargets {
    published: String,
    edit: Vec<String>,
    publish: Vec<String>,
    delete: Vec<String>,
    questions: Vec<String>,
}

static REPORTS: std::sync::OnceLock<ReportTargets> = std::sync::OnceLock::new();

fn reports(_: &World) -> &'static ReportTargets {
    REPORTS.get().expect("report targets are made before the matrix runs")
}

async fn make_report_targets(app: &TestApp, w: &World) -> ReportTargets {
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let approver = app.signed_in(&w.approver_a1.email, world::PASSWORD).await;
    let a1 = format!("/api/staff/clients/{}/reports", w.client_a1.0);
    let today = chrono::Utc::now().date_naive();
    let mut months = 0u32;
    let mut next_month = || {
        months += 1;
        today.checked_sub_months(chrono::Months::new(months)).expect("month")
    };
    let draft = |owner: &Client, a1: &str, on: chrono::NaiveDate| {
        let body =
            serde_json::to_value(NewReport { kind: ReportCadence::Monthly, period_of: on, project_id: None }).unwrap();
        let (owner, a1) = (owner.clone(), a1.to_string());
        async move { made(owner.post(&a1, body).await).await["summary"]["id"].as_str().expect("report id").to_string() }
    };
    let published = draft(&owner, &a1, next_month()).await;
    made(owner.post(&format!("/api/staff/reports/{published}/publish"), json!({ "version": 1 })).await).await;
    made(
        owner
            .post(
                &format!("/api/staff/reports/{published}/messages"),
                json!({ "body": w.internal_note, "internal": true }),
            )
            .await,
    )
    .await;
    let mut questions = Vec::new();
    for i in 0..4 {
        let page = made(
            approver
                .post(&format!("/api/portal/reports/{published}/questions"), json!({ "body": format!("Question {i}") }))
                .await,
        )
        .await;
        let last = page["messages"].as_array().expect("messages").last().expect("question").clone();
        questions.push(last["id"].as_str().expect("question id").to_string());
    }
    let (mut edit, mut publish, mut delete) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..4 {
        edit.push(draft(&owner, &a1, next_month()).await);
        publish.push(draft(&owner, &a1, next_month()).await);
        delete.push(draft(&owner, &a1, next_month()).await);
    }
    ReportTargets { published, edit, publish, delete, questions }
}

fn days_ahead(n: i64) -> chrono::NaiveDate {
    (chrono::Utc::now() + chrono::Duration::days(n)).date_naive()
}

/// A weekly series whose first meeting is in two days.
fn series_input(first_in_days: i64) -> SeriesInput {
    let first = days_ahead(first_in_days);
    SeriesInput {
        title: "Weekly".into(),
        frequency: Frequency::Weekly,
        interval: 1,
        weekday: Some(u8::try_from(chrono::Datelike::weekday(&first).number_from_monday()).expect("weekday")),
        month_day: None,
        week_of_month: None,
        starts_on: days_ahead(0),
        time: "11:00".into(),
        time_zone: "Europe/Moscow".into(),
        duration_minutes: 60,
        place: None,
        until: None,
        count: None,
        invitees: None,
    }
}

fn one_off(in_days: i64) -> NewMeeting {
    NewMeeting {
        title: "One-off".into(),
        local_start: format!("{}T15:00", days_ahead(in_days)),
        time_zone: "Europe/Moscow".into(),
        duration_minutes: 45,
        place: None,
        invitees: None,
    }
}

fn minutes_input() -> MinutesInput {
    MinutesInput {
        attendees: Attendees { staff: vec![], contacts: vec![], guests: vec!["Guest".into()] },
        notes: "Notes".into(),
        decisions: vec!["We agree".into()],
        action_items: vec![],
        discussed: vec![],
    }
}

/// Meetings, series, agenda items and promises of A1 the matrix points at.
struct MeetingTargets {
    /// Per slot (owner, admin, manager, everyone else): series to change, meetings to cancel
    /// and restore, meetings to publish, agenda items to move.
    series: Vec<String>,
    cancel: Vec<String>,
    publish: Vec<String>,
    agenda: Vec<String>,
    occurrence: String,
    scheduled: String,
    held: String,
    published: String,
    move_to: accord_api::MeetingId,
    done_item: String,
    promise: String,
}

static MEETINGS: std::sync::OnceLock<MeetingTargets> = std::sync::OnceLock::new();

fn meetings(_: &World) -> &'static MeetingTargets {
    MEETINGS.get().expect("meeting targets are made before the matrix runs")
}

async fn made(res: reqwest::Response) -> Value {
    let status = res.status();
    let body: Value = res.json().await.expect("json");
    assert!(status.is_success(), "matrix set-up failed: {body}");
    body
}

/// Makes the meeting records the matrix points at, as A1's owner (and a series of A2 so A2's
/// contact has a meeting to add a question to).
async fn make_meeting_targets(app: &TestApp, w: &World) -> MeetingTargets {
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let a1 = format!("/api/staff/clients/{}", w.client_a1.0);
    let a2 = format!("/api/staff/clients/{}", w.client_a2.0);
    let id = |v: &Value| v["id"].as_str().expect("id").to_string();
    let mid = |v: &Value| v["summary"]["id"].as_str().expect("meeting id").to_string();
    made(owner.post(&format!("{a2}/meeting-series"), serde_json::to_value(series_input(2)).unwrap()).await).await;
    let mut series = Vec::new();
    for _ in 0..4 {
        series.push(id(&made(
            owner.post(&format!("{a1}/meeting-series"), serde_json::to_value(series_input(2)).unwrap()).await,
        )
        .await));
    }
    let new_meeting = |days: i64| {
        let owner = &owner;
        let a1 = a1.clone();
        async move { made(owner.post(&format!("{a1}/meetings"), serde_json::to_value(one_off(days)).unwrap()).await).await }
    };
    let mut cancel = Vec::new();
    let mut publish = Vec::new();
    for _ in 0..4 {
        cancel.push(mid(&new_meeting(8).await));
        let m = mid(&new_meeting(-3).await);
        made(
            owner
                .send(
                    "PUT",
                    &format!("/api/staff/meetings/{m}/minutes"),
                    Some(serde_json::to_value(minutes_input()).unwrap()),
                )
                .await,
        )
        .await;
        publish.push(m);
    }
    let scheduled = mid(&new_meeting(4).await);
    let move_to = mid(&new_meeting(9).await);
    let mut agenda = Vec::new();
    for i in 0..4 {
        let item = NewAgendaItem { title: format!("Topic {i}"), details: None, backlog_item_id: None };
        agenda.push(id(&made(
            owner.post(&format!("/api/staff/meetings/{scheduled}/agenda"), serde_json::to_value(item).unwrap()).await,
        )
        .await));
    }
    let held = mid(&new_meeting(-2).await);
    let published = mid(&new_meeting(-1).await);
    made(
        owner
            .send(
                "PUT",
                &format!("/api/staff/meetings/{published}/minutes"),
                Some(serde_json::to_value(minutes_input()).unwrap()),
            )
            .await,
    )
    .await;
    made(owner.post(&format!("/api/staff/meetings/{published}/publish"), json!({})).await).await;
    let promise = |title: &str| NewPromise {
        title: title.into(),
        contact_id: None,
        promised_to: None,
        assignee_staff: None,
        due_on: days_ahead(7),
    };
    let done_item =
        id(&made(owner.post(&format!("{a1}/promises"), serde_json::to_value(promise("Done")).unwrap()).await).await);
    let promise =
        id(&made(owner.post(&format!("{a1}/promises"), serde_json::to_value(promise("Renegotiated")).unwrap()).await)
            .await);
    MeetingTargets {
        series,
        cancel,
        publish,
        agenda,
        occurrence: days_ahead(2).to_string(),
        scheduled,
        held,
        published,
        move_to: move_to.parse().expect("meeting id"),
        done_item,
        promise,
    }
}

/// Ids the matrix points at, beyond the world: a staff invitation of agency A.
struct Targets {
    invitation_a: String,
}

/// The concrete URL: ids point into agency A (client A1, a staff member, an invitation), or
/// agency C for platform status changes so agency A keeps working while the matrix runs.
/// Contact invitations use a fresh uninvited contact per inviter, so each gets a real answer;
/// resend/revoke of a contact invitation use a pending invitation of A1 per actor, likewise.
fn concrete(path: &str, w: &World, t: &Targets, actor: Actor, target: Target) -> String {
    let id = if path.starts_with("/api/staff/clients/") {
        w.client_a1.0.to_string()
    } else if path.starts_with("/api/staff/members/") {
        w.target_a.id.to_string()
    } else if path.starts_with("/api/staff/invitations/") {
        match target {
            Target::Default | Target::ReportToEdit | Target::ReportToDelete => t.invitation_a.clone(),
            Target::ContactInvitationA1 => {
                let slot = ACTORS.iter().position(|a| *a == actor).expect("actor");
                insiders(w).contact_invitations_a1[slot].to_string()
            }
        }
    } else {
        w.c.id.to_string()
    };
    let spare = match actor {
        OwnerA => 0,
        AdminA => 1,
        ManagerA => 2,
        _ => 3,
    };
    let item = if path.starts_with("/api/portal/") { w.proposed_a1 } else { w.items_a1[spare] };
    let m = meetings(w);
    let id = if path.starts_with("/api/staff/action-items/") && path.ends_with("/done") {
        m.done_item.clone()
    } else if path.contains("/action-items/") {
        m.promise.clone()
    } else {
        id
    };
    let meeting = if path.ends_with("/cancel") || path.ends_with("/restore") {
        m.cancel[spare].clone()
    } else if path.ends_with("/publish") {
        m.publish[spare].clone()
    } else if path.ends_with("/minutes") {
        m.held.clone()
    } else if path.starts_with("/api/portal/meetings/") {
        m.published.clone()
    } else {
        m.scheduled.clone()
    };
    let series = if path.contains("/occurrences/") { m.series[3].clone() } else { m.series[spare].clone() };
    let r = reports(w);
    let report = match target {
        Target::ReportToEdit => r.edit[spare].clone(),
        Target::ReportToDelete => r.delete[spare].clone(),
        _ if path == "/api/staff/reports/{rid}/publish" => r.publish[spare].clone(),
        _ => r.published.clone(),
    };
    let sv = surveys(w);
    let campaign = if path.ends_with("/launch") {
        sv.launch[spare].clone()
    } else if path.ends_with("/stop") {
        sv.stop[spare].clone()
    } else {
        sv.running.clone()
    };
    let rt = risk_targets(w);
    let incident = if path.ends_with("/steps") { rt.steps[spare].clone() } else { rt.planned.clone() };
    let ft = finance_targets(w);
    let invoice = if path.ends_with("/cancel") { &ft.cancel[spare] } else { &ft.invoices[spare] };
    let mut url = path
        .replace("{contract}", &ft.contracts[spare])
        .replace("{invoice}", invoice)
        .replace("{payment}", &ft.payments[spare])
        .replace("{document}", &ft.documents[spare])
        .replace("{rk}", &rt.risks[spare])
        .replace("{inc}", &incident)
        .replace("{service}", &growth_targets(w).services[spare])
        .replace("{upsell}", &growth_targets(w).upsells[spare])
        .replace("{article}", &growth_targets(w).articles[spare])
        .replace("{cid}", &campaign)
        .replace("{ans}", &sv.promoter)
        .replace("{fid}", &sv.followups[spare])
        .replace("{inv}", &sv.invitation)
        .replace("{token}", &unique())
        .replace("{id}", &id)
        .replace("{contact_id}", &w.spare_contacts_a1[spare].0.to_string())
        .replace("{project_id}", &w.project_a1.to_string())
        .replace("{goal_id}", &w.goals_a1[spare].to_string())
        .replace("{stage_id}", &w.stages_a1[spare].to_string())
        .replace("{item_id}", &item.to_string())
        .replace("{section}", "awaiting")
        .replace("{mid}", &meeting)
        .replace("{sid}", &series)
        .replace("{aid}", &m.agenda[spare])
        .replace("{date}", &m.occurrence)
        .replace("{rid}", &report)
        .replace("{qid}", &r.questions[spare])
        .replace("{kind}", "weekly");
    if path == "/api/staff/invitations" {
        url.push_str("?kind=contact");
    }
    if path == "/api/calendar.ics" {
        url.push_str(&format!("?token={}", unique()));
    }
    url
}

fn email_of(a: Actor, w: &World) -> Option<&str> {
    Some(match a {
        Anonymous => return None,
        Operator => &w.operator.email,
        OwnerA => &w.a.owner.email,
        AdminA => &w.admin_a.email,
        ManagerA => &w.manager_a.email,
        SpecialistA => &w.specialist_a.email,
        OtherManagerA => &insiders(w).other_manager_a.email,
        OtherSpecialistA => &insiders(w).other_specialist_a.email,
        OwnerB => &w.b.owner.email,
        ApproverA1 => &w.approver_a1.email,
        ViewerA1 => &w.viewer_a1.email,
        ApproverA2 => &w.approver_a2.email,
    })
}

/// Text the actor must never receive.
fn forbidden(a: Actor, w: &World) -> Vec<String> {
    match a {
        Anonymous | OwnerB => w.agency_a_markers(),
        Operator => {
            let mut m = w.agency_a_markers();
            m.retain(|x| x != &w.a.name); // the operator sees agency names, never their content
            m
        }
        ApproverA2 => w.client_a1_markers(),
        ApproverA1 | ViewerA1 => {
            vec![w.client_a2.1.clone(), w.approver_a2.email.clone(), w.secret_idea.clone(), w.internal_note.clone()]
        }
        OwnerA | AdminA | ManagerA | SpecialistA => vec![w.client_b1.1.clone()],
        OtherManagerA | OtherSpecialistA => {
            let mut m = w.client_a1_markers();
            m.push(w.client_b1.1.clone());
            m
        }
    }
}

fn insiders(w: &World) -> &world::Insiders {
    w.insiders.as_ref().expect("the matrix world has insiders (world::add_insiders)")
}

/// The matrix's world: the common one plus colleagues without access to A1 and a pending
/// contact invitation of A1 per actor (and one that nothing touches).
async fn matrix_world(app: &TestApp) -> World {
    let mut w = world::build(app).await;
    world::add_insiders(app, &mut w, ACTORS.len()).await;
    w
}

async fn client_for(app: &TestApp, a: Actor, w: &World) -> Client {
    match email_of(a, w) {
        None => app.client(),
        Some(email) => app.signed_in(email, world::PASSWORD).await,
    }
}

#[tokio::test]
async fn every_operation_answers_every_actor_as_expected() {
    let app = spawn_app().await;
    let w = matrix_world(&app).await;
    let rows = matrix();

    let doc: Value = app.client().get("/api/openapi.json").await.json().await.unwrap();
    let documented: BTreeSet<(String, String)> = doc["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| item.as_object().unwrap().keys().map(move |m| (m.to_uppercase(), path.clone())))
        .collect();
    let covered: BTreeSet<(String, String)> = rows.iter().map(|r| (r.method.to_string(), r.path.to_string())).collect();
    let missing: Vec<_> = documented.difference(&covered).collect();
    let stale: Vec<_> = covered.difference(&documented).collect();
    assert!(missing.is_empty(), "operations without a row in the isolation matrix: {missing:?}");
    assert!(stale.is_empty(), "matrix rows for operations that no longer exist: {stale:?}");

    let mut clients: HashMap<Actor, Client> = HashMap::new();
    for a in ACTORS {
        clients.insert(a, client_for(&app, a, &w).await);
    }
    let created: Value = clients[&OwnerA]
        .post("/api/staff/invitations", json!({ "email": "matrix-target@x.test", "name": "T", "role": "specialist" }))
        .await
        .json()
        .await
        .unwrap();
    let targets = Targets { invitation_a: created["id"].as_str().expect("invitation id").to_string() };
    let _ = MEETINGS.set(make_meeting_targets(&app, &w).await);
    let _ = REPORTS.set(make_report_targets(&app, &w).await);
    let _ = SURVEYS.set(make_survey_targets(&app, &w).await);
    let _ = RISKS.set(make_risk_targets(&app, &w).await);
    let _ = FINANCE.set(make_finance_targets(&app, &w).await);
    let _ = GROWTH.set(make_growth_targets(&app, &w).await);
    let mut failures = Vec::new();
    for r in &rows {
        for a in ACTORS {
            let url = concrete(r.path, &w, &targets, a, r.target);
            if url.contains('{') {
                failures.push(format!("{} {} as {a:?}: no id for a placeholder in {url}", r.method, r.path));
                continue;
            }
            let c = &clients[&a];
            let res = c.send(r.method, &url, (r.body)(&w)).await;
            let status = res.status().as_u16();
            let text = res.text().await.unwrap_or_default();
            let want = (r.expect)(a);
            if status != want {
                let target = if r.target == Target::Default { String::new() } else { format!(" ({:?})", r.target) };
                failures.push(format!("{} {}{target} as {a:?}: got {status}, want {want}: {text}", r.method, r.path));
            }
            let leaks: Vec<String> = forbidden(a, &w).into_iter().filter(|m| text.contains(m.as_str())).collect();
            if !leaks.is_empty() {
                failures.push(format!("{} {url} as {a:?}: response leaks {leaks:?}", r.method));
            }
            // Sign-out ends the session: sign the actor back in for the next rows.
            if r.path == "/api/auth/sign-out" && status == 204 {
                clients.insert(a, client_for(&app, a, &w).await);
            }
        }
    }
    assert!(failures.is_empty(), "{} isolation failures:\n{}", failures.len(), failures.join("\n"));
}

#[tokio::test]
async fn lists_only_ever_show_the_callers_own_tenant() {
    let app = spawn_app().await;
    let w = world::build(&app).await;
    let owner_b = app.signed_in(&w.b.owner.email, world::PASSWORD).await;
    let clients: Value = owner_b.get("/api/staff/clients?per_page=100").await.json().await.unwrap();
    let names: Vec<&str> = clients["items"].as_array().unwrap().iter().map(|c| c["name"].as_str().unwrap()).collect();
    assert_eq!(names, vec![w.client_b1.1.as_str()]);
    let members: Value = owner_b.get("/api/staff/members").await.json().await.unwrap();
    assert_eq!(members.as_array().unwrap().len(), 1);

    let portal: Value =
        app.signed_in(&w.approver_a2.email, world::PASSWORD).await.get("/api/portal/home").await.json().await.unwrap();
    assert_eq!(portal["client"]["name"], w.client_a2.1.as_str());
    // A2 has no project: the page's one statement still finds its client (a row of NULLs joined).
    assert_eq!(portal["projects"], serde_json::json!([]), "{portal}");
    assert_eq!(portal["awaiting_decision"], 0, "{portal}");
}

/// With "managers see all clients" on, a manager reads every client but changes only their own:
/// the contact invitations of a client they do not manage are listed (they may read it) but not
/// resent or revoked (403); they stay pending for those who may.
#[tokio::test]
async fn a_manager_who_only_reads_a_client_cannot_resend_or_revoke_its_contact_invitations() {
    let app = spawn_app().await;
    let w = matrix_world(&app).await;
    let i = insiders(&w);
    let owner = app.signed_in(&w.a.owner.email, world::PASSWORD).await;
    let res = owner.send("PUT", "/api/staff/agency/settings", Some(json!({ "managers_see_all": true }))).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());

    let other = app.signed_in(&i.other_manager_a.email, world::PASSWORD).await;
    let a1 = format!("/api/staff/clients/{}", w.client_a1.0);
    assert_eq!(other.get(&a1).await.status(), 200, "the setting lets every manager read A1");
    let list = other.get("/api/staff/invitations?kind=contact").await;
    assert_eq!(list.status(), 200);
    let list = list.text().await.unwrap();
    assert!(list.contains(&i.invitation_a1.1), "a client the manager may read: its invitations are listed: {list}");

    let invitation = i.contact_invitations_a1[0];
    for action in ["resend", "revoke"] {
        let res = other.post(&format!("/api/staff/invitations/{invitation}/{action}"), json!({})).await;
        let status = res.status();
        let body = res.text().await.unwrap_or_default();
        assert_eq!(status, 403, "{action} by a manager who only reads A1: {body}");
        assert!(serde_json::from_str::<Value>(&body).is_ok_and(|b| b["code"] == "forbidden"), "{body}");
    }
    // Nothing changed: A1's own manager still finds the invitation pending.
    let manager = app.signed_in(&w.manager_a.email, world::PASSWORD).await;
    let res = manager.post(&format!("/api/staff/invitations/{invitation}/resend"), json!({})).await;
    assert_eq!(res.status(), 200, "{}", res.text().await.unwrap_or_default());
    assert_eq!(res.json::<Value>().await.unwrap()["state"], "pending");
}
