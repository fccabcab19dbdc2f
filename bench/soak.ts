/**
 * The RSS figures of a soak (bench/run.ts --soak S): Lekgotla under load for
 * S seconds, its VmRSS read every few seconds, to tell a heap that settles
 * from one that keeps growing.
 */

/** One VmRSS reading, `seconds` after the load began. */
export type RssSample = { seconds: number; rssMb: number };

export type RssTrend = {
  /** The first minute, or the first 20 % of a run shorter than five minutes: the heap, caches and JIT settle. */
  warmUpSeconds: number;
  /** The first reading at or after the end of the warm-up. */
  rssAfterWarmUpMb: number | null;
  rssAtEndMb: number | null;
  maxRssMb: number | null;
  /** Least squares over the readings after the warm-up. */
  slopeAfterWarmUpMbPerMin: number | null;
  /** Least squares over the second half of the readings: the target's test, less swayed by a slow settling. */
  slopeSecondHalfMbPerMin: number | null;
};

/** Least-squares slope of RSS against time, in MB per minute; null when it cannot be told (fewer than two times). */
export function slopeMbPerMinute(samples: RssSample[]): number | null {
  if (samples.length < 2) return null;
  const meanMinutes = samples.reduce((sum, sample) => sum + sample.seconds / 60, 0) / samples.length;
  const meanMb = samples.reduce((sum, sample) => sum + sample.rssMb, 0) / samples.length;
  let covariance = 0;
  let variance = 0;
  for (const sample of samples) {
    const dx = sample.seconds / 60 - meanMinutes;
    covariance += dx * (sample.rssMb - meanMb);
    variance += dx * dx;
  }
  return variance === 0 ? null : covariance / variance;
}

export function rssTrend(samples: RssSample[], seconds: number): RssTrend {
  const warmUpSeconds = seconds >= 300 ? 60 : seconds * 0.2;
  const settled = samples.filter((sample) => sample.seconds >= warmUpSeconds);
  return {
    warmUpSeconds,
    rssAfterWarmUpMb: settled[0]?.rssMb ?? null,
    rssAtEndMb: samples.at(-1)?.rssMb ?? null,
    maxRssMb: samples.length > 0 ? Math.max(...samples.map((sample) => sample.rssMb)) : null,
    slopeAfterWarmUpMbPerMin: slopeMbPerMinute(settled),
    slopeSecondHalfMbPerMin: slopeMbPerMinute(samples.slice(Math.floor(samples.length / 2))),
  };
}

/**
 * No growth: RSS at the end at most 10 % above RSS after the warm-up, and
 * still rising by less than 2 MB a minute over the second half; null when the
 * run was too short to tell.
 */
export function noRssGrowth(trend: RssTrend): boolean | null {
  const { rssAfterWarmUpMb, rssAtEndMb, slopeSecondHalfMbPerMin } = trend;
  if (rssAfterWarmUpMb === null || rssAtEndMb === null || slopeSecondHalfMbPerMin === null) return null;
  return rssAtEndMb <= 1.1 * rssAfterWarmUpMb && slopeSecondHalfMbPerMin < 2;
}
