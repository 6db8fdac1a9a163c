/**
 * The tax targets of the spreadsheet-import plugin and the admin permission behind the bank report:
 * whoever may reconcile the bank's payments also reviews the ones flagged. Kept free of imports, as
 * the admin bundle (the review page, the menu link) reads it too.
 */
export const TAX_BILLS_TARGET = 'tax-bills';
export const TAX_PAYMENTS_TARGET = 'tax-payments';

/** `importPermission(TAX_PAYMENTS_TARGET)` of the plugin's public module, spelled out for the admin bundle (a unit test holds them equal). */
export const RECONCILE_PERMISSION = 'plugin::spreadsheet-import.tax-payments';
