//! `#risk-matrix`: the 5 × 5 probability × impact grid of the open risks. Each
//! `button.risk-cell[data-p][data-i][data-count]` is coloured by its exposure
//! (`.exposure-low` … `.exposure-critical`) and shows how many open risks sit there; choosing a
//! cell with risks narrows the register to them (`cell`), choosing it again shows all.

use crate::i18n::{fill, use_i18n};
use crate::pages::portal::risks::Level;
use leptos::prelude::*;

/// The count of open risks at probability `p` and impact `i` (both 1–5) in the server's
/// `matrix[p − 1][i − 1]`; 0 where the matrix is short.
pub fn count_at(matrix: &[Vec<u32>], p: u8, i: u8) -> u32 {
    let (Some(row), Some(col)) = (usize::from(p).checked_sub(1), usize::from(i).checked_sub(1)) else {
        return 0;
    };
    matrix.get(row).and_then(|r| r.get(col)).copied().unwrap_or(0)
}

#[component]
pub fn RiskMatrix(matrix: Vec<Vec<u32>>, cell: RwSignal<Option<(u8, u8)>>) -> impl IntoView {
    let i18n = use_i18n();
    let mut cells = Vec::with_capacity(36);
    for p in (1..=5u8).rev() {
        cells.push(view! { <span class="matrix-axis matrix-axis-y">{p}</span> }.into_any());
        for i in 1..=5u8 {
            let count = count_at(&matrix, p, i);
            let exposure = p * i;
            let level = Level::of(exposure);
            let title = move || {
                let t = i18n.t();
                format!(
                    "{} — {}: {}",
                    fill(t.risks().cell_title, &[&p, &i, &exposure]),
                    level.label(t),
                    t.risks().open_risks.count(count.into())
                )
            };
            let pick = move |_| {
                if count > 0 {
                    cell.update(|c| *c = if *c == Some((p, i)) { None } else { Some((p, i)) });
                }
            };
            cells.push(
                view! {
                    <button type="button" class=format!("risk-cell exposure-{}", level.key())
                        class:empty=count == 0 class:selected=move || cell.get() == Some((p, i))
                        data-p=p data-i=i data-count=count title=title aria-label=title
                        aria-pressed=move || (cell.get() == Some((p, i))).to_string()
                        disabled=count == 0 on:click=pick>
                        {(count > 0).then_some(count)}
                    </button>
                }
                .into_any(),
            );
        }
    }
    cells.push(view! { <span class="matrix-corner"></span> }.into_any());
    for i in 1..=5u8 {
        cells.push(view! { <span class="matrix-axis matrix-axis-x">{i}</span> }.into_any());
    }
    view! {
        <div class="risk-matrix" id="risk-matrix">
            <span class="matrix-label-y">{move || i18n.t().risks().probability} " ↑"</span>
            <div class="matrix-grid">{cells}</div>
            <span class="matrix-label-x">{move || i18n.t().risks().impact} " →"</span>
        </div>
        <ul class="matrix-legend">
            {[Level::Low, Level::Medium, Level::High, Level::Critical].into_iter().map(|level| view! {
                <li><span class=format!("legend-swatch exposure-{}", level.key()) aria-hidden="true"></span>
                    {move || level.label(i18n.t())}</li>
            }).collect_view()}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::count_at;

    #[test]
    fn counts_are_read_by_probability_then_impact() {
        let mut matrix = vec![vec![0u32; 5]; 5];
        matrix[3][1] = 2; // probability 4, impact 2
        matrix[0][4] = 1; // probability 1, impact 5
        assert_eq!(count_at(&matrix, 4, 2), 2);
        assert_eq!(count_at(&matrix, 2, 4), 0);
        assert_eq!(count_at(&matrix, 1, 5), 1);
        assert_eq!(count_at(&matrix, 0, 1), 0, "out of range");
        assert_eq!(count_at(&[], 3, 3), 0, "an empty matrix");
    }
}
