import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { canWithdraw, ENDED_STATES, RATING_COMMENT_MAX, RATING_NAMES, RATINGS, type ApplicationDetail, type Rating } from '@yx/shared';
import { useState } from 'react';
import { api, ApiError, asApiError } from '../../../api/client';
import { useActedDetail, type ActProps } from '../../../hooks/useActedDetail';
import { pickAndUploadImage as pickAndUpload, type Uploaded } from '../../../api/upload';
import { Page } from '../../../components/Page';
import { MaterialRow } from '../../../components/MaterialFiles';
import { confirmStep } from '../../../components/confirmStep';
import { DetailHead, DetailShell } from '../../../components/DetailShell';
import { RoleGate } from '../../../components/RoleGate';
import { formatDate, formatDay, Timeline } from '../../../components/Timeline';
import { StateTag, TrafficLight } from '../../../components/TrafficLight';
import './index.css';


const openApplication = (appNo: string) => Taro.navigateTo({ url: `/packages/progress/detail/index?appNo=${encodeURIComponent(appNo)}` });

/** Today's date in Shanghai as "YYYY-MM-DD" (UTC + 8 hours, no Intl needed). */
const todayInShanghai = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

type ActionProps = ActProps<ApplicationDetail>;

export default function ApplicationDetailPage() {
  const { params } = useRouter();
  const appNo = (params?.appNo ?? '').toUpperCase();
  const lookup = (
    <View className="muted dt-lookup" onClick={() => Taro.navigateTo({ url: `/packages/progress/lookup/index?appNo=${encodeURIComponent(appNo)}` })}>
      不登录，用查询码查进度 ›
    </View>
  );
  return (
    <Page className="dt">
      <RoleGate what="办件详情" loginText="登录后可查看办件详情" loginExtra={lookup}><Application appNo={appNo} /></RoleGate>
    </Page>
  );
}

function Application({ appNo }: { appNo: string }) {
  // 409: the state changed meanwhile (e.g. the department accepted it): say so and show the current one
  const detail = useActedDetail<ApplicationDetail>(
    () => (appNo ? api.application(appNo) : Promise.reject(new ApiError(400, 'CLIENT', '缺少办件编号，请从“我的办件”进入'))),
    [appNo],
  );
  return <DetailShell detail={detail}>{(d) => <DetailBody d={d} onDone={detail.onDone} onError={detail.onError} />}</DetailShell>;
}

export function DetailBody({ d, onDone, onError }: ActionProps) {
  const running = d.light !== null;
  const ended = ENDED_STATES.includes(d.state) || d.state === 'withdrawn';
  return (
    <View>
      <DetailHead title={d.itemName} lines={[d.departmentName, `办件编号 ${d.appNo}`]}>
        <StateTag state={d.state} name={d.stateName} />
      </DetailHead>

      <View className="dt-clock">
        <TrafficLight light={d.light} remainingDays={d.remainingDays} state={d.state} />
        {running && (
          <View className="dt-facts">
            <View className="dt-fact"><View className="dt-fact-num">{d.usedDays ?? 0}</View><View className="muted">已用工作日</View></View>
            <View className="dt-fact">
              <View className={`dt-fact-num ${(d.remainingDays ?? 0) < 0 ? 'over' : ''}`}>{Math.abs(d.remainingDays ?? 0)}</View>
              <View className="muted">{(d.remainingDays ?? 0) < 0 ? '超时工作日' : '剩余工作日'}</View>
            </View>
            <View className="dt-fact"><View className="dt-fact-date">{formatDay(d.deadline)}</View><View className="muted">办结期限</View></View>
          </View>
        )}
        {d.state === 'supplement' && <View className="muted dt-clock-note">补正期间暂停计时，补正后继续计算，办结期限相应顺延。</View>}
        <View className="muted dt-limits">承诺 {d.promisedDays} 个工作日 / 法定 {d.statutoryDays} 个工作日 · {formatDate(d.submittedAt)}提交</View>
      </View>

      {(d.nextAction.kind !== 'none' || canWithdraw(d.state) || d.rating) && (
        <View className="section dt-next" data-testid="next-action">
          <View className="section-title">下一步</View>
          {d.nextAction.text && <View className={`dt-next-text kind-${d.nextAction.kind}`}>{d.nextAction.text}</View>}
          {d.nextAction.kind === 'supplement' && d.supplementNotice && <SupplementBox d={d} onDone={onDone} onError={onError} />}
          {d.nextAction.kind === 'rate' && !d.rating && <RateBox d={d} onDone={onDone} onError={onError} />}
          {d.rating && (
            <View className="dt-rated" data-testid="given-rating">
              <View>您的评价：<Text className="dt-rated-value">{RATING_NAMES[d.rating.value]}</Text></View>
              {d.rating.comment && <View className="muted">“{d.rating.comment}”</View>}
              <View className="muted">感谢您的评价，我们会持续改进服务。</View>
            </View>
          )}
          {canWithdraw(d.state) && <WithdrawButton d={d} onDone={onDone} onError={onError} />}
        </View>
      )}

      <View className="section">
        <View className="section-title">办理进度</View>
        <Timeline entries={d.timeline} />
      </View>

      {d.materials.length > 0 && (
        <View className="section">
          <View className="section-title">申请材料</View>
          {d.materials.map((m) => (
            <MaterialRow key={m.name} cls="dt" name={m.name} source={m.source} files={m.files} />
          ))}
        </View>
      )}

      {d.deferred.length > 0 && <DeferredList d={d} />}

      {d.linked.length > 0 && (
        <View className="section">
          <View className="section-title">“一件事”关联办件</View>
          <View className="muted">以下事项与本件一起申请，分别由各部门办理：</View>
          {d.linked.map((l) => (
            <View key={l.appNo} className="dt-row dt-link" onClick={() => openApplication(l.appNo)} role="link">
              <View>
                <View className="dt-row-name">{l.itemName}</View>
                <View className="muted">{l.appNo}</View>
              </View>
              <Text className="dt-arrow">›</Text>
            </View>
          ))}
        </View>
      )}

      {ended && <View className="muted dt-foot">如对办理结果有疑问，可拨打 12345 政务服务热线咨询。</View>}
    </View>
  );
}

function DeferredList({ d }: { d: ApplicationDetail }) {
  const today = todayInShanghai();
  return (
    <View className="section">
      <View className="section-title">容缺材料</View>
      <View className="muted">容缺受理的材料，请在期限内补交：</View>
      {d.deferred.map((m) => {
        const late = !m.handedIn && m.dueDate < today;
        return (
          <View key={m.name} className="dt-row" data-testid="deferred">
            <View>
              <View className="dt-row-name">{m.name}</View>
              <View className="muted">请于 {formatDay(m.dueDate)} 前补交</View>
            </View>
            <Text className={`tag ${m.handedIn ? 'tag-green' : late ? 'tag-red' : 'tag-orange'}`}>{m.handedIn ? '已补交' : late ? '已逾期' : '待补交'}</Text>
          </View>
        );
      })}
    </View>
  );
}

// ---- 补正 ------------------------------------------------------------------------------------

function SupplementBox({ d, onDone, onError }: ActionProps) {
  const notice = d.supplementNotice!;
  const [files, setFiles] = useState<Record<string, Uploaded>>({});
  const [uploading, setUploading] = useState<string>(); // the material being uploaded
  const [submitting, setSubmitting] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const busy = Boolean(uploading) || submitting;

  const upload = async (material: string) => {
    setUploading(material);
    setErrors((e) => ({ ...e, [material]: '', form: '' }));
    try {
      const up = await pickAndUpload(material);
      if (up) setFiles((f) => ({ ...f, [material]: up }));
    } catch (e) {
      setErrors((x) => ({ ...x, [material]: asApiError(e).message }));
    } finally {
      setUploading(undefined);
    }
  };

  const submit = async () => {
    const missing = notice.items.filter((i) => !files[i.material]).map((i) => i.material);
    if (missing.length) { setErrors((e) => ({ ...e, form: `请先上传：${missing.join('、')}` })); return; }
    setSubmitting(true);
    setErrors({});
    try {
      // keyed by the material name exactly as the notice lists it
      const answers = Object.fromEntries(notice.items.map((i) => [i.material, [{ kind: 'upload', fileId: files[i.material].fileId }]]));
      onDone(await api.supplement(d.appNo, answers), '补正已提交');
    } catch (e) {
      const m = onError(e);
      if (m) setErrors({ form: m });
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <View className="dt-supp" data-testid="supplement">
      <View className="dt-box-title">一次性告知清单</View>
      <View className="muted">请按以下清单一次补齐，每项拍照或从相册选择清晰的照片（JPG、PNG，不超过 10 MB）。</View>
      {notice.dueDate && <View className="dt-due">请于 {formatDay(notice.dueDate)} 前补正</View>}
      {/* disabled/loading are passed as true or undefined: H5 renders false as disabled="false", which .btn[disabled] greys out */}
      {notice.items.map((i, n) => {
        const up = files[i.material];
        return (
          <View key={i.material} className="dt-supp-item" data-testid="supplement-item">
            <View className="dt-supp-name">{n + 1}. {i.material}</View>
            <View className="muted">原因：{i.reason}</View>
            {up && <View className="dt-supp-done">已上传：{up.fileName}</View>}
            {errors[i.material] && <View className="error-text" role="alert">{errors[i.material]}</View>}
            <Button
              className={`btn ${up ? 'btn-plain' : ''} dt-supp-btn`} disabled={busy || undefined} loading={uploading === i.material || undefined}
              onClick={() => upload(i.material)} aria-label={`${up ? '重新上传' : '上传'}${i.material}`}
            >
              {up ? '重新上传' : '拍照或选择照片'}
            </Button>
          </View>
        );
      })}
      {errors.form && <View className="error-text" role="alert">{errors.form}</View>}
      <Button className="btn dt-submit" disabled={busy || undefined} loading={submitting || undefined} onClick={submit}>提交补正材料</Button>
    </View>
  );
}

// ---- 好差评 ----------------------------------------------------------------------------------

function RateBox({ d, onDone, onError }: ActionProps) {
  const [value, setValue] = useState<Rating>();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const submit = async () => {
    if (!value) { setError('请先选择一个评价'); return; }
    setBusy(true);
    setError(undefined);
    try {
      onDone(await api.rate(d.appNo, value, comment.trim() || undefined), '感谢您的评价');
    } catch (e) {
      const m = onError(e);
      if (m) setError(m);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="dt-rate" data-testid="rate">
      <View className="dt-rate-choices" role="radiogroup" aria-label="服务评价">
        {RATINGS.map((r, i) => (
          <View
            key={r} className={`dt-rate-choice ${value === r ? 'on' : ''} level-${i}`} role="radio" aria-checked={value === r} aria-label={RATING_NAMES[r]}
            onClick={() => { setValue(r); setError(undefined); }}
          >
            <View className="dt-rate-name">{RATING_NAMES[r]}</View>
            <View className="dt-rate-stars">{'★'.repeat(RATINGS.length - i)}</View>
          </View>
        ))}
      </View>
      <Textarea
        className="dt-rate-comment" value={comment} maxlength={RATING_COMMENT_MAX} placeholder="说说您的办事感受（选填）"
        onInput={(e) => setComment(e.detail.value.slice(0, RATING_COMMENT_MAX))} aria-label="评价内容"
      />
      <View className="muted dt-rate-count">{comment.length}/{RATING_COMMENT_MAX}</View>
      {error && <View className="error-text" role="alert">{error}</View>}
      <Button className="btn dt-submit" disabled={busy || undefined} loading={busy || undefined} onClick={submit}>提交评价</Button>
    </View>
  );
}

// ---- 撤回 ------------------------------------------------------------------------------------

function WithdrawButton({ d, onDone, onError }: ActionProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const withdraw = async () => {
    if (!(await confirmStep('撤回申请', '撤回后需要重新提交申请，确定撤回吗？', '确定撤回', '再想想'))) return;
    setBusy(true);
    setError(undefined);
    try {
      onDone(await api.withdraw(d.appNo), '已撤回');
    } catch (e) {
      const m = onError(e);
      if (m) setError(m);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="dt-withdraw">
      {error && <View className="error-text" role="alert">{error}</View>}
      <Button className="btn btn-plain" disabled={busy || undefined} loading={busy || undefined} onClick={withdraw}>撤回申请</Button>
    </View>
  );
}
