/** The demo officers' passwords the tests start the app with (DEMO_PASSWORD_<ROLE>), by login name. */
export const DEMO_STAFF_PASSWORDS: Record<string, string> = {
  admin: 'AdminDemo123',
  editor: 'EditorDemo123',
  complaints: 'ComplaintsDemo123',
  finance: 'FinanceDemo123',
  executive: 'ExecutiveDemo123',
  auditor: 'AuditorDemo123',
};

/** The environment that gives each demo officer (`<who>@nokok.demo`) the password above. */
export const demoStaffEnv = (): Record<string, string> =>
  Object.fromEntries(Object.entries(DEMO_STAFF_PASSWORDS).map(([who, p]) => [`DEMO_PASSWORD_${who.toUpperCase()}`, p]));
