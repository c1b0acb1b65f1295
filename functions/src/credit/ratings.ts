import {
  RATING_RULES,
  isNewAccount,
  maskName,
  nextRatingOn,
  sensitiveHits,
  type HeldRatingPage,
  MerchantRatingRequest,
  type ModerateRatingRequest,
  type RatingReplyRequest,
  type RatingView,
} from '@yx/shared';
import type * as z from 'zod';
import { nowIso } from '../lib/clock';
import { conflict, forbidden, notFound } from '../lib/errors';
import type { UserRecord } from '../lib/entities/identity';
import { hashSecret } from '../lib/ids';
import { log } from '../lib/log';
import { tell } from '../messages/repository';
import { ownFirm } from './firm';
import * as repo from './repository';
import { ratingView } from './views';

/** Who moderates held ratings: the market regulator's staff (区市场监管局), and the admin. */
export const RATING_MODERATORS = new Set(['market']);

/**
 * What the merchant's printed code carries besides the firm's code: a keyed hash of the code and the poster's version.
 * Rating needs it, so a rating comes from someone who scanned the poster in the shop (or was shown it); a reprint (a
 * new version) makes an old photo of the code stop working.
 */
export const scanProof = (code: string, posterVersion = 1) => hashSecret(`credit-poster:${code}:${posterVersion}`);

/** A rating's id sorts by time: `rt_` + the instant in base 36 (fixed width) + randomness. */
const newRatingId = (at: string) => `rt_${Date.parse(at).toString(36).padStart(9, '0')}${Math.random().toString(36).slice(2, 8)}`;
const idAt = (msAgo: number, at: string) => `rt_${(Date.parse(at) - msAgo).toString(36).padStart(9, '0')}`;

/** The signed-in person's rating of this merchant within the window, and when they may rate again. */
export async function myRating(user: UserRecord, code: string): Promise<{ rating: RatingView | null; nextOn: string | null }> {
  const [[firm], guard] = await Promise.all([repo.firmsByCode([code]), repo.getGuard(code, user.id, true)]);
  if (!firm) throw notFound('未找到该商户');
  if (!guard || guard.until <= nowIso()) return { rating: null, nextOn: null };
  const r = await repo.getRating(code, guard.ratingId);
  return { rating: r ? ratingView(r, user.id) : null, nextOn: guard.until.slice(0, 10) };
}

/**
 * 评价 after a visit: one per person and merchant in RATING_RULES.windowDays (the guard's conditional put; of twenty
 * attempts at once one is written, a retried request with the same key gets that one back). Words on the list hold
 * it for moderation; so does a storm (many young accounts rating one merchant within the hour): then the storm's
 * other shown ratings are held too. Store calls: 2 GetItem, 1 Query, 1 TransactWrite, and a few Puts in a storm.
 */
export async function rate(user: UserRecord, code: string, body: z.output<typeof MerchantRatingRequest>, keyOf: () => string) {
  const [firm] = await repo.firmsByCode([code]);
  if (!firm) throw notFound('未找到该商户，请重新扫码');
  const idemKey = keyOf(); // after the merchant: an unknown one is 404 whatever the request carries
  if (body.scan !== scanProof(code, firm.posterVersion)) throw forbidden('信用码已更新或不正确，请扫描店内张贴的最新信用码后再评价');
  if (user.enterpriseCode === code) throw forbidden('不能评价自己的企业');
  const at = nowIso();
  const guard = await repo.getGuard(code, user.id, true);
  if (guard && guard.until > at) {
    if (guard.idemKey === idemKey) {
      const same = await repo.getRating(code, guard.ratingId, true);
      if (same) return { status: 200, view: ratingView(same, user.id) };
    }
    throw conflict(`您已在 ${guard.at.slice(0, 10)} 评价过该商户，${guard.until.slice(0, 10)} 起可以再次评价`);
  }
  const newAccount = isNewAccount(user.createdAt, at);
  const words = body.comment ? sensitiveHits(body.comment) : [];
  const storm = RATING_RULES.storm;
  const recent = newAccount ? await repo.ratingsSince(code, idAt(storm.windowMinutes * 60_000, at), 50) : [];
  const youngNow = recent.filter((r) => r.newAccount).length + 1;
  const inStorm = newAccount && youngNow >= storm.threshold;
  const r: repo.RatingRecord = {
    id: newRatingId(at),
    creditCode: code,
    firmName: firm.name,
    userId: user.id,
    rater: maskName(user.realName ?? user.nickname) ?? '用户',
    stars: body.stars,
    tags: body.tags,
    ...(body.comment ? { comment: body.comment } : {}),
    at,
    status: words.length || inStorm ? 'held' : 'shown',
    ...(words.length ? { heldFor: 'words' as const, heldWords: words } : inStorm ? { heldFor: 'storm' as const } : {}),
    newAccount,
    idemKey,
  };
  const until = `${nextRatingOn(at.slice(0, 10))}T00:00:00.000Z`;
  const made = await repo.createRating(r, { creditCode: code, userId: user.id, ratingId: r.id, at, until, idemKey }, at);
  if (!made) {
    // another attempt of the same person won meanwhile (a double tap): theirs stands
    const won = await repo.getGuard(code, user.id, true);
    if (won?.idemKey === idemKey) {
      const same = await repo.getRating(code, won.ratingId, true);
      if (same) return { status: 200, view: ratingView(same, user.id) };
    }
    throw conflict(`您已评价过该商户，${(won?.until ?? until).slice(0, 10)} 起可以再次评价`);
  }
  if (inStorm) {
    // the storm's earlier young ratings still shown are held too (one conditional Put each; a moderator may be first)
    for (const other of recent.filter((x) => x.newAccount && x.status === 'shown')) {
      await repo.replaceRating({ ...other, status: 'held', heldFor: 'storm' }, 'shown');
    }
    log.info('rating storm held', { creditCode: code, ratings: youngNow });
  }
  return { status: 201, view: ratingView(r, user.id) };
}

/** 商家回复: the firm's own people answer a shown or held rating once; the rater is told. */
export async function reply(user: UserRecord, ratingId: string, body: RatingReplyRequest): Promise<RatingView> {
  const firm = await ownFirm(user);
  const r = await repo.getRating(firm.creditCode, ratingId, true);
  if (!r || r.status === 'removed') throw notFound('未找到该评价');
  if (r.reply) throw conflict('每条评价只能回复一次，已回复过');
  const at = nowIso();
  const text = body.text.trim();
  const made = await repo.replyToRating(r, { text, at, by: firm.actor });
  if (!made) throw conflict('每条评价只能回复一次，已回复过');
  await tell([{ userId: r.userId, title: '商家回复了您的评价', body: `${firm.firm.name}：${text.slice(0, 60)}`, template: 'credit_rating_reply' }], at).catch(
    (e) => log.error('rating reply notice failed', { err: (e as Error).name }),
  );
  return ratingView({ ...r, reply: { text, at, by: firm.actor } });
}

/** 评价审核: held ratings, oldest first, with the words that held them. */
export async function heldQueue(user: UserRecord, o: { limit: number; cursor?: string }): Promise<HeldRatingPage> {
  mayModerate(user);
  const page = await repo.heldRatings(o);
  return {
    items: page.items.map((r) => ({
      ...ratingView(r, undefined, { moderator: true }),
      comment: r.comment,
      creditCode: r.creditCode,
      firmName: r.firmName,
      heldWords: r.heldWords ?? [],
    })),
    ...(page.cursor ? { cursor: page.cursor } : {}),
  };
}

const isModerator = (user: UserRecord) =>
  user.role === 'admin' || (user.role === 'staff' && Boolean(user.departmentId && RATING_MODERATORS.has(user.departmentId)));

function mayModerate(user: UserRecord) {
  if (!isModerator(user)) throw forbidden('评价审核由区市场监管局办理');
}

/** 恢复显示 or 移除 (with a reason the rater is told): only while held, so two moderators at once decide once. */
export async function moderate(user: UserRecord, code: string, ratingId: string, body: ModerateRatingRequest): Promise<RatingView> {
  // to anyone but a moderator a held rating is not there (404), as another person's object is
  if (!isModerator(user)) throw notFound('未找到该评价');
  const r = await repo.getRating(code, ratingId, true);
  if (!r) throw notFound('未找到该评价');
  if (r.status !== 'held') throw conflict('该评价已处理过，请刷新');
  const next: repo.RatingRecord =
    body.action === 'release'
      ? { ...r, status: 'shown', heldFor: undefined, heldWords: undefined, moderatedBy: user.id }
      : { ...r, status: 'removed', moderatedBy: user.id, removedReason: body.reason };
  if (!(await repo.replaceRating(next, 'held'))) throw conflict('该评价已处理过，请刷新');
  if (body.action === 'remove') {
    await tell(
      [{ userId: r.userId, title: '您的评价未通过审核', body: `您对「${r.firmName}」的评价已被移除，原因：${body.reason}`, template: 'credit_rating_removed' }],
      nowIso(),
    ).catch((e) => log.error('rating removal notice failed', { err: (e as Error).name }));
  }
  return ratingView(next, undefined, { moderator: true });
}
