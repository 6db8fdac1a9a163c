/** One Strapi boot per test file; files run one after another (`--runInBand`) to fit 2 cores. */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  testMatch: ['<rootDir>/tests/**/*.test.ts'],
  globalSetup: '<rootDir>/tests/helpers/global-setup.js',
  testTimeout: 120000,
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/build', '<rootDir>/.tmp', '<rootDir>/bench/.bare'],
};
