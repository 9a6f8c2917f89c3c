import { describe, expect, it } from 'vitest';
import { annualIndicatorKeys, zIndicatorDefinitions } from '@stip/contracts';
import { checkFigures, defaultIndicatorForm, unknownKeys } from './annual-reports.forms';

const complete = {
  indicators: {
    rdSpend: 500,
    staffTotal: 40,
    staffResearchers: 25,
    projects: 6,
    patentsApplied: 8,
    patentsGranted: 3,
    achievementsTransferred: 2,
    enterprisesServed: 30,
  },
  narratives: { summary: '本年度完成了……' },
};

describe('the default indicator form', () => {
  it('is a valid form whose keys are the documented standard keys', () => {
    expect(zIndicatorDefinitions.safeParse(defaultIndicatorForm).success).toBe(true);
    expect(defaultIndicatorForm.map((indicator) => indicator.key)).toEqual([...annualIndicatorKeys]);
  });
});

describe('checking a report’s figures', () => {
  it('accepts a complete report with no warnings when there is no last year', () => {
    expect(checkFigures(defaultIndicatorForm, complete, null, true)).toEqual({ errors: [], warnings: [] });
  });

  it('names every missing required indicator on submission, and none while drafting', () => {
    const { errors } = checkFigures(defaultIndicatorForm, { indicators: { rdSpend: 1 }, narratives: {} }, null, true);
    expect(errors.map((error) => error.field)).toEqual([
      'staffTotal',
      'staffResearchers',
      'projects',
      'patentsApplied',
      'patentsGranted',
      'achievementsTransferred',
      'enterprisesServed',
      'summary',
    ]);
    expect(checkFigures(defaultIndicatorForm, { indicators: { rdSpend: 1 }, narratives: {} }, null, false).errors).toEqual([]);
  });

  it('refuses more researchers than staff, negative and fractional counts', () => {
    const { errors } = checkFigures(
      defaultIndicatorForm,
      { indicators: { ...complete.indicators, staffResearchers: 41, projects: -1, patentsApplied: 2.5 }, narratives: complete.narratives },
      null,
      true,
    );
    expect(errors.map((error) => error.field).sort()).toEqual(['patentsApplied', 'projects', 'staffResearchers']);
  });

  it('warns of a figure more than three times last year’s, but not of exactly three times', () => {
    const lastYear = { rdSpend: 100, projects: 2 };
    const { errors, warnings } = checkFigures(
      defaultIndicatorForm,
      { indicators: { ...complete.indicators, rdSpend: 301, projects: 6 }, narratives: complete.narratives },
      lastYear,
      true,
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([{ key: 'rdSpend', message: '“研发经费投入”301万元是上年（100万元）的3.0倍，请核实' }]);
  });

  it('finds figures for keys the form does not have, or in the wrong place', () => {
    expect(unknownKeys(defaultIndicatorForm, { rdSpend: 1, bogus: 2, summary: 3 }, { projects: 'x' })).toEqual([
      'bogus',
      'summary',
      'projects',
    ]);
  });
});
