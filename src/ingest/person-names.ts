/** How a person is shown: "Prof R M Levin", "Adv Misser", "Ms G J Fraser-Moleketi". */
export function displayNameOf(person: { honorific?: string; initials?: string; givenNames?: string; surname: string }): string {
  return [person.honorific, person.givenNames ?? person.initials, person.surname].filter(Boolean).join(' ');
}
