import { request } from '../api';
import { allLocalAuthorities, figuresFor, teachingSchoolPoints, type Coverage } from '../coverage';
import { link, selectOptions, summaryRow } from '../components';
import { exportLink } from '../downloads';
import { decimal, number, PHASE_NAMES, phaseName } from '../format';
import { graphql } from '../gql';
import { html } from '../html';
import { drawMap, legend, schoolPoints } from '../map';
import type { Page } from '../page';

const NationalCoverage = graphql(`
  query NationalCoverage {
    nationalCoverage {
      ...CoverageFields
    }
  }
`);

const FIGURES = {
  density: { label: 'Teaching schools per 100 schools', format: (value: number) => decimal(value, 1) },
  untapped: { label: 'Untapped outstanding schools', format: (value: number) => number(Math.round(value)) },
} as const;
type Figure = keyof typeof FIGURES;

/** England at a glance: the map, shaded by the figure the user picks, and the national figures. */
const home: Page = async ({ query, show, main, navigate }) => {
  const figure: Figure = query.get('figure') === 'untapped' ? 'untapped' : 'density';
  const phase = query.get('phase') && PHASE_NAMES[query.get('phase') ?? ''] ? query.get('phase') : null;
  // The figures show as soon as they arrive; the map follows once the points and teaching schools are in.
  const mapData = Promise.all([schoolPoints(), teachingSchoolPoints()]);
  const [{ nationalCoverage }, areas] = await Promise.all([request(NationalCoverage), allLocalAuthorities()]);
  const national = figuresFor(nationalCoverage, phase);
  const value = (coverage: Coverage) => {
    const figures = figuresFor(coverage, phase);
    return figure === 'density' ? figures.density : figures.untappedOutstanding;
  };
  const shade = new Map(areas.map((area) => [area.code, value(area.coverage)]));
  const rows = [...areas].sort((a, b) => value(a.coverage) - value(b.coverage) || a.name.localeCompare(b.name));
  const { label, format } = FIGURES[figure];
  const phaseLabel = phase ? phaseName(phase).toLowerCase() : 'all phases';
  const mapLabel =
    `Map of England's open schools, each local authority shaded by ${label.toLowerCase()} (${phaseLabel}); ` +
    'the table below lists the same figures. Select an area to open its local authority.';
  show(
    'England at a glance',
    html`
    <h1 class="govuk-heading-l">England at a glance</h1>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <form method="get" action="/" class="govuk-!-margin-bottom-4">
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-one-half govuk-form-group">
              <label class="govuk-label" for="figure">Shade each local authority by</label>
              <select class="govuk-select" id="figure" name="figure">
                ${selectOptions(
                  Object.entries(FIGURES).map(([code, entry]) => [code, entry.label]),
                  figure,
                )}
              </select>
            </div>
            <div class="govuk-grid-column-one-half govuk-form-group">
              <label class="govuk-label" for="phase">Phase</label>
              <select class="govuk-select" id="phase" name="phase">
                <option value="">All phases</option>
                ${selectOptions(Object.entries(PHASE_NAMES), phase)}
              </select>
            </div>
          </div>
          <button class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" data-module="govuk-button">
            Show on the map</button>
        </form>
        <canvas class="app-map" id="england-map" role="img"
          aria-label="${mapLabel}"></canvas>
      </div>
      <div class="govuk-grid-column-one-third">
        <h2 class="govuk-heading-m">England, ${phaseLabel}</h2>
        <dl class="govuk-summary-list" id="national-figures">
          ${summaryRow('Open schools', number(national.schools))}
          ${summaryRow('Teaching schools', number(national.teachingSchools))}
          ${summaryRow('Teaching schools per 100 schools', decimal(national.density))}
          ${summaryRow('Untapped outstanding schools', number(national.untappedOutstanding))}
          ${phase ? '' : summaryRow('Alliances', number(nationalCoverage.alliances))}
          ${phase ? '' : summaryRow('Under review', number(nationalCoverage.underReview))}
        </dl>
        <div id="map-legend"></div>
        <p class="govuk-body-s">Each local authority's area is drawn from its own schools' points: every point of
        England is given to its nearest school (a Voronoi diagram), coloured by that school's authority, and trimmed to
        9 km around the schools. No boundary file is needed and the areas follow where schools are.</p>
      </div>
    </div>
    <h2 class="govuk-heading-m">Local authorities, lowest ${label.toLowerCase()} first</h2>
    <p class="govuk-body" id="la-download">
      ${exportLink('coverage', 'every local authority with every coverage figure, by phase')}
    </p>
    <div class="app-table-scroll">
    <table class="govuk-table" id="local-authorities">
      <caption class="govuk-table__caption govuk-visually-hidden">
        Local authorities by ${label.toLowerCase()}, ${phaseLabel}</caption>
      <thead class="govuk-table__head"><tr class="govuk-table__row">
        <th scope="col" class="govuk-table__header">Local authority</th>
        <th scope="col" class="govuk-table__header">Region</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Schools</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Teaching schools</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Per 100 schools</th>
        <th scope="col" class="govuk-table__header govuk-table__header--numeric">Untapped outstanding</th>
      </tr></thead>
      <tbody class="govuk-table__body">
        ${rows.map((area) => {
          const figures = figuresFor(area.coverage, phase);
          return html`<tr class="govuk-table__row">
            <td class="govuk-table__cell">${link(`/local-authorities/${area.code}`, area.name)}</td>
            <td class="govuk-table__cell">${area.region.name}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">${number(figures.schools)}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">${number(figures.teachingSchools)}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">${decimal(figures.density)}</td>
            <td class="govuk-table__cell govuk-table__cell--numeric">${number(figures.untappedOutstanding)}</td>
          </tr>`;
        })}
      </tbody>
    </table>
    </div>
    <h2 class="govuk-heading-m">Download the registry</h2>
    <ul class="govuk-list" id="registry-downloads">
      <li>${exportLink('schools', 'every school, with GIAS column names and its designation')}</li>
      <li>${exportLink('teaching-schools', 'the teaching schools only, with the same columns')}</li>
      <li>${exportLink('alliances', 'a row per alliance lead or member, with its role')}</li>
    </ul>`,
  );
  const [points, teaching] = await mapData;
  const canvas = main.querySelector<HTMLCanvasElement>('#england-map');
  if (!canvas?.isConnected) return;
  const width = Math.min(canvas.parentElement?.clientWidth ?? 620, 640);
  const phaseIndex = phase ? points.phases.indexOf(phase) : -1;
  const { legendDomain } = drawMap(canvas, {
    points,
    shade,
    dots: phaseIndex < 0 ? undefined : (i) => points.phase[i] === phaseIndex,
    teachingSchools: phase ? teaching.filter((school) => school.phase === phase) : teaching,
    width,
    height: Math.round(width * 1.15),
    onPick: (code) => navigate(`/local-authorities/${code}`),
  });
  const legendBox = main.querySelector('#map-legend');
  if (legendBox) legendBox.innerHTML = legend(`${label}, ${phaseLabel}`, legendDomain, format).value;
};

export default home;
