import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * shared/ is used by main and renderer alike: it may not reach for Electron, Node or the DOM.
 * (tsconfig.shared.json also type-checks it without Node or DOM types; this catches imports
 * that type-check anyway, such as `node:` modules with bundled types.)
 */
const root = join(__dirname, '../../../shared');
const forbidden = [/from\s+['"]electron/, /from\s+['"]node:/, /require\(/, /from\s+['"](fs|path|os|crypto|child_process)['"]/, /\b(window|document|localStorage|navigator)\./, /\bprocess\./];

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && /\.tsx?$/.test(e.name)).map((e) => join(e.parentPath, e.name));
}

describe('shared/ stays pure', () => {
  it('no file imports electron, node: modules or uses DOM or process globals', async () => {
    const offenders: string[] = [];
    for (const file of await sourceFiles(root)) {
      // Comments may mention `window.mentorDesk`; only code counts.
      const source = (await readFile(file, 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      for (const rule of forbidden) if (rule.test(source)) offenders.push(`${relative(root, file)}: ${rule}`);
    }
    expect(offenders).toEqual([]);
  });
});
