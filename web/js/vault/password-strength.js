// A rough, offline password strength estimate for feedback while typing (not a gate by itself):
// entropy from length and character variety, minus what repeats, sequences and very common
// passwords give away. Score 0-4, plus the main reason to show the user.
const COMMON = ['password', 'parole', 'qwerty', '123456', 'letmein', 'welcome', 'admin', 'iloveyou', 'monkey',
  'dragon', 'sunshine', 'football', 'baseball', 'abc123', 'riga', 'latvija', 'parol', 'slepen'];

function poolSize(password) {
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/[0-9]/.test(password)) pool += 10;
  if (/[^a-zA-Z0-9]/.test(password)) pool += 33;
  if (/[^\x00-\x7f]/.test(password)) pool += 30; // ā, č, ē...
  return pool;
}

/// Characters that add little: repeats ("aaaa") and runs ("1234", "abcd").
function predictableCount(password) {
  let count = 0;
  for (let i = 2; i < password.length; i++) {
    const a = password.charCodeAt(i - 2);
    const b = password.charCodeAt(i - 1);
    const c = password.charCodeAt(i);
    if ((a === b && b === c) || (b - a === 1 && c - b === 1) || (a - b === 1 && b - c === 1)) count++;
  }
  return count;
}

export const MIN_LENGTH = 10;

/// {score: 0..4, reason: 'tooShort'|'common'|'predictable'|'weak'|'fair'|'good'|'strong'}
export function passwordStrength(password) {
  const length = [...password].length;
  if (length < MIN_LENGTH) return { score: length ? 1 : 0, reason: 'tooShort' };
  const lower = password.toLowerCase();
  if (COMMON.some((word) => lower.includes(word)) && length < 16) return { score: 1, reason: 'common' };
  const effective = length - predictableCount(password);
  const bits = effective * Math.log2(Math.max(poolSize(password), 10));
  if (effective < length / 2) return { score: 1, reason: 'predictable' };
  if (bits < 45) return { score: 1, reason: 'weak' };
  if (bits < 60) return { score: 2, reason: 'fair' };
  if (bits < 80) return { score: 3, reason: 'good' };
  return { score: 4, reason: 'strong' };
}
