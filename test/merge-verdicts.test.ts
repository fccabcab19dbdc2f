import { describe, expect, it } from 'vitest';
import { abbreviates, decideField, decideHolding, decideOrganisationName } from '../src/curation/merge-rules.js';

/** The merge rules as pure decisions: what a source's value does to a known one. */
describe('the merge rules decide', () => {
  it('a value fills an empty field, and the same value changes nothing', () => {
    expect(decideField('value', null, 'PSC')).toEqual({ kind: 'take', value: 'PSC' });
    expect(decideField('value', 'PSC', 'PSC')).toEqual({ kind: 'same' });
    expect(decideField('value', 'PSC', undefined)).toEqual({ kind: 'same' });
  });

  it('a different value for a filled field is a conflict, never a replacement', () => {
    expect(decideField('value', 'Senior Management Service Conference', 'Senior management service conference')).toEqual({
      kind: 'conflict',
      value: 'Senior management service conference',
    });
  });

  it('a generic kind never overwrites a specific one, and a specific kind replaces OTHER', () => {
    expect(decideField('kind', 'POLICE_SERVICE', 'OTHER')).toEqual({ kind: 'keep' });
    expect(decideField('kind', 'OTHER', 'PUBLIC_ENTITY')).toEqual({ kind: 'take', value: 'PUBLIC_ENTITY' });
    expect(decideField('kind', 'POLICE_SERVICE', 'PUBLIC_ENTITY')).toEqual({ kind: 'conflict', value: 'PUBLIC_ENTITY' });
  });

  it('lists of names keep every form seen', () => {
    expect(decideField('union', ['Ms C Clark'], ['Ms C Clark', 'Ms Clark'])).toEqual({ kind: 'take', value: ['Ms C Clark', 'Ms Clark'] });
    expect(decideField('union', ['Ms C Clark'], ['Ms C Clark'])).toEqual({ kind: 'same' });
  });

  it('DOCUMENTED replaces REFERENCED, never the reverse', () => {
    expect(decideField('documentation', 'REFERENCED', 'DOCUMENTED')).toEqual({ kind: 'take', value: 'DOCUMENTED' });
    expect(decideField('documentation', 'DOCUMENTED', 'REFERENCED')).toEqual({ kind: 'keep' });
  });

  it('"SAPS" abbreviates "South African Police Service"; "Police" does not', () => {
    expect(abbreviates('SAPS', 'South African Police Service')).toBe(true);
    expect(abbreviates('Police', 'South African Police Service')).toBe(false);
  });

  it('an organisation name: the acronym stays the acronym, a fuller form replaces an abbreviation, another name conflicts', () => {
    const saps = { name: 'South African Police Service', acronym: 'SAPS', aliases: [] };
    expect(decideOrganisationName(saps, 'SAPS')).toEqual({ kind: 'keep' });
    expect(decideOrganisationName({ ...saps, acronym: null }, 'SAPS')).toEqual({ kind: 'keep', acronym: 'SAPS' });
    expect(decideOrganisationName({ name: 'NSG', acronym: null, aliases: [] }, 'National School of Government')).toEqual({
      kind: 'fuller',
      name: 'National School of Government',
      acronym: 'NSG',
      alias: 'NSG',
    });
    expect(decideOrganisationName(saps, 'South African Police Services')).toEqual({ kind: 'conflict', value: 'South African Police Services' });
  });

  it('a holding seen at a later event widens its range and keeps its as-of date', () => {
    expect(decideHolding({ asOf: '2007-09-12', latestAsOf: null }, '2008-09-10')).toEqual({ kind: 'widen', asOf: '2007-09-12', latestAsOf: '2008-09-10' });
    expect(decideHolding({ asOf: '2007-09-12', latestAsOf: '2008-09-10' }, '2008-09-10')).toEqual({ kind: 'same' });
    expect(decideHolding({ asOf: '2007-09-12', latestAsOf: '2008-09-10' }, '2007-09-12')).toEqual({ kind: 'same' });
    expect(decideHolding({ asOf: null, latestAsOf: null }, '2008-09-10')).toEqual({ kind: 'widen', asOf: '2008-09-10', latestAsOf: null });
  });
});
