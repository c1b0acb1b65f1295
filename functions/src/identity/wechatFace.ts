import { createHash } from 'node:crypto';
import { AppError, badRequest, ruleViolation, upstreamFailed } from '../lib/errors';
import { postWechat } from './wechatToken';

/**
 * WeChat face verification (人脸核身), as WeChat documents it (2026): the server opens a session for the name and ID
 * number the person typed (getVerifyId), the mini-program runs `wx.requestFacialVerify({ verifyId })`, and the
 * server asks WeChat for the real result (queryVerifyInfo) — what the phone says is never trusted. The older form
 * (`wx.startFacialRecognitionVerify` + `cityservice/face/identify/getinfo`) would be a small adapter here.
 */

export interface CertInfo {
  name: string;
  idNumber: string;
}

/** The digest WeChat checks at query time: MD5 over the certificate fields exactly as they were sent to getVerifyId. */
export const certHash = (c: CertInfo) => createHash('md5').update(`cert_type=IDENTITY_CARD&cert_name=${c.name}&cert_no=${c.idNumber}`, 'utf8').digest('hex');

/** Opens a verification session: its id, valid for `expiresIn` seconds. */
export async function getVerifyId(outSeqNo: string, cert: CertInfo, openid: string): Promise<{ verifyId: string; expiresIn: number }> {
  let r: { errcode?: number; verify_id?: string; expires_in?: number };
  try {
    r = await postWechat('/cityservice/face/identify/getverifyid', {
      out_seq_no: outSeqNo,
      cert_info: { cert_type: 'IDENTITY_CARD', cert_name: cert.name, cert_no: cert.idNumber },
      openid,
    });
  } catch {
    throw upstreamFailed('微信人脸核验服务暂时不可用，请稍后再试');
  }
  if ((r.errcode ?? 0) !== 0 || !r.verify_id) throw new AppError(502, 'UPSTREAM_FAILED', '暂时无法发起人脸核验，请稍后再试');
  return { verifyId: r.verify_id, expiresIn: r.expires_in ?? 3600 };
}

/** verify_ret 10000: the face matched the person whose name and ID number were given. */
export const VERIFY_OK = 10000;

/** What verify_ret means for the person, in their words: the face did not match, they stopped, or the phone failed. */
export function verifyRetMessage(ret: number): string {
  if (ret >= 10001 && ret < 10100) return '人脸核验未通过：姓名、身份证号码与本人不一致，请核对后重试';
  if (ret >= 90002 && ret <= 90006) return '您已取消人脸核验，实名认证未完成';
  if (ret >= 90008 && ret <= 90010) return '请允许微信使用相机和麦克风后重试';
  if (ret === 90001 || ret === 90109) return '您的手机不支持人脸核验，请携带身份证到政务服务中心办理';
  return '人脸核验未完成，请重试';
}

/** Asks WeChat for the session's real result; throws a clear 4xx unless the face matched. */
export async function queryVerifyInfo(verifyId: string, outSeqNo: string, cert: CertInfo, openid: string): Promise<void> {
  let r: { errcode?: number; verify_ret?: number };
  try {
    r = await postWechat('/cityservice/face/identify/queryverifyinfo', { verify_id: verifyId, out_seq_no: outSeqNo, cert_hash: certHash(cert), openid });
  } catch {
    throw upstreamFailed('微信人脸核验服务暂时不可用，请稍后再试');
  }
  const code = r.errcode ?? 0;
  if (code === -1) throw upstreamFailed('微信系统繁忙，请稍后再试');
  if (code !== 0) throw badRequest('人脸核验已失效，请重新开始');
  if (r.verify_ret !== VERIFY_OK) throw ruleViolation(verifyRetMessage(r.verify_ret ?? 0));
}
