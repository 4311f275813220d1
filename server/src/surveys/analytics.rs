//! Staff analytics of survey answers: NPS and CSI over a period, by month and quarter, per
//! manager (as recorded on each answer), per client and per segment value (as recorded), the
//! criteria's importance–performance quadrants, and each campaign's latest wave beside the one
//! before. Every grouping is summed by the database (two grouped queries each), so the number
//! of statements does not depend on the number of answers. Also the answers themselves with
//! filters (verbatims) and their CSV export.

use super::campaigns::wave_figures;
use super::score::{CsiTally, NpsTally};
use super::store;
use crate::clients::access::VisibleClients;
use crate::db::TenantTx;
use crate::error::{ApiError, ApiResult};
use crate::paging::Paging;
use crate::state::AppState;
use crate::tenancy::Staff;
use accord_api::error::Code;
use accord_api::surveys::{AnswerView, FormCriterion, GroupFigure, NpsClass, SurveyAnalytics, WaveComparison};
use accord_api::{Activity, ClientId, Locale, Page, SurveyCampaignId, Temperament, UserId, ValueTier};
use accord_entity::{agencies, clients, survey_answers, survey_campaigns, survey_ratings, survey_waves, users};
use chrono::{Datelike, Months, NaiveDate};
use sea_orm::sea_query::{Expr, SimpleExpr};
use sea_orm::{ColumnTrait, Condition, QueryFilter, QueryOrder, QuerySelect, TryGetable};
use std::collections::{BTreeMap, HashMap};
use std::hash::Hash;

/// At most this many clients in the per-client table (most answers first).
const CLIENTS_SHOWN: usize = 200;
/// The longest period analysed at once.
const MAX_DAYS: i64 = 3 * 366;

#[derive(Clone, Debug, Default, serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct AnswerFilter {
    /// First day (default: a year before `to`).
    pub from: Option<NaiveDate>,
    /// Last day (default: today in the agency's time zone).
    pub to: Option<NaiveDate>,
    /// Answers recorded with this account manager (owners and admins).
    pub manager: Option<UserId>,
    pub client: Option<ClientId>,
    /// Only detractors, passives or promoters.
    pub class: Option<NpsClass>,
    /// Only answers with a "why?".
    pub with_why: Option<bool>,
    #[param(minimum = 1, maximum = 1_000_000)]
    pub page: Option<u64>,
    #[param(minimum = 1, maximum = 100)]
    pub per_page: Option<u64>,
}

/// One group's sums: NPS classes, answers that rated criteria, and each criterion's sums.
#[derive(Clone, Debug, Default)]
struct Sums {
    nps: NpsTally,
    csi_n: u32,
    criteria: BTreeMap<String, (u64, u64, u32)>,
}

impl Sums {
    fn add(&mut self, other: &Sums) {
        self.nps.merge(other.nps);
        self.csi_n += other.csi_n;
        for (k, (i, s, n)) in &other.criteria {
            let e = self.criteria.entry(k.clone()).or_default();
            e.0 += i;
            e.1 += s;
            e.2 += n;
        }
    }

    fn minus(&self, other: &Sums) -> Sums {
        let mut out = self.clone();
        out.nps.promoters -= other.nps.promoters.min(out.nps.promoters);
        out.nps.passives -= other.nps.passives.min(out.nps.passives);
        out.nps.detractors -= other.nps.detractors.min(out.nps.detractors);
        out.csi_n -= other.csi_n.min(out.csi_n);
        for (k, (i, s, n)) in &other.criteria {
            if let Some(e) = out.criteria.get_mut(k) {
                e.0 -= (*i).min(e.0);
                e.1 -= (*s).min(e.1);
                e.2 -= (*n).min(e.2);
            }
        }
        out
    }

    fn csi(&self, order: &[String]) -> CsiTally {
        let mut t = CsiTally::with_order(order.iter().map(String::as_str));
        for (k, (i, s, n)) in &self.criteria {
            t.add_sums(k, *i, *s, *n);
        }
        t.add_answers(self.csi_n);
        t
    }

    fn figure(&self, key: String, label: String, order: &[String]) -> GroupFigure {
        let csi = self.csi(order).figure();
        GroupFigure {
            key,
            label,
            nps: self.nps.figure(),
            csi: csi.as_ref().map(|c| c.score),
            csi_n: csi.map_or(0, |c| c.n),
        }
    }

    fn is_empty(&self) -> bool {
        self.nps.n() == 0 && self.csi_n == 0
    }
}

/// One condition on answers and the same on ratings (which carry the answer's day, client,
/// manager and segment).
#[derive(Clone)]
struct Both {
    a: Condition,
    r: Condition,
}

impl Both {
    fn and(&self, a: SimpleExpr, r: SimpleExpr) -> Both {
        Both { a: self.a.clone().add(a), r: self.r.clone().add(r) }
    }
}

/// The answers' sums grouped by one column, `a` on answers and its twin `r` on ratings (two
/// queries, each one pass over the period's rows of one table).
async fn grouped<K>(
    tx: &TenantTx,
    scope: &VisibleClients,
    cond: &Both,
    a: survey_answers::Column,
    r: survey_ratings::Column,
) -> ApiResult<HashMap<K, Sums>>
where
    K: TryGetable + Eq + Hash + Clone,
{
    let classes: Vec<(K, Option<NpsClass>, i64, i64)> = tx
        .find_in::<survey_answers::Entity>(scope)
        .select_only()
        .column(a)
        .column(survey_answers::Column::NpsClass)
        .column_as(Expr::cust("COUNT(*)"), "n")
        .column_as(Expr::col((survey_answers::Entity, survey_answers::Column::Csi)).count(), "csi_n")
        .filter(cond.a.clone())
        .group_by(a)
        .group_by(survey_answers::Column::NpsClass)
        .into_tuple()
        .all()
        .await?;
    let sums: Vec<(K, String, i64, i64, i64)> = tx
        .find_in::<survey_ratings::Entity>(scope)
        .select_only()
        .column(r)
        .column(survey_ratings::Column::CriterionKey)
        .column_as(Expr::col(survey_ratings::Column::Importance).sum(), "i")
        .column_as(Expr::col(survey_ratings::Column::Satisfaction).sum(), "s")
        .column_as(Expr::cust("COUNT(*)"), "n")
        .filter(cond.r.clone())
        .group_by(r)
        .group_by(survey_ratings::Column::CriterionKey)
        .into_tuple()
        .all()
        .await?;
    let mut out: HashMap<K, Sums> = HashMap::new();
    let n32 = |n: i64| u32::try_from(n).unwrap_or(0);
    for (key, class, n, csi_n) in classes {
        let e = out.entry(key).or_default();
        e.csi_n += n32(csi_n);
        match class {
            Some(NpsClass::Promoter) => e.nps.promoters += n32(n),
            Some(NpsClass::Passive) => e.nps.passives += n32(n),
            Some(NpsClass::Detractor) => e.nps.detractors += n32(n),
            None => {}
        }
    }
    for (key, criterion, i, s, n) in sums {
        let e = out.entry(key).or_default().criteria.entry(criterion).or_default();
        e.0 += u64::try_from(i).unwrap_or(0);
        e.1 += u64::try_from(s).unwrap_or(0);
        e.2 += n32(n);
    }
    Ok(out)
}

/// The period, the caller's clients and the filters as one condition on answers.
struct Scope {
    from: NaiveDate,
    to: NaiveDate,
    clients: VisibleClients,
    /// On answers (lists, export).
    cond: Condition,
    /// On answers and on ratings (analytics).
    both: Both,
    locale: Locale,
}

async fn scope(tx: &TenantTx, staff: &Staff, f: &AnswerFilter, with_class: bool) -> ApiResult<Scope> {
    staff.require_client_manager()?;
    let clients = VisibleClients::for_surveys(tx, staff).await?;
    let agency = tx.find::<agencies::Entity>().one().await?.ok_or_else(ApiError::not_found)?;
    let sane = |d: Option<NaiveDate>, field: &str| match d {
        Some(d) if !(2000..=2100).contains(&d.year()) => {
            Err(ApiError::invalid(field, Code::ValidationFailed, "Choose a date between 2000 and 2100."))
        }
        d => Ok(d),
    };
    let (f_from, f_to) = (sane(f.from, "from")?, sane(f.to, "to")?);
    let to = f_to.unwrap_or_else(|| store::agency_today(&agency, tx.now()));
    let from = f_from.unwrap_or_else(|| first_of_month(to).checked_sub_months(Months::new(11)).unwrap_or(to));
    if from > to {
        return Err(ApiError::invalid("from", Code::ValidationFailed, "The period starts before it ends."));
    }
    if (to - from).num_days() > MAX_DAYS {
        return Err(ApiError::invalid("from", Code::ValidationFailed, "Analyse at most three years at once."));
    }
    let mut cond = Condition::all()
        .add(survey_answers::Column::AnsweredOn.gte(from))
        .add(survey_answers::Column::AnsweredOn.lte(to));
    let mut rcond = Condition::all()
        .add(survey_ratings::Column::AnsweredOn.gte(from))
        .add(survey_ratings::Column::AnsweredOn.lte(to));
    if let Some(c) = f.client {
        let exists = tx.find_in::<clients::Entity>(&clients).filter(clients::Column::Id.eq(c)).count().await?;
        if exists == 0 {
            return Err(ApiError::not_found());
        }
        cond = cond.add(survey_answers::Column::ClientId.eq(c));
        rcond = rcond.add(survey_ratings::Column::ClientId.eq(c));
    }
    if let Some(m) = f.manager {
        cond = cond.add(survey_answers::Column::ManagerId.eq(m));
        rcond = rcond.add(survey_ratings::Column::ManagerId.eq(m));
    }
    if with_class {
        if let Some(class) = f.class {
            cond = cond.add(survey_answers::Column::NpsClass.eq(class));
        }
        if f.with_why == Some(true) {
            cond = cond.add(survey_answers::Column::Why.ne(""));
        }
    }
    let locale = tx
        .find::<users::Entity>()
        .filter(users::Column::Id.eq(staff.user()))
        .one()
        .await?
        .map(|u| u.locale)
        .unwrap_or_default();
    let both = Both { a: cond.clone(), r: rcond };
    Ok(Scope { from, to, clients, cond, both, locale })
}

/// What of `total` no group holds (imported answers without that column).
fn rest<K>(total: &Sums, groups: &HashMap<K, Sums>) -> Sums {
    let mut known = Sums::default();
    groups.values().for_each(|g| known.add(g));
    total.minus(&known)
}

fn first_of_month(d: NaiveDate) -> NaiveDate {
    d.with_day(1).unwrap_or(d)
}

fn quarter_start(d: NaiveDate) -> NaiveDate {
    let month = (d.month0() / 3) * 3 + 1;
    NaiveDate::from_ymd_opt(d.year(), month, 1).unwrap_or(d)
}

/// One segment dimension's rows, by value (`none`: the client had none), then `unknown` for
/// imported answers without that value.
fn segment_rows<T: Copy>(
    groups: &HashMap<Option<T>, Sums>,
    total: &Sums,
    name: impl Fn(T) -> &'static str,
    order: &[String],
) -> Vec<GroupFigure> {
    let mut rows: Vec<GroupFigure> = groups
        .iter()
        .map(|(value, sums)| {
            let key = value.map_or("none", &name).to_string();
            sums.figure(key.clone(), key, order)
        })
        .collect();
    rows.sort_by(|x, y| x.key.cmp(&y.key));
    let unknown = rest(total, groups);
    if !unknown.is_empty() {
        rows.push(unknown.figure("unknown".into(), "unknown".into(), order));
    }
    rows
}

/// NPS and CSI analytics (owners and admins: the agency; account managers: their clients).
pub async fn analytics(state: &AppState, staff: &Staff, f: &AnswerFilter) -> ApiResult<SurveyAnalytics> {
    let tx = state.db.tenant_read(staff).await?;
    let s = scope(&tx, staff, f, false).await?;
    let criteria_rows = super::settings::all_criteria(&tx).await?;
    let order: Vec<String> = criteria_rows.iter().map(|c| c.0.clone()).collect();
    let by_day: HashMap<NaiveDate, Sums> =
        grouped(&tx, &s.clients, &s.both, survey_answers::Column::AnsweredOn, survey_ratings::Column::AnsweredOn)
            .await?;
    let mut total = Sums::default();
    let mut months: BTreeMap<NaiveDate, Sums> = BTreeMap::new();
    let mut quarters: BTreeMap<NaiveDate, Sums> = BTreeMap::new();
    for (day, sums) in &by_day {
        total.add(sums);
        months.entry(first_of_month(*day)).or_default().add(sums);
        quarters.entry(quarter_start(*day)).or_default().add(sums);
    }
    // Every month and quarter of the period, with or without answers.
    let mut by_month = Vec::new();
    let mut m = first_of_month(s.from);
    while m <= s.to {
        let sums = months.remove(&m).unwrap_or_default();
        by_month.push(sums.figure(m.format("%Y-%m").to_string(), m.to_string(), &order));
        m = m.checked_add_months(Months::new(1)).unwrap_or(s.to.succ_opt().unwrap_or(s.to));
    }
    let mut by_quarter = Vec::new();
    let mut q = quarter_start(s.from);
    while q <= s.to {
        let sums = quarters.remove(&q).unwrap_or_default();
        by_quarter.push(sums.figure(format!("{}-Q{}", q.year(), q.month0() / 3 + 1), q.to_string(), &order));
        q = q.checked_add_months(Months::new(3)).unwrap_or(s.to.succ_opt().unwrap_or(s.to));
    }

    // Per manager as recorded; imported answers without one form the "unknown" group.
    let known =
        s.both.and(survey_answers::Column::ManagerKnown.eq(true), survey_ratings::Column::ManagerKnown.eq(true));
    let managers: HashMap<Option<UserId>, Sums> =
        grouped(&tx, &s.clients, &known, survey_answers::Column::ManagerId, survey_ratings::Column::ManagerId).await?;
    let manager_ids: Vec<UserId> = managers.keys().flatten().copied().collect();
    let names = store::staff_names(&tx, manager_ids).await?;
    let mut known_total = Sums::default();
    let mut by_manager: Vec<GroupFigure> = managers
        .iter()
        .map(|(id, sums)| {
            known_total.add(sums);
            match id {
                Some(id) => sums.figure(id.to_string(), names.get(id).cloned().unwrap_or_default(), &order),
                None => sums.figure("none".into(), "none".into(), &order),
            }
        })
        .collect();
    let unknown = total.minus(&known_total);
    if !unknown.is_empty() {
        by_manager.push(unknown.figure("unknown".into(), "unknown".into(), &order));
    }
    by_manager.sort_by(|a, b| {
        b.nps.as_ref().map_or(0, |n| n.n).cmp(&a.nps.as_ref().map_or(0, |n| n.n)).then(a.label.cmp(&b.label))
    });

    // Per client.
    let per_client: HashMap<ClientId, Sums> =
        grouped(&tx, &s.clients, &s.both, survey_answers::Column::ClientId, survey_ratings::Column::ClientId).await?;
    let mut ranked: Vec<(ClientId, Sums)> = per_client.into_iter().collect();
    ranked.sort_by_key(|(_, sums)| std::cmp::Reverse(sums.nps.n().max(sums.csi_n)));
    ranked.truncate(CLIENTS_SHOWN);
    let client_ids: Vec<ClientId> = ranked.iter().map(|(id, _)| *id).collect();
    let client_names: HashMap<ClientId, String> = if client_ids.is_empty() {
        HashMap::new()
    } else {
        tx.find_in::<clients::Entity>(&s.clients)
            .select_only()
            .column(clients::Column::Id)
            .column(clients::Column::Name)
            .filter(clients::Column::Id.is_in(client_ids))
            .into_tuple::<(ClientId, String)>()
            .all()
            .await?
            .into_iter()
            .collect()
    };
    let by_client = ranked
        .iter()
        .map(|(id, sums)| sums.figure(id.to_string(), client_names.get(id).cloned().unwrap_or_default(), &order))
        .collect();

    // Per segment value as recorded; "unknown" for imported answers without that value.
    use survey_answers::Column as A;
    use survey_ratings::Column as R;
    let known = |a: A, r: R| s.both.and(a.eq(true), r.eq(true));
    let t: HashMap<Option<Temperament>, Sums> =
        grouped(&tx, &s.clients, &known(A::TemperamentKnown, R::TemperamentKnown), A::Temperament, R::Temperament)
            .await?;
    let a: HashMap<Option<Activity>, Sums> =
        grouped(&tx, &s.clients, &known(A::ActivityKnown, R::ActivityKnown), A::Activity, R::Activity).await?;
    let v: HashMap<Option<ValueTier>, Sums> =
        grouped(&tx, &s.clients, &known(A::TierKnown, R::TierKnown), A::Tier, R::Tier).await?;
    let by_temperament = segment_rows(&t, &total, Temperament::as_str, &order);
    let by_activity = segment_rows(&a, &total, Activity::as_str, &order);
    let by_tier = segment_rows(&v, &total, ValueTier::as_str, &order);

    // Each campaign's latest wave beside the previous one (agency-wide figures; owners and
    // admins only — a manager's view is their clients').
    let waves = if staff.role().is_admin() && f.client.is_none() && f.manager.is_none() {
        compare_waves(&tx).await?
    } else {
        Vec::new()
    };
    let csi = total.csi(&order).figure();
    let criteria = criteria_rows
        .into_iter()
        .map(|(key, ru, en, _)| FormCriterion { key, name: if s.locale == Locale::Ru { ru } else { en } })
        .collect();
    tx.commit().await?;
    Ok(SurveyAnalytics {
        from: s.from,
        to: s.to,
        nps: total.nps.figure(),
        csi,
        criteria,
        by_month,
        by_quarter,
        by_manager,
        by_client,
        by_temperament,
        by_activity,
        by_tier,
        waves,
    })
}

async fn compare_waves(tx: &TenantTx) -> ApiResult<Vec<WaveComparison>> {
    let campaigns = tx
        .find::<survey_campaigns::Entity>()
        .order_by_desc(survey_campaigns::Column::CreatedAt)
        .limit(20)
        .all()
        .await?;
    if campaigns.is_empty() {
        return Ok(Vec::new());
    }
    let ids: Vec<SurveyCampaignId> = campaigns.iter().map(|c| c.id).collect();
    let waves = tx.find::<survey_waves::Entity>().filter(survey_waves::Column::CampaignId.is_in(ids)).all().await?;
    let mut last_two: HashMap<SurveyCampaignId, Vec<survey_waves::Model>> = HashMap::new();
    for w in waves {
        last_two.entry(w.campaign_id).or_default().push(w);
    }
    let mut chosen = Vec::new();
    for list in last_two.values_mut() {
        list.sort_by_key(|w| std::cmp::Reverse(w.number));
        list.truncate(2);
        chosen.extend(list.iter().cloned());
    }
    let figures = wave_figures(tx, &chosen, &VisibleClients::whole_agency(), true).await?;
    let by_id: HashMap<_, _> = figures.into_iter().map(|f| (f.id, f)).collect();
    Ok(campaigns
        .iter()
        .filter_map(|c| {
            let list = last_two.get(&c.id)?;
            let latest = by_id.get(&list.first()?.id)?.clone();
            let previous = list.get(1).and_then(|w| by_id.get(&w.id).cloned());
            Some(WaveComparison { campaign_id: c.id, campaign_name: c.name.clone(), latest, previous })
        })
        .collect())
}

/// Answers with filters (verbatims), newest first.
pub async fn answers(state: &AppState, staff: &Staff, f: &AnswerFilter) -> ApiResult<Page<AnswerView>> {
    let paging = Paging::parse(f.page, f.per_page, 25)?;
    let tx = state.db.tenant_read(staff).await?;
    let s = scope(&tx, staff, f, true).await?;
    let q = tx.find_in::<survey_answers::Entity>(&s.clients).filter(s.cond.clone());
    let total = q.clone().count().await?;
    let rows = q
        .order_by_desc(survey_answers::Column::AnsweredOn)
        .order_by_desc(survey_answers::Column::SubmittedAt)
        .order_by_asc(survey_answers::Column::Id)
        .offset(paging.offset())
        .limit(paging.limit())
        .all()
        .await?;
    let items = store::views(&tx, rows, s.locale).await?;
    tx.commit().await?;
    Ok(paging.page_of(items, total))
}

/// At most this many answers in one export.
const EXPORT_MAX: u64 = 100_000;
/// Answers read per batch while exporting.
const EXPORT_BATCH: u64 = 1_000;

fn csv_cell(s: &str) -> String {
    // A leading =, +, -, @, tab or carriage return would be a formula in a spreadsheet.
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{s}") } else { s.to_string() };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// The filtered answers as CSV, in the import's columns (so an export can be read back).
pub async fn export(state: &AppState, staff: &Staff, f: &AnswerFilter) -> ApiResult<String> {
    let tx = state.db.tenant_read(staff).await?;
    let s = scope(&tx, staff, f, true).await?;
    let criteria: Vec<String> = super::settings::all_criteria(&tx).await?.into_iter().map(|c| c.0).collect();
    let mut out = String::from("client,contact_email,date,nps,why");
    for k in &criteria {
        out.push_str(&format!(",{k}_importance,{k}_satisfaction"));
    }
    out.push_str(",manager_email,temperament,activity,tier,source\n");
    let total = tx.find_in::<survey_answers::Entity>(&s.clients).filter(s.cond.clone()).count().await?;
    if total > EXPORT_MAX {
        return Err(ApiError::invalid(
            "from",
            Code::ValidationFailed,
            format!("{total} answers match; export at most {EXPORT_MAX} at once (narrow the period)."),
        ));
    }
    let mut offset = 0;
    while offset < EXPORT_MAX {
        let rows = tx
            .find_in::<survey_answers::Entity>(&s.clients)
            .filter(s.cond.clone())
            .order_by_asc(survey_answers::Column::AnsweredOn)
            .order_by_asc(survey_answers::Column::Id)
            .offset(offset)
            .limit(EXPORT_BATCH)
            .all()
            .await?;
        if rows.is_empty() {
            break;
        }
        offset += rows.len() as u64;
        let ids: Vec<_> = rows.iter().map(|r| r.id).collect();
        let ratings = tx
            .find_in::<survey_ratings::Entity>(&s.clients)
            .filter(survey_ratings::Column::AnswerId.is_in(ids))
            .all()
            .await?;
        let rated: HashMap<(accord_api::SurveyAnswerId, &str), (i32, i32)> =
            ratings.iter().map(|x| ((x.answer_id, x.criterion_key.as_str()), (x.importance, x.satisfaction))).collect();
        let client_ids: Vec<ClientId> = rows.iter().map(|r| r.client_id).collect();
        let clients: HashMap<ClientId, String> = tx
            .find_in::<clients::Entity>(&s.clients)
            .select_only()
            .column(clients::Column::Id)
            .column(clients::Column::Name)
            .filter(clients::Column::Id.is_in(client_ids))
            .into_tuple::<(ClientId, String)>()
            .all()
            .await?
            .into_iter()
            .collect();
        let contact_ids: Vec<_> = rows.iter().filter_map(|r| r.contact_id).collect();
        let emails: HashMap<accord_api::ContactId, String> = tx
            .find_in::<accord_entity::contacts::Entity>(&s.clients)
            .select_only()
            .column(accord_entity::contacts::Column::Id)
            .column(accord_entity::contacts::Column::Email)
            .filter(accord_entity::contacts::Column::Id.is_in(contact_ids))
            .into_tuple::<(accord_api::ContactId, String)>()
            .all()
            .await?
            .into_iter()
            .collect();
        let manager_ids: Vec<UserId> = rows.iter().filter_map(|r| r.manager_id).collect();
        let managers: HashMap<UserId, String> = tx
            .find::<users::Entity>()
            .select_only()
            .column(users::Column::Id)
            .column(users::Column::Email)
            .filter(users::Column::Id.is_in(manager_ids))
            .into_tuple::<(UserId, String)>()
            .all()
            .await?
            .into_iter()
            .collect();
        for r in rows {
            let mut cells = vec![
                csv_cell(clients.get(&r.client_id).map(String::as_str).unwrap_or("")),
                csv_cell(r.contact_id.and_then(|c| emails.get(&c)).map(String::as_str).unwrap_or("")),
                r.answered_on.to_string(),
                r.nps.map(|n| n.to_string()).unwrap_or_default(),
                csv_cell(&r.why),
            ];
            for k in &criteria {
                match rated.get(&(r.id, k.as_str())) {
                    Some((i, sat)) => {
                        cells.push(i.to_string());
                        cells.push(sat.to_string());
                    }
                    None => cells.extend([String::new(), String::new()]),
                }
            }
            cells.push(if r.manager_known {
                csv_cell(r.manager_id.and_then(|m| managers.get(&m)).map(String::as_str).unwrap_or(""))
            } else {
                String::new()
            });
            cells.push(r.temperament.map(Temperament::as_str).unwrap_or("").to_string());
            cells.push(r.activity.map(Activity::as_str).unwrap_or("").to_string());
            cells.push(r.tier.map(ValueTier::as_str).unwrap_or("").to_string());
            cells.push(r.source.as_str().to_string());
            out.push_str(&cells.join(","));
            out.push('\n');
        }
    }
    tx.commit().await?;
    Ok(out)
}
