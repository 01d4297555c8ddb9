/** Deployment settings, read once. Nothing here is per-village (those are VillageSettings). */
export const env = {
  stage: process.env.STAGE ?? 'local',
  tableName: process.env.TABLE_NAME ?? 'village-hall-local',
  dynamoEndpoint: process.env.DYNAMODB_ENDPOINT || undefined,
  sessionSecret: process.env.SESSION_SECRET ?? '',
  sessionHours: Number(process.env.SESSION_HOURS ?? 12),
};

/** The demo sign-in exists on the local stage only. */
export const isLocalStage = () => env.stage === 'local';
