import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { BENEFIT_TYPES, yuan } from '@yx/shared';
import type { ItemMatchView, PolicyItemDetail } from '../../../api/policies';
import { Button } from '../../../components/Button';
import { applyUrl, ConditionRows, goPolicy, ModeBadge, offerStatusName, VerdictBadge } from '../common';

const WINDOW_WORDS = { open: '进行中', upcoming: '未开始', closed: '已截止' } as const;

/**
 * One policy item: the benefit, when it can be claimed, how (免申即享 / 依申请) and its conditions. For a firm, each
 * condition is judged (满足 / 不满足 / 待补充 with the reason and what to do), with the overall verdict, the amount it
 * would get, and the way on: 申请兑现 (依申请) or 去确认 (免申即享 offered).
 */
export function ItemCard({ item, match, withdrawn, viewer }: { item: PolicyItemDetail; match?: ItemMatchView; withdrawn: boolean; viewer: 'firm' | 'other' }) {
  return (
    <View className="section pd-item" data-testid={`item-${item.id}`}>
      <View className="pd-item-head">
        <Text className="pd-item-title">{item.title}</Text>
        {match && <VerdictBadge verdict={match.verdict} big />}
      </View>
      <View className="pd-item-tags">
        <ModeBadge mode={item.mode} />
        <Text className="tag tag-gray">{BENEFIT_TYPES[item.benefit.type]}</Text>
      </View>
      <View className="pd-benefit">{item.benefit.text}</View>
      {match?.amountYuan !== undefined && (
        <View className="pd-amount" data-testid="amount">
          预计可得 <Text className="pd-amount-num">{yuan(match.amountYuan)}</Text>
          <Text className="muted">（以主管部门审核为准）</Text>
        </View>
      )}
      <View className={`pd-window ${item.window}`}>
        兑现时间：{item.validFrom} 至 {item.validTo}
        <Text className="pd-window-word">（{WINDOW_WORDS[item.window]}）</Text>
      </View>

      <View className="pd-sub">{match ? '逐条比对本企业的情况' : '申请条件'}</View>
      {match ? (
        <ConditionRows conditions={match.conditions} />
      ) : item.conditionTexts.length ? (
        item.conditionTexts.map((t, i) => (
          <View key={i} className="pd-cond" data-testid="condition-text">
            {i + 1}. {t}
          </View>
        ))
      ) : (
        <View className="muted">无特别条件，区内企业均可享受</View>
      )}
      {item.mode === 'apply' && item.evidence.length > 0 && <View className="muted pd-evidence">申请时需提供：{item.evidence.join('、')}</View>}

      {!withdrawn && <ItemAction item={item} match={match} viewer={viewer} />}
    </View>
  );
}

/** What the firm can do next with the item (or, for anyone else, how it is claimed). */
function ItemAction({ item, match, viewer }: { item: PolicyItemDetail; match?: ItemMatchView; viewer: 'firm' | 'other' }) {
  if (viewer !== 'firm' || !match) {
    return (
      <View className="muted pd-how">
        {item.mode === 'auto'
          ? '免申即享：区里按掌握的数据自动比对，符合条件的企业无需申请，收到通知后一键确认即可。'
          : '依申请：符合条件的企业在线提交申请，主管部门审核后兑现。'}
      </View>
    );
  }
  if (item.mode === 'auto') {
    if (match.offerStatus === 'offered') {
      return (
        <View className="pd-action">
          <View className="pd-how">区里已完成数据比对，请确认领取并填写收款账户。</View>
          <Button className="btn" onClick={() => goPolicy('offers')} aria-label={`去确认：${item.title}`}>
            去确认
          </Button>
        </View>
      );
    }
    if (match.offerStatus) {
      return (
        <View className="pd-action">
          <View className="pd-how" data-testid="offer-status">
            兑现进度：{offerStatusName(match.offerStatus)}
          </View>
          <Button className="btn btn-plain" onClick={() => goPolicy('offers')}>
            查看兑现进度
          </Button>
        </View>
      );
    }
    return (
      <View className="muted pd-how">
        {match.verdict === 'eligible'
          ? '免申即享：无需申请。区里完成数据比对后会发消息通知您，到“免申即享”中一键确认即可。'
          : match.verdict === 'unknown'
            ? '免申即享只按区里掌握的数据比对；区里的数据还不全，暂不能自动兑现，可联系主管部门核实。'
            : '免申即享：目前不符合条件，条件满足后区里会自动比对。'}
      </View>
    );
  }
  if (match.appNo) {
    return (
      <View className="pd-action">
        <View className="pd-how">已提交申请，办件编号 {match.appNo}</View>
        <Button className="btn btn-plain" onClick={() => Taro.navigateTo({ url: `/packages/progress/detail/index?appNo=${encodeURIComponent(match.appNo!)}` })}>
          查看办理进度
        </Button>
      </View>
    );
  }
  if (item.window === 'upcoming') return <View className="muted pd-how">{item.validFrom} 起可申请兑现。</View>;
  if (item.window === 'closed') return <View className="muted pd-how">兑现时间已过，不能再申请。</View>;
  if (match.verdict === 'ineligible') return <View className="muted pd-how">暂不符合条件，按上面的提示满足条件后可再申请。</View>;
  return (
    <View className="pd-action">
      {match.verdict === 'unknown' && <View className="pd-how">部分信息区里没有记录，申请时上传证明材料，由主管部门核实。</View>}
      <Button className="btn" onClick={() => Taro.navigateTo({ url: applyUrl(item) })} aria-label={`申请兑现：${item.title}`} data-testid="apply">
        申请兑现
      </Button>
    </View>
  );
}
