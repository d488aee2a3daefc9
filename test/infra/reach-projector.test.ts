import { describe, expect, it } from 'vitest';
import { onlyResource, synthesizeRegistry } from './registry-app.js';

describe('the reach projector', () => {
  it("reads the table's stream of school changes, new and old images, retrying and splitting failed batches", () => {
    // act
    const { template } = synthesizeRegistry();

    // assess
    const table = onlyResource(template, 'AWS::DynamoDB::Table').Properties;
    expect(table.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
    const mapping = onlyResource(template, 'AWS::Lambda::EventSourceMapping').Properties;
    expect(mapping).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 100,
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 5,
      FilterCriteria: { Filters: [{ Pattern: JSON.stringify({ dynamodb: { Keys: { sk: { S: ['SCHOOL'] } } } }) }] },
    });
    const queue = onlyResource(template, 'AWS::SQS::Queue', 'ReachProjector').logicalId;
    expect(mapping.DestinationConfig.OnFailure.Destination).toEqual({ 'Fn::GetAtt': [queue, 'Arn'] });
  });

  it('runs the projector entry point with its own role, which may not change schools', () => {
    // act
    const { template } = synthesizeRegistry();

    // assess
    const fn = onlyResource(template, 'AWS::Lambda::Function', 'ReachProjector').Properties;
    expect(fn.Environment.Variables.TABLE_NAME).toBeDefined();
    const role = onlyResource(template, 'AWS::IAM::Role', 'ReachProjector').Properties;
    const actions = role.Policies.flatMap((policy: any) => policy.PolicyDocument.Statement).flatMap(
      (statement: any) => statement.Action,
    );
    expect(actions).toContain('dynamodb:GetRecords');
    expect(actions).not.toContain('dynamodb:UpdateItem');
    expect(actions).not.toContain('dynamodb:DeleteItem');
  });
});
