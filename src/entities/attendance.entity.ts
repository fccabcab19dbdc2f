import type { Opt, Rel } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { Field, Int, ObjectType } from 'type-graphql';
import { ConferenceSeries } from './conference-series.entity.js';
import { Conference } from './conference.entity.js';
import { AttendanceKind } from './enums.js';

/**
 * A number of delegates as one source states it. A figure about one edition
 * names that edition; a figure a source gives for every edition of a series
 * ("±400 … are yearly given the opportunity to attend") names no edition.
 */
@Entity()
@Unique({
  name: 'attendance_natural_key',
  expression:
    'create unique index attendance_natural_key on attendance (series_id, conference_id, kind, figure) nulls not distinct',
})
@ObjectType({ description: 'A number of delegates as a source states it: expected or reported, exact or approximate (±).' })
export class Attendance {
  @PrimaryKey()
  id!: number;

  @ManyToOne(() => ConferenceSeries, { deleteRule: 'cascade' })
  series!: Rel<ConferenceSeries>;

  /** The edition the figure is about; absent when the source states it for the whole series. */
  @ManyToOne(() => Conference, { nullable: true, deleteRule: 'cascade' })
  @Index()
  conference?: Rel<Conference>;

  @Field(() => Int, { description: 'The number of delegates, as the source states it (400 for "±400").' })
  @Property()
  figure!: number;

  @Field(() => AttendanceKind, { description: 'Whether the figure was expected beforehand or reported afterwards.' })
  @Enum({ items: () => AttendanceKind, nativeEnumName: 'attendance_kind' })
  kind!: AttendanceKind;

  @Field(() => Boolean, { description: 'Whether the source gives the figure as approximate ("±400", "about 300").' })
  @Property({ type: 'boolean' })
  approximate: Opt<boolean> = false;

  @Field(() => String, { nullable: true, description: 'Who the figure counts, in the words of the source ("senior managers in the Public Service").' })
  @Property({ type: 'text', nullable: true })
  counts?: string | null;
}
