import { coverageOf } from '../domain/coverage.js';
import type { AllianceMembership } from '../domain/alliance.js';
import { ESTABLISHMENT_STATUSES } from '../domain/establishment-status.js';
import type { LocalAuthority } from '../domain/local-authority.js';
import { OFSTED_RATINGS } from '../domain/ofsted.js';
import { PHASES } from '../domain/phase.js';
import { GOR_REGIONS } from '../domain/region.js';
import type { StoredAlliance } from '../store/alliance-item.js';
import { findAlliances } from '../store/alliances.js';
import { listLocalAuthorities } from '../store/local-authorities.js';
import { findMembers } from '../store/memberships.js';
import type { Page } from '../store/query-page.js';
import type { StoredSchool } from '../store/school-item.js';
import type { SchoolCriteria } from '../store/school-filters.js';
import { findSchools, getSchoolsByUrn } from '../store/schools.js';
import type { Store } from '../store/store.js';
import { type CsvColumn, csvChunks } from './csv.js';
import type { ExportName } from './export-names.js';

/**
 * The bulk downloads. Every column is a public field of the registry (what any caller of the GraphQL API may
 * read), so partners and staff get the same files. Column names and values follow GIAS where GIAS has the field
 * (`Open`, `Outstanding`, `London`), dates ISO 8601; the registry's own fields use the schema's enum values.
 */

/** Rows read per DynamoDB page. */
const PAGE_SIZE = 1000;

/** A school with its local authority's name. */
type SchoolRow = { school: StoredSchool; laName: string };

const SCHOOL_COLUMNS: readonly CsvColumn<SchoolRow>[] = [
  { header: 'URN', value: ({ school }) => school.urn },
  { header: 'LA (code)', value: ({ school }) => school.laCode },
  { header: 'LA (name)', value: ({ laName }) => laName },
  { header: 'EstablishmentNumber', value: ({ school }) => school.establishmentNumber },
  { header: 'EstablishmentName', value: ({ school }) => school.name },
  { header: 'TypeOfEstablishment (name)', value: ({ school }) => school.establishmentType },
  { header: 'EstablishmentStatus (name)', value: ({ school }) => ESTABLISHMENT_STATUSES[school.status] },
  { header: 'PhaseOfEducation (name)', value: ({ school }) => PHASES[school.phase] },
  { header: 'NumberOfPupils', value: ({ school }) => school.numberOfPupils },
  {
    header: 'OfstedRating (name)',
    value: ({ school }) => (school.ofstedRating ? OFSTED_RATINGS[school.ofstedRating] : null),
  },
  { header: 'OfstedLastInsp', value: ({ school }) => school.lastInspectedOn },
  { header: 'GOR (name)', value: ({ school }) => GOR_REGIONS[school.region] },
  { header: 'Easting', value: ({ school }) => school.easting },
  { header: 'Northing', value: ({ school }) => school.northing },
  { header: 'TeachingSchoolStatus', value: ({ school }) => school.designation?.status },
  { header: 'TeachingSchoolCohort', value: ({ school }) => school.designation?.cohort },
  { header: 'DesignatedOn', value: ({ school }) => school.designation?.designatedOn },
  { header: 'DesignationEndedOn', value: ({ school }) => school.designation?.endedOn },
  { header: 'LeadsAllianceId', value: ({ school }) => school.leadsAllianceId },
  { header: 'UpdatedAt', value: ({ school }) => school.updatedAt },
];

/** One alliance school: a lead or a member, with its role. */
type AllianceRow = {
  alliance: StoredAlliance;
  urn: string;
  role: string;
  joinedOn: string | null;
  school?: StoredSchool;
};

const ALLIANCE_COLUMNS: readonly CsvColumn<AllianceRow>[] = [
  { header: 'AllianceId', value: ({ alliance }) => alliance.id },
  { header: 'AllianceName', value: ({ alliance }) => alliance.name },
  { header: 'AllianceType', value: ({ alliance }) => alliance.type },
  { header: 'NetworkId', value: ({ alliance }) => alliance.networkId },
  { header: 'URN', value: ({ urn }) => urn },
  { header: 'EstablishmentName', value: ({ school }) => school?.name },
  { header: 'LA (code)', value: ({ school }) => school?.laCode },
  { header: 'Role', value: ({ role }) => role },
  { header: 'JoinedOn', value: ({ joinedOn }) => joinedOn },
  { header: 'AllianceUpdatedAt', value: ({ alliance }) => alliance.updatedAt },
];

type CoverageRow = { authority: LocalAuthority; coverage: ReturnType<typeof coverageOf> };

const COVERAGE_COLUMNS: readonly CsvColumn<CoverageRow>[] = [
  { header: 'LA (code)', value: ({ authority }) => authority.code },
  { header: 'LA (name)', value: ({ authority }) => authority.name },
  { header: 'GOR (name)', value: ({ authority }) => GOR_REGIONS[authority.region] },
  { header: 'RSCRegion (name)', value: ({ authority }) => authority.rscRegion },
  { header: 'Schools', value: ({ coverage }) => coverage.schools },
  { header: 'TeachingSchools', value: ({ coverage }) => coverage.teachingSchools },
  { header: 'UnderReview', value: ({ coverage }) => coverage.underReview },
  { header: 'OutstandingSchools', value: ({ coverage }) => coverage.outstandingSchools },
  { header: 'UntappedOutstanding', value: ({ coverage }) => coverage.untappedOutstanding },
  { header: 'Alliances', value: ({ coverage }) => coverage.alliances },
  { header: 'Density', value: ({ coverage }) => coverage.density },
  ...Object.entries(PHASES).flatMap(([phase, name]): CsvColumn<CoverageRow>[] => {
    const of = (coverage: CoverageRow['coverage']) => coverage.byPhase.find((figures) => figures.phase === phase);
    return [
      { header: `${name} schools`, value: ({ coverage }) => of(coverage)?.schools ?? 0 },
      { header: `${name} teaching schools`, value: ({ coverage }) => of(coverage)?.teachingSchools ?? 0 },
      { header: `${name} outstanding schools`, value: ({ coverage }) => of(coverage)?.outstandingSchools ?? 0 },
      { header: `${name} untapped outstanding`, value: ({ coverage }) => of(coverage)?.untappedOutstanding ?? 0 },
    ];
  }),
];

/** An export's CSV, chunk by chunk, each chunk one DynamoDB page of rows. */
export function exportCsv(store: Store, name: ExportName): AsyncGenerator<string> {
  switch (name) {
    case 'schools':
      return csvChunks(SCHOOL_COLUMNS, schoolPages(store, {}));
    case 'teaching-schools':
      return csvChunks(SCHOOL_COLUMNS, schoolPages(store, { isTeachingSchool: true }));
    case 'alliances':
      return csvChunks(ALLIANCE_COLUMNS, alliancePages(store));
    case 'coverage':
      return csvChunks(COVERAGE_COLUMNS, coveragePages(store));
  }
}

/** Every page of a paged list, in order. */
async function* allPages<T>(read: (after: string | null) => Promise<Page<T>>): AsyncGenerator<T[]> {
  let after: string | null = null;
  for (;;) {
    const page = await read(after);
    yield page.edges.map((edge) => edge.node);
    if (!page.hasNextPage) return;
    after = page.endCursor;
  }
}

async function* schoolPages(store: Store, criteria: SchoolCriteria): AsyncGenerator<SchoolRow[]> {
  const names = new Map((await listLocalAuthorities(store)).map((authority) => [authority.code, authority.name]));
  for await (const schools of allPages((after) => findSchools(store, criteria, { first: PAGE_SIZE, after }))) {
    yield schools.map((school) => ({ school, laName: names.get(school.laCode) ?? '' }));
  }
}

async function* alliancePages(store: Store): AsyncGenerator<AllianceRow[]> {
  for await (const alliances of allPages((after) => findAlliances(store, {}, { first: PAGE_SIZE, after }))) {
    const rows: AllianceRow[] = [];
    for (const alliance of alliances) {
      rows.push(...alliance.leads.map((urn) => ({ alliance, urn, role: 'LEAD', joinedOn: null })));
      for await (const members of allPages((after) =>
        findMembers(store, alliance.id, null, { first: PAGE_SIZE, after }),
      )) {
        rows.push(
          ...members.map((member: AllianceMembership) => ({
            alliance,
            urn: member.urn,
            role: member.role,
            joinedOn: member.joinedOn,
          })),
        );
      }
    }
    const schools = await getSchoolsByUrn(
      store,
      rows.map((row) => row.urn),
    );
    yield rows.map((row, position) => ({ ...row, school: schools[position] }));
  }
}

async function* coveragePages(store: Store): AsyncGenerator<CoverageRow[]> {
  const authorities = await listLocalAuthorities(store);
  yield authorities.map((authority) => ({ authority, coverage: coverageOf([authority]) }));
}
