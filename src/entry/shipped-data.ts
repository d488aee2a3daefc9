import { fileURLToPath } from 'node:url';

/** The 2018 national registry the project ships (data/, Open Government Licence v3.0). */
export const SHIPPED_DATA = {
  establishments: fileURLToPath(new URL('../../data/establishments.csv.gz', import.meta.url)),
  teachingSchools: fileURLToPath(new URL('../../data/teaching-schools.csv.gz', import.meta.url)),
};
