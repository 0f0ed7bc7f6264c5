/** Origin of the local portal the browser tests talk to. */
export declare const PORTAL: string;
/** Origin that serves dist/cdn as a CDN would (another origin than the test page's, with CORS). */
export declare const CDN: string;
