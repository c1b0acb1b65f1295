import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { beijingTime, dayNumber, weekdayOf, type CalendarAdminView, type CalendarDraftView } from '@yx/shared';
import { useState } from 'react';
import { asApiError } from '../../../api/client';
import { calendarAdminApi } from '../../../api/calendarAdmin';
import { Chips } from '../../../components/Chips';
import { ErrorLine } from '../../../components/ErrorLine';
import { Page } from '../../../components/Page';
import { RoleGate } from '../../../components/RoleGate';
import { SendButton } from '../../../components/SendButton';
import { StateView } from '../../../components/StateView';
import { confirmStep } from '../../../components/confirmStep';
import { useAsync } from '../../../hooks/useAsync';
import { useSubmit } from '../../../hooks/useSubmit';
import './index.css';

/** 工作日历 (admin, issue 16): the published years; a year imported from chinese-days as a draft, its diff, publishing. */
export default function CalendarAdmin() {
  return (
    <Page className="cal">
      <RoleGate roles={['admin']} what="工作日历">
        <CalendarAdminBody />
      </RoleGate>
    </Page>
  );
}

/** The years an admin can pick: what the package has, what is published, and the first year with no data. */
function yearChoices(o: CalendarAdminView): number[] {
  return [...new Set([...o.importableYears, ...o.years.map((y) => y.year), o.knownUntil + 1])].sort((a, b) => a - b);
}

function CalendarAdminBody() {
  const overview = useAsync(() => calendarAdminApi.overview(), []);
  const o = overview.data;
  const [year, setYear] = useState<number>();
  const [draft, setDraft] = useState<CalendarDraftView>();
  const [loadingDraft, setLoadingDraft] = useState(false);
  const [importError, setImportError] = useState<string>();
  const [publishError, setPublishError] = useState<string>();
  const loadDraft = async (y: number) => {
    setLoadingDraft(true);
    try {
      setDraft(await calendarAdminApi.draft(y));
    } catch (e) {
      const err = asApiError(e);
      if (err.status !== 404) setImportError(err.message);
    } finally {
      setLoadingDraft(false);
    }
  };
  const importing = useSubmit((e) => asApiError(e).message, setImportError);
  const publishing = useSubmit((e) => {
    const err = asApiError(e);
    // another import or publish came first: show the draft as it is now beside the message
    if (err.status === 409 && year) void loadDraft(year);
    return err.message;
  }, setPublishError);

  const pick = (y: number) => {
    setYear(y);
    setDraft(undefined);
    setImportError(undefined);
    setPublishError(undefined);
    if (o?.years.find((s) => s.year === y)?.draftVersion) void loadDraft(y);
  };

  const importYear = () =>
    importing.send(async () => {
      if (!year) return;
      setImportError(undefined);
      setPublishError(undefined);
      setDraft(await calendarAdminApi.importYear(year));
      overview.reload();
    });

  const publish = () =>
    publishing.send(async () => {
      if (!year || !draft) return;
      setPublishError(undefined);
      const ok = await confirmStep(`发布 ${year} 年日历`, `${draft.diff.summary}。发布后，办件的承诺时限和法定时限立即按新日历计算。`, '发布');
      if (!ok) return;
      setDraft(await calendarAdminApi.publish(year, draft.version));
      Taro.showToast({ title: '已发布', icon: 'success' });
      overview.reload();
    });

  return (
    <StateView loading={overview.loading && !o} error={o ? undefined : overview.error} onRetry={overview.reload}>
      {o && (
        <>
          <View className="section" data-testid="published">
            <View className="section-title">已发布的日历</View>
            <View className="cal-known" data-testid="known-until">
              节假日数据至 <Text className="cal-strong">{o.knownUntil}</Text> 年
              {o.provisionalYears.length > 0 && `，其中 ${o.provisionalYears.join('、')} 年为暂定（仅法定假日，待国务院办公厅通知）`}。{o.knownUntil + 1}{' '}
              年起暂按周末计算，办件时限旁会注明。
            </View>
            {o.years.map((y) => (
              <View key={y.year} className="cal-year tap" role="button" onClick={() => pick(y.year)} data-testid={`year-${y.year}`}>
                <View>
                  <Text className="cal-year-name">{y.year} 年</Text>
                  <View className="muted">
                    放假 {y.holidays} 天 · 调休上班 {y.workdays} 天{y.publishedAt ? ` · ${beijingTime(y.publishedAt)} 发布` : ''}
                  </View>
                </View>
                <View className="cal-tags">
                  {y.provisional && <Text className="cal-tag cal-tag-warn">暂定</Text>}
                  {y.draftVersion !== undefined && <Text className="cal-tag">草稿待发布</Text>}
                </View>
              </View>
            ))}
            <View className="muted cal-source">来源：{o.source}</View>
          </View>

          <View className="section" data-testid="import">
            <View className="section-title">导入与发布</View>
            <View className="muted cal-hint">
              选择年份，从 {o.importSource}（按国务院办公厅节假日安排通知维护）导入为草稿，核对后发布。草稿不影响办件时限。
            </View>
            <Chips
              label="选择年份"
              options={yearChoices(o).map((y) => ({ value: String(y), label: `${y} 年` }))}
              value={year ? String(year) : undefined}
              onChange={(v) => pick(Number(v))}
            />
            {year && (
              <SendButton
                className="btn btn-plain"
                busy={importing.busy}
                error={importError}
                errorTestId="import-error"
                onClick={importYear}
                testId="import-btn"
              >
                {draft?.state === 'draft' ? `重新导入 ${year} 年` : `导入 ${year} 年`}
              </SendButton>
            )}
            {!year && <View className="state state-empty">请先选择年份</View>}
          </View>

          {year && (
            <StateView loading={loadingDraft} empty={!draft && !importError} emptyText={`${year} 年还没有草稿，点「导入 ${year} 年」开始`}>
              {draft && <DraftView draft={draft} busy={publishing.busy} error={publishError} onPublish={publish} />}
            </StateView>
          )}
        </>
      )}
    </StateView>
  );
}

function DraftView({ draft, busy, error, onPublish }: { draft: CalendarDraftView; busy: boolean; error?: string; onPublish: () => void }) {
  const changed = new Set(draft.diff.changes.flatMap((c) => c.dates));
  return (
    <View data-testid="draft">
      <View className="section">
        <View className="section-title">
          {draft.year} 年草稿（第 {draft.version} 版）
          <Text className={`cal-tag ${draft.state === 'published' ? 'cal-tag-ok' : ''}`}>{draft.state === 'published' ? '已发布' : '待发布'}</Text>
        </View>
        <View className="muted">来源：{draft.source}</View>
        <View className="muted">导入：{beijingTime(draft.importedAt)}</View>
        {draft.publishedAt && <View className="muted">发布：{beijingTime(draft.publishedAt)}</View>}
        {draft.warnings.map((w) => (
          <View key={w} className="cal-warn" role="note">
            {w}
          </View>
        ))}
        {draft.stale && (
          <View className="cal-warn" role="alert">
            导入后已发布的日历有了变更，请重新导入后再核对发布
          </View>
        )}
      </View>

      <View className="section" data-testid="diff">
        <View className="section-title">与已发布日历的差异</View>
        <View className="cal-summary">{draft.diff.summary}</View>
        {draft.diff.changes.map((c) => (
          <View key={`${c.kind}-${c.change}-${c.dates[0]}`} className={`cal-change ${c.change}`}>
            {c.text}
          </View>
        ))}
      </View>

      <View className="section">
        <View className="section-title">{draft.year} 年日历</View>
        <View className="cal-legend">
          <View className="cal-key">
            <View className="cal-swatch off" />休 放假
          </View>
          <View className="cal-key">
            <View className="cal-swatch work">班</View>调休上班
          </View>
          <View className="cal-key">
            <View className="cal-swatch changed" />
            有变化
          </View>
        </View>
        {Array.from({ length: 12 }, (_, i) => (
          <MonthGrid key={i} year={draft.year} month={i + 1} draft={draft} changed={changed} />
        ))}
      </View>

      <View className="section">
        {draft.state === 'draft' ? (
          <SendButton className="btn" busy={busy} error={error} errorTestId="publish-error" disabled={draft.stale} onClick={onPublish} testId="publish-btn">
            发布 {draft.year} 年日历
          </SendButton>
        ) : (
          <>
            <ErrorLine error={error} testId="publish-error" />
            <View className="muted">已发布，办件时限已按此日历计算。</View>
          </>
        )}
      </View>
    </View>
  );
}

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日'];
const pad = (n: number) => String(n).padStart(2, '0');

/** The month's days in weeks, Monday first; null for the blanks around them. */
function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = `${year}-${pad(month)}-01`;
  const lead = (weekdayOf(dayNumber(first)!) + 6) % 7;
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const cells: (string | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length }, (_, i) => `${year}-${pad(month)}-${pad(i + 1)}`)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** One month as on a wall calendar: days off red, make-up working days marked 班, changed days outlined. */
function MonthGrid({ year, month, draft, changed }: { year: number; month: number; draft: CalendarDraftView; changed: Set<string> }) {
  const off = new Set(draft.holidays);
  const work = new Set(draft.workdays);
  return (
    <View className="cal-month" role="grid" aria-label={`${year} 年 ${month} 月`} data-testid={`month-${month}`}>
      <View className="cal-month-title">{month} 月</View>
      <View className="cal-row" role="row">
        {WEEKDAYS.map((w, i) => (
          <View key={w} className={`cal-weekday ${i >= 5 ? 'weekend' : ''}`} role="columnheader">
            {w}
          </View>
        ))}
      </View>
      {monthWeeks(year, month).map((week, i) => (
        <View key={i} className="cal-row" role="row">
          {week.map((date, j) => {
            if (!date) return <View key={`pad-${i}-${j}`} className="cal-cell blank" role="gridcell" />;
            const isOff = off.has(date);
            const isWork = work.has(date);
            const name = draft.names[date];
            const label = `${month}月${Number(date.slice(8))}日${isOff ? '，放假' : ''}${isWork ? '，调休上班' : ''}${name ? `，${name}` : ''}${changed.has(date) ? '，有变化' : ''}`;
            return (
              <View
                key={date}
                role="gridcell"
                data-date={date}
                aria-label={label}
                className={`cal-cell ${j >= 5 ? 'weekend' : ''} ${isOff ? 'off' : ''} ${isWork ? 'work' : ''} ${changed.has(date) ? 'changed' : ''}`}
              >
                <Text className="cal-day">{Number(date.slice(8))}</Text>
                {isOff && <Text className="cal-mark">休</Text>}
                {isWork && <Text className="cal-mark">班</Text>}
              </View>
            );
          })}
        </View>
      ))}
    </View>
  );
}
