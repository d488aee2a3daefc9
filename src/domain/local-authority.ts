import type { CellCounts } from './coverage-cell.js';
import { InvalidInput } from './errors.js';
import type { GorRegion } from './region.js';

/** A local authority, with the counts its coverage is computed from. */
export interface LocalAuthority {
  /** 3-digit DfE code, such as "201". */
  code: string;
  name: string;
  region: GorRegion;
  /** The RSC/TSC region, where known. */
  rscRegion: string | null;
  counts: CellCounts;
  /** The alliances with a lead here, as `<school region>#<alliance id>`. */
  allianceEntries: readonly string[];
}

const LA_CODE_PATTERN = /^\d{3}$/;

/** Whether a string is shaped like a local authority code (3 digits). */
export function isLaCode(value: string): boolean {
  return LA_CODE_PATTERN.test(value);
}

/** A local authority code from outside (argument, import cell), checked: InvalidInput naming `field` if malformed. */
export function parseLaCode(value: string, field: string): string {
  if (!isLaCode(value)) {
    throw new InvalidInput(field, `${field} must be a 3-digit DfE code, got ${JSON.stringify(value.slice(0, 20))}`);
  }
  return value;
}
