// @ts-check
/**
 * Errors of the ODSQL engine. The portal answers every ODSQLError with a 400 and
 * `{"message": error.message, "error_code": "ODSQLError"}`, so `message` is exactly the text the
 * real Explore API v2.1 would return.
 *
 * @module
 */

/** An ODSQL query (or a refine/facet/timezone parameter) the portal refuses with a 400. */
export class ODSQLError extends Error {
  /**
   * @param {string} message The exact message of the 400 body.
   * @param {string} [clause] The clause at fault: select, where, group_by, order_by, refine, exclude, facet.
   */
  constructor(message, clause) {
    super(message);
    this.name = 'ODSQLError';
    /** The clause at fault, when there is one. */
    this.clause = clause;
  }
}

/**
 * The portal's wording for a query it cannot run:
 * `ODSQL query is malformed: <detail> Clause(s) containing the error(s): <clause>.`
 * @param {string} detail
 * @param {string} clause
 * @returns {ODSQLError}
 */
export function malformed(detail, clause) {
  return new ODSQLError(`ODSQL query is malformed: ${detail} Clause(s) containing the error(s): ${clause}.`, clause);
}
