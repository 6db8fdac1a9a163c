import type { Core } from '@strapi/strapi';
import { counterOf } from '../../state/counters';
import { billReference } from './domain/bill-reference';
import type { StoredBill, TaxBillService } from './services/tax-bill';

/**
 * Proving a bill with its number and the owner's national ID: the public lookup and an account's
 * bill link share this rule and its lock, so a second door does not double the guesses.
 * Failed lookups per bill, whatever the address: a bill's owner ID cannot be guessed by spreading
 * the attempts over many addresses (the per-address limit is the routes' rate-limit budget).
 */
export const FAILED_LOOKUPS_PER_BILL = 5;
// Shared by every instance when REDIS_URL is set: a lock only one instance knew would not hold.
const failedLookups = (strapi: Core.Strapi) => counterOf(strapi, 'failed-bill-lookups', 15 * 60_000);

/** Both tax doors' per-address budget (`global::rate-limit`). */
export const TAX_LOOKUP_BUDGET = { name: 'global::rate-limit', config: { bucket: 'tax-lookup' } };

export type BillProof = { bill: StoredBill } | { locked: number } | { notFound: true };

export async function proveBill(strapi: Core.Strapi, billNumber: string, nationalId: string, ip: string): Promise<BillProof> {
  const bills = strapi.service('api::tax-bill.tax-bill') as TaxBillService;
  // The contract accepted only bill numbers that have a reference; the printed number otherwise.
  const reference = billReference(billNumber) ?? billNumber;
  // Counted before looking, so concurrent attempts cannot all pass a count read before any failed.
  const { count, retryAfter } = await failedLookups(strapi).hit(reference);
  if (count > FAILED_LOOKUPS_PER_BILL) return { locked: retryAfter };
  const bill = await bills.lookup(billNumber, nationalId);
  if (!bill) {
    // The reference and the address only: never the ID number that was tried.
    if (count > 1) strapi.log.warn(`tax lookup: ${count} failed lookups of bill ${reference} in 15 minutes (the last from ${ip})${count >= FAILED_LOOKUPS_PER_BILL ? '; locked' : ''}`);
    return { notFound: true };
  }
  // The owner's ID: earlier mistakes no longer count.
  await failedLookups(strapi).forget(reference);
  return { bill };
}
