import { Switch, Text, View } from '@tarojs/components';
import { E_LICENCE_TYPES } from '@yx/shared';
import { Chips } from '../../../../components/Chips';
import { ErrorLine } from '../../../../components/ErrorLine';
import { Field } from '../../../../components/Field';
import type { MaterialDraft } from './draft';

const LICENCES = [{ value: 'none', label: '无' }, ...Object.entries(E_LICENCE_TYPES).map(([value, label]) => ({ value, label }))];

/** 申请材料: each with its name, 必交 or 选交, and the e-licence that may replace it. */
export function Materials({ list, onChange, error }: { list: MaterialDraft[]; onChange: (l: MaterialDraft[]) => void; error?: string }) {
  const put = (i: number, m: Partial<MaterialDraft>) => onChange(list.map((x, j) => (j === i ? { ...x, ...m } : x)));
  return (
    <View className="section" data-testid="cat-materials">
      <View className="section-title">申请材料（{list.length}）</View>
      {list.map((m, i) => (
        <View key={i} className="cat-card" data-testid={`cat-material-${i}`}>
          <Field name={`material${i}`} label={`材料 ${i + 1} 名称`} value={m.name} onInput={(v) => put(i, { name: v })} maxlength={60} />
          <View className="cat-switch">
            <Text>必交</Text>
            <Switch
              checked={m.required}
              color="#c8161d"
              onChange={(e) => put(i, { required: e.detail.value })}
              aria-label={`材料 ${i + 1} 必交`}
              nativeProps={{ 'aria-label': `材料 ${i + 1} 必交` }}
            />
          </View>
          <View className="field-label">可用电子证照代替</View>
          <Chips
            label={`材料 ${i + 1} 可用电子证照代替`}
            options={LICENCES}
            value={m.eLicence ?? 'none'}
            onChange={(v) => put(i, { eLicence: v === 'none' ? null : v })}
          />
          {list.length > 1 && (
            <View className="cat-remove tap" role="button" aria-label={`删除材料 ${i + 1}`} onClick={() => onChange(list.filter((_, j) => j !== i))}>
              删除此材料
            </View>
          )}
        </View>
      ))}
      <ErrorLine error={error} />
      <View
        className="cat-add tap"
        role="button"
        data-testid="cat-material-add"
        onClick={() => onChange([...list, { name: '', required: true, eLicence: null }])}
      >
        ＋ 添加材料
      </View>
    </View>
  );
}
