import { View } from '@tarojs/components';
import './CheckRow.css';

/**
 * A choice that is ticked or not (an agreement, a commitment signed, a fact declared): a drawn box (no emoji, no font
 * needed) and its words, which are also its accessible name. The whole row is the tap target.
 */
export function CheckRow({
  label,
  checked,
  onToggle,
  testId,
  className = '',
}: {
  label: string;
  checked: boolean;
  onToggle: () => void;
  testId?: string;
  className?: string;
}) {
  return (
    <View className={`check-row tap ${className}`} role="checkbox" aria-checked={checked} aria-label={label} onClick={onToggle} data-testid={testId}>
      <View className={`check-box ${checked ? 'on' : ''}`} />
      <View className="check-text">{label}</View>
    </View>
  );
}
