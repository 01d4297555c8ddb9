/**
 * A model on paper (no database): the reads and writes per second each DynamoDB
 * partition takes, from the key design (docs/data-model.md) and what each request
 * touches (the code paths named beside each line), for
 *   - a township of 50 villages × 2,000 voters, all voting in the same 10 minutes;
 *   - a county of 500 villages on one table, on a busy day.
 * Each partition is set against 10 % of DynamoDB's per-partition limits (1,000 WCU,
 * 3,000 RCU per second). Every key starts with the tenant, so a village's own
 * partitions carry the same load whether the table holds 50 villages or 500; what
 * grows with the table is only the few partitions every village shares.
 *   npx tsx scripts/bench/partition-model.ts -- [--villages 50] [--voters 2000] [--minutes 10]
 *     [--dwell 120] [--county 500]
 */
import { HELD_SHARDS } from '../../src/functions/lib/keys';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};

const LIMIT = { wcu: 1000, rcu: 3000 };
const SHARE = 0.1;

/** Capacity units: a write is 1 WCU per KB (2 in a transaction); a read 1 RCU per 4 KB strongly consistent, half that eventually. */
const write = (kb: number, transactional = false) => Math.ceil(kb) * (transactional ? 2 : 1);
const read = (kb: number, consistent: boolean) => Math.ceil(kb / 4) * (consistent ? 1 : 0.5);

// Item sizes (KB), from what each item holds: a topic head with its background text; the small keyed items.
const SIZE = { topicHead: 3, voter: 0.3, ballot: 0.2, tallyShard: 0.2, took: 0.1, person: 1.5, retry: 0.5 };

interface Line {
  partition: string;
  load: string;
  wcu: number;
  rcu: number;
}

function township() {
  const voters = arg('voters', 2000);
  const seconds = arg('minutes', 10) * 60;
  const dwell = Math.min(arg('dwell', 120), seconds);
  const ballots = voters / seconds; // per village per second
  // Each voter's topic page re-reads the turnout every 10 s while it is open (topics/detail REFRESH_MS).
  const polls = (voters * (dwell / seconds)) / 10;

  // POST /topics/{t}/ballots: loadTopic (consistent GetItem of the head), the retry check of the receipt and the
  // voter item (both consistent GetItems), then one transaction (topics/store cast): the head's ConditionCheck,
  // the voter item, the ballot, one or two tally shards (two independent draws of 10: 1.9 on average), the
  // took-part item.
  const ballotWrite =
    write(SIZE.topicHead, true) +
    write(SIZE.voter, true) +
    write(SIZE.ballot, true) +
    1.9 * write(SIZE.tallyShard, true) +
    write(SIZE.took, true);
  const ballotRead = read(SIZE.topicHead, true) + read(SIZE.ballot, true) + read(SIZE.voter, true);
  // GET /topics/{t}/turnout (topics/view turnout): the head, the tally shards (one Query), the caller's voter item,
  // and for a voter one page of 200 took-part items.
  const pollRead =
    read(SIZE.topicHead, true) +
    read(10 * SIZE.tallyShard, false) +
    read(SIZE.voter, true) +
    read(200 * SIZE.took, false);

  const lines: Line[] = [
    {
      partition: 'TN#<v>#T#<t> (the vote: head, voters, ballots, tally, took part)',
      load: `${ballots.toFixed(2)} ballots/s × ${ballotWrite.toFixed(1)} WCU; ${polls.toFixed(0)} turnout polls/s × ${pollRead} RCU`,
      wcu: ballots * ballotWrite,
      rcu: ballots * ballotRead + polls * pollRead,
    },
    {
      // Every signed-in request reads the caller's person item (lib/actor loadActor); the village record is
      // kept 30 s by a warm function.
      partition: 'TN#<v> (the roster: the caller of every request)',
      load: `${(ballots + polls).toFixed(1)} requests/s × ${read(SIZE.person, false)} RCU`,
      wcu: 0,
      rcu: (ballots + polls) * read(SIZE.person, false),
    },
    {
      // A ballot carries an Idempotency-Key (lib/idempotency: Powertools puts the record, then completes it).
      partition: 'TN#<v>#RETRY (retried requests)',
      load: `${ballots.toFixed(2)} ballots/s × 2 writes`,
      wcu: ballots * 2 * write(SIZE.retry),
      rcu: 0,
    },
  ];
  return { lines, note: `${voters} voters in ${seconds / 60} minutes, a voter's page open ${dwell} s` };
}

function county() {
  const villages = arg('county', 500);
  // What every village writes to the few partitions they share, at a busy hour of a busy day.
  const opens = villages / 60; // every village opens (and later closes) a vote in the same minute
  const caseSteps = (villages * 30) / 3600; // 30 case steps an hour in every village
  const events = opens + caseSteps; // topic.opened, case events: each an outbox item on gsi2 EVENTS#pending
  // A notice published to every village in quiet hours: the fan-out (events consume) holds a push for every
  // subscriber with a grant, at the fan-out's pace: bench:fanout filled 5,125 inboxes in 8.3 s on one consumer;
  // SQS starts five pollers. The holds spread over the shards by inbox (keys.heldPush).
  const fanOut = (5125 / 8.3) * 5;
  const granted = 0.3;
  const held = fanOut * granted;
  const lines: Line[] = [
    {
      partition: `PUSH#held#<00…${HELD_SHARDS - 1}> (pushes held for quiet hours), one shard`,
      load: `${held.toFixed(0)} holds/s over ${HELD_SHARDS} shards (${fanOut.toFixed(0)} recipients/s, ${granted * 100} % subscribed)`,
      wcu: (held / HELD_SHARDS) * write(0.3),
      rcu: 0,
    },
    {
      partition: 'gsi2 TOPICS#open (votes to close)',
      load: `${opens.toFixed(1)} votes opened/s, each one index write (and one at closing)`,
      wcu: opens * write(0.3),
      rcu: read(villages * 0.3, false) / 60, // the closing job's Query, once a minute
    },
    {
      partition: 'gsi2 EVENTS#pending (outbox until queued)',
      load: `${events.toFixed(1)} events/s, each written and removed`,
      wcu: events * 2 * write(0.5),
      rcu: read(events * 60 * 0.5, false) / 60,
    },
    {
      partition: 'CASES#due (next deadline of each case)',
      load: `${caseSteps.toFixed(1)} case steps/s, each moving its entry (delete + put, in the step's transaction)`,
      wcu: caseSteps * 2 * write(0.2, true),
      rcu: read(villages * 20 * 0.2, false) / 3600, // the hourly escalation reads what is due
    },
  ];
  return { lines, note: `${villages} villages on one table; per village the partitions above carry the same load` };
}

const pct = (used: number, limit: number) => `${((100 * used) / limit).toFixed(1)} %`;
let over = 0;
function print(title: string, { lines, note }: { lines: Line[]; note: string }) {
  console.log(`\n${title}: ${note}`);
  const width = Math.max(...lines.map((l) => l.partition.length)) + 2;
  console.log(
    `${'partition'.padEnd(width)}${'WCU/s'.padStart(8)}${'of 1,000'.padStart(10)}${'RCU/s'.padStart(8)}${'of 3,000'.padStart(10)}`,
  );
  for (const l of lines) {
    const ok = l.wcu <= LIMIT.wcu * SHARE && l.rcu <= LIMIT.rcu * SHARE;
    if (!ok) over++;
    console.log(
      `${l.partition.padEnd(width)}${l.wcu.toFixed(1).padStart(8)}${pct(l.wcu, LIMIT.wcu).padStart(10)}${l.rcu.toFixed(1).padStart(8)}${pct(l.rcu, LIMIT.rcu).padStart(10)}${ok ? '' : '   <- over 10 %'}`,
    );
    console.log(`${''.padEnd(4)}${l.load}`);
  }
}

const villages = arg('villages', 50);
print(`Township (${villages} villages; each village's partitions, the same in all of them)`, township());
print('County (the partitions all villages share)', county());
console.log(
  over ? `\n${over} partition(s) over 10 % of a partition's limits` : '\nevery partition under 10 % of its limits',
);
process.exit(over ? 1 : 0);
