import { createHmac, randomUUID } from 'node:crypto';
import { maskName, maskPhone, maskResidentId, type UserView } from '@yx/shared';
import { env } from '../lib/env';
import { conflict, forbidden, notFound, ruleViolation, unauthenticated } from '../lib/errors';
import { issueSession } from '../lib/session';
import { getDepartmentName } from '../guide/repository';
import * as repo from './repository';
import { SEED_USERS } from './seedUsers';
import { code2Session } from './wechat';
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
    ...(ent
      ? {
          enterprise: {
            creditCode: ent.creditCode,
            name: ent.name,
            grade: ent.grade,
            legalRepresentative: reveal ? ent.legalRepresentative : maskName(ent.legalRepresentative),
          },
        }
      : {}),
    ...(u.departmentId ? { departmentId: u.departmentId, departmentName: await getDepartmentName(u.departmentId) } : {}),
    ...(u.area ? { area: u.area } : {}),
    ...(u.street ? { street: u.street } : {}),
  };
}

async function sessionFor(u: repo.UserRecord) {
  if (u.disabledAt) throw forbidden('账号已停用，如有疑问请联系管理员');
  const s = await issueSession({ userId: u.id, role: u.role, sv: u.sessionVersion ?? 0 });
  return { ...s, user: await userView(u, false) };
}

/** 微信登录: code → openid → our user (created on first login) → our session. */
export async function loginWithWechat(code: string) {
  const { openid } = await code2Session(code);
  let userId = await repo.getUserIdByOpenid(openid);
  if (!userId) {
    const now = new Date().toISOString();
    const id = `u-${randomUUID()}`;
    const user: repo.UserRecord = { id, role: 'resident', nickname: `微信用户${id.slice(-4)}`, openid, createdAt: now, updatedAt: now };
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
  try {
    await repo.bindRealName(userId, realName, idNumber, hashIdNumber(idNumber), new Date().toISOString());
  } catch (e) {
    if (isConditionFailure(e)) throw conflict('该身份证号码已绑定其他账号，如有疑问请拨打 12345 咨询');
    throw e;
  }
  return userView({ ...user, realName, idNumber }, false);
}

/** 企业绑定: the code must be registered and the name must match the registration. */
export async function bindEnterprise(userId: string, enterpriseName: string, creditCode: string) {
  const ent = await repo.getEnterprise(creditCode);
  if (!ent) throw notFound('未找到该统一社会信用代码对应的企业，请核对后再试');
  if (ent.name !== enterpriseName.trim()) throw ruleViolation('企业名称与登记信息不一致，请按营业执照上的名称填写');
  let user: repo.UserRecord;
  try {
    user = await repo.bindEnterprise(userId, creditCode, new Date().toISOString());
  } catch (e) {
    if (isConditionFailure(e)) throw unauthenticated('账号不存在，请重新登录');
    throw e;
  }
  return sessionFor(user); // the role changed, so the session does too
}
