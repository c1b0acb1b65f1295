import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { asApiError, type ApiError } from '../../api/client';
import { creditApi, type FirmSearchResult } from '../../api/credit';
import { Page } from '../../components/Page';
import { SearchBar } from '../../components/SearchBar';
import { StateView } from '../../components/StateView';
import { GradeBadge } from './parts/GradeBadge';
import { openCredit } from './parts/links';
import './index.css';

interface Found {
  q: string;
  result?: FirmSearchResult;
  error?: ApiError;
  loading: boolean;
}

/**
 * 信用查询 (issue 20): anyone, without logging in, looks a firm up by any two characters of its name or by its
 * 统一社会信用代码, and sees its credit grade; a tap opens its credit profile (the page the 信用码 opens).
 */
export default function CreditSearch() {
  const { params } = useRouter();
  const [typed, setTyped] = useState(params.q ?? '');
  const [problem, setProblem] = useState<string>();
  const [found, setFound] = useState<Found>();

  const run = (q: string) => {
    setFound({ q, loading: true });
    creditApi.search(q).then(
      (result) => setFound((f) => (f?.q === q ? { q, result, loading: false } : f)),
      (e) => setFound((f) => (f?.q === q ? { q, error: asApiError(e), loading: false } : f)),
    );
  };
  const search = () => {
    const q = typed.trim();
    if (q.length < 2) {
      setProblem(q ? '请至少输入两个字' : '请输入企业名称或统一社会信用代码');
      return;
    }
    setProblem(undefined);
    run(q);
  };

  return (
    <Page className="crq">
      <View className="crq-head">
        <View className="crq-title">信用查询</View>
        <View className="crq-sub">查企业信用等级、行政许可、行政处罚和消费者评价，无需登录</View>
      </View>
      <SearchBar
        label="企业名称或统一社会信用代码"
        placeholder="企业名称（至少两个字）或统一社会信用代码"
        value={typed}
        onInput={setTyped}
        onSearch={search}
        buttonText="查询"
        maxlength={40}
        error={problem}
        testId="credit-search"
      />
      {found ? (
        <StateView
          loading={found.loading}
          error={found.error}
          onRetry={() => run(found.q)}
          empty={!found.result?.items.length}
          emptyText={`没有找到“${found.q}”，请核对企业名称或统一社会信用代码`}
        >
          <View className="muted crq-count" data-testid="credit-search-note">
            “{found.q}”的查询结果（{found.result?.items.length ?? 0} 家）
          </View>
          {found.result?.items.map((f) => (
            <View
              key={f.creditCode}
              className="card crq-row tap"
              role="button"
              // named by what it shows (name, street, code, grade)
              data-testid={`firm-${f.creditCode}`}
              onClick={() => openCredit('merchant', { code: f.creditCode })}
            >
              <View className="crq-row-main">
                <View className="crq-row-name">{f.name}</View>
                <View className="muted">
                  {f.street ? `${f.street} · ` : ''}
                  {f.creditCode}
                </View>
              </View>
              <GradeBadge grade={f.grade} />
            </View>
          ))}
          {found.result?.more && (
            <View className="notice" role="status" data-testid="credit-search-more">
              结果较多，请输入更完整的名称
            </View>
          )}
        </StateView>
      ) : (
        <View className="section crq-intro">
          <View className="section-title">说明</View>
          <View className="crq-intro-line">
            <Text>企业信用等级分为 A、B、C、D 四级，由区里按统一的评级规则计算。</Text>
          </View>
          <View className="crq-intro-line">
            <Text>在北京路等商圈的店铺，扫店内张贴的“信用码”可直接查看商户信用并评价。</Text>
          </View>
          <View className="cr-more tap" role="button" data-testid="credit-rules-link" onClick={() => openCredit('rules')}>
            查看评级规则 ›
          </View>
        </View>
      )}
    </Page>
  );
}
