import { Input, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ErrorLine } from '../../../components/ErrorLine';
import { Field } from '../../../components/Field';
import { errUnder, MAX_AREAS, newKey, nextPrefix, type AreaDraft, type PointDraft } from './draft';

export interface CatalogueItem {
  id: string;
  name: string;
}

type Put = (x: Partial<PointDraft>) => void;

/** 业务区: each a number prefix (A, B…), a name and the catalogue items it handles (one area per item). */
export function Areas({ d, put, errors, items }: { d: PointDraft; put: Put; errors: Record<string, string>; items?: CatalogueItem[] }) {
  const names = new Map((items ?? []).map((i) => [i.id, i.name]));
  const setArea = (i: number, x: Partial<AreaDraft>) => put({ areas: d.areas.map((a, j) => (j === i ? { ...a, ...x } : a)) });
  const add = () => put({ areas: [...d.areas, { key: newKey(), prefix: nextPrefix(d.areas), name: '', itemIds: [] }] });
  /** An item chosen for an area leaves any other (one area per item); chosen again, it leaves this one. */
  const toggle = (i: number, id: string) =>
    put({
      areas: d.areas.map((a, j) => {
        if (j === i) return { ...a, itemIds: a.itemIds.includes(id) ? a.itemIds.filter((x) => x !== id) : [...a.itemIds, id] };
        return d.areas[i]!.itemIds.includes(id) ? a : { ...a, itemIds: a.itemIds.filter((x) => x !== id) };
      }),
    });
  return (
    <View className="section" data-testid="ha-areas">
      <View className="section-title">业务区与事项</View>
      <View className="muted ha-hint">取号时按业务区编号（如 A012）；每个事项只能放在一个业务区。</View>
      {d.areas.map((a, i) => (
        <AreaEditor
          key={a.key}
          a={a}
          i={i}
          d={d}
          names={names}
          items={items}
          errors={errors}
          set={(x) => setArea(i, x)}
          toggle={(id) => toggle(i, id)}
          remove={d.areas.length > 1 ? () => put({ areas: d.areas.filter((_, j) => j !== i) }) : undefined}
        />
      ))}
      <ErrorLine error={errors.areas} />
      {d.areas.length < MAX_AREAS && (
        <View className="ha-add tap" role="button" aria-label="＋ 添加业务区" data-testid="ha-add-area" onClick={add}>
          ＋ 添加业务区
        </View>
      )}
    </View>
  );
}

function AreaEditor({
  a,
  i,
  d,
  names,
  items,
  errors,
  set,
  toggle,
  remove,
}: {
  a: AreaDraft;
  i: number;
  d: PointDraft;
  names: Map<string, string>;
  items?: CatalogueItem[];
  errors: Record<string, string>;
  set: (x: Partial<AreaDraft>) => void;
  toggle: (id: string) => void;
  remove?: () => void;
}) {
  const [picking, setPicking] = useState(false);
  const label = `业务区 ${i + 1}`;
  return (
    <View className="ha-card" data-testid={`ha-area-${i}`}>
      <View className="ha-card-head">
        <Text className="ha-card-title">
          {label}
          {a.prefix ? `（${a.prefix} 区）` : ''}
        </Text>
        {remove && (
          <View className="ha-remove tap" role="button" aria-label={`删除${label}`} onClick={remove}>
            删除
          </View>
        )}
      </View>
      <View className="ha-grid">
        <Field
          name={`area-${i}-prefix`}
          label={`${label}代号（一个大写字母）`}
          value={a.prefix}
          onInput={(v) => set({ prefix: v.toUpperCase() })}
          error={errors[`areas.${i}.prefix`]}
          maxlength={1}
        />
        <Field
          name={`area-${i}-name`}
          label={`${label}名称`}
          value={a.name}
          onInput={(name) => set({ name })}
          error={errors[`areas.${i}.name`]}
          maxlength={20}
        />
      </View>
      <View className="field-label">办理事项（{a.itemIds.length} 项）</View>
      <View className="ha-items" role="list" aria-label={`${label}的办理事项`}>
        {a.itemIds.map((id) => (
          <View key={id} className="ha-item" role="listitem" data-testid="ha-area-item">
            <Text className="ha-item-name">{names.get(id) ?? id}</Text>
            {items && !names.has(id) && <Text className="tag tag-orange">不在事项目录中</Text>}
            <View className="ha-item-remove tap" role="button" aria-label={`从${label}移除 ${names.get(id) ?? id}`} onClick={() => toggle(id)}>
              移除
            </View>
          </View>
        ))}
        {!a.itemIds.length && <View className="muted">还没有事项</View>}
      </View>
      <ErrorLine error={errUnder(errors, `areas.${i}.itemIds`)} />
      <View className="ha-add tap" role="button" aria-label={picking ? '收起事项目录' : `＋ 为${label}选择事项`} onClick={() => setPicking(!picking)}>
        {picking ? '收起事项目录' : `＋ 为${label}选择事项`}
      </View>
      {picking && <ItemPicker area={a} d={d} items={items} toggle={toggle} label={label} />}
    </View>
  );
}

/** The catalogue, searchable, each item a checkbox; an item already in another area says which and moves here when chosen. */
function ItemPicker({
  area,
  d,
  items,
  toggle,
  label,
}: {
  area: AreaDraft;
  d: PointDraft;
  items?: CatalogueItem[];
  toggle: (id: string) => void;
  label: string;
}) {
  const [q, setQ] = useState('');
  if (!items) return <View className="muted ha-picker">正在载入事项目录…</View>;
  const elsewhere = new Map<string, string>();
  for (const o of d.areas) if (o.key !== area.key) for (const id of o.itemIds) elsewhere.set(id, o.prefix);
  const words = q.trim();
  const shown = items.filter((it) => !words || it.name.includes(words) || it.id.includes(words));
  const searchLabel = `在事项目录中搜索（${label}）`;
  return (
    <View className="ha-picker" data-testid="ha-picker">
      <Input
        className="input ha-search"
        value={q}
        placeholder="输入事项名称搜索"
        maxlength={20}
        onInput={(e) => setQ(e.detail.value)}
        aria-label={searchLabel}
        nativeProps={{ 'aria-label': searchLabel }}
      />
      <View className="ha-picker-list" role="group" aria-label={`事项目录（${label}）`}>
        {shown.map((it) => {
          const on = area.itemIds.includes(it.id);
          const other = elsewhere.get(it.id);
          const text = `${it.name}${other ? `（现在 ${other} 区，选中后移到本区）` : ''}`;
          return (
            <View key={it.id} className={`ha-pick tap ${on ? 'on' : ''}`} role="checkbox" aria-checked={on} aria-label={text} onClick={() => toggle(it.id)}>
              <Text className="ha-pick-box">{on ? '✓' : ''}</Text>
              <Text className="ha-pick-name">{text}</Text>
            </View>
          );
        })}
        {!shown.length && <View className="muted">没有找到相关事项</View>}
      </View>
    </View>
  );
}
