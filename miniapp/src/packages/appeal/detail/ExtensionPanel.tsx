import { Text, View } from '@tarojs/components';
import { WO_COMMENT_MAX, WO_EXTENSION_MAX_DAYS, WO_TEXT_MIN } from '@yx/shared';
import { useState } from 'react';
import { woApi, type WoExtension } from '../../../api/workorders';
import { Chips } from '../../../components/Chips';
import { confirmStep } from '../../../components/confirmStep';
import { TextBox } from '../../../components/TextBox';
import { formatDateTime, formatDay } from '../../../components/Timeline';
import { useSubmit } from '../../../hooks/useSubmit';
import type { WoActProps } from './parts';
import { ErrorLine } from '../../../components/ErrorLine';
import { Button } from '../../../components/Button';

/** 延期: 1 to WO_EXTENSION_MAX_DAYS (10) working days, as the server accepts. */
const EXTENSION_DAYS = Array.from({ length: WO_EXTENSION_MAX_DAYS }, (_, i) => String(i + 1));

const EXTENSION_STATUS: Record<WoExtension['status'], [string, string]> = {
  requested: ['待调度审批', 'tag-orange'],
  granted: ['已同意', 'tag-green'],
  refused: ['未同意', 'tag-gray'],
};

/**
 * 延期: the owner of an order in hand asks for 1–10 more working days (one request at a time);
 * the street's dispatcher grants or refuses it. Everyone handling it sees where it stands.
 */
export function ExtensionPanel({ d, onDone, onError }: WoActProps) {
  const ext = d.extension;
  const pending = ext?.status === 'requested';
  // only the owner may resolve (a rule of the server's actions): the same person may ask for more time
  const canRequest = Boolean(d.actions?.includes('resolve')) && ['claimed', 'in_progress'].includes(d.state) && !pending;
  const canDecide = d.dispatcher === true && pending;
  const [open, setOpen] = useState(false);
  if (!ext && !canRequest) return null;
  const [statusName, tone] = ext ? EXTENSION_STATUS[ext.status] : ['', ''];

  return (
    <View className="section" data-testid="extension">
      <View className="section-title">延期</View>
      {ext && (
        <View className="wd-ext" data-testid="extension-status">
          <View className="wd-ext-head">
            <Text>申请延期 {ext.days} 个工作日</Text>
            <Text className={`tag ${tone}`}>{statusName}</Text>
          </View>
          <View className="wd-ext-reason">理由：{ext.reason}</View>
          <View className="muted">{formatDateTime(ext.at)} 提出</View>
        </View>
      )}
      {canDecide && <DecisionForm d={d} ext={ext!} onDone={onDone} onError={onError} />}
      {canRequest && !open && (
        <Button className="btn btn-plain wd-small-btn" data-testid="extension-open" onClick={() => setOpen(true)}>
          申请延期
        </Button>
      )}
      {canRequest && open && <ExtensionForm d={d} onDone={onDone} onError={onError} onCancel={() => setOpen(false)} />}
    </View>
  );
}

function ExtensionForm({ d, onDone, onError, onCancel }: WoActProps & { onCancel: () => void }) {
  const [days, setDays] = useState<string>();
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, send } = useSubmit(onError, (m) => setErrors({ form: m }));

  const submit = async () => {
    const text = reason.trim();
    const errs: Record<string, string> = {};
    if (!days) errs.days = '请选择延期的工作日数';
    if (text.length < WO_TEXT_MIN) errs.reason = `延期理由至少 ${WO_TEXT_MIN} 个字，请写明为何不能按期答复`;
    setErrors(errs);
    if (Object.keys(errs).length) return;
    if (!(await confirmStep('申请延期', `申请延期 ${days} 个工作日，由街道调度审批；审批前仍按原答复期限（${formatDay(d.replyBy)}）计时。`, '提交申请')))
      return;
    await send(async () => {
      onDone(await woApi.requestExtension(d.no, Number(days), text), '已申请延期');
    });
  };

  return (
    <View className="wd-form" data-testid="form-extension">
      <View className="wd-form-title">申请延期</View>
      <View className="field-label">延期工作日数</View>
      <Chips
        label="延期工作日数"
        value={days}
        className="wd-days"
        onChange={(v) => {
          setDays(v);
          setErrors(({ days: _d, ...rest }) => rest);
        }}
        options={EXTENSION_DAYS.map((n) => ({ value: n, label: `${n}天` }))}
      />
      <ErrorLine error={errors.days} />
      <TextBox
        label="延期理由"
        value={reason}
        max={WO_COMMENT_MAX}
        error={errors.reason}
        placeholder={`如：需协调产权单位到场，预计下周完成（至少 ${WO_TEXT_MIN} 个字）`}
        onInput={(v) => {
          setReason(v);
          setErrors(({ reason: _r, ...rest }) => rest);
        }}
      />
      <ErrorLine error={errors.form} />
      <View className="wd-form-buttons">
        <Button className="btn btn-plain wd-half" disabled={busy || undefined} onClick={onCancel}>
          取消
        </Button>
        <Button className="btn wd-half" disabled={busy || undefined} loading={busy || undefined} onClick={submit}>
          提交申请
        </Button>
      </View>
    </View>
  );
}

/** The street's dispatcher on a pending request: grant (the reply date moves) or refuse, each confirmed. */
function DecisionForm({ d, ext, onDone, onError }: WoActProps & { ext: WoExtension }) {
  const [note, setNote] = useState('');
  const { busy, send } = useSubmit(onError, (m) => setError(m));
  const [error, setError] = useState<string>();

  const decide = async (approve: boolean) => {
    setError(undefined);
    const ok = approve
      ? await confirmStep('同意延期', `同意延期 ${ext.days} 个工作日，答复期限将从 ${formatDay(d.replyBy)} 相应顺延。`, '同意')
      : await confirmStep('不同意延期', `不同意延期，承办人须在原答复期限（${formatDay(d.replyBy)}）前答复。`, '不同意');
    if (!ok) return;
    await send(async () => {
      onDone(await woApi.decideExtension(d.no, approve, note.trim() || undefined), approve ? '已同意延期' : '已不同意延期');
    });
  };

  return (
    <View className="wd-form" data-testid="extension-decision">
      <TextBox label="审批意见（选填）" value={note} max={WO_COMMENT_MAX} placeholder="如：同意，请务必在延期内办结" onInput={setNote} />
      <ErrorLine error={error} />
      <View className="wd-form-buttons">
        <Button className="btn btn-plain wd-half" data-testid="extension-refuse" disabled={busy || undefined} onClick={() => decide(false)}>
          不同意延期
        </Button>
        <Button className="btn wd-half" data-testid="extension-approve" disabled={busy || undefined} loading={busy || undefined} onClick={() => decide(true)}>
          同意延期
        </Button>
      </View>
    </View>
  );
}
