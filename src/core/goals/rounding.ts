/**
 * Controlled rounding of a month × region table of exact shares to whole units.
 *
 * Every cell becomes its exact value rounded down or up; every row total (month) and column total
 * (region) is its exact total rounded down or up; the grand total is exact. Such a rounding always
 * exists (Bacharach 1966; it is an integral flow in the network source → months → regions → sink
 * whose arc bounds are those floors and ceilings, and the exact shares are a fractional flow in it).
 *
 * Where the extra units go (the remainder) — largest remainder first: among all roundings with the
 * properties above, the one whose rounded-up cells have the largest sum of fractional parts. Ties go
 * to the cell with the larger exact value (the unit distorts it least), then to the earlier month,
 * then to the earlier region. Found as a min-cost flow (successive shortest paths, exact BigInt costs).
 */

const ZERO = BigInt(0);
const ONE = BigInt(1);

interface Arc {
  readonly to: number;
  cap: number;
  readonly cost: bigint;
  /** Index of the reverse arc in `graph[to]`. */
  readonly rev: number;
}

class FlowNetwork {
  readonly graph: Arc[][];

  constructor(nodes: number) {
    this.graph = Array.from({ length: nodes }, () => []);
  }

  add(from: number, to: number, cap: number, cost: bigint): Arc {
    const forward: Arc = { to, cap, cost, rev: this.graph[to]!.length };
    const backward: Arc = { to: from, cap: 0, cost: -cost, rev: this.graph[from]!.length };
    this.graph[from]!.push(forward);
    this.graph[to]!.push(backward);
    return forward;
  }

  /** Pushes one unit along a cheapest path (Bellman-Ford queue; costs may be negative, cycles are not). */
  augment(source: number, sink: number): boolean {
    const n = this.graph.length;
    const dist: (bigint | undefined)[] = new Array(n).fill(undefined);
    const via: ({ node: number; arc: number } | undefined)[] = new Array(n).fill(undefined);
    const queued = new Array<boolean>(n).fill(false);
    dist[source] = ZERO;
    const queue = [source];
    queued[source] = true;
    while (queue.length > 0) {
      const node = queue.shift()!;
      queued[node] = false;
      const d = dist[node]!;
      this.graph[node]!.forEach((arc, i) => {
        if (arc.cap <= 0) return;
        const next = d + arc.cost;
        const current = dist[arc.to];
        if (current === undefined || next < current) {
          dist[arc.to] = next;
          via[arc.to] = { node, arc: i };
          if (!queued[arc.to]) {
            queued[arc.to] = true;
            queue.push(arc.to);
          }
        }
      });
    }
    if (dist[sink] === undefined) return false;
    for (let node = sink; node !== source; ) {
      const step = via[node]!;
      const arc = this.graph[step.node]![step.arc]!;
      arc.cap -= 1;
      this.graph[arc.to]![arc.rev]!.cap += 1;
      node = step.node;
    }
    return true;
  }
}

const sum = (values: readonly bigint[]): bigint => values.reduce((a, b) => a + b, ZERO);

/**
 * Rounds `numerators[m][r] / denominator` (all ≥ 0, total a whole number) to whole numbers as
 * described above. Returns the rounded cells.
 */
export function controlledRound(numerators: readonly (readonly bigint[])[], denominator: bigint): bigint[][] {
  const rows = numerators.length;
  const cols = numerators[0]?.length ?? 0;
  const floors = numerators.map((row) => row.map((n) => n / denominator));
  const remainders = numerators.map((row) => row.map((n) => n % denominator));
  const total = sum(numerators.map(sum));
  if (total % denominator !== ZERO) throw new RangeError('the cells do not add up to a whole number of units');
  const extra = Number(total / denominator - sum(floors.map(sum)));
  if (extra === 0) return floors;

  // Bounds on the extra units of each row and column: floor and ceiling of its exact total, less the floors.
  const rowBounds = numerators.map((row, m) => {
    const exact = sum(row);
    const lo = exact / denominator - sum(floors[m]!);
    return { lo: Number(lo), hi: Number(lo) + (exact % denominator === ZERO ? 0 : 1) };
  });
  const colBounds = Array.from({ length: cols }, (_, r) => {
    const exact = sum(numerators.map((row) => row[r]!));
    const lo = exact / denominator - sum(floors.map((row) => row[r]!));
    return { lo: Number(lo), hi: Number(lo) + (exact % denominator === ZERO ? 0 : 1) };
  });

  // Cell preference: remainder first (scaled by `spread`), then a tie-break rank that fits below it.
  const cells: { m: number; r: number }[] = [];
  for (let m = 0; m < rows; m++) for (let r = 0; r < cols; r++) if (remainders[m]![r]! > ZERO) cells.push({ m, r });
  const order = [...cells].sort((a, b) => {
    const na = numerators[a.m]![a.r]!;
    const nb = numerators[b.m]![b.r]!;
    if (na !== nb) return na > nb ? -1 : 1;
    return a.m - b.m || a.r - b.r;
  });
  const tieBreak = new Map(order.map((cell, i) => [`${cell.m}:${cell.r}`, BigInt(order.length - i)]));
  const spread = BigInt(order.length) * BigInt(order.length) + ONE;
  const big = BigInt(order.length) * (denominator * spread + spread) + ONE;

  const source = 0;
  const sink = rows + cols + 1;
  const net = new FlowNetwork(rows + cols + 2);
  rowBounds.forEach(({ lo, hi }, m) => {
    if (lo > 0) net.add(source, 1 + m, lo, -big);
    if (hi > lo) net.add(source, 1 + m, hi - lo, ZERO);
  });
  colBounds.forEach(({ lo, hi }, r) => {
    if (lo > 0) net.add(1 + rows + r, sink, lo, -big);
    if (hi > lo) net.add(1 + rows + r, sink, hi - lo, ZERO);
  });
  const cellArcs = cells.map((cell) => ({
    cell,
    arc: net.add(1 + cell.m, 1 + rows + cell.r, 1, -(remainders[cell.m]![cell.r]! * spread + tieBreak.get(`${cell.m}:${cell.r}`)!)),
  }));
  for (let k = 0; k < extra; k++) {
    if (!net.augment(source, sink)) throw new Error('controlled rounding found no way to place the remainder');
  }

  const result = floors.map((row) => [...row]);
  for (const { cell, arc } of cellArcs) if (arc.cap === 0) result[cell.m]![cell.r]! += ONE;
  return result;
}
