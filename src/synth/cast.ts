import { SECTORS, type Sector } from './organisations.js';
import type { Random } from './random.js';

type Pool = { members: number[]; introduced: number };

/** How often a speaking slot goes to someone who has not spoken before. */
const NEWCOMER_SHARE = 0.3;
/** How often a series draws on its own sector (a municipal forum hears mostly municipal people). */
const OWN_SECTOR_SHARE = 0.65;

/**
 * Chooses who speaks. People enter programmes in a steady trickle and then
 * return, the early ones most often, as regulars do; senior slots (chairs,
 * keynotes, opening addresses) go to people whose careers reach senior rungs.
 */
export class Cast {
  private readonly everyone = new Map<Sector, Pool>(SECTORS.map((sector) => [sector, { members: [], introduced: 0 }]));
  private readonly seniors = new Map<Sector, Pool>(SECTORS.map((sector) => [sector, { members: [], introduced: 0 }]));

  add(person: { index: number; sector: Sector; senior: boolean }): void {
    this.everyone.get(person.sector)!.members.push(person.index);
    if (person.senior) this.seniors.get(person.sector)!.members.push(person.index);
  }

  /** A person's index, from the series' own sector most of the time. */
  pick(random: Random, ownSector: Sector, senior: boolean): number {
    const sector = random.chance(OWN_SECTOR_SHARE) ? ownSector : random.pick(SECTORS);
    const pool = this.poolFor(senior ? this.seniors : this.everyone, sector) ?? this.poolFor(this.everyone, sector)!;
    if (pool.introduced < pool.members.length && (pool.introduced === 0 || random.chance(NEWCOMER_SHARE))) {
      return pool.members[pool.introduced++]!;
    }
    // Half uniformly among those already heard, half favouring the early ones: the regulars.
    const spread = random.chance(0.5) ? random.float() : random.float() * random.float();
    return pool.members[Math.floor(spread * pool.introduced)]!;
  }

  private poolFor(pools: Map<Sector, Pool>, sector: Sector): Pool | undefined {
    const own = pools.get(sector)!;
    if (own.members.length > 0) return own;
    return SECTORS.map((other) => pools.get(other)!).find((pool) => pool.members.length > 0);
  }
}
