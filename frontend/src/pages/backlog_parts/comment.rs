//! One comment on a backlog item.

use super::{side_label, Reader};
use crate::i18n::{format_date_time, use_i18n};
use crate::session::{use_session, SessionState};
use accord_api::backlog::CommentView;
use accord_api::Side;
use leptos::prelude::*;

/// `li.comment` (`.from-agency` / `.from-client`, `.internal`, `data-side`): who wrote it and
/// for which side, when, and what. A client sees their own comments as "you" (matched by user
/// id) and the initial of each author; staff see which comments stay internal.
#[component]
pub fn CommentItem(comment: CommentView, reader: Reader) -> impl IntoView {
    let i18n = use_i18n();
    let CommentView { author_id, author, side, internal, body, created_at, .. } = comment;
    let mine = reader == Reader::Client
        && side == Side::Client
        && use_session()
            .state
            .with_untracked(|state| matches!(state, SessionState::SignedIn(me) if me.user_id == author_id));
    let side_text = move || {
        let t = i18n.t();
        match (reader, side) {
            (Reader::Staff, side) => side_label(t, side),
            (Reader::Client, Side::Agency) => t.backlog().client_side_agency,
            (Reader::Client, Side::Client) if mine => t.backlog().client_side_you,
            (Reader::Client, Side::Client) => t.backlog().client_side_team,
        }
    };
    let avatar = (reader == Reader::Client).then(|| {
        let initial = crate::i18n::initial(&author).unwrap_or_default();
        view! { <span class="avatar comment-avatar" aria-hidden="true">{initial}</span> }
    });
    view! {
        <li class="comment" class:internal=internal class:from-agency=side == Side::Agency
            class:from-client=side == Side::Client data-side=side.as_str()>
            <div class="comment-head">
                {avatar}
                <span class="comment-author">{author}</span>
                <span class=format!("side-tag side-{}", side.as_str())>{side_text}</span>
                {internal.then(|| view! {
                    <span class="badge badge-grey internal-badge" title=move || i18n.t().backlog().internal_hint>
                        {move || i18n.t().backlog().internal_badge}
                    </span>
                })}
                <span class="comment-date muted">{move || format_date_time(i18n.locale(), &created_at)}</span>
            </div>
            <p class="comment-body">{body}</p>
        </li>
    }
}
