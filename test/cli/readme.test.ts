import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliReference, withReference } from '../../scripts/cli-reference.js';
import { REPO } from '../helpers/cli';

describe('README', () => {
  const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');

  it('carries the CLI reference exactly as the commands print it (run npm run docs:cli after changing a command)', () => {
    expect(readme).toBe(withReference(readme, cliReference()));
    // one `mlcycle … --help` process per command (about 60): half a second each, more on a busy machine
  }, 180_000);

  it('gives the two-command quick start', () => {
    expect(readme).toContain('npm install && npm start');
    expect(readme).toContain('npm test');
  });
});
