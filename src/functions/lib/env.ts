import { secret } from './secrets';

/** Deployment settings, read once. Nothing here is per-village (those are VillageSettings); secrets are in lib/secrets.ts. */
export const env = {
  stage: process.env.STAGE ?? 'local',
  /**
   * Read when asked, not at load: a test file with a table of its own (and a maintenance
   * script such as the roster-key rotation, which re-seals every item of it) must not
   * reach the table it was loaded beside.
   */
  get tableName() {
    return process.env.TABLE_NAME ?? 'village-hall-local';
  },
  dynamoEndpoint: process.env.DYNAMODB_ENDPOINT || undefined,
  sessionHours: Number(process.env.SESSION_HOURS ?? 12),
  /** How long a face-to-face invite code stays valid. */
  inviteHours: Number(process.env.INVITE_HOURS ?? 72),
  /** How long an instance answers reads with the caller's roster item it read before (lib/callers.ts); 0: never. */
  get callerCacheSeconds() {
    return Number(process.env.CALLER_CACHE_SECONDS ?? 5);
  },
};

/** WeChat's code2Session endpoint and the mini-program's credentials; read per call so the local stack can point them at its fake. */
export const wechatConfig = () => ({
  apiBase: process.env.WECHAT_API_BASE || 'https://api.weixin.qq.com',
  appId: process.env.WECHAT_APP_ID ?? '',
  appSecret: secret('wechatAppSecret'),
});

/**
 * Where photos live: the S3 bucket, and on the local stack the endpoint of its
 * stand-in (scripts/local/photo-store.ts). Read per call so the local stack can point them at it.
 */
export const photoConfig = () => ({
  photoBucket: process.env.PHOTO_BUCKET ?? '',
  s3Endpoint: process.env.S3_ENDPOINT || undefined,
});

/** The demo sign-in exists on the local stage only. */
export const isLocalStage = () => env.stage === 'local';
