type Client = typeof import('../../src/functions/lib/db')['dynamo'];

/** What DynamoDB work a measured request caused: its calls by command and the read capacity they consumed. */
export interface Cost {
  calls: number;
  rcu: number;
  byCommand: Map<string, number>;
}
const nothing = (): Cost => ({ calls: 0, rcu: 0, byCommand: new Map() });

/**
 * Counts every call the client makes from the last `reset()`, asking DynamoDB for the capacity each consumed:
 * how the bench scripts measure one request's reads.
 */
export function countCalls(client: Client) {
  let cost = nothing();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      (args.input as { ReturnConsumedCapacity?: string }).ReturnConsumedCapacity = 'TOTAL';
      const name = String(context.commandName).replace(/Command$/, '');
      cost.calls++;
      cost.byCommand.set(name, (cost.byCommand.get(name) ?? 0) + 1);
      const out = await next(args);
      const used = (out.output as { ConsumedCapacity?: { CapacityUnits?: number } | { CapacityUnits?: number }[] })
        .ConsumedCapacity;
      for (const c of [used ?? []].flat()) cost.rcu += c.CapacityUnits ?? 0;
      return out;
    },
    { step: 'initialize', name: 'countReads' },
  );
  return {
    reset: () => {
      cost = nothing();
    },
    /** The cost since the last reset, apart from later calls. */
    taken: (): Cost => ({ ...cost, byCommand: new Map(cost.byCommand) }),
  };
}

/** "1 GetItem, 2 Query" */
export const commandsOf = (c: Cost) => [...c.byCommand].map(([k, n]) => `${n} ${k}`).join(', ');
