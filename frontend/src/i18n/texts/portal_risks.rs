//! Risks and incidents in the portal (`/portal/risks`), the portal nav's link to it (its own
//! small catalogue: the nav is in the entry bundle), and the words both sides use for a risk's
//! category and status and for an incident's steps and damage.

use accord_api::risks::{IncidentStep, RiskCategory, RiskStatus};

texts! {
    /// The portal nav's link (the entry bundle carries only this).
    pub struct PortalRisksNav {
        nav: "Риски и инциденты", "Risks and incidents";
    }
}

texts! {
    /// A risk's category and status, an incident's steps and the four axes of its damage.
    pub struct RiskWords {
        category_requirements_change: "Изменение требований", "Requirements change";
        category_team_change: "Смена команды", "Team change";
        category_client_unavailable: "Клиент недоступен", "Client unavailable";
        category_technical: "Техника", "Technical";
        category_budget: "Бюджет", "Budget";
        category_market: "Рынок", "Market";
        category_other: "Другое", "Other";
        status_open: "Открыт", "Open";
        status_mitigated: "Снижен", "Mitigated";
        status_occurred: "Случился", "Occurred";
        status_closed: "Закрыт", "Closed";
        step_recorded: "Записан", "Recorded";
        step_notify: "Признать ошибку и сообщить клиенту", "Admit it and tell the client";
        step_assess: "Оценить ущерб", "Assess the damage";
        step_plan: "Предложить план исправления", "Propose a fix plan";
        step_fix: "Исправить", "Carry out the fix";
        step_prevent: "Предотвратить повторение", "Prevent it happening again";
        step_of: "Шаг {0} из 5", "Step {0} of 5";
        damage_timeline: "Сроки", "Timeline";
        damage_quality: "Качество", "Quality";
        damage_result: "Результат", "Result";
        damage_reputation: "Репутация", "Reputation";
        level_low: "Низкий", "Low";
        level_medium: "Средний", "Medium";
        level_high: "Высокий", "High";
        level_critical: "Критический", "Critical";
    }
}

texts! {
    /// `/portal/risks`.
    pub struct PortalRisks {
        title: "Риски и инциденты", "Risks and incidents";
        intro:
            "Что может помешать вашим проектам и как агентство это предупреждает, а если агентство ошиблось — что оно делает, чтобы исправить.",
            "What could get in the way of your projects and how the agency guards against it; and when the agency made a mistake, how it puts it right.";
        incidents_title: "Инциденты", "Incidents";
        incidents_count: ["{0} инцидент", "{0} инцидента", "{0} инцидентов"], ["{0} incident", "{0} incidents"];
        no_incidents: "Инцидентов нет", "No incidents";
        no_incidents_hint:
            "Если агентство допустит ошибку, оно сообщит о ней здесь и расскажет, как её исправляет.",
            "If the agency makes a mistake, it tells you here and explains how it puts it right.";
        risks_title: "Риски", "Risks";
        risks_count: ["{0} риск", "{0} риска", "{0} рисков"], ["{0} risk", "{0} risks"];
        no_risks: "Агентство не отмечало рисков для вас", "The agency has not shared any risks with you";
        no_risks_hint:
            "Здесь появятся риски, о которых агентство хочет вас предупредить, и что оно делает, чтобы их снизить.",
            "Risks the agency wants you to know about appear here, with what it does to reduce them.";
        told_at: "Агентство сообщило {0}", "The agency told you on {0}";
        what_we_told: "Что сообщило агентство", "What the agency told you";
        damage: "Оценка ущерба", "The damage";
        plan: "План исправления", "The fix plan";
        plan_proposed: "Предложен {0}", "Proposed on {0}";
        acknowledge: "Подтвердить план", "Acknowledge the plan";
        acknowledge_confirm:
            "Подтвердить, что вы ознакомились с планом исправления? Агентство увидит, кто и когда его подтвердил.",
            "Acknowledge that you have read the fix plan? The agency sees who acknowledged it and when.";
        acknowledge_button: "Подтвердить", "Acknowledge";
        acknowledged: "План подтверждён: {0}, {1}", "Plan acknowledged by {0} on {1}";
        acknowledged_now: "Спасибо, план подтверждён.", "Thank you, the plan is acknowledged.";
        awaits_approver:
            "План ждёт подтверждения от контакта с правом согласования.",
            "The plan awaits acknowledgement by a contact who approves.";
        fixed: "Исправлено {0}", "Fixed on {0}";
        all_steps_done: "Все шаги пройдены", "All steps done";
        prevention: "Чтобы это не повторилось", "So it does not happen again";
        probability: "Вероятность", "Probability";
        impact: "Влияние", "Impact";
        out_of_five: "{0} из 5", "{0} of 5";
        level: "Уровень: {0}", "Level: {0}";
        mitigation: "Как агентство снижает риск", "How the agency reduces it";
        due: "Срок: {0}", "Due {0}";
    }
}

impl super::Texts {
    pub fn risk_category(&self, category: RiskCategory) -> &'static str {
        let w = self.risk_words();
        match category {
            RiskCategory::RequirementsChange => w.category_requirements_change,
            RiskCategory::TeamChange => w.category_team_change,
            RiskCategory::ClientUnavailable => w.category_client_unavailable,
            RiskCategory::Technical => w.category_technical,
            RiskCategory::Budget => w.category_budget,
            RiskCategory::Market => w.category_market,
            RiskCategory::Other => w.category_other,
        }
    }

    pub fn risk_status(&self, status: RiskStatus) -> &'static str {
        let w = self.risk_words();
        match status {
            RiskStatus::Open => w.status_open,
            RiskStatus::Mitigated => w.status_mitigated,
            RiskStatus::Occurred => w.status_occurred,
            RiskStatus::Closed => w.status_closed,
        }
    }

    /// What step `n` (1–5) of an incident is; 0 is "recorded".
    pub fn incident_step(&self, step: IncidentStep) -> &'static str {
        let w = self.risk_words();
        match step {
            IncidentStep::Detected => w.step_recorded,
            IncidentStep::Notified => w.step_notify,
            IncidentStep::Assessed => w.step_assess,
            IncidentStep::Planned => w.step_plan,
            IncidentStep::Fixed => w.step_fix,
            IncidentStep::Prevented => w.step_prevent,
        }
    }
}
