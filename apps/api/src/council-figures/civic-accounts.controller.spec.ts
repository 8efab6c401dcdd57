import { CivicAccountsController } from './civic-accounts.controller';

describe('CivicAccountsController OpenAPI', () => {
  it('says what the externalId of a civic account is on each platform', () => {
    const [body] = Reflect.getMetadata(
      'swagger/apiParameters',
      CivicAccountsController.prototype.register,
    ) as Array<{ schema: { properties: { externalId: { description: string } } } }>;
    const description = body.schema.properties.externalId.description;
    expect(description).toMatch(/DID on Bluesky/);
    expect(description).toMatch(/numeric id on X and Facebook/);
    expect(description).toMatch(/channel id \(UC…\) on YouTube/);
    expect(description).toMatch(/user@instance on Mastodon/);
  });
});
