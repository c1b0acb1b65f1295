import { Text, View } from '@tarojs/components';
import { RECORD_KIND_IDS, RECORD_KINDS, SEVERITIES, type ReviewKind } from '@yx/shared';
import { useState } from 'react';
import { myCreditApi, type CreditRecord, type RecordKindId } from '../../../api/credit';
import { Button } from '../../../components/Button';
import { ListView } from '../../../components/ListView';
import { type Tab, Tabs } from '../../../components/Tabs';
import { formatDate, formatDay } from '../../../components/Timeline';
import { usePagedList } from '../../../hooks/usePagedList';
import { openReview } from '../review/store';
import { asPage, RECORD_STATUS, reviewingText } from './common';

const TABS: Tab<RecordKindId>[] = RECORD_KIND_IDS.map((k) => ({ key: k, name: RECORD_KINDS[k] }));

/** The firm's records of one kind (published or not), newest first, with what it may ask about each. */
export function Records({ reviewing }: { reviewing: ReadonlyMap<string, ReviewKind> }) {
  const [kind, setKind] = useState<RecordKindId>('penalty');
  const list = usePagedList((cursor) => myCreditApi.records(kind, cursor).then(asPage), [kind], { key: (r) => r.id });
  return (
    <View className="section" data-testid="records">
      <View className="section-title">信用信息</View>
      <Tabs prefix="fc" tabs={TABS} value={kind} onChange={setKind} />
      <ListView list={list} emptyText={`暂无${RECORD_KINDS[kind]}信息`}>
        {list.items.map((r) => (
          <OwnRecord key={r.id} r={r} reviewKind={reviewing.get(r.id)} />
        ))}
      </ListView>
    </View>
  );
}

function Line({ label, children }: { label: string; children: string }) {
  return (
    <View className="fc-line">
      <Text className="muted">{label}：</Text>
      <Text>{children}</Text>
    </View>
  );
}

/**
 * One record: its state, 修复审核中 / 异议核查中 while a request is open, and for a published one 申请信用修复 (a penalty,
 * from the day the server gave) and 提出异议. The server checks both again; the phone's date only greys the button.
 */
export function OwnRecord({ r, reviewKind }: { r: CreditRecord; reviewKind?: ReviewKind }) {
  const status = RECORD_STATUS[r.status];
  const published = r.status === 'published';
  // the server says whether a repair may be asked for today (its date, not the phone's)
  const early = r.repairable === false;
  return (
    <View className="fc-record" data-testid={`record-${r.id}`}>
      <View className="fc-chips">
        <Text className={`tag ${r.kind === 'penalty' && published ? 'tag-red' : status.tone}`} data-testid="record-status">
          {status.name}
        </Text>
        {r.severity && r.severity !== 'minor' && <Text className="tag tag-orange">{SEVERITIES[r.severity]}</Text>}
        {r.reviewing && (
          <Text className="tag tag-blue" data-testid="record-reviewing">
            {reviewingText(r.reviewKind ?? reviewKind)}
          </Text>
        )}
      </View>
      <View className="fc-record-title">{r.title}</View>
      <Line label="文书号">{r.decisionNo}</Line>
      {r.basis && <Line label="处罚依据">{r.basis}</Line>}
      <Line label="决定机关">{r.authority}</Line>
      <Line label="决定日期">{formatDay(r.decidedOn)}</Line>
      {r.validUntil && <Line label="有效期至">{`${formatDay(r.validUntil)}${r.valid === false ? '（已过期）' : ''}`}</Line>}
      {published && r.repairableFrom && <Line label="可申请信用修复">{`${formatDay(r.repairableFrom)} 起`}</Line>}
      {published && r.leavesOn && <Line label="公示期满">{`${formatDay(r.leavesOn)} 起不再公示`}</Line>}
      {r.repairedAt && <Line label="修复时间">{formatDate(r.repairedAt)}</Line>}
      {published && !r.reviewing && (
        <View className="row fc-actions">
          {r.kind === 'penalty' && r.repairableFrom && (
            <Button className="btn fc-small" data-testid="repair-btn" disabled={early || undefined} onClick={() => openReview(r, 'repair')}>
              {early ? `${formatDay(r.repairableFrom)} 起可申请` : '申请信用修复'}
            </Button>
          )}
          <Button className="btn btn-plain fc-small" data-testid="objection-btn" onClick={() => openReview(r, 'objection')}>
            提出异议
          </Button>
        </View>
      )}
    </View>
  );
}
