// Browser tests of the task pane in the web host (issue 4): keyboard-only use, a 320 px pane, axe-core.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { ARTIFACTS, cellText, launchBrowser, openPage, paneOverflow, paneViolations, serveDist } from '../../support/browser.mjs';

let server;
let browser;

before(async () => {
  server = await serveDist();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

const focusedName = (page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return `${el?.getAttribute('aria-label') ?? ''}|${el?.textContent ?? ''}`;
  });

test('a template is inserted with the keyboard only: F6 into the pane, Tab to Insert, Enter', { timeout: 180_000 }, async () => {
  const { page, errors } = await openPage(browser, server);
  // Focus starts in the spreadsheet, which keeps Tab for itself; F6 moves to the pane as in Office.
  await page.keyboard.press('F6');
  assert.ok(await page.evaluate(() => document.activeElement?.closest('#pane') !== null), 'F6 moves focus into the pane');
  const wanted = '插入 表2 销售目标分解与跟踪表';
  let presses = 0;
  while (!(await focusedName(page)).startsWith(wanted)) {
    await page.keyboard.press('Tab');
    presses += 1;
    assert.ok(presses < 80, `the Insert button for 表2 is reachable by Tab (focused: ${await focusedName(page)})`);
  }
  await page.keyboard.press('Enter');
  await page.getByText('已插入工作表“表2 销售目标分解与跟踪表”').waitFor({ timeout: 30_000 });
  await page.waitForFunction(
    () => window.salesReview.api.getActiveWorkbook().getSheetByName('表2 销售目标分解与跟踪表')?.getRange('H3').getDisplayValue() === '91.7%',
    null,
    { timeout: 30_000 },
  );
  assert.equal(await cellText(page, '表2 销售目标分解与跟踪表', 'H3'), '91.7%');
  // Focus stays on the pane while and after inserting (a disabled button would drop it to the page).
  assert.ok(await page.evaluate(() => document.activeElement?.closest('#pane') !== null), `focus stays in the pane (${await focusedName(page)})`);
  // F6 again returns to the sheet.
  await page.keyboard.press('F6');
  assert.ok(await page.evaluate(() => document.activeElement?.closest('#sheet') !== null), 'F6 moves focus back to the sheet');
  assert.deepEqual(errors, []);
});

test('every tab fits a 320 px pane without horizontal scroll, and axe finds no serious or critical violation', { timeout: 240_000 }, async () => {
  for (const lang of ['zh-CN', 'en-US']) {
    const { page, errors } = await openPage(browser, server, { lang, width: 1024, height: 900 });
    await page.addStyleTag({ content: ':root { --pane-width: 320px; }' });
    const tabs = page.locator('#pane [role="tab"]');
    const count = await tabs.count();
    assert.ok(count >= 3, `the pane has its tabs (${count})`);
    for (let i = 0; i < count; i++) {
      const tab = tabs.nth(i);
      const name = (await tab.textContent()) ?? String(i);
      await tab.click();
      await page.waitForTimeout(300);
      const width = await page.evaluate(() => document.querySelector('#pane').getBoundingClientRect().width);
      assert.ok(Math.abs(width - 320) <= 1, `pane is 320 px wide (${width})`);
      assert.equal(await paneOverflow(page), 0, `${lang} ${name}: no horizontal overflow in a 320 px pane`);
      await page.locator('#pane').screenshot({ path: join(ARTIFACTS, `pane-320-${lang}-${i}.png`) });
      const violations = await paneViolations(page);
      assert.deepEqual(violations, [], `${lang} ${name}: axe serious/critical violations`);
    }
    assert.deepEqual(errors, []);
    await page.close();
  }
});
