import { View } from '@tarojs/components';
import { WO_ACTIONS, type WorkOrderAction } from '@yx/shared';
import { useState } from 'react';
import { woApi, type WoActionBody } from '../../../api/workorders';
import { confirmStep } from '../../../components/confirmStep';
import { useSubmit } from '../../../hooks/useSubmit';
import { RedispatchForm, ResolveForm, ReturnForm, StartForm, type FormProps } from './ActionForms';
import type { WoActProps } from './parts';
import { ErrorLine } from '../../../components/ErrorLine';
import { Button } from '../../../components/Button';

/** Short enough for a WeChat success toast (7 characters). */
const TOASTS: Record<WorkOrderAction, string> = {
  claim: '已签收',
  start: '已开始处理',
  resolve: '已办结回复',
  return: '已退单',
  redispatch: '已改派',
};
const ACTION_ORDER: WorkOrderAction[] = ['claim', 'start', 'resolve', 'return', 'redispatch'];

/** 办理: the actions the server allows this person now; 签收 at once (after asking), the others through their form. */
export function ActionPanel({ d, onDone, onError }: WoActProps) {
  const actions = ACTION_ORDER.filter((a) => d.actions?.includes(a));
  const [open, setOpen] = useState<WorkOrderAction>();
  const { busy, send } = useSubmit(onError, (m) => setError(m));
  const [error, setError] = useState<string>();

  const run = async <A extends WorkOrderAction>(action: A, body: WoActionBody<A>) => {
    setError(undefined);
    await send(async () => {
      onDone(await woApi.act(d.no, action, body), TOASTS[action]);
    });
  };

  const claim = async () => {
    if (await confirmStep('确认签收', '签收后由您负责办理，请在答复期限前办结回复。', '签收')) await run('claim', {});
  };

  const props: FormProps = { run, busy };
  return (
    <View className="section" data-testid="action-panel">
      <View className="section-title">办理</View>
      {!actions.length && <View className="muted">当前没有需要您办理的操作</View>}
      <View className="wd-actions">
        {actions.map((a) => (
          <Button
            key={a}
            data-testid={`wo-action-${a}`}
            disabled={busy || undefined}
            className={`btn ${a === 'claim' || a === 'resolve' ? '' : 'btn-plain'} wd-action ${open === a ? 'on' : ''}`}
            onClick={() => {
              setError(undefined);
              if (a === 'claim') void claim();
              else setOpen(open === a ? undefined : a);
            }}
          >
            {WO_ACTIONS[a].name}
          </Button>
        ))}
      </View>
      <ErrorLine error={error} />
      {open === 'start' && <StartForm {...props} />}
      {open === 'resolve' && <ResolveForm {...props} />}
      {open === 'return' && <ReturnForm {...props} />}
      {open === 'redispatch' && <RedispatchForm {...props} />}
    </View>
  );
}
