import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Council and ward codes are held to the rule the imports and the API read them by (`isCouncilCode`,
 * `isWardCode` in libs/metrics): E06–E09, W06, S12 and N09 councils; E05, W05, S13 and N08 wards.
 * The first checks took the third character for a digit, so a Scottish council (S12…) or ward (S13…)
 * passed every parser and then failed here, and codes of no council or ward (E05… as a council) passed.
 */
export class OnsCodesOfAllNations1763800000017 implements MigrationInterface {
  name = 'OnsCodesOfAllNations1763800000017';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE council DROP CONSTRAINT council_code_check,
        ADD CONSTRAINT council_code_check CHECK (code ~ '^(E0[6-9]|W06|S12|N09)[0-9]{6}$')`);
    await db.query(`
      ALTER TABLE ward DROP CONSTRAINT ward_code_check,
        ADD CONSTRAINT ward_code_check CHECK (code ~ '^(E05|W05|S13|N08)[0-9]{6}$')`);
  }

  async down(db: QueryRunner): Promise<void> {
    // The older checks cannot hold a Scottish council or ward: those go, with what belongs to them.
    await db.query(`DELETE FROM ward WHERE code LIKE 'S13%'`);
    await db.query(`DELETE FROM council WHERE code LIKE 'S12%'`);
    await db.query(`
      ALTER TABLE council DROP CONSTRAINT council_code_check,
        ADD CONSTRAINT council_code_check CHECK (code ~ '^[EWSN]0[6-9][0-9]{6}$')`);
    await db.query(`
      ALTER TABLE ward DROP CONSTRAINT ward_code_check,
        ADD CONSTRAINT ward_code_check CHECK (code ~ '^[EWSN]0[0-9]{7}$')`);
  }
}
