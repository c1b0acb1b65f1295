import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { SEVERITIES } from '@yx/shared';
import type { ReactNode } from 'react';
import { ApiError } from '../../../../api/client';
import { creditStaffApi, type CreditReview } from '../../../../api/credit';
import { DetailHead, DetailShell } from '../../../../components/DetailShell';
import { MaterialFiles } from '../../../../components/MaterialFiles';
import { Page } from '../../../../components/Page';
import { RoleGate } from '../../../../components/RoleGate';
import { formatDateTime, formatDay } from '../../../../components/Timeline';
import { TrafficLight } from '../../../../components/TrafficLight';
import { useActedDetail } from '../../../../hooks/useActedDetail';
import { COMMITMENT_TEXT, REVIEW_STATUS, reviewKindName } from '../common';
import { Decision } from './Decision';
import './index.css';

/** 信用修复与异议核查: one request of my department: the record, the firm's reasons and evidence, the clock, the decision. */
export default function StaffCreditReview() {
  return (
    <Page className="scd">
      <RoleGate roles={['staff']} what="信用修复与异议核查">
        <Loader />
      </RoleGate>
    </Page>
  );
}

function Loader() {
  const { params } = useRouter();
  const id = params?.id ?? '';
  // 409: another officer decided it first: the server's message, and the request as it now is
  const detail = useActedDetail<CreditReview>(
    () => (id ? creditStaffApi.review(id) : Promise.reject(new ApiError(400, 'CLIENT', '缺少申请编号，请从信用修复与异议列表进入'))),
    [id],
  );
  return <DetailShell detail={detail}>{(d) => <Body d={d} onDone={detail.onDone} onError={detail.onError} />}</DetailShell>;
}

function Fact({ name, children }: { name: string; children: ReactNode }) {
  return (
    <View className="scd-fact">
      <Text className="muted scd-fact-name">{name}</Text>
      <Text className="scd-fact-value">{children}</Text>
    </View>
  );
}

function Body({ d, onDone, onError }: { d: CreditReview; onDone: (d: CreditReview, toast: string) => void; onError: (e: unknown) => string | undefined }) {
  const status = REVIEW_STATUS[d.status];
  const r = d.record;
  const files = d.files.filter((f): f is typeof f & { url: string } => Boolean(f.url));
  return (
    <View>
      <DetailHead title={`${reviewKindName(d.kind)}：${d.firmName}`} lines={[`统一社会信用代码 ${d.creditCode}`, `申请人 ${d.applicant}`]}>
        <Text className={`tag ${status.tone}`} data-testid="review-status">
          {status.name}
        </Text>
      </DetailHead>

      <View className="section scd-clock">
        {d.status === 'reviewing' && <TrafficLight light={d.light ?? null} remainingDays={d.remainingDays ?? null} />}
        <View>
          <Fact name="收到日期">{formatDay(d.receivedOn)}</Fact>
          <Fact name="答复期限">{formatDay(d.deadline)}</Fact>
          <Fact name="提交时间">{formatDateTime(d.submittedAt)}</Fact>
        </View>
      </View>

      <View className="section" data-testid="review-record">
        <View className="section-title">{reviewKindName(d.kind)}的信息</View>
        <View className="scd-record-title">{r.title}</View>
        <Fact name="文书号">{r.decisionNo}</Fact>
        {r.severity && <Fact name="失信程度">{SEVERITIES[r.severity]}</Fact>}
        {r.basis && <Fact name="处罚依据">{r.basis}</Fact>}
        <Fact name="决定机关">{r.authority}</Fact>
        <Fact name="决定日期">{formatDay(r.decidedOn)}</Fact>
        {r.repairableFrom && <Fact name="可申请修复">{`${formatDay(r.repairableFrom)} 起`}</Fact>}
        {r.leavesOn && <Fact name="公示期满">{formatDay(r.leavesOn)}</Fact>}
      </View>

      <View className="section">
        <View className="section-title">{d.kind === 'repair' ? '纠正失信行为的情况' : '异议的理由'}</View>
        <View className="scd-text" data-testid="review-text">
          {d.text}
        </View>
      </View>

      <View className="section" data-testid="review-files">
        <View className="section-title">证明材料</View>
        {files.length > 0 && <MaterialFiles files={files.map((f) => ({ fileId: f.id, fileName: f.name, contentType: 'application/pdf', url: f.url }))} />}
        {d.files
          .filter((f) => !f.url)
          .map((f) => (
            <View key={f.id} className="muted">
              {f.name}（文件暂不能打开，请稍后刷新）
            </View>
          ))}
        {!d.files.length && <View className="muted">未上传证明材料</View>}
      </View>

      {d.kind === 'repair' && (
        <View className="section" data-testid="review-commitment">
          <View className="section-title">信用修复承诺书</View>
          <View className="scd-commitment">{COMMITMENT_TEXT}</View>
          <View className={d.commitment ? 'scd-signed' : 'error-text'}>{d.commitment ? `已签署（${d.applicant}）` : '未签署承诺'}</View>
        </View>
      )}

      {d.status === 'reviewing' ? (
        <Decision key={d.version} d={d} onDone={onDone} onError={onError} />
      ) : (
        <View className="section" data-testid="review-decided">
          <View className="section-title">核查结果</View>
          <View className={d.status === 'approved' ? 'scd-signed' : 'scd-refused'}>{d.status === 'approved' ? '同意：该信息已不再公示' : '不同意'}</View>
          {d.reason && <Fact name="理由">{d.reason}</Fact>}
          {d.decidedAt && <Fact name="答复时间">{formatDateTime(d.decidedAt)}</Fact>}
          {d.decidedBy && <Fact name="办理人">{d.decidedBy}</Fact>}
        </View>
      )}
    </View>
  );
}
