import { designate } from '../../src/domain/designation.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { importEstablishments } from '../../src/import/importer.js';
import { commitSchoolChanges } from '../../src/store/change-set.js';
import { getSchoolsByUrn } from '../../src/store/schools.js';
import type { Store } from '../../src/store/store.js';
import { GIAS_HEADER, giasRow, writeCsv } from './fixtures.js';

/** A fixture school: a URN with its pupils, type and rating, and whether it is a teaching school. */
export interface SchoolSeed {
  urn: string;
  pupils?: number;
  type?: string;
  rating?: string;
  teaching?: boolean;
  /** Other GIAS cells (its local authority and regions, say), by column name. */
  cells?: Record<string, string>;
}

/** Loads fixture schools through the importer, then designates the teaching ones directly in the store. */
export async function seedSchools(store: Store, seeds: readonly SchoolSeed[]): Promise<void> {
  const header = [...GIAS_HEADER, 'TypeOfEstablishment (name)'];
  const rows = seeds.map((seed) =>
    giasRow({
      URN: seed.urn,
      EstablishmentName: `School ${seed.urn}`,
      NumberOfPupils: String(seed.pupils ?? 500),
      'TypeOfEstablishment (name)': seed.type ?? 'Academy converter',
      'OfstedRating (name)': seed.rating ?? 'Outstanding',
      ...seed.cells,
    }),
  );
  await importEstablishments(store, writeCsv(header, rows));
  const teaching = seeds.filter((seed) => seed.teaching !== false).map((seed) => seed.urn);
  const schools = await getSchoolsByUrn(store, teaching);
  // Ten schools a transaction: each writes the school, its audit event and its index items.
  for (let start = 0; start < schools.length; start += 10) {
    await commitSchoolChanges(
      store,
      schools.slice(start, start + 10).map((school) => ({
        before: school!,
        after: designate(school!, { cohort: 1, designatedOn: null }, '2018-01-01' as IsoDate),
      })),
    );
  }
}
