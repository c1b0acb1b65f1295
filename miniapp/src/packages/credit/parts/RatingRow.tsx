import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { Rating } from '../../../api/credit';
import { formatDate } from '../../../components/Timeline';
import { Stars } from './Stars';
import './parts.css';

/** One rating: the rater (masked by the server), the stars, tags, the words and the merchant's reply. */
export function RatingRow({ r, children }: { r: Rating; children?: ReactNode }) {
  return (
    <View className="cr-rating" data-testid={`rating-${r.id}`}>
      <View className="cr-rating-head">
        <Text className="cr-rating-rater">{r.rater}</Text>
        <Stars value={r.stars} />
        <Text className="muted cr-rating-at">{formatDate(r.at)}</Text>
      </View>
      {r.status === 'held' && <View className="tag tag-orange cr-rating-held">待审核，审核通过后显示</View>}
      {r.tags.length > 0 && (
        <View className="cr-rating-tags">
          {r.tags.map((t) => (
            <Text key={t} className="tag tag-blue">
              {t}
            </Text>
          ))}
        </View>
      )}
      {r.comment && <View className="cr-rating-comment">{r.comment}</View>}
      {r.reply && (
        <View className="cr-rating-reply" data-testid="rating-reply">
          <Text className="cr-rating-reply-lead">商家回复：</Text>
          {r.reply.text}
        </View>
      )}
      {children}
    </View>
  );
}
