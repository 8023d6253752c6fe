import { writeFileSync } from 'node:fs';

/** Data files the Train end-to-end tests import: seeded, so the runs are the same every time. */

const CHURN_ROWS = 3000;
const PLANS = ['basic', 'pro', 'team'];

/** A seeded generator, so the files (and so the runs) are the same every time. */
export function seeded(seed: number) {
  let state = seed;
  return () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
}

/**
 * 3,000 customers. churned = 1 exactly when 2.5·x1 − 2·x2 + (plan = pro) + u > 0 with u uniform in
 * ±0.5: the label is a linear rule of the features up to a little noise, so a linear classifier
 * ranks almost every pair right (ROC AUC well above 0.9). spend is linear in x1 and x3 plus noise.
 */
export function writeChurn(file: string): void {
  const rnd = seeded(7);
  const lines = ['id,x1,x2,x3,plan,noise,spend,churned'];
  for (let i = 0; i < CHURN_ROWS; i++) {
    const [x1, x2, x3] = [rnd() * 4 - 2, rnd() * 4 - 2, rnd() * 2];
    const plan = PLANS[i % 3]!;
    const churned = 2.5 * x1 - 2 * x2 + (plan === 'pro' ? 1 : 0) + (rnd() - 0.5) > 0 ? 1 : 0;
    lines.push(`${i + 1},${x1.toFixed(4)},${x2.toFixed(4)},${x3.toFixed(4)},${plan},${rnd().toFixed(4)},${(10 + 3 * x1 + 2 * x3 + rnd()).toFixed(3)},${churned}`);
  }
  writeFileSync(file, `${lines.join('\n')}\n`);
}
