import { Builder } from 'selenium-webdriver';
import { ServiceBuilder } from 'selenium-webdriver/chrome.js';
import http from 'node:http';
const server = http.createServer((q, r) => { r.setHeader('content-type','text/html'); r.end('<title>x</title><label>Name <input id=a></label><button onclick="document.title=navigator.userAgent">Go</button>'); }).listen(0, '127.0.0.1');
await new Promise(r => server.on('listening', r));
const port = server.address().port;
const t0 = Date.now();
const { Driver, ServiceBuilder: SB } = await import('selenium-webdriver/webkitgtk.js').catch(e => ({}));
console.log('webkitgtk module', !!Driver);
