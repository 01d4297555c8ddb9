import { routes } from '../../shared/api';
import { env } from '../lib/env';
import { http } from '../lib/http';

export const check = http(routes.health, async () => ({ ok: true as const, stage: env.stage }));
