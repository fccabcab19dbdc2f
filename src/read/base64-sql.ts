/** SQL for the base64 of `<prefix><value>`, as graphql-relay writes global ids and cursors (short, so one line). */
export const base64Of = (prefix: string, value: string) => `encode(convert_to('${prefix}' || ${value}, 'UTF8'), 'base64')`;
