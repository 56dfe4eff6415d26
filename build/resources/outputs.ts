/**
 * Every file `npm run data:build` writes, as text, built from content-data/raw/ and validated:
 * when anything fails validation, `problems` lists it and there is nothing to write.
 */
import { compactJson } from './json';
import { provenance, summary } from './provenance';
import { loadZipCentres } from './raw';
import { buildResources } from './resources';
import { buildStateLaws } from './state-laws';
import { validateResources, validateStateLaws, validateZipPoints } from './validate';
import { buildZipPoints } from './zip-points';

export interface DataBuild {
  problems: string[];
  /** Path under content-data/ -> contents, in writing order. */
  files: Array<{ path: string; text: string }>;
  summary: string[];
}

/** `currentZips` is the committed zip-points.json header (its source and date are kept). */
export function buildDataFiles(
  rawDir: string,
  currentZips: { _about?: string; source?: string; dataDate?: string },
  verbose = false,
): DataBuild {
  const zipPoints = loadZipCentres(rawDir);
  const { file: resources, report } = buildResources(rawDir, zipPoints);
  const zips = buildZipPoints(zipPoints, currentZips);
  const laws = buildStateLaws(rawDir);

  const problems = [...validateResources(resources), ...validateZipPoints(zips), ...validateStateLaws(laws)];
  if (problems.length) return { problems, files: [], summary: [] };

  const { rows, ...resourcesHead } = resources;
  const resourcesJson = compactJson(resourcesHead, 'rows', rows);
  const { points, ...zipsHead } = zips;
  const zipsJson = compactJson(zipsHead, 'points', points);
  const { states, ...lawsHead } = laws;
  const lawsJson = compactJson(lawsHead, 'states', states);
  const sizes = { resources: Buffer.byteLength(resourcesJson), zips: Buffer.byteLength(zipsJson), laws: Buffer.byteLength(lawsJson) };
  return {
    problems,
    files: [
      { path: 'resources/resources.json', text: resourcesJson },
      { path: 'zip-points/zip-points.json', text: zipsJson },
      { path: 'resources/state-laws.json', text: lawsJson },
      { path: 'resources/PROVENANCE.md', text: provenance(report, points.length, states.length, sizes) },
    ],
    summary: summary(report, points.length, states.length, sizes, verbose),
  };
}
