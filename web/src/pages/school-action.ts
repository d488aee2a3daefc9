import { request } from '../api';
import { mayChange } from '../auth';
import { errorSummary } from '../components';
import { phaseName, today, words } from '../format';
import { graphql } from '../gql';
import type { OfstedRating, ReviewOutcome, ReviewTrigger } from '../gql/graphql';
import { html, type SafeHtml } from '../html';
import { NotFound, type Page } from '../page';
import { SchoolPage } from '../school-query';

graphql(`
  fragment UserErrorFields on UserError {
    field
    message
    code
  }
`);

const Designate = graphql(`
  mutation Designate($input: DesignateTeachingSchoolInput!) {
    designateTeachingSchool(input: $input) {
      school {
        urn
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const RecordInspection = graphql(`
  mutation RecordInspection($input: RecordOfstedInspectionInput!) {
    recordOfstedInspection(input: $input) {
      review {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const OpenReview = graphql(`
  mutation OpenReview($input: OpenDesignationReviewInput!) {
    openDesignationReview(input: $input) {
      review {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

const ConcludeReview = graphql(`
  mutation ConcludeReview($input: ConcludeDesignationReviewInput!) {
    concludeDesignationReview(input: $input) {
      review {
        id
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

interface UserError {
  field?: readonly string[] | null;
  message: string;
  code: string;
}

interface FieldError {
  field: string;
  message: string;
}

const RATINGS: OfstedRating[] = [
  'OUTSTANDING',
  'GOOD',
  'REQUIRES_IMPROVEMENT',
  'SERIOUS_WEAKNESSES',
  'SPECIAL_MEASURES',
  'INADEQUATE',
];
const TRIGGERS: ReviewTrigger[] = [
  'PERFORMANCE_CONCERN',
  'PEER_REVIEW',
  'SCHEDULED',
  'OFSTED_BELOW_OUTSTANDING',
  'OTHER',
];
const OUTCOMES: ReviewOutcome[] = ['RETAINED', 'DE_DESIGNATED', 'WITHDRAWN'];

/** GOV.UK's error message above a field, or nothing without an error. */
function errorMessage(error: string | undefined): SafeHtml | '' {
  return error
    ? html`<p class="govuk-error-message"><span class="govuk-visually-hidden">Error:</span> ${error}</p>`
    : '';
}

/** GOV.UK's date input: day, month and year, read back as yyyy-mm-dd. */
function dateInput(id: string, label: string, hint: string, value: string, error?: string): SafeHtml {
  const [year, month, day] = value.split('-');
  const part = (name: string, text: string, width: number, current: string | undefined) => html`
    <div class="govuk-date-input__item"><div class="govuk-form-group">
      <label class="govuk-label govuk-date-input__label" for="${id}${name === 'day' ? '' : `-${name}`}">${text}</label>
      <input
        class="govuk-input govuk-date-input__input govuk-input--width-${width}${error ? ' govuk-input--error' : ''}"
        id="${id}${name === 'day' ? '' : `-${name}`}" name="${id}-${name}" type="text" inputmode="numeric"
        value="${current ?? ''}">
    </div></div>`;
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
    <fieldset class="govuk-fieldset" role="group" aria-describedby="${id}-hint">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${label}</legend>
      <div class="govuk-hint" id="${id}-hint">${hint}</div>
      ${errorMessage(error)}
      <div class="govuk-date-input">
        ${part('day', 'Day', 2, day)}${part('month', 'Month', 2, month)}${part('year', 'Year', 4, year)}
      </div>
    </fieldset>
  </div>`;
}

function readDate(form: FormData, id: string): string | null {
  const day = String(form.get(`${id}-day`) ?? '').trim();
  const month = String(form.get(`${id}-month`) ?? '').trim();
  const year = String(form.get(`${id}-year`) ?? '').trim();
  if (!day && !month && !year) return null;
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return 'invalid';
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

function radios(
  name: string,
  legend: string,
  options: readonly string[],
  checked: string | null,
  error?: string,
): SafeHtml {
  return html`<div class="govuk-form-group${error ? ' govuk-form-group--error' : ''}">
    <fieldset class="govuk-fieldset">
      <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">${legend}</legend>
      ${errorMessage(error)}
      <div class="govuk-radios govuk-radios--small" data-module="govuk-radios">
        ${options.map(
          (option, i) => html`<div class="govuk-radios__item">
          <input class="govuk-radios__input" id="${name}${i === 0 ? '' : `-${option}`}" name="${name}" type="radio"
            value="${option}" ${option === checked ? html`checked` : ''}>
          <label class="govuk-label govuk-radios__label" for="${name}${i === 0 ? '' : `-${option}`}">
            ${words(option)}</label>
        </div>`,
        )}
      </div>
    </fieldset>
  </div>`;
}

function textarea(id: string, label: string, value: string): SafeHtml {
  return html`<div class="govuk-form-group">
    <label class="govuk-label govuk-label--s" for="${id}">${label}</label>
    <div class="govuk-hint" id="${id}-hint">Staff only: partners never see notes.</div>
    <textarea class="govuk-textarea" id="${id}" name="${id}" rows="4" aria-describedby="${id}-hint">${value}</textarea>
  </div>`;
}

const CONFLICT_MESSAGE =
  'Someone changed this school since you opened this page. Check its details below, then submit again.';

/** The registry's userErrors as the error summary shows them, each linked to the field it names. */
function fieldErrors(errors: readonly UserError[], fields: readonly string[]): FieldError[] {
  return errors.map((error) => {
    const named = [...(error.field ?? [])].reverse().find((part) => fields.includes(part));
    return {
      field: named ?? fields[0] ?? 'main-content',
      message: error.code === 'CONFLICT' ? CONFLICT_MESSAGE : error.message,
    };
  });
}

interface ActionForm {
  title: string;
  body: (values: FormData | null, errors: FieldError[]) => SafeHtml;
  submit: (values: FormData, version: number) => Promise<FieldError[] | string>;
}

/** Staff actions on a school, each a GOV.UK form page: designate, record an inspection, open or conclude a review. */
const schoolAction: Page = async (context) => {
  const { params, viewer } = context;
  const urn = params.urn ?? '';
  const { school } = await request(SchoolPage, { urn, staff: viewer.role !== 'partner' });
  if (!school) throw new NotFound();
  if (!mayChange(viewer, school.region.code)) {
    context.show(
      'You cannot change this school',
      html`<h1 class="govuk-heading-l">You cannot change this school</h1>
      <p class="govuk-body">${
        viewer.role === 'partner'
          ? 'Partners have read-only access to the registry.'
          : `Your role covers schools in your regions only; ${school.name} is in ${school.region.name}.`
      }</p>
      <p class="govuk-body"><a class="govuk-link" href="/schools/${school.urn}">Back to ${school.name}</a></p>`,
    );
    return;
  }
  const form = actionFor(params, school.name);
  const render = (values: FormData | null, errors: FieldError[], version: number) => {
    context.show(
      `${errors.length ? 'Error: ' : ''}${form.title}`,
      html`
      <a class="govuk-back-link" href="/schools/${school.urn}">Back to ${school.name}</a>
      ${errorSummary(errors)}
      <span class="govuk-caption-l">
        ${school.name}, URN ${school.urn} (${phaseName(school.phase)}, ${school.localAuthority.name})</span>
      <h1 class="govuk-heading-l">${form.title}</h1>
      <form method="post" novalidate id="action-form">
        ${form.body(values, errors)}
        <button class="govuk-button" data-module="govuk-button">${form.title}</button>
      </form>`,
    );
    const element = document.getElementById('action-form') as HTMLFormElement | null;
    element?.addEventListener('submit', (event) => {
      event.preventDefault();
      const data = new FormData(element);
      void form.submit(data, version).then(async (result) => {
        if (typeof result === 'string') {
          context.navigate(`/schools/${school.urn}?done=${encodeURIComponent(result)}`);
          return;
        }
        const conflict = result.some((error) => error.message === CONFLICT_MESSAGE);
        const latest = conflict
          ? ((await request(SchoolPage, { urn, staff: true })).school?.version ?? version)
          : version;
        render(data, result, latest);
        document.querySelector<HTMLElement>('.govuk-error-summary')?.focus();
      });
    });
  };
  render(null, [], school.version);
};

function actionFor(params: Record<string, string>, name: string): ActionForm {
  const urn = params.urn ?? '';
  const errorOf = (errors: FieldError[], field: string) => errors.find((error) => error.field === field)?.message;
  const value = (values: FormData | null, field: string, fallback = '') => String(values?.get(field) ?? fallback);
  const chosen = (values: FormData | null, field: string) => (values ? value(values, field) : null);
  const dateOf = (values: FormData | null, field: string, fallback: string) =>
    values ? (readDate(values, field) ?? '') : fallback;
  const dateField = (
    values: FormData | null,
    errors: FieldError[],
    id: string,
    label: string,
    hint: string,
    fallback = '',
  ) => dateInput(id, label, hint, dateOf(values, id, fallback), errorOf(errors, id));
  const checkDate = (data: FormData, field: string, label: string, required: boolean): FieldError | string | null => {
    const read = readDate(data, field);
    if (read === 'invalid') return { field, message: `${label} must be a real date, like 12 3 2018` };
    if (read === null && required) return { field, message: `Enter ${label.toLowerCase()}` };
    return read;
  };
  if (params.action === 'designate') {
    return {
      title: 'Designate as a teaching school',
      body: (values, errors) => html`
        <div class="govuk-form-group${errorOf(errors, 'cohort') ? ' govuk-form-group--error' : ''}">
          <label class="govuk-label govuk-label--s" for="cohort">Cohort (optional)</label>
          <div class="govuk-hint" id="cohort-hint">The designation round, such as 7.</div>
          ${errorMessage(errorOf(errors, 'cohort'))}
          <input class="govuk-input govuk-input--width-3" id="cohort" name="cohort" inputmode="numeric"
            aria-describedby="cohort-hint" value="${value(values, 'cohort')}">
        </div>
        ${dateField(values, errors, 'designatedOn', 'Designated on', 'For example, 12 3 2018. Today when left blank.')}
        <p class="govuk-body">Only a school rated Outstanding at its latest inspection can be designated.</p>`,
      submit: async (data, version) => {
        const cohortText = String(data.get('cohort') ?? '').trim();
        if (cohortText && !/^\d{1,3}$/.test(cohortText))
          return [{ field: 'cohort', message: 'Cohort must be a whole number, like 7' }];
        const designatedOn = checkDate(data, 'designatedOn', 'The designation date', false);
        if (designatedOn && typeof designatedOn === 'object') return [designatedOn];
        const result = await request(Designate, {
          input: { urn, cohort: cohortText ? Number(cohortText) : null, designatedOn, expectedVersion: version },
        });
        const errors = result.designateTeachingSchool.userErrors;
        return errors.length ? fieldErrors(errors, ['cohort', 'designatedOn']) : `${name} is now a teaching school`;
      },
    };
  }
  if (params.action === 'ofsted-inspection') {
    return {
      title: 'Record an Ofsted inspection',
      body: (values, errors) => html`
        ${radios('rating', 'Overall effectiveness', RATINGS, chosen(values, 'rating'), errorOf(errors, 'rating'))}
        ${dateField(values, errors, 'inspectedOn', 'Inspected on', 'For example, 12 3 2018.', today())}
        <p class="govuk-body">A teaching school rated below Outstanding gets a designation review, opened in the same
        change.</p>`,
      submit: async (data, version) => {
        const rating = data.get('rating');
        const inspectedOn = checkDate(data, 'inspectedOn', 'The inspection date', true);
        const errors: FieldError[] = [];
        if (!rating) errors.push({ field: 'rating', message: 'Choose the overall effectiveness' });
        if (inspectedOn && typeof inspectedOn === 'object') errors.push(inspectedOn);
        if (errors.length || typeof inspectedOn !== 'string') return errors;
        const result = await request(RecordInspection, {
          input: { urn, rating: rating as OfstedRating, inspectedOn, expectedVersion: version },
        });
        const userErrors = result.recordOfstedInspection.userErrors;
        if (userErrors.length) return fieldErrors(userErrors, ['rating', 'inspectedOn']);
        return result.recordOfstedInspection.review
          ? 'Inspection recorded; a designation review is open'
          : 'Inspection recorded';
      },
    };
  }
  if (params.action === 'review') {
    return {
      title: 'Open a designation review',
      body: (values, errors) => html`
        ${radios('trigger', 'What opened the review', TRIGGERS, chosen(values, 'trigger'), errorOf(errors, 'trigger'))}
        ${dateField(values, errors, 'dueBy', 'Decision due by', 'For example, 30 6 2026.')}
        ${textarea('notes', 'Notes (optional)', value(values, 'notes'))}`,
      submit: async (data, version) => {
        const trigger = data.get('trigger');
        const dueBy = checkDate(data, 'dueBy', 'The due date', true);
        const errors: FieldError[] = [];
        if (!trigger) errors.push({ field: 'trigger', message: 'Choose what opened the review' });
        if (dueBy && typeof dueBy === 'object') errors.push(dueBy);
        if (errors.length || typeof dueBy !== 'string') return errors;
        const notes = String(data.get('notes') ?? '').trim() || null;
        const result = await request(OpenReview, {
          input: { urn, trigger: trigger as ReviewTrigger, dueBy, notes, expectedVersion: version },
        });
        const userErrors = result.openDesignationReview.userErrors;
        return userErrors.length ? fieldErrors(userErrors, ['trigger', 'dueBy', 'notes']) : 'Designation review opened';
      },
    };
  }
  if (params.reviewId) {
    const reviewId = params.reviewId;
    return {
      title: 'Conclude the designation review',
      body: (values, errors) => html`
        ${radios('outcome', 'Outcome', OUTCOMES, chosen(values, 'outcome'), errorOf(errors, 'outcome'))}
        ${dateField(values, errors, 'decidedOn', 'Decided on', 'For example, 12 3 2018. Today when left blank.')}
        ${textarea('notes', 'Notes (optional)', value(values, 'notes'))}
        <p class="govuk-body">De-designated or withdrawn ends the designation, and flags the alliance the school
        led.</p>`,
      submit: async (data) => {
        const outcome = data.get('outcome');
        const decidedOn = checkDate(data, 'decidedOn', 'The decision date', false);
        const errors: FieldError[] = [];
        if (!outcome) errors.push({ field: 'outcome', message: 'Choose the outcome' });
        if (decidedOn && typeof decidedOn === 'object') errors.push(decidedOn);
        if (errors.length || (decidedOn !== null && typeof decidedOn !== 'string')) return errors;
        const notes = String(data.get('notes') ?? '').trim() || null;
        const result = await request(ConcludeReview, {
          input: { reviewId, outcome: outcome as ReviewOutcome, decidedOn, notes },
        });
        const userErrors = result.concludeDesignationReview.userErrors;
        return userErrors.length
          ? fieldErrors(userErrors, ['outcome', 'decidedOn', 'notes'])
          : `Review concluded: ${words(String(outcome)).toLowerCase()}`;
      },
    };
  }
  throw new NotFound();
}
export default schoolAction;
