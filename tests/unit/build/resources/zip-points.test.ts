import { describe, expect, it } from 'vitest';
import { buildZipPoints } from '../../../../build/resources/zip-points';

describe('buildZipPoints', () => {
  const points = [
    { zip: '80202', lat: 39.751526, lon: -104.997673 },
    { zip: '00601', lat: 18.180555, lon: -66.749961 },
  ];

  it('sorts the points by ZIP, counts them in the header and keeps the committed source and date', () => {
    const file = buildZipPoints(points, { source: 'kept source', dataDate: '2020' });
    expect(Object.keys(file)).toEqual(['_about', 'source', 'dataDate', 'points']);
    expect(file.points.map((p) => p.zip)).toEqual(['00601', '80202']);
    expect(file._about).toMatch(/^US ZIP \(ZCTA\) internal points: all 2 ZCTAs/);
    expect(file).toMatchObject({ source: 'kept source', dataDate: '2020' });
    expect(points[0].zip).toBe('80202'); // input untouched
  });

  it('falls back to the Census source and 2021 without a committed header', () => {
    expect(buildZipPoints(points, {})).toMatchObject({ source: expect.stringMatching(/^US Census Bureau Gazetteer/), dataDate: '2021' });
  });
});
