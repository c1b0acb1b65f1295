import { Text, View } from '@tarojs/components';
import type { ApplicationState } from '@yx/shared';
import './PlainProgress.css';

/**
 * 办理进度 as a resident reads it (issue 14): four steps with the current one marked, and one sentence — "预计 12 月 3 日
 * 前办结". The deadline lights (红黄绿灯) are the officers' tool; a resident sees plain progress.
 */
const STEPS = ['提交', '受理', '审核', '办结'] as const;

const STEP_OF: Record<ApplicationState, number> = {
  submitted: 0,
  supplement: 1,
  accepted: 1,
  not_accepted: 1,
  in_review: 2,
  approved: 3,
  denied: 3,
  delivered: 3,
  withdrawn: 0,
  waiting: 0,
  terminated: 0,
  replied: 3,
};

/** 2026-12-03 → 12 月 3 日 */
export const monthDay = (day: string) => `${Number(day.slice(5, 7))} 月 ${Number(day.slice(8, 10))} 日`;

/** The one sentence: when it should be done, or why the clock is not running. */
export function progressText(p: { state: ApplicationState; running: boolean; deadline: string; remainingDays: number | null }): string {
  if (p.state === 'withdrawn') return '您已撤回这件申请';
  if (p.state === 'waiting') return '等前一事项办结后自动转部门办理，届时开始计时';
  if (p.state === 'terminated') return '需要的前一事项没有办成，本事项已终止，原因见下方办理进度';
  if (p.state === 'not_accepted') return '不予受理，原因见下方办理进度';
  if (p.state === 'denied') return '已办结：不予许可，原因见下方办理进度';
  if (p.state === 'approved') return '已办结，等待送达';
  if (p.state === 'delivered') return '已办结';
  if (p.state === 'replied') return '已答复，答复书已放入证照夹'; // 依申请公开 (issue 19)
  if (p.state === 'supplement') return '等您补正材料；补正期间暂停计时，补正后继续办理';
  if (!p.running) return '办理中';
  if ((p.remainingDays ?? 0) < 0) return `原定 ${monthDay(p.deadline)}前办结，已超时，我们正在督促尽快办结`;
  return `预计 ${monthDay(p.deadline)}前办结`;
}

/** 法定时限 in words (issue 16): it starts at 受理, so before that there is nothing to count down yet. */
export function statutoryText(s: { started: boolean; deadline: string | null; remainingDays: number | null } | undefined): string | undefined {
  if (!s) return undefined;
  if (!s.started) return '法定时限：受理后开始计算';
  if (s.deadline === null || s.remainingDays === null) return undefined;
  if (s.remainingDays < 0) return `法定时限：${monthDay(s.deadline)}已到期`;
  return `法定时限：还剩 ${s.remainingDays} 个工作日（${monthDay(s.deadline)}前）`;
}

export function PlainProgress(p: { state: ApplicationState; running: boolean; deadline: string; remainingDays: number | null; small?: boolean }) {
  const text = progressText(p);
  if (p.small) {
    return (
      <Text className="prog-small" data-testid="plain-progress">
        {text}
      </Text>
    );
  }
  const at = STEP_OF[p.state];
  const stopped = p.state === 'withdrawn' || p.state === 'not_accepted' || p.state === 'terminated';
  return (
    <View className="prog" data-testid="plain-progress" role="img" aria-label={`办理进度：${STEPS[at]}，${text}`}>
      <View className="prog-steps">
        {STEPS.map((s, i) => (
          <View
            key={s}
            className={`prog-step ${i < at || (i === at && !stopped) ? 'done' : ''} ${i === at ? 'now' : ''}`}
            data-testid={i === at ? 'pp-now' : undefined}
          >
            <View className="prog-dot" />
            <Text className="prog-label">{s}</Text>
          </View>
        ))}
      </View>
      <View className="prog-text">{text}</View>
    </View>
  );
}
