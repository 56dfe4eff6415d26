import { describe, expect, it } from 'vitest';
import type { JoinStats } from '../../../../build/resources/join';
import { provenance, summary } from '../../../../build/resources/provenance';
import type { BuildReport } from '../../../../build/resources/resources';
import { MAX_DROPPED } from '../../../../build/resources/sources';

const join = (): JoinStats => ({ byNameAddress: 1, byAddressSimilarName: 0, byNumberSimilarName: 0, byCoordsSimilarName: 0, byCoordsOnly: 1, unmatched: 2, examplesCoordsOnly: ['A, 1 Main St -> B, 1 Main St'] });
const source = (id: string, dropped: BuildReport['sources'][number]['dropped'] = []) => ({ id, rowsIn: 1200, dropped, places: 10, duplicatesMerged: 1, out: 9 });
const report: BuildReport = {
  sources: [source('sut-2021', [{ ref: 'sut-2021 line 7', reason: 'no city', what: 'Clinic, 1 Main St,  CO 80205' }]), source('moud-2020'), source('otp-2019')],
  coordRepairs: [],
  suspectKept: [{ ref: 'otp-2019 line 3', what: 'Far Clinic', fromMiles: 180, how: 'kept as is' }],
  moudJoin: join(),
  otpJoin: join(),
  moudOnlyRows: 2,
  otpOnlyRows: 2,
  crossDuplicatesMerged: 0,
  correctional: 1,
  correctionalOtp: 0,
  rows: 27,
  byKind: { facility: 25, otp: 2 },
  byMedication: { methadone: 2 },
  bySource: { 'sut-2021': 20, 'moud-2020': 7 },
};
const sizes = { resources: 1_234_567, zips: 2_000_000, laws: 45_600 };

describe('provenance', () => {
  it('reports counts, drops, repairs and joins from the build report', () => {
    const md = provenance(report, 33_791, 51, sizes);
    expect(md).toMatch(/^# Local resources: provenance and build report\n/);
    expect(md).toContain('## resources.json (27 rows, 1.23 MB)');
    expect(md).toContain('| sut-2021 | 1,200 | 1 | 1 | 10 | 0 | 9 |');
    expect(md).toContain(`### Dropped rows (1; the build fails above ${MAX_DROPPED} per dataset)\n\n  - sut-2021, line 7: no city (Clinic, 1 Main St,  CO 80205)`);
    expect(md).toContain('Repaired (0):\n  - none');
    expect(md).toContain('  - otp-2019 line 3: Far Clinic, 180 mi');
    expect(md).toContain('  - A, 1 Main St -> B, 1 Main St');
    expect(md).toContain('## zip-points.json (33,791 points, 2.00 MB)');
    expect(md).toContain('## state-laws.json (51 rows, 45.6 kB)');
  });
});

describe('summary', () => {
  it('prints one line per output and dataset; verbose adds the joins and drops', () => {
    const lines = summary(report, 33_791, 51, sizes, false);
    expect(lines).toHaveLength(7);
    expect(lines[1]).toBe('  sut-2021 1200 in, 1 dropped, 1 duplicates merged, 9 out');
    expect(summary(report, 33_791, 51, sizes, true).slice(7)).toEqual([
      'MOUD coords-only joins:', 'A, 1 Main St -> B, 1 Main St',
      'OTP coords-only joins:', 'A, 1 Main St -> B, 1 Main St',
      'Dropped:', 'sut-2021 line 7: no city: Clinic, 1 Main St,  CO 80205',
    ]);
  });
});
