import { describe, expect, it } from 'vitest';
import { onlyResource, synthesizeRegistry } from './registry-app.js';

/** The dashboard's widgets, with the CloudFormation tokens in its body left as placeholders. */
function dashboardWidgets(): Array<{ type: string; properties: Record<string, any> }> {
  const body = onlyResource(synthesizeRegistry().template, 'AWS::CloudWatch::Dashboard').Properties.DashboardBody[
    'Fn::Join'
  ][1];
  const text = body.map((part: unknown) => (typeof part === 'string' ? part : 'TOKEN')).join('');
  return JSON.parse(text).widgets;
}

describe('the dashboard', () => {
  it('shows alarms, requests, errors by code, faults, duration, DynamoDB use, cold starts, logged faults', () => {
    // act
    const widgets = dashboardWidgets();

    // assess
    expect(widgets.map((widget) => widget.properties.title)).toEqual([
      'Alarms',
      'Requests',
      'Errors by code',
      'Masked faults and handler errors',
      'Duration (ms)',
      'DynamoDB requests per GraphQL request',
      'DynamoDB capacity and throttles',
      'Cold starts and throttles',
      "Latest masked faults (find a caller's requestId here)",
    ]);
    const alarms = synthesizeRegistry().template.findResources('AWS::CloudWatch::Alarm');
    expect(widgets[0]!.properties.alarms).toHaveLength(Object.keys(alarms).length);
    const duration = widgets.find((widget) => widget.properties.title === 'Duration (ms)')!;
    expect(duration.properties.metrics.map((metric: unknown[]) => (metric.at(-1) as { stat: string }).stat)).toEqual([
      'p50',
      'p99',
    ]);
    const errors = widgets.find((widget) => widget.properties.title === 'Errors by code')!;
    expect(JSON.stringify(errors.properties.metrics)).toContain(
      'SEARCH(\'{TeachingSchoolRegistry,ErrorCode,service} MetricName=\\"Errors\\"\'',
    );
    expect(widgets.at(-1)!.properties.query).toContain('filter level = "ERROR"');
  });
});
