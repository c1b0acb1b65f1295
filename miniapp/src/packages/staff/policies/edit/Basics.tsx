import { View } from '@tarojs/components';
import { POLICY_TOPICS, type Department, type PolicyTopicId } from '@yx/shared';
import { Chips } from '../../../../components/Chips';
import { ErrorLine } from '../../../../components/ErrorLine';
import { Field } from '../../../../components/Field';
import { TextBox } from '../../../../components/TextBox';
import { MultiChips } from '../parts';
import type { PolicyDraft } from './draft';

type Set = <K extends keyof PolicyDraft>(k: K, v: PolicyDraft[K]) => void;
const TOPICS = Object.entries(POLICY_TOPICS) as [PolicyTopicId, string][];

/**
 * 基本信息: name, issuer (an officer's own department, fixed; the admin picks one), 文号, 发文日期, 政策原文, 政策解读, topics.
 * `departments` is given to the admin only.
 */
export function Basics({
  d,
  set,
  errors,
  departments,
  ownDepartment,
}: {
  d: PolicyDraft;
  set: Set;
  errors: Record<string, string>;
  departments?: Department[];
  ownDepartment?: string;
}) {
  return (
    <View className="section" data-testid="pe-basics">
      <View className="section-title">基本信息</View>
      <Field name="policyTitle" label="政策名称" value={d.title} onInput={(v) => set('title', v)} error={errors.title} maxlength={80} testId="pe-title" />
      <View className="field-label">发文部门</View>
      {departments ? (
        <Chips label="发文部门" options={departments.map((x) => ({ value: x.id, label: x.shortName }))} value={d.issuer} onChange={(v) => set('issuer', v)} />
      ) : (
        <View className="pe-fixed" data-testid="pe-issuer">
          {ownDepartment ?? '（您的账号未分配部门，请联系管理员）'}
        </View>
      )}
      <ErrorLine error={errors.issuer} />
      <Field
        name="docNo"
        label="文号"
        value={d.docNo}
        onInput={(v) => set('docNo', v)}
        error={errors.docNo}
        placeholder="如：越府办规〔2026〕3号"
        testId="pe-docno"
      />
      <Field
        name="issuedOn"
        label="发文日期"
        value={d.issuedOn}
        onInput={(v) => set('issuedOn', v)}
        error={errors.issuedOn}
        placeholder="YYYY-MM-DD"
        maxlength={10}
      />
      <View className="pe-long">
        <TextBox label="政策原文" value={d.text} onInput={(v) => set('text', v)} max={20000} error={errors.text} placeholder="粘贴政策文件全文" />
      </View>
      <TextBox
        label="政策解读（写给企业负责人看的白话）"
        value={d.interpretation}
        onInput={(v) => set('interpretation', v)}
        max={3000}
        error={errors.interpretation}
        placeholder="这项政策给谁、给什么、怎么拿"
      />
      <View className="field-label">政策主题（选 1–3 个，订阅该主题的企业会收到消息）</View>
      <MultiChips label="政策主题" options={TOPICS} value={d.topics} onChange={(v) => set('topics', v)} />
      <ErrorLine error={errors.topics ?? Object.entries(errors).find(([k]) => k.startsWith('topics.'))?.[1]} />
    </View>
  );
}
