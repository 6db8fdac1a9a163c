import { spawnSync } from 'child_process';
import fs from 'fs';
import path from 'path';

/**
 * The module contract (docs: GUIDE "Who may import what") is held by .dependency-cruiser.cjs. These
 * tests write a probe file that breaks one rule, run dependency-cruiser on it and expect that rule to
 * be reported: a rule that silently matches nothing would otherwise pass CI forever.
 * Probe files are named `__lint_probe__*` (ignored by git) and removed in `finally`.
 */
const ROOT = path.resolve(__dirname, '..', '..');
const DEPCRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const PROBE = '__lint_probe__.ts';

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

interface CruiseReport {
  summary: { violations: Violation[] };
}

const depcruise = (relativeFile: string, extra: string[]) =>
  spawnSync(process.execPath, [DEPCRUISE, relativeFile, '--config', '.dependency-cruiser.cjs', '--no-progress', ...extra], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30000,
  });

/**
 * Writes `source` to `relativeDir/__lint_probe__.ts`, cruises it alone (its imports are followed) and
 * always removes it. `rules` lists the probe's violations; `status` is the exit status that
 * `npm run lint:deps` would give (the default `err` reporter exits non-zero on an error).
 */
const cruiseProbe = (relativeDir: string, source: string) => {
  const file = path.join(ROOT, relativeDir, PROBE);
  const relativeFile = path.posix.join(relativeDir, PROBE);
  fs.writeFileSync(file, source);
  try {
    const report = JSON.parse(depcruise(relativeFile, ['--output-type', 'json']).stdout) as CruiseReport;
    const fromProbe = report.summary.violations.filter((v) => v.from === relativeFile);
    return {
      rules: fromProbe.map((v) => `${v.rule.name}: ${v.to}`),
      status: depcruise(relativeFile, ['--output-type', 'err']).status,
    };
  } finally {
    fs.rmSync(file, { force: true });
  }
};

describe('dependency rules (npm run lint:deps)', () => {
  afterAll(() => {
    for (const dir of ['plugins/qr/server/src', 'website/src', 'src']) {
      expect(fs.existsSync(path.join(ROOT, dir, PROBE))).toBe(false);
    }
  });

  it('is git-ignored, so a probe can never be committed', () => {
    const check = spawnSync('git', ['check-ignore', '-q', path.posix.join('plugins/qr/server/src', PROBE)], { cwd: ROOT });
    expect(check.status).toBe(0);
  });

  it('a plugin may not import the app (src/)', () => {
    const result = cruiseProbe('plugins/qr/server/src', "export { default } from '../../../../src/permissions';\n");
    expect(result.rules).toContain('plugin-stays-inside: src/permissions.ts');
    expect(result.status).not.toBe(0);
  });

  it('the website may not import server code', () => {
    const result = cruiseProbe('website/src', "export { isPublicAction } from '../../src/permissions';\n");
    expect(result.rules).toContain('website-no-server-code: src/permissions.ts');
    expect(result.status).not.toBe(0);
  });

  it("the app may import a plugin's public entry only", () => {
    const result = cruiseProbe('src', "export { default } from '../plugins/qr/server/src/services/qr';\n");
    expect(result.rules).toContain('plugin-public-entry-only: plugins/qr/server/src/services/qr.ts');
    expect(result.status).not.toBe(0);
  });

  it('a probe that keeps the rules passes', () => {
    const result = cruiseProbe('plugins/qr/server/src', "export { default } from './services/qr';\n");
    expect(result.rules).toEqual([]);
    expect(result.status).toBe(0);
  });
});
