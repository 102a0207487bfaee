// Element builder. Text is always set through textContent, attributes through setAttribute: labels
// from QR codes and files can never become markup. There is deliberately no way to pass HTML.
const SVG_NS = 'http://www.w3.org/2000/svg';

// Set as properties: the attribute of the same name is only the initial state.
const PROPERTIES = new Set(['value', 'checked', 'selected', 'indeterminate']);

const classNames = (value) => (Array.isArray(value) ? value.filter(Boolean).join(' ') : value);

function build(element, props, children) {
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'text') element.textContent = String(value);
    else if (key === 'class') element.setAttribute('class', classNames(value));
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (PROPERTIES.has(key)) element[key] = value;
    else element.setAttribute(key, value === true ? '' : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return element;
}

/// h('button', {class: 'primary', onclick}, 'Save')
export function h(tag, props, ...children) {
  return build(document.createElement(tag), props, children);
}

export function svg(tag, props, ...children) {
  return build(document.createElementNS(SVG_NS, tag), props, children);
}

export function clear(element) {
  element.replaceChildren();
  return element;
}

let idCounter = 0;
export function uniqueId(prefix = 'id') {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}
