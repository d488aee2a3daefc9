import { describe, expect, it } from 'vitest';
import { onlyResource, synthesizeRegistry } from './registry-app.js';

/** `Namespace/MetricName` of each metric an alarm watches, directly or through a metric math expression. */
function metricNamesOf(alarm: Record<string, any>): string[] {
  if (alarm.MetricName) return [`${alarm.Namespace}/${alarm.MetricName}`];
  const metrics = alarm.Metrics.filter((entry: any) => entry.MetricStat).map((entry: any) => entry.MetricStat.Metric);
  return metrics.map((metric: any) => `${metric.Namespace}/${metric.MetricName}`);
}

describe('the alarms', () => {
  it('watch Lambda errors and throttles, API 5xx and DynamoDB throttled requests', () => {
    // act
    const alarms = Object.values(synthesizeRegistry().template.findResources('AWS::CloudWatch::Alarm')).map((alarm) => alarm.Properties);

    // assess
    expect(alarms.map((alarm) => [...new Set(metricNamesOf(alarm))]).sort()).toEqual([
      ['AWS/ApiGateway/5xx'],
      ['AWS/DynamoDB/ThrottledRequests'],
      ['AWS/Lambda/Errors'],
      ['AWS/Lambda/Throttles'],
    ]);
    for (const alarm of alarms) expect(alarm).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
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
    const subscription = onlyResource(synthesizeRegistry({ alarmEmail: 'registry-ops@example.gov.uk' }).template, 'AWS::SNS::Subscription').Properties;

    // assess
    expect(subscription).toMatchObject({ Protocol: 'email', Endpoint: 'registry-ops@example.gov.uk' });
  });
});
