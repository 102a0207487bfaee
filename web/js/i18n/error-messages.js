// Words for every error kind the bindings, the storage and the page produce. The core's own
// messages are English and technical; users see these instead.
import { t, hasMessage } from './i18n.js';

const FIELD_KINDS = new Set(['invalid_argument', 'invalid_uri', 'invalid_base32']);

export function describeError(error) {
  if (!error) return t('error.generic');
  const fieldKey = `error.field.${error.field}`;
  if (FIELD_KINDS.has(error.kind) && error.field && hasMessage(fieldKey)) return t(fieldKey);
  const kindKey = `error.${error.kind}`;
  if (hasMessage(kindKey)) return t(kindKey);
  return t('error.generic');
}
