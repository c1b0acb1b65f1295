import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { DEFAULT_MEMBER_RULES, LEVEL_NAME_MAX, LEVEL_PERK_MAX, LEVEL_PERKS_MAX, MEMBER_LEVELS_MAX, MemberRules, STREAK_BONUSES_MAX } from '@yx/shared';
import { useRef, useState } from 'react';
import { memberAdminApi } from '../../../api/memberAdmin';
import { Field, fieldErrors } from '../../../components/Field';
import { StateView } from '../../../components/StateView';
import type { AsyncState } from '../../../hooks/useAsync';
import { asApiError } from '../../../api/client';
import { confirmStep } from '../../../components/confirmStep';
import { TextBox } from '../../../components/TextBox';
import { errAt, FormError, MiniInput, num } from './parts';
import { ErrorLine } from '../../../components/ErrorLine';
import { Button } from '../../../components/Button';

/** The perks box: one perk a line, as many lines and characters as the rules accept. */
const PERKS_TEXT_MAX = LEVEL_PERKS_MAX * (LEVEL_PERK_MAX + 1);
const HEX = /^#[0-9a-fA-F]{6}$/;

interface BonusDraft {
  key: string;
  day: string;
  points: string;
}
interface LevelDraft {
  key: string;
  id: string;
  isNew: boolean;
  name: string;
  threshold: string;
  from: string;
  to: string;
  text: string;
  perks: string;
}
/** The rules as typed: numbers stay strings and perks one per line, until checked. */
export interface RulesDraft {
  basePoints: string;
  bonuses: BonusDraft[];
  levels: LevelDraft[];
  dayOfMonth: string;
}

export function toRulesDraft(r: MemberRules, next: () => string, known: string[] = r.levels.map((l) => l.id)): RulesDraft {
  return {
    basePoints: String(r.checkIn.basePoints),
    bonuses: r.checkIn.streakBonuses.map((b) => ({ key: next(), day: String(b.day), points: String(b.points) })),
    levels: r.levels.map((l) => ({
      key: next(),
      id: l.id,
      isNew: !known.includes(l.id),
      name: l.name,
      threshold: String(l.threshold),
      from: l.face.from,
      to: l.face.to,
      text: l.face.text,
      perks: l.perks.join('\n'),
    })),
    dayOfMonth: String(r.memberDay.dayOfMonth),
  };
}

/** One perk per line; blank lines are ignored. */
const perkLines = (s: string) =>
  s
    .split('\n')
    .map((p) => p.trim())
    .filter(Boolean);

/** What would be sent, before the shared schema has looked at it. */
export function rulesCandidate(d: RulesDraft) {
  return {
    checkIn: { basePoints: num(d.basePoints), streakBonuses: d.bonuses.map((b) => ({ day: num(b.day), points: num(b.points) })) },
    levels: d.levels.map((l) => ({
      id: l.id.trim(),
      name: l.name,
      threshold: num(l.threshold),
      face: { from: l.from.trim(), to: l.to.trim(), text: l.text.trim() },
      perks: perkLines(l.perks),
    })),
    memberDay: { dayOfMonth: num(d.dayOfMonth) },
  };
}

export function validateRules(d: RulesDraft): { body?: MemberRules; errors: Record<string, string> } {
  const r = MemberRules.safeParse(rulesCandidate(d));
  return r.success ? { body: r.data, errors: {} } : { errors: fieldErrors(r.error) };
}

/** 规则: check-in points, streak bonuses, card levels (with a live card face) and member day. */
export function RulesTab({ rules, rulesState, onSaved }: { rules?: MemberRules; rulesState: AsyncState<MemberRules>; onSaved: (r: MemberRules) => void }) {
  if (!rules)
    return (
      <StateView loading={rulesState.loading} error={rulesState.error} onRetry={rulesState.reload}>
        <View />
      </StateView>
    );
  return <RulesForm rules={rules} onSaved={onSaved} />;
}

function RulesForm({ rules, onSaved }: { rules: MemberRules; onSaved: (r: MemberRules) => void }) {
  const seq = useRef(0);
  const next = () => `k${++seq.current}`;
  const [d, setD] = useState<RulesDraft>(() => toRulesDraft(rules, next));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const known = rules.levels.map((l) => l.id);

  const setBonus = (i: number, k: 'day' | 'points') => (v: string) =>
    setD((x) => ({ ...x, bonuses: x.bonuses.map((b, j) => (j === i ? { ...b, [k]: v } : b)) }));
  const setLevel = (i: number, k: keyof Omit<LevelDraft, 'key' | 'isNew'>) => (v: string) =>
    setD((x) => ({ ...x, levels: x.levels.map((l, j) => (j === i ? { ...l, [k]: v } : l)) }));
  const addBonus = () => setD((x) => ({ ...x, bonuses: [...x.bonuses, { key: next(), day: '', points: '' }] }));
  const removeBonus = (i: number) => setD((x) => ({ ...x, bonuses: x.bonuses.filter((_, j) => j !== i) }));
  const addLevel = () =>
    setD((x) => {
      const last = x.levels[x.levels.length - 1];
      return {
        ...x,
        levels: [
          ...x.levels,
          {
            key: next(),
            id: '',
            isNew: true,
            name: '',
            threshold: '',
            from: last?.from ?? '#E53935',
            to: last?.to ?? '#B71C1C',
            text: last?.text ?? '#FFFFFF',
            perks: last?.perks ?? '',
          },
        ],
      };
    });
  const removeLevel = (i: number) => setD((x) => ({ ...x, levels: x.levels.filter((_, j) => j !== i) }));
  const reset = (r: MemberRules) => {
    setD(toRulesDraft(r, next, known));
    setErrors({});
    setFormError(undefined);
  };

  const save = async () => {
    const { body, errors: found } = validateRules(d);
    setErrors(found);
    if (!body) {
      setFormError(`有 ${Object.keys(found).length} 处需要修改，请看标红的地方`);
      return;
    }
    setFormError(undefined);
    const ok = await confirmStep('保存会员规则', '新规则将立即对全部会员生效（签到积分、会员等级和会员日），确定保存吗？', '保存', '再看看');
    if (!ok) return;
    setBusy(true);
    try {
      const saved = await memberAdminApi.saveRules(body);
      onSaved(saved);
      setD(toRulesDraft(saved, next));
      Taro.showToast({ title: '规则已保存', icon: 'success' });
    } catch (e) {
      const err = asApiError(e);
      const fromServer: Record<string, string> = {};
      for (const x of err.details ?? []) fromServer[x.field] ??= x.message.replace(/^[^：]*：/, '');
      setErrors(fromServer);
      setFormError(err.message);
    } finally {
      setBusy(false);
    }
  };

  const bonusesError = errors['checkIn.streakBonuses'];
  const levelsError = errors.levels;

  return (
    <View className="ma-rules" data-testid="rules-form">
      <View className="notice">这里的修改保存后立即对全部会员生效，请核对后再保存。</View>

      <View className="section">
        <View className="section-title">每日签到</View>
        <Field
          name="basePoints"
          label="每次签到积分"
          type="number"
          value={d.basePoints}
          onInput={(v) => setD((x) => ({ ...x, basePoints: v }))}
          error={errors['checkIn.basePoints']}
          maxlength={3}
        />
        <View className="field-label">连续签到奖励（连续签到到第几天时另加积分）</View>
        {d.bonuses.map((b, i) => {
          const dayErr = errors[`checkIn.streakBonuses.${i}.day`];
          const ptsErr = errors[`checkIn.streakBonuses.${i}.points`];
          return (
            <View key={b.key} className="ma-bonus" data-testid="bonus-row">
              <View className="ma-row">
                <Text className="ma-row-text">连续</Text>
                <MiniInput label={`第 ${i + 1} 条奖励的连续天数`} type="number" value={b.day} onInput={setBonus(i, 'day')} error={dayErr} maxlength={3} />
                <Text className="ma-row-text">天，奖励</Text>
                <MiniInput label={`第 ${i + 1} 条奖励的积分`} type="number" value={b.points} onInput={setBonus(i, 'points')} error={ptsErr} maxlength={4} />
                <Text className="ma-row-text">积分</Text>
                <View className="ma-remove" role="button" aria-label={`删除第 ${i + 1} 条奖励`} onClick={() => removeBonus(i)}>
                  删除
                </View>
              </View>
              <ErrorLine error={dayErr || ptsErr} />
            </View>
          );
        })}
        {!d.bonuses.length && <View className="muted">暂无连续签到奖励</View>}
        <ErrorLine error={bonusesError} />
        {d.bonuses.length < STREAK_BONUSES_MAX && (
          <Button className="btn btn-plain ma-add-row" onClick={addBonus}>
            ＋ 添加奖励
          </Button>
        )}
      </View>

      <View className="section">
        <View className="section-title">会员等级</View>
        <View className="muted ma-hint">成长值（累计获得的积分）达到门槛即升级。第一个等级门槛为 0，之后逐级升高。删除等级前，请先修改要求该等级的福利。</View>
        <ErrorLine error={levelsError} />
        {d.levels.map((l, i) => (
          <LevelEditor key={l.key} l={l} i={i} errors={errors} set={(k) => setLevel(i, k)} onRemove={d.levels.length > 1 ? () => removeLevel(i) : undefined} />
        ))}
        {d.levels.length < MEMBER_LEVELS_MAX && (
          <Button className="btn btn-plain ma-add-row" onClick={addLevel}>
            ＋ 添加等级
          </Button>
        )}
      </View>

      <View className="section">
        <View className="section-title">会员日</View>
        <Field
          name="dayOfMonth"
          label="每月几号（1–28）"
          type="number"
          value={d.dayOfMonth}
          onInput={(v) => setD((x) => ({ ...x, dayOfMonth: v }))}
          error={errors['memberDay.dayOfMonth']}
          maxlength={2}
        />
        <View className="muted">会员在会员日领取福利。为保证每个月都有这一天，最晚设为 28 日。</View>
      </View>

      <View className="ma-bottom">
        <FormError message={formError} />
        <Button className="btn ma-save" disabled={busy || undefined} loading={busy || undefined} onClick={save}>
          保存规则
        </Button>
        <View className="ma-form-btns">
          <Button className="btn btn-plain ma-cancel" disabled={busy || undefined} onClick={() => reset(rules)}>
            撤销修改
          </Button>
          <Button className="btn btn-plain ma-cancel" disabled={busy || undefined} onClick={() => reset(DEFAULT_MEMBER_RULES)}>
            填入默认规则
          </Button>
        </View>
      </View>
    </View>
  );
}

/** A colour as typed, or grey while it is not yet a full #RRGGBB. */
const shown = (hex: string, fallback: string) => (HEX.test(hex.trim()) ? hex.trim() : fallback);

function LevelEditor({
  l,
  i,
  errors,
  set,
  onRemove,
}: {
  l: LevelDraft;
  i: number;
  errors: Record<string, string>;
  set: (k: keyof Omit<LevelDraft, 'key' | 'isNew'>) => (v: string) => void;
  onRemove?: () => void;
}) {
  const at = (k: string) => errAt(errors, `levels.${i}.${k}`);
  const from = shown(l.from, '#C9CDD4');
  const to = shown(l.to, '#86909C');
  const text = shown(l.text, '#FFFFFF');
  const perks = perkLines(l.perks);
  const colourErr = at('face.from') ?? at('face.to') ?? at('face.text');
  return (
    <View className="ma-level" data-testid="level">
      <View className="ma-level-head">
        <Text className="ma-level-no">等级 {i + 1}</Text>
        {onRemove && (
          <View className="ma-remove" role="button" aria-label={`删除等级 ${i + 1}`} onClick={onRemove}>
            删除此等级
          </View>
        )}
      </View>
      <View
        className="ma-face"
        style={{ backgroundImage: `linear-gradient(135deg, ${from}, ${to})`, backgroundColor: from, color: text }}
        data-testid={`face-${i}`}
        data-from={from}
        data-to={to}
        data-text={text}
        aria-label={`${l.name || '新等级'}卡面预览`}
      >
        <View className="ma-face-top">
          <Text className="ma-face-brand">越秀会员</Text>
          <Text className="ma-face-name">{l.name.trim() || '等级名称'}</Text>
        </View>
        <View className="ma-face-no">NO. 8800 0000 0001</View>
        <View className="ma-face-foot">
          {perks.length ? `${perks.length} 项权益` : '暂无权益'} · 成长值 {l.threshold || 0} 起
        </View>
      </View>
      {l.isNew ? (
        <Field
          name={`level-${i}-id`}
          label={`等级 ${i + 1} 编号`}
          value={l.id}
          onInput={set('id')}
          error={at('id')}
          placeholder="如 platinum（小写字母、数字、短横线）"
        />
      ) : (
        <View className="muted ma-level-id">编号 {l.id}</View>
      )}
      <View className="ma-grid">
        <Field name={`level-${i}-name`} label={`等级 ${i + 1} 名称`} value={l.name} onInput={set('name')} error={at('name')} maxlength={LEVEL_NAME_MAX} />
        <Field
          name={`level-${i}-threshold`}
          label={`等级 ${i + 1} 成长值门槛`}
          type="number"
          value={l.threshold}
          onInput={set('threshold')}
          error={at('threshold')}
          maxlength={7}
        />
      </View>
      <View className="field-label">卡面颜色（#RRGGBB）</View>
      <View className="ma-row ma-colours">
        {(
          [
            ['from', '渐变起点', from],
            ['to', '渐变终点', to],
            ['text', '文字', text],
          ] as const
        ).map(([k, name, value]) => (
          <View key={k} className="ma-colour">
            <View className="ma-colour-name">
              <View className="ma-colour-chip" style={{ backgroundColor: value }} />
              {name}
            </View>
            <MiniInput label={`等级 ${i + 1} ${name}颜色`} value={l[k]} onInput={set(k)} error={at(`face.${k}`)} maxlength={7} placeholder="#C62828" />
          </View>
        ))}
      </View>
      <ErrorLine error={colourErr} />
      <TextBox
        label={`等级 ${i + 1} 权益（每行一条）`}
        value={l.perks}
        onInput={set('perks')}
        max={PERKS_TEXT_MAX}
        placeholder={'每日签到领积分\n会员日领取专属福利'}
        error={at('perks')}
      />
    </View>
  );
}
