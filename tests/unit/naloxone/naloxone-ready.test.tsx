// @vitest-environment happy-dom
/** Component test (rendered by happy-dom, not the browser's popup): the kit list in English and Spanish. */
import { cleanup, fireEvent, render } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { NaloxoneKit } from '../../../src/data/naloxone-kits';
import { NaloxoneReady } from '../../../src/ui/naloxone/NaloxoneReady';
import { useLocale } from '../../support/i18n';

afterEach(cleanup);
const today = new Date(2026, 11, 3);
const kit = (id: number, expires: string, usedAt: number | null = null): NaloxoneKit => ({ id, kind: 'nasal', place: 'Kitchen drawer', expires, addedAt: 1, usedAt });
const actions = () => ({ add: vi.fn(async () => undefined), markUsed: vi.fn(async () => undefined), remove: vi.fn(async () => undefined) });

describe('NaloxoneReady (component test)', () => {
  it('a kit 20 days from expiry shows the reminder; one 31 days away does not', () => {
    useLocale('en');
    const { container, getAllByRole } = render(<NaloxoneReady kits={[kit(1, '2026-12-23'), kit(2, '2027-01-03')]} actions={actions()} today={today} />);
    const statuses = getAllByRole('status').map((s) => s.textContent);
    expect(statuses).toHaveLength(1);
    expect(statuses[0]).toContain('Your kit in Kitchen drawer expires in 20 days.');
    expect(container.textContent).toContain('Tell the people around you where it is');
  });

  it('a used kit asks to replace it, in Spanish too', () => {
    useLocale('es');
    const { getByRole } = render(<NaloxoneReady kits={[kit(1, '2027-12-23', 5)]} actions={actions()} today={today} />);
    expect(getByRole('status').textContent).toContain('Reemplácela después de usarla.');
  });

  it('marking used calls the action with the kit id; the form refuses an empty place without saving', async () => {
    useLocale('en');
    const a = actions();
    const { getByRole, findByRole } = render(<NaloxoneReady kits={[kit(7, '2027-12-23')]} actions={a} today={today} />);
    fireEvent.click(getByRole('button', { name: 'I used it: Nasal spray · Kitchen drawer' }));
    expect(a.markUsed).toHaveBeenCalledWith(7);
    fireEvent.click(getByRole('button', { name: 'Add a kit' }));
    fireEvent.click(getByRole('button', { name: 'Save kit' }));
    expect((await findByRole('alert')).textContent).toBe('Say where the kit is and its expiry date.');
    expect(a.add).not.toHaveBeenCalled();
  });
});
