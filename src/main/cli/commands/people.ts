import type { Command } from 'commander';
import type { Client } from '../../../shared/client';
import { MlcycleError } from '../../../shared/contract/errors';
import { GOVERNANCE_STAGES, ROLES, ROLE_LABELS, type Person } from '../../../shared/governance/people';
import { emit, table, type CliIo, type RunCommand } from '../output';
import { parseAssignments } from '../parse-options';
import { withProject } from '../project-engine';

/** Finds a person by id, unique id prefix, or name (case-insensitive). */
export async function resolvePerson(client: Client, ref: string): Promise<Person> {
  const people = await client.call('people.list');
  const exact = people.find((p) => p.id === ref) ?? people.filter((p) => p.name.toLowerCase() === ref.toLowerCase());
  if (!Array.isArray(exact)) return exact;
  const matches = exact.length ? exact : people.filter((p) => p.id.startsWith(ref));
  if (matches.length === 1) return matches[0]!;
  if (matches.length === 0) throw new MlcycleError('NOT_FOUND', `No person named or with id '${ref}'. Run "mlcycle people" to list them.`, { ref });
  throw new MlcycleError('CONFLICT', `'${ref}' matches ${matches.length} people (${matches.map((p) => `${p.name} ${p.id.slice(0, 8)}`).join(', ')}); use the id.`, { ref });
}

const roleHelp = `role: ${ROLES.join(', ')}`;
const raciHelp = `stage=LETTER pairs, e.g. train=A,data=R (stages: ${GOVERNANCE_STAGES.join(', ')}; letters R, A, C, I)`;

interface PersonFlags {
  project?: string;
  json?: boolean;
  name?: string;
  role?: string;
  email?: string;
  raci?: string;
}

export function registerPeople(program: Command, io: CliIo, run: RunCommand): void {
  const people = program.command('people').description('Stakeholders, their roles and who owns each stage (RACI)');

  people
    .command('list', { isDefault: true })
    .description('List people with their RACI letters per stage')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the result as JSON')
    .action((opts: PersonFlags) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const list = await client.call('people.list');
            emit(io, opts.json, list, () =>
              list.length === 0
                ? 'No people yet. Add one with "mlcycle people add --name NAME --role ROLE".'
                : table([
                    ['NAME', 'ROLE', ...GOVERNANCE_STAGES.map((s) => s.toUpperCase()), 'ID'],
                    ...list.map((p) => [p.name, ROLE_LABELS[p.role], ...GOVERNANCE_STAGES.map((s) => p.raci[s] ?? '-'), p.id.slice(0, 8)]),
                  ]),
            );
          }),
        opts.json,
      ),
    );

  people
    .command('add')
    .description('Add a person')
    .requiredOption('--name <name>', 'full name')
    .requiredOption('--role <role>', roleHelp)
    .option('--email <email>', 'email address')
    .option('--raci <pairs>', raciHelp)
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the result as JSON')
    .action((opts: PersonFlags) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const person = await client.call('people.save', {
              person: { name: opts.name!, role: opts.role as Person['role'], email: opts.email ?? '', raci: opts.raci ? parseAssignments('--raci', opts.raci) : {} },
            });
            emit(io, opts.json, person, () => `Added ${person.name} (${ROLE_LABELS[person.role]}), id ${person.id}.`);
          }),
        opts.json,
      ),
    );

  people
    .command('edit')
    .description('Change a person; --raci replaces their letters')
    .argument('<person>', 'name or id')
    .option('--name <name>', 'full name')
    .option('--role <role>', roleHelp)
    .option('--email <email>', 'email address')
    .option('--raci <pairs>', raciHelp)
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the result as JSON')
    .action((ref: string, opts: PersonFlags) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const was = await resolvePerson(client, ref);
            const person = await client.call('people.save', {
              person: {
                id: was.id,
                name: opts.name ?? was.name,
                role: (opts.role as Person['role'] | undefined) ?? was.role,
                email: opts.email ?? was.email,
                raci: opts.raci !== undefined ? parseAssignments('--raci', opts.raci) : was.raci,
              },
            });
            emit(io, opts.json, person, () => `Updated ${person.name}.`);
          }),
        opts.json,
      ),
    );

  people
    .command('remove')
    .description('Remove a person (history keeps their name)')
    .argument('<person>', 'name or id')
    .option('--project <dir>', 'project folder (default: current folder)')
    .option('--json', 'print the result as JSON')
    .action((ref: string, opts: PersonFlags) =>
      run(
        () =>
          withProject(io, opts.project, async (client) => {
            const person = await resolvePerson(client, ref);
            await client.call('people.remove', { id: person.id });
            emit(io, opts.json, { removed: person.id }, () => `Removed ${person.name}.`);
          }),
        opts.json,
      ),
    );
}
