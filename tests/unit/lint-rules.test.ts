import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';

/**
 * The module contract (the guide's "Who may import what") is held by .dependency-cruiser.cjs. This test
 * writes probe files that break one rule each (and one that keeps them), runs dependency-cruiser on
 * them and expects exactly those breaks: a rule that silently matches nothing would otherwise pass
 * CI forever. Probe files are named `__lint_probe__*` (ignored by git) and removed in `finally`.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** Each probe: where it is written, what it imports, and the violation expected from it (none: null). */
const PROBES = {
  pluginImportsApp: {
    file: 'plugins/qr/server/src/__lint_probe__app.ts',
    source: "export { isPublicAction } from '../../../../src/permissions';\n",
    expected: 'plugin-stays-inside: src/permissions.ts',
  },
  websiteImportsServer: {
    file: 'website/src/__lint_probe__server.ts',
    source: "export { isPublicAction } from '../../src/permissions';\n",
    expected: 'website-no-server-code: src/permissions.ts',
  },
  appImportsPluginInternals: {
    file: 'src/__lint_probe__plugin.ts',
    source: "export { default } from '../plugins/qr/server/src/services/qr';\n",
    expected: 'plugin-public-entry-only: plugins/qr/server/src/services/qr.ts',
  },
  keepsTheRules: {
    file: 'plugins/qr/server/src/__lint_probe__ok.ts',
    source: "export { default } from './services/qr';\n",
    expected: null,
  },
};
type Probe = keyof typeof PROBES;

interface CruiseReport {
  summary: { violations: Array<{ from: string; to: string; rule: { name: string } }> };
}

const depcruise = (files: string[], outputType: 'json' | 'err') =>
  spawnSync(process.execPath, [DEPCRUISE, ...files, '--config', '.dependency-cruiser.cjs', '--no-progress', '--output-type', outputType], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60000,
  });

let violations: Record<Probe, string[]>;
/** The exit status `npm run lint:deps` gives for the probes (the default `err` reporter). */
let exitStatus: number | null;

beforeAll(() => {
  const files = Object.values(PROBES).map((p) => p.file);
  try {
    for (const p of Object.values(PROBES)) fs.writeFileSync(path.join(ROOT, p.file), p.source);
    const report = JSON.parse(depcruise(files, 'json').stdout) as CruiseReport;
    violations = Object.fromEntries(
      Object.entries(PROBES).map(([name, p]) => [
        name,
        report.summary.violations.filter((v) => v.from === p.file).map((v) => `${v.rule.name}: ${v.to}`),
      ]),
    ) as Record<Probe, string[]>;
    exitStatus = depcruise(files, 'err').status;
  } finally {
    for (const file of files) fs.rmSync(path.join(ROOT, file), { force: true });
  }
});

describe('dependency rules (npm run lint:deps)', () => {
  it('leaves no probe behind, and git ignores probes anyway', () => {
    for (const p of Object.values(PROBES)) expect(fs.existsSync(path.join(ROOT, p.file))).toBe(false);
    const check = spawnSync('git', ['check-ignore', '-q', PROBES.keepsTheRules.file], { cwd: ROOT });
    expect(check.status).toBe(0);
  });

  it('a plugin may not import the app (src/)', () => {
    expect(violations.pluginImportsApp).toEqual([PROBES.pluginImportsApp.expected]);
  });

  it('the website may not import server code', () => {
    expect(violations.websiteImportsServer).toEqual([PROBES.websiteImportsServer.expected]);
  });

  it("the app may import a plugin's public entry only", () => {
    expect(violations.appImportsPluginInternals).toEqual([PROBES.appImportsPluginInternals.expected]);
  });

  it('a probe that keeps the rules passes', () => {
    expect(violations.keepsTheRules).toEqual([]);
  });

  it('a break fails the command', () => {
    expect(exitStatus).not.toBe(0);
    expect(exitStatus).not.toBeNull();
  });
});
