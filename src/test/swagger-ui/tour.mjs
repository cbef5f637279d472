// The README's tour (docs/api.md, "A tour with curl"), walked in Swagger UI by a headless Chromium, as a person
// would: sign in with the Authorize button (authorization code against the provider's login page), "Try it out",
// the document's own examples where the tour uses them, "Execute". Against a running service:
//   node tour.mjs [base URL, default http://localhost:8080]    (CHROMIUM names the browser, default /usr/bin/chromium)
// Exits 1 at the first step whose answer is not the one the tour promises.
import puppeteer from 'puppeteer-core';

const base = process.argv[2] || 'http://localhost:8080';
const browser = await puppeteer.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox'],
});
const page = await browser.newPage();
page.setDefaultTimeout(30000);
let steps = 0;

function check(what, condition, detail) {
  steps++;
  console.log(`${condition ? 'ok  ' : 'FAIL'} ${steps}. ${what}${detail ? ` (${detail})` : ''}`);
  if (!condition) {
    throw new Error(`step ${steps} failed: ${what}`);
  }
}

/** Signs out whoever is signed in, then signs in as user through the provider's login page. */
async function signIn(user) {
  await page.click('.auth-wrapper .btn.authorize');
  await page.waitForSelector('.modal-ux');
  for (const logout of await page.$$('.modal-ux button.btn-done + button, .modal-ux .auth-btn-wrapper button')) {
    const label = await logout.evaluate(b => b.textContent.trim());
    if (label === 'Logout') {
      await logout.click();
    }
  }
  const container = await oidcContainer();
  const popup = new Promise(resolve => page.once('popup', resolve));
  const authorize = await container.$('button.authorize');
  await authorize.click();
  const login = await popup;
  await login.waitForSelector(`button[name="predefined-${user}"]`);
  await Promise.all([login.waitForNavigation().catch(() => {}), login.click(`button[name="predefined-${user}"]`)]);
  await page.waitForFunction(() => [...document.querySelectorAll('.modal-ux .auth-container')]
    .some(c => c.textContent.includes('authorization_code') && c.textContent.includes('Logout')));
  const close = await page.$('.modal-ux button.close-modal');
  await close.click();
  await page.waitForSelector('.modal-ux', { hidden: true });
}

async function oidcContainer() {
  for (const container of await page.$$('.modal-ux .auth-container')) {
    const text = await container.evaluate(c => c.textContent);
    if (text.includes('oidc') && text.includes('authorization_code')) {
      return container;
    }
  }
  throw new Error('Swagger UI offers no authorization-code sign-in under oidc');
}

/** Opens an operation, fills its parameters and body (or keeps the document's example), executes it. */
async function run(tag, operationId, { params = {}, body } = {}) {
  const block = `#operations-${tag}-${operationId}`;
  await page.waitForSelector(block);
  if (!(await page.$eval(block, b => b.classList.contains('is-open')))) {
    await page.click(`${block} .opblock-summary`);
  }
  const tryOut = await page.waitForSelector(`${block} button.try-out__btn`);
  if ((await tryOut.evaluate(b => b.textContent.trim())) === 'Try it out') {
    await tryOut.click();
  }
  for (const [name, value] of Object.entries(params)) {
    await replaceText(await page.waitForSelector(`${block} tr[data-param-name="${name}"] input`), value);
  }
  if (body !== undefined) {
    await replaceText(await page.waitForSelector(`${block} textarea.body-param__text`), JSON.stringify(body));
  }
  const clear = await page.$(`${block} button.btn-clear`);
  if (clear) {
    await clear.click();
  }
  await page.click(`${block} button.execute`);
  const answer = `${block} .live-responses-table tr.response`;
  await page.waitForSelector(`${answer} .response-col_status`).catch(async e => {
    throw new Error(`${operationId} gave no answer: ${await page.$eval(block, b => b.innerText).catch(() => '')}`);
  });
  const status = Number(await page.$eval(`${answer} .response-col_status`, s => s.textContent.trim().slice(0, 3)));
  const text = await page.$eval(`${answer} .response-col_description .highlight-code pre`, p => p.textContent)
    .catch(() => '');
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  await page.click(`${block} .opblock-summary`);
  return { status, json, text };
}

/** Types text into a field in place of what it held, as a person would. */
async function replaceText(field, text) {
  await field.click();
  await page.keyboard.down('Control');
  await page.keyboard.press('A');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await field.type(text);
}

async function until(what, attempt) {
  for (let i = 0; i < 20; i++) {
    const answer = await attempt();
    if (answer) {
      return answer;
    }
    await new Promise(r => setTimeout(r, 500));
  }
  throw new Error(`gave up waiting for ${what}`);
}

try {
  await page.goto(`${base}/q/swagger-ui/`, { waitUntil: 'networkidle0' });
  await signIn('alice');
  check('alice signs in with Authorize, oidc, on the provider\'s login page', true);

  const submitted = await run('Requests', 'submitRequest');
  check('alice submits the document\'s example request', submitted.status === 202, `${submitted.status}`);
  const id = submitted.json.id;
  check('the answer carries the request, its plan and status', submitted.json.status === 'PENDING_APPROVAL'
    && submitted.json.plan.length > 0, `${submitted.json.type} ${submitted.json.userName}, ${submitted.json.plan.length} calls`);

  const pending = await run('Requests', 'getRequest', { params: { id } });
  check('the request waits for approval', pending.status === 200 && pending.json.status === 'PENDING_APPROVAL');

  const self = await run('Approvals', 'decideOnRequest', { params: { id } });
  check('alice may not approve her own request', self.status === 403 && self.text.includes('self-approval'),
    `${self.status}`);

  await signIn('bob');
  const approved = await run('Approvals', 'decideOnRequest', { params: { id } });
  check('bob approves with the document\'s example decision', approved.status === 200, `${approved.status}`);
  const done = await until('the user to be created', async () => {
    const r = await run('Requests', 'getRequest', { params: { id } });
    return r.json && r.json.status === 'SUCCEEDED' ? r : undefined;
  });
  check('the worker creates the user', done.json.userArn.endsWith(`user${done.json.path}${done.json.userName}`),
    done.json.userArn);

  await signIn('alice');
  const key = await run('Requests', 'submitRequest', {
    body: { type: 'CREATE_ACCESS_KEY', userName: done.json.userName, reason: 'CI uploads' },
  });
  check('alice asks for an access key for the new user', key.status === 202, `${key.status}`);
  await signIn('bob');
  const keyApproved = await run('Approvals', 'decideOnRequest', { params: { id: key.json.id },
    body: { decision: 'APPROVE' } });
  check('bob approves it', keyApproved.status === 200, `${keyApproved.status}`);
  await signIn('alice');
  const made = await until('the key to be made', async () => {
    const r = await run('Requests', 'getRequest', { params: { id: key.json.id } });
    return r.json && r.json.status === 'SUCCEEDED' && r.json.secrets && r.json.secrets.length ? r : undefined;
  });
  const delivery = made.json.secrets[0].id;
  const secret = await run('Secrets', 'retrieveSecret', { params: { id: delivery } });
  check('alice fetches the secret once', secret.status === 200 && (secret.json.secret || '').length >= 40,
    `${secret.status}, ${secret.json.kind} for key ${secret.json.label}`);
  const again = await run('Secrets', 'retrieveSecret', { params: { id: delivery } });
  check('a second fetch is 410 Gone', again.status === 410, `${again.status}`);

  await signIn('erin');
  const users = await run('Users', 'listUsers');
  check('erin lists the managed users', users.status === 200
    && JSON.stringify(users.json).includes(done.json.userName), `${users.status}`);
  const user = await run('Users', 'getUser', { params: { userName: done.json.userName } });
  check('erin views the new user', user.status === 200, `${user.status}`);

  await signIn('alice');
  const bad = await run('Requests', 'submitRequest', {
    body: { type: 'CREATE_USER', userName: 'no spaces', reason: 'x' },
  });
  check('bad input is a problem and changes nothing', bad.status === 400 && bad.json
    && bad.json.type && bad.json.type.startsWith('urn:iam-steward:problem:'), `${bad.status} ${bad.json && bad.json.type}`);
  console.log(`the tour passed in Swagger UI: ${steps} steps`);
} catch (e) {
  console.error(e.message);
  await page.screenshot({ path: 'tour-failure.png', fullPage: true }).catch(() => {});
  process.exitCode = 1;
} finally {
  await browser.close();
}
