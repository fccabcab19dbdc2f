import type { IdSequence } from './ids.js';
import type { SynthPerson } from './people.js';
import type { Row } from './tables.js';

/** The longest career a person has (see careerOf). */
const MAX_CAREER_STEPS = 3;

/**
 * Positions are written when a programme first names them, dated as of that
 * edition (the date of the source that states them), as curated positions
 * are. Remembers, per person and career step, the id given, in a typed
 * array: a few megabytes even for 400,000 people.
 */
export class PositionRegistry {
  private readonly ids: Int32Array;

  constructor(people: number, private readonly sequence: IdSequence) {
    this.ids = new Int32Array(people * MAX_CAREER_STEPS);
  }

  /** The id of the person's position at `step`, adding its row to `rows` the first time. */
  idFor(person: SynthPerson, step: number, asOf: string, rows: Array<Row<'position'>>): number {
    const slot = person.index * MAX_CAREER_STEPS + step;
    if (this.ids[slot] === 0) {
      const id = this.sequence.next('position');
      const { title, organisation, acting } = person.career[step]!;
      rows.push({ id, person_id: person.id, title, organisation_id: organisation.id, as_of: asOf, acting });
      this.ids[slot] = id;
    }
    return this.ids[slot]!;
  }
}
