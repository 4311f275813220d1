//! Each agency's survey answers summed per month and per recorded segment value
//! (`survey_segment_tallies`) and its ratings summed the same way per criterion
//! (`survey_segment_ratings`), kept by the database like the day sums of migration 000021:
//! triggers on `survey_answers` and `survey_ratings` add a row's figures on insert, take them
//! away on delete and move them on a change of what is summed, whoever writes.
//!
//! A segment is one of four dimensions an answer recorded when it was given — `m` the account
//! manager, `t` the temperament, `a` the activity, `v` the value tier — and its value: the
//! manager's id or the enum's stored name, `''` where the client had none. An imported answer
//! that recorded nothing for a dimension (`*_known` off) adds nothing to it; analytics show
//! those as "unknown", the total less every known value.
//!
//! The same triggers count each client's answers per year and per month
//! (`survey_client_tallies`: `span` `y` or `m` from its first day `start`; answers, those with an
//! NPS, those with a CSI): the per-client table shows the 200 clients with the most answers of
//! the period, and the ranking reads whole years and months from here.
//!
//! Why: the agency-wide analytics' per-client, per-manager and per-segment tables grouped every
//! answer and rating of the period by client, manager and segments on each view. At full size the
//! largest agency has 105,000 answers and 164,000 ratings in two years, and those two groupings
//! alone took 260 ms on SQLite. A month of a dimension is a handful of rows however many answers
//! it holds, and a client's year one row, so whole years and months are read from here and only
//! the edge days of a period (and the 200 clients shown) are grouped.
//!
//! On PostgreSQL the tables have row-level security like every agency table; the triggers run
//! as the caller, inside the caller's scope. An answer locks up to seven rows here (four segment
//! values, the client's year and month) and each rating four, in no order two transactions
//! would share: an import holding a manager's row while a live answer holds a temperament's
//! would deadlock. So a transaction that writes an agency's answers or ratings first takes that
//! agency's advisory lock (`pg_advisory_xact_lock(24, hashtext(agency))`, a BEFORE trigger, so
//! before any sum row is locked, the day sums of migration 000021 included) and keeps it until
//! it commits: the agency's survey writes take turns (an import holds back a live answer of that
//! agency until it commits; the triggers cost about 0.7 ms a row in bulk on PostgreSQL), and
//! never deadlock on the sums.

use crate::rls;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TALLIES: &str = "survey_segment_tallies";
const RATINGS: &str = "survey_segment_ratings";
const CLIENTS: &str = "survey_client_tallies";

fn agency_fk(table: &str) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .name(format!("fk_{table}_agency"))
        .from(Alias::new(table), Alias::new("agency_id"))
        .to(Alias::new("agencies"), Alias::new("id"))
        .on_delete(ForeignKeyAction::Cascade)
        .to_owned()
}

fn create_tallies() -> TableCreateStatement {
    let a = Alias::new;
    Table::create()
        .table(a(TALLIES))
        .col(uuid(a("agency_id")))
        .col(date(a("month")))
        .col(string_len(a("dim"), 1))
        .col(string(a("value")))
        .col(integer(a("answers")))
        .col(integer(a("promoters")))
        .col(integer(a("passives")))
        .col(integer(a("detractors")))
        .col(integer(a("csi_n")))
        // By segment first: the sums of a period are read per segment in this order, no sort.
        .primary_key(Index::create().col(a("agency_id")).col(a("dim")).col(a("value")).col(a("month")))
        .foreign_key(&mut agency_fk(TALLIES))
        .to_owned()
}

fn create_ratings() -> TableCreateStatement {
    let a = Alias::new;
    Table::create()
        .table(a(RATINGS))
        .col(uuid(a("agency_id")))
        .col(date(a("month")))
        .col(string_len(a("dim"), 1))
        .col(string(a("value")))
        .col(string(a("criterion_key")))
        .col(big_integer(a("importance")))
        .col(big_integer(a("satisfaction")))
        .col(integer(a("n")))
        .primary_key(
            Index::create().col(a("agency_id")).col(a("dim")).col(a("value")).col(a("criterion_key")).col(a("month")),
        )
        .foreign_key(&mut agency_fk(RATINGS))
        .to_owned()
}

fn create_clients() -> TableCreateStatement {
    let a = Alias::new;
    Table::create()
        .table(a(CLIENTS))
        .col(uuid(a("agency_id")))
        .col(string_len(a("span"), 1))
        .col(date(a("start")))
        .col(uuid(a("client_id")))
        .col(integer(a("answers")))
        .col(integer(a("nps_n")))
        .col(integer(a("csi_n")))
        .primary_key(Index::create().col(a("agency_id")).col(a("span")).col(a("start")).col(a("client_id")))
        .foreign_key(&mut agency_fk(CLIENTS))
        .to_owned()
}

/// The SQL each database speaks for the month of a row `r` and its manager as text.
struct Dialect {
    postgres: bool,
}

impl Dialect {
    fn month(&self, r: &str) -> String {
        if self.postgres {
            format!("CAST(date_trunc('month', {r}.answered_on) AS date)")
        } else {
            format!("date({r}.answered_on, 'start of month')")
        }
    }

    fn year(&self, r: &str) -> String {
        if self.postgres {
            format!("CAST(date_trunc('year', {r}.answered_on) AS date)")
        } else {
            format!("date({r}.answered_on, 'start of year')")
        }
    }

    /// The manager's id as text (`''` for none). SQLite keeps ids as 16-byte blobs: their hex
    /// digits, which a UUID parser reads like the hyphenated form.
    fn manager(&self, r: &str) -> String {
        if self.postgres {
            format!("COALESCE(CAST({r}.manager_id AS text), '')")
        } else {
            format!(
                "CASE WHEN {r}.manager_id IS NULL THEN '' WHEN typeof({r}.manager_id) = 'blob' \
                 THEN lower(hex({r}.manager_id)) ELSE {r}.manager_id END"
            )
        }
    }

    /// The row's recorded segments as `(dim, value)` rows, one per dimension it recorded.
    fn segments(&self, r: &str) -> String {
        format!(
            "SELECT 'm' AS dim, {m} AS value WHERE {r}.manager_known \
             UNION ALL SELECT 't', COALESCE({r}.temperament, '') WHERE {r}.temperament_known \
             UNION ALL SELECT 'a', COALESCE({r}.activity, '') WHERE {r}.activity_known \
             UNION ALL SELECT 'v', COALESCE({r}.tier, '') WHERE {r}.tier_known",
            m = self.manager(r)
        )
    }

    /// The same for every row of `table` (the one-off sum of existing rows), with `columns`.
    fn every_segment(&self, table: &str, columns: &str) -> String {
        let part = |dim: &str, value: String, known: &str| {
            format!(
                "SELECT r.agency_id, {month} AS month, '{dim}' AS dim, {value} AS value, {columns} \
                 FROM {table} r WHERE r.{known}",
                month = self.month("r")
            )
        };
        [
            part("m", self.manager("r"), "manager_known"),
            part("t", "COALESCE(r.temperament, '')".into(), "temperament_known"),
            part("a", "COALESCE(r.activity, '')".into(), "activity_known"),
            part("v", "COALESCE(r.tier, '')".into(), "tier_known"),
        ]
        .join(" UNION ALL ")
    }

    fn fill(&self) -> [String; 3] {
        let client_span = |span: &str, start: String| {
            format!(
                "SELECT r.agency_id, '{span}' AS span, {start} AS start, r.client_id, r.nps_class, r.csi \
                 FROM survey_answers r"
            )
        };
        [
            format!(
                "INSERT INTO {CLIENTS} (agency_id, span, start, client_id, answers, nps_n, csi_n) \
                 SELECT agency_id, span, start, client_id, COUNT(*), COUNT(nps_class), COUNT(csi) \
                 FROM ({} UNION ALL {}) s GROUP BY agency_id, span, start, client_id",
                client_span("y", self.year("r")),
                client_span("m", self.month("r"))
            ),
            format!(
                "INSERT INTO {TALLIES} (agency_id, month, dim, value, answers, promoters, passives, detractors, csi_n) \
                 SELECT agency_id, month, dim, value, COUNT(*), \
                   COUNT(CASE WHEN nps_class = 'promoter' THEN 1 END), COUNT(CASE WHEN nps_class = 'passive' THEN 1 END), \
                   COUNT(CASE WHEN nps_class = 'detractor' THEN 1 END), COUNT(csi) \
                 FROM ({}) s GROUP BY agency_id, month, dim, value",
                self.every_segment("survey_answers", "r.nps_class, r.csi")
            ),
            format!(
                "INSERT INTO {RATINGS} (agency_id, month, dim, value, criterion_key, importance, satisfaction, n) \
                 SELECT agency_id, month, dim, value, criterion_key, SUM(importance), SUM(satisfaction), COUNT(*) \
                 FROM ({}) s GROUP BY agency_id, month, dim, value, criterion_key",
                self.every_segment("survey_ratings", "r.criterion_key, r.importance, r.satisfaction")
            ),
        ]
    }

    /// How the row an upsert into `table` conflicts with is named in its `DO UPDATE`.
    fn conflicting(&self, table: &str) -> String {
        if self.postgres {
            format!("{table}.")
        } else {
            String::new()
        }
    }

    /// Adds the `NEW` answer to its month's segments and to its client's year and month.
    fn add_answer(&self) -> String {
        let t = self.conflicting(TALLIES);
        let segments = format!(
            "INSERT INTO {TALLIES} (agency_id, month, dim, value, answers, promoters, passives, detractors, csi_n) \
             SELECT NEW.agency_id, {month}, s.dim, s.value, 1, \
               CASE WHEN NEW.nps_class = 'promoter' THEN 1 ELSE 0 END, \
               CASE WHEN NEW.nps_class = 'passive' THEN 1 ELSE 0 END, \
               CASE WHEN NEW.nps_class = 'detractor' THEN 1 ELSE 0 END, CASE WHEN NEW.csi IS NULL THEN 0 ELSE 1 END \
             FROM ({segments}) s WHERE true \
             ON CONFLICT (agency_id, month, dim, value) DO UPDATE SET answers = {t}answers + 1, \
             promoters = {t}promoters + excluded.promoters, passives = {t}passives + excluded.passives, \
             detractors = {t}detractors + excluded.detractors, csi_n = {t}csi_n + excluded.csi_n;",
            month = self.month("NEW"),
            segments = self.segments("NEW"),
        );
        segments + &self.add_client_answer()
    }

    /// Adds the `NEW` answer to its client's year and month.
    fn add_client_answer(&self) -> String {
        let t = self.conflicting(CLIENTS);
        format!(
            "INSERT INTO {CLIENTS} (agency_id, span, start, client_id, answers, nps_n, csi_n) \
             SELECT NEW.agency_id, s.span, s.start, NEW.client_id, 1, \
               CASE WHEN NEW.nps_class IS NULL THEN 0 ELSE 1 END, CASE WHEN NEW.csi IS NULL THEN 0 ELSE 1 END \
             FROM (SELECT 'y' AS span, {year} AS start UNION ALL SELECT 'm', {month}) s WHERE true \
             ON CONFLICT (agency_id, span, start, client_id) DO UPDATE SET answers = {t}answers + 1, \
             nps_n = {t}nps_n + excluded.nps_n, csi_n = {t}csi_n + excluded.csi_n;",
            year = self.year("NEW"),
            month = self.month("NEW"),
        )
    }

    fn take_client_answer(&self) -> String {
        format!(
            "UPDATE {CLIENTS} SET answers = answers - 1, \
               nps_n = nps_n - CASE WHEN OLD.nps_class IS NULL THEN 0 ELSE 1 END, \
               csi_n = csi_n - CASE WHEN OLD.csi IS NULL THEN 0 ELSE 1 END \
             WHERE agency_id = OLD.agency_id AND client_id = OLD.client_id \
             AND ((span = 'y' AND start = {year}) OR (span = 'm' AND start = {month}));",
            year = self.year("OLD"),
            month = self.month("OLD"),
        )
    }

    /// Takes the `OLD` answer away from its month's segments and its client's year and month.
    fn take_answer(&self) -> String {
        let segments = format!(
            "UPDATE {TALLIES} SET answers = answers - 1, \
               promoters = promoters - CASE WHEN OLD.nps_class = 'promoter' THEN 1 ELSE 0 END, \
               passives = passives - CASE WHEN OLD.nps_class = 'passive' THEN 1 ELSE 0 END, \
               detractors = detractors - CASE WHEN OLD.nps_class = 'detractor' THEN 1 ELSE 0 END, \
               csi_n = csi_n - CASE WHEN OLD.csi IS NULL THEN 0 ELSE 1 END \
             WHERE agency_id = OLD.agency_id AND month = {month} AND (dim, value) IN ({segments});",
            month = self.month("OLD"),
            segments = self.segments("OLD"),
        );
        segments + &self.take_client_answer()
    }

    fn add_rating(&self) -> String {
        let t = self.conflicting(RATINGS);
        format!(
            "INSERT INTO {RATINGS} (agency_id, month, dim, value, criterion_key, importance, satisfaction, n) \
             SELECT NEW.agency_id, {month}, s.dim, s.value, NEW.criterion_key, NEW.importance, NEW.satisfaction, 1 \
             FROM ({segments}) s WHERE true \
             ON CONFLICT (agency_id, month, dim, value, criterion_key) DO UPDATE SET \
             importance = {t}importance + excluded.importance, satisfaction = {t}satisfaction + excluded.satisfaction, \
             n = {t}n + 1;",
            month = self.month("NEW"),
            segments = self.segments("NEW"),
        )
    }

    fn take_rating(&self) -> String {
        format!(
            "UPDATE {RATINGS} SET importance = importance - OLD.importance, \
               satisfaction = satisfaction - OLD.satisfaction, n = n - 1 \
             WHERE agency_id = OLD.agency_id AND month = {month} AND criterion_key = OLD.criterion_key \
             AND (dim, value) IN ({segments});",
            month = self.month("OLD"),
            segments = self.segments("OLD"),
        )
    }
}

/// What a row's segments are read from, beside the day and the agency.
const SEGMENT_COLUMNS: &str =
    "manager_known, manager_id, temperament_known, temperament, activity_known, activity, tier_known, tier";
const SEGMENT_CHANGED: &str = "OLD.manager_known IS NOT NEW.manager_known OR OLD.manager_id IS NOT NEW.manager_id \
     OR OLD.temperament_known IS NOT NEW.temperament_known OR OLD.temperament IS NOT NEW.temperament \
     OR OLD.activity_known IS NOT NEW.activity_known OR OLD.activity IS NOT NEW.activity \
     OR OLD.tier_known IS NOT NEW.tier_known OR OLD.tier IS NOT NEW.tier";
const ANSWER_SUMMED: &str = "nps_class, csi, answered_on, agency_id, client_id";
const ANSWER_CHANGED: &str = "OLD.nps_class IS NOT NEW.nps_class OR OLD.csi IS NOT NEW.csi \
     OR OLD.answered_on IS NOT NEW.answered_on OR OLD.agency_id IS NOT NEW.agency_id \
     OR OLD.client_id IS NOT NEW.client_id";
const RATING_SUMMED: &str = "importance, satisfaction, criterion_key, answered_on, agency_id";
const RATING_CHANGED: &str = "OLD.importance IS NOT NEW.importance OR OLD.satisfaction IS NOT NEW.satisfaction \
     OR OLD.criterion_key IS NOT NEW.criterion_key OR OLD.answered_on IS NOT NEW.answered_on \
     OR OLD.agency_id IS NOT NEW.agency_id";

fn sqlite_triggers() -> Vec<String> {
    let d = Dialect { postgres: false };
    vec![
        format!(
            "CREATE TRIGGER survey_segment_answer_insert AFTER INSERT ON survey_answers BEGIN {} END",
            d.add_answer()
        ),
        format!(
            "CREATE TRIGGER survey_segment_answer_delete AFTER DELETE ON survey_answers BEGIN {} END",
            d.take_answer()
        ),
        format!(
            "CREATE TRIGGER survey_segment_answer_update AFTER UPDATE OF {ANSWER_SUMMED}, {SEGMENT_COLUMNS} \
             ON survey_answers WHEN {ANSWER_CHANGED} OR {SEGMENT_CHANGED} BEGIN {} {} END",
            d.take_answer(),
            d.add_answer()
        ),
        format!(
            "CREATE TRIGGER survey_segment_rating_insert AFTER INSERT ON survey_ratings BEGIN {} END",
            d.add_rating()
        ),
        format!(
            "CREATE TRIGGER survey_segment_rating_delete AFTER DELETE ON survey_ratings BEGIN {} END",
            d.take_rating()
        ),
        format!(
            "CREATE TRIGGER survey_segment_rating_update AFTER UPDATE OF {RATING_SUMMED}, {SEGMENT_COLUMNS} \
             ON survey_ratings WHEN {RATING_CHANGED} OR {SEGMENT_CHANGED} BEGIN {} {} END",
            d.take_rating(),
            d.add_rating()
        ),
    ]
}

fn postgres_triggers() -> String {
    let d = Dialect { postgres: true };
    let distinct = |s: &str| s.replace("IS NOT", "IS DISTINCT FROM");
    format!(
        r#"
CREATE OR REPLACE FUNCTION accord_survey_segment_answer() RETURNS trigger
LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    {take_answer}
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    {add_answer}
  END IF;
  RETURN NULL;
END
$f$;
CREATE OR REPLACE FUNCTION accord_survey_segment_rating() RETURNS trigger
LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    {take_rating}
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    {add_rating}
  END IF;
  RETURN NULL;
END
$f$;
CREATE OR REPLACE FUNCTION accord_survey_sums_lock() RETURNS trigger
LANGUAGE plpgsql AS $f$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM pg_advisory_xact_lock({LOCK_CLASS}, hashtext(CAST(OLD.agency_id AS text)));
    RETURN OLD;
  END IF;
  PERFORM pg_advisory_xact_lock({LOCK_CLASS}, hashtext(CAST(NEW.agency_id AS text)));
  RETURN NEW;
END
$f$;
CREATE TRIGGER survey_sums_lock BEFORE INSERT OR UPDATE OR DELETE ON survey_answers
  FOR EACH ROW EXECUTE FUNCTION accord_survey_sums_lock();
CREATE TRIGGER survey_sums_lock BEFORE INSERT OR UPDATE OR DELETE ON survey_ratings
  FOR EACH ROW EXECUTE FUNCTION accord_survey_sums_lock();
CREATE TRIGGER survey_segment_answer_insert_delete AFTER INSERT OR DELETE ON survey_answers
  FOR EACH ROW EXECUTE FUNCTION accord_survey_segment_answer();
CREATE TRIGGER survey_segment_answer_update AFTER UPDATE OF {ANSWER_SUMMED}, {SEGMENT_COLUMNS} ON survey_answers
  FOR EACH ROW WHEN ({answer_changed} OR {segment_changed}) EXECUTE FUNCTION accord_survey_segment_answer();
CREATE TRIGGER survey_segment_rating_insert_delete AFTER INSERT OR DELETE ON survey_ratings
  FOR EACH ROW EXECUTE FUNCTION accord_survey_segment_rating();
CREATE TRIGGER survey_segment_rating_update AFTER UPDATE OF {RATING_SUMMED}, {SEGMENT_COLUMNS} ON survey_ratings
  FOR EACH ROW WHEN ({rating_changed} OR {segment_changed}) EXECUTE FUNCTION accord_survey_segment_rating();
"#,
        take_answer = d.take_answer(),
        add_answer = d.add_answer(),
        take_rating = d.take_rating(),
        add_rating = d.add_rating(),
        answer_changed = distinct(ANSWER_CHANGED),
        rating_changed = distinct(RATING_CHANGED),
        segment_changed = distinct(SEGMENT_CHANGED),
    )
}

/// The first key of the agency's advisory lock (the second is a hash of the agency's id).
const LOCK_CLASS: i32 = 24;

const POSTGRES_DOWN: &str = "DROP TRIGGER IF EXISTS survey_sums_lock ON survey_answers; \
     DROP TRIGGER IF EXISTS survey_sums_lock ON survey_ratings; \
     DROP FUNCTION IF EXISTS accord_survey_sums_lock(); \
     DROP TRIGGER IF EXISTS survey_segment_answer_insert_delete ON survey_answers; \
     DROP TRIGGER IF EXISTS survey_segment_answer_update ON survey_answers; \
     DROP TRIGGER IF EXISTS survey_segment_rating_insert_delete ON survey_ratings; \
     DROP TRIGGER IF EXISTS survey_segment_rating_update ON survey_ratings; \
     DROP FUNCTION IF EXISTS accord_survey_segment_answer(); \
     DROP FUNCTION IF EXISTS accord_survey_segment_rating()";

const SQLITE_DOWN: [&str; 6] = [
    "DROP TRIGGER IF EXISTS survey_segment_answer_insert",
    "DROP TRIGGER IF EXISTS survey_segment_answer_delete",
    "DROP TRIGGER IF EXISTS survey_segment_answer_update",
    "DROP TRIGGER IF EXISTS survey_segment_rating_insert",
    "DROP TRIGGER IF EXISTS survey_segment_rating_delete",
    "DROP TRIGGER IF EXISTS survey_segment_rating_update",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let postgres = rls::is_postgres(manager);
        manager.create_table(create_tallies()).await?;
        manager.create_table(create_ratings()).await?;
        manager.create_table(create_clients()).await?;
        // Summed before the triggers exist, in the migration's transaction with the answers and
        // ratings locked against writes until it commits (PostgreSQL: another instance still
        // running the old code waits instead of writing an answer between the sum and the
        // triggers), or with the migrator alone on the file (SQLite): nothing is counted twice
        // or left out.
        if postgres {
            rls::exec(manager, "LOCK TABLE survey_answers, survey_ratings IN SHARE ROW EXCLUSIVE MODE").await?;
        }
        for sql in (Dialect { postgres }).fill() {
            rls::exec(manager, &sql).await?;
        }
        if postgres {
            rls::exec(manager, &postgres_triggers()).await?;
            rls::protect_table(manager, TALLIES, "agency_id", None).await?;
            rls::protect_table(manager, RATINGS, "agency_id", None).await?;
            rls::protect_table(manager, CLIENTS, "agency_id", Some("client_id")).await?;
        } else {
            for sql in sqlite_triggers() {
                rls::exec(manager, &sql).await?;
            }
        }
        Ok(())
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        if rls::is_postgres(manager) {
            rls::exec(manager, POSTGRES_DOWN).await?;
        } else {
            for sql in SQLITE_DOWN {
                rls::exec(manager, sql).await?;
            }
        }
        manager.drop_table(Table::drop().table(Alias::new(CLIENTS)).to_owned()).await?;
        manager.drop_table(Table::drop().table(Alias::new(RATINGS)).to_owned()).await?;
        manager.drop_table(Table::drop().table(Alias::new(TALLIES)).to_owned()).await
    }
}
