export default async function globalTeardown() {
  (globalThis as { __dynamo__?: { stop(): void } }).__dynamo__?.stop();
}
