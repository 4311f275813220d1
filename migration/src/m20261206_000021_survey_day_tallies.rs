//! Each agency's survey answers summed per day (`survey_day_tallies`: NPS classes and answers
//! with a CSI) and its ratings summed per day and criterion (`survey_day_ratings`), kept by the
//! database itself: triggers on `survey_answers` and `survey_ratings` add a row's figures on
//! insert, take them away on delete and move them on a change of what is summed, whoever
//! writes (a contact's answer, an answer taken by phone, a CSV import, the seeders, a cascade,
//! another instance). The agency-wide analytics read the period's totals, months and quarters
//! from these few rows (one a day) instead of grouping every answer and rating of the period
//! again on each view: the largest agency has 155,000 answers and 233,000 ratings over two
//! years at full size. Existing rows are summed once here.
//!
//! On PostgreSQL the tables have row-level security like every agency table; the triggers run
//! as the caller, inside the caller's scope. Answers written at once to one agency's same day
//! wait for each other on that day's row until commit (answers arrive one by one; an import
//! writes its rows in day order, so two imports take the rows in the same order).

use crate::rls;
use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

const TALLIES: &str = "survey_day_tallies";
const RATINGS: &str = "survey_day_ratings";

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
        .col(date(a("answered_on")))
        .col(integer(a("promoters")))
        .col(integer(a("passives")))
        .col(integer(a("detractors")))
        .col(integer(a("csi_n")))
        .primary_key(Index::create().col(a("agency_id")).col(a("answered_on")))
        .foreign_key(&mut agency_fk(TALLIES))
        .to_owned()
}

fn create_ratings() -> TableCreateStatement {
    let a = Alias::new;
    Table::create()
        .table(a(RATINGS))
        .col(uuid(a("agency_id")))
        .col(date(a("answered_on")))
        .col(string(a("criterion_key")))
        .col(big_integer(a("importance")))
        .col(big_integer(a("satisfaction")))
        .col(integer(a("n")))
        .primary_key(Index::create().col(a("agency_id")).col(a("answered_on")).col(a("criterion_key")))
        .foreign_key(&mut agency_fk(RATINGS))
        .to_owned()
}

const FILL: [&str; 2] = [
    "INSERT INTO survey_day_tallies (agency_id, answered_on, promoters, passives, detractors, csi_n) \
     SELECT agency_id, answered_on, \
       COUNT(CASE WHEN nps_class = 'promoter' THEN 1 END), COUNT(CASE WHEN nps_class = 'passive' THEN 1 END), \
       COUNT(CASE WHEN nps_class = 'detractor' THEN 1 END), COUNT(csi) \
     FROM survey_answers GROUP BY agency_id, answered_on",
    "INSERT INTO survey_day_ratings (agency_id, answered_on, criterion_key, importance, satisfaction, n) \
     SELECT agency_id, answered_on, criterion_key, SUM(importance), SUM(satisfaction), COUNT(*) \
     FROM survey_ratings GROUP BY agency_id, answered_on, criterion_key",
];

/// One answer's figures, from the trigger's `NEW` or `OLD` row (`r`).
fn answer_figures(r: &str) -> String {
    format!(
        "CASE WHEN {r}.nps_class = 'promoter' THEN 1 ELSE 0 END, CASE WHEN {r}.nps_class = 'passive' THEN 1 ELSE 0 END, \
         CASE WHEN {r}.nps_class = 'detractor' THEN 1 ELSE 0 END, CASE WHEN {r}.csi IS NULL THEN 0 ELSE 1 END"
    )
}

/// Adds the `NEW` answer to its day (`t`: how the conflicting row is named in the update).
fn add_answer(t: &str) -> String {
    format!(
        "INSERT INTO survey_day_tallies (agency_id, answered_on, promoters, passives, detractors, csi_n) \
         VALUES (NEW.agency_id, NEW.answered_on, {}) \
         ON CONFLICT (agency_id, answered_on) DO UPDATE SET promoters = {t}promoters + excluded.promoters, \
         passives = {t}passives + excluded.passives, detractors = {t}detractors + excluded.detractors, \
         csi_n = {t}csi_n + excluded.csi_n;",
        answer_figures("NEW")
    )
}

/// Takes the `OLD` answer away from its day.
fn take_answer() -> String {
    "UPDATE survey_day_tallies SET \
       promoters = promoters - CASE WHEN OLD.nps_class = 'promoter' THEN 1 ELSE 0 END, \
       passives = passives - CASE WHEN OLD.nps_class = 'passive' THEN 1 ELSE 0 END, \
       detractors = detractors - CASE WHEN OLD.nps_class = 'detractor' THEN 1 ELSE 0 END, \
       csi_n = csi_n - CASE WHEN OLD.csi IS NULL THEN 0 ELSE 1 END \
     WHERE agency_id = OLD.agency_id AND answered_on = OLD.answered_on;"
        .to_string()
}

fn add_rating(t: &str) -> String {
    format!(
        "INSERT INTO survey_day_ratings (agency_id, answered_on, criterion_key, importance, satisfaction, n) \
         VALUES (NEW.agency_id, NEW.answered_on, NEW.criterion_key, NEW.importance, NEW.satisfaction, 1) \
         ON CONFLICT (agency_id, answered_on, criterion_key) DO UPDATE SET \
         importance = {t}importance + excluded.importance, satisfaction = {t}satisfaction + excluded.satisfaction, \
         n = {t}n + 1;"
    )
}

fn take_rating() -> String {
    "UPDATE survey_day_ratings SET importance = importance - OLD.importance, \
       satisfaction = satisfaction - OLD.satisfaction, n = n - 1 \
     WHERE agency_id = OLD.agency_id AND answered_on = OLD.answered_on AND criterion_key = OLD.criterion_key;"
        .to_string()
}

const ANSWER_SUMMED: &str = "nps_class, csi, answered_on, agency_id";
const ANSWER_CHANGED: &str = "OLD.nps_class IS NOT NEW.nps_class OR OLD.csi IS NOT NEW.csi \
     OR OLD.answered_on IS NOT NEW.answered_on OR OLD.agency_id IS NOT NEW.agency_id";
const RATING_SUMMED: &str = "importance, satisfaction, criterion_key, answered_on, agency_id";
const RATING_CHANGED: &str = "OLD.importance IS NOT NEW.importance OR OLD.satisfaction IS NOT NEW.satisfaction \
     OR OLD.criterion_key IS NOT NEW.criterion_key OR OLD.answered_on IS NOT NEW.answered_on \
     OR OLD.agency_id IS NOT NEW.agency_id";

fn sqlite_triggers() -> Vec<String> {
    vec![
        format!("CREATE TRIGGER survey_day_answer_insert AFTER INSERT ON survey_answers BEGIN {} END", add_answer("")),
        format!("CREATE TRIGGER survey_day_answer_delete AFTER DELETE ON survey_answers BEGIN {} END", take_answer()),
        format!(
            "CREATE TRIGGER survey_day_answer_update AFTER UPDATE OF {ANSWER_SUMMED} ON survey_answers \
             WHEN {ANSWER_CHANGED} BEGIN {} {} END",
            take_answer(),
            add_answer("")
        ),
        format!("CREATE TRIGGER survey_day_rating_insert AFTER INSERT ON survey_ratings BEGIN {} END", add_rating("")),
        format!("CREATE TRIGGER survey_day_rating_delete AFTER DELETE ON survey_ratings BEGIN {} END", take_rating()),
        format!(
            "CREATE TRIGGER survey_day_rating_update AFTER UPDATE OF {RATING_SUMMED} ON survey_ratings \
             WHEN {RATING_CHANGED} BEGIN {} {} END",
            take_rating(),
            add_rating("")
        ),
    ]
}

fn postgres_triggers() -> String {
    let distinct = |s: &str| s.replace("IS NOT", "IS DISTINCT FROM");
    format!(
        r#"
CREATE OR REPLACE FUNCTION accord_survey_day_answer() RETURNS trigger
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
CREATE OR REPLACE FUNCTION accord_survey_day_rating() RETURNS trigger
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
CREATE TRIGGER survey_day_answer_insert_delete AFTER INSERT OR DELETE ON survey_answers
  FOR EACH ROW EXECUTE FUNCTION accord_survey_day_answer();
CREATE TRIGGER survey_day_answer_update AFTER UPDATE OF {ANSWER_SUMMED} ON survey_answers
  FOR EACH ROW WHEN ({answer_changed}) EXECUTE FUNCTION accord_survey_day_answer();
CREATE TRIGGER survey_day_rating_insert_delete AFTER INSERT OR DELETE ON survey_ratings
  FOR EACH ROW EXECUTE FUNCTION accord_survey_day_rating();
CREATE TRIGGER survey_day_rating_update AFTER UPDATE OF {RATING_SUMMED} ON survey_ratings
  FOR EACH ROW WHEN ({rating_changed}) EXECUTE FUNCTION accord_survey_day_rating();
"#,
        take_answer = take_answer(),
        add_answer = add_answer("survey_day_tallies."),
        take_rating = take_rating(),
        add_rating = add_rating("survey_day_ratings."),
        answer_changed = distinct(ANSWER_CHANGED),
        rating_changed = distinct(RATING_CHANGED),
    )
}

const POSTGRES_DOWN: &str = "DROP TRIGGER IF EXISTS survey_day_answer_insert_delete ON survey_answers; \
     DROP TRIGGER IF EXISTS survey_day_answer_update ON survey_answers; \
     DROP TRIGGER IF EXISTS survey_day_rating_insert_delete ON survey_ratings; \
     DROP TRIGGER IF EXISTS survey_day_rating_update ON survey_ratings; \
     DROP FUNCTION IF EXISTS accord_survey_day_answer(); \
     DROP FUNCTION IF EXISTS accord_survey_day_rating()";

const SQLITE_DOWN: [&str; 6] = [
    "DROP TRIGGER IF EXISTS survey_day_answer_insert",
    "DROP TRIGGER IF EXISTS survey_day_answer_delete",
    "DROP TRIGGER IF EXISTS survey_day_answer_update",
    "DROP TRIGGER IF EXISTS survey_day_rating_insert",
    "DROP TRIGGER IF EXISTS survey_day_rating_delete",
    "DROP TRIGGER IF EXISTS survey_day_rating_update",
];

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager.create_table(create_tallies()).await?;
        manager.create_table(create_ratings()).await?;
        // Summed before the triggers exist and in the migration's transaction (PostgreSQL) or
        // with the migrator alone on the file (SQLite): nothing is counted twice.
        for sql in FILL {
            rls::exec(manager, sql).await?;
        }
        if rls::is_postgres(manager) {
            rls::exec(manager, &postgres_triggers()).await?;
            rls::protect_table(manager, TALLIES, "agency_id", None).await?;
            rls::protect_table(manager, RATINGS, "agency_id", None).await?;
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
        manager.drop_table(Table::drop().table(Alias::new(RATINGS)).to_owned()).await?;
        manager.drop_table(Table::drop().table(Alias::new(TALLIES)).to_owned()).await
    }
}
