/**
 * How the benchmarks and the scale-out tests judge Teams' rate limits: the most requests that arrived within
 * any one-second span (a sliding window, as Teams counts, not calendar seconds).
 */
export function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let end = 0, start = 0; end < sorted.length; end++) {
    while (sorted[end] - sorted[start] >= 1000) start++;
    most = Math.max(most, end - start + 1);
  }
  return most;
}
