import { Text, View } from '@tarojs/components';
import { DISCLOSURE_RULES, trafficLight, type Light } from '@yx/shared';
import type { ReactNode } from 'react';
import type { StaffApplicationView } from '../../../../api/staff';
import { ReplyKindTag } from '../../../../components/ReplyKindTag';
import { formatDateTime, formatDay } from '../../../../components/Timeline';
import { TrafficLight } from '../../../../components/TrafficLight';
import './disclosure.css';

type Disclosure = NonNullable<StaffApplicationView['disclosure']>;

/** The 条例's light: the reply deadline's working days (20 + the extension) against those used, as the server counts them. */
export function replyLight(d: Pick<StaffApplicationView, 'statutory' | 'statutoryDays'>): { light: Light | null; remaining: number | null } {
  const remaining = d.statutory?.remainingDays ?? null;
  if (remaining === null) return { light: null, remaining: null };
  return { light: trafficLight(d.statutoryDays, Math.max(0, d.statutoryDays - remaining)), remaining };
}

function Fact({ name, children, testId }: { name: string; children: ReactNode; testId?: string }) {
  return (
    <View className="sd-fact" data-testid={testId}>
      <Text className="muted">{name}</Text>
      <View className="dc-fact-value">{children}</View>
    </View>
  );
}

/**
 * 依申请公开 at the top of the case: the 条例's clock (received, the reply deadline with its light, the 补正 cut-off while it
 * applies, the extension and who approved it, a third party asked and by when it answers), art. 35's warning, the reply.
 */
export function DisclosurePanel({ d }: { d: StaffApplicationView }) {
  const x = d.disclosure as Disclosure;
  const { light, remaining } = replyLight(d);
  const open = d.state === 'submitted' || d.state === 'accepted';
  const moved = [x.extension && `延长 ${x.extension.days} 个工作日`, x.pausedDays > 0 && `不计入 ${x.pausedDays} 个工作日`].filter(Boolean);
  return (
    <View className="sd-clock" data-testid="disclosure-panel">
      <TrafficLight light={light} remainingDays={remaining} state={d.state} />
      {d.state === 'supplement' && <View className="dc-note">等待申请人补正申请内容；收到补正之日起重新计算 {DISCLOSURE_RULES.replyDays} 个工作日</View>}
      <View className="dc-request" data-testid="dc-request">
        <View className="section-title">申请公开的信息</View>
        <View className="dc-request-text">{x.request.requestedInfo}</View>
        {x.request.documentNo && <View className="muted">文件名称或文号：{x.request.documentNo}</View>}
        <View className="muted">获取方式：{x.request.format}</View>
        {x.request.clarification && <View className="dc-request-text">补正说明：{x.request.clarification}</View>}
      </View>
      <View className="sd-facts">
        <Fact name="收到申请" testId="dc-received">
          {formatDay(x.receivedOn)}
        </Fact>
        {x.restartedOn && (
          <Fact name="补正后重新计算" testId="dc-restarted">
            {formatDay(x.restartedOn)}
          </Fact>
        )}
        <Fact name="答复期限" testId="dc-deadline">
          <Text className={light === 'red' ? 'dc-over' : ''}>{formatDay(x.deadline)}</Text>
          {moved.length > 0 && <View className="muted">（{moved.join('，')}）</View>}
        </Fact>
        {x.clarifyBy && open && (
          <Fact name="补正告知截止" testId="dc-clarify-by">
            {formatDay(x.clarifyBy)}
          </Fact>
        )}
        {x.extension && (
          <Fact name={x.extension.basis === 'art33' ? '延长答复期限' : '延迟答复（第三十五条）'} testId="dc-extension">
            {x.extension.days} 个工作日 · {formatDay(x.extension.on)}
            <View className="muted">批准人：{x.extension.approvedBy}</View>
          </Fact>
        )}
        {x.consulting && (
          <Fact name={x.consulting.name} testId="dc-consulting">
            自 {formatDay(x.consulting.since)} 起，不计入答复期限
            {x.consulting.answerBy && <View className="muted">第三方应于 {formatDay(x.consulting.answerBy)} 前提出意见</View>}
          </Fact>
        )}
        <Fact name="申请人">
          <Text data-testid="applicant">{d.applicant}</Text>
        </Fact>
        <Fact name="提交时间">{formatDateTime(d.submittedAt)}</Fact>
      </View>
      {x.frequent && (
        <View className="sd-warn dc-frequent" role="note" data-testid="dc-frequent">
          该申请人近 {DISCLOSURE_RULES.frequent.days} 日申请 {x.recentRequests ?? DISCLOSURE_RULES.frequent.requests}{' '}
          件，可依第三十五条处理（延迟答复或不予处理）
        </View>
      )}
      {x.reply && (
        <View className="dc-reply" data-testid="dc-reply">
          <ReplyKindTag kind={x.reply.kind} name={x.reply.kindName} />
          <Text>
            {formatDay(x.reply.on)} 已答复{x.reply.onTime ? '（按期）' : '（超过答复期限）'}
          </Text>
        </View>
      )}
    </View>
  );
}
