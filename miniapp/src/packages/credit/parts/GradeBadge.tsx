import { Text, View } from '@tarojs/components';
import { GRADE_BADGES, type CreditGrade } from '@yx/shared';
import './parts.css';

/**
 * A firm's credit grade in its colour (A green, B blue, C amber, D red: GRADE_BADGES). The small one (a list's row) is
 * the letter in a coloured disc beside the grade's name; the big one (the merchant's page) a coloured panel. White on
 * these colours is only readable large (contrast 3:1), so the coloured parts carry large bold text only.
 */
export function GradeBadge({ grade, big }: { grade: CreditGrade; big?: boolean }) {
  const b = GRADE_BADGES[grade];
  if (big)
    return (
      <View className="cr-grade-big" style={{ background: b.colour }} data-testid="grade-badge" data-grade={grade}>
        <View className="cr-grade-big-letter" aria-hidden>
          {grade}
        </View>
        <View className="cr-grade-big-name">{b.name}</View>
      </View>
    );
  return (
    <View className="cr-grade" data-testid="grade-badge" data-grade={grade}>
      <Text className="cr-grade-letter" style={{ background: b.colour }} aria-hidden>
        {grade}
      </Text>
      <Text className="cr-grade-name">{b.name}</Text>
    </View>
  );
}
