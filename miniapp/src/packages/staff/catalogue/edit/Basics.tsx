import { Switch, Text, View } from '@tarojs/components';
import { DELIVERY_NAMES, EXCLUDED_KINDS, type Department, type DeliveryMethod, type ExcludedKind } from '@yx/shared';
import { Chips } from '../../../../components/Chips';
import { ErrorLine } from '../../../../components/ErrorLine';
import { Field } from '../../../../components/Field';
import { TextBox } from '../../../../components/TextBox';
import { MultiChips } from '../../../../components/MultiChips';
import type { ItemDraft } from './draft';

type Set = <K extends keyof ItemDraft>(k: K, v: ItemDraft[K]) => void;

function SwitchRow({
  label,
  hint,
  checked,
  onChange,
  testId,
}: {
  label: string;
  hint: string;
  checked: boolean;
  onChange: (v: boolean) => void;
  testId: string;
}) {
  return (
    <View className="cat-switch" data-testid={testId}>
      <View>
        <Text>{label}</Text>
        <View className="muted">{hint}</View>
      </View>
      <Switch checked={checked} color="#c8161d" onChange={(e) => onChange(e.detail.value)} aria-label={label} nativeProps={{ 'aria-label': label }} />
    </View>
  );
}

/** 基本信息: name, department, audience, summary, conditions, time limits, 全程网办, 实名等级, 容缺, 特别程序, 送达. */
export function Basics({ d, set, errors, departments }: { d: ItemDraft; set: Set; errors: Record<string, string>; departments: Department[] }) {
  return (
    <View className="section" data-testid="cat-basics">
      <View className="section-title">基本信息</View>
      <Field name="itemName" label="事项名称" value={d.name} onInput={(v) => set('name', v)} error={errors.name} maxlength={40} testId="cat-name" />
      <View className="field-label">实施部门</View>
      <Chips
        label="实施部门"
        options={departments.map((x) => ({ value: x.id, label: x.shortName }))}
        value={d.departmentId}
        onChange={(v) => set('departmentId', v)}
      />
      <ErrorLine error={errors.departmentId} />
      <View className="field-label">服务对象</View>
      <MultiChips
        label="服务对象"
        options={[
          ['person', '个人'],
          ['enterprise', '企业'],
        ]}
        value={d.audience}
        onChange={(v) => set('audience', v)}
      />
      <ErrorLine error={errors.audience} />
      <TextBox label="事项简介" value={d.summary} onInput={(v) => set('summary', v)} max={120} error={errors.summary} />
      <TextBox label="受理条件（每行一条）" value={d.conditions} onInput={(v) => set('conditions', v)} max={1000} error={errors.conditions} />
      <View className="cat-days">
        <Field
          name="promisedDays"
          label="承诺时限（工作日）"
          type="number"
          value={d.promisedDays}
          onInput={(v) => set('promisedDays', v)}
          error={errors.promisedDays}
          maxlength={3}
        />
        <Field
          name="statutoryDays"
          label="法定时限（工作日）"
          type="number"
          value={d.statutoryDays}
          onInput={(v) => set('statutoryDays', v)}
          error={errors.statutoryDays}
          maxlength={3}
        />
      </View>
      <SwitchRow label="全程网办" hint="居民可在“越秀掌上办”在线申请" checked={d.online} onChange={(v) => set('online', v)} testId="cat-online" />
      <View className="field-label">实名等级</View>
      <Chips
        label="实名等级"
        options={[
          { value: '1', label: '实名登记即可' },
          { value: '2', label: '须人脸核验' },
        ]}
        value={String(d.assurance) as '1' | '2'}
        onChange={(v) => set('assurance', v === '1' ? 1 : 2)}
      />
      <SwitchRow
        label="容缺受理"
        hint="信用良好的企业可先受理、后补交部分必交材料"
        checked={d.deferrable}
        onChange={(v) => set('deferrable', v)}
        testId="cat-deferrable"
      />
      <ErrorLine error={errors.deferrable} />
      <View className="field-label">可能的特别程序（不计入办理时限）</View>
      <MultiChips
        label="特别程序"
        options={Object.entries(EXCLUDED_KINDS) as [ExcludedKind, string][]}
        value={d.excludedKinds}
        onChange={(v) => set('excludedKinds', v)}
      />
      <View className="field-label">结果送达方式</View>
      <MultiChips
        label="送达方式"
        options={Object.entries(DELIVERY_NAMES) as [DeliveryMethod, string][]}
        value={d.delivery}
        onChange={(v) => set('delivery', v)}
      />
      <ErrorLine error={errors.delivery} />
    </View>
  );
}
