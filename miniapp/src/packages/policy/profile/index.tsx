import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { DeclarableFactKey } from '@yx/shared';
import { useState } from 'react';
import { policyApi, type FirmProfileView, type ProfileFact } from '../../../api/policies';
import { Button } from '../../../components/Button';
import { Page } from '../../../components/Page';
import { StateView } from '../../../components/StateView';
import { formatDate } from '../../../components/Timeline';
import { useAsync } from '../../../hooks/useAsync';
import { FirmGate, goPolicy, isDeclarable } from '../common';
import { DeclareForm } from './DeclareForm';
import './index.css';

/** 企业画像 (issue 17), the firm's own: what the district knows of it and where each fact comes from; a missing one it may add. */
export default function FirmProfile() {
  return (
    <Page className="pf">
      <FirmGate what="企业画像">
        <ProfileBody />
      </FirmGate>
    </Page>
  );
}

/** Where a fact comes from, as a word badge. */
function SourceBadge({ f }: { f: ProfileFact }) {
  if (f.source === 'registry') return <Text className="tag tag-green">区数据</Text>;
  if (f.source === 'declared') return <Text className="tag tag-orange">企业自报·待核验</Text>;
  return <Text className="tag tag-gray">缺失</Text>;
}

/** The button under a fact the firm may add itself: 补充 when missing, 重新提交 when declared, 补充资质 beside recorded ones. */
function declareLabel(f: ProfileFact): string | undefined {
  if (!isDeclarable(f.key)) return undefined;
  if (f.source === 'declared') return '重新提交';
  if (f.value === null) return `补充${f.label}`;
  return f.key === 'qualifications' ? '补充新取得的资质' : undefined;
}

function ProfileBody() {
  const { params } = useRouter();
  const loaded = useAsync(() => policyApi.profile(), []);
  const [fresh, setFresh] = useState<FirmProfileView>();
  const [open, setOpen] = useState<string | undefined>(isDeclarable(params.fact) ? params.fact : undefined);
  const p = fresh ?? loaded.data;
  const missing = p?.facts.filter((f) => f.value === null).length ?? 0;

  return (
    <StateView loading={loaded.loading && !p} error={p ? undefined : loaded.error} onRetry={loaded.reload}>
      {p && (
        <>
          <View className="section pf-head">
            <View className="pf-name">{p.name}</View>
            <View className="muted">统一社会信用代码 {p.creditCode}</View>
            <View className="pf-legend">
              <Text className="tag tag-green">区数据</Text>
              <Text className="muted">来自区里的登记、社保、税务等记录</Text>
            </View>
            <View className="pf-legend">
              <Text className="tag tag-orange">企业自报·待核验</Text>
              <Text className="muted">企业上传证明补充，申请时由主管部门核验</Text>
            </View>
            {missing > 0 && (
              <View className="pf-missing" data-testid="missing-count">
                有 {missing} 项信息缺失，补充后政策比对更准确
              </View>
            )}
          </View>
          <View className="section">
            <View className="section-title">企业信息</View>
            {p.facts.map((f) => {
              const label = declareLabel(f);
              return (
                <View key={f.key} className="pf-row" data-testid={`fact-${f.key}`}>
                  <View className="pf-row-head">
                    <Text className="pf-label">{f.label}</Text>
                    <SourceBadge f={f} />
                  </View>
                  <View className={`pf-value ${f.value === null ? 'none' : ''}`}>{f.value ?? '区里暂无记录'}</View>
                  {f.source === 'declared' && f.declaredAt && <View className="muted">{formatDate(f.declaredAt)} 自报，证明材料待核验</View>}
                  {open === f.key ? (
                    <DeclareForm
                      fact={f.key as DeclarableFactKey}
                      onCancel={() => setOpen(undefined)}
                      onDone={(next) => {
                        setFresh(next);
                        setOpen(undefined);
                        Taro.showToast({ title: '已提交，待核验', icon: 'success' });
                      }}
                    />
                  ) : (
                    label && (
                      <Button className="btn btn-plain pf-declare" onClick={() => setOpen(f.key)} aria-label={`${label}：${f.label}`}>
                        {label}
                      </Button>
                    )
                  )}
                </View>
              );
            })}
          </View>
          <View className="section pf-foot">
            <View className="muted">数据有误？登记、社保、税务等区数据请到相应部门更正，更正后自动更新。</View>
            <Button className="btn btn-plain pf-market" onClick={() => goPolicy('market')}>
              去政策超市看看能享受哪些政策
            </Button>
          </View>
        </>
      )}
    </StateView>
  );
}
