/** The national ID rules live with the lookup's input schema, which the website runs too. */
export { isValidNationalId, normaliseNationalId } from '../../../shared/tax-lookup';
