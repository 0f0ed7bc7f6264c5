/** Origin of the local portal the browser tests talk to. */
export declare const PORTAL: string;
