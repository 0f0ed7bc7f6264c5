/**
 * The time units a date field can be grouped by: apart from date.ts, so that the query model can check
 * a unit without loading the date formatting (a page of key figures rarely shows a date).
 * @module
 */

/** Time units a date field can be grouped by. */
export const TIME_UNITS = ['year', 'quarter', 'month', 'week', 'day', 'hour'] as const;

/** A time unit a date field can be grouped by. */
export type TimeUnit = (typeof TIME_UNITS)[number];

/** Whether `value` names a time unit. */
export function isTimeUnit(value: string): value is TimeUnit {
  return (TIME_UNITS as readonly string[]).includes(value);
}
