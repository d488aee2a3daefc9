// The bare baseline for a cold start: a Lambda handler that makes a DynamoDB client and does one GetItem,
// bundled as the real one is. The registry's cold start is measured against it.
import { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';

const client = new DynamoDBClient({});

export const handler = async (event: { urn: string }) => {
  const result = await client.send(
    new GetItemCommand({
      TableName: process.env.TABLE_NAME,
      Key: { pk: { S: `SCHOOL#${event.urn}` }, sk: { S: 'SCHOOL' } },
    }),
  );
  return { statusCode: 200, body: JSON.stringify({ name: result.Item?.name?.S }) };
};
