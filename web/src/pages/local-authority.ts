import { request } from '../api';
import { allianceLink, designationText, link, summaryRow, table } from '../components';
import { teachingSchoolPoints } from '../coverage';
import { csvLink } from '../csv';
import { decimal, km, number, phaseName, words } from '../format';
import { graphql } from '../gql';
import { html } from '../html';
import { drawMap, schoolPoints } from '../map';
import { NotFound, type Page } from '../page';

const LocalAuthorityPage = graphql(`
  query LocalAuthorityPage($code: String!) {
    localAuthority(code: $code) {
      code
      name
      rscRegion
      region {
        code
        name
      }
      coverage {
        ...CoverageFields
        reach {
          schools
          unknown
          medianKm
          farthestKm
          bands {
            fromKm
            toKm
            schools
          }
        }
      }
      teachingSchools: schools(filter: { isTeachingSchool: true }, first: 100) {
        totalCount
        edges {
          node {
            urn
            name
            phase
            ofstedRating
            designation {
              status
              cohort
              designatedOn
            }
            leadsAlliance {
              id
              name
              type
            }
          }
        }
      }
    }
    untappedOutstandingSchools(filter: { localAuthority: $code }, first: 100) {
      totalCount
      edges {
        node {
          urn
          name
          phase
          numberOfPupils
          lastInspectedOn
        }
      }
    }
    remoteSchools(filter: { localAuthority: $code, beyondKm: 0 }, first: 10) {
      edges {
        node {
          urn
          name
        }
        nearestTeachingSchool {
          ...NearestTeachingSchoolFields
        }
      }
    }
  }
`);

/** A reach band in words: 0 to 5 km, or 40 km and over for the last. */
function bandName(band: { fromKm: number; toKm?: number | null }): string {
  return band.toKm == null ? `${band.fromKm} km and over` : `${band.fromKm} to ${band.toKm} km`;
}

/** One local authority: its figures by phase, teaching schools, alliances, candidates to designate, and its map. */
const localAuthority: Page = async ({ params, show, main }) => {
  const code = params.code ?? '';
  const [{ localAuthority: area, untappedOutstandingSchools: untapped, remoteSchools }, points, teaching] =
    await Promise.all([request(LocalAuthorityPage, { code }), schoolPoints(), teachingSchoolPoints(code)]);
  if (!area) throw new NotFound();
  const { coverage } = area;
  const { reach } = coverage;
  const remote = remoteSchools.edges;
  const teachingNodes = area.teachingSchools.edges.map((edge) => edge.node);
  const alliances = [
    ...new Map(
      teachingNodes.flatMap((school) =>
        school.leadsAlliance ? [[school.leadsAlliance.id, school.leadsAlliance]] : [],
      ),
    ).values(),
  ];
  const candidates = untapped.edges.map((edge) => edge.node);
  const mapAlt = `Map of ${area.name}'s schools (dots) and teaching schools (red marks); neighbouring areas are faded.`;
  const firstOnly = untapped.totalCount > candidates.length ? `, the first ${candidates.length}` : '';
  show(
    area.name,
    html`
    <span class="govuk-caption-l">Local authority ${area.code}, ${area.region.name}</span>
    <h1 class="govuk-heading-l">${area.name}</h1>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-one-half">
        <dl class="govuk-summary-list" id="la-figures">
          ${summaryRow('Open schools', number(coverage.schools))}
          ${summaryRow('Teaching schools', number(coverage.teachingSchools))}
          ${summaryRow('Teaching schools per 100 schools', decimal(coverage.density))}
          ${summaryRow('Outstanding schools', number(coverage.outstandingSchools))}
          ${summaryRow('Untapped outstanding schools', number(coverage.untappedOutstanding))}
          ${summaryRow('Alliances led here', number(coverage.alliances))}
          ${summaryRow('Under review', number(coverage.underReview))}
          ${summaryRow('TSC region', area.rscRegion ?? 'Not known')}
        </dl>
      </div>
      <div class="govuk-grid-column-one-half">
        <canvas class="app-map" id="la-map" role="img" aria-label="${mapAlt}"></canvas>
      </div>
    </div>
    <h2 class="govuk-heading-m">By phase</h2>
    <div id="phase-download"></div>
    ${table({
      id: 'by-phase',
      caption: `${area.name}: coverage by phase`,
      head: ['Phase', 'Schools', 'Teaching schools', 'Outstanding', 'Untapped outstanding'],
      numeric: [1, 2, 3, 4],
      rows: coverage.byPhase.map((row) => [
        phaseName(row.phase),
        number(row.schools),
        number(row.teachingSchools),
        number(row.outstandingSchools),
        number(row.untappedOutstanding),
      ]),
    })}
    <h2 class="govuk-heading-m" id="reach">Distance to a teaching school</h2>
    <p class="govuk-body">How far each of the ${number(reach.schools)} open schools is from the nearest teaching school,
      in a straight line. A teaching school is 0 km from itself.</p>
    <dl class="govuk-summary-list" id="la-reach">
      ${summaryRow('Median distance', reach.medianKm == null ? 'Not known' : km(reach.medianKm))}
      ${summaryRow('Farthest distance', reach.farthestKm == null ? 'Not known' : km(reach.farthestKm))}
      ${summaryRow('Schools with no location in GIAS', number(reach.unknown))}
    </dl>
    ${table({
      id: 'reach-bands',
      caption: `${area.name}: open schools by distance to the nearest teaching school`,
      head: ['Distance', 'Schools'],
      numeric: [1],
      rows: reach.bands.map((band) => [bandName(band), number(band.schools)]),
    })}
    ${
      remote.length
        ? table({
            id: 'remote-schools',
            caption: `The ${remote.length} schools in ${area.name} farthest from a teaching school`,
            head: ['School', 'Nearest teaching school', 'Distance'],
            numeric: [2],
            rows: remote.map(({ node, nearestTeachingSchool: nearest }) => [
              link(`/schools/${node.urn}`, node.name),
              link(`/schools/${nearest.school.urn}`, nearest.school.name),
              km(nearest.distanceKm),
            ]),
          })
        : ''
    }
    <h2 class="govuk-heading-m">Teaching schools (${number(area.teachingSchools.totalCount)})</h2>
    ${
      teachingNodes.length
        ? table({
            id: 'teaching-schools',
            caption: `Teaching schools in ${area.name}`,
            head: ['School', 'Phase', 'Designation', 'Leads'],
            rows: teachingNodes.map((school) => [
              link(`/schools/${school.urn}`, school.name),
              phaseName(school.phase),
              designationText(school.designation),
              school.leadsAlliance ? allianceLink(school.leadsAlliance) : 'No alliance',
            ]),
          })
        : html`<p class="govuk-body">${area.name} has no teaching school.</p>`
    }
    <h2 class="govuk-heading-m">Alliances led from here (${number(alliances.length)})</h2>
    ${
      alliances.length
        ? html`<ul class="govuk-list">${alliances.map(
            (alliance) => html`<li>${allianceLink(alliance)} (${words(alliance.type)})</li>`,
          )}</ul>`
        : html`<p class="govuk-body">No alliance is led from ${area.name}.</p>`
    }
    <h2 class="govuk-heading-m">Untapped outstanding schools (${number(untapped.totalCount)})</h2>
    <p class="govuk-body">Outstanding schools that are not teaching schools: the candidates to designate.</p>
    <div id="untapped-download"></div>
    ${table({
      id: 'untapped',
      caption: `Untapped outstanding schools in ${area.name}${firstOnly}`,
      head: ['School', 'Phase', 'Pupils', 'Last inspected'],
      numeric: [2],
      rows: candidates.map((school) => [
        link(`/schools/${school.urn}`, school.name),
        phaseName(school.phase),
        number(school.numberOfPupils),
        school.lastInspectedOn ?? 'Not known',
      ]),
    })}`,
  );
  const canvas = main.querySelector<HTMLCanvasElement>('#la-map');
  if (canvas) {
    const width = Math.min(canvas.parentElement?.clientWidth ?? 460, 460);
    const shade = new Map([[area.code, coverage.density]]);
    drawMap(canvas, { points, shade, focus: area.code, teachingSchools: teaching, width, height: width });
  }
  const phaseDownload = main.querySelector('#phase-download');
  if (phaseDownload) {
    phaseDownload.innerHTML = csvLink(
      `la-${area.code}-by-phase.csv`,
      ['phase', 'schools', 'teachingSchools', 'outstandingSchools', 'untappedOutstanding'],
      coverage.byPhase.map((row) => [
        row.phase,
        row.schools,
        row.teachingSchools,
        row.outstandingSchools,
        row.untappedOutstanding,
      ]),
    );
  }
  const untappedDownload = main.querySelector('#untapped-download');
  if (untappedDownload) {
    untappedDownload.innerHTML = csvLink(
      `la-${area.code}-untapped-outstanding.csv`,
      ['urn', 'name', 'phase', 'numberOfPupils', 'lastInspectedOn'],
      candidates.map((school) => [
        school.urn,
        school.name,
        school.phase,
        school.numberOfPupils,
        school.lastInspectedOn,
      ]),
    );
  }
};
export default localAuthority;
