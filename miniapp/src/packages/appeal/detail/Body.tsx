import { Text, View } from '@tarojs/components';
import { streetName, WO_RATING_NAMES } from '@yx/shared';
import { useState } from 'react';
import { DetailHead } from '../../../components/DetailShell';
import { formatDateTime, formatDay, Timeline } from '../../../components/Timeline';
import { TrafficLight } from '../../../components/TrafficLight';
import { WoStateTag } from '../../../components/WoStateTag';
import { openWorkOrder } from '../pages';
import { ActionPanel } from './ActionPanel';
import { DuplicatePanel } from './DuplicatePanel';
import { ExtensionPanel } from './ExtensionPanel';
import { emptyNote, NotePanel, type NoteDraft } from './NotePanel';
import type { WoActProps } from './parts';
import { Photos } from './Photos';
import { RateBox } from './RateBox';
import { SupplementPanel } from './SupplementPanel';

/** The order as the person may see it, and the panels for what they may do with it. */
export function DetailBody({ d, onDone, onError }: WoActProps) {
  const handler = Boolean(d.actions);
  const canRate = d.mine === true && d.state === 'resolved'; // a grid official who called it in rates it too
  // only the owner (签收人) may resolve or return: the same person records 处理进展 while handling
  const owner = Boolean(d.actions?.some((a) => a === 'resolve' || a === 'return'));
  const canNote = owner && ['claimed', 'in_progress'].includes(d.state);
  // kept here, not in the panel: what was typed survives the panel going away while a 409 reloads
  const [noteDraft, setNoteDraft] = useState<NoteDraft>(emptyNote);
  const timeline = d.timeline.map((e) => {
    if (!e.photoCount) return e;
    const photos = `附照片 ${e.photoCount} 张`;
    return { ...e, note: e.note ? `${e.note}（${photos}）` : photos };
  });
  return (
    <View>
      <DetailHead
        title={<Text data-testid="category">{d.category}</Text>}
        lines={[`工单编号 ${d.no}`, `承办：${d.teamName}${d.ownerName ? `（${d.ownerName}）` : ''}`]}
      >
        <WoStateTag state={d.state} name={d.stateName} />
        <Text className="tag tag-gray" data-testid="affected">
          {d.affected} 人反映
        </Text>
        {d.reopened && <Text className="tag tag-orange">重新办理</Text>}
        {d.escalated && (
          <Text className="tag tag-red" data-testid="escalated">
            已提请调度
          </Text>
        )}
      </DetailHead>

      <View className="wd-card">
        {d.duplicateOf && (
          <View className="wd-merged" role="link" data-testid="duplicate-of" onClick={() => openWorkOrder(d.duplicateOf!)}>
            已并入 {d.duplicateOf}
            <Text className="wd-merged-go">查看原工单 ›</Text>
          </View>
        )}
        <View className="wd-desc">{d.description}</View>
        <View className="wd-facts">
          {/* 我要投诉: the firm complained about (public registry data); its code for those handling it */}
          {d.aboutFirm && <Fact name="投诉对象" value={d.aboutFirm.name} testId="about-firm" />}
          {d.aboutFirm && handler && <Fact name="信用代码" value={d.aboutFirm.code} />}
          {d.place && <Fact name="地点" value={d.place.address} />}
          {d.street && <Fact name="所在街道" value={streetName(d.street) ?? d.street} />}
          <Fact name="反映时间" value={formatDateTime(d.createdAt)} />
          {['dispatched', 'returned'].includes(d.state) && <Fact name="签收时限" value={formatDateTime(d.claimBy)} />}
          {d.state !== 'closed' && <Fact name="答复期限" value={formatDay(d.replyBy)} />}
          {handler && d.light && (
            <View className="wd-fact" data-testid="light">
              <Text className="muted wd-fact-name">{d.state === 'dispatched' ? '签收时效' : '答复时效'}</Text>
              <TrafficLight small light={d.light} remainingDays={null} />
            </View>
          )}
        </View>
      </View>

      {/* loaded again whenever the order is (first load, after an action, after a 409's reload) */}
      <Photos d={d} />

      {handler && (
        <View className="section" data-testid="filer">
          <View className="section-title">反映人</View>
          <Fact name="反映人" value={d.filer} />
          {d.contactPhone && <Fact name="联系电话" value={d.contactPhone} />}
          {d.contactPreference && <Fact name="回访方式" value={d.contactPreference} />}
          {d.enterprise && <Fact name="所在企业" value={d.enterprise.name ?? '—'} />}
          {d.enterprise && <Fact name="统一社会信用代码" value={d.enterprise.code} />}
          {d.anonymousToPublic && (
            <View className="wd-warn" data-testid="anonymous-note">
              反映人选择了对外匿名：联系方式仅供办理时回访使用，不得向他人或被反映对象透露。
            </View>
          )}
        </View>
      )}

      {/* keyed by version and state: a fresh order resets every open form */}
      {handler && <ActionPanel key={`${d.version}-${d.state}`} d={d} onDone={onDone} onError={onError} />}
      {canNote && <NotePanel d={d} draft={noteDraft} setDraft={setNoteDraft} onDone={onDone} onError={onError} />}
      {handler && (
        <ExtensionPanel key={`ext-${d.version}-${d.state}-${d.extension?.status ?? ''}-${d.extension?.at ?? ''}`} d={d} onDone={onDone} onError={onError} />
      )}
      {handler && d.dispatcher && d.state !== 'closed' && !d.duplicateOf && (
        <DuplicatePanel key={`dup-${d.version}-${d.state}`} d={d} onDone={onDone} onError={onError} />
      )}

      {/* the filer adds to the description until it is closed (一键呼叫 files first, describes after) */}
      {d.mine === true && d.state !== 'closed' && <SupplementPanel d={d} onDone={onDone} onError={onError} />}
      {canRate && <RateBox d={d} onDone={onDone} onError={onError} />}
      {d.rating && (
        <View className="section" data-testid="given-rating">
          <View className="section-title">评价</View>
          <View>
            {d.mine ? '您的评价' : '反映人评价'}：<Text className="wd-rated">{WO_RATING_NAMES[d.rating]}</Text>
          </View>
        </View>
      )}
      {!handler && d.mine === false && d.state !== 'closed' && <View className="muted wd-follow">您已关注此问题（我也遇到），办理进展会通知您。</View>}

      <View className="section">
        <View className="section-title">办理过程</View>
        <Timeline entries={timeline} />
      </View>
      <View className="muted wd-foot">如有疑问，可拨打 12345 政务服务热线咨询。</View>
    </View>
  );
}

function Fact({ name, value, testId }: { name: string; value: string; testId?: string }) {
  return (
    <View className="wd-fact" data-testid={testId}>
      <Text className="muted wd-fact-name">{name}</Text>
      <Text className="wd-fact-value">{value}</Text>
    </View>
  );
}
