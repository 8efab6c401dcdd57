import { cohortOutcomes } from '../testing/council-figures-fixtures';
import { cohortAxisTitle, cohortWeeklySeries, cohortWeeklySummary } from './cohort-series';
import { formatFigureChange, formatFigureValue } from './figure-format';
import { pilotOutcomeRows } from './pilot-outcome-rows';
import { csvCell, csvDataHref, pilotCsvFileName, pilotOutcomesCsv } from './pilot-outcomes-csv';
import { readPilotView, writePilotView } from './pilot-params';

const response = cohortOutcomes();
const rows = pilotOutcomeRows(response.figures);

describe('figure format', () => {
  it('reads the index with one decimal, shares as percentages and counts as numbers', () => {
    expect(formatFigureValue('footprintIndex', 51.04)).toBe('51.0');
    expect(formatFigureValue('replyShare', 0.253)).toBe('25.3%');
    expect(formatFigureValue('paired', 0.5)).toBe('50.0%');
    expect(formatFigureValue('posts30d', 12.5)).toBe('12.5');
    expect(formatFigureValue('totalReach', 1234)).toBe('1,234');
    expect(formatFigureValue('posts30d', null)).toBe('—');
  });

  it('signs changes, and gives changes of shares in percentage points', () => {
    expect(formatFigureChange('footprintIndex', 12)).toBe('+12.0');
    expect(formatFigureChange('footprintIndex', 0)).toBe('0.0');
    expect(formatFigureChange('posts30d', 3)).toBe('+3');
    expect(formatFigureChange('posts30d', -2.25)).toBe('-2.3');
    expect(formatFigureChange('replyShare', 0.15)).toBe('+15.0 pp');
    expect(formatFigureChange('replyShare', 0)).toBe('0.0 pp');
    expect(formatFigureChange('localShare', null)).toBe('—');
  });
});

describe('pilot outcome rows', () => {
  it('keeps the raw numbers and formats both groups and the difference in differences', () => {
    expect(rows.map((r) => r.figure)).toEqual(['footprintIndex', 'replyShare', 'posts30d']);
    expect(rows[1]).toMatchObject({
      label: 'Reply share',
      unit: 'share 0-1',
      cohort: {
        baseline: 0.1,
        now: 0.25,
        change: 0.15,
        display: { baseline: '10.0%', now: '25.0%', change: '+15.0 pp' },
      },
      comparison: { councillors: 1, display: { change: '0.0 pp' } },
      differenceInDifferences: 0.15,
      didDisplay: '+15.0 pp',
    });
    expect(rows[2].comparison.display).toEqual({ councillors: '0', baseline: '—', now: '—', change: '—' });
    expect(rows[2].didDisplay).toBe('—');
  });
});

describe('pilot CSV', () => {
  it('writes one line per row with raw numbers, empty cells for missing values and CRLF endings', () => {
    expect(pilotOutcomesCsv(rows).split('\r\n')).toEqual([
      'figure,label,unit,cohort_councillors,cohort_baseline,cohort_now,cohort_change,comparison_councillors,comparison_baseline,comparison_now,comparison_change,difference_in_differences',
      'footprintIndex,Footprint index,index 0-100,2,40,55,15,1,42,45,3,12',
      'replyShare,Reply share,share 0-1,2,0.1,0.25,0.15,1,0.2,0.2,0,0.15',
      'posts30d,Posts in 30 days,count,2,4,12.5,8.5,0,,,,',
      '',
    ]);
  });

  it('quotes and defuses text cells but leaves negative numbers alone', () => {
    expect(csvCell('Followers, total')).toBe('"Followers, total"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell(-3.5)).toBe('-3.5');
    expect(csvCell(null)).toBe('');
  });

  it('downloads as a UTF-8 data link with a readable file name', () => {
    const href = csvDataHref('a,b\r\n');
    expect(href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
    expect(decodeURIComponent(href.slice('data:text/csv;charset=utf-8,'.length))).toBe('\uFEFFa,b\r\n');
    expect(pilotCsvFileName('Spring pilot (2026)!', 'mean')).toBe(
      'pilot-outcomes-spring-pilot-2026-mean.csv',
    );
    expect(pilotCsvFileName('***', 'median')).toBe('pilot-outcomes-cohort-median.csv');
  });
});

describe('cohort weekly series', () => {
  it('draws both groups by week, with gaps where a group has no value', () => {
    const series = cohortWeeklySeries(response.figures[0], 'median');
    expect(series.labels).toEqual(['24 Sept', '1 Oct', '8 Oct']);
    expect(series.tableLabels[0]).toBe('Week of 24 Sept 2026');
    expect(series.datasets.map((d) => d.label)).toEqual(['Cohort, median', 'Comparison group, median']);
    expect(series.datasets[1].values).toEqual([42, 43, null]);
    expect(series.datasets[1].display).toEqual(['42.0', '43.0', '—']);
    expect(cohortWeeklySummary(response.figures[0], 'median')).toBe(
      'Footprint index, weekly median from 24 Sept 2026 to 8 Oct 2026: cohort 40.0 to 55.0, comparison group 42.0 to —.',
    );
  });

  it('draws shares as percentages and says when there are no weeks', () => {
    const share = {
      ...response.figures[1],
      weekly: [
        { date: '2026-10-01', cohort: 0.25, comparison: 0.2, cohortCouncillors: 2, comparisonCouncillors: 1 },
      ],
    };
    expect(cohortWeeklySeries(share, 'mean').datasets[0].values).toEqual([25]);
    expect(cohortAxisTitle(share)).toBe('Reply share (%)');
    expect(cohortAxisTitle(response.figures[0])).toBe('Footprint index');
    expect(cohortWeeklySummary(response.figures[1], 'mean')).toBe(
      'Reply share, weekly mean: no weeks recorded yet.',
    );
  });
});

describe('pilot view in the URL', () => {
  it('reads choices with defaults and leaves defaults out of the URL', () => {
    expect(readPilotView(new URLSearchParams(''))).toEqual({
      cohort: null,
      aggregate: 'median',
      figure: 'footprintIndex',
    });
    expect(readPilotView(new URLSearchParams('aggregate=mode&figure=password'))).toEqual({
      cohort: null,
      aggregate: 'median',
      figure: 'footprintIndex',
    });
    let params = writePilotView(new URLSearchParams(''), 'cohort', 'abc');
    params = writePilotView(params, 'aggregate', 'mean');
    params = writePilotView(params, 'figure', 'replyShare');
    expect(params.toString()).toBe('cohort=abc&aggregate=mean&figure=replyShare');
    expect(readPilotView(params)).toEqual({ cohort: 'abc', aggregate: 'mean', figure: 'replyShare' });
    params = writePilotView(params, 'aggregate', 'median');
    params = writePilotView(params, 'figure', 'footprintIndex');
    expect(params.toString()).toBe('cohort=abc');
  });
});
