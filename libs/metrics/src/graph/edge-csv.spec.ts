import { EdgeCsvError, parseEdgeCsv } from './edge-csv';

function pairs(text: string): [string, string][] {
  const edges = parseEdgeCsv(text);
  return Array.from(edges.sources, (s, e) => [edges.ids[s], edges.ids[edges.targets[e]]]);
}

function errorOf(text: string): EdgeCsvError {
  try {
    parseEdgeCsv(text);
  } catch (error) {
    if (error instanceof EdgeCsvError) return error;
    throw error;
  }
  throw new Error('expected an EdgeCsvError');
}

describe('parseEdgeCsv', () => {
  it('reads edges, interning ids in order of first appearance', () => {
    const edges = parseEdgeCsv('source,target\nalice,bob\nbob,carol\nalice,carol\n');
    expect(edges.ids).toEqual(['alice', 'bob', 'carol']);
    expect(Array.from(edges.sources)).toEqual([0, 1, 0]);
    expect(Array.from(edges.targets)).toEqual([1, 2, 2]);
  });

  it('accepts CRLF line ends, a byte-order mark, blank lines and no final newline', () => {
    expect(pairs('\ufeffsource,target\r\nJane Smith,Ward 3 Residents\r\n\r\nx,y')).toEqual([
      ['Jane Smith', 'Ward 3 Residents'],
      ['x', 'y'],
    ]);
  });

  it('keeps spaces inside ids and reads quoted fields with commas and doubled quotes', () => {
    expect(pairs('source,target\n"Smith, Jane","The ""Old"" Bakery"\n plain ,"x"\n')).toEqual([
      ['Smith, Jane', 'The "Old" Bakery'],
      [' plain ', 'x'],
    ]);
  });

  it('accepts an empty edge list', () => {
    expect(parseEdgeCsv('source,target\n').ids).toEqual([]);
  });

  it.each([
    ['', 1, 'expected the header "source,target", found ""'],
    ['from,to\na,b\n', 1, 'expected the header "source,target", found "from,to"'],
    ['source,target\na,b\nc\n', 3, 'expected 2 fields "source,target", found 1'],
    ['source,target\na,b,c\n', 2, 'expected 2 fields "source,target", found 3'],
    ['source,target\r\na,b\r\n"c,d\r\n', 3, 'unterminated quoted field'],
    ['source,target\n"a"x,b\n', 2, 'unexpected "x" after a quoted field'],
    ['source,target\na"b,c\n', 2, 'a quote inside an unquoted field (quote the whole field)'],
    ['source,target\na,b\n,b\n', 3, 'empty source id'],
    ['source,target\n"a",""\n', 2, 'empty target id'],
  ])('rejects %j naming line %i', (text, line, detail) => {
    const error = errorOf(text);
    expect(error.line).toBe(line);
    expect(error.message).toBe(`line ${line}: ${detail}`);
  });
});
