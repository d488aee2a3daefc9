/** Phase of education, as GIAS's `PhaseOfEducation (name)` names it. */
export const PHASES = {
  NURSERY: 'Nursery',
  PRIMARY: 'Primary',
  MIDDLE_DEEMED_PRIMARY: 'Middle deemed primary',
  SECONDARY: 'Secondary',
  MIDDLE_DEEMED_SECONDARY: 'Middle deemed secondary',
  ALL_THROUGH: 'All through',
  SIXTEEN_PLUS: '16 plus',
  NOT_APPLICABLE: 'Not applicable',
} as const;

export type Phase = keyof typeof PHASES;
export const PHASE_CODES = Object.keys(PHASES) as Phase[];
