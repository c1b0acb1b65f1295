import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { MaterialFiles } from '../../../components/MaterialFiles';
import { ReplyKindTag } from '../../../components/ReplyKindTag';
import { formatDay } from '../../../components/Timeline';
import type { ActionProps } from './parts';
import './disclosure.css';

type Reply = NonNullable<NonNullable<ActionProps['d']['disclosure']>['reply']>;

const openApplication = (appNo: string) => Taro.navigateTo({ url: `/packages/progress/detail/index?appNo=${encodeURIComponent(appNo)}` });

/**
 * 依申请公开's reply as the requester reads it: the kind as a coloured tag, the words, what was withheld and why (the
 * exemption and its legal basis), where to get the information, the body to ask instead, the information attached, and
 * the remedies — 行政复议 and 行政诉讼 — in a calm box.
 */
export function DisclosureReply({ reply }: { reply: Reply }) {
  return (
    <View className="section" data-testid="disclosure-reply">
      <View className="section-title">答复</View>
      <View className="dq-reply-head">
        <ReplyKindTag kind={reply.kind} name={reply.kindName} />
        <Text className="muted">{formatDay(reply.on)}答复</Text>
      </View>
      <View className="dq-reply-text" data-testid="reply-text">
        {reply.text}
      </View>
      {reply.withheld && (
        <View className="dq-reply-part" data-testid="reply-withheld">
          <View className="dq-reply-label">不予公开的部分</View>
          <View>{reply.withheld}</View>
        </View>
      )}
      {reply.exemption && (
        <View className="dq-reply-part" data-testid="reply-exemption">
          <View className="dq-reply-label">不予公开的理由</View>
          <View>{reply.exemption.name}</View>
          <View className="muted">依据：{reply.exemption.basis}</View>
        </View>
      )}
      {reply.where && (
        <View className="dq-reply-part" data-testid="reply-where">
          <View className="dq-reply-label">获取途径</View>
          <View>{reply.where}</View>
        </View>
      )}
      {reply.rightBody && (
        <View className="dq-reply-part" data-testid="reply-right-body">
          <View className="dq-reply-label">请向以下机关申请</View>
          <View>{reply.rightBody.name}</View>
          {reply.rightBody.contact && <View className="muted">联系方式：{reply.rightBody.contact}</View>}
        </View>
      )}
      {reply.earlierAppNo && (
        <View className="dq-reply-part">
          <View className="dq-reply-label">此前已答复的申请</View>
          <View className="tap dt-link dq-earlier" role="link" onClick={() => openApplication(reply.earlierAppNo!)} data-testid="reply-earlier">
            <Text>{reply.earlierAppNo}</Text>
            <Text className="dt-arrow">›</Text>
          </View>
        </View>
      )}
      {reply.files.length > 0 && (
        <View className="dq-reply-part" data-testid="reply-files">
          <View className="dq-reply-label">提供给您的信息（{reply.files.length} 份）</View>
          <MaterialFiles files={reply.files} />
        </View>
      )}
      <View className="dq-remedies" data-testid="reply-remedies">
        <View className="dq-reply-label">如果您对答复有不同意见</View>
        <View>{reply.remedies}</View>
      </View>
      <View className="muted dq-reply-note">答复书加盖了电子印章，已放入您的证照夹。</View>
    </View>
  );
}
