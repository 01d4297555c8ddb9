import type { SeededVillage } from '../../scripts/local/seed';
import { POLICY_VERSION } from '../../src/shared/rules/policy-version';
import { type BrowserStack, fill, startBrowserStack } from '../helpers/browser';

/**
 * Privacy in headless Chromium on the H5 build: the policy is one tap from 我的; a
 * person bound without a recorded consent is asked on the home page and agrees on
 * the policy page; 我的数据 shows what is held (masked), downloads it as a JSON
 * file, and takes a correction request.
 */
let stack: BrowserStack;
let village: SeededVillage;

beforeAll(async () => {
  stack = await startBrowserStack('e2epriv', { withNotices: false });
  village = stack.township.villages[0];
}, 120_000); // a browser, a stack and a seeded township, beside another file on 2 cores
afterAll(() => stack?.stop());

jest.setTimeout(60_000);

describe('privacy in the app', () => {
  it('asks a person with no recorded consent to agree, and records it', async () => {
    const person = village.residents[0];
    const page = await stack.openAs(person); // the demo sign-in binds without asking
    await page.locator('#consent-banner').waitFor();
    await page.locator('#consent-open').click();
    await page.locator('#privacy-title').waitFor();
    await page.locator('#privacy-version').getByText(POLICY_VERSION).waitFor();
    await page.locator('#privacy-what').getByText('身份证号').first().waitFor();

    // Agreeing to the policy alone is not enough: the ID number has its own row.
    await page.locator('#consent-policy-row').click();
    await page.locator('#privacy-agree-submit').click();
    await page.locator('#consent .vh-field-error').getByText('敏感个人信息').waitFor();
    await page.locator('#consent-id-number-row').click();
    await page.locator('#privacy-agree-submit').click();
    await page.locator('#privacy-agreed-on').getByText(POLICY_VERSION).waitFor();
    expect(await page.locator('#privacy-agree').count()).toBe(0);
    const me = await (await stack.apiAs(person)).get('/me');
    expect(me.body.consent.policyVersion).toBe(POLICY_VERSION);
  });

  it('我的数据 shows what is held, masked, downloads it, and sends a correction', async () => {
    const person = village.residents.find((p) => p.idNumber && p.phone)!;
    const page = await stack.openAs(person);
    await page.locator('#tile-me').click();
    await page.locator('#privacy-policy').waitFor();
    await page.locator('#my-data').click();
    const register = page.locator('#data-register');
    await register.getByText(person.name).first().waitFor();
    expect(await register.textContent()).not.toContain(person.idNumber!);
    expect(await register.textContent()).not.toContain(person.phone!);

    const download = page.waitForEvent('download');
    await page.locator('#data-download').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^我的数据-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = JSON.parse(
      await new Promise<string>((resolve, reject) => {
        file
          .createReadStream()
          .then((s) => {
            let text = '';
            s.on('data', (c) => {
              text += c;
            });
            s.on('end', () => resolve(text));
          })
          .catch(reject);
      }),
    );
    expect(saved.person.personId).toBe(person.personId);

    await fill(page, 'correct-text', '手机号已换成新号码，请当面核对');
    await page.locator('#correct-submit').click();
    await page.getByText(/村委会将在 .+ 前核实答复/).waitFor();
  });
});
