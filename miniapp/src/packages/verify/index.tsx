import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CheckCode, Serial, SERIAL_PATTERN } from '@yx/shared';
import { useEffect, useRef, useState } from 'react';
import { asApiError } from '../../api/client';
import { documentsApi, type VerifyResult } from '../../api/documents';
import { Field } from '../../components/Field';
import { Page } from '../../components/Page';
import { SendButton } from '../../components/SendButton';
import { useSubmit } from '../../hooks/useSubmit';
import { FileCheck } from './FileCheck';
import { Outcome } from './Outcome';
import '../../components/StateView.css';
import './index.css';

const NOT_FOUND = '未找到该证明，请核对证明编号和核验码';
const normalize = (v: string) => v.replace(/\s/g, '').toUpperCase();

/** What the page was opened with: `?s=&c=` (the QR on the PDF), `?s=&t=` (a share link), or WeChat's `q` (a scanned web link). */
function opened(params: Record<string, string | undefined>): { s: string; c: string; t: string } {
  let { s = '', c = '', t = '' } = params;
  if (params.q) {
    try {
      const url = decodeURIComponent(params.q);
      const query = Object.fromEntries(
        (url.split('?')[1] ?? '')
          .split('#')[0]
          .split('&')
          .filter(Boolean)
          .map((kv) => kv.split('=').map((x) => decodeURIComponent(x ?? '')) as [string, string]),
      );
      const inPath = url.split('?')[0].split('/').pop() ?? '';
      s = query.s || (SERIAL_PATTERN.test(inPath.toUpperCase()) ? inPath : s);
      c = query.c || c;
      t = query.t || t;
    } catch {
      // a malformed link: the form is there to type the numbers
    }
  }
  return { s: normalize(s), c: normalize(c), t: t.trim() };
}

/** First message per field, from the shared schemas (证明编号应为 ZM 或 TZ 开头的 16 位编号 …). */
function validate(serial: string, code: string): { errors: Record<string, string>; serial: string; code: string } {
  const errors: Record<string, string> = {};
  const s = Serial.safeParse(serial);
  const c = CheckCode.safeParse(code);
  if (!serial) errors.serial = '请输入证明编号';
  else if (!s.success) errors.serial = s.error.issues[0].message;
  if (!code) errors.code = '请输入核验码';
  else if (!c.success) errors.code = c.error.issues[0].message;
  return { errors, serial: s.success ? s.data : serial, code: c.success ? c.data : code };
}

/**
 * 证明核验, for anyone, without logging in: opened from the QR on a certificate or a holder's share link it checks at
 * once; otherwise the serial and check code printed on it, or the PDF file itself.
 */
export default function VerifyPage() {
  const { params } = useRouter();
  const [first] = useState(() => opened((params ?? {}) as Record<string, string | undefined>));
  const [serial, setSerial] = useState(first.s);
  const [code, setCode] = useState(first.c);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<{ r: VerifyResult; viaFile: boolean }>();
  // a share link that no longer works says so in the API's words; a serial and code that match nothing, in ours
  const byToken = useRef(false);
  const { busy, send } = useSubmit(
    (e) => {
      setResult(undefined);
      const err = asApiError(e);
      return err.status === 404 && !byToken.current ? NOT_FOUND : err.message;
    },
    (form) => setErrors({ form }),
  );

  const show = (r: VerifyResult | undefined, viaFile: boolean) => {
    setResult(r && { r, viaFile });
    if (r) Promise.resolve(Taro.pageScrollTo?.({ scrollTop: 0, duration: 200 })).catch(() => undefined);
  };

  const verify = (s: string, q: { c?: string; t?: string }) => {
    byToken.current = Boolean(q.t);
    return send(async () => show(await documentsApi.verify(s, q), false));
  };

  const submit = async () => {
    const v = validate(serial, code);
    setErrors(v.errors);
    if (Object.keys(v.errors).length) return;
    await verify(v.serial, { c: v.code });
  };

  // opened from a QR code or a share link: check at once (once, even when React runs effects twice)
  const started = useRef(false);
  useEffect(() => {
    if (started.current || !first.s || !(first.c || first.t)) return;
    started.current = true;
    void verify(first.s, first.t && !first.c ? { t: first.t } : { c: first.c });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only what the page was opened with
  }, []);

  return (
    <Page className="vf">
      {busy && !result && (
        <View className="state state-loading" role="status">
          正在核验…
        </View>
      )}
      {result && <Outcome r={result.r} viaFile={result.viaFile} />}

      <View className="section">
        <View className="section-title">{result ? '核验其他证明' : '电子证明核验'}</View>
        <View className="muted vf-hint">无需登录。证明编号和核验码印在证明底部；用手机扫描证明上的二维码也可直接核验。</View>
        <Field
          name="serial"
          label="证明编号"
          testId="verify-serial"
          value={serial}
          maxlength={16}
          placeholder="ZM 或 TZ 开头的 16 位编号"
          onInput={(v) => setSerial(normalize(v))}
          error={errors.serial}
        />
        <Field
          name="code"
          label="核验码"
          testId="verify-code"
          value={code}
          maxlength={6}
          placeholder="6 位字母或数字"
          onInput={(v) => setCode(normalize(v))}
          error={errors.code}
        />
        <SendButton className="btn" testId="verify-submit" error={errors.form} errorTestId="verify-error" busy={busy} onClick={submit}>
          核验
        </SendButton>
      </View>

      <FileCheck onResult={(r) => show(r, true)} />
    </Page>
  );
}
