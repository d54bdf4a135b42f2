import { AppError, fieldError } from './app-error.ts';

/** Which field a unique constraint guards, so a duplicate answers 409 naming the field. */
const uniqueFields: Record<string, { path: string; en: string; sv: string }> = {
  people_tenant_id_email_key: {
    path: 'email',
    en: 'A person with this e-mail exists',
    sv: 'En person med denna e-postadress finns redan',
  },
  people_tenant_id_employee_number_key: {
    path: 'employeeNumber',
    en: 'A person with this employee number exists',
    sv: 'En person med detta anställningsnummer finns redan',
  },
  org_units_tenant_id_code_key: {
    path: 'code',
    en: 'A unit with this code exists',
    sv: 'En enhet med denna kod finns redan',
  },
  parties_tenant_id_abbreviation_key: {
    path: 'abbreviation',
    en: 'A party with this abbreviation exists',
    sv: 'Ett parti med denna förkortning finns redan',
  },
  accounts_email_key: {
    path: 'email',
    en: 'An account with this e-mail exists',
    sv: 'Ett konto med denna e-postadress finns redan',
  },
};

/** Turns a unique violation from either driver into a 409 AppError; rethrows anything else. */
export function rethrowConstraintViolation(error: unknown): never {
  const details = error as { code?: string; constraint?: string };
  if (details?.code === '23505') {
    const field = details.constraint ? uniqueFields[details.constraint] : undefined;
    throw new AppError('conflict', {
      errors: field ? [fieldError(field.path, 'duplicate', field.en, field.sv)] : [],
    });
  }
  throw error;
}
