/**
 * Three jest projects: `unit` (plain modules, no build, no server), `api` (a real in-process Strapi per
 * test file) and `browser` (chromium against a real server). One Strapi boot per test file; files run
 * one after another (`--runInBand`) to fit 2 cores. Run one project with `npm run test:unit` (or
 * `test:api`, `test:browser`): `jest --selectProjects <name>`.
 */
const shared = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest'] },
  modulePathIgnorePatterns: ['<rootDir>/dist', '<rootDir>/build', '<rootDir>/.tmp', '<rootDir>/bench/.bare'],
};

/**
 * api and browser run against the real build (server, admin panel, website). A project's globalSetup
 * runs only when at least one of its tests is selected, and the same module runs once for both, so
 * `npm run test:unit` never builds. The setup also makes the database every test app copies (template-db.js).
 */
const needsBuild = { globalSetup: '<rootDir>/tests/helpers/global-setup.js', globalTeardown: '<rootDir>/tests/helpers/global-teardown.js' };

module.exports = {
  // A global option: jest reads the timeout from the top level, not from a project.
  testTimeout: 120000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { ...shared, ...needsBuild, displayName: 'api', testMatch: ['<rootDir>/tests/api/**/*.test.ts'] },
    { ...shared, ...needsBuild, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'] },
  ],
};
