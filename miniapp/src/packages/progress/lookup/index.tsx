import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { APP_NO_LENGTH, LOOKUP_CODE_LENGTH, LookupRequest } from '@yx/shared';
import { useState } from 'react';
import { api, ApiError, type RouteResponse } from '../../../api/client';
import { Field } from '../../../components/Field';
import { Page } from '../../../components/Page';
import { formatDate, formatDay, Timeline } from '../../../components/Timeline';
import { StateTag } from '../../../components/TrafficLight';
import { PlainProgress, statutoryText } from '../../../components/PlainProgress';
import { SendButton } from '../../../components/SendButton';
import { useSubmit } from '../../../hooks/useSubmit';
import './index.css';

type LookupResult = RouteResponse<'POST /v1/lookup'>;

/** First message per field, for showing under each input. */
function validate(appNo: string, code: string): { ok: true; appNo: string; code: string } | { ok: false; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  if (!appNo.trim()) errors.appNo = '请输入办件编号';
  if (!code.trim()) errors.code = '请输入 6 位查询码或手机号后 4 位';
  const r = LookupRequest.safeParse({ appNo, code });
  if (!r.success) {
    for (const i of r.error.issues) {
      const k = String(i.path[0] ?? '');
      if (!errors[k]) errors[k] = i.message;
    }
  }
  if (!r.success || Object.keys(errors).length) return { ok: false, errors };
  return { ok: true, appNo: r.data.appNo, code: r.data.code };
}

/** 进度查询 without logging in: the application number plus the query code or the phone's last 4 digits. */
export default function Lookup() {
  const { params } = useRouter();
  const [appNo, setAppNo] = useState(() => (params?.appNo ?? '').replace(/\s/g, '').toUpperCase());
  const [code, setCode] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [result, setResult] = useState<LookupResult>();
  const { busy, send } = useSubmit(
    (e) => {
      setResult(undefined);
      return e instanceof ApiError ? e.message : '查询失败，请稍后再试';
    },
    (form) => setErrors({ form }),
  );

  const submit = async () => {
    const v = validate(appNo, code);
    if (!v.ok) {
      setErrors(v.errors);
      return;
    }
    setErrors({});
    await send(async () => setResult(await api.lookup(v.appNo, v.code)));
  };

  return (
    <Page className="lookup">
      <View className="section">
        <View className="section-title">办件进度查询</View>
        <View className="muted lookup-hint">无需登录。办件编号和查询码在提交申请后的回执上，也可用申请时留的手机号后 4 位查询。</View>
        <Field
          name="appNo"
          label="办件编号"
          value={appNo}
          maxlength={APP_NO_LENGTH}
          placeholder="YX 开头的 16 位编号，如 YX20261126000123"
          onInput={(v) => setAppNo(v.replace(/\s/g, '').toUpperCase())}
          error={errors.appNo}
        />
        <Field
          name="code"
          label="查询码 / 手机号后 4 位"
          type="number"
          value={code}
          maxlength={LOOKUP_CODE_LENGTH}
          placeholder="6 位查询码或手机号后 4 位"
          onInput={(v) => setCode(v.replace(/\D/g, ''))}
          error={errors.code}
        />
        <SendButton className="btn" error={errors.form} errorClassName="lookup-error" busy={busy} onClick={submit}>
          查询
        </SendButton>
      </View>

      {result && <LookupResultView r={result} />}
    </Page>
  );
}

function LookupResultView({ r }: { r: LookupResult }) {
  const running = r.light !== null;
  return (
    <View data-testid="lookup-result">
      <View className="section">
        <View className="lookup-name">{r.itemName}</View>
        <View className="lookup-state">
          <StateTag state={r.state} name={r.stateName} />
        </View>
        <View className="lookup-kv">
          <Text className="muted">办件编号</Text>
          <Text>{r.appNo}</Text>
        </View>
        <View className="lookup-kv">
          <Text className="muted">办理部门</Text>
          <Text>{r.departmentName}</Text>
        </View>
        <View className="lookup-kv">
          <Text className="muted">申请人</Text>
          <Text>{r.applicant}</Text>
        </View>
        <View className="lookup-kv">
          <Text className="muted">提交时间</Text>
          <Text>{formatDate(r.submittedAt)}</Text>
        </View>
        {(running || r.state === 'supplement') && (
          <View className="lookup-kv">
            <Text className="muted">办结期限</Text>
            <Text>{formatDay(r.deadline)}前</Text>
          </View>
        )}
        {running && statutoryText(r.statutory) && (
          <View className="lookup-kv" data-testid="statutory-clock">
            <Text className="muted">法定时限</Text>
            <Text>{statutoryText(r.statutory)!.replace('法定时限：', '')}</Text>
          </View>
        )}
        <View className="lookup-light">
          <PlainProgress state={r.state} running={running} deadline={r.deadline} remainingDays={r.remainingDays} />
        </View>
      </View>
      <View className="section">
        <View className="section-title">办理进度</View>
        <Timeline entries={r.timeline} />
      </View>
      <View className="muted lookup-more" onClick={() => Taro.navigateTo({ url: '/packages/progress/mine/index' })}>
        登录后可在“我的办件”中补正材料、评价服务 ›
      </View>
    </View>
  );
}
