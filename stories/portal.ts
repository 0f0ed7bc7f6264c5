/**
 * Stories read real data from the local portal (`npm run storybook` starts it on port 8710, or set
 * STORYBOOK_PORTAL to another portal's origin).
 */
export const PORTAL: string =
  (import.meta as unknown as { env?: Record<string, string> }).env?.STORYBOOK_PORTAL ?? 'http://localhost:8710';

/** The page address of a local portal dataset, as a webmaster pastes it. */
export const datasetPage = (id: string) => `${PORTAL}/explore/dataset/${id}/`;

/**
 * Makes the local portal hold the answers to requests whose query contains `marker` for a long
 * time, so a story can show the loading state.
 */
export async function holdRequests(marker: string): Promise<void> {
  await fetch(`${PORTAL}/__faults`, {
    method: 'POST',
    body: JSON.stringify({ path: marker, delayMs: 10 * 60 * 1000, times: -1 }),
  }).catch(() => undefined);
}
