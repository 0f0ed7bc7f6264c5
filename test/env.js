// Replaced at run time by the test runner (web-test-runner.config.js) with the local portal's address.
export const PORTAL = 'http://127.0.0.1:8710';
export const CDN = 'http://127.0.0.1:8711';
