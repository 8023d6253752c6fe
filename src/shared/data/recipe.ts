import { z } from 'zod';

const column = z.string().min(1, 'name the column');
const sqlExpression = z.string().trim().min(1, 'write an SQL expression').max(4000).refine((s) => !s.includes(';'), 'one expression, without ";"');

/** One cleaning step. Steps run in order; each sees the columns the step before it left. */
export const RecipeStep = z.discriminatedUnion('op', [
  z.object({ op: z.literal('drop'), columns: z.array(column).min(1, 'name at least one column') }).strict(),
  z.object({ op: z.literal('rename'), from: column, to: column }).strict(),
  z.object({ op: z.literal('filter'), where: sqlExpression }).strict(),
  z.object({ op: z.literal('impute'), column, method: z.enum(['mean', 'median', 'mode', 'constant']), value: z.union([z.string(), z.number(), z.boolean()]).optional() }).strict(),
  z.object({ op: z.literal('cast'), column, type: z.string().regex(/^[A-Za-z][A-Za-z0-9_ (),]*$/, 'not a type name') }).strict(),
  z
    .object({ op: z.literal('clip'), column, lower: z.number().min(0).max(1).default(0.01), upper: z.number().min(0).max(1).default(0.99) })
    .strict()
    .refine((s) => s.lower < s.upper, { message: 'the lower quantile must be below the upper', path: ['lower'] }),
  z.object({ op: z.literal('dedupe') }).strict(),
  z.object({ op: z.literal('derive'), name: column, expression: sqlExpression }).strict(),
  /** Sets the column on the given rows (row = position in the parent version); written by labelling. */
  z
    .object({
      op: z.literal('label'),
      column,
      values: z.array(z.object({ row: z.number().int().min(0), value: z.union([z.string(), z.number(), z.boolean()]) }).strict()).min(1, 'label at least one row').max(100_000),
      by: z.string().default(''),
    })
    .strict(),
]);
export type RecipeStep = z.output<typeof RecipeStep>;

export const Recipe = z
  .object({ steps: z.array(RecipeStep).max(200) })
  .strict()
  // Row positions refer to the parent version, so labels must come before anything that moves rows.
  .refine((r) => r.steps.every((s, i) => s.op !== 'label' || r.steps.slice(0, i).every((p) => p.op === 'label')), {
    message: 'label steps must come first: their row numbers refer to the parent version',
    path: ['steps'],
  });
export type Recipe = z.output<typeof Recipe>;
export type RecipeInput = z.input<typeof Recipe>;
