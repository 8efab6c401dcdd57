/**
 * The 121 geographic postcode areas of the United Kingdom (Royal Mail). Left out on purpose: the
 * Crown dependencies (GY, JE, IM, not UK), and the non-geographic BF (BFPO), BX and XX, which never
 * locate a resident.
 */
export const UK_POSTCODE_AREAS: readonly string[] = [
  'AB', 'AL',
  'B', 'BA', 'BB', 'BD', 'BH', 'BL', 'BN', 'BR', 'BS', 'BT',
  'CA', 'CB', 'CF', 'CH', 'CM', 'CO', 'CR', 'CT', 'CV', 'CW',
  'DA', 'DD', 'DE', 'DG', 'DH', 'DL', 'DN', 'DT', 'DY',
  'E', 'EC', 'EH', 'EN', 'EX',
  'FK', 'FY',
  'G', 'GL', 'GU',
  'HA', 'HD', 'HG', 'HP', 'HR', 'HS', 'HU', 'HX',
  'IG', 'IP', 'IV',
  'KA', 'KT', 'KW', 'KY',
  'L', 'LA', 'LD', 'LE', 'LL', 'LN', 'LS', 'LU',
  'M', 'ME', 'MK', 'ML',
  'N', 'NE', 'NG', 'NN', 'NP', 'NR', 'NW',
  'OL', 'OX',
  'PA', 'PE', 'PH', 'PL', 'PO', 'PR',
  'RG', 'RH', 'RM',
  'S', 'SA', 'SE', 'SG', 'SK', 'SL', 'SM', 'SN', 'SO', 'SP', 'SR', 'SS', 'ST', 'SW', 'SY',
  'TA', 'TD', 'TF', 'TN', 'TQ', 'TR', 'TS', 'TW',
  'UB',
  'W', 'WA', 'WC', 'WD', 'WF', 'WN', 'WR', 'WS', 'WV',
  'YO',
  'ZE',
]; // prettier-ignore

/**
 * Areas whose districts may end in a letter (central London: `W1A`, `EC1A`, `SW1A`, `E1W`, `N1C`,
 * `SE1P`, `NW1W`, `WC2N`). Everywhere else a district is the area and one or two digits, which is
 * why `B2B` is never a postcode district.
 */
export const AREAS_WITH_LETTERED_DISTRICTS: readonly string[] = ['E', 'EC', 'N', 'NW', 'SE', 'SW', 'W', 'WC'];
