/**
 * What sessions did with a document (rows of session_document under alias
 * `link`), in programme order: editions oldest first, then the session's
 * place in its programme. The compiled read and the loaders share it.
 */
export const sessionLinkOrder = (link: string) =>
  `(select c.year from "session" s join conference c on c.id = s.conference_id where s.id = ${link}.session_id),
   (select s.conference_id from "session" s where s.id = ${link}.session_id),
   (select s.ordinal from "session" s where s.id = ${link}.session_id), ${link}.id`;
