import type { ParticipationRecord } from '../loaders/record-types.js';
import type { Context } from '../context.js';

/**
 * A person's participations ordered as they happened: by edition, then day,
 * then the session's place in the programme.
 */
export async function participationsInDateOrder(context: Context, personId: number): Promise<ParticipationRecord[]> {
  return inDateOrder(context, await context.loaders.participationsOfPerson.load(personId), { byListing: false });
}

/**
 * Participations ordered as they happened: by edition (its start date, or its
 * year for an undated one), then day, then the session's place in the
 * programme, a day's chair before the day's sessions; with `byListing`, then
 * as each session lists its people. The id settles the rest.
 */
export async function inDateOrder(context: Context, participations: ParticipationRecord[], { byListing }: { byListing: boolean }): Promise<ParticipationRecord[]> {
  const { loaders } = context;
  const keyed = await Promise.all(
    participations.map(async (participation) => {
      const session = participation.session ? await loaders.session.get(participation.session.id) : null;
      const dayId = participation.day?.id ?? session?.day?.id;
      const day = dayId ? await loaders.day.get(dayId) : null;
      const conferenceId = session?.conference.id ?? day?.conference.id;
      const conference = conferenceId ? await loaders.conference.get(conferenceId) : null;
      const key = [
        conference?.startDate ?? `${conference?.year ?? 9999}-99-99`,
        conference?.id ?? 0,
        day?.number ?? 0,
        // A day's chair opens the day, before its sessions.
        session ? session.ordinal + 1 : 0,
        byListing ? participation.ordinal : 0,
      ] as const;
      return { participation, key };
    }),
  );
  return keyed
    .sort((a, b) => {
      for (let index = 0; index < a.key.length; index += 1) {
        const left = a.key[index]!;
        const right = b.key[index]!;
        if (left < right) return -1;
        if (left > right) return 1;
      }
      return a.participation.id - b.participation.id;
    })
    .map(({ participation }) => participation);
}
