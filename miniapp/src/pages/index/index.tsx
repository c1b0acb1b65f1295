import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { THEMES } from '@yx/shared';
import { useState } from 'react';
import { api } from '../../api/client';
import { CREDIT_PAGES } from '../../api/credit';
import { ElderOffer } from '../../components/ElderOffer';
import { Page } from '../../components/Page';
import { ServiceCard } from '../../components/ServiceCard';
import { StateView } from '../../components/StateView';
import { useAsync } from '../../hooks/useAsync';
import { elderChosen, useElderMode } from '../../hooks/useElderMode';
import { openGuide } from '../guideFilter';
import { ElderHome } from './ElderHome';
import './index.css';

/** A coloured badge with one character: renders the same in WeChat, H5 and without emoji fonts. */
const THEME_BADGES: Record<string, [string, string]> = {
  birth: ['生', '#e8617a'],
  school: ['学', '#3d7be0'],
  work: ['业', '#e08a1e'],
  marriage: ['婚', '#d94c8a'],
  housing: ['房', '#2f9e6e'],
  residence: ['籍', '#6b5bd6'],
  'social-security': ['保', '#1d9bb5'],
  elderly: ['老', '#b7791f'],
  certificates: ['证', '#5a6acf'],
  startup: ['开', '#c8161d'],
  operation: ['营', '#e0701e'],
  construction: ['建', '#4f7a28'],
  change: ['变', '#3d7be0'],
  employment: ['工', '#1d9bb5'],
  tax: ['税', '#b7791f'],
  closure: ['销', '#6b7280'],
};

type HomeLink = { badge: string; color: string; name: string; note: string; url: string; className?: string };

/** The home page's cards after the policy pair, two to a row, in the order a resident looks for them. */
const HOME_PAIRS: { testId?: string; cards: [HomeLink, HomeLink] }[] = [
  {
    testId: 'home-openness',
    cards: [
      { badge: '开', color: '#1d5fd1', name: '政务公开', note: '通知公告 · 政策解读', url: '/packages/openness/index' },
      { badge: '警', color: '#b45309', name: '食品安全预警', note: '风险预警 · 消费提示', url: '/packages/openness/index?category=food-safety' },
    ],
  },
  {
    testId: 'home-credit',
    cards: [
      { badge: '信', color: '#1f8a4c', name: '信用查询', note: '企业信用 · 商户评价', url: CREDIT_PAGES.search },
      { badge: '企', color: '#1d6fd1', name: '我的企业信用', note: '信用等级 · 信用修复', url: CREDIT_PAGES.mine },
    ],
  },
  {
    cards: [
      { badge: '查', color: '#2f9e6e', name: '进度查询', note: '凭编号免登录', url: '/packages/progress/lookup/index' },
      { badge: '件', color: '#e08a1e', name: '我的办件', note: '进度 · 补正 · 评价', url: '/packages/progress/mine/index' },
    ],
  },
  {
    testId: 'home-appointment',
    cards: [
      { badge: '约', color: '#3d7be0', name: '预约取号', note: '预约时段 · 到场取号', url: '/packages/appointment/index' },
      { badge: '号', color: '#2f7d5a', name: '我的预约', note: '排队进度 · 改约', url: '/packages/appointment/mine/index' },
    ],
  },
  {
    testId: 'home-community',
    cards: [
      { badge: '议', color: '#0f766e', name: '居民议事', note: '社区议题 · 投票', url: '/packages/community/index' },
      { badge: '居', color: '#7c5a2e', name: '我的社区', note: '登记所在社区', url: '/packages/community/residence/index' },
    ],
  },
  {
    cards: [
      { className: 'home-appeal', badge: '诉', color: '#6b5bd6', name: '我要反映', note: '接诉即办 · 有诉必应', url: '/packages/appeal/file/index' },
      { badge: '单', color: '#1d9bb5', name: '我的诉求', note: '进展 · 评价', url: '/packages/appeal/mine/index' },
    ],
  },
  {
    cards: [
      { className: 'home-member', badge: '会', color: '#d4380d', name: '会员专区', note: '签到 · 积分 · 会员卡', url: '/packages/member/home/index' },
      { badge: '礼', color: '#b7791f', name: '会员日福利', note: '每月会员日领取', url: '/packages/member/benefits/index' },
    ],
  },
];

/** A big card of the home page: a coloured badge, its name and a line under it; the whole card is the button. */
function HomeCard(p: { badge: string; color: string; name: string; note: string; onClick: () => void; className?: string }) {
  return (
    <View className={p.className ? `home-audience-card ${p.className}` : 'home-audience-card'} onClick={p.onClick} role="button">
      <Badge text={p.badge} color={p.color} big />
      <View>
        <View className="home-audience-name">{p.name}</View>
        <View className="muted">{p.note}</View>
      </View>
    </View>
  );
}

function Badge({ text, color, big }: { text: string; color: string; big?: boolean }) {
  return (
    <View className={`home-badge ${big ? 'big' : ''}`} style={{ background: color }}>
      {text}
    </View>
  );
}

export default function Home() {
  const [elder, setElder] = useElderMode();
  return (
    <Page className="home">
      {elder ? <ElderHome onStandard={() => setElder(false)} /> : <StandardHome onElder={() => setElder(true)} onNoElder={() => setElder(false)} />}
    </Page>
  );
}

function StandardHome({ onElder, onNoElder }: { onElder: () => void; onNoElder: () => void }) {
  const [q, setQ] = useState('');
  // 长辈版 is offered on the first visits until the person chooses either way (issue 14)
  const [offer, setOffer] = useState(() => !elderChosen());
  const popular = useAsync(() => api.services({ limit: 6 }), []);
  const bundles = useAsync(() => api.bundles(), []);
  const search = () => openGuide({ q: q.trim() });

  return (
    <>
      <View className="home-hero">
        <View className="home-title-row">
          <View className="home-title">越秀掌上办</View>
          <View className="home-elder-pill" role="button" onClick={onElder} data-testid="elder-pill">
            长辈版
          </View>
        </View>
        <View className="home-sub">办事指南 · 网上申办 · 进度查询，少跑腿、快办事</View>
        <View className="home-search">
          <Input
            className="home-search-input"
            placeholder="搜索事项，如：营业执照、居住证"
            value={q}
            confirmType="search"
            onInput={(e) => setQ(e.detail.value)}
            onConfirm={search}
            aria-label="搜索办事事项"
            nativeProps={{ 'aria-label': '搜索办事事项' }}
          />
          <View className="home-search-btn" onClick={search} role="button">
            搜索
          </View>
        </View>
      </View>

      {offer && (
        <ElderOffer
          onDismiss={() => {
            setOffer(false);
            onNoElder();
          }}
        />
      )}
      <View className={`home-audience ${offer ? 'after-offer' : ''}`}>
        <HomeCard className="person" badge="个" color="#3d7be0" name="个人办事" note="生老病死 · 安居乐业" onClick={() => openGuide({ audience: 'person' })} />
        <HomeCard
          className="enterprise"
          badge="企"
          color="#c8161d"
          name="企业办事"
          note="开办 · 经营 · 注销"
          onClick={() => openGuide({ audience: 'enterprise' })}
        />
      </View>

      <View className="home-progress" data-testid="home-policy">
        <View className="home-audience-card home-policy" onClick={() => Taro.navigateTo({ url: '/packages/policy/index' })}>
          <View className="home-badge big" style={{ background: '#b7791f' }} aria-hidden>
            策
          </View>
          {/* the badge's character outside the button: its name is exactly the words it shows (axe label-content-name-mismatch) */}
          <View role="button" aria-label="政策超市，惠企政策 · 免申即享">
            <View className="home-audience-name">政策超市</View>
            <View className="muted">惠企政策 · 免申即享</View>
          </View>
        </View>
        <View className="home-audience-card" onClick={() => Taro.navigateTo({ url: '/packages/policy/disbursements/index' })}>
          <View className="home-badge big" style={{ background: '#2f7d5a' }} aria-hidden>
            公
          </View>
          <View role="button" aria-label="兑现公示，政策资金 · 拨付公开">
            <View className="home-audience-name">兑现公示</View>
            <View className="muted">政策资金 · 拨付公开</View>
          </View>
        </View>
      </View>

      {HOME_PAIRS.map((pair, i) => (
        <View key={i} className="home-progress" data-testid={pair.testId}>
          {pair.cards.map((c) => (
            <HomeCard key={c.name} {...c} onClick={() => Taro.navigateTo({ url: c.url })} />
          ))}
        </View>
      ))}

      <View className="section">
        <View className="section-title">按主题找</View>
        <View className="home-themes">
          {THEMES.map((t) => (
            <View key={t.id} className="home-theme" onClick={() => openGuide({ audience: t.audience, theme: t.id })} role="button">
              <Badge text={THEME_BADGES[t.id]?.[0] ?? t.name[0]} color={THEME_BADGES[t.id]?.[1] ?? '#6b7280'} />
              <Text className="home-theme-name">{t.name}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className="section">
        <View className="section-title">一件事一次办</View>
        <StateView loading={bundles.loading} error={bundles.error} onRetry={bundles.reload}>
          {bundles.data?.items.map((b) => (
            <View key={b.id} className="home-bundle" onClick={() => Taro.navigateTo({ url: `/packages/guide/bundle/index?id=${b.id}` })}>
              <View className="home-bundle-name">{b.name}</View>
              <View className="muted">{b.slogan || b.summary}</View>
              <Text className="tag tag-red">{b.itemIds.length} 个事项合一</Text>
            </View>
          ))}
        </StateView>
      </View>

      <View className="section home-popular-title">
        <View className="section-title">热门事项</View>
      </View>
      <StateView loading={popular.loading} error={popular.error} onRetry={popular.reload}>
        {popular.data?.items.map((i) => (
          <ServiceCard key={i.id} item={i} />
        ))}
      </StateView>
    </>
  );
}
