import { Text, View } from '@tarojs/components';
import { businessDate } from '@yx/shared';
import { useState } from 'react';
import { staffApi, type DisclosureAnnual } from '../../../api/staff';
import { Chips } from '../../../components/Chips';
import { Page } from '../../../components/Page';
import { REPLY_TONES } from '../../../components/ReplyKindTag';
import { RoleGate } from '../../../components/RoleGate';
import { StateView } from '../../../components/StateView';
import { useAsync } from '../../../hooks/useAsync';
import { useSession } from '../../../hooks/useSession';
import { barWidth, kindBars, percent, yearsUpTo } from './figures';
import './index.css';

/** 政府信息公开工作年度报告: a year's requests for government information — received, replied, on time, by reply kind, by department. */
export default function DisclosureAnnualPage() {
  return (
    <Page className="da">
      <RoleGate roles={['staff', 'admin']} what="政府信息公开年度报告">
        <AnnualBody />
      </RoleGate>
    </Page>
  );
}

function AnnualBody() {
  const user = useSession()?.user;
  if (user?.role === 'staff' && !user.departmentId) {
    return (
      <View className="state state-empty" role="alert">
        您的账号未分配部门，暂无本部门数据，请联系管理员
      </View>
    );
  }
  return <Annual admin={user?.role === 'admin'} scope={user?.role === 'admin' ? '全区各部门' : `本部门：${user?.departmentName ?? ''}`} />;
}

/** The year's report: the server gives an officer their own department, the admin every one. */
function Annual({ admin, scope }: { admin: boolean; scope: string }) {
  const thisYear = Number(businessDate(new Date()).slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const figures = useAsync(() => staffApi.disclosureAnnual(year), [year]);
  return (
    <View>
      <View className="section da-head">
        <View className="section-title">依申请公开 · {year} 年</View>
        <View className="muted">{scope}。按《政府信息公开条例》第五十条，年度报告应列明收到和处理政府信息公开申请的情况。</View>
        <Chips
          label="年份"
          className="da-years"
          options={yearsUpTo(thisYear).map((y) => ({ value: String(y), label: `${y} 年` }))}
          value={String(year)}
          onChange={(v) => setYear(Number(v))}
        />
      </View>
      <StateView
        loading={figures.loading && !figures.data}
        error={figures.data ? undefined : figures.error}
        onRetry={figures.reload}
        empty={figures.data?.departments.length === 0}
        emptyText={`${year} 年还没有收到政府信息公开申请`}
      >
        {figures.data && <Report data={figures.data} admin={admin} />}
      </StateView>
    </View>
  );
}

function Report({ data, admin }: { data: DisclosureAnnual; admin: boolean }) {
  const t = data.total;
  const bars = kindBars(t.byKind);
  const max = Math.max(0, ...bars.map((b) => b.count));
  return (
    <View>
      <View className="section da-totals" data-testid="da-totals">
        <Total name="收到申请" value={`${t.received} 件`} />
        <Total name="已答复" value={`${t.replied} 件`} />
        <Total name="按期答复" value={`${t.onTime} 件`} />
        <Total name="按期答复率" value={percent(t.onTime, t.replied)} />
      </View>

      <View className="section" data-testid="da-kinds">
        <View className="section-title">答复结果</View>
        {bars.map((b) => (
          <View key={b.kind} className="da-bar-row" data-testid={`da-kind-${b.kind}`}>
            <Text className="da-bar-name">{b.name}</Text>
            <View className="da-bar-track" aria-hidden>
              <View className={`da-bar tone-${REPLY_TONES[b.kind]}`} style={{ width: barWidth(b.count, max) }} data-testid={`da-bar-${b.kind}`} />
            </View>
            <Text className="da-bar-count">{b.count} 件</Text>
          </View>
        ))}
      </View>

      <View className="section" data-testid="da-departments">
        <View className="section-title">{admin ? '各部门情况' : '本部门情况'}</View>
        <View className="da-table" role="table" aria-label={admin ? '各部门情况' : '本部门情况'}>
          <View className="da-row da-row-head" role="row">
            <View className="da-cell da-dept" role="columnheader">
              部门
            </View>
            <View className="da-cell" role="columnheader">
              收到
            </View>
            <View className="da-cell" role="columnheader">
              已答复
            </View>
            <View className="da-cell" role="columnheader">
              按期率
            </View>
          </View>
          {data.departments.map((d) => (
            <View key={d.departmentId} className="da-row" role="row" data-testid="da-dept">
              <View className="da-cell da-dept" role="rowheader">
                {d.departmentName}
              </View>
              <View className="da-cell" role="cell">
                {d.received}
              </View>
              <View className="da-cell" role="cell">
                {d.replied}
              </View>
              <View className="da-cell" role="cell">
                {percent(d.onTime, d.replied)}
              </View>
            </View>
          ))}
        </View>
      </View>
      <View className="muted da-foot">按期率 = 在答复期限内答复的件数 ÷ 已答复件数。数据每隔几分钟汇总一次。</View>
    </View>
  );
}

function Total({ name, value }: { name: string; value: string }) {
  return (
    <View className="da-total">
      <View className="da-total-value">{value}</View>
      <View className="muted">{name}</View>
    </View>
  );
}
