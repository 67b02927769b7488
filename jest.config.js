/** Jest runs the TypeScript sources as ES modules (ink is ESM-only). */
export default {
  testEnvironment: 'node',
  globalSetup: '<rootDir>/jest.global-setup.js',
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  testMatch: ['<rootDir>/__tests__/**/*.test.ts', '<rootDir>/__tests__/**/*.test.tsx'],
  testTimeout: 30000,
};
