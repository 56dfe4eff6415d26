import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A checkbox for a stored setting: it flips at once (the write may wait for first-run seeding),
 * then follows the stored value, and flips back if saving fails.
 */
export function SettingToggle({ checked, onToggle, children }: { checked: boolean; onToggle: (on: boolean) => Promise<unknown>; children: ComponentChildren }) {
  const [on, setOn] = useState(checked);
  useEffect(() => setOn(checked), [checked]);
  const change = (next: boolean) => {
    setOn(next);
    onToggle(next).catch(() => setOn(checked));
  };
  return (
    <label class="check">
      <input type="checkbox" checked={on} onChange={(e) => change(e.currentTarget.checked)} />
      {children}
    </label>
  );
}
