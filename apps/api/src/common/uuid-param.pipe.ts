import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';

/** A UUID as PostgreSQL's `gen_random_uuid()` gives them (version 4), in any case. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * A path id that must be a UUID: anything else is a 400 that says whose id it is and what was given
 * (`councillor id must be a UUID, not 'not-a-uuid'`), where Nest's own pipe says only "Validation
 * failed (uuid v 4 is expected)".
 */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly what: string) {}

  transform(value: string): string {
    if (!UUID.test(value)) {
      throw new BadRequestException([`${this.what} id must be a UUID, not '${value.slice(0, 80)}'`]);
    }
    return value;
  }
}
