import { describe, expect, it } from 'vitest';
import { createTableInput, TIME_TO_LIVE_ATTRIBUTE } from '../../src/store/table-definition.js';
import { onlyResource, synthesizeRegistry } from './registry-app.js';

describe('the registry table', () => {
  it('has the key schema and indexes the code creates its local tables with', () => {
    // prepare
    const expected = createTableInput('any');

    // act
    const table = onlyResource(synthesizeRegistry().template, 'AWS::DynamoDB::Table').Properties;

    // assess
    expect(table.KeySchema).toEqual(expected.KeySchema);
    expect(table.AttributeDefinitions).toEqual(expect.arrayContaining(expected.AttributeDefinitions!));
    expect(table.AttributeDefinitions).toHaveLength(expected.AttributeDefinitions!.length);
    expect(table.GlobalSecondaryIndexes).toEqual(expected.GlobalSecondaryIndexes);
  });

  it('bills on demand, keeps point-in-time recovery and is encrypted with the AWS-managed key', () => {
    // act
    const table = onlyResource(synthesizeRegistry().template, 'AWS::DynamoDB::Table').Properties;

    // assess
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.SSESpecification).toEqual({ SSEEnabled: true });
  });

  it('expires items on the attribute the code sets on them (idempotency keys)', () => {
    // act
    const table = onlyResource(synthesizeRegistry().template, 'AWS::DynamoDB::Table').Properties;

    // assess
    expect(table.TimeToLiveSpecification).toEqual({ AttributeName: TIME_TO_LIVE_ATTRIBUTE, Enabled: true });
  });

  it('in prod, is protected from deletion and retained when the stack goes', () => {
    // act
    const table = onlyResource(synthesizeRegistry({ stage: 'prod' }).template, 'AWS::DynamoDB::Table');

    // assess
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
  });

  it('in dev, goes with the stack', () => {
    // act
    const table = onlyResource(synthesizeRegistry({ stage: 'dev' }).template, 'AWS::DynamoDB::Table');

    // assess
    expect(table.Properties.DeletionProtectionEnabled).toBe(false);
    expect(table.DeletionPolicy).toBe('Delete');
  });
});
