import { View } from '@tarojs/components';
import { ApproveOffersRequest, businessDate, PayOffersRequest, RejectOffersRequest, yuan, type OfferView } from '@yx/shared';
import { useState } from 'react';
import { asApiError, type RouteResponse } from '../../../../api/client';
import { staffPoliciesApi } from '../../../../api/staffPolicies';
import { Button } from '../../../../components/Button';
import { Field } from '../../../../components/Field';
import { SendButton } from '../../../../components/SendButton';
import { TextBox } from '../../../../components/TextBox';
import { confirmStep } from '../../../../components/confirmStep';
import { useSubmit } from '../../../../hooks/useSubmit';

export type ActionResult = RouteResponse<'POST /v1/staff/policy-items/{itemId}/approve'>;
/** What was done, for the result: the action's name and the firms' names by credit code. */
export interface Outcome {
  action: string;
  result: ActionResult;
  names: Record<string, string>;
}

const total = (rows: OfferView[]) => yuan(rows.reduce((a, o) => a + o.amountYuan, 0));

/**
 * What the officer does with the firms selected: in 已确认, 审核通过 or 不予通过 (with a reason); in 审核通过, 记录拨付
 * (拨付凭证号 and date). Each is checked by the shared schema, asked once more, and answers with done and skipped.
 */
export function Actions({ itemId, tab, picked, onDone }: { itemId: string; tab: 'confirmed' | 'approved'; picked: OfferView[]; onDone: (o: Outcome) => void }) {
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState('');
  const [reference, setReference] = useState('');
  const [paidOn, setPaidOn] = useState(() => businessDate(new Date()));
  const [error, setError] = useState<string>();
  const sending = useSubmit((e) => asApiError(e).message, setError);
  const codes = picked.map((o) => o.creditCode);
  const names = Object.fromEntries(picked.map((o) => [o.creditCode, o.firmName]));
  const n = picked.length;

  const run = (action: string, check: { success: boolean; error?: { issues: { message: string }[] } }, ask: string, send: () => Promise<ActionResult>) =>
    sending.send(async () => {
      if (!check.success) return setError(check.error?.issues[0].message);
      setError(undefined);
      if (!(await confirmStep(`${action} ${n} 家企业`, ask, action))) return;
      const result = await send();
      setReason('');
      setRejecting(false);
      onDone({ action, result, names });
    });

  const approve = () =>
    run('审核通过', ApproveOffersRequest.safeParse({ creditCodes: codes }), `共 ${total(picked)}。审核通过后，等待记录拨付；企业会收到消息。`, () =>
      staffPoliciesApi.approve(itemId, codes),
    );
  const reject = () => {
    const body = { creditCodes: codes, reason: reason.trim() };
    return run('不予通过', RejectOffersRequest.safeParse(body), `原因：${body.reason}。企业会收到消息，看到这一原因。`, () =>
      staffPoliciesApi.reject(itemId, body),
    );
  };
  const pay = () => {
    const body = { creditCodes: codes, reference: reference.trim(), paidOn: paidOn.trim() };
    return run(
      '记录拨付',
      PayOffersRequest.safeParse(body),
      `共 ${total(picked)}，拨付凭证号 ${body.reference}，拨付日期 ${body.paidOn}。记录后企业会收到到账消息。`,
      () => staffPoliciesApi.pay(itemId, body),
    );
  };

  if (tab === 'approved')
    return (
      <View className="pb-actions" data-testid="pb-pay">
        <View className="pe-pair">
          <Field
            name="reference"
            label="拨付凭证号"
            value={reference}
            onInput={setReference}
            maxlength={40}
            placeholder="国库支付凭证号"
            testId="pb-reference"
          />
          <Field name="paidOn" label="拨付日期" value={paidOn} onInput={setPaidOn} maxlength={10} placeholder="YYYY-MM-DD" />
        </View>
        <SendButton className="btn" busy={sending.busy} error={error} errorTestId="pb-error" onClick={pay} testId="pb-pay-go">
          {`记录拨付（已选 ${n} 家）`}
        </SendButton>
      </View>
    );
  return (
    <View className="pb-actions" data-testid="pb-review">
      {rejecting && (
        <TextBox label="不予通过的原因（企业会看到）" value={reason} onInput={setReason} max={200} placeholder="如：经核实，上年度纳税额未达到条件" />
      )}
      <SendButton
        className="btn"
        busy={sending.busy}
        error={error}
        errorTestId="pb-error"
        onClick={rejecting ? reject : approve}
        testId={rejecting ? 'pb-reject-go' : 'pb-approve'}
      >
        {rejecting ? `确认不予通过（已选 ${n} 家）` : `审核通过（已选 ${n} 家）`}
      </SendButton>
      <Button
        className="btn btn-plain pb-second"
        data-testid="pb-reject"
        onClick={() => {
          setRejecting(!rejecting);
          setError(undefined);
        }}
      >
        {rejecting ? '返回审核通过' : '不予通过…'}
      </Button>
    </View>
  );
}

/** The answer: the firms done and the ones skipped, each with why. */
export function OutcomeView({ o }: { o: Outcome }) {
  const name = (c: string) => o.names[c] ?? c;
  return (
    <View className="section pb-outcome" role="status" data-testid="pb-outcome">
      <View className="section-title">
        {o.action}：已办理 {o.result.done.length} 家{o.result.skipped.length ? `，未办理 ${o.result.skipped.length} 家` : ''}
      </View>
      {o.result.done.length > 0 && <View data-testid="pb-done">已办理：{o.result.done.map(name).join('、')}</View>}
      {o.result.skipped.map((s) => (
        <View key={s.creditCode} className="pb-skipped" data-testid={`pb-skipped-${s.creditCode}`}>
          未办理：{name(s.creditCode)}（{s.creditCode}）— {s.reason}
        </View>
      ))}
    </View>
  );
}
