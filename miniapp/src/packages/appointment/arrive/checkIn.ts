import Taro from '@tarojs/taro';

/**
 * The point and the day's code from what the hall's QR code holds: the page's path
 * (`/packages/appointment/arrive/index?pointId=…&code=…`, what `Taro.scanCode` returns as `path` for the mini-program's
 * own code or as `result` for a plain one), a link carrying it in `q` (WeChat's 扫普通链接二维码打开小程序), or a bare query.
 */
export function parseCheckIn(text: string | undefined): { pointId?: string; code?: string } {
  const out: { pointId?: string; code?: string } = {};
  if (!text) return out;
  const t = text.trim();
  const query = (t.includes('?') ? t.slice(t.indexOf('?') + 1) : t).split('#')[0]!;
  for (const part of query.split('&')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const k = part.slice(0, eq);
    let v = part.slice(eq + 1);
    try {
      v = decodeURIComponent(v);
    } catch {
      // left as it is
    }
    if (k === 'pointId' || k === 'code') out[k] = v.trim();
    else if (k === 'q' || k === 'scene') {
      const inner = parseCheckIn(v);
      out.pointId ??= inner.pointId;
      out.code ??= inner.code;
    }
  }
  return out;
}

/**
 * The phone's position (GCJ-02 in WeChat; H5's browser only gives WGS-84, said so: the server converts it), or
 * undefined when it was refused or failed.
 */
export async function locate(): Promise<{ lat: number; lng: number; system: 'gcj02' | 'wgs84' } | undefined> {
  try {
    const system = process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02';
    const r = await Taro.getLocation({ type: system });
    return { lat: r.latitude, lng: r.longitude, system };
  } catch {
    return undefined;
  }
}

/** The H5 build has no camera scanning; WeChat does. */
export const CAN_SCAN = process.env.TARO_ENV !== 'h5';

export const LOCATION_FAILED = '未能获取您的位置。请在手机设置中允许微信使用位置信息后重试，或扫描大厅的签到二维码';
export const NOT_CHECK_IN_CODE = '这不是大厅的签到二维码，请扫描大厅入口或取号机旁的签到码';
