/**
 * Plain-DOM stand-ins for @tarojs/components in jsdom tests. Input calls onInput with
 * { detail: { value } } as Taro does; Switch calls onChange with { detail: { value } }.
 */
import React from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- stand-ins take whatever props Taro's components take and pass them to DOM elements
type P = React.PropsWithChildren<Record<string, any>>;
const strip = ({ className, children, onClick, style, role, ...rest }: P) => {
  const dataAndAria = Object.fromEntries(Object.entries(rest).filter(([k]) => k.startsWith('data-') || k.startsWith('aria-')));
  return { className, children, onClick, style, role, ...dataAndAria };
};

// a ref reaches the element, as Taro's View gives its DOM node in H5 (components/Page.tsx uses it)
export const View = React.forwardRef<HTMLDivElement, P>((p, ref) => <div ref={ref} {...strip(p)} />);
View.displayName = 'View';
export const Text = (p: P) => <span {...strip(p)} />;
export const Image = (p: P) => <img src={p.src} alt={p['aria-label']} style={p.style} />;
export const Button = (p: P) => <button {...strip(p)} disabled={p.disabled} />;
export const Input = (p: P) => (
  <input
    className={p.className}
    name={p.name}
    value={p.value}
    placeholder={p.placeholder}
    aria-label={p['aria-label']}
    maxLength={p.maxlength}
    onChange={(e) => p.onInput?.({ detail: { value: e.target.value } })}
    onKeyDown={(e) => {
      if (e.key === 'Enter') p.onConfirm?.({ detail: { value: (e.target as HTMLInputElement).value } });
    }}
  />
);
export const Textarea = (p: P) => (
  <textarea
    className={p.className}
    name={p.name}
    value={p.value}
    placeholder={p.placeholder}
    aria-label={p['aria-label']}
    maxLength={p.maxlength}
    onChange={(e) => p.onInput?.({ detail: { value: e.target.value } })}
  />
);
export const Switch = (p: P) => (
  <input
    type="checkbox"
    role="switch"
    aria-label={p['aria-label']}
    checked={!!p.checked}
    onChange={(e) => p.onChange?.({ detail: { value: e.target.checked } })}
  />
);
export const Picker = (p: P) => <div className="picker">{p.children}</div>;
export const ScrollView = View;
