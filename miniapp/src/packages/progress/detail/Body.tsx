import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { canWithdraw, ENDED_STATES, RATING_NAMES } from '@yx/shared';
import { DetailHead } from '../../../components/DetailShell';
import { daysLabel } from '../../../components/ServiceCard';
import { MaterialRow } from '../../../components/MaterialFiles';
import { formatDate, formatDay, Timeline } from '../../../components/Timeline';
import { StateTag } from '../../../components/TrafficLight';
import { PlainProgress, statutoryText } from '../../../components/PlainProgress';
import { PolicyClaimCard } from '../../../components/PolicyClaimCard';
import { BundleStatus } from './BundleStatus';
import { ClarifyBox } from './ClarifyBox';
import { DisclosureClock } from './DisclosureClock';
import { DisclosureReply } from './DisclosureReply';
import { DeferredList } from './DeferredList';
import { DeliveryBox } from './DeliveryBox';
import { DocumentsSection } from './Documents';
import type { ActionProps } from './parts';
import { RateBox } from './RateBox';
import { SupplementBox } from './SupplementBox';
import { WithdrawButton } from './WithdrawButton';

const openApplication = (appNo: string) => Taro.navigateTo({ url: `/packages/progress/detail/index?appNo=${encodeURIComponent(appNo)}` });

/** The next step in words; a request for information waits for a reply, and its 补正 is words, not materials. */
function nextText(d: ActionProps['d']): string {
  if (!d.disclosure) return d.nextAction.text;
  if (d.nextAction.kind === 'supplement') return '部门需要您补充说明申请内容，补正后答复期限重新计算';
  if (d.nextAction.kind === 'wait') return `部门正在办理，将于 ${formatDay(d.disclosure.deadline)} 前答复`;
  return d.nextAction.text;
}

/** The application: its clock, what to do next, the policy item it claims, its progress, materials, deferred materials and linked applications. */
export function DetailBody({ d, onDone, onError }: ActionProps) {
  const running = d.light !== null;
  const ended = ENDED_STATES.includes(d.state) || d.state === 'withdrawn' || d.state === 'terminated';
  return (
    <View>
      <DetailHead title={d.itemName} lines={[d.departmentName, `办件编号 ${d.appNo}`]}>
        <StateTag state={d.state} name={d.stateName} />
      </DetailHead>

      {/* 依申请公开: the 条例's clock as a picture (receipt → the reply deadline, the extension, the days not counted) */}
      {d.disclosure ? (
        <DisclosureClock d={d} />
      ) : (
        <View className="dt-clock">
          <PlainProgress state={d.state} running={running} deadline={d.deadline} remainingDays={d.remainingDays} />
          <View className="muted dt-limits">
            承诺 {daysLabel(d.promisedDays)} / 法定 {daysLabel(d.statutoryDays)} · {formatDate(d.submittedAt)}提交
          </View>
          {running && statutoryText(d.statutory) && (
            <View className="muted dt-limits" data-testid="statutory-clock">
              {statutoryText(d.statutory)}
            </View>
          )}
          {d.pausedFor && (
            <View className="dt-paused" data-testid="paused-for">
              {d.pausedFor.name}中（{formatDay(d.pausedFor.since)}起），依法不计入办理时限，期限顺延
            </View>
          )}
          {running && d.deadlineNote && (
            <View className="muted dt-limits" data-testid="deadline-note">
              {d.deadlineNote}
            </View>
          )}
        </View>
      )}

      {/* the reply first: it is what the person came for (the rating follows) */}
      {d.disclosure?.reply && <DisclosureReply reply={d.disclosure.reply} />}

      {(d.nextAction.kind !== 'none' || canWithdraw(d.state) || d.rating) && (
        <View className="section dt-next" data-testid="next-action">
          <View className="section-title">下一步</View>
          {d.nextAction.text && <View className={`dt-next-text kind-${d.nextAction.kind}`}>{nextText(d)}</View>}
          {d.nextAction.kind === 'supplement' &&
            d.supplementNotice &&
            // a request for information is made clear in words (条例 art. 30); a licence's materials are uploaded
            (d.disclosure ? <ClarifyBox d={d} onDone={onDone} onError={onError} /> : <SupplementBox d={d} onDone={onDone} onError={onError} />)}
          {d.nextAction.kind === 'rate' && !d.rating && <RateBox d={d} onDone={onDone} onError={onError} />}
          {d.rating && (
            <View className="dt-rated" data-testid="given-rating">
              <View>
                您的评价：<Text className="dt-rated-value">{RATING_NAMES[d.rating.value]}</Text>
              </View>
              {d.rating.comment && <View className="muted">“{d.rating.comment}”</View>}
              <View className="muted">感谢您的评价，我们会持续改进服务。</View>
            </View>
          )}
          {canWithdraw(d.state) && <WithdrawButton d={d} onDone={onDone} onError={onError} />}
        </View>
      )}

      {/* 政策兑现: the policy item claimed, as judged when the firm applied */}
      {d.policy && <PolicyClaimCard claim={d.policy} view="applicant" />}

      {d.delivery && <DeliveryBox d={d} onDone={onDone} onError={onError} />}

      <DocumentsSection d={d} onDone={onDone} onError={onError} />

      <View className="section">
        <View className="section-title">办理进度</View>
        <Timeline entries={d.timeline} />
      </View>

      {d.materials.length > 0 && (
        <View className="section">
          <View className="section-title">申请材料</View>
          {d.materials.map((m) => (
            <MaterialRow key={m.name} cls="dt" name={m.name} source={m.source} files={m.files} />
          ))}
        </View>
      )}

      {d.deferred.length > 0 && <DeferredList d={d} onDone={onDone} onError={onError} />}

      {d.bundle && <BundleStatus bundle={d.bundle} current={d.appNo} />}

      {!d.bundle && d.linked.length > 0 && (
        <View className="section">
          <View className="section-title">“一件事”关联办件</View>
          <View className="muted">以下事项与本件一起申请，分别由各部门办理：</View>
          {d.linked.map((l) => (
            <View key={l.appNo} className="dt-row dt-link" onClick={() => openApplication(l.appNo)} role="link">
              <View>
                <View className="dt-row-name">{l.itemName}</View>
                <View className="muted">{l.appNo}</View>
              </View>
              <Text className="dt-arrow">›</Text>
            </View>
          ))}
        </View>
      )}

      {ended && <View className="muted dt-foot">如对办理结果有疑问，可拨打 12345 政务服务热线咨询。</View>}
    </View>
  );
}
