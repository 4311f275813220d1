//! Rows → wire shapes: the staff's risks and incidents, and the portal's narrower ones (no
//! owner, nothing internal, each incident step only once it is done). Names come from one
//! lookup per page ([`Names`]).

use super::timing;
use crate::db::ClientTx;
use crate::error::ApiResult;
use accord_api::risks::{
    Damage, IncidentStep, IncidentView, PortalIncident, PortalRisk, RiskStatus, RiskView, StepDone,
};
use accord_api::{ContactId, ProjectId, StaffRef, UserId};
use accord_entity::{contacts, incidents, projects, risks};
use chrono::{DateTime, NaiveDate, Utc};
use sea_orm::{ColumnTrait, QueryFilter, QuerySelect};
use std::collections::HashMap;

/// The names a page of risks or incidents shows: the client's projects, the staff and the
/// contacts its rows name.
#[derive(Default)]
pub struct Names {
    staff: HashMap<UserId, String>,
    projects: HashMap<ProjectId, String>,
    contacts: HashMap<ContactId, String>,
}

impl Names {
    /// Three queries whatever the number of rows (two when no contact is named).
    pub async fn load(
        tx: &ClientTx,
        staff: impl IntoIterator<Item = UserId>,
        contact_ids: impl IntoIterator<Item = ContactId>,
    ) -> ApiResult<Self> {
        let projects = tx
            .find::<projects::Entity>()
            .select_only()
            .column(projects::Column::Id)
            .column(projects::Column::Name)
            .into_tuple::<(ProjectId, String)>()
            .all()
            .await?
            .into_iter()
            .collect();
        let mut ids: Vec<UserId> = staff.into_iter().collect();
        ids.sort();
        ids.dedup();
        let staff = crate::clients::view::staff_names(tx.agency(), ids).await?;
        let mut ids: Vec<ContactId> = contact_ids.into_iter().collect();
        ids.sort();
        ids.dedup();
        let contacts = if ids.is_empty() {
            HashMap::new()
        } else {
            tx.find::<contacts::Entity>()
                .select_only()
                .column(contacts::Column::Id)
                .column(contacts::Column::Name)
                .filter(contacts::Column::Id.is_in(ids))
                .into_tuple::<(ContactId, String)>()
                .all()
                .await?
                .into_iter()
                .collect()
        };
        Ok(Self { staff, projects, contacts })
    }

    fn staff(&self, id: UserId) -> StaffRef {
        StaffRef { id, name: self.staff.get(&id).cloned().unwrap_or_default() }
    }

    fn project(&self, id: Option<ProjectId>) -> Option<String> {
        id.and_then(|p| self.projects.get(&p).cloned())
    }

    fn contact(&self, id: Option<ContactId>) -> Option<String> {
        id.map(|c| self.contacts.get(&c).cloned().unwrap_or_default())
    }

    fn done(&self, at: Option<DateTime<Utc>>, by: Option<UserId>) -> Option<StepDone> {
        Some(StepDone { at: at?, by: self.staff(by?) })
    }
}

/// The staff a set of risks names (owners and authors).
pub fn risk_people(rows: &[risks::Model]) -> impl Iterator<Item = UserId> + '_ {
    rows.iter().flat_map(|r| [r.owner_id, Some(r.created_by)]).flatten()
}

/// The staff a set of incidents names (author and each step's).
pub fn incident_people(rows: &[incidents::Model]) -> impl Iterator<Item = UserId> + '_ {
    rows.iter()
        .flat_map(|i| [Some(i.created_by), i.notified_by, i.assessed_by, i.planned_by, i.fixed_by, i.prevented_by])
        .flatten()
}

fn scale(v: i32) -> u8 {
    u8::try_from(v).unwrap_or_default()
}

pub fn risk(r: risks::Model, names: &Names, today: NaiveDate) -> RiskView {
    let (probability, impact) = (scale(r.probability), scale(r.impact));
    RiskView {
        id: r.id,
        client_id: r.client_id,
        project_id: r.project_id,
        project_name: names.project(r.project_id),
        title: r.title,
        category: r.category,
        probability,
        impact,
        exposure: probability.saturating_mul(impact),
        mitigation: r.mitigation,
        owner: r.owner_id.map(|id| names.staff(id)),
        due_on: r.due_on,
        overdue: r.status == RiskStatus::Open && r.due_on.is_some_and(|d| d < today),
        status: r.status,
        client_visible: r.client_visible,
        created_by: names.staff(r.created_by),
        created_at: r.created_at,
        updated_at: r.updated_at,
    }
}

pub fn portal_risk(r: risks::Model, names: &Names) -> PortalRisk {
    PortalRisk {
        id: r.id,
        project_name: names.project(r.project_id),
        title: r.title,
        category: r.category,
        probability: scale(r.probability),
        impact: scale(r.impact),
        mitigation: r.mitigation,
        due_on: r.due_on,
        status: r.status,
    }
}

/// Open risks first, the most exposed first; then the rest, newest first (the id settles ties,
/// the same on both databases).
pub fn sort_risks(rows: &mut [risks::Model]) {
    rows.sort_by(|a, b| {
        let key = |r: &risks::Model| (r.status != RiskStatus::Open, -(r.probability * r.impact));
        key(a).cmp(&key(b)).then(b.created_at.cmp(&a.created_at)).then(a.id.cmp(&b.id))
    });
}

/// The open risks counted by probability (rows) and impact (columns), 5 × 5.
pub fn matrix(rows: &[risks::Model]) -> Vec<Vec<u32>> {
    let mut m = vec![vec![0u32; 5]; 5];
    for r in rows.iter().filter(|r| r.status == RiskStatus::Open) {
        let (p, i) = (usize::from(scale(r.probability)), usize::from(scale(r.impact)));
        if let Some(cell) = p.checked_sub(1).and_then(|p| m.get_mut(p)).and_then(|row| row.get_mut(i.wrapping_sub(1))) {
            *cell += 1;
        }
    }
    m
}

/// The stored damage (JSON); an unreadable one reads as not assessed.
pub fn damage(i: &incidents::Model) -> Damage {
    serde_json::from_str(&i.damage).unwrap_or_default()
}

/// What the staff see of an incident at `now`, against the agency's limit in days.
pub fn incident(
    i: incidents::Model,
    names: &Names,
    now: DateTime<Utc>,
    limit_days: i64,
    can_edit: bool,
) -> IncidentView {
    IncidentView {
        id: i.id,
        client_id: i.client_id,
        project_id: i.project_id,
        project_name: names.project(i.project_id),
        damage: damage(&i),
        step: i.step,
        detected_at: i.detected_at,
        created_by: names.staff(i.created_by),
        notified: names.done(i.notified_at, i.notified_by),
        notify_minutes: timing::notify_minutes(&i),
        assessed: names.done(i.assessed_at, i.assessed_by),
        planned: names.done(i.planned_at, i.planned_by),
        plan_acknowledged_at: i.plan_ack_at,
        plan_acknowledged_by: names.contact(i.plan_ack_by),
        fixed: names.done(i.fixed_at, i.fixed_by),
        prevented: names.done(i.prevented_at, i.prevented_by),
        days_open: timing::days_open(&i, now),
        too_long: timing::too_long(i.detected_at, i.prevented_at, now, limit_days),
        can_edit: can_edit && i.step != IncidentStep::Prevented,
        title: i.title,
        description: i.description,
        message: i.message,
        plan: i.plan,
        fix_note: i.fix_note,
        prevention: i.prevention,
        prevention_shared: i.prevention_shared,
    }
}

/// What the client sees of an incident: nothing before step 1; each later step's content once
/// it is done; the prevention measures only when shared.
pub fn portal_incident(i: incidents::Model, names: &Names, approver: bool) -> Option<PortalIncident> {
    let notified_at = i.notified_at?;
    let planned = i.planned_at.is_some();
    Some(PortalIncident {
        id: i.id,
        project_name: names.project(i.project_id),
        step: i.step,
        notified_at,
        damage: i.assessed_at.map(|_| damage(&i)),
        plan: planned.then(|| i.plan.clone()),
        planned_at: i.planned_at,
        plan_acknowledged_at: i.plan_ack_at,
        plan_acknowledged_by: names.contact(i.plan_ack_by),
        fixed_at: i.fixed_at,
        prevention: (i.prevented_at.is_some() && i.prevention_shared).then(|| i.prevention.clone()),
        prevented_at: i.prevented_at,
        can_acknowledge: approver && planned && i.plan_ack_at.is_none(),
        title: i.title,
        message: i.message,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use accord_api::risks::RiskCategory;
    use accord_api::{AgencyId, ClientId, RiskId};

    fn row(p: i32, i: i32, status: RiskStatus) -> risks::Model {
        let now = Utc::now();
        risks::Model {
            id: RiskId::new(),
            agency_id: AgencyId::new(),
            client_id: ClientId::new(),
            project_id: None,
            title: format!("{p}×{i}"),
            category: RiskCategory::Technical,
            probability: p,
            impact: i,
            mitigation: String::new(),
            owner_id: None,
            due_on: None,
            status,
            client_visible: false,
            created_by: UserId::new(),
            created_at: now,
            updated_at: now,
        }
    }

    #[test]
    fn open_risks_come_first_by_exposure_and_only_they_are_counted() {
        let mut rows = vec![
            row(1, 2, RiskStatus::Open),
            row(5, 5, RiskStatus::Closed),
            row(4, 3, RiskStatus::Open),
            row(4, 3, RiskStatus::Open),
        ];
        sort_risks(&mut rows);
        let titles: Vec<&str> = rows.iter().map(|r| r.title.as_str()).collect();
        assert_eq!(titles, ["4×3", "4×3", "1×2", "5×5"]);
        let m = matrix(&rows);
        assert_eq!(m[3][2], 2);
        assert_eq!(m[0][1], 1);
        assert_eq!(m[4][4], 0, "a closed risk is not on the matrix");
        assert_eq!(m.iter().flatten().sum::<u32>(), 3);
    }
}
