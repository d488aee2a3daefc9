/**
 * Names shared by the handler's metrics (CloudWatch embedded metric format) and the CDK dashboard and
 * alarms that read them. Pure constants: the CDK app imports this without loading Powertools.
 */
export const SERVICE_NAME = 'teaching-school-registry';

/** The CloudWatch namespace of the handler's own metrics. */
export const METRICS_NAMESPACE = 'TeachingSchoolRegistry';

/** The handler's metrics. Each is emitted with the `service` dimension; some also with the dimensions named. */
export const RegistryMetric = {
  /** One per request; also by `Operation`. */
  requests: 'Requests',
  /** Top-level errors in answers; also by `ErrorCode`, and by `Operation`. */
  errors: 'Errors',
  /** Internal faults (INTERNAL_SERVER_ERROR), masked for the caller and logged with their stack. */
  faults: 'Faults',
  /** DynamoDB requests one GraphQL request made (the store's request counter). */
  dynamoDbRequests: 'DynamoDBRequests',
  /** Read capacity units one request consumed, as DynamoDB reported them. */
  consumedRead: 'ConsumedReadCapacity',
  /** Write capacity units one request consumed. */
  consumedWrite: 'ConsumedWriteCapacity',
  /** Milliseconds from the event reaching the handler to the answer. */
  duration: 'RequestDuration',
  /** Powertools' cold start metric (dimension `function_name` and `service`). */
  coldStart: 'ColdStart',
} as const;

/** Dimension names. */
export const RegistryDimension = {
  service: 'service',
  /** The operation's root field (`school`, `designateTeachingSchool`), or `multiple`/`none`: bounded by the schema. */
  operation: 'Operation',
  /** `extensions.code` of a top-level error. */
  errorCode: 'ErrorCode',
} as const;
