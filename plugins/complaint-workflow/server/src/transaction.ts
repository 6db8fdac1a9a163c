import type { Core } from '@strapi/strapi';

/** What a unit of work may do besides querying: run something once its transaction committed. */
export interface TransactionScope {
  onCommit: (callback: () => void) => void;
}

/** Strapi's transaction, typed: joins the caller's transaction when there is one. */
export const inTransaction = <T>(strapi: Core.Strapi, work: (scope: TransactionScope) => Promise<T>): Promise<T> =>
  strapi.db.transaction(({ onCommit }: TransactionScope) => work({ onCommit })) as Promise<T>;
