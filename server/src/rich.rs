//! Rich text: Markdown rendered to HTML on the server and sanitized by ammonia, so what reaches
//! a browser never carries scripts, event handlers, `javascript:` links or foreign styles.

use crate::domain::Field;
use crate::error::ApiResult;
use accord_api::input;
use accord_api::roadmap::RichText;
use pulldown_cmark::{html, Options, Parser};
use std::collections::HashSet;

/// Markdown → sanitized HTML. Links get `rel="noopener noreferrer nofollow"`; only http(s) and
/// mailto URLs survive; raw HTML in the source is sanitized like everything else.
pub fn render(markdown: &str) -> String {
    let mut opts = Options::empty();
    opts.insert(Options::ENABLE_TABLES);
    opts.insert(Options::ENABLE_STRIKETHROUGH);
    opts.insert(Options::ENABLE_TASKLISTS);
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    html::push_html(&mut unsafe_html, Parser::new_ext(markdown, opts));
    ammonia::Builder::default()
        .url_schemes(HashSet::from(["http", "https", "mailto"]))
        .link_rel(Some("noopener noreferrer nofollow"))
        .rm_tags(["img"])
        .clean(&unsafe_html)
        .to_string()
}

/// The renderer's version. Bump it whenever `render` gives different HTML for the same source
/// (a new sanitizer policy, another Markdown option): rows rendered by an older version are
/// rendered again at startup ([`rerender_outdated`]), and until then on read.
pub const VERSION: i32 = 1;

/// The HTML of `markdown`: the stored copy when this renderer version made it, else a fresh one.
pub fn html_of(markdown: &str, stored_html: &str, stored_version: i32) -> String {
    if stored_version == VERSION {
        stored_html.to_string()
    } else {
        render(markdown)
    }
}

/// Source and HTML for the wire, from a stored pair.
pub fn rich(markdown: &str, stored_html: &str, stored_version: i32) -> RichText {
    RichText { markdown: markdown.to_string(), html: html_of(markdown, stored_html, stored_version) }
}

/// Renders every stored Markdown text whose HTML an older renderer version made (or none did),
/// across all agencies, in batches. Runs once at startup, so it finds them on an index by
/// version (migration 000026): at full scale, reading every backlog item for its version made each
/// start take 21–90 s. Rows a newer renderer made (an instance of a later release beside this
/// one) are left alone.
pub async fn rerender_outdated(db: &crate::db::Db) -> ApiResult<u64> {
    use accord_entity::{backlog_items, roadmaps};
    use sea_orm::sea_query::Expr;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
    const BATCH: u64 = 500;
    let mut done = 0;
    loop {
        let tx = db.unscoped("re-render Markdown made by an older renderer").await?;
        let rows: Vec<(accord_api::BacklogItemId, String)> = backlog_items::Entity::find()
            .select_only()
            .column(backlog_items::Column::Id)
            .column(backlog_items::Column::Description)
            .filter(backlog_items::Column::HtmlVersion.lt(VERSION))
            .order_by_asc(backlog_items::Column::HtmlVersion)
            .order_by_asc(backlog_items::Column::Id)
            .limit(BATCH)
            .into_tuple()
            .all(tx.conn())
            .await?;
        for (id, markdown) in &rows {
            backlog_items::Entity::update_many()
                .col_expr(backlog_items::Column::DescriptionHtml, Expr::value(render(markdown)))
                .col_expr(backlog_items::Column::HtmlVersion, Expr::value(VERSION))
                .filter(backlog_items::Column::Id.eq(*id))
                .exec(tx.conn())
                .await?;
        }
        let roadmap_rows = roadmaps::Entity::find()
            .filter(roadmaps::Column::HtmlVersion.lt(VERSION))
            .order_by_asc(roadmaps::Column::HtmlVersion)
            .order_by_asc(roadmaps::Column::ClientId)
            .limit(BATCH)
            .all(tx.conn())
            .await?;
        for r in &roadmap_rows {
            roadmaps::Entity::update_many()
                .col_expr(roadmaps::Column::PointAHtml, Expr::value(render(&r.point_a)))
                .col_expr(roadmaps::Column::PointBHtml, Expr::value(render(&r.point_b)))
                .col_expr(roadmaps::Column::HtmlVersion, Expr::value(VERSION))
                .filter(roadmaps::Column::ClientId.eq(r.client_id))
                .exec(tx.conn())
                .await?;
        }
        tx.commit().await?;
        let n = (rows.len() + roadmap_rows.len()) as u64;
        done += n;
        if n == 0 {
            return Ok(done);
        }
    }
}

/// Trims and bounds a Markdown field (empty is allowed; see [`input::Markdown`]).
pub fn parse(field: &str, raw: &str) -> ApiResult<String> {
    input::Markdown::parse(raw).field(field)
}

#[cfg(test)]
mod tests {
    use super::render;

    /// Classic XSS payloads, in Markdown and raw HTML; none may leave anything executable.
    pub const PAYLOADS: &[&str] = &[
        "<script>alert(1)</script>",
        "<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<svg/onload=alert(1)>",
        "<body onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">x</a>",
        "<a href=\"&#106;avascript:alert(1)\">x</a>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
        "![x](javascript:alert(1))",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p onmouseover=\"alert(1)\">hover</p>",
        "<input autofocus onfocus=alert(1)>",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<form action=\"javascript:alert(1)\"><button>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "```\n</code><script>alert(1)</script>\n```",
        "<<script>alert(1)//<</script>",
        "<a href=\"  javascript:alert(1)\">x</a>",
    ];

    #[test]
    fn markdown_renders() {
        let html = render("# Точка Б\n\n**Рост** заявок на *30%*, [отчёт](https://example.ru/r)");
        assert!(html.contains("<h1>Точка Б</h1>"), "{html}");
        assert!(html.contains("<strong>Рост</strong>"));
        assert!(html.contains("href=\"https://example.ru/r\""));
        assert!(html.contains("rel=\"noopener noreferrer nofollow\""));
    }

    /// Tags, attribute names and URL values of sanitized HTML (ammonia writes `name="value"`).
    fn tags(html: &str) -> Vec<(String, Vec<(String, String)>)> {
        let mut out = Vec::new();
        let mut rest = html;
        while let Some(start) = rest.find('<') {
            rest = &rest[start + 1..];
            let end = rest.find('>').unwrap_or(rest.len());
            let inner = &rest[..end];
            rest = &rest[end..];
            let mut parts = inner.trim_start_matches('/').splitn(2, |c: char| c.is_whitespace());
            let name = parts.next().unwrap_or_default().to_lowercase();
            let mut attrs = Vec::new();
            let mut a = parts.next().unwrap_or_default();
            while let Some(eq) = a.find('=') {
                let key = a[..eq].trim().to_lowercase();
                let after = &a[eq + 1..];
                let (value, tail) = match after.strip_prefix('"') {
                    Some(v) => {
                        let close = v.find('"').unwrap_or(v.len());
                        (&v[..close], &v[(close + 1).min(v.len())..])
                    }
                    None => after.split_at(after.find(char::is_whitespace).unwrap_or(after.len())),
                };
                attrs.push((key, value.replace("&amp;", "&").to_lowercase()));
                a = tail;
            }
            out.push((name, attrs));
        }
        out
    }

    #[test]
    fn nothing_executable_survives() {
        let allowed_schemes = ["http:", "https:", "mailto:"];
        for payload in PAYLOADS {
            let html = render(payload);
            for (tag, attrs) in tags(&html) {
                assert!(
                    ![
                        "script", "iframe", "object", "embed", "form", "meta", "base", "img", "svg", "math", "style",
                        "input", "link"
                    ]
                    .contains(&tag.as_str()),
                    "{payload:?} left <{tag}>: {html}"
                );
                for (key, value) in attrs {
                    assert!(!key.starts_with("on") && key != "style", "{payload:?} left {key}: {html}");
                    if key == "href" || key == "src" || key == "action" {
                        let v: String = value.chars().filter(|c| !c.is_whitespace()).collect();
                        assert!(
                            !v.contains(':') || allowed_schemes.iter().any(|s| v.starts_with(s)),
                            "{payload:?} left {key}={value}: {html}"
                        );
                    }
                }
            }
        }
    }
}
