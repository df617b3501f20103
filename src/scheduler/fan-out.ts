/**
 * Runs `work` over items with at most `concurrency` at a time per lane. Lanes (one per platform) run side by side,
 * so one platform's rate limit or outage never slows the other's deliveries.
 */
export async function fanOut<T>(items: readonly T[], laneOf: (item: T) => string, concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  const lanes = new Map<string, T[]>();
  for (const item of items) {
    const lane = lanes.get(laneOf(item));
    if (lane) lane.push(item);
    else lanes.set(laneOf(item), [item]);
  }
  await Promise.all([...lanes.values()].map((queue) => drain(queue, concurrency, work)));
}

async function drain<T>(queue: readonly T[], concurrency: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < queue.length) await work(queue[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, queue.length)) }, worker));
}
