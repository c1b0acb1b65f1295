import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { CreditProfile, CreditRecord, RecordKindId } from '../../../api/credit';
import { RecordRow } from '../parts/RecordRow';
import { openCredit } from '../parts/links';

function RecordSection(p: { code: string; name: string; kind: RecordKindId; title: string; items: CreditRecord[]; count: number; empty: ReactNode }) {
  return (
    <View className="section" data-testid={`section-${p.kind}`}>
      <View className="section-title">{p.title}</View>
      {p.items.length ? p.items.map((r) => <RecordRow key={r.id} r={r} />) : p.empty}
      {p.count > 0 && (
        <View
          className="cr-more tap"
          role="button"
          data-testid={`all-${p.kind}`}
          onClick={() => openCredit('records', { code: p.code, kind: p.kind, name: p.name })}
        >
          查看全部（{p.count} 条）›
        </View>
      )}
    </View>
  );
}

/** 行政许可, 近三年行政处罚 (or a green line when there are none) and 守信激励: the newest few, and a way to all. */
export function Records({ p }: { p: CreditProfile }) {
  const common = { code: p.firm.creditCode, name: p.firm.name };
  return (
    <>
      <RecordSection
        {...common}
        kind="licence"
        title="行政许可"
        items={p.licences}
        count={p.counts.licence}
        empty={<View className="muted">暂无行政许可信息</View>}
      />
      <RecordSection
        {...common}
        kind="penalty"
        title="近三年行政处罚"
        items={p.penalties}
        count={p.counts.penalty}
        empty={
          <View className="crm-clean" data-testid="no-penalties">
            近三年无行政处罚
          </View>
        }
      />
      <RecordSection
        {...common}
        kind="honour"
        title="守信激励"
        items={p.honours}
        count={p.counts.honour}
        empty={<View className="muted">暂无守信激励信息</View>}
      />
    </>
  );
}
