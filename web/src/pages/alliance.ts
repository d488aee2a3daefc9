import { request } from '../api';
import { link, summaryRow, table, tag } from '../components';
import { csvLink } from '../csv';
import { date, phaseName, words } from '../format';
import { graphql } from '../gql';
import { html } from '../html';
import { NotFound, type Page } from '../page';

const AlliancePage = graphql(`
  query AlliancePage($id: ID!) {
    alliance(id: $id) {
      id
      name
      type
      needsRestructuring
      restructuringReasons
      network {
        name
      }
      leads {
        urn
        name
        phase
        localAuthority {
          code
          name
        }
        designation {
          status
        }
      }
      deliveryAreas {
        area
        accountableLead {
          urn
          name
        }
      }
      deliverers(includeFormer: true) {
        name
        kind
        joinedOn
        leftOn
      }
      members(first: 100) {
        totalCount
        edges {
          node {
            role
            joinedOn
            leftOn
            school {
              urn
              name
              phase
            }
          }
        }
      }
    }
  }
`);

/** An alliance: type, leads, members, deliverers, delivery areas with accountable leads, and its flags. */
const alliance: Page = async ({ params, show, main }) => {
  const { alliance: found } = await request(AlliancePage, { id: params.id ?? '' });
  if (!found) throw new NotFound();
  const a = found;
  const members = a.members.edges.map((edge) => edge.node);
  show(
    a.name,
    html`
    <span class="govuk-caption-l">Teaching school alliance</span>
    <h1 class="govuk-heading-l">${a.name}</h1>
    ${
      a.needsRestructuring
        ? html`<div class="govuk-warning-text"><span class="govuk-warning-text__icon" aria-hidden="true">!</span>
      <strong class="govuk-warning-text__text"><span class="govuk-visually-hidden">Warning</span>
      This alliance needs restructuring: ${a.restructuringReasons.map(words).join(', ').toLowerCase()}.</strong></div>`
        : ''
    }
    <dl class="govuk-summary-list" id="alliance-details">
      ${summaryRow('Type', words(a.type))}
      ${summaryRow('Network', a.network?.name ?? 'None')}
      ${summaryRow('Members', String(a.members.totalCount))}
    </dl>
    ${table({
      id: 'leads',
      caption: 'Lead teaching schools',
      head: ['School', 'Phase', 'Local authority', 'Designation'],
      rows: a.leads.map((lead) => [
        link(`/schools/${lead.urn}`, lead.name),
        phaseName(lead.phase),
        link(`/local-authorities/${lead.localAuthority.code}`, lead.localAuthority.name),
        lead.designation ? tag(lead.designation.status) : 'None',
      ]),
    })}
    ${table({
      id: 'delivery-areas',
      caption: 'Delivery areas and the lead accountable for each',
      head: ['Area', 'Accountable lead'],
      rows: a.deliveryAreas.map((area) => [
        words(area.area),
        area.accountableLead ? link(`/schools/${area.accountableLead.urn}`, area.accountableLead.name) : 'Not assigned',
      ]),
    })}
    <div id="member-download"></div>
    ${
      members.length
        ? table({
            id: 'members',
            caption: 'Partner schools',
            head: ['School', 'Phase', 'Role', 'Joined', 'Left'],
            rows: members.map((member) => [
              link(`/schools/${member.school.urn}`, member.school.name),
              phaseName(member.school.phase),
              words(member.role),
              date(member.joinedOn),
              member.leftOn ? date(member.leftOn) : '',
            ]),
          })
        : html`<p class="govuk-body">No partner schools recorded.</p>`
    }
    ${
      a.deliverers.length
        ? table({
            id: 'deliverers',
            caption: 'Deliverers (partners that are not schools)',
            head: ['Name', 'Kind', 'Joined', 'Left'],
            rows: a.deliverers.map((deliverer) => [
              deliverer.name,
              words(deliverer.kind),
              date(deliverer.joinedOn),
              deliverer.leftOn ? date(deliverer.leftOn) : '',
            ]),
          })
        : html`<p class="govuk-body">No deliverers recorded.</p>`
    }`,
  );
  const download = main.querySelector('#member-download');
  if (download && members.length) {
    download.innerHTML = csvLink(
      'alliance-members.csv',
      ['urn', 'name', 'phase', 'role', 'joinedOn', 'leftOn'],
      members.map((m) => [m.school.urn, m.school.name, m.school.phase, m.role, m.joinedOn, m.leftOn]),
    );
  }
};
export default alliance;
