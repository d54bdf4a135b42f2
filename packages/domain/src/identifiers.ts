/**
 * Finds direct identifiers in free text, so the form can warn before a personal identity number
 * (personnummer, samordningsnummer) or a phone number is written where the structured fields belong.
 * A warning only: the reporter decides.
 */
export type IdentifierKind = 'personal_identity_number' | 'phone_number' | 'email_address';

const personalIdentityNumber = /(?<!\d)(?:19|20)?(\d{2})(\d{2})(\d{2})[-+ ]?(\d{4})(?!\d)/g;
const phoneNumber = /(?<![\d-])(?:\+46|0)7\d[ -]?\d{3}[ -]?\d{2}[ -]?\d{2}(?!\d)/g;
const emailAddress = /[\w.+-]+@[\w-]+\.[\w.-]+/g;

export function findDirectIdentifiers(text: string): IdentifierKind[] {
  const found = new Set<IdentifierKind>();
  for (const match of text.matchAll(personalIdentityNumber)) {
    const [, year, month, day, last] = match as unknown as [string, string, string, string, string];
    if (isPlausibleDate(Number(month), Number(day)) && passesLuhn(`${year}${month}${day}${last}`)) {
      found.add('personal_identity_number');
    }
  }
  if (phoneNumber.test(text)) found.add('phone_number');
  phoneNumber.lastIndex = 0;
  if (emailAddress.test(text)) found.add('email_address');
  emailAddress.lastIndex = 0;
  return [...found];
}

/** Day 61–91 is a coordination number (samordningsnummer): the day plus 60. */
function isPlausibleDate(month: number, day: number): boolean {
  const dayOfMonth = day > 60 ? day - 60 : day;
  return month >= 1 && month <= 12 && dayOfMonth >= 1 && dayOfMonth <= 31;
}

function passesLuhn(tenDigits: string): boolean {
  let sum = 0;
  for (let index = 0; index < tenDigits.length; index += 1) {
    let digit = Number(tenDigits[index]) * (index % 2 === 0 ? 2 : 1);
    if (digit > 9) digit -= 9;
    sum += digit;
  }
  return sum % 10 === 0;
}
