//! Staff analytics of survey answers: NPS and CSI over a period, by month and quarter, per
//! manager (as recorded on each answer), per client and per segment value (as recorded), the
//! criteria's importance–performance quadrants, and each campaign's latest wave beside the one
//! before. Every grouping is summed by the database (two grouped queries each: by day, and by
//! client with its recorded manager and segments), so the number of statements does not depend
//! on the number of answers. Also the answers themselves with
//! filters (verbatims) and their CSV export.

mod kept;

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
use sea_orm::{
    ColumnTrait, Condition, DbBackend, DbErr, IdenStatic, QueryFilter, QueryOrder, QueryResult, QuerySelect, TryGetable,
};
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

/// One group's sums: its answers, NPS classes, answers that rated criteria, and each
/// criterion's sums.
#[derive(Clone, Debug, Default)]
struct Sums {
    /// Every answer, with or without an NPS or a CSI: a group exists while it holds one.
    answers: u32,
    nps: NpsTally,
    csi_n: u32,
    criteria: BTreeMap<String, (u64, u64, u32)>,
}

impl Sums {
    fn add(&mut self, other: &Sums) {
        self.nps.merge(other.nps);
        self.answers += other.answers;
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
        out.answers -= other.answers.min(out.answers);
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
    /// The condition picks a few days (the edges of a period): on SQLite the groups are sorted
    /// from what the day index finds, instead of the agency's rows read in the groups' order.
    few_days: bool,
}

/// What answers are summed by: columns on answers with their twins on ratings (which carry the
/// answer's day, client, manager and segment), and how a grouped row's key is read back from
/// its first columns (by position: reading by name costs an allocation per value).
trait GroupKey: Sized + Eq + Hash + Send + Sync {
    fn columns() -> Vec<(survey_answers::Column, survey_ratings::Column)>;
    fn read(row: &QueryResult) -> Result<Self, DbErr>;
}

/// A day.
impl GroupKey for NaiveDate {
    fn columns() -> Vec<(survey_answers::Column, survey_ratings::Column)> {
        vec![(survey_answers::Column::AnsweredOn, survey_ratings::Column::AnsweredOn)]
    }

    fn read(row: &QueryResult) -> Result<Self, DbErr> {
        row.try_get_by_index(0)
    }
}

/// A client with the account manager and segment values its answers recorded. Each is `None`
/// where an imported answer recorded nothing (its `*_known` flag is off), `Some(None)` where the
/// client had no value. One grouping by these answers the per-client, per-manager and
/// per-segment tables at once: a client's answers share a handful of such cells.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Cell {
    client: ClientId,
    manager: Option<Option<UserId>>,
    temperament: Option<Option<Temperament>>,
    activity: Option<Option<Activity>>,
    tier: Option<Option<ValueTier>>,
}

impl GroupKey for Cell {
    fn columns() -> Vec<(survey_answers::Column, survey_ratings::Column)> {
        use survey_answers::Column as A;
        use survey_ratings::Column as R;
        // The order of `ix_survey_answers_cell` and `ix_survey_ratings_cell`: SQLite then groups
        // while it reads the index instead of sorting the period's rows first.
        vec![
            (A::ClientId, R::ClientId),
            (A::ManagerKnown, R::ManagerKnown),
            (A::ManagerId, R::ManagerId),
            (A::TemperamentKnown, R::TemperamentKnown),
            (A::Temperament, R::Temperament),
            (A::ActivityKnown, R::ActivityKnown),
            (A::Activity, R::Activity),
            (A::TierKnown, R::TierKnown),
            (A::Tier, R::Tier),
        ]
    }

    fn read(row: &QueryResult) -> Result<Self, DbErr> {
        fn recorded<T: TryGetable>(row: &QueryResult, known: usize) -> Result<Option<Option<T>>, DbErr> {
            Ok(if row.try_get_by_index::<bool>(known)? { Some(row.try_get_by_index(known + 1)?) } else { None })
        }
        Ok(Cell {
            client: row.try_get_by_index(0)?,
            manager: recorded(row, 1)?,
            temperament: recorded(row, 3)?,
            activity: recorded(row, 5)?,
            tier: recorded(row, 7)?,
        })
    }
}

/// A client (the per-client table of a whole-agency view, for its clients shown).
impl GroupKey for ClientId {
    fn columns() -> Vec<(survey_answers::Column, survey_ratings::Column)> {
        vec![(survey_answers::Column::ClientId, survey_ratings::Column::ClientId)]
    }

    fn read(row: &QueryResult) -> Result<Self, DbErr> {
        row.try_get_by_index(0)
    }
}

fn n32(n: i64) -> u32 {
    u32::try_from(n).unwrap_or(0)
}

/// How many of a group's answers are of `class` (one row per group, not one per class). The
/// class is written into the statement (one of three fixed words, never input): SQLite compares
/// every row of the period with it, and a bound parameter made that pass about half as slow
/// again (13 → 20 ms for the largest agency of the 0.1 set).
fn class_count(class: NpsClass) -> SimpleExpr {
    let column = Expr::col((survey_answers::Entity, survey_answers::Column::NpsClass));
    Expr::expr(Expr::case(column.eq(Expr::cust(format!("'{}'", class.as_str()))), Expr::cust("1"))).count()
}

/// The answers' sums grouped by `K`: two queries, each one pass over the period's rows of one
/// table, read from a covering index. Each returns one row per group, the NPS classes and the
/// criteria (`keys`, the agency's) side by side in columns: every row crosses from SQLite's
/// worker thread to the request's one at a time, so rows cost more than columns. Ratings of a
/// criterion not in `keys` (answers imported before the agency saved its own list) are summed
/// by a third query, only when there are any.
async fn grouped<K: GroupKey>(
    tx: &TenantTx,
    scope: &VisibleClients,
    cond: &Both,
    keys: &[String],
) -> ApiResult<HashMap<K, Sums>> {
    use survey_ratings::Column as R;
    let width = K::columns().len();
    let mut answers = tx.find_in::<survey_answers::Entity>(scope).select_only();
    let mut ratings = tx.find_in::<survey_ratings::Entity>(scope).select_only();
    // `+column` is no column to SQLite's planner: no index can give the groups' order, so it
    // takes the index the condition narrows best.
    let unordered = cond.few_days && tx.backend() == DbBackend::Sqlite;
    for (a, r) in K::columns() {
        answers = answers.column(a);
        ratings = ratings.column(r);
        if unordered {
            answers = answers.group_by(Expr::cust(format!("+\"survey_answers\".\"{}\"", a.as_str())));
            ratings = ratings.group_by(Expr::cust(format!("+\"survey_ratings\".\"{}\"", r.as_str())));
        } else {
            answers = answers.group_by(a);
            ratings = ratings.group_by(r);
        }
    }
    let unpivoted = ratings.clone();
    let classes = answers
        .column_as(class_count(NpsClass::Promoter), "promoters")
        .column_as(class_count(NpsClass::Passive), "passives")
        .column_as(class_count(NpsClass::Detractor), "detractors")
        .column_as(Expr::col((survey_answers::Entity, survey_answers::Column::Csi)).count(), "csi_n")
        .column_as(Expr::cust("COUNT(*)"), "answers")
        .filter(cond.a.clone())
        .rows()
        .await?;
    let mut out: HashMap<K, Sums> = HashMap::with_capacity(classes.len());
    for row in classes {
        let n = |i: usize| row.try_get_by_index::<i64>(width + i).map(n32);
        let e = out.entry(K::read(&row)?).or_default();
        e.nps.merge(NpsTally { promoters: n(0)?, passives: n(1)?, detractors: n(2)? });
        e.csi_n += n(3)?;
        e.answers += n(4)?;
    }

    // CASE without ELSE: a rating of another criterion gives NULL, which SUM and COUNT skip
    // (cheaper in SQLite than an ELSE 0 on every row). Ratings of criteria not in `keys` are
    // what COUNT(*) holds beyond the criteria's counts.
    let of = |k: &str, then: SimpleExpr| Expr::expr(Expr::case(R::CriterionKey.eq(k), then));
    let mut ratings = ratings.column_as(Expr::cust("COUNT(*)"), "n");
    for (j, k) in keys.iter().enumerate() {
        ratings = ratings
            .column_as(of(k, Expr::col(R::Importance).into()).sum(), format!("i{j}"))
            .column_as(of(k, Expr::col(R::Satisfaction).into()).sum(), format!("s{j}"))
            .column_as(of(k, Expr::cust("1")).count(), format!("n{j}"));
    }
    let mut others = false;
    for row in ratings.filter(cond.r.clone()).rows().await? {
        let e = out.entry(K::read(&row)?).or_default();
        let mut rest = row.try_get_by_index::<i64>(width)?;
        for (j, k) in keys.iter().enumerate() {
            let at = width + 1 + 3 * j;
            let n = row.try_get_by_index::<i64>(at + 2)?;
            if n > 0 {
                rest -= n;
                let sum = |i: usize| row.try_get_by_index::<Option<i64>>(i).map(Option::unwrap_or_default);
                add_criterion(e, k, (sum(at)?, sum(at + 1)?), n);
            }
        }
        others |= rest > 0;
    }
    if others {
        let rows = unpivoted
            .column(R::CriterionKey)
            .column_as(Expr::col(R::Importance).sum(), "i")
            .column_as(Expr::col(R::Satisfaction).sum(), "s")
            .column_as(Expr::cust("COUNT(*)"), "n")
            .filter(cond.r.clone())
            .filter(R::CriterionKey.is_not_in(keys.iter().cloned()))
            .group_by(R::CriterionKey)
            .rows()
            .await?;
        for row in rows {
            let e = out.entry(K::read(&row)?).or_default();
            let key: String = row.try_get_by_index(width)?;
            let sums = (row.try_get_by_index::<i64>(width + 1)?, row.try_get_by_index::<i64>(width + 2)?);
            add_criterion(e, &key, sums, row.try_get_by_index::<i64>(width + 3)?);
        }
    }
    Ok(out)
}

fn add_criterion(e: &mut Sums, key: &str, (i, s): (i64, i64), n: i64) {
    let c = e.criteria.entry(key.to_string()).or_default();
    c.0 += u64::try_from(i).unwrap_or(0);
    c.1 += u64::try_from(s).unwrap_or(0);
    c.2 += n32(n);
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
    /// The same, for the grouping by cell (see [`period`]).
    both_by_cell: Both,
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
    let mut cond = Condition::all();
    let mut rcond = Condition::all();
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
    let both = |by_day: bool| Both {
        a: cond.clone().add(period(tx, survey_answers::Column::AnsweredOn, from, to, by_day)),
        r: rcond.clone().add(period(tx, survey_ratings::Column::AnsweredOn, from, to, by_day)),
        few_days: false,
    };
    let (both, both_by_cell) = (both(true), both(false));
    let cond = both.a.clone();
    Ok(Scope { from, to, clients, cond, both, both_by_cell, locale })
}

/// `column` (a day) within the period. With `by_day` off, on SQLite the day is written `+day`
/// (the only backend this form is built for: `?` is its placeholder),
/// which no index can serve: the grouping by cell then reads the cell index in its order
/// (after the agency) instead of a range of the day index followed by a sort of every row in
/// it, which SQLite's planner prefers without statistics (5 ms instead of 14–21 ms for the
/// largest agency's two years of the 0.1 scale set). PostgreSQL hashes its groups and takes
/// the plain condition.
fn period<C: ColumnTrait>(tx: &TenantTx, column: C, from: NaiveDate, to: NaiveDate, by_day: bool) -> Condition {
    if by_day || tx.backend() != DbBackend::Sqlite {
        return Condition::all().add(column.gte(from)).add(column.lte(to));
    }
    let day = || SimpleExpr::from(Expr::col((column.entity_name(), column)));
    Condition::all()
        .add(Expr::cust_with_exprs("+? >= ?", [day(), Expr::val(from).into()]))
        .add(Expr::cust_with_exprs("+? <= ?", [day(), Expr::val(to).into()]))
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

/// A segment dimension's value as an answer recorded it (`None`: the client had none), for the
/// answers that recorded one: an edge of a whole-agency view is grouped by each dimension on its
/// own, a few hundred groups, where grouping by cell gave a row per client.
macro_rules! recorded_value {
    ($($value:ty => $column:ident),* $(,)?) => {$(
        impl GroupKey for Option<$value> {
            fn columns() -> Vec<(survey_answers::Column, survey_ratings::Column)> {
                vec![(survey_answers::Column::$column, survey_ratings::Column::$column)]
            }

            fn read(row: &QueryResult) -> Result<Self, DbErr> {
                row.try_get_by_index(0)
            }
        }
    )*};
}

recorded_value!(UserId => ManagerId, Temperament => Temperament, Activity => Activity, ValueTier => Tier);

/// Adds `groups` to `into` (`sign` 1) or takes them away (-1).
fn merge<K: Eq + Hash>(into: &mut HashMap<K, Sums>, groups: HashMap<K, Sums>, sign: i64) {
    for (key, sums) in groups {
        let e = into.entry(key).or_default();
        if sign < 0 {
            *e = e.minus(&sums);
        } else {
            e.add(&sums);
        }
    }
}

/// Adds the days `from..=to` of a whole-agency view to the segments (`sign` 1), or takes them
/// away (-1: days of a month read whole from the kept sums but outside the period): each
/// dimension grouped on its own over the answers that recorded it, one range of the day indexes
/// each.
async fn edge(
    tx: &TenantTx,
    clients: &VisibleClients,
    ((from, to), sign): ((NaiveDate, NaiveDate), i64),
    order: &[String],
    segments: &mut kept::Segments,
) -> ApiResult<()> {
    use survey_answers::Column as A;
    use survey_ratings::Column as R;
    let days = |a: A, r: R| Both {
        a: period(tx, A::AnsweredOn, from, to, true).add(a.eq(true)),
        r: period(tx, R::AnsweredOn, from, to, true).add(r.eq(true)),
        few_days: true,
    };
    let managers = days(A::ManagerKnown, R::ManagerKnown);
    merge(&mut segments.managers, grouped(tx, clients, &managers, order).await?, sign);
    let temperaments = days(A::TemperamentKnown, R::TemperamentKnown);
    merge(&mut segments.temperaments, grouped(tx, clients, &temperaments, order).await?, sign);
    let activities = days(A::ActivityKnown, R::ActivityKnown);
    merge(&mut segments.activities, grouped(tx, clients, &activities, order).await?, sign);
    merge(&mut segments.tiers, grouped(tx, clients, &days(A::TierKnown, R::TierKnown), order).await?, sign);
    Ok(())
}

/// The whole agency's groups: the totals, months and quarters from the kept day sums; per
/// manager and segment value, whole months from the kept month sums and the edge days grouped
/// afresh; per client, only the clients shown, ranked by the database from the kept counts of
/// whole years and months and the edge days' answers, then grouped.
/// The same figures as grouping every answer of the period (`ACCORD_SURVEY_TALLIES=off`), in a
/// number of rows that does not grow with the answers of whole months.
async fn whole_agency(
    tx: &TenantTx,
    s: &Scope,
    order: &[String],
) -> ApiResult<(HashMap<NaiveDate, Sums>, HashMap<ClientId, Sums>, kept::Segments)> {
    use survey_answers::Column as A;
    use survey_ratings::Column as R;
    let dated = kept::by_month(tx, s.from, s.to).await?;
    let mut segments = kept::Segments::default();
    let plan = kept::Plan::of(s.from, s.to);
    if let Some(months) = plan.months {
        kept::by_segment(tx, months, &mut segments).await?;
    }
    for &days in &plan.days {
        edge(tx, &s.clients, days, order, &mut segments).await?;
    }
    segments.drop_empty();
    let shown = kept::top_clients(tx, &s.clients, &plan, CLIENTS_SHOWN as u64).await?;
    let per_client = if shown.is_empty() {
        HashMap::new()
    } else {
        let of_shown = Both {
            a: s.both_by_cell.a.clone().add(A::ClientId.is_in(shown.iter().copied())),
            r: s.both_by_cell.r.clone().add(R::ClientId.is_in(shown)),
            few_days: false,
        };
        grouped(tx, &s.clients, &of_shown, order).await?
    };
    Ok((dated, per_client, segments))
}

/// NPS and CSI analytics (owners and admins: the agency; account managers: their clients).
pub async fn analytics(state: &AppState, staff: &Staff, f: &AnswerFilter) -> ApiResult<SurveyAnalytics> {
    let tx = state.db.tenant_analysis(staff).await?;
    let s = scope(&tx, staff, f, false).await?;
    let criteria_rows = super::settings::all_criteria(&tx).await?;
    let order: Vec<String> = criteria_rows.iter().map(|c| c.0.clone()).collect();
    // The whole agency's months are summed as answers are written; a narrower view (or any view
    // with `ACCORD_SURVEY_TALLIES=off`) groups its own answers.
    let whole = s.clients.is_whole_agency() && f.client.is_none() && f.manager.is_none();
    // Sums by day (grouped afresh) or by month (kept); months and quarters add them up.
    let (dated, per_client, segments) = if whole && state.settings.survey_tallies {
        whole_agency(&tx, &s, &order).await?
    } else {
        let dated: HashMap<NaiveDate, Sums> = grouped(&tx, &s.clients, &s.both, &order).await?;
        // Per client, per manager and per segment value as recorded, from one grouping by cell.
        let cells: HashMap<Cell, Sums> = grouped(&tx, &s.clients, &s.both_by_cell, &order).await?;
        let mut per_client: HashMap<ClientId, Sums> = HashMap::new();
        let mut segments = kept::Segments::default();
        for (cell, sums) in &cells {
            per_client.entry(cell.client).or_default().add(sums);
            segments.add_cell(cell, sums);
        }
        (dated, per_client, segments)
    };
    let kept::Segments { managers, temperaments: t, activities: a, tiers: v } = segments;
    let mut total = Sums::default();
    let mut months: BTreeMap<NaiveDate, Sums> = BTreeMap::new();
    let mut quarters: BTreeMap<NaiveDate, Sums> = BTreeMap::new();
    for (day, sums) in &dated {
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

    // Per client: most answers first, then by id (a stable order for equal counts).
    let mut ranked: Vec<(ClientId, Sums)> = per_client.into_iter().collect();
    ranked.sort_by_key(|(id, sums)| (std::cmp::Reverse(sums.nps.n().max(sums.csi_n)), *id));
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
    // The passes read the agency's answer and rating indexes, by day and by cell (about 8 MB
    // for the largest agency of the 0.1 set).
    tx.commit_agency_wide_read().await?;
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
