/**
 * A topic's sessions in programme order, kept beside the links by triggers
 * (migration topic_programme): one row per topic and session, however many
 * links (curated, automatic) join them, with the keys of programme order
 * copied from the session and its edition. Ordered by topic, its index lists
 * a topic's sessions as the API pages them (edition year, edition, the
 * session's place, its id), so a page is a range of the index, where reading
 * it from the links joined every one of the topic's sessions and sorted them.
 */
export const TOPIC_PROGRAMME = 'topic_programme';

/** The programme rows of the topic links in `links` (rows with topic_id and session_id), once per topic and session. */
const programmeOf = (links: string) => `
  insert into "${TOPIC_PROGRAMME}" (topic_id, session_id, edition_year, conference_id, session_ordinal)
  select distinct l.topic_id, l.session_id, c.year, s.conference_id, s.ordinal
    from ${links} l join "session" s on s.id = l.session_id join conference c on c.id = s.conference_id
  on conflict do nothing`;

/** Fills the programme from every topic link (after a bulk load with the triggers off). */
export const refillTopicProgramme = programmeOf('session_topic');

/** The statements that create the programme table, fill it and keep it true as links, sessions and editions change. */
export const createTopicProgramme: readonly string[] = [
  `create table "${TOPIC_PROGRAMME}" (
     "topic_id" int not null references "topic" ("id") on delete cascade,
     "session_id" int not null references "session" ("id") on delete cascade,
     "edition_year" int not null,
     "conference_id" int not null,
     "session_ordinal" int not null,
     primary key ("session_id", "topic_id"))`,
  `comment on table "${TOPIC_PROGRAMME}" is 'Derived from session_topic, session and conference by triggers (migration topic_programme): each topic''s sessions with the keys of programme order.'`,
  refillTopicProgramme,
  `create index "${TOPIC_PROGRAMME}_order_index" on "${TOPIC_PROGRAMME}" ("topic_id", "edition_year", "conference_id", "session_ordinal", "session_id")`,
  // A pair leaves the programme when its last link goes; a changed link leaves its old pair and adds its new one.
  `create function "lekgotla_topic_programme_after_session_topic"() returns trigger language plpgsql as $$
     begin
       if tg_op in ('DELETE', 'UPDATE') then
         delete from "${TOPIC_PROGRAMME}" p using old_rows o
          where p.session_id = o.session_id and p.topic_id = o.topic_id
            and not exists (select 1 from session_topic st where st.session_id = o.session_id and st.topic_id = o.topic_id);
       end if;
       if tg_op in ('INSERT', 'UPDATE') then
         ${programmeOf('new_rows')};
       end if;
       return null;
     end
   $$`,
  `create trigger "session_topic_programme_insert" after insert on "session_topic" referencing new table as new_rows for each statement execute function "lekgotla_topic_programme_after_session_topic"()`,
  `create trigger "session_topic_programme_update" after update on "session_topic" referencing old table as old_rows new table as new_rows for each statement execute function "lekgotla_topic_programme_after_session_topic"()`,
  `create trigger "session_topic_programme_delete" after delete on "session_topic" referencing old table as old_rows for each statement execute function "lekgotla_topic_programme_after_session_topic"()`,
  // A session moved to another edition or place in the programme takes its keys along.
  `create function "lekgotla_topic_programme_after_session"() returns trigger language plpgsql as $$
     begin
       update "${TOPIC_PROGRAMME}" p set edition_year = c.year, conference_id = n.conference_id, session_ordinal = n.ordinal
         from new_rows n join conference c on c.id = n.conference_id
        where p.session_id = n.id
          and (p.edition_year, p.conference_id, p.session_ordinal) is distinct from (c.year, n.conference_id, n.ordinal);
       return null;
     end
   $$`,
  `create trigger "session_programme_update" after update on "session" referencing new table as new_rows for each statement execute function "lekgotla_topic_programme_after_session"()`,
  // An edition whose year is corrected moves its sessions in every topic's programme.
  `create function "lekgotla_topic_programme_after_conference"() returns trigger language plpgsql as $$
     begin
       update "${TOPIC_PROGRAMME}" p set edition_year = n.year
         from new_rows n join "session" s on s.conference_id = n.id
        where p.session_id = s.id and p.edition_year <> n.year;
       return null;
     end
   $$`,
  `create trigger "conference_programme_update" after update on "conference" referencing new table as new_rows for each statement execute function "lekgotla_topic_programme_after_conference"()`,
];

/** The statements that undo createTopicProgramme. */
export const dropTopicProgramme: readonly string[] = [
  `drop trigger if exists "conference_programme_update" on "conference"`,
  `drop function if exists "lekgotla_topic_programme_after_conference"()`,
  `drop trigger if exists "session_programme_update" on "session"`,
  `drop function if exists "lekgotla_topic_programme_after_session"()`,
  ...['insert', 'update', 'delete'].map((event) => `drop trigger if exists "session_topic_programme_${event}" on "session_topic"`),
  `drop function if exists "lekgotla_topic_programme_after_session_topic"()`,
  `drop table if exists "${TOPIC_PROGRAMME}"`,
];
