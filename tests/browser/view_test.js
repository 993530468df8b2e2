// The HTML view in a real browser: Debian's chromium, headless, driven over the DevTools
// protocol by puppeteer-core (which downloads no browser).
//   node view_test.js --relgraph BUILD/relgraph --source REPO --modules REPO/export/html/node_modules
// Exits 0 when every check passes, 1 on a failure, 77 (ctest: skipped) when chromium, node's
// packages or the binary are missing. RELGRAPH_SHOTS=DIR also saves screenshots there.
'use strict';

const { spawn, execFileSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const assert = require('assert/strict');

function arg(name) {
  const at = process.argv.indexOf('--' + name);
  return at > 0 ? process.argv[at + 1] : undefined;
}
const relgraph = path.resolve(arg('relgraph') || '');
const source = path.resolve(arg('source') || '');
const modules = path.resolve(arg('modules') || '');
const chromium = process.env.RELGRAPH_CHROMIUM || '/usr/bin/chromium';
const shots = process.env.RELGRAPH_SHOTS || '';

function skip(why) {
  console.log('SKIP: ' + why);
  process.exit(77);
}
if (!fs.existsSync(chromium)) skip(chromium + ' not found (Debian: apt-get install chromium, or bash scripts/install-deps.sh)');
let puppeteer;
try {
  puppeteer = require(path.join(modules, 'puppeteer-core'));
} catch (e) {
  skip('puppeteer-core not installed in ' + modules + ' (npm ci in export/html): ' + e.message);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relgraph-browser-'));
function run(args) {
  return execFileSync(relgraph, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}
const NAVER_NFD = '\u1102\u1166\u110b\u1175\u1107\u1165';  // 네이버, conjoining jamo

const db = path.join(dir, 'default.db');
run(['--db', db, 'import', path.join(source, 'data/entities.csv'), path.join(source, 'data/relations.csv')]);
const hostileDb = path.join(dir, 'hostile.db');
fs.writeFileSync(path.join(dir, 'hostile.entities.csv'),
  'id,name,kind,aliases,country\n' +
  'pwn_img,<img src=x onerror=window.__pwned=1;alert(1)>,company,<!--,US\n' +
  'pwn_script,</script><script>window.__pwned=1;alert(2)</script>,company,"<svg onload=window.__pwned=1>",KR\n' +
  'pwn_link,javascript:window.__pwned=1,organization,,\n' +
  'naver,네이버,company,Naver,KR\n');
fs.writeFileSync(path.join(dir, 'hostile.relations.csv'),
  'source,target,relation,date,source_doc,evidence\n' +
  'pwn_img,naver,partners_with,2024-02,javascript:window.__pwned=1,"<b onmouseover=window.__pwned=1>bold</b> & <!-- --> </script>"\n' +
  'pwn_script,pwn_link,backs,2024,"javascript:alert(3)","Line\u2028separator and </SCRIPT > end"\n' +
  'pwn_link,naver,invests_in,2023,"https://example.com/?q=<x>&y=""z""",Fine sentence.\n');
run(['--db', hostileDb, 'import', path.join(dir, 'hostile.entities.csv'), path.join(dir, 'hostile.relations.csv')]);

// The selection each page must draw, from `export json` (an independent door to the same selection).
function exportIds(database, selection) {
  const doc = JSON.parse(run(['--db', database, 'export', 'json', ...selection]));
  return { ids: doc.entities.map((e) => e.id).sort(), doc };
}
function exportHtml(database, selection, file) {
  run(['--db', database, '-q', 'export', 'html', '-o', file, ...selection]);
  return 'file://' + file;
}

let failures = 0;
async function check(name, body) {
  const started = Date.now();
  try {
    await body();
    console.log('ok   ' + name + ' (' + (Date.now() - started) + ' ms)');
  } catch (e) {
    failures++;
    console.log('FAIL ' + name + ': ' + (e && e.stack ? e.stack : e));
  }
}

// A page that may load nothing but its own file (or, served, its own origin); every other
// request is failed and remembered. Dialogs are remembered and dismissed.
async function openPage(browser, url, allowedOrigin) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  const attempts = [], dialogs = [], errors = [];
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const u = request.url();
    const allowed = u.startsWith('file://') || u.startsWith('data:') || (allowedOrigin && u.startsWith(allowedOrigin));
    if (allowed) request.continue();
    else { attempts.push(u); request.abort(); }
  });
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.dismiss(); });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  if (!allowedOrigin) await page.setOfflineMode(true);
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForFunction(() => window.relgraphView && window.relgraphView.ready === true, { timeout: 20000 });
  return { page, attempts, dialogs, errors };
}
const detailsText = (page) => page.$eval('#details', (n) => n.textContent);

(async () => {
  const browser = await puppeteer.launch({
    executablePath: chromium,
    headless: true,
    // Root (CI in a container) cannot use chromium's sandbox; the pages are our own test pages.
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--no-default-browser-check', '--disable-dev-shm-usage',
      '--disable-extensions', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--lang=en-US'],
    userDataDir: path.join(dir, 'profile'),
  });
  try {
    await check('export html --focus draws exactly the selection, offline', async () => {
      const selection = ['--focus', 'Naver', '--depth', '1'];
      const { ids, doc } = exportIds(db, selection);
      assert.ok(ids.length > 3 && ids.includes('naver') && ids.includes('snu'));
      const { page, attempts, errors } = await openPage(browser, exportHtml(db, selection, path.join(dir, 'naver.html')));
      assert.deepEqual(await page.evaluate(() => relgraphView.entities()), ids);
      // Search: NFC and NFD Hangul, Latin in another case, an alias in Hanzi; contains, as on the CLI.
      assert.ok((await page.evaluate(() => relgraphView.search('네이버'))).includes('naver'));
      assert.ok((await page.evaluate((t) => relgraphView.search(t), NAVER_NFD)).includes('naver'));
      assert.ok((await page.evaluate(() => relgraphView.search('NAVER'))).includes('naver'));
      assert.ok((await page.evaluate(() => relgraphView.search('ｎａｖｅｒ'))).includes('naver'));  // full width
      assert.deepEqual(await page.evaluate(() => relgraphView.search('SEOUL national')), ['snu']);
      assert.deepEqual(await page.evaluate(() => relgraphView.search('首尔大学')), ['snu']);
      assert.deepEqual(await page.evaluate(() => relgraphView.search('no such name at all')), []);
      // The search box does the same: typing NFD Hangul lists Naver.
      await page.type('#search', NAVER_NFD);
      await page.waitForFunction(() => !document.getElementById('search-results').hidden, { timeout: 5000 });
      const listed = await page.$eval('#search-results', (n) => n.textContent);
      assert.ok(listed.includes('Naver'), listed);
      // Select: kind, aliases and every evidence sentence of its relations, with its link.
      await page.evaluate(() => relgraphView.select('naver'));
      const text = await detailsText(page);
      assert.ok(text.includes('company') && text.includes('네이버'), text);
      const sentences = doc.relations.filter((r) => r.source === 'naver' || r.target === 'naver')
        .flatMap((r) => r.evidence.map((e) => e.sentence)).filter((s) => s);
      assert.ok(sentences.length > 0);
      for (const s of sentences) assert.ok(text.includes(s), 'missing evidence: ' + s);
      const hrefs = await page.$$eval('#details a', (as) => as.map((a) => a.href));
      assert.ok(hrefs.length > 0 && hrefs.every((h) => /^https?:\/\//.test(h)), hrefs.join(' '));
      // The kind filter hides that kind's entities; ticking it again brings them back.
      await page.keyboard.press('Escape');
      await page.waitForFunction(() => document.getElementById('search-results').hidden, { timeout: 5000 });
      await page.click('#kind-filters input[data-name="university"]');
      const shown = await page.evaluate(() => relgraphView.entities());
      assert.ok(!shown.includes('snu') && shown.includes('naver'));
      await page.click('#kind-filters input[data-name="university"]');
      assert.deepEqual(await page.evaluate(() => relgraphView.entities()), ids);
      assert.deepEqual(attempts, [], 'requests left the file: ' + attempts.join(' '));
      assert.deepEqual(errors, []);
      if (shots) await page.screenshot({ path: path.join(shots, 'export-naver.png') });
      await page.close();
    });

    await check('export html --path draws the paths and --size-by sizes the nodes', async () => {
      const selection = ['--path', 'Naver', 'BAAI', '--k', '3'];
      const { ids } = exportIds(db, selection);
      const { page, attempts } = await openPage(browser, exportHtml(db, [...selection, '--size-by', 'pagerank'], path.join(dir, 'path.html')));
      assert.deepEqual(await page.evaluate(() => relgraphView.entities()), ids);
      const config = await page.$eval('#relgraph-config', (n) => JSON.parse(n.textContent));
      assert.equal(config.path, true);
      assert.deepEqual(config.highlight.sort(), ['baai', 'naver']);
      assert.equal(config.score_name, 'pagerank');
      assert.deepEqual(Object.keys(config.scores).sort(), ids);
      assert.deepEqual(attempts, []);
      if (shots) await page.screenshot({ path: path.join(shots, 'export-path.png') });
      await page.close();
    });

    await check('export html of the whole default data', async () => {
      const { ids } = exportIds(db, []);
      const { page, attempts } = await openPage(browser, exportHtml(db, ['--size-by', 'degree'], path.join(dir, 'all.html')));
      assert.deepEqual(await page.evaluate(() => relgraphView.entities()), ids);
      assert.deepEqual(attempts, []);
      if (shots) {
        await page.screenshot({ path: path.join(shots, 'export-all.png') });
        await page.evaluate(() => relgraphView.select('baai'));
        await page.screenshot({ path: path.join(shots, 'export-all-baai.png') });
      }
      await page.close();
    });

    await check('a hostile graph executes nothing', async () => {
      const { ids } = exportIds(hostileDb, []);
      const { page, attempts, dialogs } = await openPage(browser, exportHtml(hostileDb, [], path.join(dir, 'hostile.html')));
      assert.deepEqual(await page.evaluate(() => relgraphView.entities()), ids);
      for (const id of ids) {
        await page.evaluate((i) => relgraphView.select(i), id);
        const text = await detailsText(page);
        assert.ok(text.length > 0);
      }
      await page.evaluate(() => relgraphView.select('pwn_script'));
      assert.ok((await detailsText(page)).includes('</script><script>window.__pwned=1;alert(2)</script>'));
      await page.evaluate(() => relgraphView.select('pwn_img'));
      const text = await detailsText(page);
      assert.ok(text.includes('<img src=x onerror=window.__pwned=1;alert(1)>') && text.includes('<b onmouseover'), text);
      assert.ok((await page.evaluate(() => relgraphView.search('<img'))).includes('pwn_img'));
      await page.type('#search', '<svg');
      await new Promise((r) => setTimeout(r, 300));
      const hrefs = await page.$$eval('a', (as) => as.map((a) => a.getAttribute('href')));
      assert.ok(hrefs.every((h) => /^https?:\/\//.test(h)), 'non-http link: ' + hrefs.join(' '));
      const planted = await page.evaluate(() => document.querySelectorAll('img, svg, b, iframe, object, embed').length +
        document.querySelectorAll('script:not([id]):not([type])').length);
      assert.equal(planted, 5, 'elements planted from data');  // our five inline scripts, nothing else
      assert.equal(await page.evaluate(() => typeof window.__pwned), 'undefined');
      assert.deepEqual(dialogs, []);
      assert.deepEqual(attempts, []);
      await page.close();
    });

    await check('serve: the same view, fetching on demand; expand a neighbour', async () => {
      const server = spawn(relgraph, ['--db', db, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
      try {
        const url = await new Promise((resolve, reject) => {
          let out = '';
          const timer = setTimeout(() => reject(new Error('serve printed no URL: ' + out)), 15000);
          server.stdout.on('data', (chunk) => {
            out += chunk;
            const m = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
            if (m) { clearTimeout(timer); resolve(m[0]); }
          });
          server.on('exit', (code) => reject(new Error('serve exited ' + code + ': ' + out)));
        });
        const { page, attempts, errors } = await openPage(browser, url, url);
        assert.deepEqual(await page.evaluate(() => relgraphView.entities()), []);
        assert.ok((await page.evaluate((t) => relgraphView.search(t), NAVER_NFD)).includes('naver'));
        assert.ok((await page.evaluate(() => relgraphView.search('seoul NATIONAL'))).includes('snu'));
        // Selecting Naver draws it and its neighbours, as `relgraph neighbors naver` lists them.
        assert.equal(await page.evaluate(() => relgraphView.select('naver')), true);
        const first = JSON.parse(run(['--db', db, '--format', 'json', 'neighbors', 'naver'])).neighbors.map((n) => n.id);
        assert.deepEqual(await page.evaluate(() => relgraphView.entities()), ['naver', ...first].sort());
        const text = await detailsText(page);
        assert.ok(text.includes('네이버'), text);
        // Expand a neighbour (SNU) with the form in its details: its neighbours join the drawing.
        assert.equal(await page.evaluate(() => relgraphView.select('snu')), true);
        await page.click('#details button.expand');
        const snu = JSON.parse(run(['--db', db, '--format', 'json', 'neighbors', 'snu'])).neighbors.map((n) => n.id);
        const expected = [...new Set(['naver', ...first, 'snu', ...snu])].sort();
        await page.waitForFunction((n) => relgraphView.entities().length === n, { timeout: 10000 }, expected.length);
        assert.deepEqual(await page.evaluate(() => relgraphView.entities()), expected);
        assert.deepEqual(attempts, [], 'requests left the origin: ' + attempts.join(' '));
        assert.deepEqual(errors, []);
        if (shots) {
          await page.evaluate(() => relgraphView.select('naver'));
          await page.screenshot({ path: path.join(shots, 'serve-naver-snu.png') });
        }
        await page.close();
      } finally {
        server.kill('SIGTERM');
        const code = await new Promise((resolve) => server.exitCode !== null ? resolve(server.exitCode) : server.on('exit', resolve));
        assert.equal(code, 0, 'serve exit code on SIGTERM');
      }
    });
  } finally {
    await browser.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(failures ? failures + ' check(s) failed' : 'all browser checks passed');
  process.exit(failures ? 1 : 0);
})().catch((e) => {
  console.log('FAIL: ' + (e && e.stack ? e.stack : e));
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(1);
});
