import { chromium } from 'playwright-core';
import { startBenchServer } from './server.mjs';
import { TOOLS } from './tools.mjs';
import { measureVisit, measureDom10k } from './visit.mjs';
const server = await startBenchServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless','--no-sandbox','--disable-gpu'] });
for (const tool of TOOLS.filter(t => process.argv.includes(t.id))) {
  for (const trace of [false, true]) {
    const t0 = Date.now();
    try { const r = await measureVisit(browser, server.origin, tool, { trace }); console.log(tool.id, trace, Date.now()-t0, JSON.stringify(r)); }
    catch (e) { console.log(tool.id, 'ERR', e.message.split('\n').slice(0,3).join(' ')); }
  }
}
console.log('dom', await measureDom10k(browser, server.origin, 'none'));
await browser.close(); await server.close();
