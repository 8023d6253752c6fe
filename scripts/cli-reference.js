// Writes the CLI reference into README.md (between the cli:start/cli:end markers) from the
// commands' own --help, so the README cannot drift from the code. `npm run docs:cli`;
// test/cli/readme.test.ts fails when the README is stale.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const help = (args) => execFileSync(process.execPath, ['bin/mlcycle.js', ...args, '--help'], { cwd: root, encoding: 'utf8' }).trimEnd();

/** Subcommand names listed under "Commands:" in a help text (commander's own `help` left out). */
function subcommands(text) {
  const block = text.split(/^Commands:$/m)[1] ?? '';
  return [...block.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]).filter((name) => name !== 'help');
}

/** Every command's help, walking the command tree from the top, in the order the CLI lists them. */
export function cliReference() {
  const sections = [];
  const visit = (args) => {
    const text = help(args);
    sections.push(`\`\`\`text\n$ mlcycle ${[...args, '--help'].join(' ')}\n${text}\n\`\`\``);
    for (const name of subcommands(text)) visit([...args, name]);
  };
  visit([]);
  return sections.join('\n\n');
}

export function withReference(readme, reference) {
  const start = '<!-- cli:start -->';
  const end = '<!-- cli:end -->';
  const [before, rest] = readme.split(start);
  if (rest === undefined || !rest.includes(end)) throw new Error(`README.md lacks the ${start} … ${end} markers`);
  return `${before}${start}\n${reference}\n${end}${rest.split(end)[1]}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const file = `${root}/README.md`;
  writeFileSync(file, withReference(readFileSync(file, 'utf8'), cliReference()));
  process.stdout.write('README.md CLI reference updated\n');
}
