import { describe, expect, it } from 'vitest';
import {
  addrKey,
  clean,
  fixCase,
  isPlaceholderStreet,
  joinNames,
  nameKey,
  namesSimilar,
  normZip,
  placeKey,
  unitOf,
} from '../../../../build/resources/normalise';

describe('normalisation helpers', () => {
  it('cleans whitespace and fixes shouting case, keeping acronyms', () => {
    expect(clean('  590 Naamans Road  ')).toBe('590 Naamans Road');
    expect(clean('8 fl.-W. Wing, Mt. Sinai Campus,500 Blue Hills Ave')).toBe('8 fl.-W. Wing, Mt. Sinai Campus, 500 Blue Hills Ave');
    expect(fixCase('AMAZING GRACE CENTER INC', 12)).toBe('Amazing Grace Center Inc');
    expect(fixCase('B.N.J. HEALTH SERVICES, LLC (EASTON)', 12)).toBe('B.N.J. Health Services, LLC (Easton)');
    expect(fixCase('1950 TOWER HILL ROAD', 6, false)).toBe('1950 Tower Hill Road');
    expect(fixCase('3400 W 16TH ST STE P', 6, false)).toBe('3400 W 16th St Ste P');
    expect(fixCase('PORTSMOUTH', 4, false)).toBe('Portsmouth');
    expect(fixCase('SEARHC', 12)).toBe('SEARHC');
    expect(fixCase('VCPHCS XII LLC', 12)).toBe('VCPHCS XII LLC');
    expect(fixCase('Already Mixed Case', 3)).toBe('Already Mixed Case');
  });

  it('pads and cuts ZIPs to 5 digits', () => {
    expect(normZip('2108')).toBe('02108');
    expect(normZip('601')).toBe('00601');
    expect(normZip('80202-1234')).toBe('80202');
    expect(normZip('')).toBeNull();
    expect(normZip('ABCDE')).toBeNull();
  });

  it('normalises addresses and names for matching', () => {
    expect(addrKey('1124 International Blvd.')).toBe(addrKey('1124 International Boulevard'));
    expect(addrKey('555 SW 12th Avenue, Suite 100-101')).toBe(addrKey('555 SW 12th Avenue, Suites 100-101'));
    expect(addrKey('4224 Shuffield Drive, 4th Floor, Suite 4')).toBe(addrKey('4224 Shuffield Drive'));
    expect(addrKey('3250 E.40th St.')).toBe(addrKey('3250 East 40th Street, Suite B'));
    expect(addrKey('One Veterans Dr.')).toBe(addrKey('1 Veterans Drive'));
    expect(addrKey('- - -')).toBe('');
    expect(nameKey('Aegis Treatment Centers, LLC - Redlands')).toBe(nameKey('Aegis Treatment Centers LLC - Redlands'));
    expect(nameKey('Comprehensive Behav Health Ctr')).toBe(nameKey('Comprehensive Behavioral Health Center'));
    expect(unitOf('300 Copperfield Blvd. Stes 105')).toBe('105');
    expect(unitOf('2901 Druid Park Drive, Suites A-210')).toBe('a210');
    expect(unitOf('2901 Druid Park Drive')).toBeUndefined();
    expect(joinNames('Crossroads Treatment Center of', 'Fort Worth PLLC')).toBe('Crossroads Treatment Center of Fort Worth PLLC');
    expect(joinNames('Bradford Health Services', 'Warrior')).toBe('Bradford Health Services - Warrior');
    expect(joinNames('Bradford Health Services', '')).toBe('Bradford Health Services');
  });

  it('keys a place by state, name and street, and knows a placeholder street', () => {
    expect(placeKey({ state: 'CO', name: 'The Sobriety House, Inc.', address: '2162 Lawrence Street' })).toBe(
      placeKey({ state: 'CO', name: 'Sobriety House Inc', address: '2162 Lawrence St, Suite 1' }),
    );
    expect(placeKey({ state: 'CO', name: 'Sobriety House', address: '2162 Lawrence St' })).not.toBe(
      placeKey({ state: 'WY', name: 'Sobriety House', address: '2162 Lawrence St' }),
    );
    expect(isPlaceholderStreet('- - -')).toBe(true);
    expect(isPlaceholderStreet('1 Main St')).toBe(false);
  });

  it('calls names similar when their distinctive words overlap, not when only generic words do', () => {
    expect(namesSimilar(nameKey('Aegis Treatment Centers - Redlands'), nameKey('Aegis Redlands Clinic'))).toBe(true);
    expect(namesSimilar(nameKey('Community Health Center'), nameKey('Community Treatment Services'))).toBe(false);
    expect(namesSimilar(nameKey('Acadia Recovery'), nameKey('Baymark Recovery'))).toBe(false);
  });
});
