import { z } from 'zod';

/** The stages a RACI grid covers: the lifecycle plus governance itself. */
export const GOVERNANCE_STAGES = ['objectives', 'data', 'train', 'evaluate', 'deploy', 'monitor', 'governance'] as const;
export type GovernanceStage = (typeof GOVERNANCE_STAGES)[number];

export const RACI = ['R', 'A', 'C', 'I'] as const;
export type RaciLetter = (typeof RACI)[number];
export const RACI_LABELS: Record<RaciLetter, string> = { R: 'Responsible', A: 'Accountable (owns)', C: 'Consulted', I: 'Informed' };

/** Roles that policies can name, e.g. "approvals by a reviewer". */
export const ROLES = ['product_owner', 'data_scientist', 'ml_engineer', 'data_engineer', 'reviewer', 'compliance', 'stakeholder'] as const;
export type Role = (typeof ROLES)[number];
export const ROLE_LABELS: Record<Role, string> = {
  product_owner: 'Product owner',
  data_scientist: 'Data scientist',
  ml_engineer: 'ML engineer',
  data_engineer: 'Data engineer',
  reviewer: 'Reviewer',
  compliance: 'Risk & compliance',
  stakeholder: 'Stakeholder',
};

/** A stage → letter map; unknown stages are refused by name rather than silently dropped. */
export const RaciAssignments = z.record(z.string(), z.enum(RACI, { message: 'use R, A, C or I' })).superRefine((grid, ctx) => {
  for (const stage of Object.keys(grid)) {
    if (!(GOVERNANCE_STAGES as readonly string[]).includes(stage)) {
      ctx.addIssue({ code: 'custom', path: [stage], message: `unknown stage '${stage}'; stages are ${GOVERNANCE_STAGES.join(', ')}` });
    }
  }
}) as unknown as z.ZodType<Partial<Record<GovernanceStage, RaciLetter>>>;

export const PersonInput = z
  .object({
    id: z.string().min(1).optional(),
    name: z.string().trim().min(1, 'a person needs a name').max(200),
    role: z.enum(ROLES, { message: `role must be one of ${ROLES.join(', ')}` }),
    email: z.union([z.literal(''), z.email('not an email address')]).default(''),
    raci: RaciAssignments.default({}),
  })
  .strict();
export type PersonInput = z.input<typeof PersonInput>;

export const Person = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  email: z.string(),
  raci: z.record(z.string(), z.enum(RACI)),
  addedAt: z.string(),
  addedBy: z.string(),
});
export type Person = z.infer<typeof Person>;

/** Who is accountable for a stage (the "A"), if anyone. */
export function ownerOf(people: Person[], stage: GovernanceStage): Person | undefined {
  return people.find((p) => p.raci[stage] === 'A');
}
