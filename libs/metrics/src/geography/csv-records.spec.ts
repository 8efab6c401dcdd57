import { parseCsvRecords } from './csv-records';
import { ImportFileError } from './import-file-error';

describe('parseCsvRecords', () => {
  it('splits LF and CRLF lines and numbers them', () => {
    expect(parseCsvRecords('a,b\r\nc,d\ne,f')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['c', 'd'] },
      { line: 3, fields: ['e', 'f'] },
    ]);
  });

  it('drops a byte-order mark, blank lines and the trailing newline, keeping line numbers true', () => {
    expect(parseCsvRecords('\uFEFFa,b\n\n c,d\r\n\r\n')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: [' c', 'd'] },
    ]);
  });

  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsvRecords('"Holme, Valley","say ""hi""","two\nlines"\nnext,row')).toEqual([
      { line: 1, fields: ['Holme, Valley', 'say "hi"', 'two\nlines'] },
      { line: 3, fields: ['next', 'row'] },
    ]);
  });

  it('keeps a quoted empty field as a record', () => {
    expect(parseCsvRecords('""\n')).toEqual([{ line: 1, fields: [''] }]);
  });

  it('reports a quote that is never closed, with the line the record starts on', () => {
    let error: unknown = null;
    try {
      parseCsvRecords('a,b\nc,"open\nmore');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ line: 2, field: 'column 2' });
    expect((error as ImportFileError).message).toContain('never closed');
  });

  it('reports text after a closing quote', () => {
    const error = (() => {
      try {
        parseCsvRecords('a,"b"c');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(ImportFileError);
    expect(error).toMatchObject({ line: 1, field: 'column 2' });
  });

  it('reports a NUL character where it stands, in or out of quotes', () => {
    for (const text of ['name,party\nAnn\u0000,Green', 'name,party\n"Ann\u0000",Green']) {
      const error = (() => {
        try {
          parseCsvRecords(text);
        } catch (e) {
          return e;
        }
        return null;
      })();
      expect(error).toBeInstanceOf(ImportFileError);
      expect(error).toMatchObject({ line: 2, field: 'column 1' });
      expect((error as Error).message).toMatch(/NUL character/);
    }
  });
});
