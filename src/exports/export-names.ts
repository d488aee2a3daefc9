/** The bulk downloads, by name: `/exports/<name>.csv` (registry-exports.ts builds them). */
export const EXPORT_NAMES = ['schools', 'teaching-schools', 'alliances', 'coverage'] as const;
export type ExportName = (typeof EXPORT_NAMES)[number];
