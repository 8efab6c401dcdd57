/** One Jest run over every project; `scripts/test.mjs` sums the results for CI. */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true, tsx: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  },
];
const moduleNameMapper = {
  '^@wardreach/contracts$': '<rootDir>/libs/contracts/src/index.ts',
  '^@wardreach/collectors$': '<rootDir>/libs/collectors/src/index.ts',
  '^@wardreach/metrics$': '<rootDir>/libs/metrics/src/index.ts',
  '\\.(css)$': '<rootDir>/apps/dashboard/src/testing/style-stub.js',
};
const base = {
  rootDir: __dirname,
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper,
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  // ESM-only dependencies (Node loads them with require(esm); Jest needs them compiled).
  transformIgnorePatterns: ['/node_modules/(?!(content-disposition|@noble/hashes)/)'],
};

module.exports = {
  projects: [
    {
      ...base,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: [
        '<rootDir>/{apps/api,apps/sandbox,libs}/**/*.spec.ts',
        '<rootDir>/apps/dashboard/src/**/*.spec.ts',
      ],
    },
    {
      ...base,
      displayName: 'dashboard',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/apps/dashboard/src/**/*.spec.tsx'],
    },
    {
      ...base,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{apps,libs}/**/*.int-spec.ts'],
    },
    {
      ...base,
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
    },
  ],
};
