import { TransactionCanceledException, type DynamoDBClient } from '@aws-sdk/client-dynamodb';

export type Fault = 'throttle' | 'conflict';

/** An error shaped as DynamoDB's throttling answer, which the SDK's retry strategy treats as retryable. */
function throttling(): Error {
  return Object.assign(new Error('Rate of requests exceeds the allowed throughput.'), {
    name: 'ThrottlingException',
    $fault: 'client',
    $metadata: { httpStatusCode: 400 },
  });
}

function conflict(): Error {
  return new TransactionCanceledException({
    message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]',
    $metadata: { httpStatusCode: 400 },
    CancellationReasons: [{ Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' }],
  });
}

/**
 * Makes chosen DynamoDB requests fail before they reach DynamoDB Local. `insideRetries` puts the fault
 * where the SDK retries it (as real throttling is); otherwise the fault reaches the registry's code as if
 * the SDK's retries had run out.
 */
export function injectFaults(
  client: DynamoDBClient,
  decide: (operation: string) => Fault | null,
  options: { insideRetries?: boolean } = {},
): () => void {
  const name = `faultInjector${Math.random()}`;
  const middleware =
    <Input extends object, Output extends object>(
      next: (args: Input) => Promise<Output>,
      context: { commandName?: string },
    ) =>
    async (args: Input) => {
      const fault = decide(String(context.commandName ?? '').replace(/Command$/, ''));
      if (fault === 'throttle') throw throttling();
      if (fault === 'conflict') throw conflict();
      return next(args);
    };
  if (options.insideRetries)
    client.middlewareStack.add(middleware as never, { step: 'finalizeRequest', priority: 'low', name });
  else client.middlewareStack.add(middleware as never, { step: 'initialize', priority: 'low', name });
  return () => client.middlewareStack.remove(name);
}
