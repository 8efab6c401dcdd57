import { median } from './median';

describe('median', () => {
  it('takes the middle of an odd count', () => {
    expect(median([5, 1, 3])).toBe(3);
  });
  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 10])).toBe(3.5);
  });
  it('ignores nulls and is null when nothing is known', () => {
    expect(median([null, 2, null])).toBe(2);
    expect(median([null])).toBeNull();
    expect(median([])).toBeNull();
  });
});
