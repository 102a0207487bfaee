// Prints the taps of the recovery's inverse filters (core/src/qr/GreyPlane.cpp, InverseFilter).
//   node tools/design-inverse-filters.mjs
//
// Each is a regularised inverse (Wiener) filter of a blur H: W(f) = H(f) / (H(f)^2 + lambda).
// Where the blur keeps most of the picture, W undoes it (1 / H); where it keeps little (the fine
// detail of a code under strong blur, where sensor noise dominates), lambda caps the gain at
// 1 / (2 sqrt(lambda)) instead of amplifying the noise without limit. Sampled at 256 frequencies,
// brought back to taps by the inverse DFT, cut at 14 taps each way under a raised-cosine taper,
// rounded to 1/1024ths, the negligible outer taps (|tap| <= 1) dropped, and the centre tap set so
// that they add up to 1024 (a flat picture stays as it is). The blurs and lambdas were chosen on
// the degradation set (docs/qr-scanning.md); tests/qr/InverseFilterTest.cpp checks the C++ tables
// against this formula.

const FILTERS = [
  // name, blur, size (Gaussian sigma or smear length, px), lambda
  ['kDefocus16', 'gaussian', 1.6, 0.01],
  ['kDefocus22', 'gaussian', 2.2, 0.005],
  ['kSmear5', 'smear', 5, 0.005],
];

// The smear the degradation set applies (tests/support/DegradedStream.cpp): full weight over its
// middle, the fractional remainder at both ends.
function blurResponse(blur, size, f) {
  if (blur === 'gaussian') return Math.exp(-2 * Math.PI * Math.PI * size * size * f * f);
  const reach = Math.floor((size - 1) / 2) + 1;
  let h = 0;
  for (let t = -reach; t <= reach; t++) h += Math.min(Math.max((size + 1) / 2 - Math.abs(t), 0), 1) * Math.cos(2 * Math.PI * f * t);
  return h / size;
}

// C's lround: halves away from zero.
const lround = (x) => Math.sign(x) * Math.floor(Math.abs(x) + 0.5);

function design(blur, size, lambda) {
  const n = 256;
  const radius = 14;
  const gain = [];
  for (let k = 0; k < n; k++) {
    const h = blurResponse(blur, size, (k <= n / 2 ? k : k - n) / n);
    gain.push(h / (h * h + lambda));
  }
  const real = [];
  let sum = 0;
  for (let t = -radius; t <= radius; t++) {
    let v = 0;
    for (let k = 0; k < n; k++) v += gain[k] * Math.cos((2 * Math.PI * k * t) / n);
    v = (v / n) * (0.5 + 0.5 * Math.cos((Math.PI * t) / (radius + 1)));
    real.push(v);
    sum += v;
  }
  const taps = [];
  for (let t = 0; t <= radius; t++) taps.push(lround((real[t + radius] / sum) * 1024));
  while (taps.length > 1 && Math.abs(taps.at(-1)) <= 1) taps.pop();
  const total = taps.reduce((a, v, t) => a + (t === 0 ? v : 2 * v), 0);
  taps[0] += 1024 - total;
  return taps;
}

for (const [name, blur, size, lambda] of FILTERS)
  console.log(`constexpr int ${name}[] = {${design(blur, size, lambda).join(', ')}};`);
