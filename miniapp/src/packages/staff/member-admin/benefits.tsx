import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  Benefit,
  BENEFIT_DESCRIPTION_MAX,
  BENEFIT_PARTNER_MAX,
  BENEFIT_PER_MEMBER_MAX,
  BENEFIT_POINTS_MAX,
  BENEFIT_STOCK_MAX,
  BENEFIT_TITLE_MAX,
  BENEFIT_VALID_DAYS_MAX,
  MEMBER_SLUG_MAX,
  type MemberRules,
} from '@yx/shared';
import { useState } from 'react';
import type { ApiError } from '../../../api/client';
import { memberAdminApi, type AdminBenefit } from '../../../api/memberAdmin';
import { Field, fieldErrors } from '../../../components/Field';
import { StateView } from '../../../components/StateView';
import { type AsyncState, useAsync } from '../../../hooks/useAsync';
import { asApiError } from '../../../api/client';
import { Chips } from '../../../components/Chips';
import { confirmStep } from '../../../components/confirmStep';
import { TextBox } from '../../../components/TextBox';
import { count, digits, FormError, num } from './parts';
import { ErrorLine } from '../../../components/ErrorLine';
import { Button } from '../../../components/Button';

/** Every Benefit field as typed: numbers stay strings until checked, so nothing typed is ever lost. */
export interface BenefitDraft {
  id: string;
  title: string;
  description: string;
  partner: string;
  partnerId: string;
  minLevel: string;
  stock: string;
  perMemberLimit: string;
  pointsPrice: string;
  validDays: string;
}

const emptyDraft = (rules?: MemberRules): BenefitDraft => ({
  id: '',
  title: '',
  description: '',
  partner: '',
  partnerId: '',
  minLevel: rules?.levels[0]?.id ?? '',
  stock: '',
  perMemberLimit: '1',
  pointsPrice: '0',
  validDays: '30',
});

const toDraft = (b: Benefit): BenefitDraft => ({
  id: b.id,
  title: b.title,
  description: b.description,
  partner: b.partner,
  partnerId: b.partnerId,
  minLevel: b.minLevel,
  stock: String(b.stock),
  perMemberLimit: String(b.perMemberLimit),
  pointsPrice: String(b.pointsPrice),
  validDays: String(b.validDays),
});

/**
 * The shared schema's check (its messages are Chinese) plus what the server would refuse: a level
 * the rules do not have, and (when editing) less stock than has already been claimed.
 */
export function validateBenefit(d: BenefitDraft, rules: MemberRules | undefined, original?: AdminBenefit): { body?: Benefit; errors: Record<string, string> } {
  const r = Benefit.safeParse({
    id: d.id.trim(),
    title: d.title,
    description: d.description,
    partner: d.partner,
    partnerId: d.partnerId.trim(),
    minLevel: d.minLevel,
    stock: num(d.stock),
    perMemberLimit: num(d.perMemberLimit),
    pointsPrice: num(d.pointsPrice),
    validDays: num(d.validDays),
  });
  const errors = r.success ? {} : fieldErrors(r.error);
  if (rules && d.minLevel && !rules.levels.some((l) => l.id === d.minLevel)) errors.minLevel ??= '请从会员等级中选择';
  if (!d.minLevel) errors.minLevel = '请选择最低等级';
  const stock = num(d.stock);
  if (original && !errors.stock && stock !== undefined && stock < count(original.claimed)) errors.stock = `库存不能少于已领取的 ${original.claimed} 份`;
  return { body: r.success && !Object.keys(errors).length ? r.data : undefined, errors };
}

/** The server's field details (400) under the fields, without the "stock：" prefix it adds. */
function serverFieldErrors(err: ApiError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const d of err.details ?? []) {
    const key = d.field.replace(/^body\./, '');
    out[key] ??= d.message.replace(/^[^：]*：/, '');
  }
  return out;
}

type Editing = { mode: 'create' } | { mode: 'update'; original: AdminBenefit };

/** 福利: the member-day benefits with what has become of their stock; add one or change one. */
export function BenefitsTab({ rules, rulesState }: { rules?: MemberRules; rulesState: AsyncState<MemberRules> }) {
  const list = useAsync(() => memberAdminApi.benefits(), []);
  const [editing, setEditing] = useState<Editing>();
  const levelName = (id: string) => rules?.levels.find((l) => l.id === id)?.name ?? id;
  const items = list.data?.items ?? [];
  const done = () => {
    setEditing(undefined);
    list.reload();
  };

  if (!rules) {
    return (
      <StateView loading={rulesState.loading} error={rulesState.error} onRetry={rulesState.reload}>
        <View />
      </StateView>
    );
  }
  return (
    <View>
      {editing?.mode === 'create' ? (
        <View className="section ma-benefit-new">
          <View className="section-title">新增福利</View>
          <BenefitForm rules={rules} onCancel={() => setEditing(undefined)} onSaved={done} />
        </View>
      ) : (
        <View className="ma-actions">
          <Button className="btn ma-add" onClick={() => setEditing({ mode: 'create' })}>
            ＋ 新增福利
          </Button>
        </View>
      )}
      <StateView loading={list.loading && !list.data} error={list.error} onRetry={list.reload} empty={!items.length} emptyText="还没有福利，点“新增福利”添加">
        {items.map((b) => (
          <View key={b.id} className="card ma-benefit" data-testid={`benefit-${b.id}`}>
            <View className="card-head">
              <View className="card-name">{b.title}</View>
              <Text className={`tag ${count(b.stockLeft) ? 'tag-green' : 'tag-gray'}`}>{count(b.stockLeft) ? `剩余 ${count(b.stockLeft)}` : '已领完'}</Text>
            </View>
            <View className="muted">
              {b.partner} · 编号 {b.id}
            </View>
            <View className="ma-benefit-tags">
              <Text className="tag tag-blue">{levelName(b.minLevel)}及以上</Text>
              <Text className="tag tag-orange">{b.pointsPrice > 0 ? `${b.pointsPrice} 积分` : '免费'}</Text>
              <Text className="tag tag-gray">每人限领 {b.perMemberLimit} 次</Text>
              <Text className="tag tag-gray">领取后 {b.validDays} 天内有效</Text>
            </View>
            <View className="ma-benefit-nums" data-testid="benefit-nums">
              <View className="ma-num">
                <View className="ma-num-value">{count(b.stock)}</View>
                <View className="muted">库存</View>
              </View>
              <View className="ma-num">
                <View className="ma-num-value">{count(b.stockLeft)}</View>
                <View className="muted">剩余</View>
              </View>
              <View className="ma-num">
                <View className="ma-num-value">{count(b.claimed)}</View>
                <View className="muted">已领取</View>
              </View>
              <View className="ma-num">
                <View className="ma-num-value">{count(b.redeemed)}</View>
                <View className="muted">已核销</View>
              </View>
            </View>
            {editing?.mode === 'update' && editing.original.id === b.id ? (
              <View className="card-panel">
                <BenefitForm rules={rules} original={b} onCancel={() => setEditing(undefined)} onSaved={done} />
              </View>
            ) : (
              <Button className="btn btn-plain card-btn ma-edit" onClick={() => setEditing({ mode: 'update', original: b })}>
                修改
              </Button>
            )}
          </View>
        ))}
      </StateView>
    </View>
  );
}

function BenefitForm({ rules, original, onCancel, onSaved }: { rules: MemberRules; original?: AdminBenefit; onCancel: () => void; onSaved: () => void }) {
  const [d, setD] = useState<BenefitDraft>(() => (original ? toDraft(original) : emptyDraft(rules)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const set = (k: keyof BenefitDraft) => (v: string) => setD((x) => ({ ...x, [k]: v }));
  const f = (k: keyof BenefitDraft, label: string, opts: { number?: boolean; placeholder?: string; max: number }) => (
    <Field
      name={`benefit-${k}`}
      label={label}
      value={d[k]}
      onInput={set(k)}
      error={errors[k]}
      type={opts.number ? 'number' : 'text'}
      placeholder={opts.placeholder}
      maxlength={opts.max}
    />
  );

  const save = async () => {
    const { body, errors: found } = validateBenefit(d, rules, original);
    setErrors(found);
    if (!body) {
      setFormError(`有 ${Object.keys(found).length} 项需要修改，请看标红的地方`);
      return;
    }
    setFormError(undefined);
    const level = rules.levels.find((l) => l.id === body.minLevel)?.name ?? body.minLevel;
    const ok = await confirmStep(
      original ? '保存修改' : '新增福利',
      original
        ? `“${body.title}”的修改将立即对会员生效，确定保存吗？`
        : `新增“${body.title}”，库存 ${body.stock} 份，${level}及以上会员可在会员日领取。确定保存吗？`,
      '保存',
      '再看看',
    );
    if (!ok) return;
    setBusy(true);
    try {
      await (original ? memberAdminApi.updateBenefit(body) : memberAdminApi.createBenefit(body));
      Taro.showToast({ title: original ? '福利已更新' : '福利已新增', icon: 'success' });
      onSaved();
    } catch (e) {
      const err = asApiError(e);
      const fromServer = serverFieldErrors(err);
      if (err.status === 409 && !original) fromServer.id ??= err.message;
      setErrors(fromServer);
      setFormError(err.message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="ma-form" data-testid="benefit-form">
      {original ? (
        <View className="field">
          <View className="field-label">福利编号</View>
          <View className="ma-fixed">{original.id}（不能修改）</View>
        </View>
      ) : (
        <View>
          {f('id', '福利编号', { placeholder: '如 museum-ticket', max: MEMBER_SLUG_MAX })}
          <View className="muted ma-hint">小写字母、数字和短横线，保存后不能修改</View>
        </View>
      )}
      {f('title', '福利名称', { placeholder: '如 博物馆门票', max: BENEFIT_TITLE_MAX })}
      <TextBox
        label="福利说明"
        value={d.description}
        onInput={set('description')}
        max={BENEFIT_DESCRIPTION_MAX}
        placeholder="领取和使用说明（可不填）"
        error={errors.description}
      />
      {f('partner', '合作单位', { placeholder: '如 广州博物馆', max: BENEFIT_PARTNER_MAX })}
      {f('partnerId', '合作单位编号', { placeholder: '核销人员账号上的单位编号', max: MEMBER_SLUG_MAX })}
      <View className="field">
        <View className="field-label">最低会员等级</View>
        <Chips label="最低会员等级" value={d.minLevel} onChange={set('minLevel')} options={rules.levels.map((l) => ({ value: l.id, label: l.name }))} />
        <ErrorLine error={errors.minLevel} />
      </View>
      <View className="ma-grid">
        {f('stock', '库存（份）', { number: true, max: digits(BENEFIT_STOCK_MAX) })}
        {f('perMemberLimit', '每人限领次数', { number: true, max: digits(BENEFIT_PER_MEMBER_MAX) })}
        {f('pointsPrice', '所需积分（0 为免费）', { number: true, max: digits(BENEFIT_POINTS_MAX) })}
        {f('validDays', '兑换有效天数', { number: true, max: digits(BENEFIT_VALID_DAYS_MAX) })}
      </View>
      {original && <View className="muted ma-hint">已领取 {count(original.claimed)} 份，库存不能少于此数</View>}
      <FormError message={formError} />
      <View className="ma-form-btns">
        <Button className="btn btn-plain ma-cancel" disabled={busy || undefined} onClick={onCancel}>
          取消
        </Button>
        <Button className="btn ma-save" disabled={busy || undefined} loading={busy || undefined} onClick={save}>
          保存
        </Button>
      </View>
    </View>
  );
}
