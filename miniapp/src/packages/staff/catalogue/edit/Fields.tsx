import { Switch, Text, View } from '@tarojs/components';
import { ITEM_FIELD_TYPE_NAMES, ITEM_FIELDS_MAX, ItemField, type ItemFieldType } from '@yx/shared';
import { useState } from 'react';
import { Button } from '../../../../components/Button';
import { Chips } from '../../../../components/Chips';
import { ErrorLine } from '../../../../components/ErrorLine';
import { Field } from '../../../../components/Field';
import { TextBox } from '../../../../components/TextBox';
import { newFieldKey } from './draft';

const TYPES = (Object.entries(ITEM_FIELD_TYPE_NAMES) as [ItemFieldType, string][]).map(([value, label]) => ({ value, label }));
const describe = (f: ItemField) =>
  `${ITEM_FIELD_TYPE_NAMES[f.type as ItemFieldType] ?? f.type} · ${f.required ? '必填' : '选填'}${f.options ? ` · ${f.options.map((o) => o.label).join(' / ')}` : ''}`;

/** 表单字段: the item's own questions (事项信息); add one with its name, type, 必填 and, for 单选, its options. */
export function Fields({ list, onChange, error }: { list: ItemField[]; onChange: (l: ItemField[]) => void; error?: string }) {
  const [adding, setAdding] = useState(false);
  const [label, setLabel] = useState('');
  const [type, setType] = useState<ItemFieldType>('text');
  const [required, setRequired] = useState(true);
  const [options, setOptions] = useState('');
  const [problem, setProblem] = useState<string>();

  const add = () => {
    const lines = options
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean);
    const candidate = {
      key: newFieldKey(list.map((f) => f.key)),
      label: label.trim(),
      type,
      required,
      ...(type === 'choice' && lines.length ? { options: lines.map((l, i) => ({ value: `o${i + 1}`, label: l })) } : {}),
    };
    const r = ItemField.safeParse(candidate);
    if (!r.success) return setProblem(r.error.issues[0].message);
    if (list.some((f) => f.label === r.data.label)) return setProblem(`已有名为“${r.data.label}”的字段`);
    onChange([...list, r.data]);
    setProblem(undefined);
    // the form stays open, empty, for the next question (收起 closes it): no jump of the page under the finger
    setLabel('');
    setOptions('');
  };

  return (
    <View className="section" data-testid="cat-fields">
      <View className="section-title">表单字段（事项信息，{list.length}）</View>
      <View className="muted cat-hint">申请人信息、联系方式和材料上传由系统自动生成，这里只填写本事项特有的问题。</View>
      {list.map((f, i) => (
        <View key={f.key} className="cat-field-row" data-testid={`cat-field-${i}`}>
          <View>
            <Text className="cat-row-name">{f.label}</Text>
            <View className="muted">{describe(f)}</View>
          </View>
          <View className="cat-remove tap" role="button" aria-label={`删除字段 ${f.label}`} onClick={() => onChange(list.filter((x) => x.key !== f.key))}>
            删除
          </View>
        </View>
      ))}
      <ErrorLine error={error} />
      {adding ? (
        <View className="cat-card" data-testid="cat-field-form">
          <Field name="fieldLabel" label="字段名称" value={label} onInput={setLabel} maxlength={20} placeholder="如：犬只名字" testId="cat-field-label" />
          <View className="field-label">字段类型</View>
          <Chips label="字段类型" options={TYPES} value={type} onChange={setType} />
          <View className="cat-switch">
            <Text>必填</Text>
            <Switch checked={required} color="#c8161d" onChange={(e) => setRequired(e.detail.value)} aria-label="必填" nativeProps={{ 'aria-label': '必填' }} />
          </View>
          {type === 'choice' && <TextBox label="选项（每行一个）" value={options} onInput={setOptions} max={600} placeholder={'如：\n小型犬\n大型犬'} />}
          <ErrorLine error={problem} testId="cat-field-error" />
          <View className="cat-actions">
            <Button className="btn btn-plain" data-testid="cat-field-close" onClick={() => setAdding(false)}>
              收起
            </Button>
            <Button className="btn" data-testid="cat-field-ok" onClick={add}>
              添加字段
            </Button>
          </View>
        </View>
      ) : (
        list.length < ITEM_FIELDS_MAX && (
          <View className="cat-add tap" role="button" data-testid="cat-field-add" onClick={() => setAdding(true)}>
            ＋ 添加字段
          </View>
        )
      )}
    </View>
  );
}
