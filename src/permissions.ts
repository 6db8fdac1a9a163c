/**
 * Public permissions as code: exactly what the users-permissions roles may do through the content
 * API. Applied at every start; anything not listed here is removed from these roles, so a click in
 * the admin cannot quietly make data public. Change this table (and its test) instead.
 */
export const ROLE_PERMISSIONS: Record<'public' | 'authenticated', readonly string[]> = {
  public: [
    'api::complaint-category.complaint-category.find',
    'api::municipality.municipality.find',
    'api::news.news-item.find',
    'api::news.news-item.findOne',
    'api::page.page.find',
    'api::page.page.findOne',
    // Citizen accounts: sign-in, sign-up with e-mail confirmation, password reset, session renewal.
    'plugin::users-permissions.auth.callback',
    'plugin::users-permissions.auth.register',
    'plugin::users-permissions.auth.emailConfirmation',
    'plugin::users-permissions.auth.sendEmailConfirmation',
    'plugin::users-permissions.auth.forgotPassword',
    'plugin::users-permissions.auth.resetPassword',
    'plugin::users-permissions.auth.refresh',
  ],
  authenticated: [
    'api::complaint-category.complaint-category.find',
    'api::municipality.municipality.find',
    'api::news.news-item.find',
    'api::news.news-item.findOne',
    'api::page.page.find',
    'api::page.page.findOne',
    'plugin::users-permissions.user.me',
    'plugin::users-permissions.auth.refresh',
    'plugin::users-permissions.auth.logout',
    'plugin::users-permissions.auth.changePassword',
    // The citizen's own account (src/api/account).
    'api::account.account.find',
    'api::account.account.update',
    'api::account.account.delete',
    'api::account.account.export',
    // Notices: the person's own notices and their LINE link (src/api/announcement).
    'api::announcement.notice.mine',
    'api::announcement.notice.read',
    'api::announcement.line-link.create',
    'api::announcement.line-link.remove',
    // My records (src/api/account/routes/records.ts): each answers the caller's own records only.
    'api::account.records.complaints',
    'api::account.records.complaint',
    'api::account.records.requests',
    'api::account.records.request',
    'api::account.records.surveys',
    'api::account.records.taxBills',
    'api::account.records.linkTaxBill',
    'api::account.records.taxBill',
    'api::account.records.unlinkTaxBill',
    'api::account.records.claim',
  ],
};

/** The content-API actions anyone may call without logging in. */
export const isPublicAction = (action: string): boolean => ROLE_PERMISSIONS.public.includes(action);
