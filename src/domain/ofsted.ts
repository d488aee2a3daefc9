/** Overall effectiveness from the latest Ofsted inspection, as GIAS's `OfstedRating (name)` names it. */
export const OFSTED_RATINGS = {
  OUTSTANDING: 'Outstanding',
  GOOD: 'Good',
  REQUIRES_IMPROVEMENT: 'Requires improvement',
  SERIOUS_WEAKNESSES: 'Serious Weaknesses',
  SPECIAL_MEASURES: 'Special Measures',
  INADEQUATE: 'Inadequate',
} as const;

export type OfstedRating = keyof typeof OFSTED_RATINGS;
