import { View } from '@tarojs/components';
import { useState } from 'react';
import { creditStaffApi, type CreditReview } from '../../../../api/credit';
import { Button } from '../../../../components/Button';
import { confirmStep } from '../../../../components/confirmStep';
import { SendButton } from '../../../../components/SendButton';
import { TextBox } from '../../../../components/TextBox';
import type { ActProps } from '../../../../hooks/useActedDetail';
import { useSubmit } from '../../../../hooks/useSubmit';

/**
 * 同意 (asked once more: the record leaves the public profile and the grade is computed again) or 不同意 with a reason
 * the firm is told (at least 2 characters); both over the version read, so a 409 says another officer was first.
 */
export function Decision({ d, onDone, onError }: ActProps<CreditReview>) {
  const [refusing, setRefusing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const [failed, setFailed] = useState<string>();
  const { busy, send } = useSubmit(onError, setFailed);

  const approve = async () => {
    setFailed(undefined);
    if (!(await confirmStep('同意申请', '同意后该信息将不再公示，企业信用等级将重新评定', '同意'))) return;
    await send(async () => {
      onDone(await creditStaffApi.decide(d.id, { version: d.version, approve: true }), '已同意');
    });
  };
  const refuse = async () => {
    setFailed(undefined);
    const text = reason.trim();
    if (text.length < 2) {
      setReasonError('请写明不同意的理由（至少 2 个字），企业会收到通知');
      return;
    }
    if (!(await confirmStep('不同意申请', '提交后不能修改，理由会通知企业。确定提交？', '提交'))) return;
    await send(async () => {
      onDone(await creditStaffApi.decide(d.id, { version: d.version, approve: false, reason: text }), '已答复');
    });
  };

  return (
    <View className="section" data-testid="decision">
      <View className="section-title">核查结论</View>
      {refusing ? (
        <View>
          <TextBox
            label="不同意的理由"
            value={reason}
            max={500}
            placeholder="如：整改报告未体现已缴清罚款，请补充缴款凭证后重新申请"
            error={reasonError}
            onInput={(v) => {
              setReason(v);
              setReasonError(undefined);
            }}
          />
          <SendButton className="btn" testId="refuse-send" error={failed} busy={busy} onClick={() => void refuse()}>
            提交不同意
          </SendButton>
          <Button className="btn btn-plain scd-second" disabled={busy || undefined} onClick={() => setRefusing(false)}>
            返回
          </Button>
        </View>
      ) : (
        <View>
          <SendButton className="btn" testId="approve" error={failed} busy={busy} onClick={() => void approve()}>
            同意
          </SendButton>
          <Button
            className="btn btn-plain scd-second"
            data-testid="refuse"
            disabled={busy || undefined}
            onClick={() => {
              setRefusing(true);
              setFailed(undefined);
            }}
          >
            不同意
          </Button>
        </View>
      )}
    </View>
  );
}
