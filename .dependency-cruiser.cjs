// @ts-check
/**
 * The module contract (the architecture guide's "Who may import what"), checked by `npm run lint:deps`:
 *   depcruise src plugins website/src database config tests --config .dependency-cruiser.cjs
 * A break fails CI instead of a review. Paths are relative to the repository root.
 */

/** Plugin public entries: the only files of a plugin that code outside it may import. */
const PLUGIN_PUBLIC = '^plugins/[^/]+/(server|admin)/src/public\\.ts$';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules in a cycle cannot be understood, tested or loaded one at a time: break the cycle.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'plugin-stays-inside',
      severity: 'error',
      comment:
        'A plugin is reusable infrastructure: it knows no content type of this town and never reaches into ' +
        'src/, website/, database/, config/ or another plugin. The app registers its types with the plugin.',
      from: { path: '^plugins/([^/]+)/' },
      to: {
        path: '^(src|website|database|config|plugins)/',
        pathNot: '^plugins/$1/',
      },
    },
    {
      name: 'plugin-public-entry-only',
      severity: 'error',
      comment:
        "Outside a plugin, import only its public entry (plugins/<name>/server/src/public.ts, or admin/src/public.ts); " +
        "its services are reached through strapi.plugin(name). Tests may import internals.",
      from: { pathNot: '^(plugins|tests)/' },
      to: { path: '^plugins/[^/]+/', pathNot: PLUGIN_PUBLIC },
    },
    {
      name: 'website-no-server-code',
      severity: 'error',
      comment:
        'The website imports no server code: rules both sides need sit in src/shared/, everything else comes from the API.',
      from: { path: '^website/' },
      to: { path: '^(src|plugins|config|database)/', pathNot: '^src/shared/' },
    },
    {
      name: 'shared-stays-shared',
      severity: 'error',
      comment:
        'src/shared/ is read by both the server and the website: it imports nothing of the project outside ' +
        'src/shared/ (npm packages only).',
      from: { path: '^src/shared/' },
      to: { path: '^(src|plugins|website|config|database|tests|types|scripts)/', pathNot: '^src/shared/' },
    },
    {
      name: 'server-no-website-or-tests',
      severity: 'error',
      comment: 'Server code never imports the website or the tests.',
      from: { path: '^(src|plugins|config|database)/' },
      to: { path: '^(website|tests)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'This import resolves to nothing on disk: a typo, a missing file or a package not installed.',
      // A plugin's strapi-server.js loads its compiled server from dist/, which exists only after a build.
      from: { pathNot: '^plugins/[^/]+/strapi-server\\.js$' },
      to: { couldNotResolve: true },
    },
    {
      name: 'no-non-package-json',
      severity: 'error',
      comment:
        "This module imports an npm package that isn't in package.json: it works only while another package " +
        'happens to pull it in. Add it to dependencies (or devDependencies for tests and tools).',
      from: {},
      to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
    },
    {
      name: 'not-to-dev-dep',
      severity: 'error',
      comment:
        'Server and admin code run (and build) where only dependencies are installed: it may not import a devDependency ' +
        '(type-only imports are erased, so they are fine).',
      from: { path: '^(src|plugins|config|database)/' },
      to: { dependencyTypes: ['npm-dev'], dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // A local plugin's package.json holds no dependencies: the app's root package.json provides them.
    combinedDependencies: true,
    // Build output and local state; node_modules stays visible (doNotFollow) so package rules can see it.
    exclude: { path: '^(dist|build|\\.tmp|\\.strapi|public)/' },
    // Type-only imports count: a type import is still a dependency on the other module.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['types', 'import', 'require', 'node', 'default'],
      mainFields: ['types', 'typings', 'module', 'main'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.cjs', '.mjs', '.json'],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
