import { z } from 'zod';

export const LINK_KINDS = ['dataset', 'run', 'model', 'deployment', 'objective', 'policy'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export const DecisionLink = z
  .object({
    kind: z.enum(LINK_KINDS, { message: `a link kind is one of ${LINK_KINDS.join(', ')}` }),
    ref: z.string().trim().min(1, 'a link needs the id or name it points to').max(200),
  })
  .strict();
export type DecisionLink = z.infer<typeof DecisionLink>;

export const DecisionInput = z
  .object({
    title: z.string().trim().min(1, 'say what was decided').max(300),
    why: z.string().trim().max(8000).default(''),
    details: z.string().trim().max(8000).default(''),
    links: z.array(DecisionLink).max(50).default([]),
    /** When it was decided, if not now (ISO date or date-time). */
    decidedAt: z.iso.datetime({ offset: true }).or(z.iso.date()).optional(),
  })
  .strict();
export type DecisionInput = z.input<typeof DecisionInput>;

export const Decision = z.object({
  id: z.number().int(),
  title: z.string(),
  why: z.string(),
  details: z.string(),
  links: z.array(DecisionLink),
  decidedAt: z.string(),
  author: z.string(),
  recordedAt: z.string(),
});
export type Decision = z.infer<typeof Decision>;

/** `dataset:churn-v2` → a link, for the CLI's --link flag. */
export function parseLink(text: string): DecisionLink | null {
  const at = text.indexOf(':');
  if (at <= 0) return null;
  const parsed = DecisionLink.safeParse({ kind: text.slice(0, at), ref: text.slice(at + 1) });
  return parsed.success ? parsed.data : null;
}
