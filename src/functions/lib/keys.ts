/**
 * Every DynamoDB key of the single table is built here (docs/data-model.md lists
 * the access patterns). Each partition key starts with the tenant: a village or
 * a township id (one id space), taken from the session, never from a request body.
 * Each key is its own export, read as `keys.person(...)` through a namespace import:
 * a function's bundle then keeps only the keys its code names.
 */
const tenant = (tenantId: string) => `TN#${tenantId}`;
const noticePartition = (villageId: string, noticeId: string) => `${tenant(villageId)}#N#${noticeId}`;
const pad = (n: number) => String(n).padStart(5, '0');

/** Public = published or withdrawn; the other groups are staff work lists. */
export type NoticeListGroup = 'public' | 'draft' | 'pending_review' | 'pending_signoff';

export const HELD_SHARDS = 16;
/** A stable shard of an inbox (a string hash; nothing secret in it). */
const heldShardOf = (ownerPk: string) =>
  String([...ownerPk].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) >>> 0, 0) % HELD_SHARDS).padStart(2, '0');

export const townships = () => ({ pk: 'TOWNSHIPS' });
export const townshipEntry = (townshipId: string) => ({ pk: 'TOWNSHIPS', sk: `T#${townshipId}` });
export const township = (townshipId: string) => ({ pk: tenant(townshipId), sk: 'TOWNSHIP' });
export const townshipVillage = (townshipId: string, villageId: string) => ({
  pk: tenant(townshipId),
  sk: `VILLAGE#${villageId}`,
});
export const townshipVillagePrefix = (townshipId: string) => ({ pk: tenant(townshipId), skPrefix: 'VILLAGE#' });
/** Each village's summary for the township's table (township/summary.ts), all in the township's partition: one Query. */
export const villageSummary = (townshipId: string, villageId: string) => ({
  pk: tenant(townshipId),
  sk: `SUMMARY#${villageId}`,
});
export const villageSummaryPrefix = (townshipId: string) => ({ pk: tenant(townshipId), skPrefix: 'SUMMARY#' });
export const village = (villageId: string) => ({ pk: tenant(villageId), sk: 'VILLAGE' });
export const person = (tenantId: string, personId: string) => ({ pk: tenant(tenantId), sk: `PERSON#${personId}` });
export const personPrefix = (tenantId: string) => ({ pk: tenant(tenantId), skPrefix: 'PERSON#' });
/** The members of one household (户), on gsi1. */
export const householdIndex = (villageId: string, householdId: string, personId: string) => ({
  gsi1pk: `${tenant(villageId)}#HH#${householdId}`,
  gsi1sk: `PERSON#${personId}`,
});
export const householdPartition = (villageId: string, householdId: string) => ({
  index: 'gsi1',
  pk: `${tenant(villageId)}#HH#${householdId}`,
});
/** What a person spent of a write limit (lib/rate-limit.ts) in one window. */
export const writeAllowance = (villageId: string, personId: string, kind: string, windowStart: string) => ({
  pk: `${tenant(villageId)}#LIMIT#${personId}`,
  sk: `${kind}#${windowStart}`,
});
/** One marker per ID number (by fingerprint) in a village: the register never holds a person twice. */
export const idNumberMarker = (villageId: string, idHash: string) => ({ pk: `${tenant(villageId)}#IDNO`, sk: idHash });
/** People of a village by name, on gsi2: how a binding claim finds its candidates. */
export const personNameIndex = (villageId: string, name: string, personId: string) => ({
  gsi2pk: `${tenant(villageId)}#NAME#${name}`,
  gsi2sk: `PERSON#${personId}`,
});
export const personNamePartition = (villageId: string, name: string) => ({
  index: 'gsi2',
  pk: `${tenant(villageId)}#NAME#${name}`,
});
/**
 * Roster search entries (one item each, written with the person): `C#<character>` and `P#<pair>` of the
 * name, `HH#<household>`; each partition is one word's people in register order.
 */
export const personSearch = (villageId: string, word: string, personId: string) => ({
  pk: `${tenant(villageId)}#FIND#${word}`,
  sk: `PERSON#${personId}`,
});
export const personSearchPrefix = (villageId: string, word: string) => ({
  pk: `${tenant(villageId)}#FIND#${word}`,
  skPrefix: 'PERSON#',
});

/**
 * A WeChat account, before any tenancy: it exists before it claims a person.
 * Its id is a keyed fingerprint of the openid, so the openid itself is never stored.
 */
export const account = (accountId: string) => ({ pk: `ACCOUNT#${accountId}`, sk: 'ACCOUNT' });
/** A one-time invite code, looked up by the code alone (the redeemer has no village yet). */
export const invite = (code: string) => ({ pk: `INVITE#${code}`, sk: 'INVITE' });
/** A 扫码登录 ticket, looked up by the id in its QR code (the browser showing it has no session yet). */
export const qrTicket = (ticketId: string) => ({ pk: `QRTICKET#${ticketId}`, sk: 'QRTICKET' });
/** A browser session opened by 扫码登录, under its account: checked on each request, so deleting it ends it. */
export const accountSession = (accountId: string, sessionId: string) => ({
  pk: `ACCOUNT#${accountId}`,
  sk: `SESSION#${sessionId}`,
});
export const accountSessionPrefix = (accountId: string) => ({ pk: `ACCOUNT#${accountId}`, skPrefix: 'SESSION#' });
/** The privacy policy version the account agreed to, and when (its own item: a binding's transaction also updates the account). */
export const accountConsent = (accountId: string) => ({ pk: `ACCOUNT#${accountId}`, sk: 'CONSENT' });
/** A binding claim; pending ones on gsi1 (the committee's list), every one on gsi2 (its claimant's list). */
export const claim = (villageId: string, claimId: string) => ({
  pk: `${tenant(villageId)}#CLAIM#${claimId}`,
  sk: 'CLAIM',
});
export const pendingClaimIndex = (villageId: string, claimId: string) => ({
  gsi1pk: `${tenant(villageId)}#CLAIMS#pending`,
  gsi1sk: claimId,
});
export const pendingClaimPartition = (villageId: string) => ({
  index: 'gsi1',
  pk: `${tenant(villageId)}#CLAIMS#pending`,
});
export const accountClaimIndex = (accountId: string, claimId: string) => ({
  gsi2pk: `ACCOUNT#${accountId}#CLAIMS`,
  gsi2sk: claimId,
});
export const accountClaimPartition = (accountId: string) => ({ index: 'gsi2', pk: `ACCOUNT#${accountId}#CLAIMS` });

export const notice = (villageId: string, noticeId: string) => ({
  pk: noticePartition(villageId, noticeId),
  sk: 'HEAD',
});
export const noticeVersion = (villageId: string, noticeId: string, version: number) => ({
  pk: noticePartition(villageId, noticeId),
  sk: `VER#${pad(version)}`,
});
export const noticeVersionPrefix = (villageId: string, noticeId: string) => ({
  pk: noticePartition(villageId, noticeId),
  skPrefix: 'VER#',
});
export const noticeRead = (villageId: string, noticeId: string, personId: string) => ({
  pk: noticePartition(villageId, noticeId),
  sk: `READ#${personId}`,
});
export const noticeReadPrefix = (villageId: string, noticeId: string) => ({
  pk: noticePartition(villageId, noticeId),
  skPrefix: 'READ#',
});
export const noticeQuestion = (villageId: string, noticeId: string, questionId: string) => ({
  pk: noticePartition(villageId, noticeId),
  sk: `Q#${questionId}`,
});
export const noticeQuestionPrefix = (villageId: string, noticeId: string) => ({
  pk: noticePartition(villageId, noticeId),
  skPrefix: 'Q#',
});
/**
 * A resident's rating of a notice, keyed by a keyed fingerprint of (village, notice, person): the
 * server finds one's own again, a table reader can't tell whose it is. No person, no time in it.
 */
export const noticeRating = (villageId: string, noticeId: string, raterKey: string) => ({
  pk: noticePartition(villageId, noticeId),
  sk: `RATING#${raterKey}`,
});
export const noticeRatingPrefix = (villageId: string, noticeId: string) => ({
  pk: noticePartition(villageId, noticeId),
  skPrefix: 'RATING#',
});
/**
 * List indexes of a notice head: gsi1 = one category, gsi2 = all categories.
 * Sort key = the time that orders the list (publishedAt, or updatedAt for
 * drafts) + the id, so the newest come first with ScanIndexForward=false.
 */
export const noticeListIndex = (
  villageId: string,
  group: NoticeListGroup,
  category: string,
  sortAt: string,
  noticeId: string,
) => ({
  gsi1pk: `${tenant(villageId)}#NOTICES#${group}#${category}`,
  gsi1sk: `${sortAt}#${noticeId}`,
  gsi2pk: `${tenant(villageId)}#NOTICES#${group}`,
  gsi2sk: `${sortAt}#${noticeId}`,
});
/** A public notice's title search entries: one item per pair of neighbouring characters, sorted like the list. */
export const noticeWord = (villageId: string, pair: string, sortKey: string) => ({
  pk: `${tenant(villageId)}#NOTICES#public#W#${pair}`,
  sk: sortKey,
});
export const noticeListPartition = (villageId: string, group: NoticeListGroup, category?: string) =>
  category
    ? { index: 'gsi1', pkName: 'gsi1pk', skName: 'gsi1sk', pk: `${tenant(villageId)}#NOTICES#${group}#${category}` }
    : { index: 'gsi2', pkName: 'gsi2pk', skName: 'gsi2sk', pk: `${tenant(villageId)}#NOTICES#${group}` };

/** Unanswered questions of a village, oldest first: the committee's to-do list. Removed on answer. */
export const openQuestionIndex = (villageId: string, askedAt: string, questionId: string) => ({
  gsi1pk: `${tenant(villageId)}#QUESTIONS#open`,
  gsi1sk: `${askedAt}#${questionId}`,
});
export const openQuestionPartition = (villageId: string) => ({
  index: 'gsi1',
  pk: `${tenant(villageId)}#QUESTIONS#open`,
});
/** Every question a person asked, newest first: part of "my submissions" (我的). */
export const askerIndex = (villageId: string, personId: string, askedAt: string, questionId: string) => ({
  gsi2pk: `${tenant(villageId)}#ASKER#${personId}`,
  gsi2sk: `${askedAt}#${questionId}`,
});
export const askerPartition = (villageId: string, personId: string) => ({
  index: 'gsi2',
  pk: `${tenant(villageId)}#ASKER#${personId}`,
});

/**
 * A consultation topic's partition holds its head, its frozen electorate
 * (VOTER#), who took part (TOOK#), its ballots (BALLOT#, keyed by a hash of the receipt, never by the
 * voter) and its sharded tally counters (TALLY#).
 */
export const topic = (villageId: string, topicId: string) => ({ pk: `${tenant(villageId)}#T#${topicId}`, sk: 'HEAD' });
export const topicVoter = (villageId: string, topicId: string, voterKey: string) => ({
  pk: `${tenant(villageId)}#T#${topicId}`,
  sk: `VOTER#${voterKey}`,
});
export const topicVoterPrefix = (villageId: string, topicId: string) => ({
  pk: `${tenant(villageId)}#T#${topicId}`,
  skPrefix: 'VOTER#',
});
/**
 * Who took part, one item per vote in, for the turnout's list of names read a page at a time: in
 * register order on a secret ballot (an order that doesn't follow the voting), in voting order on an open one.
 */
export const topicTookPart = (villageId: string, topicId: string, position: string) => ({
  pk: `${tenant(villageId)}#T#${topicId}`,
  sk: `TOOK#${position}`,
});
export const topicTookPartPrefix = (villageId: string, topicId: string) => ({
  pk: `${tenant(villageId)}#T#${topicId}`,
  skPrefix: 'TOOK#',
});
export const topicBallot = (villageId: string, topicId: string, ballotKey: string) => ({
  pk: `${tenant(villageId)}#T#${topicId}`,
  sk: `BALLOT#${ballotKey}`,
});
export const topicBallotPrefix = (villageId: string, topicId: string) => ({
  pk: `${tenant(villageId)}#T#${topicId}`,
  skPrefix: 'BALLOT#',
});
export const topicTally = (villageId: string, topicId: string, shard: number) => ({
  pk: `${tenant(villageId)}#T#${topicId}`,
  sk: `TALLY#${String(shard).padStart(2, '0')}`,
});
/** A secret ballot's register: people marked as having received a ballot offline, and ballots entered from the box. */
export const topicRegister = (villageId: string, topicId: string) => ({
  pk: `${tenant(villageId)}#T#${topicId}`,
  sk: 'REGISTER',
});
export const topicComment = (villageId: string, topicId: string, commentId: string) => ({
  pk: `${tenant(villageId)}#T#${topicId}`,
  sk: `COMMENT#${commentId}`,
});
export const topicCommentPrefix = (villageId: string, topicId: string) => ({
  pk: `${tenant(villageId)}#T#${topicId}`,
  skPrefix: 'COMMENT#',
});
export const topicTallyPrefix = (villageId: string, topicId: string) => ({
  pk: `${tenant(villageId)}#T#${topicId}`,
  skPrefix: 'TALLY#',
});
/** A village's topics, newest first, on gsi1. */
export const topicListIndex = (villageId: string, createdAt: string, topicId: string) => ({
  gsi1pk: `${tenant(villageId)}#TOPICS`,
  gsi1sk: `${createdAt}#${topicId}`,
});
export const topicListPartition = (villageId: string) => ({ index: 'gsi1', pk: `${tenant(villageId)}#TOPICS` });
/** Topics open for voting, by closing time, across villages: what the scheduled closer reads (gsi2). */
export const openTopicIndex = (closesAt: string, villageId: string, topicId: string) => ({
  gsi2pk: 'TOPICS#open',
  gsi2sk: `${closesAt}#${villageId}#${topicId}`,
});

/**
 * Suggestions and petitions: every case head of a village in one partition
 * (bounded by the village: the work lists and the dashboard read it whole);
 * each case's 附议 markers, tally shards and 联名 markers in its own partition.
 */
export const caseHead = (villageId: string, caseId: string) => ({
  pk: `${tenant(villageId)}#CASES`,
  sk: `CASE#${caseId}`,
});
export const caseHeadPrefix = (villageId: string) => ({ pk: `${tenant(villageId)}#CASES`, skPrefix: 'CASE#' });
/** Public cases of a village, newest first (gsi1); a person's own cases, newest first (gsi2). */
export const publicCaseIndex = (villageId: string, createdAt: string, caseId: string) => ({
  gsi1pk: `${tenant(villageId)}#CASES#public`,
  gsi1sk: `${createdAt}#${caseId}`,
});
export const publicCasePartition = (villageId: string) => ({ index: 'gsi1', pk: `${tenant(villageId)}#CASES#public` });
export const submitterIndex = (villageId: string, personId: string, createdAt: string, caseId: string) => ({
  gsi2pk: `${tenant(villageId)}#CASEBY#${personId}`,
  gsi2sk: `${createdAt}#${caseId}`,
});
export const submitterPartition = (villageId: string, personId: string) => ({
  index: 'gsi2',
  pk: `${tenant(villageId)}#CASEBY#${personId}`,
});
/** A suggestion on the village's needs or project list (需求清单, 项目清单), newest on it first. */
export const caseTrack = (villageId: string, track: string, at: string, caseId: string) => ({
  pk: `${tenant(villageId)}#CASES#track#${track}`,
  sk: `${at}#${caseId}`,
});
export const caseSecond = (villageId: string, caseId: string, personId: string) => ({
  pk: `${tenant(villageId)}#C#${caseId}`,
  sk: `SECOND#${personId}`,
});
export const caseSecondPrefix = (villageId: string, caseId: string) => ({
  pk: `${tenant(villageId)}#C#${caseId}`,
  skPrefix: 'SECOND#',
});
export const caseSecondShard = (villageId: string, caseId: string, shard: number) => ({
  pk: `${tenant(villageId)}#C#${caseId}`,
  sk: `SHARD#${String(shard).padStart(2, '0')}`,
});
export const caseSecondShardPrefix = (villageId: string, caseId: string) => ({
  pk: `${tenant(villageId)}#C#${caseId}`,
  skPrefix: 'SHARD#',
});
export const caseCoSign = (villageId: string, caseId: string, personId: string) => ({
  pk: `${tenant(villageId)}#C#${caseId}`,
  sk: `COSIGN#${personId}`,
});
export const caseCoSignCount = (villageId: string, caseId: string) => ({
  pk: `${tenant(villageId)}#C#${caseId}`,
  sk: 'COSIGNS',
});
/** The next deadline of each open case, across villages: what the scheduled escalation reads, earliest first. */
export const caseClock = (dueAt: string, villageId: string, caseId: string) => ({
  pk: 'CASES#due',
  sk: `${dueAt}#${villageId}#${caseId}`,
});
export const caseClockPartition = () => ({ pk: 'CASES#due' });

/** 质询: every inquiry of a village in one partition (a few a month from 3–5 members), newest last. */
export const inquiry = (villageId: string, inquiryId: string) => ({
  pk: `${tenant(villageId)}#INQUIRIES`,
  sk: `INQ#${inquiryId}`,
});
export const inquiryPrefix = (villageId: string) => ({ pk: `${tenant(villageId)}#INQUIRIES`, skPrefix: 'INQ#' });
/** Each unanswered inquiry's deadline, across villages, earliest first: what the scheduled escalation reads. */
export const inquiryClock = (dueBy: string, villageId: string, inquiryId: string) => ({
  pk: 'INQUIRIES#due',
  sk: `${dueBy}#${villageId}#${inquiryId}`,
});
export const inquiryClockPartition = () => ({ pk: 'INQUIRIES#due' });

/**
 * The care registry (特困人员监护照料): one head per person in care, a village's heads in one
 * partition (a village has a handful: the registry, the township's overview read it whole);
 * each person's guardians, agreements, visits and problems in the person's own partition.
 */
export const careHead = (villageId: string, personId: string) => ({
  pk: `${tenant(villageId)}#CARE`,
  sk: `P#${personId}`,
});
export const careHeadPrefix = (villageId: string) => ({ pk: `${tenant(villageId)}#CARE`, skPrefix: 'P#' });
export const careGuardian = (villageId: string, personId: string, since: string, guardianId: string) => ({
  pk: `${tenant(villageId)}#CARE#${personId}`,
  sk: `G#${since}#${guardianId}`,
});
export const careAgreement = (villageId: string, personId: string, agreementId: string) => ({
  pk: `${tenant(villageId)}#CARE#${personId}`,
  sk: `A#${agreementId}`,
});
export const careVisit = (villageId: string, personId: string, visitedAt: string, visitId: string) => ({
  pk: `${tenant(villageId)}#CARE#${personId}`,
  sk: `V#${visitedAt}#${visitId}`,
});
export const careProblem = (villageId: string, personId: string, problemId: string) => ({
  pk: `${tenant(villageId)}#CARE#${personId}`,
  sk: `PB#${problemId}`,
});
export const careFile = (villageId: string, personId: string) => ({ pk: `${tenant(villageId)}#CARE#${personId}` });
/** A 关爱线索 case in the file of the person it is about; and, by case, whose file (one person per case). */
export const careCase = (villageId: string, personId: string, caseId: string) => ({
  pk: `${tenant(villageId)}#CARE#${personId}`,
  sk: `CASE#${caseId}`,
});
export const careOfCase = (villageId: string, caseId: string) => ({ pk: `${tenant(villageId)}#CARECASES`, sk: caseId });
/**
 * A village's open care problems by deadline, one small item each (not on an index: the indexes
 * project other attributes): what the overview lists; resolving a problem deletes its entry.
 */
export const openCareProblem = (villageId: string, dueAt: string, problemId: string) => ({
  pk: `${tenant(villageId)}#CAREPROBLEMS#open`,
  sk: `${dueAt}#${problemId}`,
});
export const openCareProblems = (villageId: string) => ({ pk: `${tenant(villageId)}#CAREPROBLEMS#open` });
/**
 * The first visit of a village whose text (a keyed fingerprint) or photo (its content's digest) was this:
 * a later visit repeating either is a copy (千篇一律).
 */
export const careVisitMark = (villageId: string, kind: 'text' | 'photo', digest: string) => ({
  pk: `${tenant(villageId)}#CAREMARK`,
  sk: `${kind}#${digest}`,
});
/** Visits flagged as copied or entered late, newest last: what the township's overview lists. */
export const careFlag = (villageId: string, visitedAt: string, visitId: string) => ({
  pk: `${tenant(villageId)}#CAREFLAGS`,
  sk: `${visitedAt}#${visitId}`,
});
export const careFlags = (villageId: string) => ({ pk: `${tenant(villageId)}#CAREFLAGS` });

/**
 * An uploaded photo's record: who uploaded it, its type and size. Unattached ones
 * carry a ttl and vanish; attaching to a case removes it. No person in the key.
 */
export const photo = (villageId: string, photoId: string) => ({
  pk: `${tenant(villageId)}#PHOTO#${photoId}`,
  sk: 'PHOTO',
});
/**
 * Each upload not yet attached, across villages, by when it expires (epoch seconds, zero-padded so the text
 * sorts as the number): what the sweep reads, earliest first, to delete the object from storage.
 */
export const photoPending = (expiresAt: number, villageId: string, photoId: string) => ({
  pk: 'PHOTOS#pending',
  sk: `${String(expiresAt).padStart(12, '0')}#${villageId}#${photoId}`,
});
export const photoPendingPartition = () => ({ pk: 'PHOTOS#pending' });

/**
 * Events (lib/outbox.ts): written in the transaction of the change they tell of,
 * marked pending on gsi2 until handed to the queue (the relay sweeps what a
 * crash left there). Inbox items, one per (event, recipient), live in the
 * recipient's partition; the unread ones also on gsi1, which mark-read removes.
 */
export const event = (villageId: string, eventId: string) => ({
  pk: `${tenant(villageId)}#EVENT#${eventId}`,
  sk: 'EVENT',
});
export const pendingEventIndex = (at: string, villageId: string, eventId: string) => ({
  gsi2pk: 'EVENTS#pending',
  gsi2sk: `${at}#${villageId}#${eventId}`,
});
export const pendingEventPartition = () => ({ index: 'gsi2', pk: 'EVENTS#pending' });
/** Whose inbox: a person of a tenant, or an account not bound yet (a refused binding still reaches it). */
export const inboxOwner = (owner: { tenantId: string; personId: string } | { accountId: string }) =>
  'accountId' in owner ? `ACCOUNT#${owner.accountId}#INBOX` : `${tenant(owner.tenantId)}#INBOX#${owner.personId}`;
export const inboxItem = (ownerPk: string, itemId: string) => ({ pk: ownerPk, sk: `MSG#${itemId}` });
export const inboxPrefix = (ownerPk: string) => ({ pk: ownerPk, skPrefix: 'MSG#' });
export const unreadIndex = (ownerPk: string, itemId: string) => ({ gsi1pk: `${ownerPk}#UNREAD`, gsi1sk: itemId });
export const unreadPartition = (ownerPk: string) => ({ index: 'gsi1', pk: `${ownerPk}#UNREAD` });
/** A person's choices of what they hear of; a village's in one partition, read once per event. */
export const preferences = (tenantId: string, personId: string) => ({ pk: `${tenant(tenantId)}#PREFS`, sk: personId });
export const preferencesPartition = (tenantId: string) => `${tenant(tenantId)}#PREFS`;
/** A subscribe-message grant per person and template; what was pushed today (the daily cap). */
export const grant = (ownerPk: string, template: string) => ({ pk: ownerPk, sk: `GRANT#${template}` });
export const grantPrefix = (ownerPk: string) => ({ pk: ownerPk, skPrefix: 'GRANT#' });
export const pushDay = (ownerPk: string, day: string) => ({ pk: ownerPk, sk: `PUSHDAY#${day}` });
/**
 * Pushes held back (quiet hours, the daily cap), across villages, by when they may go; spread over
 * HELD_SHARDS partitions by inbox, since a county-wide notice in quiet hours holds a push for every
 * subscriber at the pace of the fan-out (scripts/bench/partition-model.ts).
 */
export const heldPush = (releaseAt: string, ownerPk: string, itemId: string) => ({
  pk: `PUSH#held#${heldShardOf(ownerPk)}`,
  sk: `${releaseAt}#${ownerPk}#${itemId}`,
});
export const heldPushPartitions = () =>
  Array.from({ length: HELD_SHARDS }, (_, i) => `PUSH#held#${String(i).padStart(2, '0')}`);
/** A scheduled announcement made once (a vote's closing, a case clock, a waiting question): its mark. */
export const announced = (villageId: string, what: string) => ({ pk: `${tenant(villageId)}#ANNOUNCED`, sk: what });
/** WeChat's access token, shared by every function (refreshed before it expires, not per cold start). */
export const wechatToken = (appId: string) => ({ pk: 'WECHAT', sk: `ACCESS_TOKEN#${appId}` });

/** Requests remembered per caller, route and Idempotency-Key (lib/idempotency.ts once): the sort key is a hash of all three. */
export const retryPartition = (tenantId: string) => `${tenant(tenantId)}#RETRY`;
/** A create remembered per caller and Idempotency-Key, so a retry returns the first result. */
export const idempotency = (tenantId: string, personId: string, key: string) => ({
  pk: `${tenant(tenantId)}#IDEM`,
  sk: `${personId}#${key}`,
});
/** A resident's request to correct their register entry (PIPL art. 46), under the village. */
export const correction = (villageId: string, correctionId: string) => ({
  pk: `${tenant(villageId)}#CORRECTION#${correctionId}`,
  sk: 'CORRECTION',
});
/** Correction requests not yet answered, on gsi1, the nearest deadline first: the committee's list. */
export const openCorrectionIndex = (villageId: string, dueBy: string, correctionId: string) => ({
  gsi1pk: `${tenant(villageId)}#CORRECTIONS#open`,
  gsi1sk: `${dueBy}#${correctionId}`,
});
export const openCorrectionPartition = (villageId: string) => ({
  index: 'gsi1',
  pk: `${tenant(villageId)}#CORRECTIONS#open`,
});
/** Append-only audit log, one partition per village per month. */
export const audit = (tenantId: string, at: string, entryId: string) => ({
  pk: `${tenant(tenantId)}#AUDIT#${at.slice(0, 7)}`,
  sk: `${at}#${entryId}`,
});
/** The same entries by what they changed, on gsi1: a person's history, oldest first. */
export const historyIndex = (tenantId: string, target: string, at: string, entryId: string) => ({
  gsi1pk: `${tenant(tenantId)}#HIST#${target}`,
  gsi1sk: `${at}#${entryId}`,
});
export const historyPartition = (tenantId: string, target: string) => ({
  index: 'gsi1',
  pk: `${tenant(tenantId)}#HIST#${target}`,
});
/** Entries not yet linked into their tenant's hash chain, on gsi2, oldest first (audit/chain.ts). */
export const unchainedIndex = (tenantId: string, at: string, entryId: string) => ({
  gsi2pk: `${tenant(tenantId)}#AUDIT#unchained`,
  gsi2sk: `${at}#${entryId}`,
});
export const unchainedPartition = (tenantId: string) => ({ index: 'gsi2', pk: `${tenant(tenantId)}#AUDIT#unchained` });
/** A tenant's hash chain over its audit entries: the head, one link per entry in chain order, and daily anchors. */
export const chainHead = (tenantId: string) => ({ pk: `${tenant(tenantId)}#CHAIN`, sk: 'HEAD' });
export const chainLink = (tenantId: string, seq: number) => ({
  pk: `${tenant(tenantId)}#CHAIN`,
  sk: `LINK#${String(seq).padStart(12, '0')}`,
});
export const chainLinks = (tenantId: string) => ({ pk: `${tenant(tenantId)}#CHAIN`, skPrefix: 'LINK#' });
export const chainAnchor = (tenantId: string, day: string) => ({
  pk: `${tenant(tenantId)}#CHAIN`,
  sk: `ANCHOR#${day}`,
});
export const chainAnchors = (tenantId: string) => ({ pk: `${tenant(tenantId)}#CHAIN`, skPrefix: 'ANCHOR#' });

const storageAttributes = new Set(['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'type']);
/** The domain record inside a stored item: keys and the item type stripped. */
export const withoutKeys = <T extends object>(item: T): T =>
  Object.fromEntries(Object.entries(item).filter(([k]) => !storageAttributes.has(k))) as T;
