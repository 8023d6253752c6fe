/**
 * A seeded shop table for export tests, one target per task: bought (binary), tier (3 classes),
 * spend (regression). What an export must survive is in every split: missing numbers (a, year),
 * missing categories (plan, flag), a year column whose mean (~2005) is large beside its spread
 * (float32 inputs lose digits there), 80 one-row plans beyond the 50 levels kept (the "other"
 * bucket; those in the test rows were never seen in training), and a boolean column.
 */
export function shopCsv(rows: number, seed = 29): string {
  let s = seed;
  const rand = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const lines = ['a,year,plan,flag,bought,tier,spend'];
  const plans = ['basic', 'plus', 'pro', 'team'];
  for (let i = 0; i < rows; i++) {
    const a = rand() * 10;
    const year = 1990 + rand() * 30;
    const plan = i % 37 === 5 ? `one-off-${i % 80}` : plans[Math.floor(rand() * rand() * 4)]!;
    const flag = rand() < 0.5;
    const effect = plan === 'pro' ? 2 : plan === 'basic' ? -1 : 0;
    const score = a - 5 + 0.1 * (year - 2005) + effect + (flag ? 0.5 : 0) + (rand() - 0.5) * 3;
    const missing = (k: number) => i % k === 3;
    lines.push(
      [
        missing(11) ? '' : a.toFixed(4),
        missing(19) ? '' : year.toFixed(3),
        missing(13) ? '' : plan,
        missing(17) ? '' : String(flag),
        score > 0 ? 'yes' : 'no',
        score < -2 ? 'low' : score < 2 ? 'mid' : 'high',
        (40 + 3 * a + 0.5 * (year - 2005) + 4 * effect + rand() * 2).toFixed(3),
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
