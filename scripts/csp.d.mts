/** Types of scripts/csp.mjs (the build's TypeScript imports it). */
export declare function connectSources(config: unknown): string[];
export declare function contentSecurityPolicy(config: unknown): string;
export declare function withPolicy(html: string, policy: string): string;
