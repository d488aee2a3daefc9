import { describe, expect, it } from 'vitest';
import { ITERATOR_AGE_ALARM_MS } from '../../infra/reach-projector.js';
import { DURATION_P99_ALARM_MS, ERROR_RATE_ALARMS } from '../../infra/request-alarms.js';
import { onlyResource, synthesizeRegistry } from './registry-app.js';

/** `Namespace/MetricName` of each metric an alarm watches, directly or through a metric math expression. */
function metricNamesOf(alarm: Record<string, any>): string[] {
  if (alarm.MetricName) return [`${alarm.Namespace}/${alarm.MetricName}`];
  const metrics = alarm.Metrics.filter((entry: any) => entry.MetricStat).map((entry: any) => entry.MetricStat.Metric);
  return metrics.map((metric: any) => `${metric.Namespace}/${metric.MetricName}`);
}

describe('the alarms', () => {
  it('watch Lambda errors, throttles, p99, API 5xx, DynamoDB throttles, faults, error rates, reach lag', () => {
    // act
    const alarms = Object.values(synthesizeRegistry().template.findResources('AWS::CloudWatch::Alarm')).map(
      (alarm) => alarm.Properties,
    );

    // assess
    expect(alarms.map((alarm) => [...new Set(metricNamesOf(alarm))].sort()).sort()).toEqual([
      ['AWS/ApiGateway/5xx'],
      ['AWS/DynamoDB/ThrottledRequests'],
      ['AWS/Lambda/Duration'],
      ['AWS/Lambda/Errors'],
      ['AWS/Lambda/IteratorAge'],
      ['AWS/Lambda/Throttles'],
      ['AWS/SQS/ApproximateNumberOfMessagesVisible'],
      ...Object.keys(ERROR_RATE_ALARMS).map(() => ['TeachingSchoolRegistry/Errors', 'TeachingSchoolRegistry/Requests']),
      ['TeachingSchoolRegistry/Faults'],
    ]);
    for (const alarm of alarms) {
      expect(alarm).toMatchObject({
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      });
    }
  });

  it('fire on any single fault, error or throttle, on error rates at their percentage, and on a slow p99', () => {
    // act
    const found = synthesizeRegistry().template.findResources('AWS::CloudWatch::Alarm');
    const alarms = Object.values(found).map((alarm) => alarm.Properties);

    // assess
    const thresholds = Object.fromEntries(alarms.map((alarm) => [alarm.AlarmDescription, alarm.Threshold]));
    const rateAlarms = alarms.filter((alarm) => alarm.AlarmDescription.includes('% or more of requests'));
    const countAlarms = alarms.filter(
      (alarm) => !rateAlarms.includes(alarm) && !['Duration', 'IteratorAge'].includes(alarm.MetricName),
    );
    expect(countAlarms.map((alarm) => alarm.Threshold)).toEqual([1, 1, 1, 1, 1, 1]);
    for (const [code, percent] of Object.entries(ERROR_RATE_ALARMS)) {
      const description = Object.keys(thresholds).find((text) => text.includes(` answered ${code} `));
      expect(thresholds[description!], code).toBe(percent);
    }
    const duration = alarms.find((alarm) => alarm.MetricName === 'Duration');
    expect(duration).toMatchObject({ ExtendedStatistic: 'p99', Threshold: DURATION_P99_ALARM_MS });
    const lag = alarms.find((alarm) => alarm.MetricName === 'IteratorAge');
    expect(lag).toMatchObject({ Statistic: 'Maximum', Threshold: ITERATOR_AGE_ALARM_MS });
  });

  it('notify one topic that accepts TLS publishers only', () => {
    // prepare
    const { template } = synthesizeRegistry();
    const topic = onlyResource(template, 'AWS::SNS::Topic').logicalId;

    // act
    const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm'));
    const policy = onlyResource(template, 'AWS::SNS::TopicPolicy').Properties;

    // assess
    for (const alarm of alarms) expect(alarm.Properties.AlarmActions).toEqual([{ Ref: topic }]);
    expect(policy.PolicyDocument.Statement).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });

  it('email the address given as alarmEmail', () => {
    // act
    const subscription = onlyResource(
      synthesizeRegistry({ alarmEmail: 'registry-ops@example.gov.uk' }).template,
      'AWS::SNS::Subscription',
    ).Properties;

    // assess
    expect(subscription).toMatchObject({ Protocol: 'email', Endpoint: 'registry-ops@example.gov.uk' });
  });
});
