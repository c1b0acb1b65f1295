import { randomBytes } from 'node:crypto';
import {
  addDays,
  beijingTime,
  businessDate,
  claimCheck,
  checkInOutcome,
  currentStreak,
  isMemberDay,
  levelAfterChange,
  maskName,
  memberNumber,
  nextBonus,
  nextMemberDay,
  POINTS_KIND_NAMES,
  progressToNext,
  redeemCode,
  type AwardPointsInput,
  type Benefit,
  type ClaimRefusal,
  type MemberRules,
  type PointsKind,
} from '@yx/shared';
import { now } from '../lib/clock';
import { cancellationReasons, transact } from '../lib/db';
import { conflict, notFound, ruleViolation } from '../lib/errors';
import { log } from '../lib/log';
import { getUser, getUsers, type UserRecord } from '../identity/repository';
import { noticeItems } from '../messages/repository';
import * as repo from './repository';

const today = () => businessDate(now());
/** Points for rating a finished service (half for rating an appeal's answer). */
export const RATING_POINTS = 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Wait a little, more each time, so that many people at one moment spread out instead of colliding again. */
const backoff = (attempt: number) => sleep(Math.random() * 20 * 2 ** Math.min(attempt, 5));

/** The level a card shows today: reached levels are kept within their year, even if the admin raised thresholds. */
function heldLevel(card: repo.MemberCard, rules: MemberRules, day: string) {
  return levelAfterChange(card.levelId ? { levelId: card.levelId, reachedAt: card.levelReachedAt ?? day } : undefined, card.growth ?? 0, day, rules);
}

/** The owner's own card: nothing masked. */
export function cardView(card: repo.MemberCard, rules: MemberRules, day: string) {
  const held = heldLevel(card, rules, day);
  const index = rules.levels.findIndex((l) => l.id === held.levelId);
  const level = rules.levels[index];
  const streak = currentStreak({ lastDate: card.lastCheckIn, streak: card.streak ?? 0 }, day);
  const progress = progressToNext(card.growth ?? 0, rules, level.id);
  return {
    memberNo: card.memberNo!,
    claimedAt: card.claimedAt,
    level: { id: level.id, name: level.name, face: level.face, perks: level.perks, index },
    balance: card.balance ?? 0,
    growth: card.growth ?? 0,
    next: progress.next ? { name: progress.next.name, threshold: progress.next.threshold, needed: progress.needed, ratio: progress.ratio } : null,
    streak,
    checkedToday: card.lastCheckIn === day,
    nextBonus: nextBonus(card.lastCheckIn === day ? streak : streak, rules) ?? null,
  };
}

/** 会员专区 home: the card (or points waiting for one), the rules a member needs to see, member day. */
export async function memberHome(userId: string) {
  const [rules, card] = await Promise.all([repo.getRules(), repo.getCard(userId)]);
  const day = today();
  return {
    card: card?.memberNo ? cardView(card, rules, day) : null,
    pendingPoints: card && !card.memberNo ? (card.balance ?? 0) : 0,
    today: day,
    memberDay: { isToday: isMemberDay(day, rules), next: nextMemberDay(day, rules), dayOfMonth: rules.memberDay.dayOfMonth },
    checkIn: rules.checkIn,
    levels: rules.levels.map((l) => ({ id: l.id, name: l.name, threshold: l.threshold, face: l.face, perks: l.perks })),
  };
}

/** 领取会员卡: once per person; a second tap answers with the same card. */
export async function claimCard(userId: string) {
  const [rules, card] = await Promise.all([repo.getRules(), repo.getCard(userId)]);
  const day = today();
  if (card?.memberNo) return { status: 200, view: cardView(card, rules, day) };
  const memberNo = memberNumber(await repo.nextMemberSeq());
  const at = now().toISOString();
  let current = card;
  for (let attempt = 0; ; attempt++) {
    // the first level follows the growth read; points arriving at the same moment make it read again
    const held = levelAfterChange(undefined, current?.growth ?? 0, day, rules);
    try {
      await transact([repo.claimCardItem(userId, memberNo, held.levelId, at, day, current?.growth ?? 0)]);
      break;
    } catch (e) {
      if (!cancellationReasons(e)) throw e;
      const again = await repo.getCard(userId);
      if (again?.memberNo) return { status: 200, view: cardView(again, rules, day) }; // the double tap's twin won
      if (attempt >= 4) throw conflict('领取人数较多，请稍后再试');
      current = again;
    }
  }
  return { status: 201, view: cardView((await repo.getCard(userId))!, rules, day) };
}

/**
 * 签到: once per Asia/Shanghai day. The day's source row (`checkin:<date>`) is the guard, written with the
 * entry and the card in one transaction, so however many taps arrive at once only one pays.
 */
export async function checkIn(userId: string) {
  const rules = await repo.getRules();
  const day = today();
  for (let attempt = 0; attempt < 8; attempt++) {
    const card = await repo.getCard(userId);
    if (!card?.memberNo) throw conflict('请先领取会员卡，再来签到');
    const o = checkInOutcome({ lastDate: card.lastCheckIn, streak: card.streak ?? 0 }, day, rules);
    if (o.already) return { already: true, points: 0, bonus: 0, upgradedTo: null, card: cardView(card, rules, day) };
    const growth = (card.growth ?? 0) + o.points;
    const held = levelAfterChange({ levelId: card.levelId!, reachedAt: card.levelReachedAt ?? day }, growth, day, rules);
    const entry: repo.PointsRow = {
      at: now().toISOString(),
      kind: 'earned',
      points: o.points,
      source: `checkin:${day}`,
      reason: o.bonus ? `签到（连续 ${o.streak} 天，奖励 ${o.bonus}）` : '每日签到',
      balanceAfter: (card.balance ?? 0) + o.points,
    };
    try {
      const set = { streak: o.streak, lastCheckIn: day, levelId: held.levelId, levelReachedAt: held.reachedAt };
      await transact(repo.pointsItems(userId, entry, { growthWas: card.growth ?? 0, set }));
      // the card as just written (the growth condition held, so nothing else changed it in between)
      const fresh: repo.MemberCard = { ...card, ...set, balance: (card.balance ?? 0) + o.points, growth };
      return {
        already: false,
        points: o.points,
        bonus: o.bonus,
        streak: o.streak,
        upgradedTo: held.upgraded ? (rules.levels.find((l) => l.id === held.levelId)?.name ?? null) : null,
        card: cardView(fresh, rules, day),
      };
    } catch (e) {
      const reasons = cancellationReasons(e);
      if (!reasons) throw e;
      if (reasons[0] === 'ConditionalCheckFailed') continue; // today's check-in is in: the next read says so
      await backoff(attempt); // another change to the card at the same moment
    }
  }
  throw conflict('签到的人较多，请稍后再试');
}

/** The month's calendar: checked days and the streak. */
export async function checkInMonth(userId: string, month?: string) {
  const day = today();
  const m = month ?? day.slice(0, 7);
  const [dates, card] = await Promise.all([repo.checkInDates(userId, m), repo.getCard(userId)]);
  if (!card?.memberNo) throw notFound('您还没有会员卡');
  return {
    month: m,
    today: day,
    dates,
    streak: currentStreak({ lastDate: card.lastCheckIn, streak: card.streak ?? 0 }, day),
    checkedToday: card.lastCheckIn === day,
  };
}

export async function pointsLedger(userId: string, limit: number, cursor?: string) {
  const [card, page] = await Promise.all([repo.getCard(userId), repo.ledger(userId, limit, cursor)]);
  return {
    balance: card?.balance ?? 0,
    growth: card?.growth ?? 0,
    items: page.items.map((e) => ({ at: e.at, kind: e.kind, kindName: POINTS_KIND_NAMES[e.kind], points: e.points, reason: e.reason })),
    nextCursor: page.nextCursor,
  };
}

/**
 * The one way other capabilities give points (rating a finished service, later volunteering):
 * idempotent by `source`, so a retried award pays once. Points earned before the card is claimed wait on it.
 * Negative `adjusted` amounts (admin corrections) never take the balance below zero.
 */
export async function awardPoints(
  input: AwardPointsInput & { kind?: Extract<PointsKind, 'earned' | 'adjusted'> },
): Promise<{ awarded: boolean; balance?: number }> {
  const rules = await repo.getRules();
  const day = today();
  const kind = input.kind ?? 'earned';
  if (input.points < 0 && ((await repo.getCard(input.userId))?.balance ?? 0) < -input.points) throw ruleViolation('积分余额不足，不能扣减');
  for (let attempt = 0; attempt < 8; attempt++) {
    const card = await repo.getCard(input.userId);
    const growthWas = card?.growth ?? 0;
    const grows = input.points > 0;
    const held =
      card?.memberNo && grows
        ? levelAfterChange({ levelId: card.levelId!, reachedAt: card.levelReachedAt ?? day }, growthWas + input.points, day, rules)
        : undefined;
    const entry: repo.PointsRow = {
      at: now().toISOString(),
      kind,
      points: input.points,
      reason: input.reason,
      source: input.source,
      balanceAfter: (card?.balance ?? 0) + input.points,
    };
    try {
      await transact(
        repo.pointsItems(input.userId, entry, {
          growthWas,
          ...(input.points < 0 ? { minBalance: -input.points } : {}),
          ...(held ? { set: { levelId: held.levelId, levelReachedAt: held.reachedAt } } : {}),
        }),
      );
      return { awarded: true, balance: entry.balanceAfter };
    } catch (e) {
      const reasons = cancellationReasons(e);
      if (!reasons) throw e;
      if (reasons[0] === 'ConditionalCheckFailed') return { awarded: false }; // this source was paid before
      if (reasons[2] === 'ConditionalCheckFailed' && input.points < 0 && ((await repo.getCard(input.userId))?.balance ?? 0) < -input.points)
        throw ruleViolation('积分余额不足，不能扣减');
      await backoff(attempt);
    }
  }
  throw conflict('积分变动较多，请稍后再试');
}

/** For other modules: award and never fail the caller's own action (the award is logged when it cannot be made). */
export async function awardPointsQuietly(input: AwardPointsInput): Promise<void> {
  try {
    await awardPoints(input);
  } catch (e) {
    log.error('points award failed', { source: input.source, err: (e as Error).name });
  }
}

const claimView = (c: repo.ClaimRow) => ({
  code: c.code,
  benefitId: c.benefitId,
  title: c.title,
  partner: c.partner,
  pointsPrice: c.pointsPrice,
  claimedAt: c.claimedAt,
  expiresOn: c.expiresOn,
  status: c.status,
  statusName: c.status === 'redeemed' ? '已核销' : c.expiresOn < today() ? '已过期' : '待使用',
  redeemedAt: c.redeemedAt,
});

/** 会员日福利: every benefit with its stock, and whether this member may claim it now (and why not). */
export async function benefits(userId: string) {
  const [rules, card, list] = await Promise.all([repo.getRules(), repo.getCard(userId), repo.listBenefits()]);
  const day = today();
  const counts = card?.memberNo
    ? await repo.claimedCount(
        userId,
        list.map((b) => b.id),
      )
    : new Map<string, number>();
  const levelId = card?.memberNo ? heldLevel(card, rules, day).levelId : undefined;
  return {
    today: day,
    memberDay: { isToday: isMemberDay(day, rules), next: nextMemberDay(day, rules), dayOfMonth: rules.memberDay.dayOfMonth },
    items: list
      .filter((b) => b.stock > 0)
      .map((b) => {
        const check = card?.memberNo
          ? claimCheck({
              benefit: { ...b, stock: b.stockLeft },
              member: { levelId: levelId!, balance: card.balance ?? 0 },
              claimedByMember: counts.get(b.id) ?? 0,
              today: day,
              rules,
            })
          : ({ ok: false, code: 'LEVEL_TOO_LOW', message: '请先领取会员卡' } as ClaimRefusal);
        return {
          id: b.id,
          title: b.title,
          description: b.description,
          partner: b.partner,
          stock: b.stock,
          stockLeft: Math.max(0, b.stockLeft),
          perMemberLimit: b.perMemberLimit,
          minLevel: rules.levels.find((l) => l.id === b.minLevel)?.name ?? b.minLevel,
          pointsPrice: b.pointsPrice,
          validDays: b.validDays,
          claimedByMe: counts.get(b.id) ?? 0,
          canClaim: check.ok,
          reason: check.ok ? null : check.message,
          soldOut: b.stockLeft <= 0,
        };
      }),
  };
}

function refusalError(r: ClaimRefusal) {
  return r.code === 'SOLD_OUT' || r.code === 'LIMIT_REACHED' ? conflict(r.message) : ruleViolation(r.message);
}

/**
 * Claim a member-day benefit: one transaction takes one unit of stock (only while some is left), counts the
 * member's claims against the limit, spends the points (only if the balance covers them) and writes the code.
 * However many claim at once, the stock never goes below zero; a double tap (same Idempotency-Key) gets one code.
 */
export async function claimBenefit(userId: string, benefitId: string, keyOf: () => string) {
  // an unknown benefit is a 404 even without a key; the key's own problem is reported after that
  let idem = '';
  let keyProblem: unknown;
  try {
    idem = keyOf();
  } catch (e) {
    keyProblem = e;
  }
  const { rules, card, benefit, earlier, claimed } = await repo.claimInputs(userId, benefitId, idem);
  if (!benefit || benefit.stock <= 0) throw notFound('没有这项福利');
  if (keyProblem) throw keyProblem;
  if (earlier) return { status: 200, view: claimView((await repo.getClaim(earlier))!) };
  if (!card?.memberNo) throw conflict('请先领取会员卡');
  const day = today();
  const check = claimCheck({
    benefit: { ...benefit, stock: benefit.stockLeft },
    member: { levelId: heldLevel(card, rules, day).levelId, balance: card.balance ?? 0 },
    claimedByMember: claimed,
    today: day,
    rules,
  });
  if (!check.ok) {
    const twin = await repo.idempotentClaim(userId, idem); // a double tap's twin may have just taken the member's one claim
    if (twin) return { status: 200, view: claimView((await repo.getClaim(twin))!) };
    throw refusalError(check);
  }
  // take one unit first (the shared row); then the member's own rows in one transaction; give the unit back if that fails
  if (!(await repo.reserveUnit(benefitId))) throw conflict('已领完，下个会员日再来看看吧');
  let kept = false;
  let uncertain = false; // an error that is not a cancellation may still have committed
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      const at = now().toISOString();
      const claim: repo.ClaimRow = {
        code: redeemCode(randomBytes(10)),
        userId,
        memberNo: card.memberNo,
        benefitId,
        title: benefit.title,
        partner: benefit.partner,
        partnerId: benefit.partnerId,
        pointsPrice: benefit.pointsPrice,
        claimedAt: at,
        expiresOn: addDays(day, benefit.validDays - 1),
        status: 'claimed',
      };
      const spend =
        benefit.pointsPrice > 0
          ? repo.pointsItems(
              userId,
              { at, kind: 'spent', points: -benefit.pointsPrice, reason: `兑换：${benefit.title}`.slice(0, 40), source: `benefit:${claim.code}` },
              { minBalance: benefit.pointsPrice },
            )
          : [];
      try {
        await transact([...repo.claimItems(claim, benefit.perMemberLimit, idem), ...spend]);
        kept = true;
        return { status: 201, view: claimView(claim) };
      } catch (e) {
        const reasons = cancellationReasons(e);
        if (!reasons) {
          uncertain = true;
          throw e;
        }
        const failed = (i: number) => reasons[i] === 'ConditionalCheckFailed';
        // a double tap's twin may have won while this one failed on any of its conditions: it answers first
        const won = await repo.idempotentClaim(userId, idem);
        if (won) return { status: 200, view: claimView((await repo.getClaim(won))!) };
        if (failed(1)) throw conflict(`这项福利每人限领 ${benefit.perMemberLimit} 次，您已领满`);
        if (failed(5)) throw ruleViolation(`领取需要 ${benefit.pointsPrice} 积分，您的积分不足`);
        await backoff(attempt); // the member's own rows changed at the same moment, or the rare code collision
      }
    }
  } finally {
    // give the unit back only when the claim surely did not happen
    if (!kept && !(uncertain && (await repo.idempotentClaim(userId, idem).catch(() => 'unknown')))) await repo.releaseUnit(benefitId);
  }
  throw conflict('领取的人较多，请稍后再试');
}

export async function myClaims(userId: string) {
  return { items: (await repo.myClaims(userId, 50)).map(claimView) };
}

/** Partner staff see only their own partner's codes; the member is shown by a masked card number. */
function partnerView(c: repo.ClaimRow) {
  return { ...claimView(c), memberNo: `${c.memberNo.slice(0, 2)}******${c.memberNo.slice(-4)}` };
}

export async function previewClaim(partner: UserRecord, code: string) {
  const c = await repo.getClaim(code);
  if (!c || !partner.partnerId || c.partnerId !== partner.partnerId) throw notFound('没有这个兑换码，请核对后再输入');
  return partnerView(c);
}

/** 核销: once. Two cashiers scanning the same code at once: one succeeds, the other is told when it was used. */
export async function redeem(partner: UserRecord, code: string) {
  const c = await repo.getClaim(code);
  if (!c || !partner.partnerId || c.partnerId !== partner.partnerId) throw notFound('没有这个兑换码，请核对后再输入');
  const at = now().toISOString();
  const day = today();
  if (c.status === 'redeemed') throw conflict(`该兑换码已于 ${beijingTime(c.redeemedAt!)} 核销，不能重复使用`);
  if (c.expiresOn < day) throw conflict(`该兑换码已于 ${c.expiresOn} 过期`);
  try {
    await transact([
      ...repo.redeemItems(c, partner.id, at, day, partner.partnerId),
      ...noticeItems(
        {
          userId: c.userId,
          appNo: '',
          template: 'benefit_redeemed',
          title: `${c.title} 已核销`,
          body: `您在会员日领取的“${c.title}”已于 ${beijingTime(at)} 在${c.partner}核销使用。`,
        },
        at,
      ),
    ]);
  } catch (e) {
    if (!cancellationReasons(e)) throw e;
    const fresh = await repo.getClaim(code);
    if (fresh?.status === 'redeemed') throw conflict(`该兑换码已于 ${beijingTime(fresh.redeemedAt!)} 核销，不能重复使用`);
    throw conflict('核销未成功，请重试');
  }
  return partnerView((await repo.getClaim(code))!);
}

// ——— admin ———

export async function saveRules(rules: MemberRules, by: string) {
  const benefitsNow = await repo.listBenefits();
  const missing = benefitsNow.filter((b) => !rules.levels.some((l) => l.id === b.minLevel));
  if (missing.length) throw ruleViolation(`福利“${missing[0].title}”要求的等级在新规则中不存在，请先修改该福利`);
  await repo.putRules(rules, by, now().toISOString());
  return rules;
}

/** 新增 / 修改福利. Changing a benefit keeps what was claimed; its stock cannot go below that. */
export async function saveBenefit(b: Benefit, mode: 'create' | 'update') {
  const [rules, existing] = await Promise.all([repo.getRules(), repo.getBenefit(b.id)]);
  if (mode === 'update' && !existing) throw notFound('没有这项福利');
  if (mode === 'create' && existing) throw conflict('福利编号已存在，请换一个编号');
  if (!rules.levels.some((l) => l.id === b.minLevel)) throw ruleViolation('等级要求不存在，请从会员等级中选择');
  if (existing && b.stock < existing.claimed) throw ruleViolation(`库存不能少于已领取的 ${existing.claimed} 份`);
  try {
    await repo.saveBenefit(b, now().toISOString(), mode);
  } catch (e) {
    if ((e as Error).name === 'ConditionalCheckFailedException') throw conflict('福利刚刚被修改或领取，请刷新后再试');
    throw e;
  }
  return repo.getBenefit(b.id);
}

export async function adminBenefits() {
  return { items: await repo.listBenefits() };
}

/** Figures for the admin's charts: the last `days` days and all-time totals, from the day rows (a bounded BatchGet). */
export async function memberStats(days: number) {
  const day = today();
  const list = Array.from({ length: days }, (_, i) => addDays(day, i - days + 1));
  const [m, items] = await Promise.all([repo.readStats(list), repo.listBenefits()]);
  const n = (row: Record<string, number> | undefined, k: string) => Number(row?.[k] ?? 0);
  const all = m.get('ALL');
  return {
    totals: {
      members: n(all, 'newMembers'),
      checkIns: n(all, 'checkIns'),
      pointsIssued: n(all, 'pointsIssued'),
      pointsSpent: n(all, 'pointsSpent'),
      claims: n(all, 'claims'),
      redemptions: n(all, 'redemptions'),
    },
    days: list.map((d) => {
      const r = m.get(d);
      return {
        date: d,
        newMembers: n(r, 'newMembers'),
        checkIns: n(r, 'checkIns'),
        pointsIssued: n(r, 'pointsIssued'),
        pointsSpent: n(r, 'pointsSpent'),
        claims: n(r, 'claims'),
        redemptions: n(r, 'redemptions'),
      };
    }),
    benefits: items.map((b) => ({
      id: b.id,
      title: b.title,
      partner: b.partner,
      stock: b.stock,
      stockLeft: Math.max(0, b.stockLeft),
      claimed: b.claimed,
      redeemed: b.redeemed,
    })),
  };
}

/** Members, newest first, with a masked name (admin). */
export async function members(limit: number, cursor?: string) {
  const rules = await repo.getRules();
  const day = today();
  const page = await repo.listMembers(limit, cursor);
  const users = await getUsers(page.items.map((c) => c.userId));
  const name = new Map(users.map((u) => [u.id, maskName(u.realName) ?? u.nickname]));
  return {
    items: page.items.map((c) => {
      const v = cardView(c, rules, day);
      return {
        userId: c.userId,
        name: name.get(c.userId) ?? '',
        memberNo: v.memberNo,
        level: v.level.name,
        balance: v.balance,
        growth: v.growth,
        streak: v.streak,
        lastCheckIn: c.lastCheckIn,
        claimedAt: c.claimedAt,
      };
    }),
    nextCursor: page.nextCursor,
  };
}

/** Admin correction (调整), with a reason; never below zero; once per Idempotency-Key (a retried request changes nothing more). */
export async function adjustPoints(adminId: string, userId: string, points: number, reason: string, key: string) {
  if (!(await getUser(userId))) throw notFound('没有这个用户');
  const r = await awardPoints({ userId, points, reason, source: `adjust:${key}`, kind: 'adjusted' });
  log.info('points adjusted', { by: adminId, points, repeated: !r.awarded });
  return { awarded: true, repeated: !r.awarded, balance: r.balance ?? (await repo.getCard(userId))?.balance ?? 0 };
}
