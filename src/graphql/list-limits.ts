/**
 * The most items each list in the schema's inputs may hold, by input type and field. A request with a longer
 * list is refused with 400 BAD_USER_INPUT before any DynamoDB request; each field's description says its
 * maximum, and a test checks that every list input has one here.
 */
export const LIST_MAXIMUMS: Readonly<Record<string, number>> = {
  /** The largest alliance in the 2018 registry has 6 leads. */
  'CreateAllianceInput.leadUrns': 10,
  /** One per delivery area (the Big 3). */
  'CreateAllianceInput.deliveryAreaLeads': 3,
  /** One per kind of gap. */
  'CoverageGapFilter.kinds': 5,
  /** One per phase. */
  'CoverageGapFilter.phases': 8,
  /** One per kind of change. */
  'ChangeFilter.kinds': 11,
};
