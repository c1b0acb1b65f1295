import { Text } from '@tarojs/components';
import type { ReplyKind } from '@yx/shared';

/** 依申请公开: the colour of each kind of reply — green when the information is given, orange in part, red refused, grey or blue otherwise. */
export const REPLY_TONES: Readonly<Record<ReplyKind, 'green' | 'orange' | 'red' | 'blue' | 'gray'>> = {
  published: 'green',
  disclosed: 'green',
  partial: 'orange',
  withheld: 'red',
  not_exist: 'gray',
  not_ours: 'blue',
  repeated: 'gray',
  other_law: 'blue',
  not_processed: 'gray',
};

/** A reply's kind as a coloured tag: 部分公开, 不予公开… */
export function ReplyKindTag({ kind, name }: { kind: ReplyKind; name: string }) {
  return (
    <Text className={`tag tag-${REPLY_TONES[kind]}`} data-testid="reply-kind">
      {name}
    </Text>
  );
}
