import { TALLY_GRACE_MS, tally, tallyDue } from '@yx/shared';
import { nowIso } from '../lib/clock';
import { log } from '../lib/log';
import type { TopicRecord } from '../lib/entities/deliberation';
import * as repo from './repository';

/** How long a reader's lease on making the final count holds (longer than a count takes; the job counts regardless). */
export const COUNT_LEASE_MS = 30_000;

/**
 * The final count of a topic's vote, made once the close is a minute past: every ballot cast before the close, against
 * the community's confirmed residents, stored on the topic only if no count is there (the job and a reader may race:
 * one stores, both answer with the stored one). A request (a reader, an official's response) counts only under a short
 * lease on the topic (`lease`, the default): of many readers at the close one reads the ballots and the others answer
 * 计票中 without reading or writing; a lease whose holder died runs out, and the job counts regardless of it.
 */
export async function finalCount(topic: TopicRecord, at = nowIso(), o: { lease: boolean } = { lease: true }): Promise<TopicRecord> {
  if (!topic.vote || topic.result || !tallyDue(topic.vote, at)) return topic;
  if (o.lease) {
    if (topic.countingUntil && Date.parse(topic.countingUntil) > Date.parse(at)) return topic; // another reader is counting
    if (!(await repo.takeCountLease(topic.id, at, new Date(Date.parse(at) + COUNT_LEASE_MS).toISOString()))) return topic;
  }
  const [ballots, eligible] = await Promise.all([repo.allBallots(topic.id), repo.communityResidents(topic.communityId)]);
  const result = tally(topic.vote, ballots, eligible, at);
  if (await repo.storeResult(topic.id, result)) {
    log.info('vote counted', { topic: topic.id, voters: result.voters, outcome: result.outcome });
    return { ...topic, result, version: topic.version + 1, updatedAt: at };
  }
  return (await repo.getTopic(topic.id, true)) ?? topic;
}

/**
 * The scheduled count (every 5 minutes; locally `npm run jobs`): every vote closed more than a minute ago without a
 * final count gets one (a sparse index lists them). A first reader of such a topic may have made it already.
 */
export async function countClosedVotes(at = nowIso()): Promise<{ counted: number }> {
  const ids = await repo.votesDue(new Date(Date.parse(at) - TALLY_GRACE_MS).toISOString());
  let counted = 0;
  for (const id of ids) {
    const topic = await repo.getTopic(id, true);
    if (!topic?.vote || topic.result) continue;
    const done = await finalCount(topic, at, { lease: false });
    if (done.result) counted++;
  }
  if (counted) log.info('votes counted', { counted });
  return { counted };
}
