import { addDays, addMonths, type Role, requiresSecondFactor, stockholmDate, validUntilOf } from '@varn/domain';
import { hashPassword } from '../auth/password.ts';
import type { Config } from '../platform/config.ts';
import type { Db } from '../platform/database.ts';
import { encryptField } from '../platform/field-encryption.ts';
import { seedDefaultChecklistTemplates } from '../security-walks/templates.ts';
import { seedDemoProgrammeAndDrills } from './demo-programme.ts';

export interface DemoLogin {
  role: Role;
  name: string;
  email: string;
  password: string;
  /** Base32 TOTP secret for roles that need a second factor; add it to any authenticator app. */
  totpSecret: string | null;
}

export const demoPassword = 'Demo-Varn-2026';
// A fixed, published secret: the demo tenant is for trying the product, never for real data.
export const demoTotpSecret = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

type UnitSpec = {
  code: string;
  name: string;
  kind: 'board' | 'administration' | 'department' | 'unit';
  parent?: string;
};

// The seeds' world: a city executive office with its security department, the labour-market board
// and administration with Jobbtorg, adult education and financial aid, and an education board.
const units: UnitSpec[] = [
  { code: 'KS', name: 'Kommunstyrelsen', kind: 'board' },
  { code: 'SLK', name: 'Stadsledningskontoret', kind: 'administration', parent: 'KS' },
  { code: 'SLK-SAK', name: 'Säkerhetsavdelningen', kind: 'department', parent: 'SLK' },
  { code: 'SLK-TIB', name: 'Beredskap och TiB', kind: 'unit', parent: 'SLK-SAK' },
  { code: 'AMN', name: 'Arbetsmarknadsnämnden', kind: 'board' },
  { code: 'AMF', name: 'Arbetsmarknadsförvaltningen', kind: 'administration', parent: 'AMN' },
  { code: 'AMF-JT', name: 'Jobbtorg Stockholm', kind: 'department', parent: 'AMF' },
  { code: 'AMF-JT-CITY', name: 'Jobbtorg City', kind: 'unit', parent: 'AMF-JT' },
  { code: 'AMF-JT-JARVA', name: 'Jobbtorg Järva', kind: 'unit', parent: 'AMF-JT' },
  { code: 'AMF-JT-SODER', name: 'Jobbtorg Söderort', kind: 'unit', parent: 'AMF-JT' },
  { code: 'AMF-JT-KAA', name: 'Uppsökande verksamhet KAA', kind: 'unit', parent: 'AMF-JT' },
  { code: 'AMF-UJC', name: 'Utbildnings- och jobbcenter', kind: 'department', parent: 'AMF' },
  { code: 'AMF-SFI', name: 'SFI Stockholm', kind: 'unit', parent: 'AMF-UJC' },
  { code: 'AMF-KOMVUX', name: 'Komvux Stockholm', kind: 'unit', parent: 'AMF-UJC' },
  { code: 'AMF-EKB', name: 'Socialtjänst – ekonomiskt bistånd', kind: 'department', parent: 'AMF' },
  { code: 'AMF-EKB-C', name: 'Ekonomiskt bistånd Centrum', kind: 'unit', parent: 'AMF-EKB' },
  { code: 'UN', name: 'Utbildningsnämnden', kind: 'board' },
  { code: 'UTF', name: 'Utbildningsförvaltningen', kind: 'administration', parent: 'UN' },
  { code: 'UTF-GY', name: 'Exempelgymnasiet', kind: 'unit', parent: 'UTF' },
];

const sites = [
  { unit: 'SLK-SAK', name: 'Stadshuset', street: 'Hantverkargatan 1', postal: '111 52', city: 'Stockholm' },
  { unit: 'AMF-JT-CITY', name: 'Jobbtorg City', street: 'Kungsgatan 12', postal: '111 43', city: 'Stockholm' },
  { unit: 'AMF-JT-JARVA', name: 'Jobbtorg Järva', street: 'Rinkebystråket 9', postal: '163 73', city: 'Spånga' },
  { unit: 'AMF-JT-SODER', name: 'Jobbtorg Söderort', street: 'Götgatan 160', postal: '122 45', city: 'Enskede' },
  {
    unit: 'AMF-SFI',
    name: 'SFI Stockholm, Liljeholmen',
    street: 'Liljeholmsvägen 30',
    postal: '117 61',
    city: 'Stockholm',
  },
  { unit: 'AMF-KOMVUX', name: 'Komvux Stockholm, Kista', street: 'Kistagången 20', postal: '164 40', city: 'Kista' },
  {
    unit: 'AMF-EKB-C',
    name: 'Ekonomiskt bistånd Centrum',
    street: 'Fleminggatan 18',
    postal: '112 26',
    city: 'Stockholm',
  },
  { unit: 'UTF-GY', name: 'Exempelgymnasiet', street: 'Skolgatan 5', postal: '118 60', city: 'Stockholm' },
];

const parties = [
  { abbreviation: 'S', name: 'Socialdemokraterna', officials: 8 },
  { abbreviation: 'M', name: 'Moderaterna', officials: 6 },
  { abbreviation: 'V', name: 'Vänsterpartiet', officials: 4 },
  { abbreviation: 'L', name: 'Liberalerna', officials: 3 },
  { abbreviation: 'SD', name: 'Sverigedemokraterna', officials: 3 },
  { abbreviation: 'MP', name: 'Miljöpartiet', officials: 3 },
  { abbreviation: 'C', name: 'Centerpartiet', officials: 2 },
  { abbreviation: 'KD', name: 'Kristdemokraterna', officials: 1 },
];

const givenNames = [
  'Anna',
  'Erik',
  'Maria',
  'Johan',
  'Sara',
  'Ali',
  'Fatima',
  'Lars',
  'Elin',
  'Mohammed',
  'Karin',
  'Oskar',
  'Leila',
  'Nils',
  'Ida',
  'Hassan',
  'Emma',
  'Per',
  'Amira',
  'Gustav',
];
const familyNames = [
  'Andersson',
  'Berg',
  'Carlsson',
  'Dahl',
  'Ek',
  'Forsberg',
  'Gustafsson',
  'Holm',
  'Ibrahim',
  'Jonsson',
  'Karlsson',
  'Lindqvist',
  'Mohammadi',
  'Nyström',
  'Olsson',
  'Persson',
  'Qureshi',
  'Richter',
  'Sandberg',
  'Tran',
];

/** A name from the lists that differs for every n (up to 400) and is the same on every run. */
function inventedName(n: number): { givenName: string; familyName: string } {
  return {
    givenName: givenNames[n % 20] as string,
    familyName: familyNames[(n * 7 + Math.floor(n / 20)) % 20] as string,
  };
}

type DemoUserSpec = {
  role: Role;
  email: string;
  givenName: string;
  familyName: string;
  title: string;
  kind: 'employee' | 'elected_official' | 'party_staff';
  unit?: string;
  party?: string;
  scope: { kind: 'tenant' } | { kind: 'org_unit'; unit: string } | { kind: 'party'; party: string } | { kind: 'self' };
};

const demoUsers: DemoUserSpec[] = [
  {
    role: 'administrator',
    email: 'admin@demo.varn.se',
    givenName: 'Alva',
    familyName: 'Admin',
    title: 'Systemförvaltare',
    kind: 'employee',
    unit: 'SLK-SAK',
    scope: { kind: 'tenant' },
  },
  {
    role: 'security_department',
    email: 'sakerhet@demo.varn.se',
    givenName: 'Sofia',
    familyName: 'Säker',
    title: 'Säkerhetsstrateg',
    kind: 'employee',
    unit: 'SLK-SAK',
    scope: { kind: 'tenant' },
  },
  {
    role: 'security_coordinator',
    email: 'samordnare@demo.varn.se',
    givenName: 'Samir',
    familyName: 'Samordnare',
    title: 'Säkerhetssamordnare',
    kind: 'employee',
    unit: 'AMF',
    scope: { kind: 'org_unit', unit: 'AMF' },
  },
  {
    role: 'manager',
    email: 'chef@demo.varn.se',
    givenName: 'Cecilia',
    familyName: 'Chef',
    title: 'Enhetschef',
    kind: 'employee',
    unit: 'AMF-JT-CITY',
    scope: { kind: 'org_unit', unit: 'AMF-JT-CITY' },
  },
  {
    role: 'safety_representative',
    email: 'skyddsombud@demo.varn.se',
    givenName: 'Sven',
    familyName: 'Skydd',
    title: 'Skyddsombud',
    kind: 'employee',
    unit: 'AMF-JT-JARVA',
    scope: { kind: 'org_unit', unit: 'AMF-JT' },
  },
  {
    role: 'employee',
    email: 'medarbetare@demo.varn.se',
    givenName: 'Maja',
    familyName: 'Medarbetare',
    title: 'Arbetsmarknadskonsulent',
    kind: 'employee',
    unit: 'AMF-JT-CITY',
    scope: { kind: 'self' },
  },
  {
    role: 'party_security_contact',
    email: 'partikansli@demo.varn.se',
    givenName: 'Petra',
    familyName: 'Partikansli',
    title: 'Säkerhetskontakt',
    kind: 'party_staff',
    party: 'S',
    scope: { kind: 'party', party: 'S' },
  },
  {
    role: 'elected_official',
    email: 'politiker@demo.varn.se',
    givenName: 'Olof',
    familyName: 'Politiker',
    title: 'Borgarråd',
    kind: 'elected_official',
    party: 'S',
    scope: { kind: 'self' },
  },
  {
    role: 'duty_officer',
    email: 'tib@demo.varn.se',
    givenName: 'Tove',
    familyName: 'Beredskap',
    title: 'Tjänsteperson i beredskap',
    kind: 'employee',
    unit: 'SLK-TIB',
    scope: { kind: 'tenant' },
  },
  {
    role: 'board_reader',
    email: 'namnd@demo.varn.se',
    givenName: 'Nora',
    familyName: 'Nämnd',
    title: 'Nämndsekreterare',
    kind: 'employee',
    unit: 'AMF',
    scope: { kind: 'org_unit', unit: 'AMN' },
  },
];

/** True when no tenant exists yet: the demo is seeded only into an empty database. */
export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.selectFrom('tenants').select('id').limit(1).executeTakeFirst()) === undefined;
}

export interface DemoTenantIdentity {
  slug: string;
  name: string;
  emailDomain: string;
}

const demoTenant: DemoTenantIdentity = { slug: 'demo', name: 'Demo kommun', emailDomain: 'demo.varn.se' };

/** Seeds a demo tenant in one transaction and returns its log-ins. Tests seed a second one. */
export async function seedDemoTenant(db: Db, config: Config, identity = demoTenant): Promise<DemoLogin[]> {
  const email = (address: string) => address.replace('@demo.varn.se', `@${identity.emailDomain}`);
  const passwordHash = await hashPassword(demoPassword);
  return db.transaction().execute(async (transaction) => {
    const tenant = await transaction
      .insertInto('tenants')
      .values({ slug: identity.slug, name: identity.name })
      .returning('id')
      .executeTakeFirstOrThrow();
    const tenantId = tenant.id;
    const unitIds = new Map<string, string>();
    const unitPaths = new Map<string, string>();
    for (const unit of units) {
      const id = crypto.randomUUID();
      const path = `${unit.parent ? unitPaths.get(unit.parent) : '/'}${id}/`;
      const parentId = unit.parent ? (unitIds.get(unit.parent) as string) : null;
      await transaction
        .insertInto('orgUnits')
        .values({ id, tenantId, parentId, kind: unit.kind, name: unit.name, code: unit.code, path })
        .execute();
      unitIds.set(unit.code, id);
      unitPaths.set(unit.code, path);
    }
    const unitId = (code: string) => unitIds.get(code) as string;
    // The office and school checklists every tenant starts its security walks with.
    await seedDefaultChecklistTemplates(transaction, tenantId);
    await transaction
      .insertInto('sites')
      .values(
        sites.map((site) => ({
          tenantId,
          unitId: unitId(site.unit),
          name: site.name,
          streetAddress: site.street,
          postalCode: site.postal,
          city: site.city,
        })),
      )
      .execute();

    const partyIds = new Map<string, string>();
    for (const party of parties) {
      const row = await transaction
        .insertInto('parties')
        .values({
          tenantId,
          name: party.name,
          abbreviation: party.abbreviation,
          officeEmail: email(`kansli.${party.abbreviation.toLowerCase()}@demo.varn.se`),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      partyIds.set(party.abbreviation, row.id);
    }
    const partyId = (abbreviation: string) => partyIds.get(abbreviation) as string;

    // Staff in every unit, and the officials: about 30 specially remunerated, some leisure politicians.
    let n = 0;
    const staffUnits = units.filter((unit) => unit.kind === 'unit');
    const staff = staffUnits.flatMap((unit) =>
      Array.from({ length: 4 }, () => {
        n += 1;
        return {
          tenantId,
          kind: 'employee' as const,
          ...inventedName(n),
          unitId: unitId(unit.code),
          employeeNumber: `D${1000 + n}`,
          title: 'Handläggare',
        };
      }),
    );
    await transaction.insertInto('people').values(staff).execute();
    const boardsFor = ['AMN', 'UN', 'KS'];
    for (const party of parties) {
      for (let index = 0; index < party.officials + 2; index += 1) {
        n += 1;
        const isSpeciallyRemunerated = index < party.officials;
        const official = await transaction
          .insertInto('people')
          .values({
            tenantId,
            kind: 'elected_official',
            ...inventedName(n),
            partyId: partyId(party.abbreviation),
            officialCategory: isSpeciallyRemunerated ? 'specially_remunerated' : 'leisure',
            title: isSpeciallyRemunerated ? (index === 0 ? 'Gruppledare' : 'Ledamot, heltidsarvoderad') : 'Ersättare',
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await transaction
          .insertInto('boardMemberships')
          .values({ tenantId, personId: official.id, boardId: unitId(boardsFor[n % boardsFor.length] as string) })
          .execute();
      }
    }

    const logins: DemoLogin[] = [];
    let securityPersonId = '';
    for (const user of demoUsers) {
      const person = await transaction
        .insertInto('people')
        .values({
          tenantId,
          kind: user.kind,
          givenName: user.givenName,
          familyName: user.familyName,
          email: email(user.email),
          title: user.title,
          unitId: user.unit ? unitId(user.unit) : null,
          partyId: user.party ? partyId(user.party) : null,
          officialCategory: user.kind === 'elected_official' ? 'specially_remunerated' : null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const scope = user.scope;
      // Staff and officials also hold their base role over themselves: it lets them report and
      // follow their own reports, whatever their functional role reaches.
      const baseRole =
        user.kind === 'employee' ? 'employee' : user.kind === 'elected_official' ? 'elected_official' : null;
      const grants = [
        {
          role: user.role,
          scopeKind: scope.kind,
          orgUnitId: scope.kind === 'org_unit' ? unitId(scope.unit) : null,
          partyId: scope.kind === 'party' ? partyId(scope.party) : null,
        },
        ...(baseRole && baseRole !== user.role
          ? [{ role: baseRole, scopeKind: 'self' as const, orgUnitId: null, partyId: null }]
          : []),
      ];
      await transaction
        .insertInto('roleGrants')
        .values(grants.map((grant) => ({ tenantId, personId: person.id, ...grant })))
        .execute();
      const needsSecondFactor = requiresSecondFactor([user.role]);
      await transaction
        .insertInto('accounts')
        .values({
          tenantId,
          personId: person.id,
          email: email(user.email),
          passwordHash,
          totpSecretEncrypted: needsSecondFactor ? encryptField(config.secretKey, demoTotpSecret) : null,
          totpEnabledAt: needsSecondFactor ? new Date() : null,
        })
        .execute();
      if (user.role === 'party_security_contact') {
        await transaction
          .updateTable('parties')
          .set({ securityContactPersonId: person.id })
          .where('id', '=', partyId('S'))
          .execute();
      }
      logins.push({
        role: user.role,
        name: `${user.givenName} ${user.familyName}`,
        email: email(user.email),
        password: demoPassword,
        totpSecret: needsSecondFactor ? demoTotpSecret : null,
      });
      if (user.role === 'security_department') securityPersonId = person.id;
    }
    await seedDemoProgrammeAndDrills(transaction, tenantId, securityPersonId);
    await seedDemoTraining(transaction, tenantId, unitId);
    return logins;
  });
}

/**
 * The seeds' training: PDV for all adult-education staff, followed up at workplace meetings, the
 * basics of threats and violence for the labour-market administration, personal security for the
 * officials, alarm use for those who take alarms. Some completions are valid, some expire soon, and
 * a PDV occasion at Komvux yesterday waits for its attendance list.
 */
async function seedDemoTraining(transaction: Db, tenantId: string, unitId: (code: string) => string): Promise<void> {
  const recorder = await transaction
    .selectFrom('people')
    .select('id')
    .where('tenantId', '=', tenantId)
    .where('familyName', '=', 'Samordnare')
    .executeTakeFirstOrThrow();
  const course = async (
    name: string,
    validityMonths: number | null,
    targets: { units?: string[]; roles?: Role[]; categories?: ('specially_remunerated' | 'leisure')[] },
    isProgrammeTraining = false,
  ) =>
    await transaction
      .insertInto('trainingCourses')
      .values({
        tenantId,
        name,
        validityMonths,
        targetOrgUnitIds: (targets.units ?? []).map(unitId),
        targetRoles: targets.roles ?? [],
        targetOfficialCategories: targets.categories ?? [],
        isProgrammeTraining,
      })
      .returning(['id', 'validityMonths'])
      .executeTakeFirstOrThrow();
  const pdv = await course('PDV – pågående dödligt våld', 24, { units: ['AMF-UJC'] });
  const basics = await course('Hot och våld – grunder', 36, { units: ['AMF'] });
  const personalSecurity = await course(
    'Personlig säkerhet för förtroendevalda',
    24,
    { categories: ['specially_remunerated'] },
    true,
  );
  await course('Den digitala kursen i personlig säkerhet', null, { categories: ['specially_remunerated', 'leisure'] });
  await course('Larmhantering', 12, { roles: ['duty_officer', 'security_department'] });
  await course('Första hjälpen', 36, { units: ['SLK'] });

  const today = stockholmDate(new Date());
  const staffOf = (code: string) =>
    transaction
      .selectFrom('people')
      .select('id')
      .where('tenantId', '=', tenantId)
      .where('unitId', '=', unitId(code))
      .where('employeeNumber', 'is not', null)
      .orderBy('employeeNumber')
      .execute();
  const completion = (
    courseRow: { id: string; validityMonths: number | null },
    personId: string,
    completedOn: string,
  ) => ({
    tenantId,
    courseId: courseRow.id,
    personId,
    completedOn,
    validUntil: validUntilOf(completedOn, courseRow.validityMonths),
    source: 'attendance_list' as const,
    recordedByPersonId: recorder.id,
  });
  // SFI: three of four have PDV, one of them expiring within 90 days; Jobbtorg City has the basics.
  const sfi = await staffOf('AMF-SFI');
  const city = await staffOf('AMF-JT-CITY');
  // One enrolled Social Democrat took the programme's personal security course 10 months ago.
  const programmeOfficials = await transaction
    .selectFrom('protectionEnrolments as enrolment')
    .innerJoin('parties as party', 'party.id', 'enrolment.partyId')
    .select('enrolment.personId')
    .where('enrolment.tenantId', '=', tenantId)
    .where('party.abbreviation', '=', 'S')
    .orderBy('enrolment.enrolledOn')
    .orderBy('enrolment.personId')
    .limit(1)
    .execute();
  await transaction
    .insertInto('trainingCompletions')
    .values([
      ...sfi.slice(0, 2).map((person) => completion(pdv, person.id, addMonths(today, -6))),
      ...sfi.slice(2, 3).map((person) => completion(pdv, person.id, addMonths(today, -23))),
      ...city.slice(0, 3).map((person) => completion(basics, person.id, addMonths(today, -14))),
      ...programmeOfficials.map((official) => completion(personalSecurity, official.personId, addMonths(today, -10))),
    ])
    .execute();
  const occasion = await transaction
    .insertInto('trainingOccasions')
    .values({
      tenantId,
      courseId: pdv.id,
      startsAt: new Date(`${addDays(today, -1)}T07:00:00Z`),
      place: 'Komvux Stockholm, Kista – aulan',
      capacity: 20,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const komvux = await staffOf('AMF-KOMVUX');
  await transaction
    .insertInto('trainingEnrolments')
    .values(komvux.map((person) => ({ tenantId, occasionId: occasion.id, personId: person.id, hasAttended: null })))
    .execute();
}
