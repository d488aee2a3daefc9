import { describe, expect, it } from 'vitest';
import { synthesizeRegistry } from './registry-app.js';

describe('the registry stack', () => {
  it('outputs what clients and operators need: URLs, GraphiQL in dev, user pool, clients, table, alarms', () => {
    // act
    const outputs = synthesizeRegistry().template.toJSON().Outputs;

    // assess
    expect(Object.keys(outputs).sort()).toEqual([
      'AlarmTopicArn',
      'ApiUrl',
      'AuthBaseUrl',
      'DashboardName',
      'GraphiqlUrl',
      'PartnerClientIds',
      'Region',
      'StaffClientId',
      'StaffWorkspaceBucket',
      'StaffWorkspaceDistributionId',
      'StaffWorkspaceUrl',
      'TableName',
      'UserPoolId',
    ]);
    const apiUrlParts: unknown[] = outputs.ApiUrl.Value['Fn::Join'][1];
    expect(apiUrlParts.at(-1)).toBe('/graphql');
    expect(outputs.Region.Value).toEqual({ Ref: 'AWS::Region' });
    expect(outputs.PartnerClientIds.Value['Fn::Join'][1][0]).toBe('example-partner=');
  });
});
