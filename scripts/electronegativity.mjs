#!/usr/bin/env node
// `npm run lint:electron`: Doyensec's electronegativity over the Electron shell, the preload and the page,
// failing on any high or medium finding that scripts/electronegativity.json does not justify. The tool is
// run through npx at the pinned version (its dependency tree would otherwise reshape the lockfile), and sees
// a staged copy of the inputs so it never scans node_modules or the built bundles.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const config = JSON.parse(readFileSync(join(root, 'scripts/electronegativity.json'), 'utf8'));
const electronVersion = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8')).version;

/** Splits one CSV line of the tool's report (quoted fields may hold commas). */
export function csvFields(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const char = line[i];
    if (char === '"' && line[i + 1] === '"' && quoted) {
      field += '"';
      i += 1;
    } else if (char === '"') quoted = !quoted;
    else if (char === ',' && !quoted) {
      fields.push(field.trim());
      field = '';
    } else field += char;
  }
  fields.push(field.trim());
  return fields;
}

const staged = mkdtempSync(join(tmpdir(), 'berth-electronegativity-'));
const report = join(staged, 'report.csv');
try {
  for (const input of config.inputs)
    cpSync(join(root, input), join(staged, 'src', basename(input)), { recursive: true });
  const args = ['--yes', `@doyensec/electronegativity@${config.version}`, '-i', join(staged, 'src')];
  args.push('-e', electronVersion, '-r', '-v', 'false', '-o', report);
  args.push('-x', Object.keys(config.excluded).join(','));
  execFileSync('npx', args, { cwd: staged, stdio: ['ignore', 'ignore', 'inherit'], timeout: 180_000 });
  const [, ...rows] = readFileSync(report, 'utf8').trim().split('\n');
  const findings = rows.map(csvFields).map(([check, severity, confidence, file, location, , description]) => ({
    check,
    severity,
    confidence,
    where: `${file}:${location}`,
    description,
  }));
  for (const finding of findings)
    console.log(`[electronegativity] ${finding.severity} ${finding.check} at ${finding.where}: ${finding.description}`);
  const failing = findings.filter((finding) => finding.severity === 'HIGH' || finding.severity === 'MEDIUM');
  const justified = Object.keys(config.excluded).length;
  if (failing.length > 0) {
    console.error(
      `[electronegativity] ${failing.length} high or medium finding(s): fix them, or justify them in scripts/electronegativity.json`,
    );
    process.exit(1);
  }
  console.log(
    `[electronegativity] no high or medium findings (${findings.length} low or informational; ${justified} checks excluded with their reasons in scripts/electronegativity.json)`,
  );
} finally {
  rmSync(staged, { recursive: true, force: true });
}
