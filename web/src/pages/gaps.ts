import { request } from '../api';
import { link, selectOptions, table, tag } from '../components';
import { csvLink } from '../csv';
import { decimal, gapKindName, number, PHASE_NAMES, percent, phaseName, REGION_NAMES } from '../format';
import { graphql } from '../gql';
import type { GapKind, GorRegion, Phase } from '../gql/graphql';
import { html } from '../html';
import type { Page } from '../page';

const CoverageGaps = graphql(`
  query CoverageGaps($filter: CoverageGapFilter, $after: String) {
    nationalCoverage {
      density
    }
    coverageGaps(filter: $filter, first: 50, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          localAuthority {
            code
            name
            region {
              name
            }
          }
          kinds
          gapPhases
          remoteShare
          coverage {
            schools
            teachingSchools
            outstandingSchools
            untappedOutstanding
            density
          }
        }
      }
    }
  }
`);

const KINDS: GapKind[] = [
  'NO_TEACHING_SCHOOL',
  'NO_TEACHING_SCHOOL_NO_OUTSTANDING',
  'PHASE_GAP',
  'LOW_DENSITY',
  'REMOTE',
];
const KIND_HINTS: Record<GapKind, string> = {
  NO_TEACHING_SCHOOL: 'The local authority has no teaching school.',
  NO_TEACHING_SCHOOL_NO_OUTSTANDING: 'No teaching school and no outstanding school to designate.',
  PHASE_GAP: 'A phase (of those ticked below) with schools but no teaching school.',
  LOW_DENSITY: 'Fewer teaching schools per 100 schools than the threshold below.',
  REMOTE: 'A tenth or more of its schools are 20 km or more from the nearest teaching school.',
};
const DEFAULT_PHASES: Phase[] = ['PRIMARY', 'SECONDARY'];

/** Coverage gaps, worst first, with the kinds, phases and threshold as form controls and their defaults shown. */
const gaps: Page = async ({ query, show }) => {
  const submitted = query.has('shown');
  const kinds = (submitted ? query.getAll('kind') : ['NO_TEACHING_SCHOOL', 'NO_TEACHING_SCHOOL_NO_OUTSTANDING']).filter(
    (kind): kind is GapKind => KINDS.includes(kind as GapKind),
  );
  const phases = (submitted ? query.getAll('phase') : DEFAULT_PHASES).filter(
    (phase): phase is Phase => phase in PHASE_NAMES,
  );
  const region = REGION_NAMES[query.get('region') ?? ''] ? (query.get('region') as GorRegion) : null;
  const minDensityText = query.get('minDensity') ?? '';
  const minDensity = /^\d+(\.\d+)?$/.test(minDensityText) ? Number(minDensityText) : null;
  const after = query.get('after');
  const filter = { kinds: kinds.length ? kinds : null, phases, region, minDensity };
  const { nationalCoverage, coverageGaps } = await request(CoverageGaps, { filter, after });
  const threshold = minDensity ?? nationalCoverage.density;
  const nodes = coverageGaps.edges.map((edge) => edge.node);
  const next = new URLSearchParams(query);
  next.set('after', coverageGaps.pageInfo.endCursor ?? '');
  const first = new URLSearchParams(query);
  first.delete('after');
  const checkbox = (name: string, value: string, label: string, checked: boolean, hint = '') => html`
    <div class="govuk-checkboxes__item">
      <input class="govuk-checkboxes__input" id="${name}-${value}" name="${name}" type="checkbox" value="${value}"
        ${checked ? html`checked` : ''}>
      <label class="govuk-label govuk-checkboxes__label" for="${name}-${value}">${label}</label>
      ${hint ? html`<div class="govuk-hint govuk-checkboxes__hint">${hint}</div>` : ''}
    </div>`;
  const kindBoxes = KINDS.map((kind) =>
    checkbox('kind', kind, gapKindName(kind), kinds.includes(kind), KIND_HINTS[kind]),
  );
  const phaseBoxes = Object.entries(PHASE_NAMES).map(([code, name]) =>
    checkbox('phase', code, name, phases.includes(code as Phase)),
  );
  const shown = after ? '' : coverageGaps.pageInfo.hasNextPage ? `; the first ${nodes.length} are shown` : '';
  const total =
    `${number(coverageGaps.totalCount)} local ` +
    `${coverageGaps.totalCount === 1 ? 'authority has' : 'authorities have'} the gaps asked about${shown}.`;
  show(
    'Coverage gaps',
    html`
    <h1 class="govuk-heading-l">Coverage gaps</h1>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-one-third">
        <form method="get" action="/gaps" id="gap-form">
          <input type="hidden" name="shown" value="1">
          <div class="govuk-form-group"><fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Kinds of gap</legend>
            <div class="govuk-hint">None ticked shows every kind.</div>
            <div class="govuk-checkboxes govuk-checkboxes--small">${kindBoxes}</div>
          </fieldset></div>
          <div class="govuk-form-group"><fieldset class="govuk-fieldset">
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Phases a phase gap looks at</legend>
            <div class="govuk-hint">Primary and secondary unless you choose others.</div>
            <div class="govuk-checkboxes govuk-checkboxes--small">${phaseBoxes}</div>
          </fieldset></div>
          <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="minDensity">
              Low density: fewer teaching schools per 100 schools than</label>
            <div class="govuk-hint" id="minDensity-hint">
              England's density, ${decimal(nationalCoverage.density)}, unless you give another.</div>
            <input class="govuk-input govuk-input--width-5" id="minDensity" name="minDensity" inputmode="decimal"
              aria-describedby="minDensity-hint" value="${minDensity ?? decimal(nationalCoverage.density)}">
          </div>
          <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="region">Region</label>
            <select class="govuk-select" id="region" name="region">
              <option value="">England</option>
              ${selectOptions(Object.entries(REGION_NAMES), region)}
            </select>
          </div>
          <button class="govuk-button" data-module="govuk-button">Show gaps</button>
        </form>
      </div>
      <div class="govuk-grid-column-two-thirds">
        <p class="govuk-body govuk-!-font-weight-bold" id="gap-total">${total}</p>
        <p class="govuk-body-s">Worst first: no teaching school and no outstanding school to designate,
        then lowest density. Low density means below ${decimal(threshold)} teaching schools per 100 schools.</p>
        <div id="gap-download"></div>
        ${table({
          id: 'gaps',
          caption: 'Local authorities with coverage gaps',
          head: ['Local authority', 'Gaps', 'Schools', 'Teaching schools', 'Per 100 schools', 'Untapped outstanding'],
          numeric: [2, 3, 4, 5],
          rows: nodes.map((gap) => [
            html`${link(`/local-authorities/${gap.localAuthority.code}`, gap.localAuthority.name)}<br>
              <span class="govuk-body-s">${gap.localAuthority.region.name}</span>`,
            html`${gap.kinds.map((kind) => html`${tag(kind, gapKindName(kind))} `)}${
              gap.gapPhases.length
                ? html`<br><span class="govuk-body-s">${gap.gapPhases.map(phaseName).join(', ')}</span>`
                : ''
            }${
              gap.kinds.includes('REMOTE')
                ? html`<br><span class="govuk-body-s">${percent(gap.remoteShare)} of schools 20 km or more
                  from a teaching school</span>`
                : ''
            }`,
            number(gap.coverage.schools),
            number(gap.coverage.teachingSchools),
            decimal(gap.coverage.density),
            number(gap.coverage.untappedOutstanding),
          ]),
        })}
        <nav class="govuk-pagination govuk-pagination--block" aria-label="Pages of gaps">
          ${
            after
              ? html`<div class="govuk-pagination__prev">
            <a class="govuk-link govuk-pagination__link" href="/gaps?${first.toString()}" rel="prev">
            <span class="govuk-pagination__link-title">First page</span></a></div>`
              : ''
          }
          ${
            coverageGaps.pageInfo.hasNextPage
              ? html`<div class="govuk-pagination__next">
            <a class="govuk-link govuk-pagination__link" href="/gaps?${next.toString()}" rel="next">
            <span class="govuk-pagination__link-title">Next page</span></a></div>`
              : ''
          }
        </nav>
      </div>
    </div>`,
  );
  const download = document.getElementById('gap-download');
  if (download) {
    download.innerHTML = csvLink(
      'coverage-gaps.csv',
      [
        'code',
        'name',
        'region',
        'kinds',
        'gapPhases',
        'schools',
        'teachingSchools',
        'density',
        'untappedOutstanding',
        'remoteShare',
      ],
      nodes.map((gap) => [
        gap.localAuthority.code,
        gap.localAuthority.name,
        gap.localAuthority.region.name,
        gap.kinds.join(' '),
        gap.gapPhases.join(' '),
        gap.coverage.schools,
        gap.coverage.teachingSchools,
        gap.coverage.density,
        gap.coverage.untappedOutstanding,
        gap.remoteShare,
      ]),
    );
  }
};
export default gaps;
