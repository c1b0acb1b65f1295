import { Text, View } from '@tarojs/components';
import { SECTION_ITEM, type ItemField } from '@yx/shared';

const HINTS: Record<string, string> = {
  text: '请输入',
  textarea: '请输入（可多行）',
  number: '请输入数字',
  date: '请选择日期',
  address: '请输入详细地址',
  phone: '请输入手机号码',
  residentId: '请输入身份证号码',
};

/** What the applicant's form asks in 事项信息, as the apply page lays it out, while the admin edits. */
export function Preview({ fields }: { fields: ItemField[] }) {
  return (
    <View className="section cat-preview" data-testid="cat-preview" aria-label="申请表预览">
      <View className="section-title">申请表预览 · {SECTION_ITEM}</View>
      {fields.length === 0 && <View className="muted">本事项没有特有的问题，申请表只有申请人信息、联系方式和材料。</View>}
      {fields.map((f) => (
        <View key={f.key} className="field">
          <View className="field-label">
            {f.label}
            {f.required ? <Text className="cat-required"> *</Text> : <Text className="muted">（选填）</Text>}
          </View>
          {f.type === 'choice' ? (
            <View className="chips">
              {(f.options ?? []).map((o) => (
                <View key={o.value} className="chip">
                  {o.label}
                </View>
              ))}
            </View>
          ) : (
            <View className="cat-fake-input">{f.placeholder ?? HINTS[f.type] ?? '请输入'}</View>
          )}
        </View>
      ))}
    </View>
  );
}
