import { Button as TaroButton } from '@tarojs/components';
import type { ComponentProps } from 'react';

/**
 * Taro's Button, remounted when its text changes (issue 14: `insertBefore NotFoundError` logged again and again).
 *
 * In H5 the button is a Stencil web component that keeps nodes of its own (where the loading spinner goes) beside
 * the children React renders. React writes a lone text child with `textContent`, which wipes those nodes; the next
 * time the spinner is shown Stencil inserts it before a node that is gone and throws. A button whose text changes
 * (下一步 → 确认提交) is a new element instead, so its nodes are always whole. The mini-program is unaffected.
 */
export function Button(props: ComponentProps<typeof TaroButton>) {
  const { children } = props;
  const text = typeof children === 'string' || typeof children === 'number' ? String(children) : undefined;
  return <TaroButton key={text} {...props} />;
}
