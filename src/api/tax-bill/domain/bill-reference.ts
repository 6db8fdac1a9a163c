/** The bill number → reference 1 rule lives with the lookup's input schema, which the website runs too. */
export { billReference } from '../../../shared/tax-lookup';
