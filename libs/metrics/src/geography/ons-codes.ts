/**
 * ONS electoral ward codes: E05 (England), W05 (Wales), S13 (Scotland), N08 (Northern Ireland),
 * each followed by six digits.
 */
const WARD_CODE = /^(?:E05|W05|S13|N08)\d{6}$/;

/**
 * ONS local authority district codes: E06 unitary, E07 non-metropolitan district, E08 metropolitan
 * district, E09 London borough, W06 Welsh, S12 Scottish and N09 Northern Irish councils.
 */
const COUNCIL_CODE = /^(?:E0[6-9]|W06|S12|N09)\d{6}$/;

export function isWardCode(code: string): boolean {
  return WARD_CODE.test(code);
}

export function isCouncilCode(code: string): boolean {
  return COUNCIL_CODE.test(code);
}

export const WARD_CODE_HINT = 'an ONS ward code: E05, W05, S13 or N08 followed by six digits';
export const COUNCIL_CODE_HINT = 'an ONS council code: E06–E09, W06, S12 or N09 followed by six digits';
