import { expect } from '@open-wc/testing';
import { PORTAL } from '../env.js';

describe('local portal from another origin', () => {
  it('is on another origin than the test page', () => {
    expect(new URL(PORTAL).origin).to.not.equal(location.origin);
  });

  it('answers a cross-origin request that needs a preflight', async () => {
    const res = await fetch(`${PORTAL}/api/explore/v2.1/catalog/datasets/communes-france/records?limit=1`, {
      headers: { Authorization: 'Apikey demo' },
    });
    expect(res.status).to.equal(200);
    const body = await res.json();
    expect(body.total_count).to.equal(34969);
  });

  it('lets the page read the error body of a 400', async () => {
    const res = await fetch(`${PORTAL}/api/explore/v2.1/catalog/datasets/communes-france/records?limit=101`);
    expect(res.status).to.equal(400);
    expect((await res.json()).error_code).to.equal('InvalidRESTParameterError');
  });
});
