/**
 * The script-tag entry of Vitrine.
 * @module
 */
export const version = '0.1.0';
