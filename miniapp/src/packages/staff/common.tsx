import { Button, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ROLE_NAMES, type Role } from '@yx/shared';
import type { ReactNode } from 'react';
import type * as z from 'zod';
import type { OpinionStatus } from '../../api/staff';
import { useSession } from '../../hooks/useSession';
import './common.css';

/** Pieces every staff page uses: the role gate, chips, a counted text box, error helpers. */

export { asApiError } from '../../api/client';

export const STAFF_PAGES = {
  queue: '/packages/staff/queue/index',
  detail: '/packages/staff/detail/index',
  opinions: '/packages/staff/opinions/index',
  rectifications: '/packages/staff/rectifications/index',
  dashboard: '/packages/staff/dashboard/index',
  supervision: '/packages/staff/supervision/index',
} as const;

export const openStaffApplication = (appNo: string) => Taro.navigateTo({ url: `${STAFF_PAGES.detail}?appNo=${encodeURIComponent(appNo)}` });

/** First message per field ("items.0.material"), from a failed schema check. */
export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const i of error.issues) {
    const k = i.path.map(String).join('.');
    if (!out[k]) out[k] = i.message;
  }
  return out;
}

/** A 0..1 rate as "92.5%", or 暂无 when there is nothing to rate yet. */
export function rateText(r: number | null | undefined): string {
  if (r === null || r === undefined || !Number.isFinite(r)) return '暂无';
  return `${Math.round(r * 1000) / 10}%`;
}

export const OPINION_STATUS: Record<OpinionStatus, [string, string]> = {
  open: ['待回复', 'tag-orange'], agree: ['同意', 'tag-green'], disagree: ['不同意', 'tag-red'], deemed: ['逾期视为无意见', 'tag-gray'],
};

export function OpinionTag({ status }: { status: OpinionStatus }) {
  const [name, tone] = OPINION_STATUS[status] ?? [status, 'tag-gray'];
  return <Text className={`tag ${tone}`} data-testid="opinion-status">{name}</Text>;
}

/**
 * Children render only for a logged-in user with one of `roles`; anyone else gets a friendly
 * message instead (and no API call is made).
 */
export function RoleGate({ roles, what, children }: { roles: Role[]; what: string; children: ReactNode }) {
  const session = useSession();
  if (!session) {
    return (
      <View className="state state-empty" data-testid="role-gate">
        <View>请先用工作人员账号登录，再使用{what}</View>
        <Button className="btn st-gate-btn" onClick={() => Taro.navigateTo({ url: '/pages/login/index' })}>去登录</Button>
      </View>
    );
  }
  if (!roles.includes(session.user.role)) {
    return (
      <View className="state state-empty" role="alert" data-testid="role-gate">
        <View>{what}仅供{roles.map((r) => ROLE_NAMES[r]).join('、')}使用</View>
        <View className="muted st-gate-note">您当前的身份是“{ROLE_NAMES[session.user.role]}”。如需开通，请联系本单位管理员。</View>
        <Button className="btn btn-plain st-gate-btn" onClick={() => Taro.switchTab({ url: '/pages/me/index' })}>返回我的</Button>
      </View>
    );
  }
  return <>{children}</>;
}

export interface ChipOption<T extends string> { value: T; label: string; tone?: string }

/** One choice among a few, as tappable chips (works the same in WeChat and H5, unlike Picker). */
export function Chips<T extends string>({ options, value, onChange, label, className = '' }: {
  options: ChipOption<T>[]; value: T | undefined; onChange: (v: T) => void; label: string; className?: string;
}) {
  return (
    <View className={`st-chips ${className}`} role="radiogroup" aria-label={label}>
      {options.map((o) => (
        <View
          key={o.value} className={`st-chip ${o.tone ?? ''} ${value === o.value ? 'on' : ''}`} role="radio" aria-checked={value === o.value}
          aria-label={o.label} onClick={() => onChange(o.value)}
        >
          {o.tone && <View className="st-chip-dot" />}
          {o.label}
        </View>
      ))}
    </View>
  );
}

/** A multi-line text box with a counter and its error right under it. */
export function TextBox({ label, value, onInput, max, placeholder, error, hideLabel }: {
  label: string; value: string; onInput: (v: string) => void; max: number; placeholder?: string; error?: string; hideLabel?: boolean;
}) {
  return (
    <View className="field st-textbox">
      {!hideLabel && <View className="field-label">{label}</View>}
      {/* WeChat's textarea defaults to 140 characters: always pass maxlength */}
      <Textarea
        className={`st-textarea ${error ? 'input-error' : ''}`} value={value} maxlength={max} placeholder={placeholder}
        onInput={(e) => onInput(e.detail.value.slice(0, max))} aria-label={label}
      />
      <View className="muted st-count">{value.length}/{max}</View>
      {error && <View className="error-text" role="alert">{error}</View>}
    </View>
  );
}
