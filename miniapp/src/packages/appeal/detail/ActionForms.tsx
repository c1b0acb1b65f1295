import { View } from '@tarojs/components';
import { STREETS, WO_COMMENT_MAX, WO_DESCRIPTION_MAX, WO_PHOTOS_MAX, WO_TEXT_MIN, type WorkOrderAction } from '@yx/shared';
import { useState } from 'react';
import { api } from '../../../api/client';
import type { Uploaded } from '../../../api/upload';
import type { WoActionBody } from '../../../api/workorders';
import { Chips } from '../../../components/Chips';
import { confirmStep } from '../../../components/confirmStep';
import { PhotoPicker } from '../../../components/PhotoPicker';
import { StateView } from '../../../components/StateView';
import { TextBox } from '../../../components/TextBox';
import { useAsync } from '../../../hooks/useAsync';
import { ErrorLine } from '../../../components/ErrorLine';
import { Button } from '../../../components/Button';

/** The forms behind 开始处理, 办结回复, 退单 and 改派: each checks what it can, asks before what cannot be undone, then runs the action. */
export interface FormProps {
  run: <A extends WorkOrderAction>(action: A, body: WoActionBody<A>) => Promise<void>;
  busy: boolean;
}

export function StartForm({ run, busy }: FormProps) {
  const [note, setNote] = useState('');
  return (
    <View className="wd-form" data-testid="form-start">
      <View className="wd-form-title">开始处理</View>
      <TextBox label="处理说明（选填）" value={note} max={WO_COMMENT_MAX} placeholder="如：已联系反映人，明早到现场核查" onInput={setNote} />
      <Button
        className="btn wd-submit"
        disabled={busy || undefined}
        loading={busy || undefined}
        onClick={() => run('start', note.trim() ? { note: note.trim() } : {})}
      >
        开始处理
      </Button>
    </View>
  );
}

export function ResolveForm({ run, busy }: FormProps) {
  const [result, setResult] = useState('');
  const [photos, setPhotos] = useState<Uploaded[]>([]);
  const [uploading, setUploading] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const submit = async () => {
    const text = result.trim();
    if (text.length < WO_TEXT_MIN) {
      setErrors({ result: `办结回复至少 ${WO_TEXT_MIN} 个字，请写明处理结果` });
      return;
    }
    if (!(await confirmStep('确认办结', '办结后将把处理结果告知反映人，并请其评价。', '确认办结'))) return;
    await run('resolve', { result: text, photoIds: photos.map((p) => p.fileId) });
  };

  return (
    <View className="wd-form" data-testid="form-resolve">
      <View className="wd-form-title">办结回复</View>
      <TextBox
        label="处理结果"
        value={result}
        max={WO_DESCRIPTION_MAX}
        error={errors.result}
        placeholder={`写明核查情况和处理结果，将告知反映人（至少 ${WO_TEXT_MIN} 个字）`}
        onInput={(v) => {
          setResult(v);
          setErrors(({ result: _r, ...rest }) => rest);
        }}
      />
      <View className="field-label">现场照片（选填，最多 {WO_PHOTOS_MAX} 张）</View>
      <PhotoPicker
        dense
        material="办结照片"
        testId="resolve-photo"
        max={WO_PHOTOS_MAX}
        disabled={busy || undefined}
        photos={photos}
        onChange={setPhotos}
        onUploading={setUploading}
      />
      <Button className="btn wd-submit" disabled={busy || uploading || undefined} loading={busy || undefined} onClick={submit}>
        提交办结回复
      </Button>
    </View>
  );
}

export function ReturnForm({ run, busy }: FormProps) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const submit = async () => {
    const text = reason.trim();
    if (text.length < WO_TEXT_MIN) {
      setError(`退单理由至少 ${WO_TEXT_MIN} 个字，请写明为何不属于本单位办理`);
      return;
    }
    if (!(await confirmStep('确认退单', '退单后工单退回调度重新派单。', '确认退单'))) return;
    await run('return', { reason: text });
  };
  return (
    <View className="wd-form" data-testid="form-return">
      <View className="wd-form-title">退单</View>
      <TextBox
        label="退单理由"
        value={reason}
        max={WO_COMMENT_MAX}
        error={error}
        placeholder="如：该路段属荔湾区管辖，建议转荔湾区处理"
        onInput={(v) => {
          setReason(v);
          setError(undefined);
        }}
      />
      <Button className="btn wd-submit" disabled={busy || undefined} loading={busy || undefined} onClick={submit}>
        退单
      </Button>
    </View>
  );
}

export function RedispatchForm({ run, busy }: FormProps) {
  const depts = useAsync(() => api.departments(), []);
  const [teamId, setTeamId] = useState<string>();
  const [note, setNote] = useState('');
  const [error, setError] = useState<string>();
  const deptOptions = (depts.data?.items ?? []).map((x) => ({ value: `dept:${x.id}`, label: x.shortName }));
  const gridOptions = STREETS.map((s) => ({ value: `grid:${s.id}`, label: `${s.name}网格` }));
  const choose = (v: string) => {
    setTeamId(v);
    setError(undefined);
  };

  const submit = async () => {
    if (!teamId) {
      setError('请选择改派的承办单位');
      return;
    }
    const label = [...deptOptions, ...gridOptions].find((o) => o.value === teamId)?.label ?? teamId;
    if (!(await confirmStep('确认改派', `改派至 ${label}，由其重新签收办理。`, '确认改派'))) return;
    await run('redispatch', { teamId, ...(note.trim() ? { note: note.trim() } : {}) });
  };

  return (
    <View className="wd-form" data-testid="form-redispatch">
      <View className="wd-form-title">改派</View>
      <View className="field-label">职能部门</View>
      <StateView loading={depts.loading} error={depts.error} onRetry={depts.reload}>
        <Chips label="职能部门" value={teamId} options={deptOptions} onChange={choose} />
      </StateView>
      <View className="field-label">街道网格</View>
      <Chips label="街道网格" value={teamId} options={gridOptions} onChange={choose} className="wd-grid-chips" />
      <ErrorLine error={error} />
      <TextBox label="改派说明（选填）" value={note} max={WO_COMMENT_MAX} placeholder="如：属占道经营，请城管处理" onInput={setNote} />
      <Button className="btn wd-submit" disabled={busy || undefined} loading={busy || undefined} onClick={submit}>
        改派
      </Button>
    </View>
  );
}
