// The few calls of better-sqlite3 the tests make (it ships no types; @types/better-sqlite3 is not a dependency).
declare module 'better-sqlite3' {
  interface Statement {
    all(...params: unknown[]): unknown[];
    get(...params: unknown[]): unknown;
  }
  class Database {
    constructor(filename: string, options?: { readonly?: boolean; fileMustExist?: boolean });
    prepare(sql: string): Statement;
    close(): void;
  }
  export default Database;
}
