import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { root } from '../../scripts/local/serverless-config';

/**
 * Production serves the H5 app from CloudFront (serverless.yml): packed, from a
 * private bucket, with the API on the same origin under /api. The routing function
 * runs on CloudFront; here it runs on the same requests a phone would send.
 */
type Resource = { Type: string; Properties: any };
const resources: Record<string, Resource> = parse(readFileSync(join(root, 'serverless.yml'), 'utf8')).resources
  .Resources;
const distribution = resources.WebDistribution.Properties.DistributionConfig;
const route = new Function(`${resources.WebRouting.Properties.FunctionCode}; return handler;`)() as (event: {
  request: { uri: string };
}) => { uri: string };
const uriFor = (uri: string) => route({ request: { uri } }).uri;

it('sends /api/… to the API without the prefix, and the app’s files as they are', () => {
  expect(uriFor('/api/notices')).toBe('/notices');
  expect(uriFor('/api/notices/01JD0000000000000000000000/questions')).toBe(
    '/notices/01JD0000000000000000000000/questions',
  );
  expect(uriFor('/js/app.3f2a9c1b.js')).toBe('/js/app.3f2a9c1b.js');
  expect(uriFor('/chunk/9855.0c1d2e3f.js')).toBe('/chunk/9855.0c1d2e3f.js');
});

it('answers the app’s own paths (a shared link, the root) with its page', () => {
  expect(uriFor('/')).toBe('/index.html');
  expect(uriFor('/pages/notices/detail/index')).toBe('/index.html');
  expect(uriFor('/apiary')).toBe('/index.html');
});

it('packs what it serves, over HTTPS only, from a bucket nobody else can read', () => {
  expect(distribution.DefaultCacheBehavior.Compress).toBe(true);
  expect(distribution.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  const api = distribution.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
  expect(api.TargetOriginId).toBe('api');
  expect(api.AllowedMethods).toEqual(expect.arrayContaining(['POST', 'PUT', 'DELETE']));
  expect(Object.values(resources.WebBucket.Properties.PublicAccessBlockConfiguration)).toEqual([
    true,
    true,
    true,
    true,
  ]);
  const [grant] = resources.WebBucketPolicy.Properties.PolicyDocument.Statement;
  expect(grant.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
  expect(grant.Action).toBe('s3:GetObject');
});
