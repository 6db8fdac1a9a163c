// Types of preflight.js for the TypeScript that imports it (tests, helpers).
export declare class ConfigError extends Error {}
export declare const ROOT: string;
export declare const SECRETS: string[];
export declare const DATABASE_CLIENTS: string[];
export declare function randomSecrets(): Record<string, string>;
export declare function ensureDotEnv(env?: NodeJS.ProcessEnv, root?: string): boolean;
export declare function loadDotEnv(env?: NodeJS.ProcessEnv, root?: string): void;
export declare function validate(env?: NodeJS.ProcessEnv): void;
export declare function preflight(env?: NodeJS.ProcessEnv, root?: string): boolean;
