// @ts-check
/** Path of the Explore API v2.1 on a portal. */
export const API_BASE = '/api/explore/v2.1';
