// Starts DynamoDB Local, prints its Java pid, then waits to be killed (or exits when told "exit" on stdin).
import { startDynamoDbLocal } from '../../src/entry/dynamodb-local.js';

const dynamo = await startDynamoDbLocal();
process.stdout.write(`${JSON.stringify({ pid: dynamo.pid })}\n`);
process.stdin.on('data', (data) => {
  if (data.toString().trim() === 'exit') process.exit(0);
});
