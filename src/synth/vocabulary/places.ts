import type { Random } from '../random.js';

/**
 * Real venues where public-service conferences are held, and invented place
 * names for synthetic municipalities, so that no synthetic municipality
 * passes for a real one.
 */
export const VENUES: ReadonlyArray<readonly [name: string, city: string]> = [
  ['Cape Town International Convention Centre', 'Cape Town'],
  ['Cape Sun Hotel', 'Cape Town'],
  ['Sandton Convention Centre', 'Johannesburg'],
  ['Gallagher Convention Centre', 'Midrand'],
  ['Birchwood Hotel and OR Tambo Conference Centre', 'Boksburg'],
  ['Emperors Palace', 'Kempton Park'],
  ['Inkosi Albert Luthuli International Convention Centre', 'Durban'],
  ['Boardwalk Convention Centre', 'Nelson Mandela Bay'],
  ['CSIR International Convention Centre', 'Pretoria'],
  ['Ranch Resort', 'Polokwane'],
  ['Ingwenyama Conference and Sport Resort', 'White River'],
  ['Windmill Casino', 'Bloemfontein'],
  ['East London International Convention Centre', 'East London'],
  ['Mmabatho Palms Hotel', 'Mahikeng'],
  ['Mittah Seperepere Convention Centre', 'Kimberley'],
  ['Fancourt Hotel', 'George'],
  ['Champagne Sports Resort', 'Drakensberg'],
  ['Mount Grace Hotel', 'Magaliesburg'],
  ['Sun City Resort', 'Rustenburg'],
  ['Zimbali Resort', 'Ballito'],
];

/** Telephone area codes of the cities above, for contact numbers. */
export const AREA_CODES = ['012', '011', '021', '031', '041', '043', '051', '053', '015', '013', '018'] as const;

const NGUNI_SOTHO_STARTS = ['Ema', 'Emba', 'Enko', 'Ixo', 'Kwa', 'Lu', 'Ma', 'Mbo', 'Mpu', 'Mse', 'Ntsi', 'Nqo', 'Ba', 'Bo', 'Tha', 'Tla', 'Mo', 'Se', 'Tsho', 'Ra'];
const NGUNI_SOTHO_MIDDLES = ['ba', 'be', 'bu', 'dla', 'ka', 'ku', 'la', 'le', 'lo', 'ma', 'mbu', 'ndi', 'ne', 'ngo', 'nya', 'phu', 'si', 'tshe', 'tu', 'zi', 'fe', 'qe', 'ge', 'kho'];
const NGUNI_SOTHO_ENDS = ['ni', 'ne', 'la', 'ng', 'ndo', 'zi', 'ko', 'tho', 'me', 'lo', 'ane', 'eni', 'weni', 'tse'];
const AFRIKAANS_STARTS = ['Riet', 'Klip', 'Wit', 'Rooi', 'Groot', 'Klein', 'Vaal', 'Doorn', 'Kroon', 'Leeu', 'Olifants', 'Bos', 'Hout', 'Swart', 'Mooi', 'Sand', 'Eland', 'Blou'];
const AFRIKAANS_ENDS = ['fontein', 'vlei', 'kloof', 'berg', 'rivier', 'kop', 'dal', 'poort', 'spruit', 'bosch', 'stad', 'drif'];

/** An invented place name such as "Mbokulani" or "Rietkloof". */
export function placeName(random: Random): string {
  if (random.chance(0.3)) return random.pick(AFRIKAANS_STARTS) + random.pick(AFRIKAANS_ENDS);
  const middles = random.int(1, 2);
  let name = random.pick(NGUNI_SOTHO_STARTS);
  for (let index = 0; index < middles; index++) name += random.pick(NGUNI_SOTHO_MIDDLES);
  return name + random.pick(NGUNI_SOTHO_ENDS);
}
