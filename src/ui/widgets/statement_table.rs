//! One component renders every statement: a captioned table whose figures are buttons.
//! Clicking, tapping or keyboard-focusing a figure selects it (the view shows its source).
//! The label column stays in view when the table scrolls sideways on a phone.

use leptos::prelude::*;
use crate::ui::i18n::{p, t};

use crate::export::statement_sheet;
use crate::format::{self, MoneyUnit, Negatives};
use crate::ui::download::CsvButton;
use crate::model::statements::{RowKind, Table};
use crate::ui::widgets::inspector::focus_selects;

/// The table; `on_select` receives the id of the figure chosen, `selected` marks it.
#[component]
pub fn StatementTable(
    table: Table,
    unit: MoneyUnit,
    negatives: Negatives,
    /// The sentence under the title: units, sign convention, sources.
    note: String,
    selected: Signal<Option<String>>,
    on_select: Callback<String>,
) -> impl IntoView {
    let head = table.columns.iter().map(|c| view! { <th scope="col" class="num">{p(c)}</th> }).collect_view();
    let file = format!("iij-{}.csv", table.key);
    let copy = table.clone();
    let sheet = Callback::new(move |()| statement_sheet(&copy, unit, negatives, crate::ui::i18n::lang()));
    let body = table
        .rows
        .into_iter()
        .map(|row| {
            let class = match row.kind {
                RowKind::Heading => "row-heading",
                RowKind::Item => "row-item",
                RowKind::Subtotal => "row-subtotal",
                RowKind::Total => "row-total",
                RowKind::Memo => "row-memo",
            };
            let cells = row
                .cells
                .into_iter()
                .map(|cell| match cell {
                    None => view! { <td class="num empty"></td> }.into_any(),
                    Some(c) => {
                        let (text, approx) = format::cell(&c, unit, negatives);
                        let id = c.id.clone();
                        let id_focus = c.id.clone();
                        let id_mark = c.id.clone();
                        let title = approx.then(|| t("Printed more coarsely than this unit: open the figure for its precision"));
                        view! {
                            <td class="num">
                                <button
                                    type="button"
                                    class="fig"
                                    class:approx=approx
                                    class:selected=move || selected.get().as_deref() == Some(id_mark.as_str())
                                    data-fig=c.id.clone()
                                    title=title
                                    on:click=move |_| on_select.run(id.clone())
                                    on:focus=move |_| if focus_selects() { on_select.run(id_focus.clone()) }
                                >
                                    {text}
                                    {approx.then_some("*")}
                                </button>
                            </td>
                        }
                        .into_any()
                    }
                })
                .collect_view();
            view! {
                <tr class=class>
                    <th scope="row" class=format!("label depth-{}", row.depth)>{t(row.label)}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="statement-block">
        <div class="table-tools"><CsvButton file=file sheet=sheet /></div>
        <div class="table-scroll statement">
            <table class="data-table sticky-first" data-testid=format!("table-{}", table.key)>
                <caption>
                    <span class="caption-title">{t(table.title)}</span>
                    <span class="caption-note">{note}</span>
                </caption>
                <thead><tr><th scope="col">{t("Line item")}</th>{head}</tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
        </div>
    }
}
