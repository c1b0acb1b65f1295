import { createHmac, randomUUID } from 'node:crypto';
import { isMobile, maskName, maskPhone, maskResidentId, type UserView } from '@yx/shared';
import { env } from '../lib/env';
import { AppError, badRequest, conflict, forbidden, notFound, ruleViolation, unauthenticated, upstreamFailed } from '../lib/errors';
import { issueSession } from '../lib/session';
import { getDepartmentName } from '../guide/repository';
import * as repo from './repository';
import { SEED_USERS } from './seedUsers';
import { code2Session } from './wechat';
import { getVerifyId, queryVerifyInfo, type CertInfo } from './wechatFace';
import { postWechat } from './wechatToken';
import { randomId } from '../lib/ids';
import { now } from '../lib/clock';
import { limiter } from '../lib/rateLimit';
import { log } from '../lib/log';
import { isConditionFailure } from '../lib/db';

export const hashIdNumber = (id: string) => createHmac('sha256', env.piiHashSecret).update(id).digest('hex').slice(0, 32);

/** The user as the API shows it: personal data masked unless the owner asked to see it. */
export async function userView(u: repo.UserRecord, reveal: boolean): Promise<UserView> {
  const ent = u.enterpriseCode ? await repo.getEnterprise(u.enterpriseCode) : undefined;
  return {
    id: u.id,
    role: u.role,
    nickname: u.nickname,
    realName: reveal ? u.realName : maskName(u.realName),
    idNumber: reveal ? u.idNumber : maskResidentId(u.idNumber),
    phone: reveal ? u.phone : maskPhone(u.phone),
    verified: Boolean(u.idNumber),
    level: u.idLevel === 2 ? 2 : 1,
    ...(ent
      ? {
          enterprise: {
            creditCode: ent.creditCode,
            name: ent.name,
            grade: ent.grade,
            legalRepresentative: reveal ? ent.legalRepresentative : maskName(ent.legalRepresentative),
          },
          firmRole: u.firmRole ?? 'legal',
        }
      : {}),
    ...(u.departmentId ? { departmentId: u.departmentId, departmentName: await getDepartmentName(u.departmentId) } : {}),
    ...(u.area ? { area: u.area } : {}),
    ...(u.street ? { street: u.street } : {}),
  };
}

export async function sessionFor(u: repo.UserRecord) {
  if (u.disabledAt) throw forbidden('账号已停用，如有疑问请联系管理员');
  const s = await issueSession({ userId: u.id, role: u.role, sv: u.sessionVersion ?? 0 });
  return { ...s, user: await userView(u, false) };
}

/** 微信登录: code → openid → our user (created on first login) → our session. */
export async function loginWithWechat(code: string) {
  const { openid } = await code2Session(code);
  let userId = await repo.getUserIdByOpenid(openid);
  if (!userId) {
    const at = now().toISOString();
    const id = `u-${randomUUID()}`;
    const user: repo.UserRecord = { id, role: 'resident', nickname: `微信用户${id.slice(-4)}`, openid, createdAt: at, updatedAt: at };
    try {
      await repo.createUserWithOpenid(user);
      userId = id;
    } catch (e) {
      if (!isConditionFailure(e)) throw e;
      userId = await repo.getUserIdByOpenid(openid); // a parallel first login won
    }
  }
  const user = userId ? await repo.getUser(userId) : undefined;
  if (!user) throw unauthenticated('账号状态异常，请重新登录');
  return sessionFor(user);
}

/** 开发登录: local stage only, as one of the seeded people. */
export async function loginAsSeedUser(userId: string) {
  if (!env.isLocal) throw notFound();
  if (!SEED_USERS.some((u) => u.id === userId)) throw notFound('没有这个演示用户');
  const user = await repo.getUser(userId);
  if (!user) throw notFound('演示数据尚未载入，请先运行 npm run seed');
  return sessionFor(user);
}

export function getMe(user: repo.UserRecord, reveal: boolean) {
  return userView(user, reveal);
}

/** 实名认证: name + resident ID; one ID, one account; a bound ID is not silently replaced. */
export async function bindRealName(user: repo.UserRecord, realName: string, idNumber: string) {
  const userId = user.id;
  if (user.idNumber && user.idNumber !== idNumber) throw conflict('您已完成实名认证，如需更改请携带身份证到政务服务中心办理');
  if (user.idLevel === 2) return userView(user, false); // already proven: a typed repeat must not lower the guard's level
  try {
    await repo.bindRealName(userId, realName, idNumber, hashIdNumber(idNumber), new Date().toISOString());
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('该身份证号码已绑定其他账号，如有疑问请拨打 12345 咨询');
    throw e;
  }
  return userView({ ...user, realName, idNumber }, false);
}

// ---- 人脸核验 (L2) ------------------------------------------------------------------------------

/** What to say when an ID number is already proven by someone else: the hall can sort it out with the card in hand. */
export const PROVEN_ELSEWHERE =
  '该身份证号码已由本人通过人脸核验绑定在另一个微信账号上。如确属本人，请携带身份证到区政务服务中心（电话 020-12345）办理账号找回';

/** Face verification is paid per call and proves a person: a few tries per day are plenty for a real person. */
const faceTries = limiter('face', { limit: 5, windowSeconds: 86_400, message: '今天的人脸核验次数已用完，请明天再试' });

/** A keyed hash of the certificate typed: the attempt keeps this, not the name and number. */
const certCheck = (c: CertInfo) => createHmac('sha256', env.piiHashSecret).update(`face|${c.name}|${c.idNumber}`).digest('hex').slice(0, 32);

/** The openid WeChat verifies the face of: the account's own; on the local stack a seeded person has a stand-in one. */
function faceOpenid(user: repo.UserRecord): string {
  if (user.openid) return user.openid;
  if (env.isLocal) return `dev-openid-${user.id}`;
  throw ruleViolation('人脸核验需要在微信小程序中进行：请用微信搜索“越秀政务”小程序，登录后完成实名认证');
}

/** An account proves one ID, once: a second proof, or a proof of another ID, goes through the hall. */
function checkOwnLevel(user: repo.UserRecord, idNumber: string): void {
  if (user.idLevel !== 2) return;
  if (user.idNumber === idNumber) throw conflict('您已通过人脸核验完成实名认证');
  throw conflict('您已通过人脸核验完成实名认证，如需更改请携带身份证到政务服务中心办理');
}

/** 发起人脸核验: opens WeChat's face-verification session for the name and ID typed. */
export async function startFaceVerification(user: repo.UserRecord, cert: CertInfo) {
  checkOwnLevel(user, cert.idNumber);
  // refused before WeChat is paid for a face scan: the ID is proven on another account already
  const guard = await repo.getIdGuard(hashIdNumber(cert.idNumber));
  if (guard && guard.userId !== user.id && guard.level === 2) throw conflict(PROVEN_ELSEWHERE);
  const openid = faceOpenid(user);
  await faceTries.take(user.id); // one conditional write: starts in flight together cannot pass the limit
  const outSeqNo = randomId('fs', 24);
  const { verifyId, expiresIn } = await getVerifyId(outSeqNo, cert, openid);
  const at = now();
  await repo.putFaceAttempt(user.id, {
    verifyId,
    outSeqNo,
    certCheck: certCheck(cert),
    openid,
    startedAt: at.toISOString(),
    expiresAt: new Date(at.getTime() + expiresIn * 1000).toISOString(),
  });
  return { verifyId, expiresIn };
}

/**
 * 完成人脸核验: the attempt must be this person's, unused, unexpired, for the same name and ID number; WeChat must say
 * the face matched. Then the account holds a proven ID (L2); an account that had only asserted it loses it.
 */
export async function finishFaceVerification(user: repo.UserRecord, verifyId: string, cert: CertInfo) {
  checkOwnLevel(user, cert.idNumber);
  const idHash = hashIdNumber(cert.idNumber);
  const { attempt, guard } = await repo.readFaceFinish(user.id, verifyId, idHash);
  if (!attempt) throw badRequest('人脸核验记录不存在，请重新开始人脸核验');
  if (attempt.usedAt) throw badRequest('该人脸核验结果已使用，请重新开始人脸核验');
  if (Date.parse(attempt.expiresAt) <= now().getTime()) throw badRequest('人脸核验已超时，请重新开始');
  if (attempt.certCheck !== certCheck(cert)) throw badRequest('姓名或身份证号码与开始核验时填写的不一致，请重新开始人脸核验');
  if (guard && guard.userId !== user.id && guard.level === 2) throw conflict(PROVEN_ELSEWHERE);
  await queryVerifyInfo(verifyId, attempt.outSeqNo, cert, attempt.openid);
  let displaced: Parameters<typeof repo.proveRealName>[0]['displaced'];
  if (guard && guard.userId !== user.id) {
    const other = await repo.getUser(guard.userId); // rare: someone else had typed this ID
    if (other?.idNumber === cert.idNumber) {
      displaced = {
        userId: other.id,
        role: other.role,
        notice: {
          userId: other.id,
          template: 'identity_reclaimed',
          title: '您的实名认证已失效',
          body: `您账号上填写的身份证号码已由证件本人通过微信人脸核验认证，本账号的实名信息${other.enterpriseCode ? '和企业绑定' : ''}已解除。如有疑问，请携带身份证到区政务服务中心办理。`,
        },
      };
    }
  }
  const released = user.idNumber && user.idNumber !== cert.idNumber ? hashIdNumber(user.idNumber) : undefined;
  const at = now().toISOString();
  try {
    await repo.proveRealName({ userId: user.id, verifyId, realName: cert.name, idNumber: cert.idNumber, idHash, now: at, released, displaced });
  } catch (e) {
    // a replay of this verify_id, or another claim of the same ID that won the race
    if (isConditionFailure(e)) throw conflict('实名信息刚刚发生变化或该核验结果已使用，请重新开始人脸核验');
    throw e;
  }
  log.info('real name proven', { userId: user.id, displaced: Boolean(displaced) });
  return userView({ ...user, realName: cert.name, idNumber: cert.idNumber, idLevel: 2, updatedAt: at }, false);
}

/** The local stack only: plays the phone's face scan on the WeChat stand-in (H5 cannot scan a face). */
export async function playFaceScan(user: repo.UserRecord, verifyId: string, outcome: 'pass' | 'cancel') {
  if (!env.isLocal) throw notFound();
  if (!(await repo.getFaceAttempt(user.id, verifyId))) throw notFound('人脸核验记录不存在');
  try {
    const res = await fetch(new URL('/stand-in/face/verify', env.wechatApiBase), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ verify_id: verifyId, outcome }),
      signal: AbortSignal.timeout(5000),
    });
    return { errCode: Number(((await res.json()) as { errCode?: number }).errCode ?? -1) };
  } catch {
    throw upstreamFailed('本地微信替身未启动');
  }
}

// ---- 手机号 ----------------------------------------------------------------------------------------

/**
 * 绑定手机号: the phone-number button's one-time code → WeChat's getuserphonenumber → the number, whose watermark must
 * carry our appid (a code from another mini-program is refused). Stored for the account; each application copies it.
 */
export async function bindPhone(user: repo.UserRecord, code: string) {
  let r: { errcode?: number; phone_info?: { purePhoneNumber?: string; countryCode?: string; watermark?: { appid?: string } } };
  try {
    r = await postWechat('/wxa/business/getuserphonenumber', { code });
  } catch {
    throw upstreamFailed('微信手机号服务暂时不可用，请稍后再试');
  }
  if (r.errcode === 40029) throw badRequest('手机号授权已失效，请重新点击“微信手机号快捷绑定”');
  if (r.errcode === -1) throw upstreamFailed('微信系统繁忙，请稍后再试');
  if ((r.errcode ?? 0) !== 0 || !r.phone_info) throw new AppError(502, 'UPSTREAM_FAILED', '暂时无法获取手机号，请稍后再试');
  const info = r.phone_info;
  if (info.watermark?.appid !== env.wechatAppId) throw badRequest('手机号授权不属于本小程序，请重新授权');
  if (info.countryCode !== '86' || !info.purePhoneNumber || !isMobile(info.purePhoneNumber)) throw ruleViolation('目前只支持中国大陆手机号');
  const updated = await repo.setPhone(user.id, info.purePhoneNumber, now().toISOString());
  return userView(updated, false);
}
