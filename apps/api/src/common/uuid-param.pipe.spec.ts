import { BadRequestException } from '@nestjs/common';
import { UuidParamPipe } from './uuid-param.pipe';

describe('UuidParamPipe', () => {
  const pipe = new UuidParamPipe('councillor');

  it('passes a version-4 UUID in either case', () => {
    expect(pipe.transform('0e000000-0000-4000-8000-00000000000e')).toBe(
      '0e000000-0000-4000-8000-00000000000e',
    );
    expect(pipe.transform('0E000000-0000-4000-A000-00000000000E')).toBe(
      '0E000000-0000-4000-A000-00000000000E',
    );
  });

  it('says whose id it is and what was given', () => {
    for (const bad of ['not-a-uuid', '0e000000-0000-1000-8000-00000000000e', '']) {
      let caught: unknown;
      try {
        pipe.transform(bad);
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(BadRequestException);
      expect((caught as BadRequestException).getResponse()).toMatchObject({
        message: [`councillor id must be a UUID, not '${bad}'`],
      });
    }
  });
});
