/** Collects the Content-Security-Policy violations the page reports, from the moment it is called. */
export function recordViolations(): SecurityPolicyViolationEvent[] {
  const seen: SecurityPolicyViolationEvent[] = [];
  document.addEventListener('securitypolicyviolation', (event) => seen.push(event));
  return seen;
}

/** A readable list of violations for an assertion message. */
export const describeViolations = (events: SecurityPolicyViolationEvent[]) =>
  events.map((e) => `${e.violatedDirective} ${e.blockedURI}`).join(', ');
