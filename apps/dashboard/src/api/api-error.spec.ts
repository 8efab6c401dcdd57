import { ApiError, apiErrorMessage, retryUnlessRefused } from './api-error';

describe('apiErrorMessage', () => {
  it('uses the API message, joining validation lists', () => {
    expect(
      apiErrorMessage(404, { statusCode: 404, error: 'Not Found', message: 'No councillor with id x' }),
    ).toBe('No councillor with id x');
    expect(
      apiErrorMessage(400, {
        statusCode: 400,
        error: 'Bad Request',
        message: ['a is wrong', 'b is missing'],
      }),
    ).toBe('a is wrong; b is missing');
  });

  it('falls back to the status when the body says nothing useful', () => {
    expect(apiErrorMessage(502, null)).toBe('The server answered 502.');
    expect(apiErrorMessage(500, { message: '' })).toBe('The server answered 500.');
  });
});

describe('retryUnlessRefused', () => {
  it('does not ask again what the API refused, and asks a failing server up to three times', () => {
    expect(retryUnlessRefused(0, new ApiError(400, 'councillor id must be a UUID'))).toBe(false);
    expect(retryUnlessRefused(0, new ApiError(404, 'No councillor has the id'))).toBe(false);
    expect(retryUnlessRefused(0, new ApiError(503, 'down'))).toBe(true);
    expect(retryUnlessRefused(2, new TypeError('Failed to fetch'))).toBe(true);
    expect(retryUnlessRefused(3, new ApiError(500, 'broken'))).toBe(false);
  });
});
