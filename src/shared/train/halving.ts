/**
 * Successive halving's rounds for n trials with reduction factor η: each round keeps the best
 * ⌈n/η⌉ and gives them η times the training rows, ending on all of them.
 * 12 trials, η = 3: 12 on 1/9 of the rows, 4 on 1/3, 2 on all.
 * Shared: the engine plans a search with it, the UI weighs its progress by it.
 */
export function halvingRounds(trials: number, eta = 3): Array<{ keep: number; fraction: number }> {
  const count = Math.floor(Math.log(trials) / Math.log(eta) + 1e-9) + 1;
  const rounds: Array<{ keep: number; fraction: number }> = [];
  let n = trials;
  for (let r = 0; r < count; r++) {
    rounds.push({ keep: n, fraction: eta ** (r - (count - 1)) });
    n = Math.max(1, Math.ceil(n / eta));
  }
  return rounds;
}
