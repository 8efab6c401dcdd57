import { byLine, csvIssue, ImportFileError } from './import-file-error';

describe('ImportFileError', () => {
  it('repeats the first issue and spells out at most five', () => {
    const issues = [1, 2, 3, 4, 5, 6, 7].map((line) => csvIssue(line + 1, 'value', `bad ${line}`));
    const error = new ImportFileError(issues);
    expect(error).toMatchObject({ name: 'ImportFileError', line: 2, feature: null, field: 'value' });
    expect(error.message).toBe(
      'line 2, field value: bad 1; line 3, field value: bad 2; line 4, field value: bad 3; ' +
        'line 5, field value: bad 4; line 6, field value: bad 5 (and 2 more)',
    );
    expect(error.issues).toHaveLength(7);
  });

  it('needs an issue', () => {
    expect(() => new ImportFileError([])).toThrow(RangeError);
  });

  it('orders issues by line, keeping the order within a line', () => {
    const sorted = byLine([csvIssue(3, 'a', ''), csvIssue(2, 'b', ''), csvIssue(3, 'c', '')]);
    expect(sorted.map((issue) => issue.field)).toEqual(['b', 'a', 'c']);
  });
});
