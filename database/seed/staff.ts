import crypto from 'crypto';
import fs from 'fs';
import path from 'path';
import type { Core } from '@strapi/strapi';

/** One demo officer per staff role (staff.json), so a tester can log in as each. */
interface DemoStaff {
  key: string;
  email: string;
  firstname: string;
  lastname: string;
  /** The admin role's code: src/admin-roles.ts, or Strapi's super admin. */
  role: string;
}

/** The admin services used here (Strapi types its services as `any`). */
interface AdminUserService {
  exists(where: { email: string }): Promise<boolean>;
  create(attributes: Record<string, unknown>): Promise<unknown>;
}
interface AdminRoleService {
  findOne(where: { code: string }): Promise<{ id: number } | null>;
}

/** Meets the admin's password rule (8+ characters, a lower and an upper case letter, a digit). */
const generatePassword = () => `${crypto.randomBytes(9).toString('base64url')}-Nk7`;

/**
 * Creates the demo officers that are missing. A password comes from DEMO_PASSWORD_<KEY> (config
 * `setup.demoPasswords`), else it is generated and printed this once: it is stored only as a hash,
 * and an existing officer is never touched. Answers the e-mails of the officers created.
 */
export async function seedDemoStaff(
  strapi: Core.Strapi,
  passwords: Record<string, string> = strapi.config.get<Record<string, string>>('setup.demoPasswords', {})
): Promise<string[]> {
  const staff = JSON.parse(fs.readFileSync(path.join(strapi.dirs.app.root, 'database', 'seed', 'staff.json'), 'utf8')) as DemoStaff[];
  const users = strapi.service('admin::user') as unknown as AdminUserService;
  const roles = strapi.service('admin::role') as unknown as AdminRoleService;
  const created: string[] = [];
  const printed: string[] = [];
  for (const s of staff) {
    if (await users.exists({ email: s.email })) continue;
    const role = await roles.findOne({ code: s.role });
    if (!role) throw new Error(`demo staff ${s.email}: no admin role ${s.role}`);
    const given = passwords[s.key];
    const password = given || generatePassword();
    await users.create({
      email: s.email,
      firstname: s.firstname,
      lastname: s.lastname,
      password,
      isActive: true,
      registrationToken: null,
      roles: [role.id],
      preferedLanguage: 'th',
    });
    created.push(s.email);
    printed.push(`  ${s.email.padEnd(24)} ${given ? `(DEMO_PASSWORD_${s.key.toUpperCase()})` : password}`);
  }
  if (printed.length) {
    // Shown this once: later starts find the officers and print nothing.
    strapi.log.info(`Demo staff logins (one per role; note the passwords now, they are not shown again):\n${printed.join('\n')}`);
  }
  return created;
}
