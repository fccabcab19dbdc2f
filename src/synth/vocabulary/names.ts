/**
 * Names common in South Africa, to compose fictional people. Any resemblance
 * of a composed name to a real person is a coincidence of common names.
 */

export const SURNAMES = [
  'Dlamini', 'Nkosi', 'Ndlovu', 'Khumalo', 'Mokoena', 'Mahlangu', 'Sithole', 'Mthembu', 'Ngcobo', 'Zulu',
  'Mabaso', 'Molefe', 'Maseko', 'Baloyi', 'Maluleke', 'Chauke', 'Mathebula', 'Shabalala', 'Buthelezi', 'Mkhize',
  'Zwane', 'Hlongwane', 'Radebe', 'Nxumalo', 'Mnguni', 'Ntuli', 'Cele', 'Gumede', 'Mthethwa', 'Xaba',
  'Mazibuko', 'Majola', 'Mbatha', 'Ngubane', 'Shezi', 'Vilakazi', 'Zungu', 'Mdlalose', 'Ximba', 'Luthuli',
  'Mokgadi', 'Motaung', 'Mofokeng', 'Tshabalala', 'Letsoalo', 'Mashaba', 'Masilela', 'Mokwena', 'Moloi', 'Nkuna',
  'Phiri', 'Sibiya', 'Makhubela', 'Mohlala', 'Modise', 'Sekgobela', 'Ramokgopa', 'Rakgoale', 'Mogale', 'Seabi',
  'Ramaboa', 'Kekana', 'Lekganyane', 'Manamela', 'Mashego', 'Mabuza', 'Nemukula', 'Netshitenzhe', 'Mudau', 'Ramovha',
  'Tshivhase', 'Mavhungu', 'Ravele', 'Makhado', 'Sebola', 'Masemola', 'Mojapelo', 'Moleko', 'Thobejane', 'Seleka',
  'Mbeki', 'Sisulu', 'Tambo', 'Qwabe', 'Mgijima', 'Mpofu', 'Ntshona', 'Jali', 'Mqhayi', 'Gqirana',
  'Nqakula', 'Makeleni', 'Mdoda', 'Mtshali', 'Bokaba', 'Tau', 'Sehume', 'Mohapi', 'Lekota', 'Motsoeneng',
  'Naidoo', 'Pillay', 'Govender', 'Moodley', 'Reddy', 'Chetty', 'Singh', 'Maharaj', 'Padayachee', 'Naicker',
  'Mohamed', 'Ismail', 'Patel', 'Essop', 'Kader', 'Jacobs', 'Adams', 'Williams', 'Petersen', 'Abrahams',
  'Hendricks', 'Isaacs', 'Arendse', 'Daniels', 'February', 'Davids', 'Fortuin', 'Jansen', 'Meyer', 'Africa',
  'van der Merwe', 'Botha', 'Pretorius', 'du Plessis', 'Nel', 'Venter', 'Coetzee', 'Smit', 'Fourie', 'Steyn',
  'Kruger', 'Marais', 'Joubert', 'Louw', 'le Roux', 'Visser', 'Swanepoel', 'Erasmus', 'Mostert', 'Rossouw',
  'Smith', 'Brown', 'Taylor', 'Wilson', 'Thompson', 'Walker', 'Roberts', 'Murray', 'Campbell', 'Stewart',
  'Mokonyane', 'Ngema', 'Dube', 'Masondo', 'Kubheka', 'Mhlongo', 'Hadebe', 'Nene', 'Sibisi', 'Ndaba',
] as const;

export const FEMALE_GIVEN_NAMES = [
  'Nomvula', 'Thandiwe', 'Nokuthula', 'Lindiwe', 'Zanele', 'Busisiwe', 'Palesa', 'Lerato', 'Mpho', 'Refilwe',
  'Dineo', 'Keabetswe', 'Nthabiseng', 'Boitumelo', 'Ntombi', 'Sibongile', 'Phumzile', 'Nolwazi', 'Ayanda', 'Zodwa',
  'Naledi', 'Tshegofatso', 'Mmabatho', 'Khensani', 'Rudzani', 'Vhutshilo', 'Noluthando', 'Yolanda', 'Anele', 'Siphokazi',
  'Priya', 'Kamini', 'Fatima', 'Shireen', 'Nadia', 'Charlene', 'Michelle', 'Elizabeth', 'Anna', 'Marietjie',
  'Susan', 'Karen', 'Jacqueline', 'Petronella', 'Grace', 'Gugu', 'Nonhlanhla', 'Pinky', 'Matshidiso', 'Tebogo',
] as const;

export const MALE_GIVEN_NAMES = [
  'Sipho', 'Thabo', 'Mandla', 'Bongani', 'Themba', 'Sibusiso', 'Mpho', 'Kagiso', 'Tshepo', 'Lesego',
  'Tebogo', 'Kgosi', 'Vusi', 'Siyabonga', 'Lwazi', 'Xolani', 'Mthunzi', 'Jabulani', 'Lunga', 'Musa',
  'Khathutshelo', 'Tshilidzi', 'Hlulani', 'Tiyani', 'Lungile', 'Ayanda', 'Mzwandile', 'Luvuyo', 'Zolile', 'Andile',
  'Pravin', 'Rajesh', 'Yusuf', 'Ebrahim', 'Riaan', 'Pieter', 'Johan', 'Willem', 'Hendrik', 'Deon',
  'Michael', 'David', 'John', 'Peter', 'Richard', 'Ashwin', 'Faizel', 'Clifford', 'Ronald', 'Gift',
] as const;
