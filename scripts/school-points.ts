import { isOpen } from '../src/domain/establishment-status.js';
import { PHASE_CODES } from '../src/domain/phase.js';
import { openCsv } from '../src/import/csv-file.js';
import { GIAS_REQUIRED_COLUMNS, readEstablishment } from '../src/import/gias-row.js';
import type { SchoolPoints } from '../web/src/school-points-format.js';

/**
 * Reads a GIAS download into the workspace map's points: where every open school stands. Positions and local
 * authorities change only with a GIAS load, so the site ships them as a static file; everything staff change
 * (designations, figures) comes from GraphQL. Schools with no location are left out.
 */
export async function readSchoolPoints(establishments: string): Promise<SchoolPoints> {
  const file = await openCsv(establishments, {
    defaultEncoding: 'windows-1252',
    requiredColumns: GIAS_REQUIRED_COLUMNS,
  });
  const columns = new Set(file.columns);
  const points: SchoolPoints = {
    phases: [...PHASE_CODES],
    localAuthorities: [],
    urn: [],
    easting: [],
    northing: [],
    la: [],
    phase: [],
  };
  const laIndex = new Map<string, number>();
  for await (const row of file.rows) {
    let fields: ReturnType<typeof readEstablishment>['fields'];
    try {
      fields = readEstablishment(row.values, columns).fields;
    } catch {
      continue;
    }
    if ((fields.status && !isOpen(fields.status)) || fields.easting == null || fields.northing == null) continue;
    if (!laIndex.has(fields.laCode)) laIndex.set(fields.laCode, points.localAuthorities.push(fields.laCode) - 1);
    points.urn.push(Number(fields.urn));
    points.easting.push(fields.easting);
    points.northing.push(fields.northing);
    points.la.push(laIndex.get(fields.laCode) ?? 0);
    points.phase.push(PHASE_CODES.indexOf(fields.phase));
  }
  return points;
}
