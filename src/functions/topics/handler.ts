import { topicsRoutes as routes } from '../../shared/routes/topics';
import { systemClock } from '../lib/clock';
import { http } from '../lib/http';
import { job } from '../lib/job';
import { logger } from '../lib/log';
import * as topics from './service';

export const list = http(routes.listTopics, ({ actor, query }) => topics.listTopics(actor, query.villageId));
export const create = http(routes.createTopic, ({ actor, body, idempotencyKey, now }) =>
  topics.createTopic(actor, body, idempotencyKey, now),
);
export const get = http(routes.getTopic, ({ actor, params, query, now }) =>
  topics.openTopic(actor, params.topicId, query.villageId, now),
);
export const open = http(routes.openVoting, ({ actor, params, now }) => topics.openVoting(actor, params.topicId, now));
export const cast = http(routes.castBallot, ({ actor, params, body, idempotencyKey, now }) =>
  topics.castBallot(actor, params.topicId, body.choices, idempotencyKey, now),
);
export const record = http(routes.recordBallot, ({ actor, params, body, now }) =>
  topics.recordBallot(actor, params.topicId, body, now),
);
export const register = http(routes.ballotRegister, ({ actor, params }) =>
  topics.ballotRegister(actor, params.topicId),
);
export const mark = http(routes.markVoters, ({ actor, params, body, now }) =>
  topics.markVoters(actor, params.topicId, body, now),
);
export const enterBallots = http(routes.enterBallots, ({ actor, params, body, idempotencyKey, now }) =>
  topics.enterBallots(actor, params.topicId, body, idempotencyKey, now),
);
export const receipt = http(routes.checkReceipt, ({ actor, params }) =>
  topics.checkReceipt(actor, params.topicId, params.receipt),
);
export const turnout = http(routes.turnout, ({ actor, params, query }) =>
  topics.turnout(actor, params.topicId, query.villageId, query.cursor),
);
export const close = http(routes.closeVoting, ({ actor, params, body, now }) =>
  topics.closeVoting(actor, params.topicId, body.reason, now),
);

export const stage = http(routes.recordStage, ({ actor, params, body, now }) =>
  topics.recordStage(actor, params.topicId, body, now),
);
export const comments = http(routes.listComments, ({ actor, params, query }) =>
  topics.listComments(actor, params.topicId, query.villageId),
);
export const comment = http(routes.postComment, ({ actor, params, body, idempotencyKey, now }) =>
  topics.postComment(actor, params.topicId, body.text, idempotencyKey, now),
);
export const hideComment = http(routes.hideComment, ({ actor, params, body, now }) =>
  topics.hideComment(actor, params.topicId, params.commentId, body.reason, now),
);

/** Scheduled (serverless.yml): closes every topic whose voting window has passed and publishes its result. */
export const closeDue = job(async () => {
  const closed = await topics.closeDue(systemClock.now());
  if (closed) logger.info('topics closed', { closed });
  return { closed };
});
