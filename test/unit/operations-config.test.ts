// biome-ignore-all lint/suspicious/noTemplateCurlyInString: serverless.yml's own ${…} variables, compared as written
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { httpRoutes, root } from '../../scripts/local/serverless-config';

/**
 * What `serverless package` turns into the stack (docs/operations.md): secrets only
 * by their SSM parameter names, alarms that tell the operator's topic, throttling on
 * every route and tighter on the writes. Packaging takes a minute, so this reads the
 * file it is made from; .ci/run checks the packaged template for secret values too.
 */
const config = parse(readFileSync(join(root, 'serverless.yml'), 'utf8'));
const resources: Record<string, { Type: string; Condition?: string; Properties: any }> = config.resources.Resources;
const SECRETS = ['SESSION_SECRET', 'ROSTER_KEY', 'IDENTITY_KEY', 'WECHAT_APP_SECRET'];

it('gives the functions the names of the secrets in SSM, never a secret itself', () => {
  const environments = [
    config.provider.environment,
    ...Object.values(config.functions as Record<string, { environment?: object }>).map((f) => f.environment ?? {}),
  ];
  for (const environment of environments)
    for (const name of SECRETS) expect(Object.keys(environment)).not.toContain(name);
  for (const name of SECRETS) expect(config.provider.environment[`${name}_PARAMETER`]).toMatch(/^\$\{self:custom/);
  expect(Object.values(config.custom.secretParameters)).toEqual([
    '/${self:service}/${sls:stage}/session-secret',
    '/${self:service}/${sls:stage}/roster-key',
    '/${self:service}/${sls:stage}/identity-key',
    '/${self:service}/${sls:stage}/wechat-app-secret',
  ]);
  expect(JSON.stringify(config.provider)).not.toMatch(
    /\$\{env:(SESSION_SECRET|ROSTER_KEY|IDENTITY_KEY|WECHAT_APP_SECRET)/,
  );
  const statements = config.provider.iam.role.statements as { Action: string[]; Resource: unknown }[];
  const ssm = statements.find((s) => s.Action.includes('ssm:GetParameters'));
  expect(ssm?.Action).toEqual(['ssm:GetParameter', 'ssm:GetParameters']);
  expect(JSON.stringify(ssm?.Resource)).toContain(':parameter/${self:service}/${sls:stage}/*');
  expect(statements.some((s) => s.Action.includes('kms:Decrypt'))).toBe(true);
});

it('alarms on failing and throttled functions, the API’s 5xx rate, dead letters and table throttling, telling the topic', () => {
  const alarms = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm');
  const watched = alarms.map(([, r]) => {
    const metrics = r.Properties.Metrics
      ? r.Properties.Metrics.filter((m: any) => m.MetricStat).map((m: any) => m.MetricStat.Metric.MetricName)
      : [r.Properties.MetricName];
    return metrics.join('+');
  });
  expect(watched.sort()).toEqual(
    [
      'Errors',
      'Throttles',
      '5xx+Count',
      'ApproximateNumberOfMessagesVisible',
      'ReadThrottleEvents+WriteThrottleEvents',
    ].sort(),
  );
  for (const [, alarm] of alarms) {
    expect(alarm.Properties.AlarmActions).toEqual([{ Ref: 'AlarmTopic' }]);
    expect(alarm.Properties.AlarmDescription).toMatch(/docs\/operations\.md#/);
  }
  expect(resources.AlarmTopic.Type).toBe('AWS::SNS::Topic');
  expect(resources.AlarmEmailSubscription.Properties.Endpoint).toBe('${param:alarmEmail}');
  expect(resources.AlarmEmailSubscription.Condition).toBe('AlarmEmailGiven');
});

it('throttles every route, and the writes a script could flood more tightly, on routes that exist', () => {
  const stage = config.resources.extensions.HttpApiStage.Properties;
  expect(stage.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
  const routes = new Set(httpRoutes().map((r) => `${r.method} ${r.path}`));
  const tighter = Object.entries(stage.RouteSettings as Record<string, { ThrottlingRateLimit: number }>);
  expect(tighter.map(([key]) => key)).toEqual(
    expect.arrayContaining(['POST /cases', 'POST /notices/{noticeId}/questions']),
  );
  for (const [key, limits] of tighter) {
    expect(routes).toContain(key);
    expect(key).toMatch(/^(POST|PUT|DELETE) /);
    expect(limits.ThrottlingRateLimit).toBeLessThan(stage.DefaultRouteSettings.ThrottlingRateLimit);
  }
});
