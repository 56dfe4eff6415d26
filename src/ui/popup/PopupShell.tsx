import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../platform/i18n';
import { EmergencyLine } from '../Helplines';
import { cachedEmergency } from './emergency-cache';
import { OverdoseSteps } from './OverdoseSteps';

/**
 * First frame of the popup: the emergency line and the steps, from bundled data only (no
 * database, no zod). The rest of the popup loads right after and takes over the same layout.
 */
export function PopupShell() {
  const [Full, setFull] = useState<ComponentType>();
  useEffect(() => {
    void import('./Popup').then((module) => setFull(() => module.Popup));
  }, []);
  if (Full) return <Full />;
  const emergency = cachedEmergency();
  return (
    <main>
      <h1 class="visually-hidden">{t('extName')}</h1>
      <EmergencyLine dial={emergency} />
      <OverdoseSteps emergency={emergency ?? t('emergencyGeneric')} />
    </main>
  );
}
