import { request } from '../api';
import { isStaff, mayChange } from '../auth';
import { allianceLink, designationText, link, summaryRow, table, tag } from '../components';
import { date, km, number, phaseName, words } from '../format';
import { graphql } from '../gql';
import type { NearestTeachingSchoolFieldsFragment } from '../gql/graphql';
import { html } from '../html';
import { NotFound, type Page } from '../page';
import { SchoolPage } from '../school-query';

const NearestTeachingSchools = graphql(`
  query NearestTeachingSchools($urn: String!) {
    schoolsNear(near: { urn: $urn }, withinKm: 50, filter: { isTeachingSchool: true }, first: 6) {
      edges {
        distanceKm
        node {
          urn
          name
          phase
          localAuthority {
            name
          }
        }
      }
    }
  }
`);

/** The nearest teaching school as a summary list value: a link and the distance, or why there is none. */
function nearestText(nearest: NearestTeachingSchoolFieldsFragment | null | undefined, located: boolean) {
  if (!nearest) return located ? 'Not known' : 'Not known (no location in GIAS)';
  if (nearest.distanceKm === 0) return 'This is a teaching school';
  return html`${link(`/schools/${nearest.school.urn}`, nearest.school.name)}, ${km(nearest.distanceKm)} away`;
}

/** A school: its details, designation and history, reviews, alliance, nearest teaching schools, and staff actions. */
const school: Page = async ({ params, query, viewer, show }) => {
  const urn = params.urn ?? '';
  const staff = isStaff(viewer);
  const { school: found } = await request(SchoolPage, { urn, staff });
  if (!found) throw new NotFound();
  const s = found;
  const located = s.easting != null && s.northing != null;
  const nearest = located
    ? (await request(NearestTeachingSchools, { urn })).schoolsNear.edges
        .filter((edge) => edge.node.urn !== urn)
        .slice(0, 5)
    : [];
  const canAct = mayChange(viewer, s.region.code);
  const current = s.designation && s.designation.status !== 'DE_DESIGNATED' ? s.designation : null;
  const reviews = s.reviews.edges.map((edge) => edge.node);
  const openReview = reviews.find((review) => review.status === 'OPEN');
  const done = query.get('done');
  const actions = [
    !current ? link(`/schools/${s.urn}/designate`, 'Designate as a teaching school') : null,
    link(`/schools/${s.urn}/ofsted-inspection`, 'Record an Ofsted inspection'),
    current && !openReview ? link(`/schools/${s.urn}/review`, 'Open a designation review') : null,
    openReview
      ? link(`/schools/${s.urn}/reviews/${encodeURIComponent(openReview.id)}/conclude`, 'Conclude the open review')
      : null,
  ].filter((action) => action !== null);
  const memberships = s.allianceMemberships.edges.map((edge) => edge.node);
  show(
    s.name,
    html`
    ${
      done
        ? html`<div class="govuk-notification-banner govuk-notification-banner--success" role="alert"
        aria-labelledby="done-title" data-module="govuk-notification-banner">
      <div class="govuk-notification-banner__header">
        <h2 class="govuk-notification-banner__title" id="done-title">Success</h2></div>
      <div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">${done}</p></div>
    </div>`
        : ''
    }
    <span class="govuk-caption-l">URN ${s.urn}</span>
    <h1 class="govuk-heading-l">${s.name}</h1>
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <dl class="govuk-summary-list" id="school-details">
          ${summaryRow('Teaching school', designationText(current))}
          ${summaryRow(
            'Local authority',
            link(`/local-authorities/${s.localAuthority.code}`, `${s.localAuthority.name} (${s.localAuthority.code})`),
          )}
          ${summaryRow('Region', s.region.name)}
          ${summaryRow('Phase', phaseName(s.phase))}
          ${summaryRow('Type', s.establishmentType ?? 'Not known')}
          ${summaryRow('Status', words(s.status))}
          ${summaryRow(
            'Pupils',
            `${number(s.numberOfPupils)}${s.isSmall ? ' (small school)' : ''}${s.isSpecial ? ' (special school)' : ''}`,
          )}
          ${summaryRow(
            'Ofsted rating',
            s.ofstedRating ? `${words(s.ofstedRating)}, inspected ${date(s.lastInspectedOn)}` : 'Not known',
          )}
          ${summaryRow('Nearest teaching school', nearestText(s.nearestTeachingSchool, located))}
          ${summaryRow('Nearest of its phase', nearestText(s.nearestOfPhase, located))}
          ${summaryRow('Leads alliance', s.leadsAlliance ? allianceLink(s.leadsAlliance) : 'None')}
          ${summaryRow(
            'Alliance memberships',
            memberships.length
              ? html`${memberships.map(
                  (m) =>
                    html`${allianceLink(m.alliance)} (${words(m.role)}${
                      m.leftOn ? `, left ${date(m.leftOn)}` : ''
                    })<br>`,
                )}`
              : 'None',
          )}
        </dl>
      </div>
      <div class="govuk-grid-column-one-third" id="actions">
        ${
          canAct
            ? html`<h2 class="govuk-heading-m">Actions</h2>
              <ul class="govuk-list">${actions.map((action) => html`<li>${action}</li>`)}</ul>`
            : staff
              ? html`<p class="govuk-body-s">You can change schools in your regions only;
                ${s.name} is in ${s.region.name}.</p>`
              : ''
        }
      </div>
    </div>
    <h2 class="govuk-heading-m">Designation history</h2>
    ${
      s.designation?.history.length || s.designation
        ? table({
            id: 'designation-history',
            caption: 'Designations, current first',
            head: ['Status', 'Cohort', 'Designated', 'Ended', 'Reason'],
            rows: [s.designation, ...(s.designation?.history ?? [])].flatMap((d) =>
              d
                ? [
                    [
                      tag(d.status),
                      d.cohort ? String(d.cohort) : 'Not known',
                      date(d.designatedOn),
                      d.endedOn ? date(d.endedOn) : '',
                      d.endReason ?? '',
                    ],
                  ]
                : [],
            ),
          })
        : html`<p class="govuk-body">Never designated.</p>`
    }
    <h2 class="govuk-heading-m">Designation reviews</h2>
    ${
      reviews.length
        ? table({
            id: 'reviews',
            caption: 'Reviews of this designation',
            head: staff
              ? ['Status', 'Trigger', 'Opened', 'Due', 'Outcome', 'Notes']
              : ['Status', 'Trigger', 'Opened', 'Due', 'Outcome'],
            rows: reviews.map((review) => [
              tag(review.status),
              words(review.trigger),
              date(review.openedOn),
              date(review.dueBy),
              review.outcome ? `${words(review.outcome)}, ${date(review.decidedOn)}` : '',
              ...(staff ? [review.notes ?? ''] : []),
            ]),
          })
        : html`<p class="govuk-body">No reviews.</p>`
    }
    <h2 class="govuk-heading-m">Nearest teaching schools</h2>
    ${
      nearest.length
        ? table({
            id: 'nearest',
            caption: 'Within 50 km, straight-line distance on the National Grid',
            head: ['School', 'Phase', 'Local authority', 'Distance'],
            numeric: [3],
            rows: nearest.map(({ node, distanceKm }) => [
              link(`/schools/${node.urn}`, node.name),
              phaseName(node.phase),
              node.localAuthority.name,
              km(distanceKm),
            ]),
          })
        : html`<p class="govuk-body">No other teaching school within 50 km${
            !located ? ' (GIAS has no location for this school)' : ''
          }.</p>`
    }`,
  );
};
export default school;
