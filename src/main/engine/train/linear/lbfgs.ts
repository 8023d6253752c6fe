/**
 * Limited-memory BFGS (Nocedal & Wright, Numerical Optimization, algorithm 7.4 and 7.5) with a
 * backtracking line search on the Armijo condition. Small and deterministic; enough for smooth,
 * convex objectives such as L2-regularised logistic regression.
 */
export interface Objective {
  /** Writes the gradient at w into grad and returns the value. */
  (w: Float64Array, grad: Float64Array): number;
}

export interface LbfgsOptions {
  maxIterations: number;
  /** Stop when the largest gradient component falls below this. */
  gradientTolerance: number;
  /** Stop when the value improves by less than this, relatively. */
  valueTolerance: number;
  memory?: number;
  /**
   * Curvature pairs (s, y) to start from, e.g. those of a fit on a subsample of the same problem:
   * the first steps then use a Hessian estimate instead of plain gradient descent.
   */
  history?: { s: Float64Array[]; y: Float64Array[] };
  /** Called after each iteration; return false to stop (cancel). */
  onIteration?(iteration: number, value: number, w: Float64Array): boolean | void;
}

export interface LbfgsResult {
  w: Float64Array;
  /** The curvature pairs at the end, to warm-start a related problem. */
  history: { s: Float64Array[]; y: Float64Array[] };
  value: number;
  iterations: number;
  converged: boolean;
}

const dot = (a: Float64Array, b: Float64Array) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
};
const maxAbs = (a: Float64Array) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]!));
  return m;
};

export function lbfgs(f: Objective, start: Float64Array, options: LbfgsOptions): LbfgsResult {
  const n = start.length;
  const m = options.memory ?? 10;
  let w = Float64Array.from(start);
  let g = new Float64Array(n);
  let value = f(w, g);
  const s: Float64Array[] = [...(options.history?.s ?? [])].slice(-m);
  const y: Float64Array[] = [...(options.history?.y ?? [])].slice(-m);
  const rho: number[] = s.map((sk, k) => 1 / dot(sk, y[k]!));
  const direction = new Float64Array(n);
  const alpha = new Float64Array(m);
  let nextW = new Float64Array(n);
  let nextG = new Float64Array(n);

  for (let iteration = 1; iteration <= options.maxIterations; iteration++) {
    if (maxAbs(g) < options.gradientTolerance) return { w, history: { s, y }, value, iterations: iteration - 1, converged: true };
    // Two-loop recursion: direction = −H·g.
    for (let i = 0; i < n; i++) direction[i] = -g[i]!;
    for (let k = s.length - 1; k >= 0; k--) {
      alpha[k] = rho[k]! * dot(s[k]!, direction);
      const yk = y[k]!;
      for (let i = 0; i < n; i++) direction[i]! -= alpha[k]! * yk[i]!;
    }
    if (s.length) {
      const last = s.length - 1;
      const gamma = dot(s[last]!, y[last]!) / dot(y[last]!, y[last]!);
      for (let i = 0; i < n; i++) direction[i]! *= gamma;
    } else {
      // First step: a gradient step scaled so it moves by at most 1 in any coordinate.
      const scale = 1 / Math.max(1, maxAbs(g));
      for (let i = 0; i < n; i++) direction[i]! *= scale;
    }
    for (let k = 0; k < s.length; k++) {
      const beta = rho[k]! * dot(y[k]!, direction);
      const sk = s[k]!;
      for (let i = 0; i < n; i++) direction[i]! += (alpha[k]! - beta) * sk[i]!;
    }
    let slope = dot(g, direction);
    if (slope >= 0) {
      // Not a descent direction (numerical trouble): restart from steepest descent.
      s.length = y.length = rho.length = 0;
      for (let i = 0; i < n; i++) direction[i] = -g[i]!;
      slope = dot(g, direction);
    }
    let step = 1;
    let nextValue = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 40; tries++) {
      for (let i = 0; i < n; i++) nextW[i] = w[i]! + step * direction[i]!;
      nextValue = f(nextW, nextG);
      if (nextValue <= value + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(nextValue < value) && !(nextValue <= value + 1e-4 * step * slope)) return { w, history: { s, y }, value, iterations: iteration, converged: false };
    const sk = new Float64Array(n);
    const yk = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      sk[i] = nextW[i]! - w[i]!;
      yk[i] = nextG[i]! - g[i]!;
    }
    const sy = dot(sk, yk);
    if (sy > 1e-12) {
      if (s.length === m) {
        s.shift();
        y.shift();
        rho.shift();
      }
      s.push(sk);
      y.push(yk);
      rho.push(1 / sy);
    }
    const improvement = (value - nextValue) / Math.max(Math.abs(value), Math.abs(nextValue), 1);
    [w, nextW] = [nextW, w];
    [g, nextG] = [nextG, g];
    value = nextValue;
    if (options.onIteration?.(iteration, value, w) === false) return { w, history: { s, y }, value, iterations: iteration, converged: false };
    if (improvement < options.valueTolerance) return { w, history: { s, y }, value, iterations: iteration, converged: true };
  }
  return { w, history: { s, y }, value, iterations: options.maxIterations, converged: false };
}
