import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { designate } from '../../src/domain/designation.js';
import type { IsoDate } from '../../src/domain/dates.js';
import { runImport } from '../../src/import/run-import.js';
import { commitSchoolChanges } from '../../src/store/change-set.js';
import { keys } from '../../src/store/keys.js';
import { readReachAreas } from '../../src/store/reach-areas.js';
import { getSchoolsByUrn } from '../../src/store/schools.js';
import type { Store } from '../../src/store/store.js';
import { GIAS_HEADER, giasRow, writeCsv } from '../support/fixtures.js';
import { runAsset, synthesizeLambdaAsset, type AssetRun, type LambdaAsset } from '../support/lambda-asset.js';
import { emptyStore } from '../support/store.js';

// The reach projector's artifact, as `cdk deploy` uploads it, run as Lambda runs it on a DynamoDB Streams event.

let asset: LambdaAsset;
let store: Store;
let run: AssetRun;
let replay: AssetRun;

async function rawSchoolItem(urn: string): Promise<Record<string, unknown>> {
  const result = await store.doc.send(
    new GetCommand({ TableName: store.tableName, Key: keys.school(urn), ConsistentRead: true }),
  );
  return result.Item!;
}

beforeAll(async () => {
  // prepare: three schools 0, 3 and 30 km apart, none a teaching school, loaded fresh
  asset = synthesizeLambdaAsset('ReachProjector');
  ({ store } = await emptyStore());
  const row = (urn: string, easting: number) =>
    giasRow({ URN: urn, EstablishmentNumber: urn.slice(2), Easting: String(easting) });
  await runImport(store, {
    establishments: writeCsv(GIAS_HEADER, [row('900001', 530_000), row('900002', 533_000), row('900003', 560_000)]),
  });
  const before = await rawSchoolItem('900001');
  const [school] = await getSchoolsByUrn(store, ['900001']);
  await commitSchoolChanges(store, [
    { before: school!, after: designate(school!, { cohort: 1, designatedOn: null }, '2018-01-01' as IsoDate) },
  ]);
  const after = await rawSchoolItem('900001');
  const event: DynamoDBStreamEvent = {
    Records: [
      {
        eventID: randomUUID(),
        eventName: 'MODIFY',
        eventSource: 'aws:dynamodb',
        awsRegion: 'eu-west-2',
        dynamodb: {
          Keys: marshall(keys.school('900001')) as never,
          OldImage: marshall(before, { removeUndefinedValues: true }) as never,
          NewImage: marshall(after, { removeUndefinedValues: true }) as never,
          ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
          SequenceNumber: '100000000000000000001',
          StreamViewType: 'NEW_AND_OLD_IMAGES',
        },
      },
    ],
  };

  // act: the record, then the same record again (Lambda retries a batch it is not sure of)
  const invocation = { requestId: randomUUID(), event };
  run = await runAsset(asset, {
    tableName: store.tableName,
    endpoint: inject('dynamoEndpoint'),
    invocations: [invocation],
  });
  replay = await runAsset(asset, {
    tableName: store.tableName,
    endpoint: inject('dynamoEndpoint'),
    invocations: [invocation],
  });
}, 300_000);
afterAll(() => asset?.remove());

describe('the reach projector as deployed', () => {
  it('brings the new teaching school and its neighbours up to date from a stream record', async () => {
    // act
    const { areas } = await readReachAreas(store, ['201'], { consistent: true });

    // assess
    const nearest = Object.fromEntries(areas[0]!.schools.map((school) => [school.urn, school.nearest]));
    expect(nearest).toEqual({
      '900001': { urn: '900001', metres: 0 },
      '900002': { urn: '900001', metres: 3000 },
      '900003': { urn: '900001', metres: 30_000 },
    });
  });

  it('logs what it did as JSON, and writes nothing when the record comes again', () => {
    // assess
    const logged = (asset: AssetRun) =>
      asset.lines.find((line) => typeof line === 'object' && line.message === 'Reach projected');
    expect(logged(run)).toMatchObject({ level: 'INFO', schoolChanges: 1, areasWritten: 1, schoolsChanged: 3 });
    expect(logged(replay)).toMatchObject({ schoolChanges: 1, areasWritten: 0, schoolsChanged: 0 });
  });
});
