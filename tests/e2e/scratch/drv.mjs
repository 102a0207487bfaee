import http from 'node:http';
import { writeFileSync } from 'node:fs';
import { E2ePage } from '../support/driver.mjs';
const html = `<!doctype html><html lang=en><head><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self'"><title>t</title><script src="a.js" defer></script></head><body>
<nav class="app-actions"><button>Add</button><button aria-label="Lock"><svg></svg></button></nav>
<h2>Create your vault</h2>
<div><label for=p>New password</label><input id=p type=password></div>
<label><input type=checkbox id=c> I understand</label>
<label for=s>Algorithm</label><select id=s><option>SHA1</option><option>SHA256</option></select>
<label for=f>Backup file</label><input type=file id=f class=sr-only style="position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)">
<button id=go>Create vault</button><p id=out></p><button id=dl>Download</button><button id=cp>Copy code for X</button>
</body></html>`;
const js = `document.getElementById('go').onclick = () => { document.getElementById('out').textContent = 'pw=' + document.getElementById('p').value + ' c=' + document.getElementById('c').checked + ' s=' + document.getElementById('s').value + ' f=' + [...document.getElementById('f').files].map(f => f.name + ':' + f.size); };
document.getElementById('dl').onclick = () => { const a = document.createElement('a'); a.href = URL.createObjectURL(new Blob(['secret-bytes'])); a.download = 'x.authvault'; document.body.append(a); a.click(); a.remove(); };
document.getElementById('cp').onclick = () => navigator.clipboard.writeText('424242');`;
writeFileSync('/tmp/fx/up.txt', 'hello');
const server = http.createServer((q, r) => { if (q.url.endsWith('a.js')) { r.setHeader('content-type', 'text/javascript'); r.end(js); } else { r.setHeader('content-type', 'text/html'); r.end(html); } }).listen(0, '127.0.0.1');
await new Promise((r) => server.on('listening', r));
const url = `http://127.0.0.1:${server.address().port}`;
const proxied = [];
const proxy = http.createServer((q, r) => { proxied.push(q.url); const u = new URL(q.url); if (!u.port) { console.log("FOREIGN", q.url); r.writeHead(403); r.end(); return; } const up = http.request({ host: '127.0.0.1', port: u.port, path: u.pathname, method: q.method, headers: q.headers }, (a) => { r.writeHead(a.statusCode, a.headers); a.pipe(r); }); q.pipe(up); }).listen(0, '127.0.0.1');
await new Promise((r) => proxy.on('listening', r));
const name = process.argv[2];
const t0 = Date.now();
const { launch } = await import(`../support/engines/${name}.mjs`);
const engine = await launch({ proxy: `127.0.0.1:${proxy.address().port}` });
console.log(name, engine.version, 'launch', Date.now() - t0);
const profile = await engine.newProfile();
await profile.grantClipboard(url);
const page = new E2ePage(await profile.newPage(), { engine: name, web: { url } });
await page.goto('/');
await page.waitFor({ role: 'heading', name: 'Create your vault', exact: true });
await page.fill('New password', 'pw1');
await page.fill('New password', 'pw2');
await page.check('I understand');
await page.select('Algorithm', 'SHA256');
await page.upload({ label: 'Backup file' }, ['/tmp/fx/up.txt']);
await page.clickRole('button', 'Create vault');
console.log('out', await page.text({ css: '#out' }));
console.log('lock exists', await page.exists({ role: 'button', name: 'Lock', within: 'nav.app-actions' }));
const file = await page.download(() => page.clickRole('button', 'Download'));
console.log('download', file.name, file.bytes.toString());
await page.clickRole('button', 'Copy code for X');
const { readClipboard } = await import('../support/clipboard.mjs');
console.log('clipboard', await readClipboard(page, name));
const second = new E2ePage(await profile.newPage(), { engine: name, web: { url } });
await second.goto('/');
await second.fill('New password', 'tab2');
console.log('tab1 pw', await page.value({ label: 'New password' }), 'tab2', await second.value({ label: 'New password' }));
await second.close();
await page.press('Shift+Tab');
console.log('focus after shift+tab', await page.evaluate(() => document.activeElement.id || document.activeElement.tagName));
console.log('errors', await page.collectErrors(), 'proxied', proxied.length);
await profile.close(); await engine.close(); server.close(); proxy.close();
console.log('total', Date.now() - t0);
