import { z } from 'zod';
import { Dashboard } from './dashboard';
import { Decision, DecisionInput } from './decisions';
import { GateEvidence, GateReport } from './gates';
import { Objective } from './objective';
import { Person, PersonInput } from './people';
import { Policy } from './policy';

const none = z.object({}).strict();

const FieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });

const versionOf = <T extends z.ZodType>(value: T) =>
  z.object({ version: z.number().int(), value, changedAt: z.string().nullable(), changedBy: z.string().nullable(), note: z.string() });

export const ObjectiveRecord = versionOf(Objective);
export type ObjectiveRecord = z.infer<typeof ObjectiveRecord>;
export const PolicyRecord = versionOf(Policy);
export type PolicyRecord = z.infer<typeof PolicyRecord>;

/** One saved version with what changed from the one before. */
export const VersionEntry = z.object({
  version: z.number().int(),
  changedAt: z.string(),
  changedBy: z.string(),
  note: z.string(),
  changes: z.array(FieldChange),
});
export type VersionEntry = z.infer<typeof VersionEntry>;

export const TimelineEntry = z.object({
  at: z.string(),
  kind: z.enum(['decision', 'objective', 'policy', 'people']),
  who: z.string(),
  title: z.string(),
  detail: z.string(),
  decision: Decision.nullable(),
  changes: z.array(FieldChange),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

export const Brief = z.object({ filename: z.string(), mediaType: z.string(), content: z.string() });
export type Brief = z.infer<typeof Brief>;

const note = z.string().trim().max(2000).default('');

/** Objectives, people, policies, decision log, dashboard and brief. */
export const governanceMethods = {
  'objective.get': { args: none, result: ObjectiveRecord, mutates: false },
  'objective.set': { args: z.object({ objective: Objective, note }).strict(), result: ObjectiveRecord, mutates: true },
  'objective.history': { args: none, result: z.array(VersionEntry), mutates: false },

  'policy.get': { args: none, result: PolicyRecord, mutates: false },
  'policy.set': { args: z.object({ policy: Policy, note }).strict(), result: PolicyRecord, mutates: true },
  'policy.history': { args: none, result: z.array(VersionEntry), mutates: false },

  'people.list': { args: none, result: z.array(Person), mutates: false },
  'people.save': { args: z.object({ person: PersonInput }).strict(), result: Person, mutates: true },
  'people.remove': { args: z.object({ id: z.string().min(1) }).strict(), result: z.null(), mutates: true },

  'decisions.add': { args: z.object({ decision: DecisionInput }).strict(), result: Decision, mutates: true },
  'decisions.list': { args: z.object({ limit: z.number().int().min(1).max(10_000).default(500) }).strict(), result: z.array(Decision), mutates: false },

  'governance.timeline': { args: z.object({ limit: z.number().int().min(1).max(10_000).default(500) }).strict(), result: z.array(TimelineEntry), mutates: false },
  'governance.evaluateGates': { args: z.object({ evidence: GateEvidence }).strict(), result: GateReport, mutates: false },

  'project.dashboard': { args: none, result: Dashboard, mutates: false },
  'project.brief': { args: z.object({ format: z.enum(['markdown', 'html']).default('markdown') }).strict(), result: Brief, mutates: false },
} as const;
