import { BadRequestException } from '@nestjs/common';
import {
  parseCohortOutcomesQuery,
  parseCouncilQuery,
  parseOverlapQuery,
  NO_PARTY,
  parseNoQuery,
  parseSupportQuery,
  parseWardCode,
} from './view-queries';

function messagesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof BadRequestException) return (error.getResponse() as { message: string[] }).message;
    throw error;
  }
  throw new Error('expected a BadRequestException');
}

describe('view queries', () => {
  it('reads a support flag and rejects an unknown one with the allowed values', () => {
    expect(parseSupportQuery({})).toEqual({ flag: null, ward: null, party: null });
    expect(parseSupportQuery({ flag: 'broadcasting' })).toEqual({
      flag: 'broadcasting',
      ward: null,
      party: null,
    });
    expect(messagesOf(() => parseSupportQuery({ flag: 'lazy' }))).toEqual([
      'flag must be one of single-platform, inactive, broadcasting, unanswered-mentions, falling-reach, low-local-share, collection-failing',
    ]);
  });

  it('reads the ward and party filters, or councillors without a party', () => {
    expect(parseSupportQuery({ ward: 'E05000001', party: ' Green ' })).toEqual({
      flag: null,
      ward: 'E05000001',
      party: 'Green',
    });
    expect(parseSupportQuery({ noParty: 'true' }).party).toBe(NO_PARTY);
    expect(messagesOf(() => parseSupportQuery({ ward: 'Alder' }))).toEqual([
      'ward must be an ONS ward code such as E05011000',
    ]);
    expect(messagesOf(() => parseSupportQuery({ party: 'Green', noParty: 'true' }))).toEqual([
      'party and noParty cannot both be given',
    ]);
    expect(messagesOf(() => parseSupportQuery({ noParty: 'yes' }))).toEqual([
      "noParty must be 'true' (councillors without a recorded party)",
    ]);
  });

  it('rejects unknown parameters by name', () => {
    expect(messagesOf(() => parseSupportQuery({ flags: 'inactive' }))).toEqual(["unknown parameter 'flags'"]);
    expect(messagesOf(() => parseNoQuery({ ward: 'E05000001' }))).toEqual(["unknown parameter 'ward'"]);
    expect(parseNoQuery({})).toBeUndefined();
  });

  it('parses the overlap limit as a whole number within bounds', () => {
    expect(parseOverlapQuery({})).toEqual({ council: null, limit: 20 });
    expect(parseOverlapQuery({ limit: '5', council: 'E08000034' })).toEqual({
      council: 'E08000034',
      limit: 5,
    });
    expect(messagesOf(() => parseOverlapQuery({ limit: '0' }))).toEqual(['limit must be at least 1']);
    expect(messagesOf(() => parseOverlapQuery({ limit: '2.5' }))).toEqual([
      'limit must be a whole number from 1 to 200',
    ]);
    expect(messagesOf(() => parseOverlapQuery({ limit: '1000' }))).toEqual(['limit must be at most 200']);
    expect(messagesOf(() => parseCouncilQuery({ council: 'kirklees' }))).toEqual([
      'council must be an ONS council code such as E08000034 (E06–E09, W06, S12 or N09)',
    ]);
    // A ward's code is no council's; a Scottish council's is.
    expect(messagesOf(() => parseCouncilQuery({ council: 'E05000001' }))).toHaveLength(1);
    expect(parseCouncilQuery({ council: 'S12000036' })).toEqual({ council: 'S12000036' });
    expect(parseWardCode('S13002920')).toBe('S13002920');
    expect(messagesOf(() => parseWardCode('E06000001'))).toEqual([
      "ward code must be an ONS ward code such as E05011000, not 'E06000001'",
    ]);
  });

  it('parses cohort outcome options with their defaults', () => {
    expect(parseCohortOutcomesQuery({})).toEqual({ aggregate: 'median', weeksBefore: 4 });
    expect(parseCohortOutcomesQuery({ aggregate: 'mean', weeksBefore: '0' })).toEqual({
      aggregate: 'mean',
      weeksBefore: 0,
    });
    expect(messagesOf(() => parseCohortOutcomesQuery({ aggregate: 'max' }))).toEqual([
      'aggregate must be median or mean',
    ]);
  });

  it('accepts ONS ward codes only', () => {
    expect(parseWardCode('E05011000')).toBe('E05011000');
    expect(messagesOf(() => parseWardCode('holmfirth'))).toEqual([
      "ward code must be an ONS ward code such as E05011000, not 'holmfirth'",
    ]);
  });
});
