import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';

/** The demo sign-in exists only on the local stage: a deployed stage refuses it. */
describe('demo sign-in outside the local stage', () => {
  const event = (body: unknown) =>
    ({
      version: '2.0',
      routeKey: 'POST /auth/demo-sign-in',
      rawPath: '/auth/demo-sign-in',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      isBase64Encoded: false,
      requestContext: { http: { method: 'POST' } },
    }) as unknown as APIGatewayProxyEventV2;

  it.each(['dev', 'prod'])('is refused on stage %s', async (stage) => {
    const saved = process.env.STAGE;
    process.env.STAGE = stage;
    try {
      await jest.isolateModulesAsync(async () => {
        const { demoSignIn, demoPeople } = await import('../../src/functions/auth/handler');
        const ctx = { awsRequestId: 'test' } as Context;
        const signIn = await demoSignIn(event({ tenantId: 'demo-V1', personId: 'demo-V1-P0001' }), ctx);
        expect(signIn.statusCode).toBe(403);
        expect(JSON.parse(signIn.body ?? '').error.message).toBe('演示登录只在本地环境可用');
        const people = await demoPeople({ ...event({}), routeKey: 'GET /auth/demo-people' }, ctx);
        expect(people.statusCode).toBe(403);
      });
    } finally {
      process.env.STAGE = saved;
    }
  });
});
