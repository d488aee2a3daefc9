import { date, words } from './format';
import { html, type SafeHtml } from './html';

/** GOV.UK Design System pieces the pages share. */
export function summaryRow(key: string, value: string | SafeHtml) {
  return html`<div class="govuk-summary-list__row">
    <dt class="govuk-summary-list__key">${key}</dt>
    <dd class="govuk-summary-list__value">${value}</dd>
  </div>`;
}

/** A GOV.UK table: headings, rows of cells (numbers right-aligned when `numeric` says so). */
export function table(options: {
  id: string;
  caption: string;
  head: readonly string[];
  rows: readonly (readonly (string | SafeHtml)[])[];
  numeric?: readonly number[];
}): SafeHtml {
  const numeric = new Set(options.numeric ?? []);
  const align = (index: number, kind: 'header' | 'cell') =>
    numeric.has(index) ? ` govuk-table__${kind}--numeric` : '';
  return html`<div class="app-table-scroll"><table class="govuk-table" id="${options.id}">
    <caption class="govuk-table__caption govuk-table__caption--s">${options.caption}</caption>
    <thead class="govuk-table__head"><tr class="govuk-table__row">
      ${options.head.map(
        (heading, i) => html`<th scope="col" class="govuk-table__header${align(i, 'header')}">${heading}</th>`,
      )}
    </tr></thead>
    <tbody class="govuk-table__body">
      ${options.rows.map(
        (row) => html`<tr class="govuk-table__row">
        ${row.map((cell, i) => html`<td class="govuk-table__cell${align(i, 'cell')}">${cell}</td>`)}
      </tr>`,
      )}
    </tbody>
  </table></div>`;
}

const TAG_COLOURS: Record<string, string> = {
  DESIGNATED: 'govuk-tag--green',
  UNDER_REVIEW: 'govuk-tag--yellow',
  DE_DESIGNATED: 'govuk-tag--grey',
  OPEN: 'govuk-tag--yellow',
  CONCLUDED: 'govuk-tag--grey',
  NO_TEACHING_SCHOOL_NO_OUTSTANDING: 'govuk-tag--red',
  NO_TEACHING_SCHOOL: 'govuk-tag--orange',
  PHASE_GAP: 'govuk-tag--blue',
  LOW_DENSITY: 'govuk-tag--purple',
  REMOTE: 'govuk-tag--turquoise',
};

/** A GOV.UK tag for a status or gap code, in its colour; the code as words unless `text` says otherwise. */
export function tag(code: string, text = words(code)): SafeHtml {
  return html`<strong class="govuk-tag ${TAG_COLOURS[code] ?? ''}">${text}</strong>`;
}

/** The options of a select, each [value, label], the one whose value is `selected` chosen. */
export function selectOptions(entries: readonly (readonly [string, string])[], selected: string | null | undefined) {
  return entries.map(
    ([value, label]) => html`<option value="${value}" ${value === selected ? html`selected` : ''}>${label}</option>`,
  );
}

export function link(href: string, text: string): SafeHtml {
  return html`<a class="govuk-link" href="${href}">${text}</a>`;
}

export function allianceLink(alliance: { id: string; name: string }): SafeHtml {
  return link(`/alliances/${encodeURIComponent(alliance.id)}`, alliance.name);
}

export function designationText(
  designation: { status: string; cohort?: number | null; designatedOn?: string | null } | null | undefined,
): SafeHtml {
  if (!designation) return html`Not a teaching school`;
  const cohort = designation.cohort ? `, cohort ${designation.cohort}` : '';
  const since = designation.designatedOn ? `, designated ${date(designation.designatedOn)}` : '';
  return html`${tag(designation.status)} ${cohort}${since}`;
}

/** The error summary at the top of a form, each message linking to the field it is about. */
export function errorSummary(errors: readonly { field: string; message: string }[]): SafeHtml {
  if (errors.length === 0) return html``;
  return html`<div class="govuk-error-summary" data-module="govuk-error-summary">
    <div role="alert">
      <h2 class="govuk-error-summary__title">There is a problem</h2>
      <div class="govuk-error-summary__body">
        <ul class="govuk-list govuk-error-summary__list">
          ${errors.map((error) => html`<li><a href="#${error.field}">${error.message}</a></li>`)}
        </ul>
      </div>
    </div>
  </div>`;
}
