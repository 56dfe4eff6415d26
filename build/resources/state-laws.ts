/** state-laws.json: the per-state law dates and flags, copied from the raw table. */
import type { StateLawRow, StateLawsFile } from '../../src/data/resources/directory-schema';
import { clean } from './normalise';
import { RAW, RAW_DIR, readCsv } from './raw';

/** "6/10/2015" -> "2015-06-10"; "" -> null. */
export function usDate(s: string | undefined): string | null {
  const v = clean(s);
  if (!v) return null;
  const m = v.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  if (!m) throw new Error(`not an M/D/YYYY date: "${v}"`);
  return `${m[3]}-${m[1].padStart(2, '0')}-${m[2].padStart(2, '0')}`;
}

function flag(s: string | undefined, where: string): boolean {
  const v = clean(s);
  if (v === '1') return true;
  if (v === '0') return false;
  throw new Error(`${where}: expected 0 or 1, got "${v}"`);
}

export const LAW_AS_OF = { goodSamaritan: '2021', naloxone: '2022', syringe: '2019-08-01' } as const;

export function buildStateLaws(rawDir = RAW_DIR): StateLawsFile {
  const states: StateLawRow[] = readCsv(rawDir, RAW.laws).map(({ line, row }) => {
    const where = `${RAW.laws} line ${line}`;
    const dated = (col: string) => {
      const effective = usDate(row[col]);
      return { hasLaw: effective !== null, effective };
    };
    const gsl = dated('gsl_any_effective_date');
    const arrest = usDate(row.gsl_arrest_protection_effective_date);
    const nal = dated('naloxone_any_law_effective_date');
    const pharm = usDate(row.naloxone_pharmacist_prescriptive_authority_effective_date);
    return {
      state: clean(row.state).toUpperCase(),
      name: clean(row.state_name),
      goodSamaritan: { ...gsl, arrestProtection: arrest !== null, arrestProtectionEffective: arrest, asOf: LAW_AS_OF.goodSamaritan },
      naloxoneAccess: { ...nal, pharmacistPrescribing: pharm !== null, pharmacistPrescribingEffective: pharm, asOf: LAW_AS_OF.naloxone },
      standingOrder: { ...dated('naloxone_standing_or_protocol_order_effective_date'), asOf: LAW_AS_OF.naloxone },
      pdmpMustAccess: { ...dated('pdmp_must_access_effective_date'), asOf: LAW_AS_OF.naloxone },
      syringeServicesLegal: {
        explicitlyAuthorized: flag(row.ssp_explicitly_authorized, where),
        noStateParaphernaliaLaw: flag(row.no_state_paraphernalia_law, where),
        freeSyringeDistributionNotProhibited: flag(row.free_syringe_distribution_not_prohibited, where),
        paraphernaliaDefExcludesInjectionObjects: flag(row.paraphernalia_def_excludes_injection_objects, where),
        paraphernaliaDefSilentOnInjectionObjects: flag(row.paraphernalia_def_silent_on_injection_objects, where),
        noLawRemovingSspBarriers: flag(row.no_law_removing_ssp_barriers, where),
        asOf: LAW_AS_OF.syringe,
      },
      asOf: '2019-2022',
    };
  });
  return {
    _about:
      'Per-state overdose Good Samaritan, naloxone access (incl. standing order, pharmacist prescribing), PDMP must-access and syringe-law facts, copied from the source tables (dates as YYYY-MM-DD). hasLaw false = no such law in the source data up to its asOf, not a statement about today. Good Samaritan data through 2021, naloxone/PDMP through 2022, syringe flags as of 2019-08-01. Verify before relying on it: several states have changed their laws since. See content-data/resources/PROVENANCE.md.',
    dataDate: '2019-2022',
    sources: [
      'RAND-USC Schaeffer OPTIC-Vetted Naloxone, Good Samaritan and PDMP Policy Data (via healthyregions/oeps state-2021.csv, state-2022.csv)',
      'Fernández-Viña et al., Public Health Reports 2020;135:128S (LawAtlas), syringe laws as of Aug 1, 2019 (via GeoDaCenter/opioid-policy-scan S_Latest.csv)',
    ],
    states,
  };
}
