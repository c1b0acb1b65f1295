import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ConfirmOfferRequest, yuan } from '@yx/shared';
import { useState } from 'react';
import { asApiError } from '../../../api/client';
import { policyApi, type OfferView } from '../../../api/policies';
import { ErrorLine } from '../../../components/ErrorLine';
import { Field, fieldErrors } from '../../../components/Field';
import { SendButton } from '../../../components/SendButton';
import { confirmStep } from '../../../components/confirmStep';
import { useSubmit } from '../../../hooks/useSubmit';
import { CheckRow } from '../../../components/CheckRow';

export const AGREEMENT = '本企业确认以上信息属实，自愿申请享受该政策';

/**
 * 意愿确认: the account the money goes to and the firm's agreement, asked once more in a dialog before anything is sent.
 * What was typed stays when the server refuses (an agent without 政策兑现): its message shows above the button. A 409 (confirmed
 * elsewhere, lapsed meanwhile) also reloads the list, which shows where the offer is now.
 */
export function ConfirmForm({ offer, onDone }: { offer: OfferView; onDone: () => void }) {
  const [bank, setBank] = useState('');
  const [accountNo, setAccountNo] = useState('');
  const [agree, setAgree] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, send } = useSubmit(
    (e) => {
      const err = asApiError(e);
      // confirmed from another phone, or lapsed meanwhile: the list shows where it is now
      if (err.status === 409) {
        Taro.showToast({ title: err.message, icon: 'none' });
        onDone();
      }
      return err.message;
    },
    (form) => setErrors({ form }),
  );

  const submit = async () => {
    const r = ConfirmOfferRequest.safeParse({ account: { bank, accountNo }, agree });
    if (!r.success) {
      setErrors(fieldErrors(r.error));
      return;
    }
    setErrors({});
    const { account } = r.data;
    const sure = await confirmStep(
      '确认领取',
      `${offer.itemTitle}：${yuan(offer.amountYuan)}，拨付至${account.bank}尾号 ${account.accountNo.slice(-4)} 的账户。确认后由主管部门审核拨付，收款账户不能再修改。`,
      '确认领取',
    );
    if (!sure) return;
    await send(async () => {
      await policyApi.confirmOffer(offer.itemId, r.data);
      Taro.showToast({ title: '已确认领取', icon: 'success' });
      onDone();
    });
  };

  return (
    <View className="po-form" data-testid="confirm-form">
      <View className="po-form-title">收款账户（企业对公账户）</View>
      <Field name="bank" label="开户银行" value={bank} onInput={setBank} error={errors['account.bank']} placeholder="如：中国工商银行广州越秀支行" />
      <Field
        name="accountNo"
        label="银行账号"
        type="number"
        maxlength={30}
        value={accountNo}
        onInput={setAccountNo}
        error={errors['account.accountNo']}
        placeholder="8–30 位数字"
      />
      <CheckRow label={AGREEMENT} checked={agree} onToggle={() => setAgree(!agree)} testId="agree" />
      <ErrorLine error={errors.agree} />
      <SendButton className="btn po-confirm" error={errors.form} errorTestId="confirm-error" busy={busy} onClick={submit} testId="confirm">
        确认领取
      </SendButton>
    </View>
  );
}
