import { View } from '@tarojs/components';
import { PUBLICATION_CATEGORIES, PUBLICATION_LIMITS, type PublicationCategory } from '@yx/shared';
import { Chips } from '../../../../components/Chips';
import { ErrorLine } from '../../../../components/ErrorLine';
import { Field } from '../../../../components/Field';
import { TextBox } from '../../../../components/TextBox';
import type { PublicationDraft } from './draft';

type Set = <K extends keyof PublicationDraft>(k: K, v: PublicationDraft[K]) => void;

/**
 * The item's own fields: 栏目 (fixed once published), 标题, 文号, 发布日期 (today when empty), 正文, and for a policy
 * document its 效力状态. Each error sits under its field.
 */
export function Fields({ d, set, errors, editing }: { d: PublicationDraft; set: Set; errors: Record<string, string>; editing: boolean }) {
  const hint = PUBLICATION_CATEGORIES.find((c) => c.id === d.category)?.hint;
  return (
    <View className="section" data-testid="pe-fields">
      <View className="field">
        <View className="field-label">栏目{editing ? '（发布后不能修改）' : ''}</View>
        {editing ? (
          <View className="pe-fixed" data-testid="pe-category">
            {PUBLICATION_CATEGORIES.find((c) => c.id === d.category)?.name}
          </View>
        ) : (
          <Chips<PublicationCategory>
            label="栏目"
            options={PUBLICATION_CATEGORIES.map((c) => ({ value: c.id, label: c.name }))}
            value={d.category || undefined}
            onChange={(v) => set('category', v)}
          />
        )}
        {hint && <View className="muted">{hint}</View>}
        <ErrorLine error={errors.category} />
      </View>
      <Field
        name="title"
        label="标题"
        value={d.title}
        onInput={(v) => set('title', v)}
        error={errors.title}
        maxlength={PUBLICATION_LIMITS.titleMax}
        testId="pe-title"
      />
      <Field
        name="docNo"
        label={d.category === 'policy' ? '文号' : '文号（没有可不填）'}
        value={d.docNo}
        onInput={(v) => set('docNo', v)}
        error={errors.docNo}
        placeholder="如：越教〔2026〕18号"
        testId="pe-docno"
      />
      <Field
        name="publishedOn"
        label="发布日期（不填为今天）"
        value={d.publishedOn}
        onInput={(v) => set('publishedOn', v)}
        error={errors.publishedOn}
        placeholder="YYYY-MM-DD，如 2026-12-01"
        maxlength={10}
        testId="pe-date"
      />
      {d.category === 'policy' && (
        <View className="field">
          <View className="field-label">效力状态</View>
          <Chips
            label="效力状态"
            options={[
              { value: 'effective', label: '有效' },
              { value: 'repealed', label: '已废止' },
            ]}
            value={d.validity}
            onChange={(v) => set('validity', v)}
          />
        </View>
      )}
      <TextBox
        label="正文"
        value={d.content}
        onInput={(v) => set('content', v)}
        max={PUBLICATION_LIMITS.contentMax}
        error={errors.content}
        placeholder="按原文填写，段落之间空一行"
      />
    </View>
  );
}
