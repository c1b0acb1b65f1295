import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { ApiError } from '../../../api/client';
import { staffApi, type StaffApplicationView } from '../../../api/staff';
import { MaterialRow } from '../../../components/MaterialFiles';
import { Page } from '../../../components/Page';
import { DetailHead, DetailShell } from '../../../components/DetailShell';
import { formatDateTime, formatDay, Timeline } from '../../../components/Timeline';
import { StateTag, TrafficLight } from '../../../components/TrafficLight';
import { useActedDetail, type ActProps } from '../../../hooks/useActedDetail';
import { StaffDocuments } from './Documents';
import { DisclosurePanel } from './disclosure/Panel';
import { ActionPanel } from './Actions';
import { OpinionTag } from '../../../components/OpinionTag';
import { PolicyClaimCard } from '../../../components/PolicyClaimCard';
import { RoleGate } from '../../../components/RoleGate';
import './index.css';

/** 办件办理: one application of my department, its trail, and the actions the server allows now. */
export default function StaffDetail() {
  return (
    <Page className="sd">
      <RoleGate roles={['staff']} what="办件办理">
        <DetailLoader />
      </RoleGate>
    </Page>
  );
}

function DetailLoader() {
  const { params } = useRouter();
  const appNo = (params?.appNo ?? '').toUpperCase();
  // 409: the state changed or another officer acted first: say so and show the current application
  const detail = useActedDetail<StaffApplicationView>(
    () => (appNo ? staffApi.application(appNo) : Promise.reject(new ApiError(400, 'CLIENT', '缺少办件编号，请从工作台进入'))),
    [appNo],
  );
  return <DetailShell detail={detail}>{(d) => <DetailBody d={d} onDone={detail.onDone} onError={detail.onError} />}</DetailShell>;
}

export type ActionProps = ActProps<StaffApplicationView>;

export function DetailBody({ d, onDone, onError }: ActionProps) {
  return (
    <View>
      <DetailHead title={d.itemName} lines={[d.departmentName, `办件编号 ${d.appNo}`]}>
        <StateTag state={d.state} name={d.stateName} />
      </DetailHead>

      {/* 依申请公开: the 条例's clock (receipt, the reply deadline, 补正, the extension, asking others) instead of a licence's */}
      {d.disclosure ? <DisclosurePanel d={d} /> : <LicenceClock d={d} />}
      {d.excludedPeriod && !d.disclosure && (
        <View className="sd-paused" data-testid="excluded-period">
          {d.excludedPeriod.name}中 · 自 {formatDay(d.excludedPeriod.since)} 起暂停计时（依法不计入办理时限）：{d.excludedPeriod.note}
        </View>
      )}

      {/* 政策兑现: the item claimed and the firm's judgement at submission, read before deciding (企业自报 conditions to check) */}
      {d.policy && <PolicyClaimCard claim={d.policy} view="officer" />}

      {/* keyed by version: a fresh application resets every open form */}
      <ActionPanel key={`${d.version}-${d.state}`} d={d} onDone={onDone} onError={onError} />
      <StaffDocuments d={d} onDone={onDone} onError={onError} />

      {d.supplementNotice && d.supplementNotice.items.length > 0 && (
        <View className="section" data-testid="supplement-notice">
          <View className="section-title">一次性告知清单</View>
          {d.supplementNotice.dueDate && <View className="muted">补正期限：{formatDay(d.supplementNotice.dueDate)}</View>}
          {d.supplementNotice.askedBy && <View className="muted">发起人：{d.supplementNotice.askedBy}（补正后退回其继续办理）</View>}
          {d.supplementNotice.items.map((i, n) => (
            <View key={`${i.material}-${n}`} className="sd-row">
              <View>
                <View className="sd-row-name">
                  {n + 1}. {i.material}
                </View>
                <View className="muted">{i.reason}</View>
              </View>
            </View>
          ))}
        </View>
      )}

      <View className="section">
        <View className="section-title">申请材料</View>
        {!d.materials.length && <View className="muted">无申请材料</View>}
        {d.materials.map((m) => (
          <MaterialRow key={m.name} cls="sd" name={m.name} source={m.source} files={m.fileUrls} count={m.files} />
        ))}
      </View>

      {d.deferred.length > 0 && (
        <View className="section">
          <View className="section-title">容缺材料</View>
          {d.deferred.map((m) => (
            <View key={m.name} className="sd-row" data-testid="deferred">
              <View>
                <View className="sd-row-name">{m.name}</View>
                <View className="muted">承诺 {formatDay(m.dueDate)} 前补交</View>
              </View>
              <Text className={`tag ${m.handedIn ? 'tag-green' : 'tag-orange'}`}>{m.handedIn ? '已补交' : '待补交'}</Text>
            </View>
          ))}
        </View>
      )}

      {d.opinions && d.opinions.length > 0 && (
        <View className="section">
          <View className="section-title">并联审批意见</View>
          {d.opinions.map((o) => (
            <View key={o.departmentId} className="sd-row" data-testid="opinion">
              <View>
                <View className="sd-row-name">{o.departmentName}</View>
                {o.reason && <View className="muted">理由：{o.reason}</View>}
                {o.status === 'open' && <View className="muted">答复期限 {formatDay(o.due)}</View>}
              </View>
              <OpinionTag status={o.status} />
            </View>
          ))}
        </View>
      )}

      <View className="section">
        <View className="section-title">办理记录</View>
        <Timeline entries={d.timeline} />
      </View>
    </View>
  );
}

/** A licence's clock: the promised deadline's light, both time limits, who applied and when. */
function LicenceClock({ d }: { d: StaffApplicationView }) {
  return (
    <View className="sd-clock">
      <TrafficLight light={d.light} remainingDays={d.remainingDays} state={d.state} />
      <View className="sd-facts">
        <View className="sd-fact">
          <Text className="muted">办结期限</Text>
          <Text>{formatDay(d.deadline)}</Text>
        </View>
        <View className="sd-fact">
          <Text className="muted">承诺 / 法定时限</Text>
          <Text>
            {d.promisedDays} / {d.statutoryDays} 个工作日
          </Text>
        </View>
        <View className="sd-fact">
          <Text className="muted">申请人</Text>
          <Text data-testid="applicant">{d.applicant}</Text>
        </View>
        <View className="sd-fact">
          <Text className="muted">提交时间</Text>
          <Text>{formatDateTime(d.submittedAt)}</Text>
        </View>
      </View>
    </View>
  );
}
