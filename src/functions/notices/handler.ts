import { noticesRoutes as routes } from '../../shared/routes/notices';
import { http } from '../lib/http';
import * as files from './files';
import * as notices from './service';

/** HTTP adapters only: each parses, names its use case, and replies. Permission checks live in lib/policy. */
export const list = http(routes.listNotices, async ({ actor, query }) => {
  const { items, nextCursor } = await notices.listNotices(actor, query);
  return { items, nextCursor };
});
export const create = http(routes.createNotice, ({ actor, body, idempotencyKey, now }) =>
  notices.createDraft(actor, body, idempotencyKey, now),
);
export const get = http(routes.getNotice, ({ actor, params, query, now }) =>
  notices.openNotice(actor, params.noticeId, query.villageId, now),
);
export const updateDraft = http(routes.updateDraft, ({ actor, params, body, now }) =>
  notices.updateDraft(actor, params.noticeId, body, now),
);
export const deleteDraft = http(routes.deleteDraft, ({ actor, params, now }) =>
  notices.deleteDraft(actor, params.noticeId, now),
);
export const publish = http(routes.publishNotice, ({ actor, params, now }) =>
  notices.publish(actor, params.noticeId, now),
);
export const approve = http(routes.approveNotice, ({ actor, params, now }) =>
  notices.approve(actor, params.noticeId, now),
);
export const reject = http(routes.rejectNotice, ({ actor, params, body, now }) =>
  notices.reject(actor, params.noticeId, body.reason, now),
);
export const signOff = http(routes.signOffNotice, ({ actor, params, now }) =>
  notices.signOff(actor, params.noticeId, now),
);
export const returnToDraft = http(routes.returnNotice, ({ actor, params, body, now }) =>
  notices.returnToDraft(actor, params.noticeId, body.reason, now),
);
export const correct = http(routes.correctNotice, ({ actor, params, body, now }) =>
  notices.correct(actor, params.noticeId, body, now),
);
export const withdraw = http(routes.withdrawNotice, ({ actor, params, body, now }) =>
  notices.withdraw(actor, params.noticeId, body.reason, now),
);
export const versions = http(routes.listVersions, ({ actor, params, query, now }) =>
  notices.listVersions(actor, params.noticeId, query.villageId, now),
);
export const version = http(routes.getVersion, ({ actor, params, query, now }) =>
  notices.getVersion(actor, params.noticeId, params.version, query.villageId, now),
);
export const requestFileUpload = http(routes.requestNoticeFileUpload, ({ actor, body, now }) =>
  files.requestFileUpload(actor, body, now),
);
export const readers = http(routes.listReaders, ({ actor, params, query }) =>
  notices.listReaders(actor, params.noticeId, query.cursor, query.villageId),
);
export const questions = http(routes.listQuestions, ({ actor, params, query }) =>
  notices.listQuestions(actor, params.noticeId, query.villageId),
);
export const ask = http(routes.askQuestion, ({ actor, params, body, idempotencyKey, now }) =>
  notices.ask(actor, params.noticeId, body.text, idempotencyKey, now),
);
export const answer = http(routes.answerQuestion, ({ actor, params, body, now }) =>
  notices.answer(actor, params.noticeId, params.questionId, body.text, now),
);
export const openQuestions = http(routes.openQuestions, ({ actor, query }) =>
  notices.openQuestions(actor, query.villageId),
);
export const calendar = http(routes.disclosureCalendar, ({ actor, query, now }) =>
  notices.calendar(actor, query.villageId, now),
);
export const rate = http(routes.rateNotice, ({ actor, params, body }) => notices.rate(actor, params.noticeId, body));
export const myRating = http(routes.myNoticeRating, ({ actor, params }) => notices.myRating(actor, params.noticeId));
export const ratings = http(routes.noticeRatings, ({ actor, params, query }) =>
  notices.ratings(actor, params.noticeId, query.villageId),
);
