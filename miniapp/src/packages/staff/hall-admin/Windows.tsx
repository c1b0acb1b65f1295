import { Switch, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Chips } from '../../../components/Chips';
import { ErrorLine } from '../../../components/ErrorLine';
import { Field } from '../../../components/Field';
import { MAX_WINDOWS, newKey, nextWindowNo, STREET_STAFF, type PointDraft, type WindowDraft } from './draft';

export interface DepartmentOption {
  id: string;
  name: string;
}

type Put = (x: Partial<PointDraft>) => void;

/** 窗口: number, the area it calls, the department that staffs it (a street centre: the street's own staff) and 延时/周末. */
export function Windows({ d, put, errors, departments }: { d: PointDraft; put: Put; errors: Record<string, string>; departments?: DepartmentOption[] }) {
  const options: DepartmentOption[] = [...(d.kind === 'street' ? [{ id: STREET_STAFF, name: '本街道工作人员' }] : []), ...(departments ?? [])];
  const setWindow = (i: number, x: Partial<WindowDraft>) => put({ windows: d.windows.map((w, j) => (j === i ? { ...w, ...x } : w)) });
  const add = () =>
    put({
      windows: [
        ...d.windows,
        {
          key: newKey(),
          no: nextWindowNo(d.windows),
          prefix: d.areas[0]?.prefix ?? '',
          departmentId: d.kind === 'street' ? STREET_STAFF : '',
          extended: false,
        },
      ],
    });
  return (
    <View className="section" data-testid="ha-windows">
      <View className="section-title">窗口（{d.windows.length}）</View>
      <View className="muted ha-hint">每个窗口叫一个业务区的号；标“延时/周末”的窗口在白加黑和周末时段开放。</View>
      {d.windows.map((w, i) => (
        <WindowEditor
          key={w.key}
          w={w}
          i={i}
          prefixes={d.areas.map((a) => a.prefix).filter(Boolean)}
          options={options}
          errors={errors}
          set={(x) => setWindow(i, x)}
          remove={d.windows.length > 1 ? () => put({ windows: d.windows.filter((_, j) => j !== i) }) : undefined}
        />
      ))}
      <ErrorLine error={errors.windows} testId="ha-windows-error" />
      {d.windows.length < MAX_WINDOWS && (
        <View className="ha-add tap" role="button" aria-label="＋ 添加窗口" data-testid="ha-add-window" onClick={add}>
          ＋ 添加窗口
        </View>
      )}
    </View>
  );
}

function WindowEditor({
  w,
  i,
  prefixes,
  options,
  errors,
  set,
  remove,
}: {
  w: WindowDraft;
  i: number;
  prefixes: string[];
  options: DepartmentOption[];
  errors: Record<string, string>;
  set: (x: Partial<WindowDraft>) => void;
  remove?: () => void;
}) {
  const [choosing, setChoosing] = useState(!w.departmentId);
  const label = `第 ${i + 1} 个窗口`;
  const areaOptions = [...new Set([...prefixes, ...(w.prefix ? [w.prefix] : [])])].map((p) => ({
    value: p,
    label: prefixes.includes(p) ? `${p} 区` : `${p} 区（已不存在）`,
  }));
  const dept = options.find((o) => o.id === w.departmentId);
  const extendedLabel = `${label}开放延时和周末服务`;
  return (
    <View className="ha-card" data-testid={`ha-window-${i}`}>
      <View className="ha-card-head">
        <Text className="ha-card-title">
          {label}
          {w.no ? `（${w.no} 号窗口）` : ''}
        </Text>
        {remove && (
          <View className="ha-remove tap" role="button" aria-label={`删除${label}`} onClick={remove}>
            删除
          </View>
        )}
      </View>
      <Field
        name={`window-${i}-no`}
        label={`${label}的窗口号`}
        type="number"
        value={w.no}
        onInput={(no) => set({ no })}
        error={errors[`windows.${i}.no`]}
        maxlength={2}
      />
      <View className="field-label">叫号业务区</View>
      <Chips label={`${label}的叫号业务区`} options={areaOptions} value={w.prefix} onChange={(prefix) => set({ prefix })} />
      <ErrorLine error={errors[`windows.${i}.prefix`]} />
      <View className="field-label">值守部门</View>
      <View className="ha-row">
        <Text className="ha-dept" data-testid={`ha-window-${i}-dept`}>
          {dept?.name ?? (w.departmentId ? w.departmentId : '未选择')}
        </Text>
        {!choosing && (
          <View className="ha-link tap" role="button" aria-label={`更换${label}的值守部门`} onClick={() => setChoosing(true)}>
            更换
          </View>
        )}
      </View>
      {choosing && (
        <Chips
          label={`${label}的值守部门`}
          className="ha-depts"
          options={options.map((o) => ({ value: o.id, label: o.name }))}
          value={w.departmentId}
          onChange={(departmentId) => {
            set({ departmentId });
            setChoosing(false);
          }}
        />
      )}
      <ErrorLine error={errors[`windows.${i}.departmentId`]} />
      <View className="ha-switch">
        <Text>延时/周末服务</Text>
        <Switch
          checked={w.extended}
          color="#c8161d"
          onChange={(e) => set({ extended: e.detail.value })}
          aria-label={extendedLabel}
          nativeProps={{ 'aria-label': extendedLabel }}
        />
      </View>
    </View>
  );
}
